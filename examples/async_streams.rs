//! tokio-stream: `stream::iter` and the `StreamExt` adaptors (`filter`, `map`, `next`,
//! `throttle`) are Rust's async iterators; Python writes async generators and `async for`.

// ANCHOR: main
use std::time::Duration;

use tokio::time::Instant;
use tokio_stream::{self as stream, StreamExt};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let readings = [12, 47, 3, 51, 60, 8, 49];

    // Lazy, like an iterator: nothing is examined until `next` asks.
    let mut alarms = stream::iter(readings)
        .filter(|celsius| *celsius > 45)
        .map(|celsius| format!("{celsius} °C is too hot"));
    while let Some(alarm) = alarms.next().await {
        println!("{alarm}");
    }

    // `throttle` lets at most one item through per period: a rate limit.
    let start = Instant::now();
    let throttled = stream::iter(["ping", "ping", "ping"]).throttle(Duration::from_millis(500));
    tokio::pin!(throttled); // `throttle` must not move while it is polled
    while let Some(message) = throttled.next().await {
        println!("{message} at {:?}", start.elapsed());
    }
}
// ANCHOR_END: main
