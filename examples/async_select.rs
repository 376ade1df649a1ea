//! `tokio::select!` waits for the first of several futures, like
//! `asyncio.wait(..., return_when=FIRST_COMPLETED)`, and drops (cancels) the others.

// ANCHOR: main
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::sleep;

/// Prints a line if dropped before `finish`: shows which futures were cancelled.
struct Canary(&'static str);

impl Canary {
    fn finish(self) {
        std::mem::forget(self);
    }
}

impl Drop for Canary {
    fn drop(&mut self) {
        println!("  {}: dropped before it finished", self.0);
    }
}

async fn work(name: &'static str, secs: u64) -> &'static str {
    let canary = Canary(name);
    sleep(Duration::from_secs(secs)).await;
    canary.finish();
    name
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    println!("race: fast (1 s) against slow (3 s)");
    let winner = tokio::select! {
        name = work("fast", 1) => name,
        name = work("slow", 3) => name,
    };
    println!("winner: {winner}");

    // In a loop, a branch that loses is dropped and made again on the next
    // turn. `recv` is cancel safe: a dropped `recv` has taken no message.
    let (tx, mut rx) = mpsc::channel(8);
    tokio::spawn(async move {
        for n in 1..=3 {
            sleep(Duration::from_millis(400)).await;
            tx.send(n).await.unwrap();
        }
    });
    let mut ticks = 0;
    loop {
        tokio::select! {
            message = rx.recv() => match message {
                Some(n) => println!("message {n} after {ticks} ticks"),
                None => break,
            },
            _ = sleep(Duration::from_millis(300)) => ticks += 1,
        }
    }
    println!("channel closed after {ticks} ticks; no message was lost");
}
// ANCHOR_END: main
