// expect: failed
// message: 10003 numbers on 4 threads: `update` was called 5 times
// Pieces of `len / threads` numbers: when the length is not a multiple of
// the thread count, the remainder becomes one piece too many (10,003 numbers
// in pieces of 2,500 make 5 pieces for 4 threads).

use std::thread;

pub fn update_in_place(numbers: &mut [u64], threads: usize, update: fn(&mut [u64])) {
    let piece_len = (numbers.len() / threads).max(1);
    thread::scope(|scope| {
        for piece in numbers.chunks_mut(piece_len) {
            scope.spawn(move || update(piece));
        }
    });
}
