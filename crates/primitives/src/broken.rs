//! Two broken variants of `BoundedBuffer`, each one line away from it, kept so
//! that `tests/loom.rs` can show loom finding the interleaving that breaks them.
//! Do not use them: ordinary test runs almost never hit their bugs.

use std::collections::VecDeque;
use std::sync::PoisonError;

use crate::sync::{Condvar, Mutex, MutexGuard};

struct State<T> {
    items: VecDeque<T>,
    closed: bool,
}

/// The parts both broken buffers share with the correct one.
struct Parts<T> {
    state: Mutex<State<T>>,
    not_empty: Condvar,
    not_full: Condvar,
    capacity: usize,
}

impl<T> Parts<T> {
    fn new(capacity: usize) -> Self {
        Parts {
            state: Mutex::new(State {
                items: VecDeque::new(),
                closed: false,
            }),
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
            capacity,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<T>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn pop(&self) -> Option<T> {
        let mut state = self.lock();
        while state.items.is_empty() && !state.closed {
            state = self
                .not_empty
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        let item = state.items.pop_front();
        if item.is_some() {
            self.not_full.notify_one();
        }
        item
    }
}

/// `push` waits with `if` instead of `while`.
pub struct IfInsteadOfWhile<T>(Parts<T>);

impl<T> IfInsteadOfWhile<T> {
    pub fn new(capacity: usize) -> Self {
        IfInsteadOfWhile(Parts::new(capacity))
    }

    // ANCHOR: if_push
    pub fn push(&self, item: T) -> Result<(), T> {
        let b = &self.0;
        let mut state = b.lock();
        if state.items.len() == b.capacity && !state.closed {
            // BUG: after waking, nobody checks again that there is room.
            state = b
                .not_full
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        if state.closed {
            return Err(item);
        }
        assert!(state.items.len() < b.capacity, "push into a full buffer");
        state.items.push_back(item);
        b.not_empty.notify_one();
        Ok(())
    }
    // ANCHOR_END: if_push

    pub fn pop(&self) -> Option<T> {
        self.0.pop()
    }
}

/// `close` wakes one waiting consumer instead of all of them.
pub struct NotifyOneOnClose<T>(Parts<T>);

impl<T> NotifyOneOnClose<T> {
    pub fn new(capacity: usize) -> Self {
        NotifyOneOnClose(Parts::new(capacity))
    }

    pub fn push(&self, item: T) -> Result<(), T> {
        let b = &self.0;
        let mut state = b.lock();
        while state.items.len() == b.capacity && !state.closed {
            state = b
                .not_full
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        if state.closed {
            return Err(item);
        }
        state.items.push_back(item);
        b.not_empty.notify_one();
        Ok(())
    }

    pub fn pop(&self) -> Option<T> {
        self.0.pop()
    }

    // ANCHOR: notify_one_close
    pub fn close(&self) {
        self.0.lock().closed = true;
        // BUG: only one waiting consumer hears that the buffer is closed.
        self.0.not_empty.notify_one();
        self.0.not_full.notify_all();
    }
    // ANCHOR_END: notify_one_close
}

/// A pool whose `drop` closes the queue but does not wait for the workers:
/// the jobs still queued may not have run when `drop` returns.
pub struct PoolWithoutJoin(Option<crate::ThreadPool>);

impl PoolWithoutJoin {
    pub fn new(size: usize, capacity: usize) -> Self {
        PoolWithoutJoin(Some(crate::ThreadPool::new(size, capacity)))
    }

    pub fn execute(&self, job: impl FnOnce() + Send + 'static) {
        self.0.as_ref().expect("until drop").execute(job);
    }
}

impl Drop for PoolWithoutJoin {
    // ANCHOR: no_join
    fn drop(&mut self) {
        let pool = self.0.take().expect("dropped once");
        pool.close_without_joining(); // BUG: the workers may still be running
    }
    // ANCHOR_END: no_join
}
