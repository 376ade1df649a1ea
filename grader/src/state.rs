//! What the grader remembers between runs, under `target/grader/state/`
//! (never in the learner's files): how many hints each exercise has shown,
//! and each exercise's last verdict with a fingerprint of what was graded.

use crate::manifest::{Exercise, Repo};
use crate::verdict::Kind;
use std::fs;
use std::path::PathBuf;

fn state_dir(repo: &Repo) -> PathBuf {
    repo.work_dir().join("state")
}

fn hints_file(repo: &Repo, ex: &Exercise) -> PathBuf {
    state_dir(repo).join(format!("{}.hints", ex.name))
}

fn verdict_file(repo: &Repo, ex: &Exercise) -> PathBuf {
    state_dir(repo).join(format!("{}.verdict", ex.name))
}

fn save(path: PathBuf, text: &str) {
    // Remembering is a convenience: failing to is not worth stopping for.
    if let Some(dir) = path.parent() {
        let _ = fs::create_dir_all(dir);
    }
    let _ = fs::write(path, text);
}

/// How many of the exercise's hints were shown so far.
pub fn hints_shown(repo: &Repo, ex: &Exercise) -> usize {
    fs::read_to_string(hints_file(repo, ex))
        .ok()
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(0)
}

pub fn set_hints_shown(repo: &Repo, ex: &Exercise, shown: usize) {
    save(hints_file(repo, ex), &format!("{shown}\n"));
}

/// A verdict remembered for the list of exercises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remembered {
    pub kind: Kind,
    pub headline: String,
}

/// The last verdict, if what would be graded now is what was graded then.
pub fn remembered(repo: &Repo, ex: &Exercise, fingerprint: u64) -> Option<Remembered> {
    let text = fs::read_to_string(verdict_file(repo, ex)).ok()?;
    let mut parts = text.trim_end_matches('\n').splitn(3, '\t');
    let (print, kind, headline) = (parts.next()?, parts.next()?, parts.next()?);
    if print != format!("{fingerprint:016x}") {
        return None;
    }
    Some(Remembered {
        kind: kind.parse().ok()?,
        headline: headline.to_owned(),
    })
}

/// The last verdict whatever it was for (for "what next?").
pub fn last_kind(repo: &Repo, ex: &Exercise) -> Option<Kind> {
    let text = fs::read_to_string(verdict_file(repo, ex)).ok()?;
    text.split('\t').nth(1)?.parse().ok()
}

pub fn remember(repo: &Repo, ex: &Exercise, fingerprint: u64, kind: Kind, headline: &str) {
    let headline = headline.replace(['\t', '\n'], " ");
    save(
        verdict_file(repo, ex),
        &format!("{fingerprint:016x}\t{kind}\t{headline}\n"),
    );
}

/// A fingerprint of everything that decides a learner's verdict: their file,
/// the tests, the shared test support, the exercise's settings (and the
/// lock file, for an exercise with dependencies or loom) and this grader's version. FNV-1a: stable from one build of the grader to the next.
pub fn fingerprint(repo: &Repo, ex: &Exercise) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for byte in bytes.iter().chain(&[0xff]) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(env!("CARGO_PKG_VERSION").as_bytes());
    feed(format!("{ex:?}").as_bytes());
    let support = repo.support_dir();
    for path in [
        repo.learner_file(ex),
        repo.tests_file(ex),
        support.join("Cargo.toml"),
        support.join("src/lib.rs"),
    ] {
        feed(&fs::read(path).unwrap_or_default());
    }
    if !ex.dependencies.is_empty() || ex.loom {
        feed(&fs::read(repo.root.join("Cargo.lock")).unwrap_or_default());
    }
    hash
}
