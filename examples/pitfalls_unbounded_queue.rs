//! A producer four times faster than its consumer: an unbounded channel grows by 75 items a
//! round, without limit. A bounded one makes the producer wait, so it never holds more than 100.
use crossbeam::channel;
use std::sync::{Arc, Barrier};
use std::thread;

fn main() {
    // ANCHOR: broken
    let (tx, rx) = channel::unbounded();
    // Lockstep, so that the numbers are the same on every run: each round the
    // producer sends 100 items and the consumer manages 25.
    let round_done = Arc::new(Barrier::new(2));
    let consumer_round = Arc::clone(&round_done);
    let consumer = thread::spawn(move || {
        for _ in 0..100 {
            for _ in 0..25 {
                rx.recv().unwrap();
            }
            consumer_round.wait(); // round over...
            consumer_round.wait(); // ...and counted: on to the next one
        }
        rx // handed back so that main can see what is left
    });
    for round in 1..=100 {
        for item in 0..100 {
            tx.send(item).unwrap();
        }
        round_done.wait();
        if [1, 10, 100].contains(&round) {
            println!(
                "unbounded: after round {round:>3} the queue holds {}",
                tx.len()
            );
        }
        round_done.wait();
    }
    let rx = consumer.join().unwrap();
    println!("unbounded: {} items were never consumed", rx.len());
    // ANCHOR_END: broken

    // ANCHOR: fixed
    let (tx, rx) = channel::bounded(100); // send() waits while 100 items are queued
    let consumer = thread::spawn(move || rx.iter().map(|item: u64| item % 7).sum::<u64>());
    let mut longest = 0;
    for item in 0..10_000 {
        tx.send(item).unwrap();
        longest = longest.max(tx.len());
    }
    drop(tx);
    consumer.join().unwrap();
    println!(
        "bounded: 10000 items sent, the queue never held more than 100: {}",
        longest <= 100
    );
    // ANCHOR_END: fixed
}
