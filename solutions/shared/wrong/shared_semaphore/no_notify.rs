// expect: timed-out
// message: Timed out after
// hangs at: .wait_while(free, |free| *free == 0)
// Gives the permit back but wakes nobody: a thread already waiting in
// acquire sleeps on although a permit is free (a lost wake-up).
//! Exercise `shared_semaphore`: a counting semaphore from a `Mutex` and a
//! `Condvar`, whose permits go back by themselves when they are dropped.
//!
//! Grade it: `cargo grade shared_semaphore`. Stuck? `cargo grade hint shared_semaphore`.

use std::sync::{Condvar, Mutex, PoisonError};

/// Python's `threading.Semaphore(permits)`; std has none. At most `permits`
/// threads hold a permit at a time.
pub struct Semaphore {
    /// How many permits nobody holds right now.
    free: Mutex<usize>,
    /// Notified when a permit comes back.
    returned: Condvar,
}

/// A permit of a `Semaphore`. Holding one is the right to go on; dropping it
/// (at the end of its scope, or while a panic unwinds) gives it back. It is
/// what `with semaphore:` does in Python.
#[must_use = "the permit goes back as soon as it is dropped"]
pub struct Permit<'a> {
    semaphore: &'a Semaphore,
}

impl Semaphore {
    pub fn new(permits: usize) -> Self {
        Semaphore {
            free: Mutex::new(permits),
            returned: Condvar::new(),
        }
    }

    /// How many permits are free now (already stale when it returns).
    pub fn available(&self) -> usize {
        *self.free.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until a permit is free, takes it, and returns it as a `Permit`.
    pub fn acquire(&self) -> Permit<'_> {
        // BEGIN SOLUTION (stub: todo!("wait while no permit is free, then take one"))
        let free = self.free.lock().unwrap_or_else(PoisonError::into_inner);
        let mut free = self
            .returned
            .wait_while(free, |free| *free == 0)
            .unwrap_or_else(PoisonError::into_inner);
        *free -= 1;
        Permit { semaphore: self }
        // END SOLUTION
    }
}

impl Drop for Permit<'_> {
    /// Gives the permit back and wakes one thread that waits for one. It runs
    /// during a panic's unwinding too: it must not panic itself (a second
    /// panic while unwinding aborts the process), so no `unwrap` on the lock.
    fn drop(&mut self) {
        // BEGIN SOLUTION (stub: todo!("give the permit back and wake a waiting thread"))
        let mut free = self
            .semaphore
            .free
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *free += 1;
        // END SOLUTION
    }
}
