// expect: failed
// message: chunk size must be non-zero
// Forgets the empty slice: `0.div_ceil(3)` is 0, and `chunks_mut(0)` panics.

use std::thread;

pub fn update_in_place(numbers: &mut [u64], threads: usize, update: fn(&mut [u64])) {
    let piece_len = numbers.len().div_ceil(threads);
    thread::scope(|scope| {
        for piece in numbers.chunks_mut(piece_len) {
            scope.spawn(move || update(piece));
        }
    });
}
