//! Two threads take the same two locks in opposite orders, so each holds one and waits for
//! the other forever. A watchdog sees that neither finished, says who waits for whom, and exits.
use std::process;
use std::sync::{Arc, Barrier, Mutex, mpsc};
use std::thread;
use std::time::Duration;

// ANCHOR: main
fn main() {
    let a = Arc::new(Mutex::new(100));
    let b = Arc::new(Mutex::new(100));
    // Both threads hold their first lock before either asks for its second:
    // the barrier makes the unlucky interleaving happen on every run. Main
    // waits at it too, so the watchdog's clock starts only then.
    let both_hold_one = Arc::new(Barrier::new(3));
    let (done_tx, done_rx) = mpsc::channel();

    for (name, first, second, first_name, second_name) in [
        ("left", Arc::clone(&a), Arc::clone(&b), "a", "b"),
        ("right", Arc::clone(&b), Arc::clone(&a), "b", "a"),
    ] {
        let (both_hold_one, done_tx) = (Arc::clone(&both_hold_one), done_tx.clone());
        thread::spawn(move || {
            let mut from = first.lock().unwrap();
            both_hold_one.wait();
            println!("{name}: holds {first_name}, waits for {second_name}");
            let mut to = second.lock().unwrap(); // never returns
            *from -= 10;
            *to += 10;
            done_tx.send(name).unwrap();
        });
    }

    // The watchdog: a finished thread says so on the channel. Silence for a
    // whole second, while both threads are blocked on a lock, is the deadlock.
    both_hold_one.wait();
    for _ in 0..2 {
        if done_rx.recv_timeout(Duration::from_secs(1)).is_err() {
            println!("watchdog: no thread finished within 1 s: deadlock");
            println!("watchdog: left holds a and waits for b, right holds b and waits for a");
            // Ends the process with both threads still blocked; join() would wait forever.
            process::exit(1);
        }
    }
    println!("both threads finished");
}
// ANCHOR_END: main
