//! Tests for `pools_graceful_shutdown`. `cargo grade pools_graceful_shutdown`
//! runs them against your `exercises/pools/pools_graceful_shutdown.rs`.
//!
//! Every test holds its pool in a `ManuallyDrop` and drops it through
//! `shut_down`, before it asserts anything: a pool dropped while a failed test
//! unwinds could panic a second time, and that would end the whole test program.

use exercise::ThreadPool;
use exercise_support::{PATIENCE, Rendezvous};
use std::cell::RefCell;
use std::collections::HashSet;
use std::mem::ManuallyDrop;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// A new pool that is dropped only by `shut_down`.
fn new_pool(size: usize) -> ManuallyDrop<ThreadPool> {
    ManuallyDrop::new(ThreadPool::new(size))
}

/// Drops the pool, and turns a panic inside `drop` into an explanation.
fn shut_down(pool: ManuallyDrop<ThreadPool>) -> Result<(), String> {
    let pool = ManuallyDrop::into_inner(pool);
    panic::catch_unwind(AssertUnwindSafe(|| drop(pool))).map_err(|payload| {
        let text = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        format!(
            "dropping the pool panicked ({text}): a worker must return quietly when \
             `recv()` says the channel is closed, not unwrap the `Err`"
        )
    })
}

/// Fails the test with the explanation of a failed shutdown.
fn check(shutdown: Result<(), String>) {
    if let Err(why) = shutdown {
        panic!("{why}");
    }
}

/// Receives `count` reports from the jobs, waiting at most `2 * PATIENCE` in
/// all (a job that fails at a meeting point reports after `PATIENCE`).
fn receive<T>(reports: &mpsc::Receiver<T>, count: usize) -> Vec<Result<T, mpsc::RecvTimeoutError>> {
    let deadline = Instant::now() + PATIENCE * 2;
    (0..count)
        .map(|_| reports.recv_timeout(deadline.saturating_duration_since(Instant::now())))
        .collect()
}

/// A gate that jobs wait at until the test opens it (at most `PATIENCE`, so that
/// a broken pool cannot hang the test).
#[derive(Clone, Default)]
struct Gate(Arc<(Mutex<bool>, Condvar)>);

impl Gate {
    fn wait(&self) {
        let (open, changed) = &*self.0;
        let guard = open.lock().unwrap();
        let _ = changed.wait_timeout_while(guard, PATIENCE, |open| !*open);
    }

    fn open(&self) {
        let (open, changed) = &*self.0;
        *open.lock().unwrap() = true;
        changed.notify_all();
    }
}

#[test]
fn dropping_the_pool_runs_every_queued_job_and_waits_for_them() {
    let pool = new_pool(2);
    let gate = Gate::default();
    let entered = Arc::new(AtomicUsize::new(0));
    let (held, ran) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    // Two jobs that keep both workers busy until the gate opens...
    for _ in 0..2 {
        let (gate, entered, held) = (gate.clone(), Arc::clone(&entered), Arc::clone(&held));
        pool.execute(move || {
            entered.fetch_add(1, Ordering::SeqCst);
            gate.wait();
            held.fetch_add(1, Ordering::SeqCst);
        });
    }
    // ...so these ten are still in the queue when the pool is dropped.
    for _ in 0..10 {
        let ran = Arc::clone(&ran);
        pool.execute(move || {
            ran.fetch_add(1, Ordering::SeqCst);
        });
    }
    let (dropping, drop_started) = mpsc::channel();
    let (dropped, drop_returned) = mpsc::channel();
    let dropper = {
        let (entered, held, ran) = (Arc::clone(&entered), Arc::clone(&held), Arc::clone(&ran));
        thread::spawn(move || {
            let _ = dropping.send(());
            let outcome = shut_down(pool);
            // What had finished at the moment `drop` returned. After a correct
            // `drop` (every worker joined) that is every job, on every run.
            let held_now = held.load(Ordering::SeqCst);
            let still_running = entered.load(Ordering::SeqCst) - held_now;
            let finished = (still_running, held_now + ran.load(Ordering::SeqCst));
            let _ = dropped.send(());
            (outcome, finished)
        })
    };
    // A correct `drop` cannot return while the gate is closed: it is waiting
    // for the jobs. Once the dropper is running, give a wrong `drop` time to
    // return, then open the gate.
    let _ = drop_started.recv_timeout(PATIENCE);
    let returned_early = drop_returned
        .recv_timeout(Duration::from_millis(300))
        .is_ok();
    gate.open();
    let (outcome, (running_at_return, finished_at_return)) =
        dropper.join().expect("the test's own thread panicked");

    check(outcome);
    assert!(
        !returned_early && running_at_return == 0,
        "dropping the pool returned while jobs were still running and others were queued: \
         `drop` must join every worker, and a worker returns only once the queue is empty"
    );
    assert_eq!(
        finished_at_return, 12,
        "only {finished_at_return} of the 12 jobs (2 held at a gate, 10 queued behind them) had \
         run when dropping the pool returned: dropping the pool must still run every job that \
         was queued before it, and `drop` must join every worker"
    );
}

