//! When `main` returns, the process ends and every other thread is stopped wherever it
//! was. Dropping the `JoinHandle` (detaching) only gives up the way to wait for it.
use std::sync::{Barrier, mpsc};
use std::thread;

fn main() {
    let (started_tx, started_rx) = mpsc::channel();
    // A barrier for two threads that only one will ever reach: waiting on it never ends.
    let partner_never_comes = Barrier::new(2);

    // The JoinHandle is not kept, so this thread is detached from the start.
    thread::spawn(move || {
        println!("background: started, waiting for a partner");
        started_tx.send(()).unwrap();
        partner_never_comes.wait();
        println!("background: finished"); // never printed
    });

    started_rx.recv().unwrap(); // wait until the background thread really runs
    println!("main: returning without joining");
}
