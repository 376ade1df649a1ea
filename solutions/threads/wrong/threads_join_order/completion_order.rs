// expect: failed
// message: the results must come back in the order of the jobs
// Collects results from a channel: they arrive in the order the jobs finish
// (Python's `as_completed`), not the order of the jobs.

use std::sync::mpsc;
use std::thread;

pub type Job<T> = Box<dyn FnOnce() -> T + Send>;

pub fn run_all<T: Send + 'static>(jobs: Vec<Job<T>>) -> Vec<T> {
    let (tx, rx) = mpsc::channel();
    for job in jobs {
        let tx = tx.clone();
        thread::spawn(move || tx.send(job()).unwrap());
    }
    drop(tx);
    rx.iter().collect()
}
