// expect: compile-error
// message: error[E0373]
// Half-written: the closure borrows `numbers` but may outlive it (`move` is
// missing). It must fail to compile without stopping other exercises.

use std::thread;

pub fn sum_in_five_threads(numbers: Vec<u64>, sum_slice: fn(&[u64]) -> u64) -> u64 {
    let len = numbers.len();
    let handles: Vec<_> = (0..5)
        .map(|i| thread::spawn(|| sum_slice(&numbers[i * len / 5..(i + 1) * len / 5])))
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}
