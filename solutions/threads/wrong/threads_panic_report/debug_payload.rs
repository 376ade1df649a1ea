// expect: failed
// message: Any { .. }
// Formats the payload with `{:?}` instead of downcasting it: every message
// comes out as `Any { .. }`.

use std::any::Any;
use std::thread;

pub type Job = Box<dyn FnOnce() -> u64 + Send>;

pub fn panic_message(payload: Box<dyn Any + Send>) -> String {
    format!("{payload:?}")
}

pub fn run_and_report(jobs: Vec<Job>) -> Vec<Result<u64, String>> {
    let handles: Vec<_> = jobs
        .into_iter()
        .enumerate()
        .map(|(i, job)| {
            thread::Builder::new()
                .name(format!("job-{i}"))
                .spawn(job)
                .unwrap()
        })
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().map_err(panic_message))
        .collect()
}
