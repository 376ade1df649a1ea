//! Rust has no non-daemon threads: returning from `main` ends the process at once.
//! To let a thread finish its work, as Python waits for non-daemon threads, join it.
use std::sync::mpsc;
use std::thread;

fn main() {
    let (go_tx, go_rx) = mpsc::channel();
    let saver = thread::spawn(move || {
        go_rx.recv().unwrap(); // start saving only after main has said its piece
        println!("saver: file saved");
    });
    println!("main: my work is done");
    go_tx.send(()).unwrap();
    // Without this join, main could return and end the process before the file is saved.
    saver.join().unwrap();
}
