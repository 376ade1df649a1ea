//! Exercise `channels_bounded_producer`: a producer thread that can never get
//! more than `capacity` items ahead of its consumer, and stops quietly when
//! the consumer goes away.
//!
//! Grade it: `cargo grade channels_bounded_producer`. Stuck? `cargo grade hint channels_bounded_producer`.

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
    todo!("a bounded channel, and a thread that sends the items one by one")
}
