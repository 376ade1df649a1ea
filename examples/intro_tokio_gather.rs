//! tokio: three simulated downloads run at the same time with `tokio::join!`,
//! Rust's counterpart of `asyncio.gather`.

// ANCHOR: main
use std::time::Duration;

use tokio::time::sleep;

/// Pretends to download `url`; the sleep stands in for network latency.
async fn fetch(url: &str, latency_ms: u64) -> String {
    sleep(Duration::from_millis(latency_ms)).await;
    format!("{url} answered after {latency_ms} ms")
}

#[tokio::main]
async fn main() {
    // `join!` polls the three futures concurrently, inside this one task, and
    // waits for all of them. Results come back in the order written, as with `gather`.
    let (home, docs, blog) = tokio::join!(
        fetch("example.org/home", 50),
        fetch("example.org/docs", 30),
        fetch("example.org/blog", 40),
    );
    println!("{home}");
    println!("{docs}");
    println!("{blog}");
}
// ANCHOR_END: main
