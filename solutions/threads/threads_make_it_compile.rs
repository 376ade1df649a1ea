//! Exercise `threads_make_it_compile`: a file that does not compile. Read
//! rustc's errors (E0277 and E0373, the two this chapter is about) and fix
//! the code, keeping the threads.
//!
//! Grade it: `cargo grade threads_make_it_compile`. Stuck? `cargo grade hint threads_make_it_compile`.

// Your code: this file does not compile as it is. `cargo grade
// threads_make_it_compile` shows rustc's errors; fix what they point at. The
// functions must keep running their work on threads, all at the same time.
// BEGIN SOLUTION (stub: use std::{cell::Cell, rc::Rc};)
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
// END SOLUTION
use std::thread;

/// Measures every word on a thread of its own, all at the same time, and
/// returns the measures in the order of `words`.
pub fn measure_all(words: Vec<String>, measure: fn(&str) -> usize) -> Vec<usize> {
    let handles: Vec<_> = words
        .into_iter()
        // BEGIN SOLUTION (stub: .map(|word| thread::spawn(|| measure(&word))))
        // `move`: the thread owns `word` (the closure around it drops `word`
        // when it returns, while the thread may still be running).
        .map(|word| thread::spawn(move || measure(&word)))
        // END SOLUTION
        .collect();
    handles
        .into_iter()
        .map(|handle| handle.join().expect("a measuring thread panicked"))
        .collect()
}

/// Runs `work` on `threads` threads at the same time and returns the sum of
/// what they returned, added up in a counter the threads share.
pub fn count_together(threads: usize, work: fn() -> usize) -> usize {
    // BEGIN SOLUTION (stub: let total = Rc::new(Cell::new(0));)
    // `Rc` counts its owners without atomic instructions, so it is not
    // `Send`; `Arc` is. `Cell` allows no sharing between threads at all; an
    // atomic integer is a counter that several threads may add to at once.
    let total = Arc::new(AtomicUsize::new(0));
    // END SOLUTION
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            // BEGIN SOLUTION (stub: let total = Rc::clone(&total);)
            let total = Arc::clone(&total);
            // END SOLUTION
            // BEGIN SOLUTION (stub: thread::spawn(move || total.set(total.get() + work())))
            thread::spawn(move || total.fetch_add(work(), Ordering::SeqCst))
            // END SOLUTION
        })
        .collect();
    for handle in handles {
        handle.join().expect("a counting thread panicked");
    }
    // BEGIN SOLUTION (stub: total.get())
    total.load(Ordering::SeqCst)
    // END SOLUTION
}
