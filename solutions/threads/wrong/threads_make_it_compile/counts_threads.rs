// expect: failed
// message: returned 7
// Calls `work()` on every thread, but adds 1 per thread instead of what
// `work()` returned: right only while every piece of work is worth 1.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
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
    let total = Arc::new(AtomicUsize::new(0));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let total = Arc::clone(&total);
            thread::spawn(move || {
                work();
                total.fetch_add(1, Ordering::SeqCst);
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("a counting thread panicked");
    }
    total.load(Ordering::SeqCst)
}
