//! `catch_unwind` stops a panic inside the thread that raised it, so one bad item
//! does not end the whole worker: the nearest thing Rust has to `try`/`except`.
use std::panic;
use std::thread;

fn parse_reading(text: &str) -> u32 {
    text.parse().expect("a reading should be a whole number")
}

/// Adds up the readings, skipping any whose parsing panics.
fn total_of(readings: &[&str]) -> u32 {
    let mut total = 0;
    for &text in readings {
        // The closure runs now; a panic inside it becomes Err instead of unwinding further.
        match panic::catch_unwind(|| parse_reading(text)) {
            Ok(value) => {
                println!("worker: {text} -> {value}");
                total += value;
            }
            Err(_) => println!("worker: skipped '{text}', parsing it panicked"),
        }
    }
    total
}

fn main() {
    let worker = thread::spawn(|| total_of(&["12", "7", "oops", "30"]));
    // The worker survived its panic, so join() gives Ok.
    println!("main: worker's total is {}", worker.join().unwrap());
}
