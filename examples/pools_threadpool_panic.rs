//! A job that panics on a threadpool pool: its result never arrives, `panic_count`
//! counts it, and the pool starts a new thread in place of the one that died.

// ANCHOR: main
use std::sync::{Arc, Barrier, mpsc};

use threadpool::Builder;

fn parse_count(text: &str) -> u32 {
    let value: i64 = text.parse().expect("the inputs are numbers");
    if value < 0 {
        panic!("{text} is negative");
    }
    value as u32
}

fn main() {
    let pool = Builder::new()
        .num_threads(2)
        .thread_name("pool".to_string())
        .build();

    let (sender, receiver) = mpsc::channel();
    for text in ["4", "-1", "9", "16"] {
        let sender = sender.clone();
        pool.execute(move || {
            // When parse_count panics, this job's sender is dropped while the
            // thread unwinds: nothing is ever sent for "-1".
            let value = parse_count(text);
            sender.send((text, value)).expect("main is still receiving");
        });
    }
    drop(sender);

    // The loop ends when the last sender is gone, including the panicked job's.
    let mut results: Vec<(&str, u32)> = receiver.iter().collect();
    results.sort_by_key(|&(_, value)| value);
    for (text, value) in &results {
        println!("parsed {text} -> {value}");
    }
    println!("{} results for 4 jobs", results.len());

    // Two jobs that can only finish together: this proves the pool still has two
    // threads, so the thread that panicked has been replaced.
    let barrier = Arc::new(Barrier::new(2));
    let (sender, receiver) = mpsc::channel();
    for _ in 0..2 {
        let (barrier, sender) = (Arc::clone(&barrier), sender.clone());
        pool.execute(move || {
            barrier.wait();
            sender.send(()).expect("main is still receiving");
        });
    }
    drop(sender);
    println!(
        "two jobs met at a barrier: {} threads",
        receiver.iter().count()
    );
    // panic_count: how many jobs have panicked over the pool's life. (Read it after
    // the barrier: the count is raised before the new thread is started.)
    println!("failed jobs: {}", pool.panic_count());
}
// ANCHOR_END: main
