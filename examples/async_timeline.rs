//! Three tasks on tokio's single-threaded runtime, recorded as a timeline
//! (`cargo xtask timeline record async_timeline`): tasks that `.await` a sleep
//! between their steps take turns on the one thread; the same tasks calling
//! `std::thread::sleep` instead run one after another.
use std::thread;
use std::time::{Duration, Instant};

use tracing::{Instrument, info_span};

/// How long each step computes, and how long a task sleeps between steps.
const WORK: Duration = Duration::from_millis(3);
const PAUSE: Duration = Duration::from_millis(15);

/// Short CPU work: keeps the thread busy for `WORK`, then says which step ended.
fn compute(task: u32, step: u32) {
    let start = Instant::now();
    while start.elapsed() < WORK {
        std::hint::spin_loop();
    }
    println!("task {task}: step {step}");
}

// ANCHOR: main
/// Two steps of work with a sleep between them: awaited, or blocking.
async fn steps(task: u32, blocking: bool) {
    info_span!("step 1").in_scope(|| compute(task, 1));
    if blocking {
        thread::sleep(PAUSE); // holds the runtime's only thread
    } else {
        tokio::time::sleep(PAUSE).await; // gives the thread back meanwhile
    }
    info_span!("step 2").in_scope(|| compute(task, 2));
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // Records the spans when COURSE_TRACE names a file. A task's span is
    // entered each time the task is polled, and left when that poll returns.
    let _timeline = course_trace::record();

    println!("await: the tasks await a sleep between their steps");
    let tasks = [
        tokio::spawn(steps(1, false).instrument(info_span!("await 1"))),
        tokio::spawn(steps(2, false).instrument(info_span!("await 2"))),
        tokio::spawn(steps(3, false).instrument(info_span!("await 3"))),
    ];
    for task in tasks {
        task.await.unwrap();
    }

    println!("blocking: the tasks block in a sleep between their steps");
    let tasks = [
        tokio::spawn(steps(1, true).instrument(info_span!("blocking 1"))),
        tokio::spawn(steps(2, true).instrument(info_span!("blocking 2"))),
        tokio::spawn(steps(3, true).instrument(info_span!("blocking 3"))),
    ];
    for task in tasks {
        task.await.unwrap();
    }
}
// ANCHOR_END: main
