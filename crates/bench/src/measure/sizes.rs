//! rayon against a sequential loop on one input size: the sum of squares.
//! The unit is nanoseconds per call.

use std::hint::black_box;
use std::sync::Arc;

use rayon::prelude::*;

use super::{Scale, Variant};
use crate::stats::timed;

pub fn variants(scale: Scale, size: u64) -> Vec<Variant> {
    // Start rayon's global pool before any timing.
    rayon::broadcast(|_| ());
    let data: Arc<Vec<u64>> = Arc::new((0..size).collect());
    let shared = data.clone();
    // Enough calls per sample that even the smallest is measurable; the
    // parallel calls, which cost at least a wake-up of the pool each, fewer.
    let calls = (scale.pick(2_000_000, 100_000) / size).max(20);
    let parallel_calls = (calls / 10).max(20);
    vec![
        Variant::new("sequential", 1, size, "ns/call", move || {
            let (took, ()) = timed(|| sequential(&data, calls));
            (took, calls as f64)
        }),
        Variant::new(
            "rayon par_iter",
            rayon::current_num_threads(),
            size,
            "ns/call",
            move || {
                let (took, ()) = timed(|| parallel(&shared, parallel_calls));
                (took, parallel_calls as f64)
            },
        ),
    ]
}

// ANCHOR: sequential
/// The clock covers this call: `calls` sums, one after the other.
fn sequential(data: &[u64], calls: u64) {
    for _ in 0..calls {
        black_box(black_box(data).iter().map(|x| x * x).sum::<u64>());
    }
}
// ANCHOR_END: sequential

// ANCHOR: par_iter
/// The same sums, each split over rayon's global pool.
fn parallel(data: &[u64], calls: u64) {
    for _ in 0..calls {
        black_box(black_box(data).par_iter().map(|x| x * x).sum::<u64>());
    }
}
// ANCHOR_END: par_iter
