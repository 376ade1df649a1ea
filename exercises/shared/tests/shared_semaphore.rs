//! Tests for `shared_semaphore`. `cargo grade shared_semaphore` runs them
//! against your `exercises/shared/shared_semaphore.rs`.

use exercise::Semaphore;
use exercise_support::Rendezvous;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// Long enough for a spawned thread to reach its wait.
const SETTLE: Duration = Duration::from_millis(200);

#[test]
fn a_permit_is_taken_and_given_back() {
    let semaphore = Semaphore::new(2);
    let permit = semaphore.acquire();
    assert_eq!(semaphore.available(), 1, "one of two permits is held");
    drop(permit);
    assert_eq!(
        semaphore.available(),
        2,
        "dropping the permit gives it back"
    );
}

#[test]
fn three_permits_let_three_threads_in_at_once() {
    let semaphore = Semaphore::new(3);
    let meeting = Rendezvous::new(3, "threads", "holding a permit");
    thread::scope(|s| {
        for _ in 0..3 {
            s.spawn(|| {
                let _permit = semaphore.acquire();
                meeting.meet();
            });
        }
    });
    assert_eq!(semaphore.available(), 3);
}

#[test]
fn never_more_holders_than_permits() {
    let semaphore = Semaphore::new(2);
    let (inside, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
    thread::scope(|s| {
        for _ in 0..6 {
            s.spawn(|| {
                for _ in 0..300 {
                    let _permit = semaphore.acquire();
                    let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    thread::yield_now();
                    inside.fetch_sub(1, Ordering::SeqCst);
                }
            });
        }
    });
    let most = most.load(Ordering::SeqCst);
    assert!(
        most <= 2,
        "{most} threads held a permit at once; there are 2 permits"
    );
    assert_eq!(semaphore.available(), 2);
}

#[test]
fn acquire_waits_until_a_permit_comes_back() {
    let semaphore = Semaphore::new(1);
    let held = semaphore.acquire();
    let (got_tx, got) = mpsc::channel();
    thread::scope(|s| {
        s.spawn(|| {
            let _permit = semaphore.acquire();
            got_tx.send(()).unwrap();
        });
        thread::sleep(SETTLE);
        assert!(
            got.try_recv().is_err(),
            "acquire returned while the only permit was held"
        );
        drop(held); // the waiting thread must wake up now
        got.recv().unwrap();
    });
}

#[test]
fn a_panicking_holder_still_gives_its_permit_back() {
    let semaphore = Semaphore::new(1);
    thread::scope(|s| {
        let panicked = s
            .spawn(|| {
                let _permit = semaphore.acquire();
                // Panics quietly (no message printed), as `panic!` would.
                std::panic::resume_unwind(Box::new("the job failed"));
            })
            .join();
        assert!(panicked.is_err());
    });
    assert_eq!(
        semaphore.available(),
        1,
        "the permit of a thread that panicked must come back (Drop runs while unwinding)"
    );
    let _permit = semaphore.acquire();
}
