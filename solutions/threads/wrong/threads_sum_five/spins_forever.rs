// expect: timed-out
// message: A thread is running, not waiting
// spins at: while finished.load(Ordering::SeqCst) < 5 {
// spins at: std::hint::spin_loop();
// Waits for the threads by spinning on a counter that nobody increments: the
// loop never ends, and the grader has to stop it.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

pub fn sum_in_five_threads(numbers: Vec<u64>, sum_slice: fn(&[u64]) -> u64) -> u64 {
    let finished = Arc::new(AtomicUsize::new(0));
    let len = numbers.len();
    let handles: Vec<_> = (0..5)
        .map(|i| {
            let slice = numbers[i * len / 5..(i + 1) * len / 5].to_vec();
            thread::spawn(move || sum_slice(&slice))
        })
        .collect();
    // Bug: the threads never touch `finished`.
    while finished.load(Ordering::SeqCst) < 5 {
        std::hint::spin_loop();
    }
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}
