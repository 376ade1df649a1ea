//! crossbeam-channel: several workers share ONE receiver (it can be cloned),
//! so whichever worker is free takes the next job.

// ANCHOR: main
use std::thread;

use crossbeam::channel;

const WORKERS: usize = 3;

fn main() {
    let (job_sender, job_receiver) = channel::unbounded::<u64>();
    let (result_sender, result_receiver) = channel::unbounded::<(u64, u64)>();

    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            // Cloning a crossbeam receiver gives another handle on the same
            // queue: each job goes to exactly one worker (std's mpsc can't do this).
            let jobs = job_receiver.clone();
            let results = result_sender.clone();
            thread::spawn(move || {
                // The loop ends once every sender is gone and the queue is empty.
                for n in jobs {
                    results.send((n, n * n)).expect("main is still collecting");
                }
            })
        })
        .collect();
    // Keep only the workers' copies of the result sender, so that the
    // collecting loop below ends when the last worker finishes.
    drop(result_sender);

    for n in 1..=8 {
        job_sender.send(n).expect("the workers are still running");
    }
    // Closing the job channel is the "no more work" signal: no sentinels needed.
    drop(job_sender);

    // Which worker squared which number depends on scheduling; sorting makes
    // the report the same on every run.
    let mut squares: Vec<(u64, u64)> = result_receiver.iter().collect();
    squares.sort();
    for (n, square) in &squares {
        println!("{n} squared is {square}");
    }
    for worker in workers {
        worker.join().expect("a worker panicked");
    }
    println!("{} jobs done by {WORKERS} workers", squares.len());
}
// ANCHOR_END: main
