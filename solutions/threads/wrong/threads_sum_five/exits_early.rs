// expect: exited-early
// message: std::process::exit
// Ends the whole test program with status 0 as soon as it has a total: no
// test reports a result, and a status of 0 alone must not count as a pass.

use std::thread;

pub fn sum_in_five_threads(numbers: Vec<u64>, sum_slice: fn(&[u64]) -> u64) -> u64 {
    let len = numbers.len();
    let slices: Vec<Vec<u64>> = (0..5)
        .map(|i| numbers[i * len / 5..(i + 1) * len / 5].to_vec())
        .collect();
    let handles: Vec<_> = slices
        .into_iter()
        .map(|slice| thread::spawn(move || sum_slice(&slice)))
        .collect();
    let total: u64 = handles.into_iter().map(|h| h.join().unwrap()).sum();
    println!("total: {total}");
    std::process::exit(0)
}
