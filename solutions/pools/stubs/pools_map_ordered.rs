//! Exercise `pools_map_ordered`: Python's `Executor.map` on a threadpool pool:
//! queue every input as a job at once, and hand the results back in the order
//! of the inputs, whatever order the jobs finish in.
//!
//! Grade it: `cargo grade pools_map_ordered`. Stuck? `cargo grade hint pools_map_ordered`.

use std::sync::{Arc, mpsc};

use threadpool::ThreadPool;

/// Runs `f` on every input as a job on `pool`, queuing all of them before
/// waiting for any, and returns the results in the order of `inputs` (the
/// result for `inputs[0]` first), even when a later job finishes first.
///
/// In Python: `list(pool.map(f, inputs))`.
///
/// Waits only for its own jobs, not for other work on the same pool. If a job
/// panics, `map_ordered` panics too.
pub fn map_ordered<T, R, F>(pool: &ThreadPool, inputs: Vec<T>, f: F) -> Vec<R>
where
    T: Send + 'static,
    R: Send + 'static,
    F: Fn(T) -> R + Send + Sync + 'static,
{
    // Your code: `pool.execute` one job per input, each sending its result
    // back over a channel, tagged with its input's position. Then collect the
    // results and put each one in its place.
    todo!("queue one job per input, then put each result in its place")
}
