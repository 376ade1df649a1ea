//! Four threads add to one counter: `Arc` shares the `Mutex` between them, and
//! `Arc::strong_count` shows how many handles to it exist at each moment.
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // ANCHOR: main
    let counter = Arc::new(Mutex::new(0u32));
    println!("handles before spawning: {}", Arc::strong_count(&counter));

    let mut handles = Vec::new();
    for _ in 0..4 {
        // Arc::clone copies the pointer and adds one to the count; the Mutex
        // and the number inside it are not copied.
        let counter = Arc::clone(&counter);
        handles.push(thread::spawn(move || {
            for _ in 0..1000 {
                *counter.lock().unwrap() += 1;
            }
            // The thread's clone is dropped when its closure ends.
        }));
    }
    println!(
        "handles while 4 threads hold one: {}",
        Arc::strong_count(&counter)
    );

    for handle in handles {
        handle.join().unwrap();
    }
    println!("handles after joining: {}", Arc::strong_count(&counter));
    println!("total: {}", *counter.lock().unwrap());
    // ANCHOR_END: main
}
