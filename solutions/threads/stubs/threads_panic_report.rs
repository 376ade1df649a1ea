//! Exercise `threads_panic_report`: run jobs on named threads and report the
//! ones that panicked, with their message, instead of losing them.
//!
//! Grade it: `cargo grade threads_panic_report`. Stuck? `cargo grade hint threads_panic_report`.

use std::any::Any;
use std::thread;

/// A job to run on a thread of its own.
pub type Job = Box<dyn FnOnce() -> u64 + Send>;

/// The message of a panic, from the payload that `JoinHandle::join` returns
/// in its `Err`: `panic!("disk full")` leaves a `&'static str`, a panic with
/// formatting (`panic!("bad record {n}")`) a `String`. Any other payload (from
/// `std::panic::panic_any`) has no message: say so in a few words.
pub fn panic_message(payload: Box<dyn Any + Send>) -> String {
    todo!("downcast `payload` to a &str or a String")
}

/// Runs every job at the same time, each on its own thread named `job-0`,
/// `job-1`, … after its place in `jobs`, and reports on each, in order:
/// `Ok(value)` for a job that returned, `Err(message)` for one that panicked
/// (with `panic_message`). A panicking job must not stop the others, nor
/// make `run_and_report` panic.
///
/// Python's `threading.Thread` prints a worker's exception and forgets it;
/// a `concurrent.futures` future keeps it for `f.exception()`. Here `join`
/// keeps it: report it.
pub fn run_and_report(jobs: Vec<Job>) -> Vec<Result<u64, String>> {
    // Your code: `thread::Builder` names a thread; `join` hands back what the
    // job returned, or its panic.
    todo!("run each job on a named thread; report what `join` returns")
}
