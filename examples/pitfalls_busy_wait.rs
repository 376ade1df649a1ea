//! Busy-waiting: a thread that polls a flag in a loop burns a core while it waits; one
//! that blocks on a channel uses almost none. Each waiter reads its own CPU time from Linux.
use std::fs;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// The CPU time this thread has used so far: the first field of Linux's
/// /proc/thread-self/schedstat, in nanoseconds.
fn thread_cpu_time() -> Duration {
    let stat = fs::read_to_string("/proc/thread-self/schedstat").unwrap();
    Duration::from_nanos(stat.split_whitespace().next().unwrap().parse().unwrap())
}

/// Runs `wait` on a new thread and, once that thread has started waiting, `work` on
/// another (so the wait lasts the whole work, however late a thread starts).
/// Returns the waiter's (wall time waited, CPU time used).
fn measure(
    work: impl FnOnce() + Send + 'static,
    wait: impl FnOnce() + Send + 'static,
) -> (Duration, Duration) {
    let (waiting, waiter_started) = mpsc::channel();
    let worker = thread::spawn(move || {
        waiter_started.recv().unwrap();
        work();
    });
    let waiter = thread::spawn(move || {
        let (cpu, wall) = (thread_cpu_time(), Instant::now());
        waiting.send(()).unwrap();
        wait();
        (wall.elapsed(), thread_cpu_time() - cpu)
    });
    worker.join().unwrap();
    waiter.join().unwrap()
}

fn main() {
    // ANCHOR: main
    let ready = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&ready);
    let spin = measure(
        move || {
            thread::sleep(Duration::from_millis(100)); // stands in for 100 ms of work
            flag.store(true, Ordering::Release);
        },
        move || {
            while !ready.load(Ordering::Acquire) {
                std::hint::spin_loop(); // "are we there yet?", millions of times
            }
        },
    );

    let (tx, rx) = mpsc::channel();
    let block = measure(
        move || {
            thread::sleep(Duration::from_millis(100));
            tx.send(()).unwrap();
        },
        move || rx.recv().unwrap(), // sleeps until the message comes
    );
    // ANCHOR_END: main

    for (label, (wall, cpu)) in [("spinning", spin), ("blocking", block)] {
        println!(
            "{label}: waited {} ms, used {:.2} ms of CPU",
            wall.as_millis(),
            cpu.as_secs_f64() * 1000.0
        );
    }
    println!(
        "blocking used less than a tenth of the spinner's CPU: {}",
        block.1 * 10 < spin.1
    );
}
