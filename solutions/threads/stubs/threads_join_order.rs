//! Exercise `threads_join_order`: run jobs on threads, all at the same time,
//! and hand back their results in the order the jobs were given, whatever
//! order they finish in.
//!
//! Grade it: `cargo grade threads_join_order`. Stuck? `cargo grade hint threads_join_order`.

use std::thread::{self, JoinHandle};

/// A job: a function to run once, on a thread of its own, that returns a `T`.
pub type Job<T> = Box<dyn FnOnce() -> T + Send>;

/// Runs every job on its own thread, all of them at the same time, and
/// returns their results in the order of `jobs` (the result of `jobs[0]`
/// first), even when a later job finishes first.
///
/// In Python: `futures = [pool.submit(job) for job in jobs]`, then
/// `[f.result() for f in futures]`; not `as_completed(futures)`, which yields
/// results in the order the jobs finish.
///
/// If a job panics, `run_all` may panic too.
pub fn run_all<T: Send + 'static>(jobs: Vec<Job<T>>) -> Vec<T> {
    // Your code: start a thread for every job and keep its `JoinHandle`. Only
    // when all of them are running, join the handles, in order.
    todo!("spawn a thread per job, then join the handles in order")
}
