//! A worker pool fed from one crossbeam channel, and two shutdowns: close the job
//! channel (finish what is queued), or close a `stop` channel all workers watch.

// ANCHOR: main
use std::thread;

use crossbeam::channel::{self, Receiver, Sender, select_biased};

const WORKERS: usize = 3;

fn spawn_workers(jobs: &Receiver<u64>, results: &Sender<u64>) -> Vec<thread::JoinHandle<()>> {
    (0..WORKERS)
        .map(|_| {
            let (jobs, results) = (jobs.clone(), results.clone());
            thread::spawn(move || {
                for n in jobs {
                    results.send(n * n).unwrap();
                }
            })
        })
        .collect()
}

fn main() {
    // Graceful shutdown: drop the job sender. Each worker finishes the jobs
    // still queued, then its loop ends, and so does its thread.
    let (job_tx, job_rx) = channel::unbounded();
    let (result_tx, result_rx) = channel::unbounded();
    let workers = spawn_workers(&job_rx, &result_tx);
    drop(result_tx); // the workers hold the only result senders now
    for n in 1..=8 {
        job_tx.send(n).unwrap();
    }
    drop(job_tx);
    let mut squares: Vec<u64> = result_rx.iter().collect(); // ends when every worker has ended
    squares.sort();
    for worker in workers {
        worker.join().unwrap();
    }
    println!("drained: {squares:?}");

    // Stop now: nobody ever sends on `stop`; dropping its sender wakes every
    // worker blocked in select!, all at once. The job sender stays alive.
    let (job_tx, job_rx) = channel::unbounded::<u64>();
    let (stop_tx, stop_rx) = channel::bounded::<()>(0);
    let (stopped_tx, stopped_rx) = channel::unbounded();
    let workers: Vec<_> = (0..WORKERS)
        .map(|id| {
            let (jobs, stop, stopped) = (job_rx.clone(), stop_rx.clone(), stopped_tx.clone());
            thread::spawn(move || {
                loop {
                    // Biased, `stop` first: once it is closed, the worker stops
                    // even if jobs are waiting (select! would pick at random).
                    select_biased! {
                        recv(stop) -> _ => break, // Err(RecvError): the channel closed
                        recv(jobs) -> job => println!("worker {id} got job {job:?}"),
                    }
                }
                stopped.send(id).unwrap();
            })
        })
        .collect();
    drop(stopped_tx);
    drop(stop_tx);
    let mut stopped: Vec<usize> = stopped_rx.iter().collect();
    stopped.sort();
    for worker in workers {
        worker.join().unwrap();
    }
    println!("stopped: workers {stopped:?}, while the job channel is still open");
    drop(job_tx);
}
// ANCHOR_END: main
