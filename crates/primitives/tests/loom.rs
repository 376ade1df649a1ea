//! Loom explores every interleaving (up to LOOM_MAX_PREEMPTIONS preemptions) of
//! small models of the bounded buffer and of the pool's shutdown: the correct
//! ones pass, and each broken variant fails with the output recorded in
//! `loom-output/`.
//! Run: RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom LOOM_MAX_PREEMPTIONS=3 \
//!      cargo test -p primitives --release --test loom
//! Re-record the broken variants' output: the same with LOOM_BLESS=1.
#![cfg(loom)]

use loom::sync::Arc;
use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::thread;
use primitives::broken::{IfInsteadOfWhile, NotifyOneOnClose, PoolWithoutJoin};
use primitives::{BoundedBuffer, ThreadPool};

/// The three buffers, seen the same way by the models.
trait Buffer: Send + Sync + 'static {
    fn with_capacity(capacity: usize) -> Self;
    fn push(&self, item: u32) -> bool;
    fn pop(&self) -> Option<u32>;
    fn close(&self);
}

impl Buffer for BoundedBuffer<u32> {
    fn with_capacity(capacity: usize) -> Self {
        BoundedBuffer::new(capacity)
    }
    fn push(&self, item: u32) -> bool {
        BoundedBuffer::push(self, item).is_ok()
    }
    fn pop(&self) -> Option<u32> {
        BoundedBuffer::pop(self)
    }
    fn close(&self) {
        BoundedBuffer::close(self)
    }
}

impl Buffer for IfInsteadOfWhile<u32> {
    fn with_capacity(capacity: usize) -> Self {
        IfInsteadOfWhile::new(capacity)
    }
    fn push(&self, item: u32) -> bool {
        IfInsteadOfWhile::push(self, item).is_ok()
    }
    fn pop(&self) -> Option<u32> {
        IfInsteadOfWhile::pop(self)
    }
    fn close(&self) {
        unreachable!("the overfill model never closes")
    }
}

impl Buffer for NotifyOneOnClose<u32> {
    fn with_capacity(capacity: usize) -> Self {
        NotifyOneOnClose::new(capacity)
    }
    fn push(&self, item: u32) -> bool {
        NotifyOneOnClose::push(self, item).is_ok()
    }
    fn pop(&self) -> Option<u32> {
        NotifyOneOnClose::pop(self)
    }
    fn close(&self) {
        NotifyOneOnClose::close(self)
    }
}

// ANCHOR: overfill_model
/// Capacity 1, two producers (one pushes twice), main consumes all three items.
/// The buffer itself asserts that no push lands in a full buffer.
fn overfill_model<B: Buffer>() {
    loom::model(|| {
        let buffer = Arc::new(B::with_capacity(1));
        let first = Arc::clone(&buffer);
        let second = Arc::clone(&buffer);
        let p1 = thread::spawn(move || {
            assert!(first.push(1));
            assert!(first.push(2));
        });
        let p2 = thread::spawn(move || assert!(second.push(3)));
        let mut got: Vec<u32> = (0..3).map(|_| buffer.pop().expect("open")).collect();
        p1.join().unwrap();
        p2.join().unwrap();
        got.sort();
        assert_eq!(got, [1, 2, 3]);
    });
}
// ANCHOR_END: overfill_model

// ANCHOR: close_model
/// Two consumers take items until `pop` says the buffer is closed; main pushes
/// one item and closes. Both consumers must end, and exactly one item arrives.
fn close_model<B: Buffer>() {
    loom::model(|| {
        // std's Arc: when loom abandons a deadlocked run, dropping a loom Arc
        // in a stranded thread would panic a second time and abort the test.
        let buffer = std::sync::Arc::new(B::with_capacity(1));
        let consumers: Vec<_> = (0..2)
            .map(|_| {
                let buffer = std::sync::Arc::clone(&buffer);
                thread::spawn(move || {
                    let mut taken = 0;
                    while buffer.pop().is_some() {
                        taken += 1;
                    }
                    taken
                })
            })
            .collect();
        assert!(buffer.push(7));
        buffer.close();
        let taken: u32 = consumers.into_iter().map(|c| c.join().unwrap()).sum();
        assert_eq!(taken, 1);
    });
}
// ANCHOR_END: close_model

