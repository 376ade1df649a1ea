// expect: failed
// message: keep_even must pass on every even number
// Loses the last number: it reads in pairs, and an odd one out at the end is
// silently dropped.

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

pub fn keep_even(input: Receiver<u64>, output: Sender<u64>) {
    // Two at a time, "to save round trips": when the count is odd, the last
    // number has no partner and is dropped with the loop.
    while let (Ok(a), Ok(b)) = (input.recv(), input.recv()) {
        for n in [a, b] {
            if n % 2 == 0 {
                output.send(n).unwrap();
            }
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

/// Runs the pipeline: `generate` on one thread, `keep_even` on a second and
/// `report` on a third, all at the same time, connected by two channels.
/// Returns once all three threads have finished, which they must do by
/// themselves once `numbers` runs out.
///
/// In Python: three `threading.Thread`s and two `queue.Queue`s, with a `None`
/// put at the end so that each stage knows when to stop.
pub fn run_pipeline<N, F>(numbers: N, sink: F)
where
    N: IntoIterator<Item = u64> + Send + 'static,
    F: FnMut(u64) + Send + 'static,
{
    // Your code: make two channels, spawn one thread per stage, join all three.
    let (numbers_tx, numbers_rx) = mpsc::channel();
    let (evens_tx, evens_rx) = mpsc::channel();
    // Each sender is moved into the one thread that uses it: when that thread
    // is done, the sender is dropped and the next stage's loop ends.
    let stages = [
        thread::spawn(move || generate(numbers, numbers_tx)),
        thread::spawn(move || keep_even(numbers_rx, evens_tx)),
        thread::spawn(move || report(evens_rx, sink)),
    ];
    for stage in stages {
        stage.join().expect("a stage of the pipeline panicked");
    }
}
