// expect: failed
// message: only 1 of 6 threads were counting at the same time
// A `Mutex` around the counter, locked before the work starts: each thread
// holds the lock while it works, so the threads take turns. The lock should
// be taken only to add the result.

use std::sync::{Arc, Mutex};
use std::thread;

pub fn measure_all(words: Vec<String>, measure: fn(&str) -> usize) -> Vec<usize> {
    let handles: Vec<_> = words
        .into_iter()
        .map(|word| thread::spawn(move || measure(&word)))
        .collect();
    handles
        .into_iter()
        .map(|handle| handle.join().expect("a measuring thread panicked"))
        .collect()
}

pub fn count_together(threads: usize, work: fn() -> usize) -> usize {
    let total = Arc::new(Mutex::new(0));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let total = Arc::clone(&total);
            thread::spawn(move || {
                let mut total = total.lock().unwrap();
                *total += work();
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("a counting thread panicked");
    }
    *total.lock().unwrap()
}
