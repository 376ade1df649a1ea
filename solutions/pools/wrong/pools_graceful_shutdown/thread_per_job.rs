// expect: failed
// message: a pool of 2 must reuse its 2 threads
// Not a pool: every job gets a thread of its own, and `drop` joins them all.

use std::sync::Mutex;
use std::thread::{self, JoinHandle};

pub type Job = Box<dyn FnOnce() + Send + 'static>;

pub struct ThreadPool {
    threads: Mutex<Vec<JoinHandle<()>>>,
}

impl ThreadPool {
    pub fn new(_size: usize) -> ThreadPool {
        ThreadPool {
            threads: Mutex::new(Vec::new()),
        }
    }

    pub fn execute(&self, job: impl FnOnce() + Send + 'static) {
        self.threads.lock().unwrap().push(thread::spawn(job));
    }
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        for thread in self.threads.get_mut().unwrap().drain(..) {
            let _ = thread.join();
        }
    }
}
