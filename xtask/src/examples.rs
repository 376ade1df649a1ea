//! Finds the course's examples from the files themselves: no list to keep.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use course_kit::Layout;
use course_kit::diagnostic::{Diagnostic, render_all};

use crate::expect::ExpectationFile;

/// One runnable example: `examples/NAME.rs`, maybe `NAME.py`, and its
/// expectation.
#[derive(Debug, Clone)]
pub struct Example {
    pub name: String,
    pub rust: PathBuf,
    pub python: Option<PathBuf>,
    pub expected_path: PathBuf,
    pub expected: ExpectationFile,
}

/// One program that must fail to compile with `error_code`.
#[derive(Debug, Clone)]
pub struct CompileFail {
    pub name: String,
    pub source: PathBuf,
    pub stderr: PathBuf,
    /// An error code (`E0373`), the name of a lint that is an error by
    /// default and has no code (`static_mut_refs`), or, for an error that has
    /// neither, rustc's headline itself (`error: future cannot be sent …`).
    pub error_code: String,
}

impl CompileFail {
    /// What rustc's output must contain: `error[E0373]` for an error code,
    /// `#[deny(static_mut_refs)]` for a lint (rustc names the lint's level).
    pub fn wanted(&self) -> String {
        if self.error_code.starts_with(ERROR_HEADLINE) {
            self.error_code.clone()
        } else if is_error_code(&self.error_code) {
            format!("error[{}]", self.error_code)
        } else {
            format!("#[deny({})]", self.error_code)
        }
    }
}

pub const EXAMPLES_DIR: &str = "examples";
pub const COMPILE_FAIL_DIR: &str = "examples/compile_fail";
pub const EXPECTED_SUFFIX: &str = ".expected.toml";
const ERROR_MARKER: &str = "// expect-error:";
/// How a declared error without a code starts: rustc's own headline.
const ERROR_HEADLINE: &str = "error: ";

/// The course's layout: `$COURSE_ROOT`, else the nearest folder with a
/// `book.toml` from the current directory up, else the repository xtask was
/// built in.
pub fn layout() -> Layout {
    let built_in = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the repository");
    Layout::find(built_in)
}

/// The repository root, as [`layout`] finds it.
pub fn repo_root() -> PathBuf {
    layout().root
}

/// Files in `dir` with the given ending, as `(stem, path)`, sorted.
fn files_ending(dir: &Path, ending: &str) -> Result<Vec<(String, PathBuf)>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry?.path();
        let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if let Some(stem) = file_name.strip_suffix(ending)
            && path.is_file()
        {
            found.push((stem.to_string(), path.clone()));
        }
    }
    found.sort();
    Ok(found)
}

/// Every example, checked for the layout rules of `examples/README.md`.
/// All problems are reported at once, each naming its file.
pub fn discover(root: &Path) -> Result<Vec<Example>> {
    let (examples, problems) = discover_with_problems(root)?;
    if problems.is_empty() {
        Ok(examples)
    } else {
        bail!("{}", problems.join("\n"))
    }
}

