//! `exercises/info.toml`: the one list of exercises, their hints and limits.
//! Every file of an exercise follows from its `chapter` and `name` (see
//! [`Repo`]), so the manifest never repeats a path that could drift.

use course_kit::Layout;
use serde::Deserialize;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    defaults: Defaults,
    #[serde(default)]
    exercises: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Defaults {
    #[serde(default = "ten")]
    timeout_secs: u64,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            timeout_secs: ten(),
        }
    }
}

/// `[grader] exercise` of crates/course-kit/limits.toml.
fn ten() -> u64 {
    course_kit::limits::get().grader.exercise
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    chapter: String,
    title: String,
    hints: Vec<String>,
    timeout_secs: Option<u64>,
    #[serde(default)]
    dependencies: Vec<String>,
    #[serde(default)]
    stub_errors: Vec<String>,
    #[serde(default)]
    loom: bool,
    seqcst_note: Option<String>,
}

/// One exercise, as the manifest describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exercise {
    /// `snake_case`, unique: `cargo grade NAME`.
    pub name: String,
    /// The folder under `exercises/`, `solutions/` and `src/`.
    pub chapter: String,
    /// The title of its page in the book.
    pub title: String,
    /// Shown one at a time by `cargo grade hint NAME`.
    pub hints: Vec<String>,
    /// How long its tests may run before they count as hung.
    pub timeout: Duration,
    /// Crates it may use, by their name in the root `Cargo.toml`'s
    /// `[dependencies]` (which gives their version and features).
    pub dependencies: Vec<String>,
    /// For a "make it compile" exercise, whose stub does not compile: the
    /// error codes (`E0373`) its stub must fail with. Empty: the stub
    /// compiles, and fails its tests.
    pub stub_errors: Vec<String>,
    /// Its tests run a second time under loom (`--cfg loom`) once they pass
    /// as they are: loom tries each interleaving with up to 3 preemptions
    /// and each value loom's model lets a load return.
    pub loom: bool,
    /// For a loom exercise that does not need `SeqCst`: what suffices,
    /// shown beside a pass whose file uses `SeqCst`.
    pub seqcst_note: Option<String>,
}

#[derive(Debug)]
pub struct Manifest {
    pub exercises: Vec<Exercise>,
}

#[derive(Debug)]
pub struct ManifestError(pub String);

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Manifest {
    pub fn load(repo: &Repo) -> Result<Manifest, ManifestError> {
        let path = repo.manifest_path();
        let text = fs::read_to_string(&path)
            .map_err(|e| ManifestError(format!("cannot read {}: {e}", repo.rel(&path))))?;
        Manifest::parse(&text)
            .map_err(|ManifestError(why)| ManifestError(format!("{}: {why}", repo.rel(&path))))
    }

    pub fn parse(text: &str) -> Result<Manifest, ManifestError> {
        let file: File = toml::from_str(text).map_err(|e| ManifestError(e.to_string()))?;
        let mut exercises: Vec<Exercise> = Vec::new();
        for entry in file.exercises {
            let name = entry.name;
            if !is_snake_case(&name) {
                return Err(ManifestError(format!(
                    "exercise name `{name}` is not snake_case"
                )));
            }
            if !is_snake_case(&entry.chapter) {
                return Err(ManifestError(format!(
                    "exercise `{name}`: chapter `{}` is not a snake_case folder name",
                    entry.chapter
                )));
            }
            if ["list", "hint", "reset", "verify", "help", "lsp"].contains(&name.as_str()) {
                return Err(ManifestError(format!(
                    "exercise name `{name}` is a `cargo grade` command"
                )));
            }
            if let Some(code) = entry.stub_errors.iter().find(|code| !is_error_code(code)) {
                return Err(ManifestError(format!(
                    "exercise `{name}`: stub_errors lists `{code}`, which is not an error code like E0373"
                )));
            }
            if exercises.iter().any(|e| e.name == name) {
                return Err(ManifestError(format!("exercise `{name}` is listed twice")));
            }
            if entry.hints.is_empty() || entry.hints.iter().any(|h| h.trim().is_empty()) {
                return Err(ManifestError(format!(
                    "exercise `{name}` needs hints, none of them empty"
                )));
            }
            if entry.seqcst_note.is_some() && !entry.loom {
                return Err(ManifestError(format!(
                    "exercise `{name}`: seqcst_note is shown only after a loom run: add loom = true"
                )));
            }
            let timeout_secs = entry.timeout_secs.unwrap_or(file.defaults.timeout_secs);
            if timeout_secs == 0 {
                return Err(ManifestError(format!(
                    "exercise `{name}`: timeout_secs must be at least 1"
                )));
            }
            exercises.push(Exercise {
                name,
                chapter: entry.chapter,
                title: entry.title,
                hints: entry.hints.iter().map(|h| h.trim().to_owned()).collect(),
                timeout: Duration::from_secs(timeout_secs),
                dependencies: entry.dependencies,
                stub_errors: entry.stub_errors,
                loom: entry.loom,
                seqcst_note: entry.seqcst_note.map(|note| note.trim().to_owned()),
            });
        }
        Ok(Manifest { exercises })
    }

    pub fn find(&self, name: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.name == name)
    }

    /// An exercise by its name, or by a path to one of its files, as tab
    /// completion gives it: `exercises/threads/threads_sum_five.rs`.
    pub fn find_arg(&self, arg: &str) -> Option<&Exercise> {
        self.find(arg).or_else(|| {
            let path = Path::new(arg);
            let stem = path.file_stem()?.to_str()?;
            let stem = stem.strip_prefix("test_").unwrap_or(stem);
            let stem = stem.strip_suffix("-solution").unwrap_or(stem);
            let ex = self.find(stem)?;
            // The chapter folder, when the path names one, must be the exercise's.
            let parent = path.parent()?.file_name().and_then(|n| n.to_str());
            let fits = match parent {
                None => true,
                Some(folder) => folder == ex.chapter || folder == "tests" || folder == "exercises",
            };
            fits.then_some(ex)
        })
    }

    pub fn names(&self) -> Vec<&str> {
        self.exercises.iter().map(|e| e.name.as_str()).collect()
    }

    /// The chapters, in the order their first exercise appears.
    pub fn chapters(&self) -> Vec<&str> {
        let mut chapters: Vec<&str> = Vec::new();
        for exercise in &self.exercises {
            if !chapters.contains(&exercise.chapter.as_str()) {
                chapters.push(&exercise.chapter);
            }
        }
        chapters
    }
}

