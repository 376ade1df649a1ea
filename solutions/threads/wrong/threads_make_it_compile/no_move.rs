// expect: compile-error
// message: error[E0373]: closure may outlive the current function, but it borrows `word`
// Half fixed: the counter is an `Arc<AtomicUsize>`, but the measuring
// closure still borrows `word` instead of taking it (`move` is missing).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

pub fn measure_all(words: Vec<String>, measure: fn(&str) -> usize) -> Vec<usize> {
    let handles: Vec<_> = words
        .into_iter()
        .map(|word| thread::spawn(|| measure(&word)))
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
            thread::spawn(move || total.fetch_add(work(), Ordering::SeqCst))
        })
        .collect();
    for handle in handles {
        handle.join().expect("a counting thread panicked");
    }
    total.load(Ordering::SeqCst)
}
