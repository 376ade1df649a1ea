// expect: failed
// message: from the middle were cut
// Prints every number it sums (megabytes of output) and then gets the total
// wrong: the grader must cut the flood and still show the failed assertion.

use std::thread;

pub fn sum_in_five_threads(numbers: Vec<u64>, sum_slice: fn(&[u64]) -> u64) -> u64 {
    let len = numbers.len();
    let handles: Vec<_> = (0..5)
        .map(|i| {
            let slice = numbers[i * len / 5..(i + 1) * len / 5].to_vec();
            thread::spawn(move || {
                for n in &slice {
                    println!("adding {n}");
                }
                sum_slice(&slice)
            })
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).sum::<u64>() + 1
}
