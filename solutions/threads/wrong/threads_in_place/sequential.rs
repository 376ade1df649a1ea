// expect: failed
// message: only 1 of 4 pieces were being updated at the same time
// Scoped threads, each joined as soon as it is spawned: the pieces are
// updated one after another.

use std::thread;

pub fn update_in_place(numbers: &mut [u64], threads: usize, update: fn(&mut [u64])) {
    let piece_len = numbers.len().div_ceil(threads).max(1);
    thread::scope(|scope| {
        for piece in numbers.chunks_mut(piece_len) {
            scope
                .spawn(move || update(piece))
                .join()
                .expect("an updating thread panicked");
        }
    });
}