fn is_error_code(code: &str) -> bool {
    code.len() == 5 && code.starts_with('E') && code[1..].chars().all(|c| c.is_ascii_digit())
}

fn is_snake_case(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Where everything lives, from the repository's root.
#[derive(Debug, Clone)]
pub struct Repo {
    pub root: PathBuf,
}

impl Repo {
    /// The course's root, found at run time (`course_kit::Layout::find`):
    /// `$COURSE_ROOT`, else the nearest folder with a `book.toml` from the
    /// current directory up, else the repository this grader was built in.
    pub fn here() -> Repo {
        let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let built_in = crate_dir.parent().unwrap_or(crate_dir);
        Repo {
            root: Layout::find(built_in).root,
        }
    }

    /// The layout the grader shares with xtask.
    pub fn layout(&self) -> Layout {
        Layout::at(&self.root)
    }

    pub fn manifest_path(&self) -> PathBuf {
        self.layout().exercises_manifest()
    }

    /// The learner's file: `exercises/CHAPTER/NAME.rs`.
    pub fn learner_file(&self, ex: &Exercise) -> PathBuf {
        self.root
            .join(format!("exercises/{}/{}.rs", ex.chapter, ex.name))
    }

    /// The stub as the exercise's page shows it: a copy that the learner
    /// does not edit (`make-stubs` writes it; `verify` checks it).
    pub fn page_stub_file(&self, ex: &Exercise) -> PathBuf {
        self.root
            .join(format!("solutions/{}/stubs/{}.rs", ex.chapter, ex.name))
    }

    /// The reference solution, from which the stub is made.
    pub fn solution_file(&self, ex: &Exercise) -> PathBuf {
        self.root
            .join(format!("solutions/{}/{}.rs", ex.chapter, ex.name))
    }

    /// The one set of tests, run against learner, solution and wrong answers.
    pub fn tests_file(&self, ex: &Exercise) -> PathBuf {
        self.root
            .join(format!("exercises/{}/tests/{}.rs", ex.chapter, ex.name))
    }

    /// The Python solution of the same task, stdlib only (shown beside the
    /// Rust one on the solution page).
    pub fn python_solution_file(&self, ex: &Exercise) -> PathBuf {
        self.root
            .join(format!("solutions/{}/{}.py", ex.chapter, ex.name))
    }

    /// Its pytest cases, the Rust tests' cases (`exercises/conftest.py`
    /// loads the Python solution for them).
    pub fn python_tests_file(&self, ex: &Exercise) -> PathBuf {
        self.root.join(format!(
            "exercises/{}/tests/test_{}.py",
            ex.chapter, ex.name
        ))
    }

    /// Known-wrong answers that the tests must reject (`cargo grade verify`).
    pub fn wrong_dir(&self, ex: &Exercise) -> PathBuf {
        self.root
            .join(format!("solutions/{}/wrong/{}", ex.chapter, ex.name))
    }

    /// The exercise's page in the book.
    pub fn page(&self, ex: &Exercise) -> PathBuf {
        self.root
            .join(format!("src/{}/exercises/{}.md", ex.chapter, ex.name))
    }

    /// The page that shows and explains the reference solution.
    pub fn solution_page(&self, ex: &Exercise) -> PathBuf {
        self.root.join(format!(
            "src/{}/exercises/{}-solution.md",
            ex.chapter, ex.name
        ))
    }

    /// The crate the tests share (`use exercise_support::…`).
    pub fn support_dir(&self) -> PathBuf {
        self.root.join("exercises/support")
    }

    /// Where the grader keeps everything it makes: generated packages, their
    /// shared build directory, hints shown, last verdicts.
    pub fn work_dir(&self) -> PathBuf {
        self.root.join("target/grader")
    }

    /// Where `reset` keeps what it replaced. Not under `target/`, so that a
    /// `cargo clean` cannot take it.
    pub fn backup_dir(&self) -> PathBuf {
        self.root.join("exercises/.backups")
    }

    /// `path` relative to the root when it is inside it, for messages.
    pub fn rel(&self, path: &Path) -> String {
        self.layout().rel(path)
    }

    /// Makes absolute paths inside the repository relative, in compiler and
    /// test output.
    pub fn shorten(&self, text: &str) -> String {
        self.layout().shorten(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[defaults]
timeout_secs = 7

[[exercises]]
name = "threads_sum_five"
chapter = "threads"
title = "Five threads, one sum"
hints = ["""
  First hint.
""", "Second hint."]

[[exercises]]
name = "async_fetch"
chapter = "async"
title = "Fetch"
timeout_secs = 20
dependencies = ["tokio"]
hints = ["Use `join!`."]

[[exercises]]
name = "shared_publish"
chapter = "shared"
title = "Publish"
loom = true
seqcst_note = " Release and Acquire suffice. "
hints = ["Release."]
"#;

    #[test]
    fn reads_exercises_with_defaults() {
        let manifest = Manifest::parse(GOOD).unwrap();
        assert_eq!(
            manifest.names(),
            ["threads_sum_five", "async_fetch", "shared_publish"]
        );
        let first = manifest.find("threads_sum_five").unwrap();
        assert_eq!(first.timeout, Duration::from_secs(7));
        assert_eq!(first.hints, ["First hint.", "Second hint."]);
        assert!(first.dependencies.is_empty());
        let second = manifest.find("async_fetch").unwrap();
        assert_eq!(second.timeout, Duration::from_secs(20));
        assert_eq!(second.dependencies, ["tokio"]);
        assert!(!second.loom && second.seqcst_note.is_none());
        let third = manifest.find("shared_publish").unwrap();
        assert!(third.loom);
        assert_eq!(
            third.seqcst_note.as_deref(),
            Some("Release and Acquire suffice.")
        );
        assert_eq!(manifest.chapters(), ["threads", "async", "shared"]);
    }

    #[test]
    fn rejects_what_would_break_grading() {
        let one = |body: &str| {
            Manifest::parse(&format!("[[exercises]]\n{body}"))
                .unwrap_err()
                .0
        };
        assert!(
            one(r#"name = "Bad-Name"
chapter = "threads"
title = "t"
hints = ["h"]"#)
            .contains("snake_case")
        );
        assert!(
            one(r#"name = "a"
chapter = "threads"
title = "t"
hints = []"#)
            .contains("needs hints")
        );
        assert!(
            one(r#"name = "a"
chapter = "threads"
title = "t"
hints = ["h"]
timout_secs = 3"#)
            .contains("unknown field")
        );
        assert!(
            one("name = \"hint\"\nchapter = \"c\"\ntitle = \"t\"\nhints = [\"h\"]")
                .contains("command")
        );
        assert!(
            one(r#"name = "a"
chapter = "threads"
title = "t"
hints = ["h"]
seqcst_note = "n""#)
            .contains("loom = true")
        );
        let twice =
            "[[exercises]]\nname = \"a\"\nchapter = \"c\"\ntitle = \"t\"\nhints = [\"h\"]\n";
        assert!(
            Manifest::parse(&twice.repeat(2))
                .unwrap_err()
                .0
                .contains("listed twice")
        );
    }

    #[test]
    fn paths_follow_from_chapter_and_name() {
        let repo = Repo {
            root: PathBuf::from("/course"),
        };
        let manifest = Manifest::parse(GOOD).unwrap();
        let ex = manifest.find("threads_sum_five").unwrap();
        assert_eq!(
            repo.rel(&repo.learner_file(ex)),
            "exercises/threads/threads_sum_five.rs"
        );
        assert_eq!(
            repo.rel(&repo.solution_file(ex)),
            "solutions/threads/threads_sum_five.rs"
        );
        assert_eq!(
            repo.rel(&repo.tests_file(ex)),
            "exercises/threads/tests/threads_sum_five.rs"
        );
        assert_eq!(
            repo.rel(&repo.solution_page(ex)),
            "src/threads/exercises/threads_sum_five-solution.md"
        );
        assert_eq!(
            repo.shorten("--> /course/exercises/threads/x.rs:3:1"),
            "--> exercises/threads/x.rs:3:1"
        );
    }
}
