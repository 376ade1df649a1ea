//! rayon: turn `iter()` into `par_iter()` and the same sum of squares runs on
//! every core; the sequential result checks the parallel one.

// ANCHOR: main
use rayon::prelude::*;

fn main() {
    let numbers: Vec<u64> = (1..=1_000_000).collect();

    let sequential: u64 = numbers.iter().map(|&n| n * n).sum();
    // The only change: `par_iter` splits the vector into pieces, sums the
    // pieces on rayon's worker threads and adds the partial sums together.
    let parallel: u64 = numbers.par_iter().map(|&n| n * n).sum();

    assert_eq!(parallel, sequential, "splitting must not change the sum");
    println!("sum of the squares of 1..=1000000: {parallel}");
    println!("the parallel and the sequential sum agree");
}
// ANCHOR_END: main
