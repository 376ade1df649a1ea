// expect: failed
// message: the results must come back in the order of the inputs
// Collects the results in the order they arrive, which is the order the jobs
// finish: Python's `as_completed`, not `map`.

use std::sync::{Arc, mpsc};

use threadpool::ThreadPool;

pub fn map_ordered<T, R, F>(pool: &ThreadPool, inputs: Vec<T>, f: F) -> Vec<R>
where
    T: Send + 'static,
    R: Send + 'static,
    F: Fn(T) -> R + Send + Sync + 'static,
{
    let f = Arc::new(f);
    let count = inputs.len();
    let (sender, results) = mpsc::channel();
    for input in inputs {
        let (sender, f) = (sender.clone(), Arc::clone(&f));
        pool.execute(move || {
            let _ = sender.send(f(input));
        });
    }
    drop(sender);
    let arrived: Vec<R> = results.into_iter().collect();
    assert_eq!(arrived.len(), count, "a job panicked");
    arrived
}
