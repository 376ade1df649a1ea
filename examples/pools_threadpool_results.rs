//! The threadpool crate: two named threads run six jobs from one queue. Each job
//! sends its result back over a channel; `join` waits until the queue is empty.

// ANCHOR: main
use std::sync::mpsc;
use std::thread;

use threadpool::Builder;

fn main() {
    // Builder sets what ThreadPool::new(2) cannot: a name for the pool's threads.
    let pool = Builder::new()
        .num_threads(2)
        .thread_name("pool".to_string())
        .build();

    // A job returns nothing, so each one gets a clone of the sender to report with.
    let (sender, receiver) = mpsc::channel();
    for n in 1..=6_u64 {
        let sender = sender.clone();
        pool.execute(move || {
            let thread = thread::current().name().unwrap_or("unnamed").to_string();
            sender
                .send((n, n * n, thread))
                .expect("main is still receiving");
        });
    }
    println!("main: 6 jobs queued for {} threads", pool.max_count());

    // join blocks until no job is queued and no thread is busy.
    pool.join();
    println!("main: every job has finished");

    // Drop main's own sender: the loop below ends once the channel is empty.
    drop(sender);
    let mut total = 0;
    for (n, square, thread) in receiver {
        println!("{n} squared is {square} (thread '{thread}')");
        total += square;
    }
    println!("main: sum of the squares {total}");
}
// ANCHOR_END: main
