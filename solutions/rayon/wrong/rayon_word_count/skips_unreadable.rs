// expect: failed
// message: a file that cannot be read must make count_words fail
// Counts in parallel, but quietly skips a file it cannot read: the caller
// gets smaller counts without knowing why.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub fn count_words<F>(paths: &[PathBuf], read: F) -> io::Result<HashMap<String, usize>>
where
    F: Fn(&Path) -> io::Result<String> + Sync,
{
    Ok(paths
        .par_iter()
        .filter_map(|path| read(path).ok())
        .map(|text| {
            let mut counts = HashMap::new();
            for word in text.split_whitespace() {
                *counts.entry(word.to_lowercase()).or_insert(0) += 1;
            }
            counts
        })
        .reduce(HashMap::new, |mut total, counts| {
            for (word, n) in counts {
                *total.entry(word).or_insert(0) += n;
            }
            total
        }))
}
