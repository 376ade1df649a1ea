// expect: failed
// message: the calling thread summed a slice itself
// Four workers, and the calling thread sums the fifth slice itself: parallel,
// and the right total, but not what was asked (five workers, and a main
// thread that only combines).

use std::thread;

pub fn sum_in_five_threads(numbers: Vec<u64>, sum_slice: fn(&[u64]) -> u64) -> u64 {
    let len = numbers.len();
    let mut slices: Vec<Vec<u64>> = (0..5)
        .map(|i| numbers[i * len / 5..(i + 1) * len / 5].to_vec())
        .collect();
    let last = slices.pop().unwrap();
    let handles: Vec<_> = slices
        .into_iter()
        .map(|slice| thread::spawn(move || sum_slice(&slice)))
        .collect();
    let mine = sum_slice(&last);
    mine + handles.into_iter().map(|h| h.join().unwrap()).sum::<u64>()
}
