//! `threads` threads each add 1 to one shared counter `n` times.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

use super::{Scale, Variant};
use crate::stats::timed;

pub fn variants(scale: Scale, threads: usize) -> Vec<Variant> {
    let n = scale.pick(1_000_000, 20_000);
    let total = n * threads as u64;
    vec![
        Variant::new("Mutex", threads, total, "ns/increment", move || {
            let counter = Arc::new(Mutex::new(0_u64));
            // ANCHOR: mutex
            let (took, ()) = timed(|| {
                thread::scope(|s| {
                    for _ in 0..threads {
                        s.spawn(|| (0..n).for_each(|_| *counter.lock().unwrap() += 1));
                    }
                })
            });
            // ANCHOR_END: mutex
            assert_eq!(*counter.lock().unwrap(), total);
            (took, total as f64)
        }),
        Variant::new("AtomicU64", threads, total, "ns/increment", move || {
            let counter = AtomicU64::new(0);
            // ANCHOR: atomic
            let (took, ()) = timed(|| {
                thread::scope(|s| {
                    for _ in 0..threads {
                        s.spawn(|| {
                            (0..n).for_each(|_| {
                                counter.fetch_add(1, Ordering::Relaxed);
                            })
                        });
                    }
                })
            });
            // ANCHOR_END: atomic
            assert_eq!(counter.load(Ordering::Relaxed), total);
            (took, total as f64)
        }),
    ]
}