/// The two pools, seen the same way by the model.
trait Pool: Sized {
    fn with_workers(size: usize) -> Self;
    fn run(&self, job: impl FnOnce() + Send + 'static);
}

impl Pool for ThreadPool {
    fn with_workers(size: usize) -> Self {
        ThreadPool::new(size, 1)
    }
    fn run(&self, job: impl FnOnce() + Send + 'static) {
        self.execute(job)
    }
}

impl Pool for PoolWithoutJoin {
    fn with_workers(size: usize) -> Self {
        PoolWithoutJoin::new(size, 1)
    }
    fn run(&self, job: impl FnOnce() + Send + 'static) {
        self.execute(job)
    }
}

// ANCHOR: shutdown_model
/// Two workers, two jobs, then the pool is dropped: by then both jobs must
/// have run, whatever the interleaving.
fn shutdown_model<P: Pool>() {
    loom::model(|| {
        let done = Arc::new(AtomicUsize::new(0));
        let pool = P::with_workers(2);
        for _ in 0..2 {
            let done = Arc::clone(&done);
            pool.run(move || {
                done.fetch_add(1, Ordering::SeqCst);
            });
        }
        drop(pool);
        assert_eq!(
            done.load(Ordering::SeqCst),
            2,
            "a job had not run when drop returned"
        );
    });
}
// ANCHOR_END: shutdown_model

#[test]
fn pool_shutdown_runs_every_queued_job() {
    shutdown_model::<ThreadPool>();
}

#[test]
fn bounded_buffer_never_overfills() {
    overfill_model::<BoundedBuffer<u32>>();
}

#[test]
fn bounded_buffer_close_releases_every_consumer() {
    close_model::<BoundedBuffer<u32>>();
}

// The broken variants: ignored in a plain run, run one by one by the test
// below, which checks that they fail and that their output is the recorded one.

#[test]
#[ignore = "fails on purpose; run by broken_variants_fail_as_recorded"]
fn if_instead_of_while() {
    overfill_model::<IfInsteadOfWhile<u32>>();
}

#[test]
#[ignore = "fails on purpose; run by broken_variants_fail_as_recorded"]
fn notify_one_on_close() {
    close_model::<NotifyOneOnClose<u32>>();
}

#[test]
#[ignore = "fails on purpose; run by broken_variants_fail_as_recorded"]
fn pool_without_join() {
    shutdown_model::<PoolWithoutJoin>();
}

#[test]
fn broken_variants_fail_as_recorded() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("loom-output");
    let bless = std::env::var_os("LOOM_BLESS").is_some();
    let mut problems = Vec::new();
    for name in [
        "if_instead_of_while",
        "notify_one_on_close",
        "pool_without_join",
    ] {
        let mut command = std::process::Command::new(std::env::current_exe().unwrap());
        command
            .args([
                name,
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("RUST_BACKTRACE", "0")
            // Name the line where each stranded thread waits, in a deadlock.
            .env("LOOM_LOCATION", "1")
            // The same bound as the suite's, whoever runs this, so that the
            // first failing interleaving loom reports is the recorded one.
            .env("LOOM_MAX_PREEMPTIONS", "3")
            .env_remove("LOOM_LOG");
        // Under the course's one runner, with the loom step's limit, so that a
        // model that never ends is a named failure, not a hang.
        let limit = course_kit::limits::get().xtask.loom;
        let done = course_kit::run::run::<()>(
            &mut command,
            course_kit::limits::secs(limit),
            course_kit::run::Output::Separate(course_kit::run::Keep::MIB),
        )
        .expect("run this test binary again");
        assert!(
            done.exit != course_kit::run::Exit::TimedOut,
            "{name}: the broken model ran past {limit} s (crates/course-kit/limits.toml, [xtask] loom)"
        );
        let stderr = normalize(&done.err.text());
        let stdout = done.out.text();
        if done.exit.success() || !stdout.contains(&format!("test {name} ... FAILED")) {
            problems.push(format!(
                "{name}: loom found no failing interleaving:\n{stdout}{stderr}"
            ));
            continue;
        }
        let path = dir.join(format!("{name}.txt"));
        if bless {
            std::fs::write(&path, &stderr).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(recorded) if recorded == stderr => {}
            Ok(recorded) => problems.push(format!(
                "{name}: loom's output differs from {}; rerun with LOOM_BLESS=1 and read the diff\n\
                 --- recorded\n{recorded}--- now\n{stderr}",
                path.display()
            )),
            Err(e) => problems.push(format!("{}: {e}; rerun with LOOM_BLESS=1", path.display())),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Replaces what differs between runs and machines: the thread id in the
/// panic line, and where cargo keeps the sources of loom.
fn normalize(stderr: &str) -> String {
    let mut out = String::new();
    for line in stderr.lines() {
        let line = match line.find("/registry/src/") {
            Some(at) => {
                let start = line[..at].rfind(' ').map_or(0, |s| s + 1);
                let index_end = line[at + "/registry/src/".len()..]
                    .find('/')
                    .map_or(line.len(), |e| at + "/registry/src/".len() + e + 1);
                format!("{}…/{}", &line[..start], &line[index_end..])
            }
            None => line.to_string(),
        };
        let line = match (line.find("' ("), line.find(") panicked at")) {
            (Some(open), Some(close)) if line.starts_with("thread '") && open < close => {
                format!("{}' (…{}", &line[..open], &line[close..])
            }
            _ => line.to_string(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}
