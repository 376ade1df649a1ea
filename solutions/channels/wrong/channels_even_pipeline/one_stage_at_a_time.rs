// expect: failed
// message: are the stages running one after another
// Each stage on its own thread, but each thread is joined before the next one
// is spawned: the stages never run at the same time.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

/// Stage 1: sends each of `numbers` on `output`, in order. (In a real program
/// this stage would make the numbers up; here it takes them from an iterator,
/// so the tests can watch it.) Returning drops `output`, which tells the next
/// stage that nothing more is coming.
pub fn generate(numbers: impl IntoIterator<Item = u64>, output: Sender<u64>) {
    for n in numbers {
        // An Err means the next stage has gone: stop generating.
        if output.send(n).is_err() {
            return;
        }
    }
}

/// Stage 2: receives numbers from `input` until the channel is closed, and
/// sends the even ones on `output`, in the order they came.
pub fn keep_even(input: Receiver<u64>, output: Sender<u64>) {
    for n in input.iter().filter(|n| n % 2 == 0) {
        if output.send(n).is_err() {
            return;
        }
    }
}

/// Stage 3: hands every number received from `input` to `sink`, in the order
/// they came, until the channel is closed.
pub fn report(input: Receiver<u64>, mut sink: impl FnMut(u64)) {
    for n in input {
        sink(n);
    }
}

pub fn run_pipeline<N, F>(numbers: N, sink: F)
where
    N: IntoIterator<Item = u64> + Send + 'static,
    F: FnMut(u64) + Send + 'static,
{
    let (numbers_tx, numbers_rx) = mpsc::channel();
    let (evens_tx, evens_rx) = mpsc::channel();
    // Three threads, but each is joined before the next starts: one stage
    // at a time, the whole stream buffered in between.
    thread::spawn(move || generate(numbers, numbers_tx))
        .join()
        .unwrap();
    thread::spawn(move || keep_even(numbers_rx, evens_tx))
        .join()
        .unwrap();
    thread::spawn(move || report(evens_rx, sink))
        .join()
        .unwrap();
}
