// expect: failed
// message: are the last few numbers summed?
// Off by one slice: every slice is `len / 5` long, so when the length is not a
// multiple of five the last `len % 5` numbers are never summed.

use std::sync::Arc;
use std::thread;

pub fn sum_in_five_threads(numbers: Vec<u64>, sum_slice: fn(&[u64]) -> u64) -> u64 {
    let chunk = numbers.len() / 5;
    let numbers = Arc::new(numbers);
    let handles: Vec<_> = (0..5)
        .map(|i| {
            let numbers = Arc::clone(&numbers);
            thread::spawn(move || sum_slice(&numbers[i * chunk..(i + 1) * chunk]))
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}
