//! `x += 1` as two steps (read, then write) loses updates when threads interleave. A barrier
//! forces the losing interleaving once; then many unforced rounds; `fetch_add` is the fix.
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;

const ROUNDS: u64 = 100_000;

fn on_two_threads(body: impl Fn(&AtomicU64, &Barrier) + Send + Sync + 'static) -> u64 {
    let counter = Arc::new(AtomicU64::new(0));
    let barrier = Arc::new(Barrier::new(2));
    let body = Arc::new(body);
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let (counter, barrier, body) = (
                Arc::clone(&counter),
                Arc::clone(&barrier),
                Arc::clone(&body),
            );
            thread::spawn(move || body(&counter, &barrier))
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    counter.load(Ordering::SeqCst)
}

fn main() {
    // ANCHOR: forced
    let total = on_two_threads(|counter, both_have_read| {
        let value = counter.load(Ordering::SeqCst); // read
        both_have_read.wait(); // the other thread reads the same value meanwhile
        counter.store(value + 1, Ordering::SeqCst); // write: one of the two +1s is lost
    });
    println!("forced: two increments give {total}");
    // ANCHOR_END: forced

    // ANCHOR: unforced
    let total = on_two_threads(|counter, start_together| {
        start_together.wait();
        for _ in 0..ROUNDS {
            let value = counter.load(Ordering::SeqCst);
            counter.store(value + 1, Ordering::SeqCst);
        }
    });
    println!(
        "unforced: 2 x {ROUNDS} read-then-write increments lost {} updates",
        2 * ROUNDS - total
    );
    // ANCHOR_END: unforced

    // ANCHOR: fixed
    let total = on_two_threads(|counter, start_together| {
        start_together.wait();
        for _ in 0..ROUNDS {
            counter.fetch_add(1, Ordering::SeqCst); // one indivisible read-modify-write
        }
    });
    println!("fixed: 2 x {ROUNDS} fetch_add increments give {total}");
    // ANCHOR_END: fixed
}
