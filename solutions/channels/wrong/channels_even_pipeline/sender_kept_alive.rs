// expect: timed-out
// message: waits in join() for a thread that is itself waiting
// hangs at: for n in input.iter().filter(|n| n % 2 == 0) {
// hangs at: stage.join().unwrap();
// Deadlock: a sender of the first channel stays alive in run_pipeline, so the
// channel never closes and the pipeline never ends.

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
    // Bug: the generator gets a clone, and `numbers_tx` itself stays alive
    // here until run_pipeline returns, which it never does: keep_even's loop
    // waits for one more number from it.
    let generator_tx = numbers_tx.clone();
    let stages = [
        thread::spawn(move || generate(numbers, generator_tx)),
        thread::spawn(move || keep_even(numbers_rx, evens_tx)),
        thread::spawn(move || report(evens_rx, sink)),
    ];
    for stage in stages {
        stage.join().unwrap();
    }
}
