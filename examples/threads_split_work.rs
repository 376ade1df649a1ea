//! Split a CPU-bound job over as many threads as can run at once: `chunks()` cuts
//! the data into one piece per thread, and scoped threads borrow the pieces.
use std::thread;

const LIMIT: u64 = 30_000;

fn is_prime(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

fn count_primes(numbers: &[u64]) -> usize {
    numbers.iter().filter(|&&n| is_prime(n)).count()
}

// ANCHOR: main
fn count_primes_in_parallel(numbers: &[u64], threads: usize) -> usize {
    // Round up, so that `threads` chunks cover every number; the last may be shorter.
    // (`max(1)` because chunks(0) would panic on an empty slice.)
    let chunk_len = numbers.len().div_ceil(threads).max(1);
    thread::scope(|s| {
        // Spawn every thread first and only then join: joining inside this loop
        // would wait for each chunk before starting the next.
        let handles: Vec<_> = numbers
            .chunks(chunk_len)
            .map(|chunk| s.spawn(move || count_primes(chunk)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}

fn main() {
    let threads = thread::available_parallelism().map_or(1, |n| n.get());
    let numbers: Vec<u64> = (0..LIMIT).collect();
    println!("splitting {} numbers over {threads} threads", numbers.len());

    let primes = count_primes_in_parallel(&numbers, threads);
    println!("primes below {LIMIT}: {primes}");

    assert_eq!(primes, count_primes(&numbers), "one thread must agree");
    println!("a single thread counts the same");
}
// ANCHOR_END: main
