//! The expectation file `examples/NAME.expected.toml` and its matcher.
//!
//! The same format and the same three markers are implemented by
//! `tests/expect.py` for the Python twins; `tests/expect_cases.toml` holds
//! cases that both implementations must agree on.

use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

/// Default time one run of an example may take before it counts as hung
/// (`[examples] run` of crates/course-kit/limits.toml).
pub fn default_timeout_secs() -> u64 {
    course_kit::limits::get().examples.run
}

/// The file as written on disk; every key is optional but `stdout`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectationFile {
    pub stdout: String,
    #[serde(default)]
    pub stderr: String,
    #[serde(default)]
    pub exit_code: i32,
    pub timeout_secs: Option<u64>,
    pub python: Option<PythonOverride>,
}

/// How the Python twin differs from the Rust program, and why.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PythonOverride {
    pub reason: String,
    #[serde(default = "yes")]
    pub twin: bool,
    pub stdout: Option<String>,
    pub stderr: Option<String>,
    pub exit_code: Option<i32>,
}

fn yes() -> bool {
    true
}

/// What one run (Rust or Python) must produce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
    pub timeout_secs: u64,
}

/// What one run produced.
#[derive(Debug, Clone)]
pub struct Actual {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: Option<i32>,
}

impl ExpectationFile {
    /// Reads and validates an expectation; errors name the file.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        Self::parse(&text).with_context(|| format!("{}: malformed expectation", path.display()))
    }

    pub fn parse(text: &str) -> Result<Self> {
        let file: ExpectationFile = toml::from_str(text)?;
        file.validate()?;
        Ok(file)
    }

    fn validate(&self) -> Result<()> {
        validate_markers("stdout", &self.stdout)?;
        validate_markers("stderr", &self.stderr)?;
        if let Some(py) = &self.python {
            if py.reason.trim().is_empty() {
                bail!("[python] needs a `reason` saying why the twin differs");
            }
            let overrides = py.stdout.is_some() || py.stderr.is_some() || py.exit_code.is_some();
            if !py.twin && overrides {
                bail!("[python] says `twin = false` but also gives expectations for the twin");
            }
            if py.twin && !overrides {
                bail!(
                    "[python] gives a reason but overrides nothing: drop the table or add `twin = false`"
                );
            }
            for (key, text) in [("python.stdout", &py.stdout), ("python.stderr", &py.stderr)] {
                if let Some(text) = text {
                    validate_markers(key, text)?;
                }
            }
        }
        Ok(())
    }

    pub fn has_twin(&self) -> bool {
        self.python.as_ref().is_none_or(|py| py.twin)
    }

    pub fn for_rust(&self) -> Expected {
        Expected {
            stdout: self.stdout.clone(),
            stderr: self.stderr.clone(),
            exit_code: self.exit_code,
            timeout_secs: self.timeout_secs.unwrap_or_else(default_timeout_secs),
        }
    }

    pub fn for_python(&self) -> Expected {
        let mut expected = self.for_rust();
        if let Some(py) = &self.python {
            if let Some(stdout) = &py.stdout {
                expected.stdout = stdout.clone();
            }
            if let Some(stderr) = &py.stderr {
                expected.stderr = stderr.clone();
            }
            if let Some(code) = py.exit_code {
                expected.exit_code = code;
            }
        }
        expected
    }
}

/// `[any order]` must be closed by `[end]`, blocks do not nest, and `...`
/// cannot stand inside a block (a block is an exact set of lines).
fn validate_markers(key: &str, text: &str) -> Result<()> {
    let mut open_at: Option<usize> = None;
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        match (line, open_at) {
            (ANY_ORDER, Some(start)) => {
                bail!("{key} line {line_no}: `[any order]` inside the block opened at line {start}")
            }
            (ANY_ORDER, None) => open_at = Some(line_no),
            (END, None) => bail!("{key} line {line_no}: `[end]` without `[any order]`"),
            (END, Some(_)) => open_at = None,
            (ELLIPSIS, Some(start)) => {
                bail!("{key} line {line_no}: `...` inside the `[any order]` block of line {start}")
            }
            _ => {}
        }
    }
    if let Some(start) = open_at {
        bail!("{key} line {start}: `[any order]` is never closed by `[end]`");
    }
    Ok(())
}

