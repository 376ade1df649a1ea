//! A `Barrier` holds every thread until all of them have arrived, then lets
//! them all go; `wait` picks exactly one of them as the leader, each round.
use std::sync::{Barrier, Mutex};
use std::thread;

fn main() {
    // ANCHOR: main
    let barrier = Barrier::new(3);
    let results = Mutex::new(Vec::new());

    thread::scope(|s| {
        for worker in 1..=3u32 {
            let (barrier, results) = (&barrier, &results);
            s.spawn(move || {
                results.lock().unwrap().push(worker * 10); // phase 1: compute
                // Nobody reads the results before everybody has written one.
                if barrier.wait().is_leader() {
                    let total: u32 = results.lock().unwrap().iter().sum();
                    println!("leader: phase 1 done, total {total}");
                }
                barrier.wait(); // the same barrier again, for phase 2
                println!("worker {worker}: phase 2");
            });
        }
    });
    // ANCHOR_END: main
}
