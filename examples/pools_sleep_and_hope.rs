//! The widely copied hand-made pool, and why "sleep and hope" is wrong: `main`
//! naps, then returns, and every job not yet finished dies with the process.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, Mutex, mpsc};
use std::thread;
use std::time::Duration;

// ANCHOR: pool
type Job = Box<dyn FnOnce() + Send + 'static>;

/// The copied design: workers loop forever, nothing ever joins them, and the
/// pool has no `Drop`, so nothing waits for the queue to empty.
struct NaivePool {
    sender: mpsc::Sender<Job>,
}

impl NaivePool {
    fn new(size: usize) -> NaivePool {
        let (sender, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        for _ in 0..size {
            let receiver = Arc::clone(&receiver);
            // The JoinHandle is thrown away: this thread is detached.
            thread::spawn(move || {
                loop {
                    let job = receiver.lock().unwrap().recv().unwrap();
                    job();
                }
            });
        }
        NaivePool { sender }
    }

    fn execute(&self, job: impl FnOnce() + Send + 'static) {
        self.sender.send(Box::new(job)).unwrap();
    }
}
// ANCHOR_END: pool

// ANCHOR: main
fn main() {
    let pool = NaivePool::new(2);
    let finished = Arc::new(AtomicUsize::new(0));

    // The nap is a guess at how long the jobs take. These jobs take longer on
    // every run, not only on a busy day: each waits at a barrier for main, and
    // main never gets there.
    let barrier = Arc::new(Barrier::new(3));
    for _ in 0..6 {
        let (finished, barrier) = (Arc::clone(&finished), Arc::clone(&barrier));
        pool.execute(move || {
            barrier.wait();
            finished.fetch_add(1, Ordering::SeqCst);
        });
    }

    // "Give the jobs time to finish."
    thread::sleep(Duration::from_millis(20));
    println!(
        "main: after a 20 ms nap, {} of 6 jobs have finished",
        finished.load(Ordering::SeqCst)
    );
    println!("main: returning; the unfinished jobs end with the process");
}
// ANCHOR_END: main
