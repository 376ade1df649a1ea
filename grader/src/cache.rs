//! What keeps `cargo grade verify` fast as exercises are added: the grading
//! checks of an exercise (solution, untouched stub, wrong answers) are run
//! again only when something they depend on changed since they last all
//! passed. The key is a hash of the contents of every such file, the
//! manifest entry, the toolchain and this grader's own build; a failure is
//! never remembered. `cargo grade verify --full` ignores what is remembered.

use crate::manifest::{Exercise, Repo};
use std::fs;
use std::path::PathBuf;
use std::process::Command;

pub use course_kit::fingerprint::Hasher;

/// The toolchain and this grader's build: a new rustc words its errors
/// differently, a new grader may judge differently.
pub fn toolchain() -> String {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let rustc = course_kit::run::query(Command::new(cargo).args(["--version", "--verbose"]))
        .unwrap_or_default();
    let grader = std::env::current_exe()
        .and_then(fs::metadata)
        .map(|meta| format!("{:?} {}", meta.modified().ok(), meta.len()))
        .unwrap_or_default();
    format!("{rustc}\n{grader}")
}

fn support_files(repo: &Repo) -> Vec<PathBuf> {
    let support = repo.support_dir();
    vec![support.join("Cargo.toml"), support.join("src/lib.rs")]
}

/// The key of the support crate's own tests.
pub fn support_key(repo: &Repo, toolchain: &str) -> u64 {
    let mut hasher = Hasher::new();
    hasher.feed(toolchain.as_bytes());
    for file in support_files(repo) {
        hasher.feed_file(&file);
    }
    hasher.finish()
}

/// The key of an exercise's grading checks: its manifest entry, solution
/// (which makes the stub), tests, every wrong answer, the support crate, and
/// for an exercise with dependencies or loom the root manifest and lock file.
pub fn exercise_key(repo: &Repo, ex: &Exercise, toolchain: &str) -> u64 {
    let mut hasher = Hasher::new();
    hasher.feed(toolchain.as_bytes());
    hasher.feed(format!("{ex:?}").as_bytes());
    hasher.feed_file(&repo.solution_file(ex));
    hasher.feed_file(&repo.tests_file(ex));
    let mut wrong: Vec<PathBuf> = fs::read_dir(repo.wrong_dir(ex))
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    wrong.sort();
    for path in wrong {
        hasher.feed_file(&path);
    }
    for file in support_files(repo) {
        hasher.feed_file(&file);
    }
    // Loom's version comes from the lock too.
    if !ex.dependencies.is_empty() || ex.loom {
        hasher.feed_file(&repo.root.join("Cargo.toml"));
        hasher.feed_file(&repo.root.join("Cargo.lock"));
    }
    hasher.finish()
}

fn file(repo: &Repo, name: &str) -> PathBuf {
    repo.work_dir()
        .join("state/verify")
        .join(format!("{name}.passed"))
}

/// The lines of checks that passed with this key, if they did.
pub fn passed(repo: &Repo, name: &str, key: u64) -> Option<Vec<String>> {
    let text = fs::read_to_string(file(repo, name)).ok()?;
    let mut lines = text.lines();
    if lines.next()? != format!("{key:016x}") {
        return None;
    }
    Some(lines.map(str::to_owned).collect())
}

/// Remembers that the checks passed with this key.
pub fn remember(repo: &Repo, name: &str, key: u64, lines: &[String]) {
    let path = file(repo, name);
    if let Some(dir) = path.parent() {
        let _ = fs::create_dir_all(dir);
    }
    let mut text = format!("{key:016x}\n");
    for line in lines {
        text.push_str(&line.replace('\n', " "));
        text.push('\n');
    }
    let _ = fs::write(path, text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Manifest;

    #[test]
    fn the_key_changes_with_any_file_it_covers() {
        let root = std::env::temp_dir().join(format!("grader-cache-{}", std::process::id()));
        let repo = Repo { root: root.clone() };
        let ex = Manifest::parse(
            "[[exercises]]\nname = \"a\"\nchapter = \"c\"\ntitle = \"t\"\nhints = [\"h\"]\n",
        )
        .unwrap()
        .exercises[0]
            .clone();
        let write = |path: PathBuf, text: &str| {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        };
        write(repo.solution_file(&ex), "solution");
        write(repo.tests_file(&ex), "tests");
        write(repo.wrong_dir(&ex).join("w.rs"), "wrong");
        let key = || exercise_key(&repo, &ex, "rustc 1");
        let first = key();
        assert_eq!(key(), first, "the same files, the same key");
        assert_ne!(exercise_key(&repo, &ex, "rustc 2"), first, "toolchain");
        for (path, what) in [
            (repo.solution_file(&ex), "solution"),
            (repo.tests_file(&ex), "tests"),
            (repo.wrong_dir(&ex).join("w.rs"), "a wrong answer"),
            (repo.wrong_dir(&ex).join("new.rs"), "a new wrong answer"),
            (repo.support_dir().join("src/lib.rs"), "support"),
        ] {
            let before = key();
            write(path, "changed");
            assert_ne!(key(), before, "changing {what} must change the key");
        }
        let mut other = ex.clone();
        other.hints.push("another".to_owned());
        assert_ne!(
            exercise_key(&repo, &other, "rustc 1"),
            key(),
            "manifest entry"
        );

        remember(&repo, "a", 7, &["a: solution: passes".to_owned()]);
        assert_eq!(
            passed(&repo, "a", 7),
            Some(vec!["a: solution: passes".to_owned()])
        );
        assert_eq!(passed(&repo, "a", 8), None);
        fs::remove_dir_all(root).unwrap();
    }
}
