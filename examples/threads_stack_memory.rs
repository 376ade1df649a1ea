//! A thread's stack is address space reserved up front; physical memory is used only
//! for the pages the thread writes. Linux's /proc/self/status shows both (VmSize, VmRSS).
use std::fs;
use std::hint::black_box;
use std::sync::{Arc, Barrier};
use std::thread;

const WORKERS: usize = 16;
const STACK_MIB: usize = 8;
const WRITTEN_MIB: usize = 4;

/// The process's address space and resident memory in MiB: the `VmSize:` and
/// `VmRSS:` lines of /proc/self/status (Linux only).
fn memory_mib() -> Option<(usize, usize)> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<usize> {
        let line = status.lines().find_map(|line| line.strip_prefix(name))?;
        let kib: usize = line.trim().trim_end_matches("kB").trim().parse().ok()?;
        Some(kib / 1024)
    };
    Some((field("VmSize:")?, field("VmRSS:")?))
}

/// Writes `WRITTEN_MIB` of this thread's stack. Kept out of line, so the array is
/// on the stack only once this function is called, not from the thread's start.
#[inline(never)]
fn write_to_stack() {
    let block = [1u8; WRITTEN_MIB << 20];
    black_box(&block);
}

fn yes_no(holds: bool) -> &'static str {
    if holds { "yes" } else { "NO" }
}

fn main() {
    let Some((size_before, rss_before)) = memory_mib() else {
        println!("memory figures: unknown (needs Linux)");
        return;
    };
    // Meeting points for the workers and main: all started; main has measured them
    // idle; all done writing; main has measured again.
    let [started, measured, written, leave] = [(); 4].map(|_| Arc::new(Barrier::new(WORKERS + 1)));
    let handles: Vec<_> = (0..WORKERS)
        .map(|_| {
            let barriers = [&started, &measured, &written, &leave].map(Arc::clone);
            thread::Builder::new()
                .stack_size(STACK_MIB << 20)
                .spawn(move || {
                    let [started, measured, written, leave] = barriers;
                    started.wait();
                    measured.wait();
                    write_to_stack();
                    written.wait();
                    leave.wait();
                })
                .expect("the OS should allow 16 threads")
        })
        .collect();

    started.wait();
    let (size, rss) = memory_mib().expect("read once already");
    let requested = WORKERS * STACK_MIB;
    println!("{WORKERS} idle threads with {STACK_MIB} MiB stacks: {requested} MiB requested");
    let grew = size - size_before;
    println!(
        "  address space (VmSize) grew by {grew} MiB; at least {requested} MiB? {}",
        yes_no(grew >= requested)
    );
    let grew = rss.saturating_sub(rss_before);
    let limit = requested / 2;
    println!(
        "  resident memory (VmRSS) grew by {grew} MiB; under {limit} MiB? {}",
        yes_no(grew < limit)
    );

    measured.wait();
    written.wait();
    let (_, rss) = memory_mib().expect("read once already");
    let written_mib = WORKERS * WRITTEN_MIB;
    println!("after each thread wrote {WRITTEN_MIB} MiB of its stack ({written_mib} MiB in all):");
    let grew = rss.saturating_sub(rss_before);
    let floor = written_mib * 3 / 4;
    println!(
        "  resident memory (VmRSS) grew by {grew} MiB; at least {floor} MiB? {}",
        yes_no(grew >= floor)
    );

    leave.wait();
    for handle in handles {
        handle.join().unwrap();
    }
}
