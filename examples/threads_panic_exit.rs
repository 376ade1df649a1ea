//! A worker panics and main calls `unwrap()` on what `join()` returned, so main panics
//! too and the process exits with status 101. This program fails on purpose.
use std::thread;

fn average(readings: &[u32]) -> u32 {
    assert!(!readings.is_empty(), "no readings to average");
    readings.iter().sum::<u32>() / readings.len() as u32
}

fn main() {
    println!("main: starting the worker");
    let worker = thread::spawn(|| average(&[]));
    // join() returns Err because the worker panicked; unwrap() turns that into
    // a second panic, in main. The payload prints only as `Any { .. }`.
    let result = worker.join().unwrap();
    println!("main: average is {result}"); // never reached
}
