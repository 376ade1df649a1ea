//! Tests for `pitfalls_blocking_async`. `cargo grade pitfalls_blocking_async`
//! runs them against your `exercises/pitfalls/pitfalls_blocking_async.rs`.
//!
//! `#[tokio::test]` runs each test on a single-threaded runtime: one thread
//! for every task. The answer `lookup` waits for is sent by another task on
//! that runtime, so it comes only if `lookup` leaves the thread free.

use exercise::lookup;
use std::sync::mpsc;
use std::time::Duration;

const BLOCKED: &str = "lookup returned None: the blocking call held the runtime's only thread, so \
                       the task that sends the answer never ran (run it with spawn_blocking)";

#[tokio::test]
async fn the_answer_comes_from_another_task() {
    let (answer, answers) = mpsc::channel();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(10)).await;
        answer.send(42).unwrap();
    });
    assert_eq!(lookup(answers).await, Some(42), "{BLOCKED}");
}

/// The answer comes from a ticker task after its 20th tick, 5 ms apart: about
/// 100 ms, while `lookup` waits. Sleeping a little before the blocking call
/// does not help: the ticker must keep running all the time `lookup` waits.
#[tokio::test]
async fn a_ticker_keeps_ticking_while_lookup_waits() {
    let (answer, answers) = mpsc::channel();
    let ticker = tokio::spawn(async move {
        let mut interval = tokio::time::interval(Duration::from_millis(5));
        for tick in 1..=20 {
            interval.tick().await;
            if tick == 20 {
                answer.send(tick).unwrap();
            }
        }
    });
    assert_eq!(lookup(answers).await, Some(20), "{BLOCKED}");
    ticker.await.unwrap();
}

/// A sleep before the blocking call passes the tests above once it outlasts
/// their answers. This one runs on tokio's paused clock, which moves only
/// when every task waits for a timer, and its answer is sent by a task that
/// needs no timer: a `lookup` that leaves the thread free gets it with the
/// clock still at zero, and one that sleeps first, however long, moves it.
#[tokio::test(start_paused = true)]
async fn lookup_waits_for_the_answer_not_for_a_time() {
    let (answer, answers) = mpsc::channel();
    let start = tokio::time::Instant::now();
    let answerer = tokio::spawn(async move { answer.send(7).unwrap() });
    assert_eq!(lookup(answers).await, Some(7), "{BLOCKED}");
    assert_eq!(
        start.elapsed(),
        Duration::ZERO,
        "lookup slept before it asked: a sleep guesses when the answer comes, and every lookup \
         pays for the guess. Run the blocking call with spawn_blocking and await it instead"
    );
    answerer.await.unwrap();
}
