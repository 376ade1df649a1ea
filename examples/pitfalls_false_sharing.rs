//! False sharing: two threads bump two different counters that share one cache line, and
//! the cores fight over the line. `CachePadded` gives each counter a line of its own.
use crossbeam::utils::CachePadded;
use std::sync::Barrier;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

const ADDS: u64 = 5_000_000;

// ANCHOR: main
struct Unpadded {
    a: AtomicU64,
    b: AtomicU64, // 8 bytes after `a`: the same 64-byte cache line
}

struct Padded {
    a: CachePadded<AtomicU64>, // each aligned to, and filling, a line of its own
    b: CachePadded<AtomicU64>,
}

/// Two threads, one counter each, started together; the time until both finish.
fn race(a: &AtomicU64, b: &AtomicU64) -> Duration {
    let start_together = Barrier::new(3);
    thread::scope(|s| {
        for counter in [a, b] {
            let start_together = &start_together;
            s.spawn(move || {
                start_together.wait();
                for _ in 0..ADDS {
                    counter.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
        start_together.wait();
        Instant::now()
    })
    .elapsed()
}
// ANCHOR_END: main

fn main() {
    let unpadded = Unpadded {
        a: AtomicU64::new(0),
        b: AtomicU64::new(0),
    };
    let padded = Padded {
        a: CachePadded::new(AtomicU64::new(0)),
        b: CachePadded::new(AtomicU64::new(0)),
    };
    // Best of three each, alternating, so that a busy moment hurts both alike.
    let (mut slow, mut fast) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        slow = slow.min(race(&unpadded.a, &unpadded.b));
        fast = fast.min(race(&padded.a, &padded.b));
    }
    println!(
        "counters {} bytes apart: {} ms",
        (&unpadded.b as *const _ as usize) - (&unpadded.a as *const _ as usize),
        slow.as_millis()
    );
    println!(
        "counters {} bytes apart: {} ms",
        (&*padded.b as *const _ as usize) - (&*padded.a as *const _ as usize),
        fast.as_millis()
    );
    println!(
        "unpadded / padded: {:.1}",
        slow.as_secs_f64() / fast.as_secs_f64()
    );
    let each =
        [&unpadded.a, &unpadded.b, &*padded.a, &*padded.b].map(|c| c.load(Ordering::Relaxed));
    println!(
        "every counter reached {}: {}",
        3 * ADDS,
        each.iter().all(|&n| n == 3 * ADDS)
    );
}
