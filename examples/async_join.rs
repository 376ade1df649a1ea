//! `tokio::join!` runs futures concurrently, like `asyncio.gather`: five one-second
//! naps take one second, not five. Paused time makes the elapsed time exact.

// ANCHOR: main
use std::time::Duration;

use tokio::time::{Instant, sleep};

async fn nap(id: u32) -> u32 {
    sleep(Duration::from_secs(1)).await;
    id
}

// `start_paused`: tokio's clock stands still and jumps straight to the next
// timer whenever every task is waiting, so a 1 s sleep takes no real time and
// the elapsed virtual time is exact. (Needs tokio's `test-util` feature.)
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut ids = Vec::new();
    for id in 1..=5 {
        ids.push(nap(id).await); // one after another
    }
    println!("awaited in turn: {ids:?} after {:?}", start.elapsed());

    let start = Instant::now();
    let (a, b, c, d, e) = tokio::join!(nap(1), nap(2), nap(3), nap(4), nap(5));
    println!(
        "tokio::join!:    {:?} after {:?}",
        [a, b, c, d, e],
        start.elapsed()
    );
}
// ANCHOR_END: main
