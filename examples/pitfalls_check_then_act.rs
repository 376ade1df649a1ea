//! Check-then-act: each access is locked, so there is no data race, yet two withdrawals
//! both see enough money and both go through. A barrier forces that interleaving every run.
use std::sync::{Arc, Barrier, Mutex};
use std::thread;

// ANCHOR: broken
fn withdraw_broken(balance: &Mutex<i64>, amount: i64, both_checked: &Barrier) -> bool {
    let enough = *balance.lock().unwrap() >= amount; // the guard is dropped here...
    both_checked.wait(); // ...and the other thread checks before this one acts
    if enough {
        *balance.lock().unwrap() -= amount;
    }
    enough
}
// ANCHOR_END: broken

// ANCHOR: fixed
fn withdraw_fixed(balance: &Mutex<i64>, amount: i64) -> bool {
    let mut balance = balance.lock().unwrap(); // one guard for the check and the act
    let enough = *balance >= amount;
    if enough {
        *balance -= amount;
    }
    enough
}
// ANCHOR_END: fixed

fn run(label: &str, withdraw: fn(&Mutex<i64>, &Barrier) -> bool) {
    let balance = Arc::new(Mutex::new(100));
    let barrier = Arc::new(Barrier::new(2));
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let (balance, barrier) = (Arc::clone(&balance), Arc::clone(&barrier));
            thread::spawn(move || withdraw(&balance, &barrier))
        })
        .collect();
    let made = handles
        .into_iter()
        .map(|h| h.join().unwrap())
        .filter(|&ok| ok)
        .count();
    println!(
        "{label}: two withdrawals of 80 from 100: {made} went through, balance {}",
        balance.lock().unwrap()
    );
}

fn main() {
    run("broken", |balance, barrier| {
        withdraw_broken(balance, 80, barrier)
    });
    run("fixed", |balance, barrier| {
        barrier.wait(); // start together, so the two really compete
        withdraw_fixed(balance, 80)
    });
}
