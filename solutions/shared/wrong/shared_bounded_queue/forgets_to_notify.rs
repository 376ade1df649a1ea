// expect: timed-out
// message: Timed out after
// hangs at: state = self.not_full.wait(state).unwrap();
// pop never wakes a waiting producer: a producer waiting for a free place
// sleeps on although the place is free (a lost wake-up).
//! Exercise `shared_bounded_queue`: a queue of limited size that blocks: `push`
//! waits while it is full, `pop` waits while it is empty, `close` ends both.
//!
//! Grade it: `cargo grade shared_bounded_queue`. Stuck? `cargo grade hint shared_bounded_queue`.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, MutexGuard};

/// What `push` hands back once the queue is closed: the item it did not store.
#[derive(Debug, PartialEq, Eq)]
pub struct Closed<T>(pub T);

/// Python's `queue.Queue(maxsize=capacity)`, with a `close` that Python's
/// queue gained only in 3.13 (as `shutdown`).
pub struct BoundedQueue<T> {
    state: Mutex<State<T>>,
    /// Consumers wait here for an item (or for `close`).
    not_empty: Condvar,
    /// Producers wait here for a free place (or for `close`).
    not_full: Condvar,
    capacity: usize,
}

struct State<T> {
    items: VecDeque<T>,
    closed: bool,
}

impl<T> BoundedQueue<T> {
    pub fn new(capacity: usize) -> Self {
        assert!(
            capacity > 0,
            "a queue of capacity 0 could never take an item"
        );
        BoundedQueue {
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
        self.state.lock().unwrap()
    }

    /// Adds `item` at the back. Waits while the queue holds `capacity` items;
    /// returns `Err(Closed(item))` if the queue is closed, or is closed while
    /// waiting. Wakes a consumer that waits for an item.
    pub fn push(&self, item: T) -> Result<(), Closed<T>> {
        // BEGIN SOLUTION (stub: todo!("wait on not_full while full and open; then store the item or hand it back"))
        let mut state = self.lock();
        while state.items.len() == self.capacity && !state.closed {
            state = self.not_full.wait(state).unwrap();
        }
        if state.closed {
            return Err(Closed(item));
        }
        state.items.push_back(item);
        self.not_empty.notify_one();
        Ok(())
        // END SOLUTION
    }

    /// Takes the item at the front. Waits while the queue is empty and open;
    /// returns `None` only once the queue is closed and empty. Wakes a
    /// producer that waits for a free place.
    pub fn pop(&self) -> Option<T> {
        // BEGIN SOLUTION (stub: todo!("wait on not_empty while empty and open; then take the front item"))
        let mut state = self.lock();
        while state.items.is_empty() && !state.closed {
            state = self.not_empty.wait(state).unwrap();
        }
        state.items.pop_front()
        // END SOLUTION
    }

    /// Closes the queue: every later `push` fails, consumers take the items
    /// left and then get `None`. Every thread waiting in `push` or `pop` must
    /// wake up and see it.
    pub fn close(&self) {
        // BEGIN SOLUTION (stub: todo!("mark the queue closed and wake the threads that wait"))
        self.lock().closed = true;
        self.not_empty.notify_all();
        self.not_full.notify_all();
        // END SOLUTION
    }
}
