//! rayon's parallel iterators: `par_iter` borrows, `into_par_iter` consumes;
//! `map`, `filter`, `sum` and `collect`, which keeps the order of the input.

// ANCHOR: main
use rayon::prelude::*;

fn is_prime(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

fn main() {
    let numbers: Vec<u64> = (1..=20).collect();

    // par_iter() borrows the vector: it is still ours afterwards.
    let squares: Vec<u64> = numbers.par_iter().map(|n| n * n).collect();
    println!("squares: {squares:?}");

    // filter then collect: the primes come out in the input's order, although
    // several threads test them.
    let primes: Vec<u64> = numbers
        .par_iter()
        .copied()
        .filter(|&n| is_prime(n))
        .collect();
    println!("primes: {primes:?}");

    // sum adds the pieces' partial sums together.
    let total: u64 = numbers.par_iter().sum();
    println!("sum of {} numbers: {total}", numbers.len());

    // into_par_iter() takes the vector (or a range) by value.
    let words: Vec<String> = numbers
        .into_par_iter()
        .filter(|n| n.is_multiple_of(5))
        .map(|n| format!("<{n}>"))
        .collect();
    println!("multiples of 5: {}", words.join(" "));

    let primes_below_100k = (1..100_000_u64)
        .into_par_iter()
        .filter(|&n| is_prime(n))
        .count();
    println!("primes below 100000: {primes_below_100k}");
}
// ANCHOR_END: main
