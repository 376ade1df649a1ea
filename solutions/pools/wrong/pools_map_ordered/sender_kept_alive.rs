// expect: timed-out
// hangs at: for (index, result) in results {
// Deadlock: `map_ordered` keeps its own sender, so the loop over the receiver
// waits for one more result after the last job, for ever.

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
    // Bug: no `drop(sender)` here.
    let mut slots: Vec<Option<R>> = (0..count).map(|_| None).collect();
    for (index, result) in results {
        slots[index] = Some(result);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("a job panicked"))
        .collect()
}
