//! Tests for `shared_publish`. `cargo grade shared_publish` runs them against
//! your `exercises/shared/shared_publish.rs`: first as they are, then again
//! under loom (`--cfg loom`), which tries each interleaving of the threads
//! with up to 3 preemptions and each value loom's model lets a load return
//! under the orderings you chose.

use exercise::Mailbox;

/// The value most tests publish: anything but the `0` a mailbox starts with.
const VALUE: u64 = 42;
/// Another one, so that an answer that returns 42 without reading it fails.
const OTHER: u64 = 7;

#[cfg(not(loom))]
mod ordinary {
    use super::{Mailbox, OTHER, VALUE};
    use std::thread;
    use std::time::{Duration, Instant};

    /// Longer than a published value can take to show on any machine.
    const PATIENCE: Duration = Duration::from_secs(5);

    #[test]
    fn nothing_is_read_before_publish() {
        let mailbox = Mailbox::new();
        assert_eq!(mailbox.read(), None, "read() before any publish");
    }

    #[test]
    fn a_published_value_is_read_back() {
        let mailbox = Mailbox::new();
        mailbox.publish(VALUE);
        assert_eq!(mailbox.read(), Some(VALUE), "read() after publish(42)");
        assert_eq!(
            mailbox.read(),
            Some(VALUE),
            "a second read() gives it again"
        );
    }

    #[test]
    fn another_value_is_read_back_too() {
        let mailbox = Mailbox::new();
        mailbox.publish(OTHER);
        assert_eq!(mailbox.read(), Some(OTHER), "read() after publish(7)");
    }

    #[test]
    fn a_published_zero_is_read_back() {
        // 0 is also the value a mailbox starts with: only the flag tells a
        // published 0 from nothing published.
        let mailbox = Mailbox::new();
        mailbox.publish(0);
        assert_eq!(
            mailbox.read(),
            Some(0),
            "read() after publish(0): the flag says a value is there, whatever it is"
        );
    }

    #[test]
    fn a_value_published_by_another_thread_arrives() {
        let mailbox = Mailbox::new();
        thread::scope(|s| {
            s.spawn(|| mailbox.publish(VALUE));
            let started = Instant::now();
            let got = loop {
                if let Some(value) = mailbox.read() {
                    break value;
                }
                assert!(
                    started.elapsed() < PATIENCE,
                    "the value published by another thread never arrived"
                );
                thread::yield_now();
            };
            assert_eq!(got, VALUE, "the reader saw the flag set but another value");
        });
    }
}

/// The same handover under loom. Each side-specific test names the side it
/// checks: that side is yours, and the other is played by the test with
/// orderings known to be right, so that a failure says which of yours is
/// wrong.
///
/// libtest runs the tests in the order of their names (one at a time, as the
/// grader runs them), and the verdict shows the first failure: the
/// side-specific tests (`loom_publish_…`, `loom_read_…`) are named so that
/// they come before the combined one, whose name must sort last
/// (`loom_yours_…`).
#[cfg(loom)]
mod model {
    use super::{Mailbox, OTHER, VALUE};
    use loom::sync::Arc;
    use loom::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use loom::thread;

    // The file must use loom's atomics in this build: with std's, loom would
    // see no atomic operation and pass any answer. An import of std's fails
    // to compile here, and the grader's note says what to import.
    const _: fn(&Mailbox) -> (&AtomicU64, &AtomicBool) = |m| (&m.value, &m.ready);

    /// The test's own reader: `Acquire` on the flag, loaded before the value,
    /// as it should be.
    fn acquiring_read(mailbox: &Mailbox) -> Option<u64> {
        mailbox
            .ready
            .load(Ordering::Acquire)
            .then(|| mailbox.value.load(Ordering::Relaxed))
    }

    /// The test's own publisher: `Release` on the flag, stored after the
    /// value, as it should be.
    fn releasing_publish(mailbox: &Mailbox, value: u64) {
        mailbox.value.store(value, Ordering::Relaxed);
        mailbox.ready.store(true, Ordering::Release);
    }

    /// A message for the assertion: what the test saw in the execution that
    /// failed, and what to change.
    fn stale(publisher: &str, reader: &str, advice: &str) -> String {
        format!(
            "the reader saw the flag set but not the published value.\n\
             What the reader saw, in one of the executions loom tried:\n  \
             publisher thread: {publisher}\n  \
             reader thread:    {reader}\n\
             {advice}"
        )
    }

    /// Runs `publish(value)` on a thread of its own and `read` on the test's
    /// thread, in each interleaving loom's bound allows; a read that finds
    /// the flag set must give `value`, or `fail` says what went wrong.
    fn handover(
        value: u64,
        publish: fn(&Mailbox, u64),
        read: fn(&Mailbox) -> Option<u64>,
        fail: fn(u64) -> String,
    ) {
        loom::model(move || {
            let mailbox = Arc::new(Mailbox::new());
            let publisher = {
                let mailbox = Arc::clone(&mailbox);
                thread::spawn(move || publish(&mailbox, value))
            };
            if let Some(got) = read(&mailbox) {
                assert_eq!(got, value, "{}", fail(got));
            }
            publisher.join().unwrap();
        });
    }

    #[test]
    fn loom_publish_makes_the_value_visible_to_an_acquiring_reader() {
        handover(VALUE, Mailbox::publish, acquiring_read, |got| {
            stale(
                "your publish(42)",
                &format!(
                    "the test's read (the flag loaded with Acquire, then the value) saw the \
                     flag set, then the value {got}"
                ),
                "The test's read is right, so your publish is what is wrong: the flag's store \
                 needs Ordering::Release and must come after the value's store. Then a reader \
                 whose Acquire load sees the flag set also sees the value.",
            )
        });
    }

    #[test]
    fn loom_read_sees_the_value_of_a_releasing_publisher() {
        handover(OTHER, releasing_publish, Mailbox::read, |got| {
            stale(
                "the test's publish(7) (the value stored, then the flag with Release)",
                &format!("your read() returned Some({got})"),
                "The test's publish is right, so your read is what is wrong: the flag's load \
                 needs Ordering::Acquire and must come before the value's load. With Relaxed, \
                 or with the value loaded first, seeing the flag says nothing about the value.",
            )
        });
    }

    #[test]
    fn loom_yours_on_both_sides_agree() {
        handover(VALUE, Mailbox::publish, Mailbox::read, |got| {
            stale(
                "your publish(42)",
                &format!("your read() returned Some({got})"),
                "The flag's store needs Ordering::Release, after the value's store, and its \
                 load Ordering::Acquire, before the value's load.",
            )
        });
    }
}
