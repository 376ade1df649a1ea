//! Tests for `threads_join_order`. `cargo grade threads_join_order` runs them
//! against your `exercises/threads/threads_join_order.rs`.

use exercise::{Job, run_all};
use exercise_support::{Rendezvous, ReverseFinish};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

#[test]
fn results_come_back_in_the_order_of_the_jobs_not_the_order_they_finish() {
    // Job 5 finishes first and job 0 last.
    let relay = Arc::new(ReverseFinish::new(6));
    let jobs: Vec<Job<String>> = (0..6)
        .map(|i| {
            let relay = Arc::clone(&relay);
            Box::new(move || {
                relay.finish(i);
                format!("job {i}")
            }) as Job<String>
        })
        .collect();
    let expected: Vec<String> = (0..6).map(|i| format!("job {i}")).collect();
    assert_eq!(
        run_all(jobs),
        expected,
        "the jobs finished last to first: the results must come back in the order of the jobs all the same"
    );
}

#[test]
fn all_jobs_run_at_the_same_time() {
    let meeting = Arc::new(Rendezvous::new(8, "jobs", "running"));
    let jobs: Vec<Job<usize>> = (0..8_usize)
        .map(|i| {
            let meeting = Arc::clone(&meeting);
            Box::new(move || {
                meeting.meet();
                i * i
            }) as Job<usize>
        })
        .collect();
    assert_eq!(
        run_all(jobs),
        [0, 1, 4, 9, 16, 25, 36, 49],
        "job i returns i * i: the results must come back in the order of the jobs"
    );
}

#[test]
fn each_job_runs_exactly_once() {
    let runs = Arc::new(AtomicUsize::new(0));
    let jobs: Vec<Job<()>> = (0..10)
        .map(|_| {
            let runs = Arc::clone(&runs);
            Box::new(move || {
                runs.fetch_add(1, Ordering::SeqCst);
            }) as Job<()>
        })
        .collect();
    assert_eq!(run_all(jobs).len(), 10, "one result per job");
    assert_eq!(
        runs.load(Ordering::SeqCst),
        10,
        "each of the 10 jobs must run once"
    );
}

#[test]
fn works_for_results_of_any_type_and_for_no_jobs() {
    let jobs: Vec<Job<Vec<u32>>> = vec![
        Box::new(|| vec![1, 2]),
        Box::new(Vec::new),
        Box::new(|| vec![3]),
    ];
    assert_eq!(run_all(jobs), [vec![1, 2], vec![], vec![3]]);
    assert_eq!(
        run_all(Vec::<Job<u8>>::new()),
        Vec::<u8>::new(),
        "no jobs, no results"
    );
}
