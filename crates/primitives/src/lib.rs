//! The hand-built primitives of the Shared state chapter: a bounded blocking
//! buffer made of a `Mutex` and two `Condvar`s, a thread pool whose job queue
//! it is, and broken variants of both.
//!
//! Compiled normally they use `std::sync`. Compiled with `--cfg loom` they use
//! loom's drop-in `Mutex` and `Condvar`, and `tests/loom.rs` explores their
//! thread interleavings (see `src/shared/loom.md` in the book).

pub mod bounded;
pub mod broken;
pub mod pool;

// ANCHOR: sync
/// `std::sync`, or loom's replacements when built with `--cfg loom`.
mod sync {
    #[cfg(loom)]
    pub(crate) use loom::sync::{Condvar, Mutex, MutexGuard};
    #[cfg(not(loom))]
    pub(crate) use std::sync::{Condvar, Mutex, MutexGuard};
}
// ANCHOR_END: sync

/// The same switch for `Arc` and `thread`, which the pool uses.
mod rt {
    #[cfg(loom)]
    pub(crate) use loom::{sync::Arc, thread};
    #[cfg(not(loom))]
    pub(crate) use std::{sync::Arc, thread};
}

pub use bounded::{BoundedBuffer, Closed};
pub use pool::ThreadPool;
