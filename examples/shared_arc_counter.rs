//! Four threads add to one counter: `Arc` shares the `Mutex` between them, and
//! `Arc::strong_count` shows how many handles to it exist at each moment.
use std::sync::{Arc, Barrier, Mutex};
use std::thread;

fn main() {
    // ANCHOR: main
    let counter = Arc::new(Mutex::new(0u32));
    println!("handles before spawning: {}", Arc::strong_count(&counter));
    // Keeps the threads (and their handles) alive until main has counted.
    let counted = Arc::new(Barrier::new(5));

    let mut handles = Vec::new();
    for _ in 0..4 {
        // Arc::clone copies the pointer and adds one to the count; the Mutex
        // and the number inside it are not copied.
        let counter = Arc::clone(&counter);
        let counted = Arc::clone(&counted);
        handles.push(thread::spawn(move || {
            for _ in 0..1000 {
                *counter.lock().unwrap() += 1;
            }
            counted.wait();
            // The thread's clone is dropped when its closure ends.
        }));
    }
    println!(
        "handles while 4 threads hold one: {}",
        Arc::strong_count(&counter)
    );
    counted.wait();

    for handle in handles {
        handle.join().unwrap();
    }
    println!("handles after joining: {}", Arc::strong_count(&counter));
    println!("total: {}", *counter.lock().unwrap());
    // ANCHOR_END: main
}
