//! `tokio::time::timeout` gives a future a time limit, like `asyncio.wait_for` and
//! `asyncio.timeout`: if time runs out the future is dropped and you get `Err(Elapsed)`.

// ANCHOR: main
use std::time::Duration;

use tokio::time::{sleep, timeout};

async fn lookup(name: &str, secs: u64) -> String {
    sleep(Duration::from_secs(secs)).await;
    format!("{name} found")
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let limit = Duration::from_secs(2);
    match timeout(limit, lookup("quick", 1)).await {
        Ok(answer) => println!("quick: {answer}"),
        Err(_) => println!("quick: gave up after {limit:?}"),
    }
    match timeout(limit, lookup("slow", 60)).await {
        Ok(answer) => println!("slow: {answer}"),
        Err(elapsed) => println!("slow: gave up after {limit:?} ({elapsed})"),
    }
}
// ANCHOR_END: main
