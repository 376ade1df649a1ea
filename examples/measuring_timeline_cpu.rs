//! Two threads doing pure CPU work in many small pieces, each marking an
//! instant after every piece: both make progress at the same time (`cargo
//! xtask timeline record measuring_timeline_cpu_rust`).
use std::hint::black_box;
use std::sync::Barrier;
use std::thread;

/// Pieces of work per thread.
const PIECES: usize = 1_000;
/// Loop turns in one piece: 0.1 to 0.2 ms in a debug build.
const TURNS: u64 = 20_000;

/// One piece of CPU work: a loop over a small range.
fn piece(turns: u64) -> u64 {
    (0..turns).fold(0, |acc, x| black_box(acc ^ x))
}

// ANCHOR: main
fn main() {
    let _timeline = course_trace::record();
    let start = Barrier::new(2);
    thread::scope(|s| {
        let handles: Vec<_> = (1..=2)
            .map(|n| {
                let start = &start;
                thread::Builder::new()
                    .name(format!("worker {n}"))
                    .spawn_scoped(s, move || {
                        start.wait(); // both start together
                        for _ in 0..PIECES {
                            black_box(piece(TURNS));
                            tracing::info!(name: "piece done", "piece done");
                        }
                        PIECES
                    })
                    .unwrap()
            })
            .collect();
        for (n, handle) in (1..=2).zip(handles) {
            println!("worker {n}: {} pieces done", handle.join().unwrap());
        }
    });
}
// ANCHOR_END: main
