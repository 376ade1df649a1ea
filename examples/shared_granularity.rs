//! One lock for a whole table against one lock per shard: the same counts, but
//! with shards, threads touching different keys seldom wait for each other.
use std::collections::HashMap;
use std::sync::{Barrier, Mutex, MutexGuard};
use std::thread;

const THREADS: u32 = 4;
const KEYS: u32 = 64;
const ROUNDS: u32 = 20_000;

/// Counts how often a lock was busy when a thread wanted it.
fn lock_counting<'a, T>(mutex: &'a Mutex<T>, busy: &mut u32) -> MutexGuard<'a, T> {
    match mutex.try_lock() {
        Ok(guard) => guard,
        Err(_) => {
            *busy += 1;
            mutex.lock().unwrap()
        }
    }
}

fn main() {
    // ANCHOR: main
    // One lock: every update, whatever its key, waits for every other.
    let table: Mutex<HashMap<u32, u32>> = Mutex::new(HashMap::new());
    // Sixteen locks: a key's shard is key % 16, so two threads wait for each
    // other only when their keys fall in the same shard.
    let shards: Vec<Mutex<HashMap<u32, u32>>> = (0..16).map(|_| Mutex::default()).collect();

    let start = Barrier::new(THREADS as usize); // all threads begin together

    let (one_busy, sharded_busy) = thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let (table, shards, start) = (&table, &shards, &start);
                s.spawn(move || {
                    start.wait();
                    let (mut one, mut sharded) = (0, 0);
                    for round in 0..ROUNDS {
                        let key = (round * 7 + t * 13) % KEYS;
                        *lock_counting(table, &mut one).entry(key).or_default() += 1;
                        let shard = &shards[(key % 16) as usize];
                        *lock_counting(shard, &mut sharded).entry(key).or_default() += 1;
                    }
                    (one, sharded)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    });
    // ANCHOR_END: main

    let one_total: u32 = table.into_inner().unwrap().values().sum();
    let sharded_total: u32 = shards
        .into_iter()
        .map(|m| m.into_inner().unwrap().values().sum::<u32>())
        .sum();
    println!("one lock: {one_total} updates, busy {one_busy} times");
    println!("16 shards: {sharded_total} updates, busy {sharded_busy} times");
}
