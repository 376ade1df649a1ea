//! A hand-built pool that shuts down gracefully: dropping it closes the channel,
//! every job still queued runs, and every worker is joined.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::{self, JoinHandle};

// ANCHOR: pool
type Job = Box<dyn FnOnce() + Send + 'static>;

pub struct ThreadPool {
    // An `Option`, so that `drop` can take the sender out and drop it first.
    sender: Option<mpsc::Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

impl ThreadPool {
    pub fn new(size: usize) -> ThreadPool {
        assert!(size > 0, "a pool needs at least one thread");
        let (sender, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        let workers = (0..size)
            .map(|id| {
                let receiver = Arc::clone(&receiver);
                thread::Builder::new()
                    .name(format!("worker-{id}"))
                    .spawn(move || work(&receiver))
                    .expect("the OS should let us start a thread")
            })
            .collect();
        ThreadPool {
            sender: Some(sender),
            workers,
        }
    }

    pub fn execute(&self, job: impl FnOnce() + Send + 'static) {
        let sender = self.sender.as_ref().expect("only `drop` takes the sender");
        sender
            .send(Box::new(job))
            .expect("the workers outlive the sender");
    }
}

fn work(receiver: &Mutex<mpsc::Receiver<Job>>) {
    loop {
        // The guard is a temporary of this statement: the lock is released here,
        // before the job runs, so the other workers can take jobs meanwhile.
        let message = receiver.lock().unwrap().recv();
        match message {
            Ok(job) => job(),
            // Err: the sender is gone *and* the queue is empty. Time to stop.
            Err(mpsc::RecvError) => return,
        }
    }
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        // 1. Close the channel. Jobs already queued stay in it: `recv` hands
        //    them out, and returns `Err` only once the queue is empty.
        drop(self.sender.take());
        // 2. Wait for each worker to finish the queue and return.
        for worker in self.workers.drain(..) {
            let name = worker.thread().name().unwrap_or("worker").to_string();
            match worker.join() {
                Ok(()) => println!("pool: {name} joined"),
                Err(_) => println!("pool: {name} had panicked"),
            }
        }
    }
}
// ANCHOR_END: pool

// ANCHOR: main
fn main() {
    let finished = Arc::new(AtomicUsize::new(0));
    let pool = ThreadPool::new(2);
    for _ in 0..8 {
        let finished = Arc::clone(&finished);
        pool.execute(move || {
            finished.fetch_add(1, Ordering::SeqCst);
        });
    }
    println!("main: 8 jobs queued, shutting the pool down");
    // No nap, no guess: drop returns once every job has run and every worker is joined.
    drop(pool);
    println!(
        "main: {} of 8 jobs finished",
        finished.load(Ordering::SeqCst)
    );
}
// ANCHOR_END: main
