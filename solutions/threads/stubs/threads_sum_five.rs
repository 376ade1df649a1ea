//! Exercise `threads_sum_five`: five threads each sum a slice of a large
//! vector, and the calling thread adds up their five partial sums.
//!
//! Grade it: `cargo grade threads_sum_five`. Stuck? `cargo grade hint threads_sum_five`.

use std::thread;

/// How many threads share the work.
const THREADS: usize = 5;

/// Adds up `numbers` on five threads.
///
/// Cut `numbers` into five slices that together hold every number once, in
/// order (their lengths may differ by one). Spawn five threads; each one calls
/// `sum_slice` on its own slice and returns the result. The calling thread
/// joins the five threads and adds their five partial sums.
///
/// Why `sum_slice` and not `.iter().sum()`? It is the `sum` in Python's
/// `pool.map(sum, slices)`: the tests pass one that checks that the five
/// slices really are summed at the same time.
pub fn sum_in_five_threads(numbers: Vec<u64>, sum_slice: fn(&[u64]) -> u64) -> u64 {
    // Your code: spawn the five threads (each `move` closure needs data it
    // owns, for example an `Arc` of the vector or a copy of its slice), then
    // join them all and add up what `join` returns.
    todo!("sum five slices of `numbers` on five threads")
}
