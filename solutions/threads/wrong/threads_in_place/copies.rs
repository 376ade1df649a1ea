// expect: failed
// message: it was copied
// Copies each piece into a new vector so that `thread::spawn` can own it:
// correct sums, but the exercise is to borrow.

use std::thread;

pub fn sum_borrowed(numbers: &[u64], threads: usize, sum_slice: fn(&[u64]) -> u64) -> u64 {
    let len = numbers.len();
    let handles: Vec<_> = (0..threads)
        .map(|i| {
            let piece = numbers[i * len / threads..(i + 1) * len / threads].to_vec();
            thread::spawn(move || sum_slice(&piece))
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}
