//! A bounded blocking buffer from one `Mutex` and two `Condvar`s: `push` waits
//! while it is full, `pop` waits while it is empty, `close` wakes every waiter.

use std::collections::VecDeque;
use std::sync::PoisonError;

use crate::sync::{Condvar, Mutex, MutexGuard};

/// What `push` hands back once the buffer is closed: the item it did not store.
#[derive(Debug, PartialEq, Eq)]
pub struct Closed<T>(pub T);

// ANCHOR: buffer
pub struct BoundedBuffer<T> {
    state: Mutex<State<T>>,
    not_empty: Condvar, // consumers wait here
    not_full: Condvar,  // producers wait here
    capacity: usize,
}

struct State<T> {
    items: VecDeque<T>,
    closed: bool,
}

impl<T> BoundedBuffer<T> {
    pub fn new(capacity: usize) -> Self {
        assert!(
            capacity > 0,
            "a buffer of capacity 0 could never take an item"
        );
        BoundedBuffer {
            state: Mutex::new(State {
                items: VecDeque::with_capacity(capacity),
                closed: false,
            }),
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
            capacity,
        }
    }

    /// Waits while the buffer is full. `Err(Closed(item))` once it is closed.
    pub fn push(&self, item: T) -> Result<(), Closed<T>> {
        let mut state = self.lock();
        // `while`, not `if`: being woken means "something changed", not "there
        // is room". Another producer may have taken the free slot first.
        while state.items.len() == self.capacity && !state.closed {
            state = self
                .not_full
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        if state.closed {
            return Err(Closed(item));
        }
        assert!(state.items.len() < self.capacity, "push into a full buffer");
        state.items.push_back(item);
        // One new item can serve one consumer: wake one.
        self.not_empty.notify_one();
        Ok(())
    }

    /// Waits while the buffer is empty and open. `None` once it is closed and
    /// every item has been taken.
    pub fn pop(&self) -> Option<T> {
        let mut state = self.lock();
        while state.items.is_empty() && !state.closed {
            state = self
                .not_empty
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        let item = state.items.pop_front();
        if item.is_some() {
            // One free slot can serve one producer: wake one.
            self.not_full.notify_one();
        }
        item
    }

    /// Refuses every later `push`; consumers take what is left, then get `None`.
    pub fn close(&self) {
        self.lock().closed = true;
        // Every waiter must see the change, so wake them all.
        self.not_empty.notify_all();
        self.not_full.notify_all();
    }

    // The state is consistent between any two statements that change it, so a
    // panic in another thread (a poisoned lock) leaves nothing to repair.
    fn lock(&self) -> MutexGuard<'_, State<T>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
// ANCHOR_END: buffer

impl<T> BoundedBuffer<T> {
    /// How many items are in the buffer now (already stale when it returns).
    pub fn len(&self) -> usize {
        self.lock().items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }
}
