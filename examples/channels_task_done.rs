//! Python's `Queue.join()` in Rust: each job carries a clone of a crossbeam
//! `WaitGroup`; `wait()` returns once every clone is dropped, and the workers live on.

// ANCHOR: main
use std::thread;

use crossbeam::channel;
use crossbeam::sync::WaitGroup;

const WORKERS: usize = 3;

fn main() {
    // A job carries the number to square and a WaitGroup ticket: dropping the
    // ticket is Python's task_done().
    let (job_tx, job_rx) = channel::unbounded::<(u64, WaitGroup)>();
    let (result_tx, result_rx) = channel::unbounded::<u64>();
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (jobs, results) = (job_rx.clone(), result_tx.clone());
            thread::spawn(move || {
                for (n, ticket) in jobs {
                    results.send(n * n).unwrap();
                    drop(ticket); // this job is done
                }
            })
        })
        .collect();

    for batch in [1..=4, 5..=8] {
        let all_done = WaitGroup::new();
        for n in batch.clone() {
            job_tx.send((n, all_done.clone())).unwrap();
        }
        // wait() returns once every ticket of this batch has been dropped:
        // Python's q.join(). The workers are still alive afterwards.
        all_done.wait();
        let mut squares: Vec<u64> = result_rx.try_iter().collect();
        squares.sort();
        println!("batch {batch:?} done: {squares:?}");
    }

    drop(job_tx); // no more batches: the workers' loops end
    for worker in workers {
        worker.join().unwrap();
    }
    println!("workers stopped");
}
// ANCHOR_END: main
