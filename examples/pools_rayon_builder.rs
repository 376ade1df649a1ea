//! rayon's ThreadPoolBuilder: a pool of two named threads; `install` runs a
//! closure inside it, so the parallel iterator in that closure uses those threads.

// ANCHOR: main
use rayon::ThreadPoolBuilder;
use rayon::prelude::*;

fn main() {
    let pool = ThreadPoolBuilder::new()
        .num_threads(2)
        .thread_name(|index| format!("crunch-{index}"))
        .build()
        .expect("the OS should let us start two threads");

    // broadcast runs the closure once on every thread of the pool, in index order.
    let names = pool.broadcast(|_| std::thread::current().name().unwrap_or("?").to_string());
    println!("the pool's threads: {}", names.join(", "));

    // Outside `install`, parallel iterators use rayon's global pool: one thread
    // per CPU unless RAYON_NUM_THREADS says otherwise.
    println!("global pool: {} threads", rayon::current_num_threads());

    // Inside `install`, the same calls use this pool instead.
    let (threads, sum) = pool.install(|| {
        let sum: u64 = (1..=1_000_u64).into_par_iter().map(|n| n * n).sum();
        (rayon::current_num_threads(), sum)
    });
    println!("in the pool: {threads} threads, sum of squares {sum}");
}
// ANCHOR_END: main
