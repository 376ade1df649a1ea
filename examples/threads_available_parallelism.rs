//! `available_parallelism()` estimates how many threads this process can run at
//! the same time: CPUs it may use, after affinity masks and (on Linux) cgroup quotas.
use std::thread;

fn main() {
    // It returns io::Result<NonZero<usize>>: the estimate can fail, never be zero.
    let threads = thread::available_parallelism().map_or(1, |n| n.get());
    println!("threads that can run in parallel here: {threads}");
}