#[test]
fn the_workers_run_jobs_at_the_same_time() {
    let pool = new_pool(3);
    let meeting = Arc::new(Rendezvous::new(3, "jobs", "running"));
    let (report, reports) = mpsc::channel();
    for _ in 0..3 {
        let (meeting, report) = (Arc::clone(&meeting), report.clone());
        pool.execute(move || {
            let met = panic::catch_unwind(AssertUnwindSafe(|| meeting.meet()));
            let why = met.err().map(|payload| {
                payload
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_default()
            });
            let _ = report.send(why);
        });
    }
    let outcomes = receive(&reports, 3);
    let shutdown = shut_down(pool);

    for outcome in outcomes {
        match outcome {
            Ok(None) => {}
            Ok(Some(why)) => panic!("{why}"),
            Err(_) => panic!("a job never ran: do the workers take jobs from the channel?"),
        }
    }
    check(shutdown);
}

#[test]
fn a_pool_that_was_idle_still_runs_jobs() {
    let pool = new_pool(2);
    // The pool has nothing to do for a while. A correct worker waits in
    // `recv()` as long as the channel is open; the pause only gives a worker
    // that gives up when the queue is empty (a timeout, `try_recv`) time to
    // do so. It cannot make a correct pool fail.
    thread::sleep(Duration::from_millis(300));
    let meeting = Arc::new(Rendezvous::new(2, "jobs", "running"));
    let (report, reports) = mpsc::channel();
    let mut queued = 0;
    for _ in 0..2 {
        let (meeting, report) = (Arc::clone(&meeting), report.clone());
        // If every worker has quit, the channel has no receiver left and
        // `execute`'s `send` fails: that counts as a job that never ran.
        let sent = panic::catch_unwind(AssertUnwindSafe(|| {
            pool.execute(move || {
                let met = panic::catch_unwind(AssertUnwindSafe(|| meeting.meet()));
                let _ = report.send(met.is_ok());
            })
        }));
        queued += usize::from(sent.is_ok());
    }
    drop(report);
    let outcomes = receive(&reports, queued);
    let shutdown = shut_down(pool);

    check(shutdown);
    let ran = outcomes.iter().filter(|o| o.is_ok()).count();
    assert_eq!(
        ran, 2,
        "only {ran} of 2 jobs queued after the pool had been idle for 300 ms ran ({queued} \
         could be queued): a worker must wait for jobs as long as the channel is open; only \
         `Err(RecvError)` means stop"
    );
    assert!(
        outcomes.iter().all(|o| o == &Ok(true)),
        "the two jobs did not run at the same time on the two workers"
    );
}

thread_local! {
    /// Set on each worker thread that runs a `mark_thread` job; dropped (and
    /// counted) when that thread ends.
    static ALIVE: RefCell<Option<Alive>> = const { RefCell::new(None) };
}

/// Counts the worker threads that are still running.
struct Alive(Arc<AtomicUsize>);

impl Drop for Alive {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn mark_thread(alive: &Arc<AtomicUsize>) {
    ALIVE.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            alive.fetch_add(1, Ordering::SeqCst);
            *slot = Some(Alive(Arc::clone(alive)));
        }
    });
}

#[test]
fn every_worker_has_ended_when_drop_returns() {
    let pool = new_pool(3);
    let alive = Arc::new(AtomicUsize::new(0));
    let meeting = Arc::new(Rendezvous::new(3, "jobs", "running"));
    let (report, reports) = mpsc::channel();
    // Three jobs that meet, so that each of the three workers runs one.
    for _ in 0..3 {
        let (alive, meeting, report) = (Arc::clone(&alive), Arc::clone(&meeting), report.clone());
        pool.execute(move || {
            mark_thread(&alive);
            let met = panic::catch_unwind(AssertUnwindSafe(|| meeting.meet()));
            let _ = report.send(met.is_ok());
        });
    }
    let met = receive(&reports, 3);
    let shutdown = shut_down(pool);
    let still_running = alive.load(Ordering::SeqCst);

    check(shutdown);
    assert!(
        met.iter().all(|m| m == &Ok(true)),
        "the three jobs did not all run at the same time on the three workers"
    );
    assert_eq!(
        still_running, 0,
        "{still_running} worker threads were still running after the pool was dropped: \
         `drop` must join every worker"
    );
}

#[test]
fn the_pool_reuses_its_threads() {
    let pool = new_pool(2);
    let threads = Arc::new(Mutex::new(HashSet::new()));
    let ran = Arc::new(AtomicUsize::new(0));
    for _ in 0..20 {
        let (threads, ran) = (Arc::clone(&threads), Arc::clone(&ran));
        pool.execute(move || {
            threads.lock().unwrap().insert(thread::current().id());
            ran.fetch_add(1, Ordering::SeqCst);
        });
    }
    let shutdown = shut_down(pool);

    check(shutdown);
    assert_eq!(
        ran.load(Ordering::SeqCst),
        20,
        "each of the 20 jobs must run once"
    );
    let count = threads.lock().unwrap().len();
    assert!(
        count <= 2,
        "the 20 jobs ran on {count} different threads: a pool of 2 must reuse its 2 threads"
    );
}

#[test]
fn an_idle_pool_shuts_down_at_once() {
    check(shut_down(new_pool(4)));
}
