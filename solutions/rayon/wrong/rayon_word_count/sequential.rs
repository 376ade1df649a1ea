// expect: failed
// message: only 1 of 2 files were being read at the same time
// Right counts, one file after another: `iter()` where `par_iter()` belongs.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

pub fn count_words<F>(paths: &[PathBuf], read: F) -> io::Result<HashMap<String, usize>>
where
    F: Fn(&Path) -> io::Result<String> + Sync,
{
    let mut total = HashMap::new();
    for path in paths {
        for word in read(path)?.split_whitespace() {
            *total.entry(word.to_lowercase()).or_insert(0) += 1;
        }
    }
    Ok(total)
}
