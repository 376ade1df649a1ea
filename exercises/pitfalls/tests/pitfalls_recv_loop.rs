//! Tests for `pitfalls_recv_loop`. `cargo grade pitfalls_recv_loop` runs them
//! against your `exercises/pitfalls/pitfalls_recv_loop.rs`.
//!
//! `gather` runs under a watchdog: if it has not returned 2 s after it was
//! called, the test fails saying so, instead of waiting forever with it.

use exercise::{Job, gather};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// Calls `gather(jobs)` on a thread of its own; fails if it has not returned
/// within 2 s (every job here is done in well under a second).
#[track_caller]
fn gather_with_a_watchdog(jobs: Vec<Job>) -> Vec<u64> {
    let (done, result) = mpsc::channel();
    thread::spawn(move || {
        let _ = done.send(gather(jobs));
    });
    result.recv_timeout(Duration::from_secs(2)).expect(
        "gather did not return within 2 s of being called, though every job had finished: \
         its receiving loop still waits, because a Sender is still alive (or because it waits \
         for a quiet spell before it stops)",
    )
}

#[test]
fn every_result_of_every_job_is_gathered() {
    let jobs: Vec<Job> = (0..4)
        .map(|id| {
            Box::new(move |tx: &mpsc::Sender<u64>| {
                for n in 0..3 {
                    tx.send(id * 10 + n).unwrap();
                }
            }) as Job
        })
        .collect();
    let mut results = gather_with_a_watchdog(jobs);
    results.sort();
    assert_eq!(
        results,
        [0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32],
        "every result, once"
    );
}

/// One job is slow: a second of work between its two results. A loop that
/// stops after a quiet spell shorter than that ends too early and misses the
/// second result; one that waits a second or more of quiet cannot return
/// before 2 s, and the watchdog fails it. No timeout passes both.
#[test]
fn a_slow_job_is_waited_for() {
    let jobs: Vec<Job> = vec![
        Box::new(|tx: &mpsc::Sender<u64>| tx.send(1).unwrap()),
        Box::new(|tx: &mpsc::Sender<u64>| {
            tx.send(2).unwrap();
            thread::sleep(Duration::from_secs(1)); // stands in for slow work
            tx.send(3).unwrap();
        }),
    ];
    let mut results = gather_with_a_watchdog(jobs);
    results.sort();
    assert_eq!(
        results,
        [1, 2, 3],
        "gather returned before the slow job had finished"
    );
}

#[test]
fn no_jobs_means_no_results() {
    assert_eq!(
        gather_with_a_watchdog(Vec::new()),
        Vec::<u64>::new(),
        "nothing to gather"
    );
}
