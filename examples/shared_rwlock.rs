//! `RwLock`: many readers at once, or one writer. Three readers meet at a
//! barrier while each holds a read guard, which one `Mutex` would not allow.
use std::sync::{Barrier, RwLock};
use std::thread;

fn main() {
    // ANCHOR: main
    let prices = RwLock::new(vec![10, 20, 30]);
    let all_reading = Barrier::new(3);

    thread::scope(|s| {
        for reader in 0..3 {
            let (prices, all_reading) = (&prices, &all_reading);
            s.spawn(move || {
                let guard = prices.read().unwrap();
                // All three get here while holding their read guards: read
                // locks do not exclude each other.
                all_reading.wait();
                println!("reader {reader}: sum {}", guard.iter().sum::<i32>());
            });
        }
    });

    {
        let mut guard = prices.write().unwrap(); // waits until no reader holds it
        guard.push(40);
    }
    println!("after the write: {:?}", *prices.read().unwrap());
    // ANCHOR_END: main
}
