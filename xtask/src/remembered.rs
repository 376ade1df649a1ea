//! The slow steps of `cargo xtask test` whose every input is a file (the
//! Python twins, the browser tests) are not run again when nothing they
//! read changed since they last passed on this machine, as `cargo grade
//! verify` does for the exercises. The key is a fingerprint of every file
//! the step reads, the interpreters and browser it runs, and this xtask's
//! own build; a failure is never remembered, a fresh clone remembers
//! nothing, and `cargo xtask test --full` runs every step again.

use std::fs;
use std::path::{Path, PathBuf};

use course_kit::fingerprint::Hasher;

/// What a step reads: every file under `dir` whose name ends with one of
/// `endings` (all files when empty).
#[derive(Debug, Clone, Copy)]
pub struct Tree {
    pub dir: &'static str,
    pub endings: &'static [&'static str],
}

/// What every remembered step reads besides its own inputs: the time
/// limits and the Python tools' configuration and pins.
const SETTINGS: &[Tree] = &[
    Tree {
        dir: "crates/course-kit",
        endings: &["limits.toml"],
    },
    Tree {
        dir: ".",
        endings: &["pyproject.toml", "requirements-dev.txt"],
    },
];

/// The Python side of the course: twins, expectations, exercises and the
/// tests. Whole folders, so that a
/// file a test happens to read (a README it compares, a recorded verdict)
/// is never missed.
pub const PYTHON_INPUTS: &[Tree] = &[
    Tree {
        dir: "examples",
        endings: &[],
    },
    Tree {
        dir: "exercises",
        endings: &[],
    },
    Tree {
        dir: "solutions",
        endings: &[],
    },
    Tree {
        dir: "tests",
        endings: &[],
    },
];

/// The built book and the browser tests.
pub const BROWSER_INPUTS: &[Tree] = &[
    Tree {
        dir: "book/html",
        endings: &[],
    },
    Tree {
        dir: "tests",
        endings: &[".py", ".toml"],
    },
];

/// The fingerprint of `inputs` and [`SETTINGS`] under `root`, with
/// `programs` (the interpreters or browser the step runs: their path, size
/// and time).
pub fn key(root: &Path, inputs: &[Tree], programs: &[PathBuf]) -> u64 {
    let mut hasher = Hasher::new();
    for program in programs.iter().cloned().chain(std::env::current_exe().ok()) {
        let real = fs::canonicalize(&program).unwrap_or(program);
        let meta = fs::metadata(&real).ok();
        hasher.feed(real.as_os_str().as_encoded_bytes());
        hasher.feed(format!("{:?}", meta.map(|m| (m.len(), m.modified().ok()))).as_bytes());
    }
    for tree in inputs.iter().chain(SETTINGS) {
        for file in files(root, tree) {
            let rel = file.strip_prefix(root).unwrap_or(&file);
            hasher.feed(rel.as_os_str().as_encoded_bytes());
            hasher.feed(&fs::read(&file).unwrap_or_default());
        }
    }
    hasher.finish()
}

/// The files of `tree`, sorted; caches and build output skipped.
fn files(root: &Path, tree: &Tree) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let top = root.join(tree.dir);
    let recurse = tree.dir != ".";
    let mut pending = vec![top];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if recurse && !matches!(name.as_str(), "__pycache__" | "target" | ".pytest_cache") {
                    pending.push(path);
                }
            } else if tree.endings.is_empty() || tree.endings.iter().any(|e| name.ends_with(e)) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn record(root: &Path, step: &str) -> PathBuf {
    let slug: String = step
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    root.join("target/xtask/passed").join(slug)
}

/// Whether `step` passed with this key.
pub fn passed(root: &Path, step: &str, key: u64) -> bool {
    fs::read_to_string(record(root, step)).is_ok_and(|text| text.trim() == format!("{key:016x}"))
}

/// Remembers that `step` passed with this key.
pub fn remember(root: &Path, step: &str, key: u64) {
    let path = record(root, step);
    if let Some(dir) = path.parent() {
        let _ = fs::create_dir_all(dir);
    }
    let _ = fs::write(path, format!("{key:016x}\n"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_changes_with_any_file_read_and_only_those() {
        let root = std::env::temp_dir().join(format!("xtask-remembered-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("examples/__pycache__")).unwrap();
        fs::write(root.join("examples/a.py"), "print(1)\n").unwrap();
        fs::write(root.join("examples/a.rs"), "fn main() {}\n").unwrap();
        let inputs = &[Tree {
            dir: "examples",
            endings: &[".py"],
        }];
        let first = key(&root, inputs, &[]);
        fs::write(root.join("examples/a.rs"), "fn main() { }\n").unwrap();
        fs::write(root.join("examples/__pycache__/a.pyc"), "x").unwrap();
        assert_eq!(key(&root, inputs, &[]), first, "a file it does not read");
        fs::write(root.join("examples/a.py"), "print(2)\n").unwrap();
        let second = key(&root, inputs, &[]);
        assert_ne!(second, first, "a file it reads");
        fs::write(root.join("examples/b.py"), "").unwrap();
        assert_ne!(key(&root, inputs, &[]), second, "a new file it reads");

        assert!(!passed(&root, "pytest (twins)", second));
        remember(&root, "pytest (twins)", second);
        assert!(passed(&root, "pytest (twins)", second));
        assert!(!passed(&root, "pytest (twins)", first));
        let _ = fs::remove_dir_all(&root);
    }
}
