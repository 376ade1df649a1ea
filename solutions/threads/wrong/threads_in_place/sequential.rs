// expect: failed
// message: pieces were being summed at the same time
// Scoped threads, joined one by one as soon as each is spawned: the pieces are
// summed one after another.

use std::thread;

pub fn sum_borrowed(numbers: &[u64], threads: usize, sum_slice: fn(&[u64]) -> u64) -> u64 {
    let len = numbers.len();
    thread::scope(|s| {
        (0..threads)
            .map(|i| {
                let piece = &numbers[i * len / threads..(i + 1) * len / threads];
                s.spawn(move || sum_slice(piece)).join().unwrap()
            })
            .sum()
    })
}
