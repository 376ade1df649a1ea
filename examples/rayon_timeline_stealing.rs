//! rayon's work stealing on an uneven job, recorded as a timeline (`cargo
//! xtask timeline record rayon_timeline_stealing`): a pool of two threads
//! splits 16 pieces with `join`, the first 8 ten times heavier than the rest.
use std::hint::black_box;

use rayon::ThreadPoolBuilder;
use tracing::info_span;

const PIECES: u64 = 16;
/// How many numbers a light piece adds up; a heavy piece adds ten times more.
const LIGHT: u64 = 200_000;

/// Where piece `i` starts: pieces 0 to 7 are heavy, pieces 8 to 15 light.
fn start(i: u64) -> u64 {
    let heavy = i.min(PIECES / 2);
    LIGHT * (10 * heavy + (i - heavy))
}

/// Adds up the numbers of piece `i`, one at a time (real work, not a sleep).
fn piece(i: u64) -> u64 {
    let _piece = if i < PIECES / 2 {
        info_span!("heavy piece").entered()
    } else {
        info_span!("light piece").entered()
    };
    (start(i)..start(i + 1)).fold(0, |acc, n| black_box(acc + n))
}

// ANCHOR: main
/// Pieces `first..last`, split in halves with `join` down to single pieces.
fn sum(first: u64, last: u64) -> u64 {
    if last - first == 1 {
        return piece(first);
    }
    let middle = (first + last) / 2;
    // This thread runs the left half; the right half waits where the other
    // thread can steal it.
    let (left, right) = rayon::join(|| sum(first, middle), || sum(middle, last));
    left + right
}

fn main() {
    // Records the spans when COURSE_TRACE names a file; else does nothing.
    let _timeline = course_trace::record();
    let pool = ThreadPoolBuilder::new()
        .num_threads(2)
        .thread_name(|i| format!("rayon {i}"))
        .build()
        .expect("the OS should let us start two threads");
    let waiting = info_span!("install").entered();
    // `install` hands the closure to ONE of the pool's threads: the "job".
    let total = pool.install(|| {
        let _job = info_span!("job").entered();
        sum(0, PIECES)
    });
    drop(waiting);
    println!("{PIECES} pieces, 8 heavy and 8 light: total {total}");
    assert_eq!(total, start(PIECES) * (start(PIECES) - 1) / 2);
}
// ANCHOR_END: main
