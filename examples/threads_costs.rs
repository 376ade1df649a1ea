//! Every thread is a real OS thread with its own stack. This program keeps 256 alive
//! at once and asks Linux how many threads the process has (from /proc/self/status).
use std::fs;
use std::sync::{Arc, Barrier};
use std::thread;

const WORKERS: usize = 256;
const STACK_BYTES: usize = 64 * 1024;

/// The kernel's count of this process's threads (Linux only).
fn os_thread_count() -> String {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("Threads:"))
        .map_or("unknown (needs Linux)".to_string(), |n| {
            n.trim().to_string()
        })
}

fn main() {
    println!("OS threads at start: {}", os_thread_count());

    // Each worker waits at `arrived`, so all of them are alive at the same time,
    // then at `leave` until main has counted them.
    let arrived = Arc::new(Barrier::new(WORKERS + 1));
    let leave = Arc::new(Barrier::new(WORKERS + 1));
    let handles: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (arrived, leave) = (Arc::clone(&arrived), Arc::clone(&leave));
            thread::Builder::new()
                .stack_size(STACK_BYTES)
                .spawn(move || {
                    arrived.wait();
                    leave.wait();
                })
                .expect("the OS should allow a few hundred threads")
        })
        .collect();

    arrived.wait();
    println!(
        "OS threads with {WORKERS} workers waiting: {}",
        os_thread_count()
    );
    let requested_mib = WORKERS * STACK_BYTES / (1024 * 1024);
    println!("stack requested for them: {requested_mib} MiB (64 KiB each)");
    leave.wait();
    for handle in handles {
        handle.join().unwrap();
    }
    println!("all {WORKERS} workers joined");
}
