// expect: failed
// message: called `Result::unwrap()` on an `Err` value
// Unwraps each `join`: the first job that panicked makes `run_and_report`
// panic in turn, and the other results are lost.

use std::any::Any;
use std::thread;

pub type Job = Box<dyn FnOnce() -> u64 + Send>;

pub fn panic_message(payload: Box<dyn Any + Send>) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text.to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_owned()
    }
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
    handles.into_iter().map(|h| Ok(h.join().unwrap())).collect()
}
