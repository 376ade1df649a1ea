//! While a reader holds the lock and a writer waits, may a new reader come in? If yes, a
//! stream of readers can starve the writer. std leaves it to the platform; parking_lot documents it.
use std::sync::{Arc, RwLock, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// Polls `try_read` for up to 200 ms: `true` if new readers were still let in
/// all that time, `false` as soon as one is turned away.
fn new_readers_get_in(try_read: impl Fn() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(200) {
        if !try_read() {
            return false;
        }
        thread::sleep(Duration::from_millis(1));
    }
    true
}

fn main() {
    // ANCHOR: main
    let lock = Arc::new(RwLock::new(0));
    let held = lock.read().unwrap(); // a reader is in
    let (about_to_write, writer_started) = mpsc::channel();
    let writer = {
        let lock = Arc::clone(&lock);
        thread::spawn(move || {
            about_to_write.send(()).unwrap();
            *lock.write().unwrap() += 1; // waits for `held`
        })
    };
    writer_started.recv().unwrap();
    let got_in = new_readers_get_in(|| lock.try_read().is_ok());
    println!(
        "std::sync::RwLock, on this platform: new readers get in while a writer waits: {got_in}"
    );
    drop(held);
    writer.join().unwrap();

    // parking_lot documents its choice: a waiting writer holds new readers back.
    let lock = Arc::new(parking_lot::RwLock::new(0));
    let held = lock.read();
    let (about_to_write, writer_started) = mpsc::channel();
    let writer = {
        let lock = Arc::clone(&lock);
        thread::spawn(move || {
            about_to_write.send(()).unwrap();
            *lock.write() += 1;
        })
    };
    writer_started.recv().unwrap();
    let got_in = new_readers_get_in(|| lock.try_read().is_some());
    println!("parking_lot::RwLock, documented: new readers get in while a writer waits: {got_in}");
    drop(held);
    writer.join().unwrap();
    // ANCHOR_END: main
}
