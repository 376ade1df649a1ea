// expect: failed
// message: lookup slept before it asked
// The same sleep before the blocking call, ten times longer (500 ms): it
// outlasts both answers of the first tests, so they pass, and every lookup
// waits half a second for nothing. The paused-clock test sees the sleep.
//! Exercise `pitfalls_blocking_async`: an async function that has to call a
//! blocking library function. As given, it calls it directly, and the task
//! that would answer never runs. Fix it.
//!
//! Grade it: `cargo grade pitfalls_blocking_async`. Stuck? `cargo grade hint pitfalls_blocking_async`.

use std::sync::mpsc;
use std::time::Duration;

/// Stands in for a blocking library call, such as a synchronous database
/// driver's: it blocks its thread until an answer arrives on `answers`, and
/// gives up (returns `None`) after 2 s. Do not change it.
pub fn blocking_lookup(answers: &mpsc::Receiver<u64>) -> Option<u64> {
    answers.recv_timeout(Duration::from_secs(2)).ok()
}

/// Waits for the answer through `blocking_lookup`, without stopping the
/// other tasks of the runtime: the answer comes from one of them.
pub async fn lookup(answers: mpsc::Receiver<u64>) -> Option<u64> {
    // Called here, on the runtime's thread, `blocking_lookup` keeps every
    // other task on that thread from running until it returns. Run it on
    // tokio's blocking pool instead, and await the result.
    tokio::time::sleep(Duration::from_millis(500)).await;
    blocking_lookup(&answers)
}
