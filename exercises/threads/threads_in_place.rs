//! Exercise `threads_in_place`: change a slice in place on several threads,
//! each one holding a `&mut` to its own piece of it, which only scoped
//! threads can do.
//!
//! Grade it: `cargo grade threads_in_place`. Stuck? `cargo grade hint threads_in_place`.

use std::thread;

/// Calls `update` on every number of `numbers`, in place, on at most
/// `threads` threads (at least one) that all run at the same time.
///
/// Cut `numbers` into at most `threads` pieces that together hold every
/// number once. Each piece is a `&mut` part of `numbers` itself, not a copy:
/// `update` changes the caller's numbers through it. Each thread calls
/// `update` once, on its own piece. There is nothing to return: when this
/// function returns, the caller's numbers have changed.
///
/// In Python, every thread could write anywhere in a shared list, and nothing
/// would stop two of them from writing the same element. Here each thread's
/// piece is its own, and the compiler checks it.
pub fn update_in_place(numbers: &mut [u64], threads: usize, update: fn(&mut [u64])) {
    // Your code: `thread::spawn` cannot take a `&mut` into `numbers` (its
    // threads may outlive this call); the threads of a `thread::scope` can.
    todo!("update `threads` pieces of `numbers` in place, on scoped threads")
}
