//! Tests for `shared_publish`. `cargo grade shared_publish` runs them against
//! your `exercises/shared/shared_publish.rs`: first as they are, then again
//! under loom (`--cfg loom`), which tries every interleaving of the threads
//! and every value that the orderings you chose let a load return.

use exercise::Mailbox;

/// The value the tests publish: anything but the `0` a mailbox starts with.
const VALUE: u64 = 42;

#[cfg(not(loom))]
mod ordinary {
    use super::{Mailbox, VALUE};
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

/// The same handover under loom. Each test names the side it checks: one of
/// the two sides is played by the test with orderings known to be right, so
/// that a failure says which of yours is wrong.
#[cfg(loom)]
mod model {
    use super::{Mailbox, VALUE};
    use loom::sync::Arc;
    use loom::sync::atomic::Ordering;
    use loom::thread;

    /// The test's own reader: `Acquire` on the flag, as it should be.
    fn acquiring_read(mailbox: &Mailbox) -> Option<u64> {
        mailbox
            .ready
            .load(Ordering::Acquire)
            .then(|| mailbox.value.load(Ordering::Relaxed))
    }

    /// The test's own publisher: `Release` on the flag, as it should be.
    fn releasing_publish(mailbox: &Mailbox, value: u64) {
        mailbox.value.store(value, Ordering::Relaxed);
        mailbox.ready.store(true, Ordering::Release);
    }

    /// What loom's failing execution was, from what the reader saw: a
    /// message for the assertion.
    fn stale(got: u64, publisher: &str, reader: &str, advice: &str) -> String {
        format!(
            "the reader saw the flag set but an older value.\n\
             The execution loom found:\n  \
             publisher thread: {publisher}: stored the value {VALUE}, then set the flag\n  \
             reader thread:    {reader}: saw flag == true, then read value == {got}\n\
             {advice}"
        )
    }

    /// Runs `publish` on a thread of its own and `read` on the test's
    /// thread, in every interleaving loom finds; `check` judges each read.
    fn handover(publish: fn(&Mailbox, u64), read: fn(&Mailbox) -> Option<u64>, check: fn(u64)) {
        loom::model(move || {
            let mailbox = Arc::new(Mailbox::new());
            let publisher = {
                let mailbox = Arc::clone(&mailbox);
                thread::spawn(move || publish(&mailbox, VALUE))
            };
            if let Some(got) = read(&mailbox) {
                check(got);
            }
            publisher.join().unwrap();
        });
    }

    #[test]
    fn loom_publish_makes_the_value_visible_to_an_acquiring_reader() {
        handover(Mailbox::publish, acquiring_read, |got| {
            assert_eq!(
                got,
                VALUE,
                "{}",
                stale(
                    got,
                    "your publish(42)",
                    "the test's read, with Acquire",
                    "The test's load of the flag is Acquire, so your publish is what is wrong: \
                     its store of the flag needs Ordering::Release, which makes the value \
                     stored before it visible to whoever reads the flag with Acquire."
                )
            );
        });
    }

    #[test]
    fn loom_read_sees_the_value_of_a_releasing_publisher() {
        handover(releasing_publish, Mailbox::read, |got| {
            assert_eq!(
                got,
                VALUE,
                "{}",
                stale(
                    got,
                    "the test's publish(42), with Release",
                    "your read()",
                    "The test's store of the flag is Release, so your read is what is wrong: \
                     its load of the flag needs Ordering::Acquire; with Relaxed, seeing the \
                     flag says nothing about the value."
                )
            );
        });
    }

    #[test]
    fn loom_reader_and_publisher_both_yours_agree() {
        handover(Mailbox::publish, Mailbox::read, |got| {
            assert_eq!(
                got,
                VALUE,
                "{}",
                stale(
                    got,
                    "your publish(42)",
                    "your read()",
                    "The flag's store needs Ordering::Release and its load Ordering::Acquire."
                )
            );
        });
    }
}
