// expect: compile-error
// message: error[E0277]: `Rc<Cell<usize>>` cannot be sent between threads safely
// Half fixed: `move` is added, but the counter is still an `Rc<Cell<…>>`,
// which may not cross to another thread.

use std::thread;
use std::{cell::Cell, rc::Rc};

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
