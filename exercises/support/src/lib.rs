//! What the exercises' tests use to prove that work really ran *at the same
//! time*, without ever measuring how long it took.
//!
//! A test hands the learner's code work that waits at a meeting point sized to
//! the number of threads the exercise asks for. Run on that many threads, the
//! meeting opens at once; run one after another, it never would. The waits
//! time out only as a guard against hanging, and then panic with a message that
//! says what went wrong, so the verdict is clear long before `cargo grade`'s own
//! timeout.

use std::ops::Deref;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// How long a thread waits at a meeting point before the test gives up.
/// Real parallel code needs a few milliseconds; this is only a hang guard.
pub const PATIENCE: Duration = Duration::from_secs(2);

/// Locks a mutex, even one that a panicking test thread left poisoned: a test
/// that failed must not make every later test fail too.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A meeting point for exactly `size` threads: [`Rendezvous::meet`] returns
/// only once all `size` callers are inside it together.
pub struct Rendezvous {
    size: usize,
    noun: &'static str,
    verb: &'static str,
    state: Mutex<Meeting>,
    changed: Condvar,
}

struct Meeting {
    arrived: usize,
    outcome: Outcome,
}

enum Outcome {
    Waiting,
    Open,
    Broken(String),
}

impl Rendezvous {
    /// A meeting point for `size` threads. `noun` and `verb` word the failure:
    /// `Rendezvous::new(5, "slices", "being summed")` explains itself as "only
    /// 1 of 5 slices were being summed at the same time".
    pub fn new(size: usize, noun: &'static str, verb: &'static str) -> Self {
        assert!(size > 0, "a meeting needs at least one thread");
        Rendezvous {
            size,
            noun,
            verb,
            state: Mutex::new(Meeting {
                arrived: 0,
                outcome: Outcome::Waiting,
            }),
            changed: Condvar::new(),
        }
    }

