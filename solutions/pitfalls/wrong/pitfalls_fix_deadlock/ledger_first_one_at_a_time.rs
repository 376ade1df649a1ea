// expect: failed
// message: while a sale held the stock's lock
// Never holds two locks at once: the ledger line first, then the stock, each
// under its own lock. No cycle, so no deadlock, but for a moment the ledger
// shows items that are not on the shelf.
//! Exercise `pitfalls_fix_deadlock`: a shop whose `sell` and `restock` each
//! take the same two locks. As given, they take them in opposite orders, and
//! the program deadlocks as soon as both run at once. Fix it.
//!
//! Grade it: `cargo grade pitfalls_fix_deadlock`. Stuck? `cargo grade hint pitfalls_fix_deadlock`.

use std::sync::Mutex;

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
        self.ledger.lock().unwrap().push(n as i64); // the ledger's guard is dropped here...
        *self.stock.lock().unwrap() += n; // ...before the stock's is taken
    }

    /// The items on the shelf and the ledger, read under both locks (in the
    /// same order as `sell`).
    pub fn snapshot(&self) -> (u64, Vec<i64>) {
        let stock = self.stock.lock().unwrap();
        let ledger = self.ledger.lock().unwrap();
        (*stock, ledger.clone())
    }
}
