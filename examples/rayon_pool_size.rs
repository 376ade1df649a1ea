//! The pool size decides how many threads share the work and how the input is split;
//! an integer sum is the same whatever the split: pools of 1, 2 and 4 threads.

// ANCHOR: main
use rayon::ThreadPoolBuilder;
use rayon::prelude::*;

fn main() {
    for threads in [1, 2, 4] {
        let pool = ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("the OS should let us start a few threads");
        // install: the parallel iterator inside uses this pool, not the global one.
        let (size, sum) = pool.install(|| {
            let sum: u64 = (1..=1_000_000_u64).into_par_iter().map(|n| n % 7).sum();
            (rayon::current_num_threads(), sum)
        });
        println!("pool of {size}: sum {sum}");
    }
    // A pool of one thread still runs rayon::join: both halves, one after the other.
    let one = ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("one thread");
    let (a, b) =
        one.install(|| rayon::join(rayon::current_thread_index, rayon::current_thread_index));
    println!("in a pool of one, join ran both halves on thread {a:?} and {b:?}");
}
// ANCHOR_END: main