pub const ANY_ORDER: &str = "[any order]";
pub const END: &str = "[end]";
pub const ELLIPSIS: &str = "...";
pub const WILDCARD: &str = "[..]";

/// One piece of a parsed pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item<'a> {
    Line(&'a str),
    AnyOrder(Vec<&'a str>),
    AnyLines,
}

fn parse_items(pattern: &str) -> Vec<Item<'_>> {
    let mut items = Vec::new();
    let mut block: Option<Vec<&str>> = None;
    for line in pattern.lines() {
        match (line, block.as_mut()) {
            (ANY_ORDER, _) => block = Some(Vec::new()),
            (END, Some(_)) => items.push(Item::AnyOrder(block.take().unwrap_or_default())),
            (_, Some(lines)) => lines.push(line),
            (ELLIPSIS, None) => items.push(Item::AnyLines),
            (_, None) => items.push(Item::Line(line)),
        }
    }
    items
}

/// Does one actual line match one pattern line (`[..]` = any text)?
pub fn line_matches(pattern: &str, actual: &str) -> bool {
    let pieces: Vec<&str> = pattern.split(WILDCARD).collect();
    if pieces.len() == 1 {
        return pattern == actual;
    }
    let (first, last) = (pieces[0], pieces[pieces.len() - 1]);
    let fits = actual.len() >= first.len() + last.len();
    if !fits || !actual.starts_with(first) || !actual.ends_with(last) {
        return false;
    }
    let mut rest = &actual[first.len()..actual.len() - last.len()];
    // With only `[..]` wildcards, taking each middle piece at its leftmost
    // position is optimal.
    for piece in &pieces[1..pieces.len() - 1] {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    true
}

/// Does the whole output match the pattern?
pub fn text_matches(pattern: &str, actual: &str) -> bool {
    let items = parse_items(pattern);
    let lines: Vec<&str> = actual.lines().collect();
    items_match(&items, &lines)
}

fn items_match(items: &[Item<'_>], lines: &[&str]) -> bool {
    let Some((item, rest_items)) = items.split_first() else {
        return lines.is_empty();
    };
    match item {
        Item::Line(pattern) => lines.split_first().is_some_and(|(line, rest)| {
            line_matches(pattern, line) && items_match(rest_items, rest)
        }),
        Item::AnyLines => (0..=lines.len()).any(|skip| items_match(rest_items, &lines[skip..])),
        Item::AnyOrder(patterns) => {
            lines.len() >= patterns.len()
                && block_matches(patterns, &lines[..patterns.len()])
                && items_match(rest_items, &lines[patterns.len()..])
        }
    }
}

/// The thread a line of an `[any order]` block says printed it: the text
/// before its first `": "` (`worker 2: hello` -> `worker 2`), if that text
/// is not empty and has no `[..]`. Lines without one belong to no thread.
pub fn thread_label(line: &str) -> Option<&str> {
    let (label, _) = line.split_once(THREAD_SEPARATOR)?;
    (!label.trim().is_empty() && !label.contains(WILDCARD)).then_some(label)
}

/// Separates a thread's label from the rest of its line.
pub const THREAD_SEPARATOR: &str = ": ";

/// An `[any order]` block matches when its lines are the block's lines as a
/// multiset, and each thread's own lines keep their order: for every label
/// of the pattern, the block's lines with that label match the pattern's
/// lines with that label one by one, in order.
fn block_matches(patterns: &[&str], lines: &[&str]) -> bool {
    multiset_matches(patterns, lines) && threads_keep_their_order(patterns, lines)
}

fn threads_keep_their_order(patterns: &[&str], lines: &[&str]) -> bool {
    let mut labels: Vec<&str> = patterns.iter().filter_map(|p| thread_label(p)).collect();
    labels.sort_unstable();
    labels.dedup();
    labels.into_iter().all(|label| {
        let (wanted, printed) = (lines_of(label, patterns), lines_of(label, lines));
        wanted.len() == printed.len()
            && wanted
                .iter()
                .zip(&printed)
                .all(|(pattern, line)| line_matches(pattern, line))
    })
}

/// The texts whose label (before the first `": "`) is `label`, in order.
fn lines_of<'a>(label: &str, texts: &[&'a str]) -> Vec<&'a str> {
    texts
        .iter()
        .copied()
        .filter(|text| {
            text.split_once(THREAD_SEPARATOR)
                .is_some_and(|(head, _)| head == label)
        })
        .collect()
}

