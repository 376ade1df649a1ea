//! One producer thread sends `n` numbers to the consumer (the timing
//! thread), which adds them up.

use std::sync::mpsc;
use std::thread;

use super::{Scale, Variant};
use crate::stats::timed;

pub fn variants(scale: Scale) -> Vec<Variant> {
    let n = scale.pick(1_000_000, 20_000);
    vec![
        Variant::new("std mpsc", 2, n, "ns/message", move || {
            let (took, sum) = timed(|| through_mpsc(n));
            assert_eq!(sum, n * (n - 1) / 2);
            (took, n as f64)
        }),
        Variant::new("crossbeam", 2, n, "ns/message", move || {
            let (took, sum) = timed(|| through_crossbeam(n));
            assert_eq!(sum, n * (n - 1) / 2);
            (took, n as f64)
        }),
    ]
}

// ANCHOR: mpsc
/// The clock covers this call: a producer thread started, `n` numbers sent
/// and summed by this thread, the producer joined.
fn through_mpsc(n: u64) -> u64 {
    let (tx, rx) = mpsc::channel();
    let producer = thread::spawn(move || (0..n).for_each(|i| tx.send(i).unwrap()));
    let sum: u64 = rx.iter().sum();
    producer.join().unwrap();
    sum
}
// ANCHOR_END: mpsc

/// The same with crossbeam's channel.
fn through_crossbeam(n: u64) -> u64 {
    let (tx, rx) = crossbeam::channel::unbounded();
    let producer = thread::spawn(move || (0..n).for_each(|i| tx.send(i).unwrap()));
    let sum: u64 = rx.iter().sum();
    producer.join().unwrap();
    sum
}
