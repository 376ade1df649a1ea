//! The threadpool crate: a fixed set of threads runs the jobs you `execute`;
//! results come back over an mpsc channel, and `join` waits for the queue.

// ANCHOR: main
use std::sync::mpsc;

use threadpool::ThreadPool;

fn main() {
    let documents = [
        "threads share memory",
        "channels move values between threads",
        "a pool reuses its threads",
        "tasks wait in a queue until a thread is free",
        "join waits for every queued task",
    ];

    let pool = ThreadPool::new(2);
    let (sender, receiver) = mpsc::channel();
    for (index, text) in documents.into_iter().enumerate() {
        // A job returns nothing, so each one gets a sender to report with.
        let sender = sender.clone();
        pool.execute(move || {
            let words = text.split_whitespace().count();
            sender.send((index, words)).expect("main still receives");
        });
    }
    drop(sender);

    // Block until the queue is empty and every thread is idle.
    pool.join();

    // Jobs finish in whatever order the threads pick them up; sort by index
    // to print in the order the documents were submitted.
    let mut counts: Vec<(usize, usize)> = receiver.iter().collect();
    counts.sort();
    for (index, words) in counts {
        println!("document {index}: {words} words");
    }
}
// ANCHOR_END: main
