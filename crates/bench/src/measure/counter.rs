//! `threads` threads each add 1 to one shared counter `n` times.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

use super::{Scale, Variant};
use crate::stats::timed;

pub fn variants(scale: Scale, threads: usize) -> Vec<Variant> {
    let n = scale.pick(1_000_000, 20_000);
    let total = n * threads as u64;
    vec![
        Variant::new("Mutex", threads, total, "ns/increment", move || {
            let counter = Mutex::new(0_u64);
            let (took, ()) = timed(|| with_mutex(&counter, threads, n));
            assert_eq!(*counter.lock().unwrap(), total);
            (took, total as f64)
        }),
        Variant::new("AtomicU64", threads, total, "ns/increment", move || {
            let counter = AtomicU64::new(0);
            let (took, ()) = timed(|| with_atomic(&counter, threads, n));
            assert_eq!(counter.load(Ordering::Relaxed), total);
            (took, total as f64)
        }),
    ]
}

// ANCHOR: mutex
/// The clock covers this call: `threads` threads started, each adding 1 to
/// the counter `n` times, and joined.
fn with_mutex(counter: &Mutex<u64>, threads: usize, n: u64) {
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| (0..n).for_each(|_| *counter.lock().unwrap() += 1));
        }
    })
}
// ANCHOR_END: mutex

// ANCHOR: atomic
fn with_atomic(counter: &AtomicU64, threads: usize, n: u64) {
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                (0..n).for_each(|_| {
                    counter.fetch_add(1, Ordering::Relaxed);
                })
            });
        }
    })
}
// ANCHOR_END: atomic
