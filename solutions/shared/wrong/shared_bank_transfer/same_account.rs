// expect: timed-out
// message: Timed out after
// hangs at: let mut high = self.lock(from.max(to));
// Orders the locks correctly but forgets a transfer to the same account:
// locking one Mutex twice on one thread never returns.
//! Exercise `shared_bank_transfer`: move money between accounts, each behind a
//! `Mutex` of its own, from many threads at once: no deadlock, no lost cent.
//!
//! Grade it: `cargo grade shared_bank_transfer`. Stuck? `cargo grade hint shared_bank_transfer`.

use std::sync::{Mutex, MutexGuard};

/// Why a transfer did not happen. When `transfer` returns an error, no
/// balance has changed.
#[derive(Debug, PartialEq, Eq)]
pub enum TransferError {
    /// The paying account holds less than the amount.
    InsufficientFunds { needed: u64, available: u64 },
    /// An account number past the last account.
    NoSuchAccount(usize),
}

/// Accounts numbered from 0, each with its own lock, so that transfers
/// between different accounts can run at the same time.
pub struct Bank {
    accounts: Vec<Mutex<u64>>,
}

impl Bank {
    pub fn new(balances: &[u64]) -> Self {
        Bank {
            accounts: balances.iter().map(|&b| Mutex::new(b)).collect(),
        }
    }

    pub fn balance(&self, account: usize) -> u64 {
        *self.lock(account)
    }

    /// Every balance, read while holding every lock at once (taken in account
    /// order, the order `transfer` must use too): a consistent snapshot, in
    /// which no transfer is half done.
    pub fn audit(&self) -> Vec<u64> {
        let guards: Vec<MutexGuard<'_, u64>> =
            (0..self.accounts.len()).map(|a| self.lock(a)).collect();
        guards.iter().map(|g| **g).collect()
    }

    fn lock(&self, account: usize) -> MutexGuard<'_, u64> {
        self.accounts[account].lock().unwrap()
    }

    /// Moves `amount` from account `from` to account `to`, holding both locks
    /// for the whole move, so nobody ever sees the money in neither account
    /// or in both.
    ///
    /// Two threads that move money between the same two accounts in opposite
    /// directions must not deadlock: take the two locks in one global order
    /// (the lower account number first), whatever the direction. A transfer
    /// from an account to itself changes nothing, but still fails if the
    /// account holds less than `amount`.
    pub fn transfer(&self, from: usize, to: usize, amount: u64) -> Result<(), TransferError> {
        for account in [from, to] {
            if account >= self.accounts.len() {
                return Err(TransferError::NoSuchAccount(account));
            }
        }
        // Forgets that `from` and `to` can be the same account: the second
        // lock() waits for a lock this thread already holds.
        let mut low = self.lock(from.min(to));
        let mut high = self.lock(from.max(to));
        let (payer, payee) = if from < to {
            (&mut *low, &mut *high)
        } else {
            (&mut *high, &mut *low)
        };
        if *payer < amount {
            return Err(TransferError::InsufficientFunds {
                needed: amount,
                available: *payer,
            });
        }
        *payer -= amount;
        *payee += amount;
        Ok(())
    }
}
