// expect: failed
// message: deadlock
// Keeps the opposite order but waits for the second lock with a deadline
// (try_lock in a loop), and gives up when it passes: no hang, but the restock
// is lost. A bigger deadline makes it rarer, never correct.
//! Exercise `pitfalls_fix_deadlock`: a shop whose `sell` and `restock` each
//! take the same two locks. As given, they take them in opposite orders, and
//! the program deadlocks as soon as both run at once. Fix it.
//!
//! Grade it: `cargo grade pitfalls_fix_deadlock`. Stuck? `cargo grade hint pitfalls_fix_deadlock`.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Items on the shelf, and a ledger with one line per change, each behind a
/// lock of its own. A change holds both locks, so that the ledger always
/// agrees with the shelf. The lock order is: the stock first, then the ledger.
/// (The fields are public so that the tests can hold a lock themselves.)
pub struct Shop {
    pub stock: Mutex<u64>,
    pub ledger: Mutex<Vec<i64>>,
}

impl Shop {
    pub fn new(stock: u64) -> Self {
        Shop {
            stock: Mutex::new(stock),
            ledger: Mutex::new(Vec::new()),
        }
    }

    /// Takes `n` items off the shelf, if there are that many, and writes
    /// `-n` in the ledger. Returns whether the sale happened.
    pub fn sell(&self, n: u64) -> bool {
        let mut stock = self.stock.lock().unwrap();
        let mut ledger = self.ledger.lock().unwrap();
        if *stock < n {
            return false;
        }
        *stock -= n;
        ledger.push(-(n as i64));
        true
    }

    /// Puts `n` items on the shelf and writes `+n` in the ledger.
    ///
    /// This is the function to fix: `sell` takes the stock's lock and then
    /// the ledger's; taking them the other way round here lets a `sell` and a
    /// `restock` each hold one lock and wait forever for the other.
    pub fn restock(&self, n: u64) {
        let mut ledger = self.ledger.lock().unwrap();
        let deadline = Instant::now() + Duration::from_millis(100);
        let mut stock = loop {
            match self.stock.try_lock() {
                Ok(stock) => break stock,
                Err(_) if Instant::now() < deadline => std::hint::spin_loop(),
                Err(_) => return, // gave up: nothing restocked
            }
        };
        *stock += n;
        ledger.push(n as i64);
    }

    /// The items on the shelf and the ledger, read under both locks (in the
    /// same order as `sell`).
    pub fn snapshot(&self) -> (u64, Vec<i64>) {
        let stock = self.stock.lock().unwrap();
        let ledger = self.ledger.lock().unwrap();
        (*stock, ledger.clone())
    }
}