/// The examples that are well formed, and one message per problem, so a
/// test suite can run the good ones and fail each bad one by name.
pub fn discover_with_problems(root: &Path) -> Result<(Vec<Example>, Vec<String>)> {
    let dir = root.join(EXAMPLES_DIR);
    let rust = files_ending(&dir, ".rs")?;
    let python = files_ending(&dir, ".py")?;
    let expected = files_ending(&dir, EXPECTED_SUFFIX)?;
    let rust_names: BTreeSet<&str> = rust.iter().map(|(n, _)| n.as_str()).collect();
    let python_names: BTreeSet<&str> = python.iter().map(|(n, _)| n.as_str()).collect();
    let mut problems = Vec::new();

    for (name, path) in &python {
        if !rust_names.contains(name.as_str()) {
            problems.push(Diagnostic::file(
                path,
                format!("a Python twin without examples/{name}.rs"),
            ));
        }
    }
    for (name, path) in &expected {
        if !rust_names.contains(name.as_str()) {
            problems.push(Diagnostic::file(
                path,
                format!("an expectation without examples/{name}.rs"),
            ));
        }
    }
    let mut examples = Vec::new();
    for (name, path) in &rust {
        let expected_path = dir.join(format!("{name}{EXPECTED_SUFFIX}"));
        if !expected_path.exists() {
            problems.push(Diagnostic::file(
                path,
                format!("no expectation; run `cargo xtask bless {name}` and read what it writes"),
            ));
            continue;
        }
        let expected = match ExpectationFile::load(&expected_path) {
            Ok(expected) => expected,
            Err(error) => {
                // The error already names the file: keep only what follows.
                let text = format!("{error:#}");
                let prefix = format!("{}: ", expected_path.display());
                let message = text.strip_prefix(&prefix).unwrap_or(&text);
                problems.push(Diagnostic::file(&expected_path, message));
                continue;
            }
        };
        let has_py = python_names.contains(name.as_str());
        match (has_py, expected.has_twin()) {
            (false, true) => problems.push(Diagnostic::file(
                path,
                format!(
                    "no Python twin examples/{name}.py, and {} does not say `[python] twin = false` with a reason",
                    expected_path.display()
                ),
            )),
            (true, false) => problems.push(Diagnostic::file(
                &expected_path,
                format!("says `twin = false`, but examples/{name}.py exists"),
            )),
            _ => {}
        }
        examples.push(example_at(&dir, name, path.clone(), expected));
    }
    let layout = Layout::at(root);
    let problems = problems.iter().map(|p| p.render(&layout)).collect();
    Ok((examples, problems))
}

/// Every `examples/*.rs`, with its expectation, or an empty one where it
/// has none yet: what `cargo xtask bless` starts from. The layout rules are
/// not applied (writing the missing expectation is what bless is for).
pub fn discover_unblessed(root: &Path) -> Result<Vec<Example>> {
    let dir = root.join(EXAMPLES_DIR);
    let mut examples = Vec::new();
    for (name, rust) in files_ending(&dir, ".rs")? {
        let expected_path = dir.join(format!("{name}{EXPECTED_SUFFIX}"));
        let expected = if expected_path.exists() {
            ExpectationFile::load(&expected_path)?
        } else {
            ExpectationFile::parse("stdout = \"\"")?
        };
        examples.push(example_at(&dir, &name, rust, expected));
    }
    Ok(examples)
}

/// The example `name` of `dir`; its twin is `NAME.py` when that exists.
fn example_at(dir: &Path, name: &str, rust: PathBuf, expected: ExpectationFile) -> Example {
    let python = dir.join(format!("{name}.py"));
    Example {
        name: name.to_string(),
        rust,
        python: python.is_file().then_some(python),
        expected_path: dir.join(format!("{name}{EXPECTED_SUFFIX}")),
        expected,
    }
}

/// Every compile-fail program, with the error code it declares.
pub fn discover_compile_fail(root: &Path) -> Result<Vec<CompileFail>> {
    let dir = root.join(COMPILE_FAIL_DIR);
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut problems = Vec::new();
    let mut programs = Vec::new();
    for (name, source) in files_ending(&dir, ".rs")? {
        let text = std::fs::read_to_string(&source)?;
        let codes: Vec<&str> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix(ERROR_MARKER))
            .map(str::trim)
            .collect();
        match codes.as_slice() {
            [code] if is_error_code(code) || is_lint_name(code) || code.starts_with(ERROR_HEADLINE) => {
                programs.push(CompileFail {
                name: name.clone(),
                stderr: dir.join(format!("{name}.stderr")),
                source,
                error_code: code.to_string(),
                })
            }
            _ => problems.push(Diagnostic::file(
                &source,
                format!(
                    "needs exactly one line `{ERROR_MARKER} E0000` naming the error it must fail with \
                     (or `{ERROR_MARKER} lint_name` for a lint that is an error by default, or \
                     `{ERROR_MARKER} error: HEADLINE` for an error with no code)"
                ),
            )),
        }
    }
    for (name, path) in files_ending(&dir, ".stderr")? {
        if !dir.join(format!("{name}.rs")).exists() {
            problems.push(Diagnostic::file(
                &path,
                format!("rustc output without its program {name}.rs"),
            ));
        }
    }
    if problems.is_empty() {
        Ok(programs)
    } else {
        bail!("{}", render_all(&problems, &Layout::at(root)))
    }
}

fn is_error_code(code: &str) -> bool {
    code.len() == 5 && code.starts_with('E') && code[1..].chars().all(|c| c.is_ascii_digit())
}

fn is_lint_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
}
