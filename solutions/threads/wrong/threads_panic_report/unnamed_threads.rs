// expect: failed
// message: name it `job-0`
// Reports panics correctly, but on unnamed threads (`thread::spawn`): the
// panic messages then say `thread '<unnamed>' panicked`, which helps no one.

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
    let handles: Vec<_> = jobs.into_iter().map(thread::spawn).collect();
    handles
        .into_iter()
        .map(|h| h.join().map_err(panic_message))
        .collect()
}
