//! What loom finds possible in two litmus tests (message passing, a spin lock's unlock) under each choice of orderings: the tables in `loom-output/outcomes/`.
//! Run: RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom LOOM_MAX_PREEMPTIONS=3 cargo test -p primitives --release --test outcomes; the same with LOOM_BLESS=1 re-records the tables.
#![cfg(loom)]

use loom::sync::Arc;
use loom::sync::atomic::{AtomicBool, AtomicU8, AtomicU64};
use loom::thread;
use std::collections::BTreeSet;
use std::sync::atomic::Ordering::{self, Acquire, Relaxed, Release, SeqCst};

/// A litmus test: each execution of `run` ends in one of `outcomes`; each
/// row of the table runs it under one pair of orderings.
struct Litmus {
    /// The table's file in `loom-output/outcomes/`.
    file: &'static str,
    /// The first column's heading: what the two orderings of a row are for.
    orderings: &'static str,
    outcomes: &'static [&'static str],
    rows: &'static [(Ordering, Ordering)],
    run: fn(Ordering, Ordering) -> &'static str,
}

// ANCHOR: message_passing
/// Thread A writes the data, then raises the flag; thread B (main) reads the
/// flag and, if it is up, the data. The data is a Relaxed atomic, not a plain
/// value, so that a missing happens-before shows up as a stale read (an
/// outcome in the table) instead of loom's data-race panic.
fn message_passing(store: Ordering, load: Ordering) -> &'static str {
    let data = Arc::new(AtomicU64::new(0));
    let ready = Arc::new(AtomicBool::new(false));
    let writer = {
        let (data, ready) = (Arc::clone(&data), Arc::clone(&ready));
        thread::spawn(move || {
            data.store(42, Relaxed);
            ready.store(true, store);
        })
    };
    let outcome = if !ready.load(load) {
        "ready false"
    } else if data.load(Relaxed) == 42 {
        "ready true, data 42"
    } else {
        "ready true, data 0"
    };
    writer.join().unwrap();
    outcome
}
// ANCHOR_END: message_passing

const MESSAGE_PASSING: Litmus = Litmus {
    file: "message_passing.md",
    orderings: "ready: store / load",
    outcomes: &["ready false", "ready true, data 42", "ready true, data 0"],
    rows: &[
        (Relaxed, Relaxed),
        (Release, Relaxed),
        (Relaxed, Acquire),
        (Release, Acquire),
        (SeqCst, SeqCst),
    ],
    run: message_passing,
};

// The lock word says who freed it last, so that the record can tell whether
// B's critical section came after A's. A real lock would store FREE.
const FREE: u8 = 0;
const HELD: u8 = 1;
const FREED_BY_A: u8 = 2;
const FREED_BY_B: u8 = 3;

/// A spin lock whose word says who freed it last, with an oracle beside it:
/// a std atomic, invisible to loom and always current (loom runs one thread
/// at a time), that checks the lock excludes in every execution loom builds.
struct SpinLock {
    word: AtomicU8,
    held: std::sync::atomic::AtomicBool,
}

impl SpinLock {
    /// Spins until it swaps a free value for HELD; returns the value it
    /// replaced. A compare_exchange reads the latest value whatever the
    /// ordering, so the lock excludes in every row: the ordering decides
    /// only what the lock publishes.
    fn lock(&self, order: Ordering) -> u8 {
        loop {
            for free in [FREE, FREED_BY_A, FREED_BY_B] {
                if self
                    .word
                    .compare_exchange(free, HELD, order, Relaxed)
                    .is_ok()
                {
                    assert!(!self.held.swap(true, SeqCst), "two holders at once");
                    return free;
                }
            }
            loom::hint::spin_loop();
        }
    }

    fn unlock(&self, freed_by: u8, order: Ordering) {
        self.held.store(false, SeqCst);
        self.word.store(freed_by, order);
    }
}

