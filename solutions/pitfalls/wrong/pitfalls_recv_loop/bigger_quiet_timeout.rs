// expect: failed
// message: gather did not return within 2 s
// A bigger timeout for the quiet spell: 1.5 s without a message. It waits out
// every pause shorter than that, but returns 1.5 s after the last job is done
// (and still too early after a longer pause). No timeout is both long and short.
//! Exercise `pitfalls_recv_loop`: gather the results of jobs that run on
//! threads of their own. As given, the loop that receives them never ends.
//! Fix it.
//!
//! Grade it: `cargo grade pitfalls_recv_loop`. Stuck? `cargo grade hint pitfalls_recv_loop`.

use std::sync::mpsc::{self, Sender};
use std::thread;

/// A job: it sends any number of results on the `Sender` it is given.
pub type Job = Box<dyn FnOnce(&Sender<u64>) + Send>;

/// Runs every job on a thread of its own and returns all their results, in
/// the order they arrive, once every job has finished.
pub fn gather(jobs: Vec<Job>) -> Vec<u64> {
    let (tx, rx) = mpsc::channel();
    for job in jobs {
        let tx = tx.clone();
        thread::spawn(move || job(&tx));
    }
    // The loop below ends when every Sender is gone. The jobs' clones go when
    // the jobs end; one Sender is left that nobody will ever drop. Fix that
    // here, before the loop.
    let mut results = Vec::new();
    while let Ok(result) = rx.recv_timeout(std::time::Duration::from_millis(1500)) {
        results.push(result);
    }
    drop(tx);
    results
}
