//! Why a consumer must block: one that polls a fixed number of times misses
//! whatever arrives late, while one that blocks on the channel gets everything.

// ANCHOR: main
use std::sync::mpsc::{self, Receiver};
use std::thread;

/// The polling habit: look `attempts` times, take whatever happens to be there.
fn poll(rx: &Receiver<u32>, attempts: usize) -> Vec<u32> {
    let mut got = Vec::new();
    for _ in 0..attempts {
        if let Ok(item) = rx.try_recv() {
            got.push(item);
        }
    }
    got
}

/// Starts a producer of 1..=5 that waits for `go` first: a stand-in for any
/// producer that is slower than its consumer (a disk, a network, a busy core).
fn slow_producer() -> (Receiver<u32>, mpsc::Sender<()>, thread::JoinHandle<()>) {
    let (tx, rx) = mpsc::channel();
    let (go, wait_for_go) = mpsc::channel::<()>();
    let handle = thread::spawn(move || {
        wait_for_go.recv().unwrap();
        for item in 1..=5 {
            tx.send(item).unwrap();
        }
    });
    (rx, go, handle)
}

fn main() {
    let (rx, go, producer) = slow_producer();
    let got = poll(&rx, 5);
    println!("polling consumer: looked 5 times, got {got:?}");
    go.send(()).unwrap();
    producer.join().unwrap();
    let missed: Vec<u32> = rx.try_iter().collect();
    println!("polling consumer: missed {missed:?}");

    let (rx, go, producer) = slow_producer();
    // The blocking consumer: `for item in rx` waits for each item and stops
    // only when the producer has dropped its Sender.
    let consumer = thread::spawn(move || rx.into_iter().collect::<Vec<u32>>());
    go.send(()).unwrap();
    producer.join().unwrap();
    let got = consumer.join().unwrap();
    println!("blocking consumer: got {got:?}");
}
// ANCHOR_END: main
