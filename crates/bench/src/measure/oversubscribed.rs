//! A job of 64 pieces on rayon pools of one thread per core, two per core
//! and eight per core: pieces that compute, and pieces that sleep for a
//! millisecond, as a blocking call would. The unit is nanoseconds per job.

use std::hint::black_box;
use std::time::Duration;

use rayon::prelude::*;

use super::{Scale, Variant, pool_sizes, spin};
use crate::stats::timed;

/// Iterations of `spin` in one computing piece.
const CPU_PIECE: u64 = 1_000_000;
/// How long one sleeping piece sleeps (work.py's `SLEEP_PIECE`).
const SLEEP_PIECE: Duration = Duration::from_millis(1);

pub fn variants(scale: Scale) -> Vec<Variant> {
    let pieces = scale.pick(64, 16);
    let mut variants = Vec::new();
    for threads in pool_sizes(scale.cores) {
        let pool = std::sync::Arc::new(
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap(),
        );
        pool.broadcast(|_| ()); // every thread started before timing
        let computing = pool.clone();
        let compute = move || {
            let (took, sum) = timed(|| computing_job(&computing, pieces));
            black_box(sum);
            (took, 1.0)
        };
        let sleep = move || {
            let (took, ()) = timed(|| sleeping_job(&pool, pieces));
            (took, 1.0)
        };
        variants.push(Variant::new(
            "rayon: CPU-bound pieces",
            threads,
            pieces,
            "ns/job",
            compute,
        ));
        variants.push(Variant::new(
            "rayon: sleeping pieces",
            threads,
            pieces,
            "ns/job",
            sleep,
        ));
    }
    variants
}

// ANCHOR: computing
/// The clock covers this call: `pieces` pieces of computing on `pool`.
fn computing_job(pool: &rayon::ThreadPool, pieces: u64) -> u64 {
    pool.install(|| {
        (0..pieces)
            .into_par_iter()
            .map(|i| spin(black_box(CPU_PIECE), i))
            .reduce(|| 0, u64::wrapping_add)
    })
}
// ANCHOR_END: computing

// ANCHOR: sleeping
/// The same with pieces that sleep, as a thread waiting for I/O does.
fn sleeping_job(pool: &rayon::ThreadPool, pieces: u64) {
    pool.install(|| {
        (0..pieces)
            .into_par_iter()
            .for_each(|_| std::thread::sleep(SLEEP_PIECE))
    })
}
// ANCHOR_END: sleeping
