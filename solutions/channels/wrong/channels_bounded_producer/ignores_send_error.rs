// expect: failed
// message: went on taking items
// Counts only the sends that worked, but ignores the ones that fail: once the
// consumer has gone, it takes every remaining item from `items` (forever, from
// an endless source) and throws each one away.
use std::thread::{self, JoinHandle};

use crossbeam::channel::{self, Receiver};

/// Starts a producer thread that sends each of `items`, in order, over a
/// channel that holds at most `capacity` items, and returns the receiving end
/// and the thread's handle.
///
/// - The producer takes an item from `items` only when it is about to send
///   it: it never reads ahead, so it is never more than `capacity` items
///   ahead of the consumer (with `capacity` 0, every send waits for its
///   receive).
/// - When the items run out, the thread ends, and the channel closes.
/// - When the consumer drops the receiver, the thread stops too, without
///   panicking. It returns how many items it sent.
///
/// In Python: `queue.Queue(maxsize=capacity)`, whose `put` blocks while the
/// queue is full. (There, a consumer that stops reading leaves the producer
/// blocked in `put` forever.)
pub fn spawn_producer<I>(items: I, capacity: usize) -> (Receiver<u64>, JoinHandle<usize>)
where
    I: IntoIterator<Item = u64> + Send + 'static,
{
    let (tx, rx) = channel::bounded(capacity);
    let producer = thread::spawn(move || {
        let mut sent = 0;
        for item in items {
            if tx.send(item).is_ok() {
                sent += 1;
            }
        }
        sent
    });
    (rx, producer)
}
