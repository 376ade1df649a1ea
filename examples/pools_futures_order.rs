//! ThreadPoolExecutor's habits on a Rust pool: a one-result channel as a Future
//! (`submit`/`result`), results in submission order (`map`), and a shared channel
//! that hands results over in the order the jobs finish (`as_completed`).

use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

use threadpool::ThreadPool;

// ANCHOR: submit
/// `pool.submit(job)`: runs `job` on the pool and returns a receiver for its one
/// result, the role a `Future` plays in Python. `recv()` is `result()`.
fn submit<T: Send + 'static>(
    pool: &ThreadPool,
    job: impl FnOnce() -> T + Send + 'static,
) -> Receiver<T> {
    let (sender, future) = mpsc::channel();
    pool.execute(move || {
        // If nobody waits for the result any more, it is dropped.
        let _ = sender.send(job());
    });
    future
}
// ANCHOR_END: submit

/// Three "go" signals, one per job: job `i` waits for go[i] before it finishes.
fn gates() -> (Vec<Sender<()>>, Vec<Receiver<()>>) {
    (0..3).map(|_| mpsc::channel()).unzip()
}

// ANCHOR: main
fn main() {
    // Three threads: the jobs below wait for each other, so all three must run at once.
    let pool = ThreadPool::new(3);

    // submit / result
    let answer = submit(&pool, || 6 * 7);
    println!(
        "submit/result: {}",
        answer.recv().expect("the job panicked")
    );

    // map: one future per job, read in the order of submission. The jobs finish
    // last to first: each one, once done, lets the job before it finish.
    let (go, wait_for_go) = gates();
    let finished = Arc::new(Mutex::new(Vec::new()));
    let mut go = go.into_iter().map(Some).collect::<Vec<_>>();
    let futures: Vec<Receiver<u32>> = wait_for_go
        .into_iter()
        .enumerate()
        .map(|(i, wait)| {
            let next = if i > 0 { go[i - 1].take() } else { None };
            let finished = Arc::clone(&finished);
            submit(&pool, move || {
                wait.recv().expect("a go signal");
                finished.lock().unwrap().push(i);
                if let Some(next) = next {
                    next.send(()).expect("the job before is waiting");
                }
                (i * i) as u32
            })
        })
        .collect();
    go[2].take().unwrap().send(()).unwrap(); // the last job finishes first
    let results: Vec<u32> = futures.iter().map(|f| f.recv().unwrap()).collect();
    println!(
        "map: finished {:?}, results {results:?}",
        finished.lock().unwrap()
    );

    // as_completed: every job reports on one shared channel, so results come
    // in the order the jobs finish. Here main lets job i - 1 finish only after
    // it has received job i's result.
    let (go, wait_for_go) = gates();
    let (sender, results) = mpsc::channel();
    for (i, wait) in wait_for_go.into_iter().enumerate() {
        let sender = sender.clone();
        pool.execute(move || {
            wait.recv().expect("a go signal");
            sender.send((i, i * i)).expect("main is receiving");
        });
    }
    drop(sender);
    go[2].send(()).unwrap();
    let mut arrived = Vec::new();
    for (i, square) in results {
        arrived.push(format!("job {i} -> {square}"));
        if i > 0 {
            go[i - 1].send(()).unwrap();
        }
    }
    println!("as completed: {}", arrived.join(", "));
}
// ANCHOR_END: main
