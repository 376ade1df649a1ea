//! Runs one example the way the test suite and `bless` both do.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::examples::Example;
use crate::expect::{self, Actual, Expected};
use crate::fresh;
use crate::run::{self, Outcome};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Rust,
    Python,
}

/// Where cargo puts the compiled examples of this workspace.
pub fn examples_bin_dir(root: &Path) -> PathBuf {
    course_kit::Layout::at(root).examples_bin_dir()
}

/// The command that runs `example` in `language`, with the environment
/// every run gets (a fixed panic message format, unbuffered Python).
pub fn command(root: &Path, example: &Example, language: Language) -> Command {
    command_with(root, example, language, &python())
}

/// [`command`], with the twin run by `python` (the free-threaded CPython,
/// for a timeline).
pub fn command_with(root: &Path, example: &Example, language: Language, python: &str) -> Command {
    let mut command = match language {
        Language::Rust => Command::new(examples_bin_dir(root).join(&example.name)),
        Language::Python => {
            let mut command = Command::new(python);
            command.arg(example.python.as_ref().expect("only twins are run"));
            command
        }
    };
    command
        .current_dir(root)
        .env("RUST_BACKTRACE", "0")
        .env("PYTHONUNBUFFERED", "1");
    command
}

/// The Python that runs the twins: `$PYTHON`, else `python3`.
pub fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// Runs and returns what came out, or an error that names the example.
pub fn capture(
    root: &Path,
    example: &Example,
    language: Language,
    timeout_secs: u64,
) -> Result<Actual, String> {
    let what = label(example, language);
    if language == Language::Rust {
        // Never run a binary left over from an older version of the source.
        let binary = examples_bin_dir(root).join(&example.name);
        fresh::ensure_current(&binary, &example.rust, &example.name)?;
    }
    let outcome = run::run_captured(
        &what,
        &mut command(root, example, language),
        Duration::from_secs(timeout_secs),
    )
    .map_err(|e| format!("{e:#}"))?;
    match outcome {
        Outcome::Finished(done) => Ok(Actual {
            stdout: done.stdout,
            stderr: done.stderr,
            exit_code: done.exit_code,
        }),
        Outcome::TimedOut { stdout, stderr } => Err(format!(
            "{what} timed out after {timeout_secs} s and was killed (a hang or a deadlock?)\n\
             --- stdout so far ---\n{stdout}--- stderr so far ---\n{stderr}"
        )),
    }
}

/// Runs the example and compares it with its expectation.
pub fn check(root: &Path, example: &Example, language: Language) -> Result<(), String> {
    let expected: Expected = match language {
        Language::Rust => example.expected.for_rust(),
        Language::Python => example.expected.for_python(),
    };
    let actual = capture(root, example, language, expected.timeout_secs)?;
    expect::check(&expected, &actual).map_err(|differences| {
        format!(
            "{} does not match {}:\n{differences}",
            label(example, language),
            example
                .expected_path
                .strip_prefix(root)
                .unwrap_or(&example.expected_path)
                .display()
        )
    })
}

fn label(example: &Example, language: Language) -> String {
    match language {
        Language::Rust => format!("example {} (examples/{}.rs)", example.name, example.name),
        Language::Python => format!(
            "Python twin {} (examples/{}.py)",
            example.name, example.name
        ),
    }
}
