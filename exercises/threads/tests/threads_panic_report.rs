//! Tests for `threads_panic_report`. `cargo grade threads_panic_report` runs
//! them against your `exercises/threads/threads_panic_report.rs`.

use exercise::{Job, panic_message, run_and_report};
use exercise_support::Rendezvous;
use std::panic::resume_unwind;
use std::sync::{Arc, Mutex};
use std::thread;

fn returns(value: u64) -> Job {
    Box::new(move || value)
}

/// A job that panics the way `panic!("{message}")` would, but quietly:
/// `resume_unwind` skips the printing, so that when a test fails, the only
/// panic message you see is the test's own.
fn panics(message: &'static str) -> Job {
    Box::new(move || resume_unwind(Box::new(message)))
}

#[test]
fn panic_message_reads_a_str_payload() {
    assert_eq!(panic_message(Box::new("disk full")), "disk full");
}

#[test]
fn panic_message_reads_a_string_payload() {
    assert_eq!(
        panic_message(Box::new(String::from("bad record 7"))),
        "bad record 7"
    );
}

#[test]
fn panic_message_says_something_for_other_payloads() {
    assert!(
        !panic_message(Box::new(42_i32)).is_empty(),
        "a payload that is not text still needs a few words"
    );
}

#[test]
fn jobs_that_return_are_ok_and_run_at_the_same_time() {
    let meeting = Arc::new(Rendezvous::new(4, "jobs", "running"));
    let jobs: Vec<Job> = (0..4_u64)
        .map(|i| {
            let meeting = Arc::clone(&meeting);
            Box::new(move || {
                meeting.meet();
                i * 10
            }) as Job
        })
        .collect();
    assert_eq!(
        run_and_report(jobs),
        [Ok(0), Ok(10), Ok(20), Ok(30)],
        "four jobs returned 0, 10, 20 and 30"
    );
}

#[test]
fn a_panicking_job_is_reported_with_its_message() {
    let report = run_and_report(vec![returns(1), panics("disk full"), returns(3)]);
    assert_eq!(
        report,
        [Ok(1), Err("disk full".to_owned()), Ok(3)],
        "job 1 panicked with \"disk full\": report it as Err(\"disk full\"), in its place"
    );
}

#[test]
fn a_formatted_panic_message_is_reported() {
    let record = 7;
    // What `panic!("bad record {record}")` would leave: a `String`.
    let report = run_and_report(vec![Box::new(move || {
        resume_unwind(Box::new(format!("bad record {record}")))
    })]);
    assert_eq!(
        report,
        [Err("bad record 7".to_owned())],
        "the job panicked with \"bad record 7\" (a `String` payload): report it as Err(\"bad record 7\")"
    );
}

#[test]
fn one_panic_does_not_stop_the_others() {
    let meeting = Arc::new(Rendezvous::new(3, "jobs", "running"));
    let mut jobs = vec![panics("first job fails at once")];
    for i in 1..=3 {
        let meeting = Arc::clone(&meeting);
        jobs.push(Box::new(move || {
            meeting.meet();
            i
        }));
    }
    assert_eq!(
        run_and_report(jobs),
        [
            Err("first job fails at once".to_owned()),
            Ok(1),
            Ok(2),
            Ok(3)
        ],
        "job 0 panicked with \"first job fails at once\"; jobs 1 to 3 returned 1 to 3"
    );
}

#[test]
fn every_job_may_panic() {
    let report = run_and_report(vec![panics("a"), panics("b")]);
    assert_eq!(
        report,
        [Err("a".to_owned()), Err("b".to_owned())],
        "both jobs panicked, with \"a\" and \"b\""
    );
}

#[test]
fn each_job_runs_on_a_thread_named_after_its_place() {
    let names = Arc::new(Mutex::new(vec![None; 3]));
    let jobs: Vec<Job> = (0..3)
        .map(|i| {
            let names = Arc::clone(&names);
            Box::new(move || {
                names.lock().unwrap()[i] = thread::current().name().map(str::to_owned);
                0_u64
            }) as Job
        })
        .collect();
    run_and_report(jobs);
    let names = names.lock().unwrap().clone();
    for (i, name) in names.iter().enumerate() {
        assert_eq!(
            name.as_deref(),
            Some(format!("job-{i}").as_str()),
            "job {i} ran on a thread named {name:?}: name it `job-{i}`"
        );
    }
}
