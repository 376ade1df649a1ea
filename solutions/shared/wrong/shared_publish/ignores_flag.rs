// expect: failed
// message: read() after publish(0)
// Reads the value and takes 0 for "nothing published", never looking at the
// flag: a published 0 reads as None.
//! Exercise `shared_publish`: publish a value to another thread behind a
//! ready flag, with two atomics and the weakest orderings that are right.
//!
//! Grade it: `cargo grade shared_publish`. Stuck? `cargo grade hint shared_publish`.

// In normal use this file compiles against std's atomics. `cargo grade` also
// builds it with `--cfg loom`, where loom's atomics take their place: they
// have the methods this file uses, and loom runs the tests under each
// interleaving of the threads with up to 3 preemptions, and each value loom's
// model lets a load return under the orderings chosen. A fence, if you use
// one, must come from loom too under `cfg(loom)`
// (`loom::sync::atomic::fence`), like the atomics.
#[cfg(loom)]
use loom::sync::atomic::{AtomicBool, AtomicU64, Ordering};
#[cfg(not(loom))]
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// One value, written once by one thread and read by others: what Python
/// code would hand over with a `threading.Event` (set after the value is
/// stored) or under a lock.
///
/// The fields are public only so that the tests can play one side with
/// orderings known to be right, and so tell which of your two sides is
/// wrong; other code goes through `publish` and `read`.
pub struct Mailbox {
    /// The value; meaningful only once `ready` is set.
    pub value: AtomicU64,
    /// Set once the value is stored.
    pub ready: AtomicBool,
}

impl Mailbox {
    pub fn new() -> Self {
        Mailbox {
            value: AtomicU64::new(0),
            ready: AtomicBool::new(false),
        }
    }

    /// Stores `value`, then sets the flag that says it is there.
    ///
    /// Choose an `Ordering` for each of the two stores. Python has no
    /// orderings to choose; here they decide what another thread sees: with
    /// `Relaxed` everywhere it may see the flag set and still read the value
    /// from before. A `Release` store makes everything this thread wrote
    /// before it visible to a thread whose `Acquire` load reads the stored
    /// flag. Use the weakest orderings that are right (`SeqCst` passes too,
    /// but is stronger than needed).
    pub fn publish(&self, value: u64) {
        // BEGIN SOLUTION (stub: todo!("store the value, then set the flag"))
        // The flag carries the value: nothing else needs to be ordered.
        self.value.store(value, Ordering::Relaxed);
        self.ready.store(true, Ordering::Release);
        // END SOLUTION
    }

    /// The value, if the flag says it was published; `None` before.
    ///
    /// Choose an `Ordering` for each of the two loads: the flag's load pairs
    /// with `publish`'s flag store.
    pub fn read(&self) -> Option<u64> {
        // BEGIN SOLUTION (stub: todo!("load the flag; if it is set, load the value"))
        // BUG: 0 is also a value that can be published; only the flag tells.
        let value = self.value.load(Ordering::Acquire);
        (value != 0).then_some(value)
        // END SOLUTION
    }
}

impl Default for Mailbox {
    fn default() -> Self {
        Mailbox::new()
    }
}
