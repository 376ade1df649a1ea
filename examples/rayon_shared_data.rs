//! rayon's threads read the caller's data where it is: a table of a million
//! numbers is borrowed by every task, never copied (the Python twin pickles it).

// ANCHOR: main
use rayon::prelude::*;

fn main() {
    let table: Vec<u64> = (0..1_000_000_u64).map(|n| n * n % 1_000_003).collect();
    println!(
        "table: {} numbers, {} bytes",
        table.len(),
        std::mem::size_of_val(&table[..])
    );

    let queries: Vec<usize> = (0..5_000).map(|i| i * 199 % table.len()).collect();
    // An address as a plain number: raw pointers are not Send.
    let here = table.as_ptr() as usize;
    // Each task borrows `table`; the pointer it sees is the one main sees.
    let (checksum, same_address) = queries
        .par_iter()
        .map(|&q| (table[q], table.as_ptr() as usize == here))
        .reduce(|| (0, true), |(a, x), (b, y)| (a + b, x && y));
    println!("every task read the table at main's address: {same_address}");
    println!("answers: {} lookups, checksum {checksum}", queries.len());
}
// ANCHOR_END: main
