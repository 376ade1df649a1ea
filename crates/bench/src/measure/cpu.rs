//! CPU-bound work split over 1, 2 and every core: std threads and rayon.
//! The unit is nanoseconds per iteration of the whole job (wall time).

use std::hint::black_box;
use std::thread;

use rayon::prelude::*;

use super::{Scale, Variant, thread_counts};
use crate::stats::timed;

// ANCHOR: spin
/// `n` rounds of a 64-bit xorshift generator (work.py's `spin` is the same).
pub fn spin(n: u64, seed: u64) -> u64 {
    let mut x = seed | 1;
    for _ in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    x
}
// ANCHOR_END: spin

pub fn variants(scale: Scale) -> Vec<Variant> {
    let total = scale.pick(100_000_000, 4_000_000);
    let mut variants = Vec::new();
    for threads in thread_counts(scale.cores) {
        let each = total / threads as u64;
        let on_threads = move || {
            let (took, sum) = timed(|| on_threads(threads, each));
            black_box(sum);
            (took, total as f64)
        };
        variants.push(Variant::new(
            "Rust threads",
            threads,
            total,
            "ns/iteration",
            on_threads,
        ));
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let on_rayon = move || {
            let (took, sum) = timed(|| on_rayon(&pool, threads, each));
            black_box(sum);
            (took, total as f64)
        };
        variants.push(Variant::new(
            "rayon",
            threads,
            total,
            "ns/iteration",
            on_rayon,
        ));
    }
    variants
}

// ANCHOR: threads
/// The clock covers this call: `threads` threads started, each running
/// `each` steps, and joined.
fn on_threads(threads: usize, each: u64) -> u64 {
    thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|i| s.spawn(move || spin(black_box(each), i as u64)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .fold(0, u64::wrapping_add)
    })
}
// ANCHOR_END: threads

// ANCHOR: rayon
/// The clock covers this call: the same pieces, on a pool of `threads`
/// threads started before the clock.
fn on_rayon(pool: &rayon::ThreadPool, threads: usize, each: u64) -> u64 {
    pool.install(|| {
        (0..threads)
            .into_par_iter()
            .map(|i| spin(black_box(each), i as u64))
            .reduce(|| 0, u64::wrapping_add)
    })
}
// ANCHOR_END: rayon
