// expect: failed
// message: 12 numbers on 5 threads: `sum_slice` was called 4 times
// Off by one piece: `chunks(len.div_ceil(threads))` makes fewer pieces than
// threads for some lengths (12 numbers in chunks of 3: 4 pieces, not 5).

use std::thread;

pub fn sum_borrowed(numbers: &[u64], threads: usize, sum_slice: fn(&[u64]) -> u64) -> u64 {
    let size = numbers.len().div_ceil(threads).max(1);
    thread::scope(|s| {
        let handles: Vec<_> = numbers
            .chunks(size)
            .map(|piece| s.spawn(move || sum_slice(piece)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}
