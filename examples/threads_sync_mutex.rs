//! The fix for a `RefCell` shared between threads: a `Mutex` is `Sync`, because it
//! lets only one thread at a time reach the value inside.
use std::sync::Mutex;
use std::thread;

fn main() {
    let log = Mutex::new(Vec::new());
    let log_ref = &log;
    thread::scope(|s| {
        for name in ["first", "second"] {
            // `move` copies `name` and the reference `log_ref` into the thread.
            // lock() waits while another thread holds the Mutex.
            s.spawn(move || log_ref.lock().unwrap().push(name));
        }
    });
    // The threads pushed in whatever order they ran; sort for a stable report.
    let mut entries = log.into_inner().unwrap();
    entries.sort();
    println!("log: {}", entries.join(", "));
}
