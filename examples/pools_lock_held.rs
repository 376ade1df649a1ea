//! Two worker loops that differ by one line: `while let` keeps the receiver's
//! lock for the whole job, so a pool of two threads runs one job at a time.

use std::sync::{Arc, Mutex, mpsc};
use std::thread::{self, JoinHandle};
use std::time::Duration;

type Job = Box<dyn FnOnce() + Send + 'static>;
type Queue = Arc<Mutex<mpsc::Receiver<Job>>>;

// ANCHOR: loops
/// Takes a job with the lock held, releases the lock, then runs the job.
fn let_then_run(receiver: Queue) {
    loop {
        let message = receiver.lock().unwrap().recv(); // the guard is dropped here
        let Ok(job) = message else { return };
        job();
    }
}

/// Looks the same, but the guard is a temporary of the `while let` condition,
/// and such a temporary lives until the end of the loop's body: the job runs
/// with the lock held, and no other worker can take a job meanwhile.
fn while_let(receiver: Queue) {
    while let Ok(job) = receiver.lock().unwrap().recv() {
        job();
    }
}
// ANCHOR_END: loops

/// A pool of `size` threads running `worker`; dropping it closes the channel and
/// joins them (as in the graceful pool).
struct Pool {
    sender: Option<mpsc::Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

impl Pool {
    fn new(size: usize, worker: fn(Queue)) -> Pool {
        let (sender, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        let workers = (0..size)
            .map(|_| {
                let receiver = Arc::clone(&receiver);
                thread::spawn(move || worker(receiver))
            })
            .collect();
        Pool {
            sender: Some(sender),
            workers,
        }
    }

    fn execute(&self, job: impl FnOnce() + Send + 'static) {
        self.sender.as_ref().unwrap().send(Box::new(job)).unwrap();
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        drop(self.sender.take());
        for worker in self.workers.drain(..) {
            worker.join().unwrap();
        }
    }
}

// ANCHOR: main
/// Job A waits for a signal from job B. On two threads, B runs alongside A and
/// sends it at once; if the pool runs one job at a time, A gives up after 1 s.
fn run_pair(pool: &Pool) -> &'static str {
    let (b_started, b_has_started) = mpsc::channel();
    let (report, outcome) = mpsc::channel();
    pool.execute(move || {
        let heard = b_has_started.recv_timeout(Duration::from_secs(1));
        let text = match heard {
            Ok(()) => "job B ran while job A was running",
            Err(_) => "job A waited 1 s alone: job B could not start",
        };
        report.send(text).unwrap();
    });
    pool.execute(move || {
        // If A has given up, nobody listens any more; that is fine.
        let _ = b_started.send(());
    });
    outcome.recv().unwrap()
}

fn main() {
    let pool = Pool::new(2, let_then_run);
    println!("let, then run:  {}", run_pair(&pool));
    drop(pool);

    let pool = Pool::new(2, while_let);
    println!("while let:      {}", run_pair(&pool));
}
// ANCHOR_END: main
