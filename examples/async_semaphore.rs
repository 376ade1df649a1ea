//! A `Semaphore` limits how many tasks do something at once, like
//! `asyncio.Semaphore`: 6 downloads, at most 2 in flight, take 3 s, not 1 or 6.

// ANCHOR: main
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let permits = Arc::new(Semaphore::new(2));
    let in_flight = Arc::new(AtomicUsize::new(0));
    let most_in_flight = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();

    let mut downloads = JoinSet::new();
    for _ in 0..6 {
        let permits = Arc::clone(&permits);
        let in_flight = Arc::clone(&in_flight);
        let most_in_flight = Arc::clone(&most_in_flight);
        downloads.spawn(async move {
            // Hold the permit in a named variable until the end of the task.
            // (`let _ = …` would drop it at once: no limit at all.)
            let _permit = permits.acquire().await.unwrap();
            let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            most_in_flight.fetch_max(now, Ordering::SeqCst);
            sleep(Duration::from_secs(1)).await; // the download
            in_flight.fetch_sub(1, Ordering::SeqCst);
        });
    }
    downloads.join_all().await;
    println!(
        "6 downloads of 1 s, at most {} in flight, took {:?}",
        most_in_flight.load(Ordering::SeqCst),
        start.elapsed()
    );
}
// ANCHOR_END: main
