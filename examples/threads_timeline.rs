//! Three workers of uneven size on their own threads, and `main` joining
//! them, recorded as a timeline (`cargo xtask timeline record
//! threads_timeline`): when each worker ran, and when `main` waited.
use std::hint::black_box;
use std::thread;
use tracing::info_span;

/// CPU work that takes longer the bigger `rounds` is.
fn busy(rounds: u64) -> u64 {
    (0..rounds * 2_000_000).fold(0, |acc, x| black_box(acc ^ x))
}

// ANCHOR: main
fn main() {
    // Records the spans below when COURSE_TRACE names a file; else does nothing.
    let _timeline = course_trace::record();
    let handles: Vec<_> = (1..=3)
        .map(|rounds| {
            thread::Builder::new()
                .name(format!("worker {rounds}"))
                .spawn(move || {
                    let _work = info_span!("work").entered();
                    busy(rounds)
                })
                .unwrap()
        })
        .collect();
    let joining = info_span!("join").entered();
    for handle in handles {
        handle.join().unwrap();
    }
    drop(joining);
    println!("main: joined 3 workers");
}
// ANCHOR_END: main
