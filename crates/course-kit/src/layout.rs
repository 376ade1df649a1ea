//! Where everything of the course lives, from its root.
//!
//! The root is found at run time ([`Layout::find`]), so a test can point a
//! tool at a small fixture tree with `COURSE_ROOT=...` or by running it in
//! that tree.

use std::path::{Path, PathBuf};

/// The repository's paths. Every tool asks this type, never `join`s a
/// folder name of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub root: PathBuf,
}

/// The file that marks a course's root.
pub const ROOT_MARKER: &str = "book.toml";

impl Layout {
    pub fn at(root: impl Into<PathBuf>) -> Layout {
        Layout { root: root.into() }
    }

    /// `$COURSE_ROOT` when set; else the nearest folder holding `book.toml`
    /// from the current directory up; else `fallback` (the repository the
    /// tool was built in).
    pub fn find(fallback: &Path) -> Layout {
        if let Some(root) = std::env::var_os("COURSE_ROOT") {
            return Layout::at(root);
        }
        let here = std::env::current_dir().ok();
        let found = here
            .as_deref()
            .and_then(|dir| dir.ancestors().find(|d| d.join(ROOT_MARKER).is_file()));
        Layout::at(found.unwrap_or(fallback))
    }

    pub fn examples_dir(&self) -> PathBuf {
        self.root.join("examples")
    }

    pub fn compile_fail_dir(&self) -> PathBuf {
        self.root.join("examples/compile_fail")
    }

    /// The book's markdown.
    pub fn src_dir(&self) -> PathBuf {
        self.root.join("src")
    }

    pub fn summary(&self) -> PathBuf {
        self.root.join("src/SUMMARY.md")
    }

    pub fn exercises_dir(&self) -> PathBuf {
        self.root.join("exercises")
    }

    /// The grader's manifest: the one list of exercises.
    pub fn exercises_manifest(&self) -> PathBuf {
        self.root.join("exercises/info.toml")
    }

    pub fn solutions_dir(&self) -> PathBuf {
        self.root.join("solutions")
    }

    /// The root `Cargo.toml`, whose `[dependencies]` the throwaway packages
    /// copy.
    pub fn cargo_manifest(&self) -> PathBuf {
        self.root.join("Cargo.toml")
    }

    pub fn cargo_lock(&self) -> PathBuf {
        self.root.join("Cargo.lock")
    }

    /// `$CARGO_TARGET_DIR`, else `target/`.
    pub fn target_dir(&self) -> PathBuf {
        std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| self.root.join("target"))
    }

    /// Where cargo puts the compiled examples.
    pub fn examples_bin_dir(&self) -> PathBuf {
        self.target_dir().join("debug").join("examples")
    }

    /// The built book.
    pub fn book_dir(&self) -> PathBuf {
        self.root.join("book")
    }

    /// `path` relative to the root when it is inside it, for messages.
    pub fn rel(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    /// Makes absolute paths inside the repository relative, in any text
    /// (compiler output, problems found).
    pub fn shorten(&self, text: &str) -> String {
        let mut prefix = self.root.display().to_string();
        prefix.push('/');
        text.replace(&prefix, "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_the_root() {
        let layout = Layout::at("/course");
        assert_eq!(
            layout.rel(&layout.compile_fail_dir().join("x.rs")),
            "examples/compile_fail/x.rs"
        );
        assert_eq!(layout.rel(Path::new("/elsewhere/x")), "/elsewhere/x");
        assert_eq!(
            layout.shorten("error at /course/examples/a.rs:1 and /course/b"),
            "error at examples/a.rs:1 and b"
        );
    }
}
