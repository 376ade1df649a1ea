//! Starting a pool of one thread per core, running one empty job on each
//! thread, and stopping it, waiting until every thread has run its exit
//! handler: what a program pays for a pool it uses once.

use std::hint::black_box;
use std::sync::mpsc;

use super::{Scale, Variant};
use crate::stats::timed;

pub fn variants(scale: Scale) -> Vec<Variant> {
    let n = scale.pick(20, 3);
    let cores = scale.cores;
    vec![Variant::new(
        "rayon ThreadPool",
        cores,
        n,
        "ns/pool",
        move || {
            let (took, ()) = timed(|| (0..n).for_each(|_| start_use_stop(cores)));
            (took, n as f64)
        },
    )]
}

// ANCHOR: start_use_stop
fn start_use_stop(threads: usize) {
    let (exited, exits) = mpsc::channel();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        // The last callback a thread of the pool runs; its end follows.
        .exit_handler(move |_| exited.send(()).unwrap())
        .build()
        .unwrap();
    pool.broadcast(|_| black_box(()));
    drop(pool); // signals the threads to stop; does not wait for them
    for _ in 0..threads {
        exits.recv().unwrap(); // so wait here, one exit per thread
    }
}
// ANCHOR_END: start_use_stop
