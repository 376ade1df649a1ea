//! The hand-built primitives of the Shared state chapter: a bounded blocking
//! buffer made of a `Mutex` and two `Condvar`s, and two broken variants of it.
//!
//! Compiled normally they use `std::sync`. Compiled with `--cfg loom` they use
//! loom's drop-in `Mutex` and `Condvar`, and `tests/loom.rs` explores their
//! thread interleavings (see `src/shared/loom.md` in the book).

pub mod bounded;
pub mod broken;

// ANCHOR: sync
/// `std::sync`, or loom's replacements when built with `--cfg loom`.
mod sync {
    #[cfg(loom)]
    pub(crate) use loom::sync::{Condvar, Mutex, MutexGuard};
    #[cfg(not(loom))]
    pub(crate) use std::sync::{Condvar, Mutex, MutexGuard};
}
// ANCHOR_END: sync

pub use bounded::{BoundedBuffer, Closed};
