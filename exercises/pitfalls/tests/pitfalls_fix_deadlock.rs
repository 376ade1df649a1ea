//! Tests for `pitfalls_fix_deadlock`. `cargo grade pitfalls_fix_deadlock` runs
//! them against your `exercises/pitfalls/pitfalls_fix_deadlock.rs`.
//!
//! A deadlock between `sell` and `restock` needs an unlucky moment, which a
//! test run may or may not hit. So these tests make the moment happen: the
//! test itself holds the stock's lock, as a `sell` in progress does, and starts
//! a `restock`. If the restock then takes the ledger's lock while it waits for
//! the stock's, the pair would deadlock with any real `sell`: the test sees the
//! ledger's lock taken and fails, saying so. The same way, the test holds the
//! ledger's lock, as a `snapshot` does, and checks that the stock does not
//! change meanwhile: a restock that takes one lock at a time cannot deadlock,
//! but it lets the shelf and the ledger disagree.

use exercise::Shop;
use exercise_support::Rendezvous;
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// Starts `restock(n)` on another thread and returns once that thread is
/// about to call it (so a slow start cannot shorten the checks below), with
/// a channel that says when the restock has returned.
fn start_restock(shop: &Arc<Shop>, n: u64) -> (thread::JoinHandle<()>, mpsc::Receiver<()>) {
    let (started, has_started) = mpsc::channel();
    let (done, finished) = mpsc::channel();
    let shop = Arc::clone(shop);
    let restocker = thread::spawn(move || {
        started.send(()).unwrap();
        shop.restock(n);
        let _ = done.send(());
    });
    has_started
        .recv_timeout(Duration::from_secs(5))
        .expect("the restocking thread did not start within 5 s");
    (restocker, finished)
}

/// Holds the stock's lock while `restock(n)` runs on another thread, for
/// half a second, checking that the restock never holds the ledger's lock
/// meanwhile, nor writes in the ledger; then lets go and waits (at most 5 s)
/// for the restock to finish.
#[track_caller]
fn restock_while_a_sale_holds_the_stock(shop: &Arc<Shop>, n: u64) {
    let held_stock = shop.stock.lock().unwrap();
    let ledger_before = shop.ledger.lock().unwrap().clone();
    let (restocker, finished) = start_restock(shop, n);
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(500) {
        let ledger = shop.ledger.try_lock().expect(
            "deadlock: while a sale held the stock's lock, restock took the ledger's lock and \
             waited for the stock's. A sale waiting for the ledger would now wait forever: \
             take the stock's lock first in restock too",
        );
        assert_eq!(
            *ledger, ledger_before,
            "while a sale held the stock's lock, restock wrote in the ledger: the ledger then \
             disagreed with the shelf. A change must hold both locks, the stock's first"
        );
        drop(ledger);
        thread::sleep(Duration::from_millis(1));
    }
    drop(held_stock);
    finished
        .recv_timeout(Duration::from_secs(5))
        .expect("restock did not finish within 5 s of the stock's lock being free");
    restocker.join().unwrap();
}

/// Holds the ledger's lock, as a `snapshot` in progress does, while
/// `restock(n)` runs: the stock must not change before the ledger's lock is
/// free. A restock that lets go of the stock's lock before it takes the
/// ledger's has no deadlock, but lets a snapshot see the shelf without its
/// ledger line.
#[track_caller]
fn restock_while_a_snapshot_holds_the_ledger(shop: &Arc<Shop>, n: u64) {
    let held_ledger = shop.ledger.lock().unwrap();
    let stock_before = *shop.stock.lock().unwrap();
    let (restocker, finished) = start_restock(shop, n);
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(500) {
        if let Ok(stock) = shop.stock.try_lock() {
            assert_eq!(
                *stock, stock_before,
                "while the ledger's lock was held elsewhere, restock changed the stock and let \
                 go of its lock: the shelf then disagreed with the ledger. Hold both locks for \
                 the whole change"
            );
        }
        thread::sleep(Duration::from_millis(1));
    }
    drop(held_ledger);
    finished
        .recv_timeout(Duration::from_secs(5))
        .expect("restock did not finish within 5 s of the ledger's lock being free");
    restocker.join().unwrap();
}

#[test]
fn restock_takes_the_stock_first_and_changes_both_together() {
    let shop = Arc::new(Shop::new(0));
    restock_while_a_sale_holds_the_stock(&shop, 3);
    assert_eq!(
        shop.snapshot(),
        (3, vec![3]),
        "three restocked, one ledger line"
    );
    restock_while_a_snapshot_holds_the_ledger(&shop, 2);
    assert_eq!(
        shop.snapshot(),
        (5, vec![3, 2]),
        "two more restocked, a second ledger line"
    );
}

/// After the forced moment, one seller and one restocker run together for
/// 20 000 rounds each, under a 5 s watchdog, and the ledger must agree.
#[test]
fn sells_and_restocks_from_two_threads_keep_the_ledger_in_step() {
    const ROUNDS: u64 = 20_000;
    let shop = Arc::new(Shop::new(0));
    restock_while_a_sale_holds_the_stock(&shop, ROUNDS);
    let meeting = Arc::new(Rendezvous::new(2, "threads", "using the shop"));
    let (done, finished) = mpsc::channel();
    for selling in [true, false] {
        let (shop, meeting, done) = (Arc::clone(&shop), Arc::clone(&meeting), done.clone());
        thread::spawn(move || {
            meeting.meet();
            let mut sold = 0;
            for _ in 0..ROUNDS {
                if selling {
                    sold += u64::from(shop.sell(1));
                } else {
                    shop.restock(1);
                }
            }
            let _ = done.send(sold);
        });
    }
    let mut sold = 0;
    for _ in 0..2 {
        sold += finished
            .recv_timeout(Duration::from_secs(5))
            .expect("deadlock: after 5 s a seller or a restocker is still waiting for a lock");
    }
    assert_eq!(sold, ROUNDS, "the shelf held enough for every sale");
    let (stock, ledger) = shop.snapshot();
    assert_eq!(
        stock, ROUNDS,
        "as many restocked as sold, after the first restock"
    );
    assert_eq!(
        ledger.len() as u64,
        1 + 2 * ROUNDS,
        "one ledger line per change"
    );
    assert_eq!(
        ledger.iter().sum::<i64>(),
        stock as i64,
        "the ledger adds up to the shelf"
    );
}
