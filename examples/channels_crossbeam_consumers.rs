//! crossbeam-channel: a `Receiver` can be cloned, so several consumers share one
//! channel with no `Mutex`. Bounded and unbounded channels, and their capacity.

// ANCHOR: main
use std::sync::{Arc, Barrier};
use std::thread;

use crossbeam::channel::{self, TrySendError};

const WORKERS: usize = 3;

fn main() {
    // bounded(n) is sync_channel(n); unbounded() is mpsc::channel().
    let (tx, rx) = channel::bounded::<u32>(2);
    let (unbounded_tx, _unbounded_rx) = channel::unbounded::<u32>();
    println!(
        "capacity: bounded {:?}, unbounded {:?}",
        tx.capacity(),
        unbounded_tx.capacity()
    );

    // try_send never blocks: on a full bounded channel it hands the value back.
    tx.try_send(1).unwrap();
    tx.try_send(2).unwrap();
    match tx.try_send(3) {
        Err(TrySendError::Full(n)) => println!("try_send({n}): Full, {} items waiting", rx.len()),
        other => panic!("expected Full, got {other:?}"),
    }

    let first_jobs = Arc::new(Barrier::new(WORKERS));
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            // A clone of the receiver: the same queue, and each message goes to
            // exactly one of the consumers.
            let rx = rx.clone();
            let first_jobs = Arc::clone(&first_jobs);
            thread::spawn(move || {
                let mut done = Vec::new();
                for n in rx {
                    done.push(n * n);
                    if done.len() == 1 {
                        first_jobs.wait(); // all three must have taken a job
                    }
                }
                done
            })
        })
        .collect();
    drop(rx); // main does not consume; only the workers' clones remain

    for n in 3..=9 {
        tx.send(n).unwrap(); // blocks whenever 2 jobs are already waiting
    }
    drop(tx); // closes the channel: each worker's loop ends once it is empty

    let mut squares: Vec<u32> = workers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    squares.sort();
    println!("squares: {squares:?}");
    println!("each of the {WORKERS} workers took at least one job");
}
// ANCHOR_END: main
