// expect: failed
// message: the parallel count must equal a sequential count
// Merges by `extend`, which replaces a word's count with the other map's
// instead of adding the two: a word found in several files is undercounted.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub fn count_words<F>(paths: &[PathBuf], read: F) -> io::Result<HashMap<String, usize>>
where
    F: Fn(&Path) -> io::Result<String> + Sync,
{
    paths
        .par_iter()
        .map(|path| {
            let mut counts = HashMap::new();
            for word in read(path)?.split_whitespace() {
                *counts.entry(word.to_lowercase()).or_insert(0) += 1;
            }
            Ok(counts)
        })
        .try_reduce(HashMap::new, |mut total, counts| {
            total.extend(counts);
            Ok(total)
        })
}