/// Every line of the block is used by exactly one pattern. Exact patterns
/// are placed first so that a `[..]` pattern cannot take their line.
fn multiset_matches(patterns: &[&str], lines: &[&str]) -> bool {
    let mut unused: Vec<&str> = lines.to_vec();
    let (exact, wild): (Vec<&str>, Vec<&str>) = patterns
        .iter()
        .partition(|pattern| !pattern.contains(WILDCARD));
    for pattern in exact.into_iter().chain(wild) {
        match unused.iter().position(|line| line_matches(pattern, line)) {
            Some(at) => {
                unused.remove(at);
            }
            None => return false,
        }
    }
    unused.is_empty()
}

/// Compares a run with its expectation; the error shows what differs.
pub fn check(expected: &Expected, actual: &Actual) -> std::result::Result<(), String> {
    let mut problems = Vec::new();
    match actual.exit_code {
        Some(code) if code == expected.exit_code => {}
        Some(code) => problems.push(format!(
            "exit code: expected {}, got {code}",
            expected.exit_code
        )),
        None => problems.push(format!(
            "exit code: expected {}, but the process was killed by a signal",
            expected.exit_code
        )),
    }
    for (stream, pattern, text) in [
        ("stdout", &expected.stdout, &actual.stdout),
        ("stderr", &expected.stderr, &actual.stderr),
    ] {
        if !text_matches(pattern, text) {
            problems.push(format!(
                "{stream} differs (- expected, + actual):\n{}",
                diff(pattern, text)
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// A unified diff of the expectation against the output.
pub fn diff(expected: &str, actual: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .context_radius(3)
        .header("expected", "actual")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cases `tests/test_expect_format.py` runs against the Python matcher.
    #[test]
    fn shared_cases_agree_with_the_python_matcher() {
        #[derive(Deserialize)]
        struct Cases {
            case: Vec<Case>,
        }
        #[derive(Deserialize)]
        struct Case {
            name: String,
            pattern: String,
            actual: String,
            matches: bool,
        }
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/expect_cases.toml");
        let cases: Cases = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert!(cases.case.len() > 10);
        for case in cases.case {
            assert_eq!(
                text_matches(&case.pattern, &case.actual),
                case.matches,
                "{}",
                case.name
            );
        }
    }

    #[test]
    fn wildcards_match_within_one_line_only() {
        assert!(line_matches("cores: [..]", "cores: 2"));
        assert!(line_matches(
            "[..] ([..]) panicked",
            "thread 'main' (17) panicked"
        ));
        assert!(!line_matches("cores: [..]", "threads: 2"));
        assert!(!line_matches("a[..]a", "a"));
    }

    #[test]
    fn malformed_markers_are_rejected() {
        assert!(ExpectationFile::parse("stdout = \"[any order]\\na\\n\"").is_err());
        assert!(ExpectationFile::parse("stdout = \"[end]\\n\"").is_err());
        assert!(ExpectationFile::parse("stdout = \"a\"\nunknown = 1").is_err());
        assert!(
            ExpectationFile::parse("stdout = \"a\"\n[python]\nreason = \"\"\nstdout = \"b\"")
                .is_err()
        );
    }

    #[test]
    fn python_override_replaces_only_what_it_names() {
        let file = ExpectationFile::parse(
            "stdout = \"a\\n\"\nexit_code = 101\n[python]\nreason = \"r\"\nexit_code = 1\n",
        )
        .unwrap();
        assert_eq!(file.for_python().exit_code, 1);
        assert_eq!(file.for_python().stdout, "a\n");
        assert_eq!(file.for_rust().exit_code, 101);
    }
}
