//! `rayon::scope`: any number of tasks that borrow local data, all finished
//! when the scope returns; each task may write to its own `&mut` slot.

// ANCHOR: main
fn main() {
    let temperatures = [12.5, 14.0, 9.5, 17.25, 11.0, 15.5];
    let (mut lowest, mut highest, mut mean) = (0.0, 0.0, 0.0);

    rayon::scope(|s| {
        // Each task borrows `temperatures` and one of the three results.
        s.spawn(|_| lowest = temperatures.iter().copied().fold(f64::INFINITY, f64::min));
        s.spawn(|_| {
            highest = temperatures
                .iter()
                .copied()
                .fold(f64::NEG_INFINITY, f64::max)
        });
        s.spawn(|_| mean = temperatures.iter().sum::<f64>() / temperatures.len() as f64);
    }); // every task spawned in the scope has finished here

    println!("lowest {lowest}, highest {highest}, mean {mean}");

    // One task per element: `iter_mut` hands each task its own `&mut` slot.
    let mut squares = vec![0_u64; 8];
    rayon::scope(|s| {
        for (n, slot) in squares.iter_mut().enumerate() {
            s.spawn(move |_| *slot = (n as u64) * (n as u64));
        }
    });
    println!("squares: {squares:?}");
}
// ANCHOR_END: main
