// expect: failed
// message: only 1 of 8 jobs were running at the same time
// Sequential by accident: iterators are lazy, so this spawns job 0, joins it,
// and only then spawns job 1. One job runs at a time.

use std::thread;

pub type Job<T> = Box<dyn FnOnce() -> T + Send>;

pub fn run_all<T: Send + 'static>(jobs: Vec<Job<T>>) -> Vec<T> {
    jobs.into_iter()
        .map(thread::spawn)
        .map(|handle| handle.join().unwrap())
        .collect()
}
