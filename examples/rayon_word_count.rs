//! A word count over many files: the program writes 8 small files, counts
//! their words in parallel (one map per file, then merged), checks the
//! result against a sequential count, and removes the files.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

const WORDS: [&str; 6] = ["ferris", "crab", "python", "snake", "thread", "gil"];

/// Writes `count` files whose contents depend only on their number.
fn make_files(dir: &Path, count: usize) -> io::Result<Vec<PathBuf>> {
    fs::create_dir_all(dir)?;
    (0..count)
        .map(|n| {
            let text: Vec<&str> = (0..1_000 + 100 * n)
                .map(|i| WORDS[(i * i + n) % WORDS.len()])
                .collect();
            let path = dir.join(format!("file-{n}.txt"));
            fs::write(&path, text.join(" "))?;
            Ok(path)
        })
        .collect()
}

// ANCHOR: main
fn count_words(text: &str, counts: &mut HashMap<String, usize>) {
    for word in text.split_whitespace() {
        *counts.entry(word.to_lowercase()).or_default() += 1;
    }
}

fn parallel_count(paths: &[PathBuf]) -> io::Result<HashMap<String, usize>> {
    paths
        .par_iter()
        // Each file becomes its own map; a failed read stays an Err.
        .map(|path| {
            let mut counts = HashMap::new();
            count_words(&fs::read_to_string(path)?, &mut counts);
            Ok(counts)
        })
        // Merge the maps two by two; an Err, if any, ends it (rayon does
        // not say which Err when several pieces fail).
        .try_reduce(HashMap::new, |mut total, counts| {
            for (word, n) in counts {
                *total.entry(word).or_default() += n;
            }
            Ok(total)
        })
}
// ANCHOR_END: main

fn sequential_count(paths: &[PathBuf]) -> io::Result<HashMap<String, usize>> {
    let mut counts = HashMap::new();
    for path in paths {
        count_words(&fs::read_to_string(path)?, &mut counts);
    }
    Ok(counts)
}

fn main() -> io::Result<()> {
    let dir = std::env::temp_dir().join(format!("rayon_word_count-{}", std::process::id()));
    let paths = make_files(&dir, 8)?;
    let counts = parallel_count(&paths);
    let expected = sequential_count(&paths);
    fs::remove_dir_all(&dir)?;
    let (counts, expected) = (counts?, expected?);

    // A HashMap's order is arbitrary: sort by count, then by word.
    let mut rows: Vec<(&String, &usize)> = counts.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!(
        "{} files, {} words",
        paths.len(),
        counts.values().sum::<usize>()
    );
    for (word, n) in rows {
        println!("{word:>8} {n}");
    }
    assert_eq!(
        counts, expected,
        "the parallel count must equal the sequential one"
    );
    println!("the parallel count equals the sequential count");
    Ok(())
}
