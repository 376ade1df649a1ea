//! A `watch` channel holds one value, the latest: receivers wait for a change and
//! read the current value, skipping any they missed. Good for settings and status.

// ANCHOR: main
use std::sync::Arc;

use tokio::sync::{Notify, watch};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = watch::channel("starting");
    let seen = Arc::new(Notify::new()); // the watcher says "I have looked"
    let seen_by_watcher = Arc::clone(&seen);

    let watcher = tokio::spawn(async move {
        // `changed` waits for a value this receiver has not seen yet, and
        // returns Err once the sender is gone.
        while rx.changed().await.is_ok() {
            println!("watcher sees: {}", *rx.borrow_and_update());
            seen_by_watcher.notify_one();
        }
        println!("watcher: the sender is gone");
    });

    tx.send("loading").unwrap();
    seen.notified().await; // wait until the watcher has seen "loading"
    tx.send("50 %").unwrap();
    tx.send("90 %").unwrap(); // replaces "50 %" before the watcher looks
    tx.send("ready").unwrap();
    println!("main: the value is now {}", *tx.borrow());
    seen.notified().await;
    drop(tx);
    watcher.await.unwrap();
}
// ANCHOR_END: main
