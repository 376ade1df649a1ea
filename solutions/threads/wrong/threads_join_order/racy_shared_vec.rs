// expect: failed
// message: the results must come back in the order of the jobs
// A race condition (though no data race): each thread pushes its result into
// a shared vector, so the order is whichever thread takes the lock first.

use std::sync::{Arc, Mutex};
use std::thread;

pub type Job<T> = Box<dyn FnOnce() -> T + Send>;

pub fn run_all<T: Send + 'static>(jobs: Vec<Job<T>>) -> Vec<T> {
    let results = Arc::new(Mutex::new(Vec::new()));
    let handles: Vec<_> = jobs
        .into_iter()
        .map(|job| {
            let results = Arc::clone(&results);
            thread::spawn(move || {
                let value = job();
                results.lock().unwrap().push(value);
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    let mut results = results.lock().unwrap();
    std::mem::take(&mut *results)
}
