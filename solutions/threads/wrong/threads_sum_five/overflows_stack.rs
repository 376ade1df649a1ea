// expect: crashed
// message: overflowed its stack
// Sums by recursion, one stack frame per number: a million numbers overflow
// a thread's stack, which aborts the whole test program.

use std::thread;

fn sum_rec(numbers: &[u64]) -> u64 {
    match numbers {
        [] => 0,
        [first, rest @ ..] => first + sum_rec(rest),
    }
}

pub fn sum_in_five_threads(numbers: Vec<u64>, sum_slice: fn(&[u64]) -> u64) -> u64 {
    let _ = sum_slice;
    let len = numbers.len();
    let handles: Vec<_> = (0..5)
        .map(|i| {
            let slice = numbers[i * len / 5..(i + 1) * len / 5].to_vec();
            thread::spawn(move || sum_rec(&slice))
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}
