//! Exercise `threads_sum_five`: five threads each sum a slice of a large
//! vector, and the calling thread adds up their five partial sums.
//!
//! Grade it: `cargo grade threads_sum_five`. Stuck? `cargo grade hint threads_sum_five`.

// BEGIN SOLUTION (stub: )
use std::sync::Arc;
// END SOLUTION
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
    // BEGIN SOLUTION (stub: todo!("sum five slices of `numbers` on five threads"))
    let numbers = Arc::new(numbers);
    let len = numbers.len();
    // Spawn all five before joining any: a thread joined right after it was
    // spawned would run alone.
    let handles: Vec<_> = (0..THREADS)
        .map(|i| {
            // Slice i is numbers[i * len / 5 .. (i + 1) * len / 5]: the five
            // slices meet end to start and cover everything, remainder included.
            let (start, end) = (i * len / THREADS, (i + 1) * len / THREADS);
            let numbers = Arc::clone(&numbers);
            thread::spawn(move || sum_slice(&numbers[start..end]))
        })
        .collect();
    handles
        .into_iter()
        .map(|handle| handle.join().expect("a summing thread panicked"))
        .sum()
    // END SOLUTION
}
