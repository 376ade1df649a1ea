// expect: failed
// message: waited for a job that was not its own
// Calls `pool.join()` to wait for the results, which also waits for every
// other job on the pool, then reads what has arrived.

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
    for (index, input) in inputs.into_iter().enumerate() {
        let (sender, f) = (sender.clone(), Arc::clone(&f));
        pool.execute(move || {
            let _ = sender.send((index, f(input)));
        });
    }
    pool.join();
    let mut slots: Vec<Option<R>> = (0..count).map(|_| None).collect();
    for (index, result) in results.try_iter() {
        slots[index] = Some(result);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("a job panicked"))
        .collect()
}
