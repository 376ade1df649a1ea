//! The lock-order deadlock of `pitfalls_deadlock`, recorded as a timeline
//! (`cargo xtask timeline record pitfalls_timeline_deadlock`): how long each
//! thread held its first lock, and how long it waited for its second.
use std::process;
use std::sync::{Arc, Barrier, Mutex, mpsc};
use std::thread;
use std::time::Duration;
use tracing::info_span;

// ANCHOR: main
fn main() {
    // Records the spans below when COURSE_TRACE names a file; else does nothing.
    let timeline = course_trace::record();
    let a = Arc::new(Mutex::new(100));
    let b = Arc::new(Mutex::new(100));
    let both_hold_one = Arc::new(Barrier::new(3));
    let (done_tx, done_rx) = mpsc::channel();

    // A span's name is fixed where it is written, so each thread gets its two.
    let threads = [
        (
            "left",
            &a,
            &b,
            "a",
            "b",
            info_span!("holds a"),
            info_span!("waits for b"),
        ),
        (
            "right",
            &b,
            &a,
            "b",
            "a",
            info_span!("holds b"),
            info_span!("waits for a"),
        ),
    ];
    for (name, first, second, first_name, second_name, holding, waiting) in threads {
        let (first, second) = (Arc::clone(first), Arc::clone(second));
        let (both_hold_one, done_tx) = (Arc::clone(&both_hold_one), done_tx.clone());
        let work = move || {
            let mut from = first.lock().unwrap();
            // Declared after the guard, so dropped before it: open while the lock is held.
            let _holding = holding.entered();
            both_hold_one.wait();
            println!("{name}: holds {first_name}, waits for {second_name}");
            let waiting = waiting.entered();
            let mut to = second.lock().unwrap(); // never returns
            drop(waiting);
            *from -= 10;
            *to += 10;
            done_tx.send(name).unwrap();
        };
        thread::Builder::new()
            .name(name.into())
            .spawn(work)
            .unwrap();
    }

    both_hold_one.wait();
    let watching = info_span!("watchdog waits").entered();
    for _ in 0..2 {
        if done_rx.recv_timeout(Duration::from_secs(1)).is_err() {
            drop(watching);
            tracing::info!(name: "watchdog: deadlock", "watchdog: deadlock");
            println!("watchdog: no thread finished within 1 s: deadlock");
            // process::exit runs no destructors: drop the guard to write the trace.
            drop(timeline);
            process::exit(1);
        }
    }
    drop(watching);
    println!("both threads finished");
}
// ANCHOR_END: main
