//! Start a thread or a task that does nothing, and wait for it; `n` times.
//! tokio's tasks are spawned two ways: from a task running on a worker of
//! the runtime, and from the `block_on` future, which runs on the calling
//! thread, not on a worker (tokio's `Runtime::block_on` documentation:
//! "Awaiting on other futures from the future provided here will not
//! perform as fast as those spawned as workers").

use std::hint::black_box;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use tokio::runtime::Runtime;

use super::{Scale, Variant};
use crate::stats::timed;

pub fn variants(scale: Scale) -> Vec<Variant> {
    let threads_n = scale.pick(2_000, 100);
    let tasks_n = scale.pick(100_000, 2_000);
    // Each of these pays two wake-ups across threads: fewer, in the same time.
    let from_block_on_n = scale.pick(20_000, 2_000);
    let runtime = Arc::new(
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap(),
    );
    let on_worker = runtime.clone();
    let from_block_on = move || {
        // The loop runs in the block_on future, on this thread.
        let took = runtime.block_on(spawn_and_await(from_block_on_n));
        (took, from_block_on_n as f64)
    };
    vec![
        Variant::new("thread::spawn", 1, threads_n, "ns/spawn+join", move || {
            let (took, ()) = timed(|| spawn_and_join_threads(threads_n));
            (took, threads_n as f64)
        }),
        Variant::new(
            "tokio::spawn from a task",
            1,
            tasks_n,
            "ns/spawn+join",
            move || (from_a_task(&on_worker, tasks_n), tasks_n as f64),
        ),
        Variant::new(
            "tokio::spawn from block_on",
            1,
            from_block_on_n,
            "ns/spawn+join",
            from_block_on,
        ),
    ]
}

// ANCHOR: thread
/// The clock covers this call.
fn spawn_and_join_threads(n: u64) {
    for _ in 0..n {
        thread::spawn(|| black_box(())).join().unwrap();
    }
}
// ANCHOR_END: thread

// ANCHOR: task
/// The loop itself runs as a task, on one of the runtime's workers.
fn from_a_task(runtime: &Runtime, n: u64) -> Duration {
    let task = runtime.spawn(spawn_and_await(n));
    runtime.block_on(task).unwrap()
}
// ANCHOR_END: task

// ANCHOR: spawn_and_await
/// The clock covers the loop, started once the task runs.
async fn spawn_and_await(n: u64) -> Duration {
    let start = Instant::now();
    for _ in 0..n {
        tokio::spawn(async { black_box(()) }).await.unwrap();
    }
    start.elapsed()
}
// ANCHOR_END: spawn_and_await
