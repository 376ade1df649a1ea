// expect: failed
// message: only 1 of 5 slices were being summed at the same time
// Looks parallel, runs sequentially: each thread is joined right after it is
// spawned, so the next one starts only when the previous one is done.

use std::thread;

pub fn sum_in_five_threads(numbers: Vec<u64>, sum_slice: fn(&[u64]) -> u64) -> u64 {
    let len = numbers.len();
    let mut total = 0;
    for i in 0..5 {
        let slice = numbers[i * len / 5..(i + 1) * len / 5].to_vec();
        total += thread::spawn(move || sum_slice(&slice)).join().unwrap();
    }
    total
}
