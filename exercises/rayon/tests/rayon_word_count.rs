//! Tests for `rayon_word_count`. `cargo grade rayon_word_count` runs them
//! against your `exercises/rayon/rayon_word_count.rs`.

use exercise::count_words;
use exercise_support::Rendezvous;
use std::cell::Cell;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

/// Six texts that share words, as if they were files.
fn texts() -> HashMap<PathBuf, String> {
    let words = ["ferris", "Crab", "python", "snake", "thread", "gil", "GIL"];
    (0..6)
        .map(|n| {
            let text: Vec<&str> = (0..200 + 37 * n)
                .map(|i| words[(i * i + 3 * n) % words.len()])
                .collect();
            (
                PathBuf::from(format!("file-{n}.txt")),
                text.join(if n % 2 == 0 { " " } else { "\n" }),
            )
        })
        .collect()
}

fn sequential_count(texts: &HashMap<PathBuf, String>) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for text in texts.values() {
        for word in text.split_whitespace() {
            *counts.entry(word.to_lowercase()).or_insert(0) += 1;
        }
    }
    counts
}

#[test]
fn the_counts_equal_a_sequential_count() {
    let texts = texts();
    let mut paths: Vec<PathBuf> = texts.keys().cloned().collect();
    paths.sort();
    let counts =
        count_words(&paths, |path: &Path| Ok(texts[path].clone())).expect("every file can be read");
    assert_eq!(
        counts,
        sequential_count(&texts),
        "the parallel count must equal a sequential count of the same files"
    );
}

#[test]
fn words_are_counted_lowercased() {
    let paths = vec![PathBuf::from("a.txt"), PathBuf::from("b.txt")];
    let counts = count_words(&paths, |path: &Path| {
        Ok(if path == Path::new("a.txt") {
            "Crab crab\tCRAB\n"
        } else {
            "  ferris crab "
        }
        .to_string())
    })
    .expect("every file can be read");
    let expected: HashMap<String, usize> =
        [("crab".to_string(), 4), ("ferris".to_string(), 1)].into();
    assert_eq!(
        counts, expected,
        "words are counted lowercased, split on any whitespace"
    );
}

#[test]
fn the_files_are_read_in_parallel() {
    thread_local! {
        static MET: Cell<bool> = const { Cell::new(false) };
    }
    // Each of the pool's two threads meets the other once, in its first read:
    // the reads can only get past it if both threads are reading at once.
    let meeting = Rendezvous::new(2, "files", "being read");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let paths: Vec<PathBuf> = (0..4).map(|n| PathBuf::from(format!("{n}.txt"))).collect();
    let counts = pool
        .install(|| {
            count_words(&paths, |_: &Path| {
                if !MET.replace(true) {
                    meeting.meet();
                }
                Ok("one two two".to_string())
            })
        })
        .expect("every file can be read");
    assert_eq!(
        counts.get("two"),
        Some(&8),
        "4 files with \"two\" twice each"
    );
}

#[test]
fn a_file_that_cannot_be_read_is_an_error() {
    let paths: Vec<PathBuf> = (0..5).map(|n| PathBuf::from(format!("{n}.txt"))).collect();
    let result = count_words(&paths, |path: &Path| {
        if path == Path::new("3.txt") {
            Err(io::Error::new(io::ErrorKind::NotFound, "3.txt is missing"))
        } else {
            Ok("words words".to_string())
        }
    });
    assert!(
        result.is_err(),
        "a file that cannot be read must make count_words fail, but it returned {result:?}"
    );
}

#[test]
fn real_files_and_no_files() {
    let dir = std::env::temp_dir().join(format!("rayon_word_count_test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let paths: Vec<PathBuf> = (0..3)
        .map(|n| {
            let path = dir.join(format!("{n}.txt"));
            std::fs::write(&path, "to be or not to be").unwrap();
            path
        })
        .collect();
    let counts = count_words(&paths, |path: &Path| std::fs::read_to_string(path));
    std::fs::remove_dir_all(&dir).unwrap();
    let counts = counts.expect("the files exist");
    assert_eq!(
        (counts["to"], counts["be"], counts["or"]),
        (6, 6, 3),
        "the parallel count must equal a sequential count: 3 files of \"to be or not to be\""
    );
    let none = count_words(&[], |_: &Path| Ok(String::new())).expect("nothing to read");
    assert!(none.is_empty(), "no files, no words: got {none:?}");
}
