//! std's `Receiver` cannot be cloned, so several consumers must share it behind
//! `Arc<Mutex<…>>`, locking it for each `recv`. A `Barrier` proves all three took a job.

// ANCHOR: main
use std::sync::mpsc;
use std::sync::{Arc, Barrier, Mutex};
use std::thread;

const WORKERS: usize = 3;

fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    let rx = Arc::new(Mutex::new(rx));
    // Each worker waits here after its first job: the barrier opens only
    // when all three have taken one, so no single worker can take them all.
    let first_jobs = Arc::new(Barrier::new(WORKERS));

    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let rx = Arc::clone(&rx);
            let first_jobs = Arc::clone(&first_jobs);
            thread::spawn(move || {
                let mut done = Vec::new();
                loop {
                    // The guard is a temporary: the lock is released at the end of
                    // this statement, before the job runs, so others can take jobs.
                    let job = rx.lock().unwrap().recv();
                    let Ok(n) = job else { break }; // every sender is gone
                    done.push(n * n);
                    if done.len() == 1 {
                        first_jobs.wait();
                    }
                }
                done
            })
        })
        .collect();

    for n in 1..=9 {
        tx.send(n).unwrap();
    }
    drop(tx); // no more jobs: each worker's recv returns Err once the queue is empty

    let mut squares = Vec::new();
    for worker in workers {
        let done = worker.join().unwrap();
        assert!(!done.is_empty());
        squares.extend(done);
    }
    squares.sort();
    println!("squares: {squares:?}");
    println!("each of the {WORKERS} workers took at least one job");
}
// ANCHOR_END: main
