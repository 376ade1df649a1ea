// expect: failed
// message: a short vector
// Cuts the vector with `chunks(len.div_ceil(5))`, as the "Splitting work over
// threads" page does for "at most N threads": five slices for a million
// numbers, but only four for seven numbers (2 + 2 + 2 + 1), so only four
// threads. The exercise asks for five, whatever the length.

use std::thread;

pub fn sum_in_five_threads(numbers: Vec<u64>, sum_slice: fn(&[u64]) -> u64) -> u64 {
    let chunk_len = numbers.len().div_ceil(5).max(1);
    let handles: Vec<_> = numbers
        .chunks(chunk_len)
        .map(|chunk| {
            let chunk = chunk.to_vec();
            thread::spawn(move || sum_slice(&chunk))
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}
