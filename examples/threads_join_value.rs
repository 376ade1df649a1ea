//! A thread's closure can return a value; `join()` hands it back as `Ok(value)`.
//! Joining in spawn order makes the output order fixed.
use std::thread::{self, JoinHandle};

/// How many steps of the Collatz rule (halve if even, 3n + 1 if odd) reach 1.
fn collatz_steps(start: u64) -> u32 {
    let mut n = start;
    let mut steps = 0;
    while n != 1 {
        n = if n.is_multiple_of(2) {
            n / 2
        } else {
            3 * n + 1
        };
        steps += 1;
    }
    steps
}

fn main() {
    let starts = [27, 97, 871];
    // The closure returns a u32, so each handle is a JoinHandle<u32>.
    let handles: Vec<JoinHandle<u32>> = starts
        .iter()
        .map(|&start| thread::spawn(move || collatz_steps(start)))
        .collect();
    for (start, handle) in starts.iter().zip(handles) {
        // join() gives Result<u32, _>: Ok holds what the closure returned.
        let steps = handle.join().unwrap();
        println!("{start} reaches 1 after {steps} steps");
    }
}
