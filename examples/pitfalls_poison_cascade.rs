//! One panic under a lock, and every later `lock().unwrap()` panics too: the poison spreads
//! thread by thread. Deciding at each `lock()` what a poisoned lock means is the fix.
use std::sync::{Mutex, PoisonError};
use std::thread;

fn main() {
    let balances = Mutex::new(vec![100, 50]);
    // ANCHOR: broken
    thread::scope(|s| {
        let first = s.spawn(|| {
            let mut guard = balances.lock().unwrap();
            guard[0] -= 30;
            panic!("transfer interrupted"); // poisons the mutex
        });
        println!("first worker panicked: {}", first.join().is_err());
        let second = s.spawn(|| {
            let guard = balances.lock().unwrap(); // Err(PoisonError): unwrap panics
            println!("second worker sees {:?}", *guard);
        });
        println!("second worker panicked too: {}", second.join().is_err());
    });
    // ANCHOR_END: broken

    // ANCHOR: fixed
    let guard = balances.lock().unwrap_or_else(|poisoned: PoisonError<_>| {
        let mut guard = poisoned.into_inner();
        guard[0] += 30; // this code knows how to undo the half-done transfer
        guard
    });
    balances.clear_poison();
    println!("after the repair: {:?}", *guard);
    // ANCHOR_END: fixed
}
