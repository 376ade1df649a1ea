//! A thread panics while it holds a lock: the `Mutex` is poisoned. The next
//! `lock()` returns `Err(PoisonError)`, which still holds the guard.
use std::sync::{Mutex, PoisonError};
use std::thread;

fn main() {
    // ANCHOR: main
    let balances = Mutex::new(vec![100, 50]);

    thread::scope(|s| {
        let result = s
            .spawn(|| {
                let mut guard = balances.lock().unwrap();
                guard[0] -= 30; // the first half of a transfer...
                panic!("transfer interrupted"); // ...and the second never happens
            })
            .join();
        println!("worker panicked: {}", result.is_err());
    });

    println!("poisoned: {}", balances.is_poisoned());
    match balances.lock() {
        Ok(_) => println!("lock() succeeded"),
        Err(poisoned) => {
            // The data is still there, with the half-done transfer in it.
            let guard = poisoned.into_inner();
            println!("lock() returned Err; the data inside: {:?}", *guard);
        }
    }

    // Repair the data, then say so: clear_poison makes lock() return Ok again.
    let mut guard = balances.lock().unwrap_or_else(PoisonError::into_inner);
    guard[0] += 30;
    drop(guard);
    balances.clear_poison();
    println!(
        "after repair: {:?}, poisoned: {}",
        *balances.lock().unwrap(),
        balances.is_poisoned()
    );
    // ANCHOR_END: main

    // ANCHOR: owned
    // Owning the Mutex means no other thread can hold it: no lock needed.
    let mut balances = balances;
    balances.get_mut().unwrap().push(25);
    let plain: Vec<i32> = balances.into_inner().unwrap();
    println!("into_inner: {plain:?}");
    // ANCHOR_END: owned
}
