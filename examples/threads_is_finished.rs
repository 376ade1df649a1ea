//! Asking whether a thread is still running (`is_finished`, Python's `is_alive`),
//! and waiting for its result with a time limit, which `join` cannot do.
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

fn main() {
    // ANCHOR: main
    let (release, gate) = mpsc::channel::<()>();
    let (result_tx, result_rx) = mpsc::channel();
    let worker = thread::spawn(move || {
        // Blocks until main lets it go, so main knows the worker is still running.
        gate.recv().unwrap();
        result_tx.send(6 * 7).unwrap();
    });
    println!("before release: finished = {}", worker.is_finished());

    // Python's `join(timeout=0.1)`: `join` has no time limit, so wait for the
    // result on a channel instead. The worker keeps running either way.
    match result_rx.recv_timeout(Duration::from_millis(100)) {
        Ok(answer) => println!("got {answer} early"),
        Err(RecvTimeoutError::Timeout) => println!("no result within 100 ms: still running"),
        Err(RecvTimeoutError::Disconnected) => println!("the worker ended without a result"),
    }

    release.send(()).unwrap();
    let answer = result_rx.recv().unwrap();
    println!("after release: result = {answer}");

    // Sending its result is not the worker's last step: returning is.
    while !worker.is_finished() {
        thread::sleep(Duration::from_millis(1));
    }
    println!("after it returned: finished = {}", worker.is_finished());
    worker.join().unwrap();
    // ANCHOR_END: main
}
