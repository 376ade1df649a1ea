//! Exercise `threads_scoped_sum`: sum a slice on several threads that borrow
//! it, instead of copying it or wrapping it in an `Arc`.
//!
//! Grade it: `cargo grade threads_scoped_sum`. Stuck? `cargo grade hint threads_scoped_sum`.

use std::thread;

/// Adds up `numbers` on `threads` threads (at least one) that borrow it.
///
/// Cut `numbers` into exactly `threads` pieces, in order, that together hold
/// every number once (when there are fewer numbers than threads, some pieces
/// are empty). Each piece is a borrowed part of `numbers`, such as
/// `&numbers[a..b]`: no copies. Each thread calls `sum_slice` on its own
/// piece; all of them run at the same time. Return the sum of their sums.
pub fn sum_borrowed(numbers: &[u64], threads: usize, sum_slice: fn(&[u64]) -> u64) -> u64 {
    // Your code: `thread::spawn` cannot borrow `numbers` (its threads may
    // outlive this call); the threads of a `thread::scope` can.
    // BEGIN SOLUTION (stub: todo!("sum `threads` borrowed pieces of `numbers` on scoped threads"))
    let len = numbers.len();
    thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|i| {
                // Piece i runs from i * len / threads to (i + 1) * len / threads:
                // exactly `threads` pieces, end to start, nothing left over.
                let piece = &numbers[i * len / threads..(i + 1) * len / threads];
                scope.spawn(move || sum_slice(piece))
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a summing thread panicked"))
            .sum()
    })
    // END SOLUTION
}
