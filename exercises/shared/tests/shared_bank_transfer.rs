//! Tests for `shared_bank_transfer`. `cargo grade shared_bank_transfer` runs
//! them against your `exercises/shared/shared_bank_transfer.rs`.

use exercise::{Bank, TransferError};
use exercise_support::Rendezvous;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

#[test]
fn a_transfer_moves_the_money() {
    let bank = Bank::new(&[100, 50]);
    assert_eq!(bank.transfer(0, 1, 30), Ok(()));
    assert_eq!(bank.audit(), [70, 80], "0 paid 30 to 1");
    assert_eq!(bank.transfer(1, 0, 80), Ok(()));
    assert_eq!(bank.audit(), [150, 0], "1 paid all its 80 back to 0");
}

#[test]
fn too_little_money_moves_nothing() {
    let bank = Bank::new(&[10, 0]);
    assert_eq!(
        bank.transfer(0, 1, 11),
        Err(TransferError::InsufficientFunds {
            needed: 11,
            available: 10
        })
    );
    assert_eq!(
        bank.audit(),
        [10, 0],
        "a refused transfer changes no balance"
    );
}

#[test]
fn an_unknown_account_is_an_error() {
    let bank = Bank::new(&[10, 0]);
    assert_eq!(bank.transfer(0, 2, 1), Err(TransferError::NoSuchAccount(2)));
    assert_eq!(bank.transfer(5, 0, 1), Err(TransferError::NoSuchAccount(5)));
    assert_eq!(bank.audit(), [10, 0]);
}

#[test]
fn a_transfer_to_the_same_account_changes_nothing() {
    let bank = Bank::new(&[10, 0]);
    // Locking the same Mutex twice on one thread never returns: if this test
    // times out, that is what happened.
    assert_eq!(bank.transfer(0, 0, 5), Ok(()));
    assert_eq!(
        bank.transfer(1, 1, 5),
        Err(TransferError::InsufficientFunds {
            needed: 5,
            available: 0
        })
    );
    assert_eq!(bank.audit(), [10, 0]);
}

/// Eight threads move money around at the same time: half of them 0 -> 1 and
/// 1 -> 2, the other half the opposite way, while auditors check that the
/// total never changes. Taking the two locks in the order of the arguments
/// deadlocks here, and the grader stops the tests.
///
/// The threads keep moving money for a second, not for a fixed number of
/// rounds: on a busy machine a short run can end inside one time slice, with
/// the threads taking turns and never meeting in the middle of a transfer,
/// and then a wrong lock order would pass. The second is only a budget of
/// work; what is checked is the money.
#[test]
fn opposite_transfers_from_many_threads_keep_every_cent() {
    const START: u64 = 1 << 40;
    const BUSY: Duration = Duration::from_secs(1);
    let bank = Arc::new(Bank::new(&[START, START, START]));
    let meeting = Arc::new(Rendezvous::new(10, "threads", "moving money"));
    let mut handles = Vec::new();
    for t in 0..8 {
        let (bank, meeting) = (Arc::clone(&bank), Arc::clone(&meeting));
        handles.push(thread::spawn(move || {
            meeting.meet();
            let (a, b) = if t % 4 < 2 { (0, 1) } else { (1, 2) };
            let (from, to) = if t % 2 == 0 { (a, b) } else { (b, a) };
            let (until, mut moved, mut round) = (Instant::now() + BUSY, 0, 0u64);
            while Instant::now() < until {
                for _ in 0..100 {
                    let amount = 1 + round % 7;
                    assert_eq!(bank.transfer(from, to, amount), Ok(()), "{from} -> {to}");
                    moved += amount;
                    round += 1;
                }
            }
            (from, to, moved)
        }));
    }
    // The auditors check until the transfers are over. A transfer that lets
    // go of one lock before taking the other has money in flight, which an
    // audit may (not must: it needs the right moment) catch.
    let moving = Arc::new(AtomicBool::new(true));
    let auditors: Vec<_> = (0..2)
        .map(|_| {
            let (bank, meeting, moving) =
                (Arc::clone(&bank), Arc::clone(&meeting), Arc::clone(&moving));
            thread::spawn(move || {
                meeting.meet();
                loop {
                    let total: u64 = bank.audit().iter().sum();
                    assert_eq!(
                        total,
                        3 * START,
                        "money appeared or vanished during the transfers"
                    );
                    if !moving.load(Ordering::SeqCst) {
                        break;
                    }
                    thread::yield_now(); // let the transfers through
                }
            })
        })
        .collect();
    let results: Vec<_> = handles.into_iter().map(|h| h.join()).collect();
    moving.store(false, Ordering::SeqCst);
    for auditor in auditors {
        if let Err(panic) = auditor.join() {
            std::panic::resume_unwind(panic);
        }
    }
    let mut expected = [START; 3];
    for result in results {
        let (from, to, moved) = result.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        expected[from] -= moved;
        expected[to] += moved;
    }
    assert_eq!(
        bank.audit(),
        expected,
        "each account must end with what it started with, minus what it paid, plus what it got"
    );
}
