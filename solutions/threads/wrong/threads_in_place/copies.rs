// expect: failed
// message: it was copied
// Copies each piece so that `thread::spawn` can own it: the copies are
// updated, and the caller's numbers never change.

use std::thread;

pub fn update_in_place(numbers: &mut [u64], threads: usize, update: fn(&mut [u64])) {
    let piece_len = numbers.len().div_ceil(threads).max(1);
    let handles: Vec<_> = numbers
        .chunks(piece_len)
        .map(|piece| {
            let mut copy = piece.to_vec();
            thread::spawn(move || update(&mut copy))
        })
        .collect();
    for handle in handles {
        handle.join().expect("an updating thread panicked");
    }
}
