//! `tokio::try_join!` stops at the first error and drops the other futures,
//! which cancels them: the counterpart of asyncio's TaskGroup, not of gather.

// ANCHOR: main
use std::time::Duration;

use tokio::time::sleep;

/// Prints a line if it is dropped before `finish` is called: it shows which
/// futures were cancelled.
struct Canary(&'static str);

impl Canary {
    fn finish(self) {
        std::mem::forget(self);
    }
}

impl Drop for Canary {
    fn drop(&mut self) {
        println!("{}: cancelled before it finished", self.0);
    }
}

async fn fetch(url: &'static str, secs: u64) -> Result<String, String> {
    let canary = Canary(url);
    sleep(Duration::from_secs(secs)).await;
    canary.finish();
    if url.ends_with("broken") {
        return Err(format!("{url}: 404"));
    }
    Ok(format!("{url}: 200"))
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let all = tokio::try_join!(fetch("/home", 1), fetch("/docs", 2));
    println!("both succeed: {all:?}");

    let all = tokio::try_join!(fetch("/home", 1), fetch("/broken", 2), fetch("/slow", 10));
    println!("one fails:    {all:?}");
}
// ANCHOR_END: main
