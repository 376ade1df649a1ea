//! Sleeping as synchronisation: main sleeps "long enough" and reads the worker's result,
//! but the worker is slower this time. A gate makes it slower on every run; join() fixes it.
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::Duration;

fn main() {
    // ANCHOR: broken
    let result = Arc::new(Mutex::new(None));
    let (open_gate, gate) = mpsc::channel::<()>();
    let slot = Arc::clone(&result);
    let worker = thread::spawn(move || {
        gate.recv().unwrap(); // a slow disk, a busy machine: today the work waits
        *slot.lock().unwrap() = Some(42);
    });
    thread::sleep(Duration::from_millis(20)); // "the worker is surely done by now"
    println!(
        "broken: after sleeping 20 ms the result is {:?}",
        *result.lock().unwrap()
    );
    // ANCHOR_END: broken
    open_gate.send(()).unwrap();
    worker.join().unwrap();

    // ANCHOR: fixed
    let (open_gate, gate) = mpsc::channel::<()>();
    let worker = thread::spawn(move || {
        gate.recv().unwrap(); // just as slow
        42
    });
    open_gate.send(()).unwrap(); // (only so that this demonstration ends)
    // join() waits exactly as long as the work takes, however long that is.
    println!("fixed: join() returned {}", worker.join().unwrap());
    // ANCHOR_END: fixed
}
