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
    todo!("sum `threads` borrowed pieces of `numbers` on scoped threads")
}
