//! Start three threads with `thread::spawn`, then wait for each one with `join`.
//! The workers may greet in any order; the last line always comes last.
use std::thread;

fn greet(worker: u32) {
    println!("worker {worker}: hello");
}

fn main() {
    println!("main: starting 3 workers");
    let mut handles = Vec::new();
    for worker in 0..3 {
        // spawn starts the thread at once and hands back a JoinHandle.
        // `move` copies `worker` into the thread (see the next page).
        handles.push(thread::spawn(move || greet(worker)));
    }
    for handle in handles {
        // join() blocks until that thread has returned.
        handle.join().unwrap();
    }
    println!("main: every worker has finished");
}