// ANCHOR: spin_lock
/// Thread A writes the data inside its critical section; thread B (main)
/// reads it inside its own. If B's turn comes after A's, B must see 42.
fn spin_lock(lock_order: Ordering, unlock_order: Ordering) -> &'static str {
    let lock = Arc::new(SpinLock {
        word: AtomicU8::new(FREE),
        held: false.into(),
    });
    let data = Arc::new(AtomicU64::new(0));
    let a = {
        let (lock, data) = (Arc::clone(&lock), Arc::clone(&data));
        thread::spawn(move || {
            lock.lock(lock_order);
            data.store(42, Relaxed);
            lock.unlock(FREED_BY_A, unlock_order);
        })
    };
    let after_a = lock.lock(lock_order) == FREED_BY_A;
    let seen = data.load(Relaxed);
    lock.unlock(FREED_BY_B, unlock_order);
    a.join().unwrap();
    match (after_a, seen) {
        (false, _) => "B locks first",
        (true, 42) => "B after A, data 42",
        (true, _) => "B after A, data 0",
    }
}
// ANCHOR_END: spin_lock

const SPIN_LOCK: Litmus = Litmus {
    file: "spin_lock.md",
    orderings: "lock (compare_exchange) / unlock (store)",
    outcomes: &["B locks first", "B after A, data 42", "B after A, data 0"],
    rows: &[
        (Relaxed, Relaxed),
        (Acquire, Relaxed),
        (Relaxed, Release),
        (Acquire, Release),
        (SeqCst, SeqCst),
    ],
    run: spin_lock,
};

/// Every outcome loom reaches for one row: loom runs the closure once per
/// execution it explores, and each run adds its outcome to the set.
fn reachable(litmus: &Litmus, first: Ordering, second: Ordering) -> BTreeSet<&'static str> {
    let seen = std::sync::Arc::new(std::sync::Mutex::new(BTreeSet::new()));
    let record = std::sync::Arc::clone(&seen);
    let run = litmus.run;
    let mut builder = loom::model::Builder::new();
    // Every execution, whatever LOOM_MAX_PREEMPTIONS says: the models are
    // tiny, and a "never" then means never in loom's model, not "not within
    // the bound" (with no preemption at all, the stale reads are not reached).
    builder.preemption_bound = None;
    builder.check(move || {
        let outcome = run(first, second);
        record.lock().unwrap().insert(outcome);
    });
    seen.lock().unwrap().clone()
}

fn table(litmus: &Litmus) -> String {
    let mut out = String::from(
        "<!-- Generated by crates/primitives/tests/outcomes.rs (what loom reaches); \
         re-record: LOOM_BLESS=1, with the command in that file's first lines. -->\n",
    );
    out += &format!(
        "| {} | {} |\n",
        litmus.orderings,
        litmus.outcomes.join(" | ")
    );
    out += &format!("|---{}|\n", "|---".repeat(litmus.outcomes.len()));
    for &(first, second) in litmus.rows {
        let seen = reachable(litmus, first, second);
        let unknown: Vec<_> = seen
            .difference(&litmus.outcomes.iter().copied().collect())
            .copied()
            .collect();
        assert!(
            unknown.is_empty(),
            "{}: outcomes with no column: {unknown:?}",
            litmus.file
        );
        let cells: Vec<_> = litmus
            .outcomes
            .iter()
            .map(|o| {
                if seen.contains(o) {
                    "possible"
                } else {
                    "never"
                }
            })
            .collect();
        out += &format!("| {first:?} / {second:?} | {} |\n", cells.join(" | "));
    }
    out
}

/// Compares the table loom produces with the committed one (or writes it,
/// with LOOM_BLESS=1), naming the file when they differ.
fn check(litmus: &Litmus) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("loom-output/outcomes")
        .join(litmus.file);
    let now = table(litmus);
    if std::env::var_os("LOOM_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &now).unwrap();
        return;
    }
    match std::fs::read_to_string(&path) {
        Ok(recorded) => assert!(
            recorded == now,
            "the outcomes loom finds differ from {}; rerun with LOOM_BLESS=1 and read the diff\n\
             --- recorded\n{recorded}--- now\n{now}",
            path.display()
        ),
        Err(e) => panic!("{}: {e}; rerun with LOOM_BLESS=1", path.display()),
    }
}

#[test]
fn message_passing_outcomes_are_as_recorded() {
    check(&MESSAGE_PASSING);
}

#[test]
fn spin_lock_outcomes_are_as_recorded() {
    check(&SPIN_LOCK);
}