    /// Waits until `size` threads are here together, then lets them all go.
    ///
    /// Panics, with a message that says why, if the others do not come within
    /// [`PATIENCE`] (the threads are running one after another), if the
    /// meeting already failed, or if more than `size` threads come. The panic
    /// names the caller's line (in the tests), not a line of this crate.
    #[track_caller]
    pub fn meet(&self) {
        let mut meeting = lock(&self.state);
        if let Outcome::Broken(why) = &meeting.outcome {
            panic!("{why}");
        }
        meeting.arrived += 1;
        if meeting.arrived > self.size {
            panic!(
                "{} {} were {}, but the exercise asks for exactly {}",
                meeting.arrived, self.noun, self.verb, self.size
            );
        }
        if meeting.arrived == self.size {
            meeting.outcome = Outcome::Open;
            self.changed.notify_all();
            return;
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            match &meeting.outcome {
                Outcome::Open => return,
                Outcome::Broken(why) => panic!("{why}"),
                Outcome::Waiting => {}
            }
            let now = Instant::now();
            if now >= deadline {
                let why = format!(
                    "only {} of {} {} were {} at the same time \
                     — are the threads running one after another?",
                    meeting.arrived, self.size, self.noun, self.verb
                );
                meeting.outcome = Outcome::Broken(why.clone());
                self.changed.notify_all();
                panic!("{why}");
            }
            meeting = self
                .changed
                .wait_timeout(meeting, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// How many threads have come so far.
    pub fn arrived(&self) -> usize {
        lock(&self.state).arrived
    }
}

/// Makes `count` jobs finish in reverse order: job `count - 1` first, job 0
/// last. Each job calls [`ReverseFinish::finish`] with its index as its last
/// step. Only jobs that all run at the same time can finish this way.
pub struct ReverseFinish {
    count: usize,
    state: Mutex<Relay>,
    changed: Condvar,
}

struct Relay {
    /// The job allowed to finish next; `None` once job 0 has finished.
    next: Option<usize>,
    broken: Option<String>,
}

impl ReverseFinish {
    /// Jobs `0..count` will finish last to first.
    pub fn new(count: usize) -> Self {
        ReverseFinish {
            count,
            state: Mutex::new(Relay {
                next: count.checked_sub(1),
                broken: None,
            }),
            changed: Condvar::new(),
        }
    }

    /// Returns once every job after job `index` has finished.
    ///
    /// Panics, saying why, if they do not finish within [`PATIENCE`].
    #[track_caller]
    pub fn finish(&self, index: usize) {
        assert!(index < self.count, "job {index} does not exist");
        let mut relay = lock(&self.state);
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(why) = &relay.broken {
                panic!("{why}");
            }
            match relay.next {
                Some(next) if next == index => {
                    relay.next = index.checked_sub(1);
                    self.changed.notify_all();
                    return;
                }
                Some(next) if next > index => {}
                _ => panic!("job {index} finished twice"),
            }
            let now = Instant::now();
            if now >= deadline {
                let waited_for = relay.next.unwrap_or_default();
                let why = format!(
                    "job {index} can only finish after job {waited_for}, but job {waited_for} \
                     was not running at the same time — are the jobs running one after another?"
                );
                relay.broken = Some(why.clone());
                self.changed.notify_all();
                panic!("{why}");
            }
            relay = self
                .changed
                .wait_timeout(relay, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

/// A place for one test at a time to put what a plain `fn` (which captures
/// nothing) needs to reach, such as the probe a `sum_slice` callback records
/// into. [`Current::install`] also makes tests that use it take turns, so they
/// stay correct even when libtest runs tests on several threads.
pub struct Current<T> {
    value: Mutex<Option<Arc<T>>>,
    turn: Mutex<()>,
}

impl<T> Current<T> {
    /// An empty slot, for a `static`.
    pub const fn new() -> Self {
        Current {
            value: Mutex::new(None),
            turn: Mutex::new(()),
        }
    }

    /// Puts `value` in the slot until the returned guard is dropped.
    pub fn install(&'static self, value: T) -> Installed<T> {
        let turn = lock(&self.turn);
        let value = Arc::new(value);
        *lock(&self.value) = Some(Arc::clone(&value));
        Installed {
            slot: self,
            value,
            _turn: turn,
        }
    }

    /// What the running test installed.
    ///
    /// Panics if no test has installed anything.
    #[track_caller]
    pub fn get(&self) -> Arc<T> {
        lock(&self.value)
            .clone()
            .expect("called outside of a test that installed a value")
    }
}

impl<T> Default for Current<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// The running test's value in a [`Current`] slot; emptied when dropped.
pub struct Installed<T: 'static> {
    slot: &'static Current<T>,
    value: Arc<T>,
    _turn: MutexGuard<'static, ()>,
}

impl<T> Deref for Installed<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> Drop for Installed<T> {
    fn drop(&mut self) {
        *lock(&self.slot.value) = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::thread;

    #[test]
    fn rendezvous_opens_when_all_threads_are_there() {
        let meeting = Rendezvous::new(4, "workers", "waiting");
        thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| meeting.meet());
            }
        });
        assert_eq!(meeting.arrived(), 4);
    }

    #[test]
    fn rendezvous_of_one_never_waits() {
        Rendezvous::new(1, "workers", "waiting").meet();
    }

    #[test]
    fn rendezvous_explains_sequential_callers() {
        let meeting = Rendezvous::new(2, "slices", "being summed");
        let first = std::panic::catch_unwind(|| meeting.meet()).unwrap_err();
        let why = first.downcast_ref::<String>().unwrap();
        assert!(why.starts_with("only 1 of 2 slices were being summed at the same time"));
        // Later callers fail at once, with the same explanation.
        let second = std::panic::catch_unwind(|| meeting.meet()).unwrap_err();
        assert_eq!(second.downcast_ref::<String>(), Some(why));
    }

    #[test]
    fn reverse_finish_lets_concurrent_jobs_finish_last_to_first() {
        let relay = ReverseFinish::new(3);
        thread::scope(|s| {
            for i in 0..3 {
                let relay = &relay;
                s.spawn(move || relay.finish(i));
            }
        });
        assert_eq!(relay.state.lock().unwrap().next, None);
    }
}
