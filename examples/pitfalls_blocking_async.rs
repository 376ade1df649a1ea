//! A blocking call inside an async task stops every task on its thread: a ticker task
//! counts its ticks to show it. tokio's sleep and spawn_blocking are the fixes.
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// A task that ticks every 5 ms, counts its ticks, and sends on `signal` at its 5th.
fn start_ticker(ticks: Arc<AtomicUsize>, signal: mpsc::Sender<()>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(Duration::from_millis(5));
        loop {
            interval.tick().await;
            if ticks.fetch_add(1, Ordering::SeqCst) + 1 == 5 {
                let _ = signal.send(());
            }
        }
    })
}

// One thread runs every task: what blocks it, blocks them all.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let ticks = Arc::new(AtomicUsize::new(0));
    let (signal, fifth_tick) = mpsc::channel();
    let ticker = start_ticker(Arc::clone(&ticks), signal);
    tokio::task::yield_now().await; // let the ticker start

    // ANCHOR: sleep
    let before = ticks.load(Ordering::SeqCst);
    thread::sleep(Duration::from_millis(50)); // blocks the runtime's only thread
    let during = ticks.load(Ordering::SeqCst) - before;
    println!("std::thread::sleep(50 ms): the ticker ticked {during} times meanwhile");

    let before = ticks.load(Ordering::SeqCst);
    tokio::time::sleep(Duration::from_millis(50)).await; // gives the thread back
    let during = ticks.load(Ordering::SeqCst) - before;
    println!(
        "tokio::time::sleep(50 ms): the ticker ticked meanwhile: {}",
        during > 0
    );
    // ANCHOR_END: sleep

    // ANCHOR: blocking
    // A blocking wait for something only the ticker can do: on the runtime's
    // thread the ticker never runs, so it would wait forever (here: 500 ms).
    ticks.store(0, Ordering::SeqCst);
    while fifth_tick.try_recv().is_ok() {} // forget the signal of the ticks so far
    let before = ticks.load(Ordering::SeqCst);
    let result = fifth_tick.recv_timeout(Duration::from_millis(500));
    let during = ticks.load(Ordering::SeqCst) - before;
    println!(
        "blocking recv on the runtime thread: {result:?} after 500 ms, {during} ticks meanwhile"
    );

    // The same call on tokio's blocking pool: the runtime thread stays free.
    ticks.store(0, Ordering::SeqCst);
    let result =
        tokio::task::spawn_blocking(move || fifth_tick.recv_timeout(Duration::from_secs(5)))
            .await
            .unwrap();
    println!("blocking recv in spawn_blocking: {result:?}, the ticker sent it at its 5th tick");
    // ANCHOR_END: blocking
    ticker.abort();
}
