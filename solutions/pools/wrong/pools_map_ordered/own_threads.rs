// expect: failed
// message: a job ran on a thread that is not one of the pool's
// Ignores the pool and starts a thread per input: right results, right order,
// but not on the pool it was given.

use std::thread;

use threadpool::ThreadPool;

pub fn map_ordered<T, R, F>(_pool: &ThreadPool, inputs: Vec<T>, f: F) -> Vec<R>
where
    T: Send + 'static,
    R: Send + 'static,
    F: Fn(T) -> R + Send + Sync + 'static,
{
    let f = std::sync::Arc::new(f);
    let handles: Vec<_> = inputs
        .into_iter()
        .map(|input| {
            let f = std::sync::Arc::clone(&f);
            thread::spawn(move || f(input))
        })
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().expect("a job panicked"))
        .collect()
}
