//! Tests for `pools_map_ordered`. `cargo grade pools_map_ordered` runs them
//! against your `exercises/pools/pools_map_ordered.rs`.

use exercise::map_ordered;
use exercise_support::{PATIENCE, Rendezvous, ReverseFinish};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use threadpool::{Builder, ThreadPool};

#[test]
fn results_come_back_in_the_order_of_the_inputs_not_the_order_they_finish() {
    let pool = ThreadPool::new(6);
    // The job for input 5 finishes first, the one for input 0 last.
    let relay = Arc::new(ReverseFinish::new(6));
    let results = map_ordered(&pool, (0..6).collect(), move |i: usize| {
        relay.finish(i);
        format!("result {i}")
    });
    let expected: Vec<String> = (0..6).map(|i| format!("result {i}")).collect();
    assert_eq!(
        results, expected,
        "the jobs finished last to first: the results must come back in the order of the inputs \
         all the same"
    );
}

#[test]
fn every_job_is_queued_before_any_result_is_awaited() {
    let pool = ThreadPool::new(4);
    let meeting = Arc::new(Rendezvous::new(4, "jobs", "running"));
    let results = map_ordered(&pool, vec![1, 2, 3, 4], move |n: u64| {
        // A failed meeting comes back as a result, to be reported here.
        panic::catch_unwind(AssertUnwindSafe(|| meeting.meet()))
            .map(|()| n * n)
            .map_err(|payload| {
                payload
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_default()
            })
    });
    let mut squares = Vec::new();
    for result in results {
        match result {
            Ok(square) => squares.push(square),
            Err(why) => panic!("{why}"),
        }
    }
    // This test is about running at the same time; another one checks the order.
    squares.sort();
    assert_eq!(squares, [1, 4, 9, 16], "input n gives n * n");
}

#[test]
fn the_jobs_run_on_the_pool_given() {
    let pool = Builder::new()
        .num_threads(3)
        .thread_name("the-pool".to_string())
        .build();
    let names = map_ordered(&pool, (0..12).collect(), |_: u32| {
        thread::current()
            .name()
            .unwrap_or("an unnamed thread")
            .to_string()
    });
    for name in names {
        assert_eq!(
            name, "the-pool",
            "a job ran on a thread that is not one of the pool's: use `pool.execute`"
        );
    }
}

#[test]
fn it_waits_only_for_its_own_jobs() {
    let pool = ThreadPool::new(2);
    // Someone else's job, which keeps one of the two threads busy until the
    // test opens the gate (or `PATIENCE` runs out).
    let gate = Arc::new((Mutex::new(false), Condvar::new()));
    let released_by_the_test = Arc::new(AtomicUsize::new(0));
    {
        let (gate, released) = (Arc::clone(&gate), Arc::clone(&released_by_the_test));
        pool.execute(move || {
            let (open, changed) = &*gate;
            let guard = open.lock().unwrap();
            let (guard, _) = changed
                .wait_timeout_while(guard, PATIENCE, |open| !*open)
                .unwrap();
            if *guard {
                released.fetch_add(1, Ordering::SeqCst);
            }
        });
    }
    let mut results = map_ordered(&pool, vec![3, 1, 2], |n: i32| -n);
    let (open, changed) = &*gate;
    *open.lock().unwrap() = true;
    changed.notify_all();
    pool.join();
    results.sort();
    assert_eq!(results, [-3, -2, -1], "input n gives -n");
    assert_eq!(
        released_by_the_test.load(Ordering::SeqCst),
        1,
        "map_ordered waited for a job that was not its own: `pool.join()` waits for \
         every job on the pool; wait for your own results instead"
    );
}

#[test]
fn each_input_is_used_once_and_no_inputs_give_no_results() {
    let pool = ThreadPool::new(3);
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let mut results = map_ordered(&pool, vec!["a", "bb", "ccc"], move |s: &str| {
        counter.fetch_add(1, Ordering::SeqCst);
        s.len()
    });
    results.sort();
    assert_eq!(results, [1, 2, 3], "one result per input");
    assert_eq!(calls.load(Ordering::SeqCst), 3, "f must run once per input");
    assert_eq!(
        map_ordered(&pool, Vec::<u8>::new(), |n| n),
        Vec::<u8>::new(),
        "no inputs, no results"
    );
}

#[test]
fn a_job_that_panics_makes_map_ordered_panic() {
    let pool = ThreadPool::new(2);
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        map_ordered(&pool, vec![1, 0, 4], move |n: u32| {
            counter.fetch_add(1, Ordering::SeqCst);
            if n == 0 {
                panic!("the job for input 0 fails on purpose: map_ordered must panic too");
            }
            12 / n
        })
    }));
    pool.join();
    let calls = calls.load(Ordering::SeqCst);
    assert!(
        calls > 0,
        "map_ordered panicked before running any job: it must run `f` on the inputs"
    );
    assert!(
        outcome.is_err(),
        "the job for input 0 panicked, but map_ordered returned {:?}: a result is missing, \
         and that must not go unnoticed",
        outcome.unwrap()
    );
}
