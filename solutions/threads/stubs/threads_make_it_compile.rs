//! Exercise `threads_make_it_compile`: a file that does not compile. Read
//! rustc's errors (E0277 and E0373, the two this chapter is about) and fix
//! the code, keeping the threads.
//!
//! Grade it: `cargo grade threads_make_it_compile`. Stuck? `cargo grade hint threads_make_it_compile`.

// Your code: this file does not compile as it is. `cargo grade
// threads_make_it_compile` shows rustc's errors; fix what they point at. The
// functions must keep running their work on threads, all at the same time.
use std::{cell::Cell, rc::Rc};
use std::thread;

/// Measures every word on a thread of its own, all at the same time, and
/// returns the measures in the order of `words`.
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

/// Runs `work` on `threads` threads at the same time and returns the sum of
/// what they returned, added up in a counter the threads share.
pub fn count_together(threads: usize, work: fn() -> usize) -> usize {
    let total = Rc::new(Cell::new(0));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let total = Rc::clone(&total);
            thread::spawn(move || total.set(total.get() + work()))
        })
        .collect();
    for handle in handles {
        handle.join().expect("a counting thread panicked");
    }
    total.get()
}
