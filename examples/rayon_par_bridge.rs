//! `par_bridge` turns an ordinary iterator (here, lines read one by one) into
//! a parallel one; the order is lost, so the program sorts the results.

// ANCHOR: main
use std::io::{BufRead, Cursor};

use rayon::prelude::*;

fn main() {
    // Any `Iterator + Send` will do: lines from a reader, messages from a channel.
    let text: String = (1..=12)
        .map(|n| format!("line {n}: {}\n", "ab".repeat(n)))
        .collect();
    let lines = Cursor::new(text)
        .lines()
        .map(|line| line.expect("reading memory cannot fail"));

    // The threads pull the next line from the shared iterator as they need it.
    let mut lengths: Vec<(usize, String)> = lines
        .par_bridge()
        .map(|line| (line.len(), line.split(':').next().unwrap_or("").to_string()))
        .collect();
    // collect() after par_bridge gives the lines in whatever order they were done.
    lengths.sort();
    for (length, name) in &lengths[..3] {
        println!("{name}: {length} bytes");
    }
    println!("{} lines in all", lengths.len());
}
// ANCHOR_END: main
