//! A `Condvar` lets threads sleep until a condition on data behind a `Mutex`
//! holds: `wait_while` re-checks it after every wake-up, `notify_all` wakes all
//! waiters, and `wait_timeout_while` gives up after a time limit.
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

fn main() {
    // ANCHOR: main
    // The starting gun: a flag behind a Mutex, and a Condvar to wait on it.
    let started = Mutex::new(false);
    let gun = Condvar::new();

    thread::scope(|s| {
        for runner in 0..3 {
            let (started, gun) = (&started, &gun);
            s.spawn(move || {
                let guard = started.lock().unwrap();
                // Sleeps while the flag is false; wakes up when notified and
                // checks again, so a spurious wake-up is harmless.
                let _guard = gun.wait_while(guard, |started| !*started).unwrap();
                println!("runner {runner}: off");
            });
        }
        // Whether the runners are already waiting or not yet: they see the flag.
        *started.lock().unwrap() = true;
        gun.notify_all(); // every runner must wake, so notify_all
    });
    // ANCHOR_END: main

    // ANCHOR: timeout
    let items: Mutex<Vec<u32>> = Mutex::new(Vec::new());
    let arrived = Condvar::new();
    let guard = items.lock().unwrap();
    // Nobody will push: after 20 ms the wait gives up, with the lock held again.
    let (guard, result) = arrived
        .wait_timeout_while(guard, Duration::from_millis(20), |items| items.is_empty())
        .unwrap();
    println!("timed out: {}, items: {}", result.timed_out(), guard.len());
    // ANCHOR_END: timeout
}
