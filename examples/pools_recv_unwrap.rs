//! The copied pool's second defect: once the sender is gone, `recv()` returns
//! `Err`, and a worker that unwraps it panics instead of stopping.

use std::sync::{Arc, Mutex, mpsc};
use std::thread::{self, JoinHandle};

type Job = Box<dyn FnOnce() + Send + 'static>;

// ANCHOR: main
fn main() {
    let (sender, receiver) = mpsc::channel::<Job>();
    let receiver = Arc::new(Mutex::new(receiver));
    let workers: Vec<JoinHandle<()>> = (0..2)
        .map(|id| {
            let receiver = Arc::clone(&receiver);
            thread::Builder::new()
                .name(format!("worker-{id}"))
                .spawn(move || {
                    loop {
                        // The copied worker loop.
                        let job = receiver.lock().unwrap().recv().unwrap();
                        job();
                    }
                })
                .expect("the OS should let us start a thread")
        })
        .collect();

    for n in 1..=3 {
        sender
            .send(Box::new(move || println!("job {n} ran")))
            .unwrap();
    }

    // A careful shutdown: close the channel, then wait for every worker.
    drop(sender);
    let mut outcomes = Vec::new();
    for (id, worker) in workers.into_iter().enumerate() {
        match worker.join() {
            Ok(()) => outcomes.push(format!("worker {id} stopped")),
            Err(payload) => {
                let message = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_default();
                outcomes.push(format!("worker {id} panicked: {message}"));
            }
        }
    }
    for outcome in outcomes {
        println!("{outcome}");
    }
}
// ANCHOR_END: main
