//! Blocking work (a long computation, a blocking library call) goes to
//! `spawn_blocking`, a thread pool beside the runtime, like `asyncio.to_thread`.

// ANCHOR: main
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use tokio::time::sleep;

/// CPU-bound: it never reaches an `.await`, so on a runtime thread it would
/// keep every other task on that thread waiting until it returns.
fn count_primes(below: u64) -> usize {
    (2..below)
        .filter(|n| (2..).take_while(|d| d * d <= *n).all(|d| n % d != 0))
        .count()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let runtime_thread = thread::current().id();
    // The ticker tells the blocking job that it has run, on a std channel.
    let (ticked_tx, ticked_rx) = mpsc::channel();
    let heavy = tokio::task::spawn_blocking(move || {
        // A blocking wait for the ticker: on the runtime's only thread it would
        // stop the ticker from ever running, and the program would hang.
        ticked_rx.recv().unwrap();
        let elsewhere = thread::current().id() != runtime_thread;
        (count_primes(50_000), elsewhere)
    });
    // Meanwhile the runtime's one thread is free for other tasks.
    let ticker = tokio::spawn(async move {
        sleep(Duration::from_millis(1)).await;
        ticked_tx.send(()).unwrap();
        "the ticker ran while the blocking job was busy"
    });
    println!("{}", ticker.await.unwrap());
    let (primes, elsewhere) = heavy.await.unwrap();
    println!("primes below 50000: {primes}");
    println!("counted on another thread: {elsewhere}");
}
// ANCHOR_END: main
