//! Exercise `rayon_word_count`: count the words of several files in parallel
//! with rayon; the result must equal a sequential count.
//!
//! Grade it: `cargo grade rayon_word_count`. Stuck? `cargo grade hint rayon_word_count`.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

// BEGIN SOLUTION (stub: )
use rayon::prelude::*;
// END SOLUTION

/// Counts every word of every file in `paths`, reading each file with
/// `read` (in real use, `|path| std::fs::read_to_string(path)`; the tests
/// pass their own). Words are what `split_whitespace` returns, lowercased
/// with `to_lowercase`: `"Crab crab CRAB"` counts as `crab` three times.
///
/// The files must be read and counted in parallel, with rayon. If any read
/// fails, `count_words` returns an error (one of them).
///
/// In Python: `sum(pool.map(count_file, paths), Counter())`.
pub fn count_words<F>(paths: &[PathBuf], read: F) -> io::Result<HashMap<String, usize>>
where
    F: Fn(&Path) -> io::Result<String> + Sync,
{
    // Your code: a parallel iterator over `paths`; each file gives a map of
    // its own counts (or an error); merge the maps into one.
    // BEGIN SOLUTION (stub: todo!("read and count the files in parallel, then merge the counts"))
    paths
        .par_iter()
        .map(|path| {
            let mut counts = HashMap::new();
            for word in read(path)?.split_whitespace() {
                *counts.entry(word.to_lowercase()).or_insert(0) += 1;
            }
            Ok(counts)
        })
        // Merges the maps two by two; an Err stops the merging and is returned.
        .try_reduce(HashMap::new, |mut total, counts| {
            for (word, n) in counts {
                *total.entry(word).or_insert(0) += n;
            }
            Ok(total)
        })
    // END SOLUTION
}
