//! The Thread pools chapter's pool with a graceful shutdown, with one change:
//! its job queue is a `BoundedBuffer`, whose `close` plays the part of dropping
//! the channel's sender, so that loom can check the shutdown (loom's `mpsc`
//! does not model a channel whose senders are all gone).

use crate::bounded::BoundedBuffer;
use crate::rt::{Arc, thread};

pub type Job = Box<dyn FnOnce() + Send + 'static>;

// ANCHOR: pool
pub struct ThreadPool {
    queue: Arc<BoundedBuffer<Job>>,
    workers: Vec<thread::JoinHandle<()>>,
}

impl ThreadPool {
    /// `size` workers; `execute` waits while `capacity` jobs are queued.
    pub fn new(size: usize, capacity: usize) -> ThreadPool {
        assert!(size > 0, "a pool needs at least one thread");
        let queue = Arc::new(BoundedBuffer::<Job>::new(capacity));
        let workers = (0..size)
            .map(|_| {
                let queue = Arc::clone(&queue);
                // `pop` returns None only once the queue is closed and empty.
                thread::spawn(move || {
                    while let Some(job) = queue.pop() {
                        job();
                    }
                })
            })
            .collect();
        ThreadPool { queue, workers }
    }

    pub fn execute(&self, job: impl FnOnce() + Send + 'static) {
        if self.queue.push(Box::new(job)).is_err() {
            unreachable!("only drop closes the queue");
        }
    }
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        // 1. No more jobs; the workers take the ones queued, then stop.
        self.queue.close();
        // 2. Wait for each of them.
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}
// ANCHOR_END: pool

impl ThreadPool {
    /// For the broken variant in `broken.rs` only: closes the queue and
    /// forgets the workers (dropping a `JoinHandle` detaches its thread).
    pub(crate) fn close_without_joining(mut self) {
        self.queue.close();
        self.workers.clear();
    }
}
