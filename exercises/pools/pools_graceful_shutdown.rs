//! Exercise `pools_graceful_shutdown`: finish a thread pool whose `Drop` shuts
//! it down gracefully: every queued job runs, every worker is joined, and no
//! worker panics when the channel closes.
//!
//! Grade it: `cargo grade pools_graceful_shutdown`. Stuck? `cargo grade hint pools_graceful_shutdown`.

use std::sync::{Arc, Mutex, mpsc};
use std::thread::{self, JoinHandle};

/// A job: a closure to run once, on one of the pool's threads.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// A fixed set of threads taking jobs from one channel.
pub struct ThreadPool {
    /// `None` once `drop` has closed the channel.
    sender: Option<mpsc::Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

impl ThreadPool {
    /// Starts `size` worker threads, all waiting for jobs.
    pub fn new(size: usize) -> ThreadPool {
        assert!(size > 0, "a pool needs at least one thread");
        let (sender, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        let workers = (0..size)
            .map(|_| {
                let receiver = Arc::clone(&receiver);
                thread::spawn(move || work(&receiver))
            })
            .collect();
        ThreadPool {
            sender: Some(sender),
            workers,
        }
    }

    /// Queues `job`; one of the workers runs it as soon as it is free.
    pub fn execute(&self, job: impl FnOnce() + Send + 'static) {
        let sender = self.sender.as_ref().expect("only `drop` takes the sender");
        sender.send(Box::new(job)).expect("the workers are running");
    }
}

/// What each worker thread runs.
fn work(receiver: &Mutex<mpsc::Receiver<Job>>) {
    // Your code: take a job from the channel and run it, again and again.
    // - Hold the lock only while you take the job, never while it runs, or
    //   the pool runs one job at a time.
    // - `recv()` returns `Err` once the sender is gone and the queue is
    //   empty: that means "stop", so return; do not unwrap it.
    todo!("take jobs and run them until the channel is closed")
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        // Your code: shut the pool down gracefully. Close the channel (drop the
        // sender: `self.sender.take()`), so that each worker returns once the
        // queue is empty; then join every worker.
        todo!("close the channel, then join every worker")
    }
}
