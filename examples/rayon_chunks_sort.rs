//! `par_chunks` works on fixed-size slices of a slice in parallel;
//! `par_sort` (stable) and `par_sort_unstable` sort on every core.

// ANCHOR: main
use rayon::prelude::*;

fn main() {
    // 100 000 reproducible pseudo-random readings below 100 000.
    let mut readings: Vec<u32> = (0..100_000_u32)
        .map(|i| i.wrapping_mul(2_654_435_761) % 100_000)
        .collect();

    // One checksum per chunk of 25 000 readings, in the chunks' order.
    let sums: Vec<u64> = readings
        .par_chunks(25_000)
        .map(|chunk| chunk.iter().map(|&r| u64::from(r)).sum())
        .collect();
    println!("chunk sums: {sums:?}");

    // par_chunks_mut hands out disjoint &mut slices: each thread changes its own.
    readings
        .par_chunks_mut(1_000)
        .for_each(|chunk| chunk.reverse());

    let mut stable = readings.clone();
    stable.par_sort();
    readings.par_sort_unstable();
    assert_eq!(
        stable, readings,
        "numbers that are equal are indistinguishable"
    );
    println!(
        "sorted: first {:?}, last {:?}",
        &readings[..3],
        &readings[readings.len() - 3..]
    );

    // Stability shows on keys: sort pairs by their first field only.
    let mut pairs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
    pairs.par_sort_by_key(|&(key, _)| key);
    println!("stable by key: {pairs:?}");
}
// ANCHOR_END: main
