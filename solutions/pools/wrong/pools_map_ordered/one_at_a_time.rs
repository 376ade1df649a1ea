// expect: failed
// message: only 1 of 4 jobs were running at the same time
// Waits for each result before queuing the next job: right order, but the
// pool runs one job at a time.

use std::sync::{Arc, mpsc};

use threadpool::ThreadPool;

pub fn map_ordered<T, R, F>(pool: &ThreadPool, inputs: Vec<T>, f: F) -> Vec<R>
where
    T: Send + 'static,
    R: Send + 'static,
    F: Fn(T) -> R + Send + Sync + 'static,
{
    let f = Arc::new(f);
    inputs
        .into_iter()
        .map(|input| {
            let (sender, result) = mpsc::channel();
            let f = Arc::clone(&f);
            pool.execute(move || {
                let _ = sender.send(f(input));
            });
            result.recv().expect("a job panicked")
        })
        .collect()
}
