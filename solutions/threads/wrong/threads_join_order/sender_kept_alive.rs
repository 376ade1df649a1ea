// expect: timed-out
// message: A thread waits for a message that never comes
// hangs at: for (i, value) in rx {
// Deadlock: results come back over a channel, each tagged with its job's
// place, but the main thread keeps its own sender alive, so `for … in rx`
// waits for one more message forever.

use std::sync::mpsc;
use std::thread;

pub type Job<T> = Box<dyn FnOnce() -> T + Send>;

pub fn run_all<T: Send + 'static>(jobs: Vec<Job<T>>) -> Vec<T> {
    let count = jobs.len();
    let (tx, rx) = mpsc::channel();
    for (i, job) in jobs.into_iter().enumerate() {
        let tx = tx.clone();
        thread::spawn(move || tx.send((i, job())).unwrap());
    }
    // Bug: no `drop(tx)` here.
    let mut slots: Vec<Option<T>> = (0..count).map(|_| None).collect();
    for (i, value) in rx {
        slots[i] = Some(value);
    }
    slots.into_iter().map(Option::unwrap).collect()
}
