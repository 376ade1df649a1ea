//! A `MutexGuard` holds the lock until it is dropped: at the end of its scope,
//! or earlier with `drop(guard)`. `try_lock` asks without waiting.
use std::sync::{Barrier, Mutex, TryLockError};
use std::thread;

fn main() {
    // ANCHOR: main
    let log = Mutex::new(Vec::new());
    let held = Barrier::new(2);
    let released = Barrier::new(2);

    thread::scope(|s| {
        s.spawn(|| {
            let mut guard = log.lock().unwrap();
            guard.push("writer: first line");
            held.wait(); // the other thread tries while we hold the lock
            released.wait(); // ...and we wait for it to finish trying
            guard.push("writer: second line");
            drop(guard); // the lock is free from here on, not at the end of the closure
            released.wait();
        });
        s.spawn(|| {
            held.wait();
            match log.try_lock() {
                Ok(_) => println!("reader: got the lock (unexpected)"),
                Err(TryLockError::WouldBlock) => println!("reader: busy, the writer holds it"),
                Err(TryLockError::Poisoned(_)) => println!("reader: poisoned"),
            }
            released.wait();
            released.wait(); // the writer has dropped its guard
            let lines = log
                .try_lock()
                .expect("the writer has dropped its guard")
                .len();
            println!("reader: got the lock, {lines} lines in the log");
        });
    });

    // A block ends the guard's life at its closing brace.
    {
        let mut guard = log.lock().unwrap();
        guard.push("main: third line");
    } // unlocked here
    for line in log.into_inner().unwrap() {
        println!("{line}");
    }
    // ANCHOR_END: main
}
