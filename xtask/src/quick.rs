//! `cargo xtask quick`: a contributor's loop of seconds. It runs only the
//! checks that cover the files a change touched (or the examples and
//! exercises named), each under the same limits as `cargo xtask test`, and
//! says which changed files no quick check covers.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use course_kit::limits;

use crate::examples;
use crate::run::{Outcome, last_lines, run_captured};
use crate::suite::{self, Language};
use crate::tools;

/// One check of the quick loop.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Check {
    /// The page rules, quizzes and timelines (`cargo xtask check-book`).
    Book,
    /// An example and its twin against their expectation.
    Example(String),
    /// The compile-fail programs against their recorded errors.
    CompileFail,
    /// An exercise: `cargo grade verify NAME`.
    Exercise(String),
    /// An exercise's Python version and its known-wrong Python answers.
    PythonExercise { chapter: String, name: String },
    /// A crate of the tooling: its own tests.
    Crate(String),
    /// One pytest file of `tests/`.
    Pytest(String),
    /// A changed file that no quick check covers.
    Uncovered(String),
}

/// The checks for the files `paths` (relative to the root, `/`-separated).
pub fn checks_for(paths: &[String]) -> Vec<Check> {
    let mut checks: Vec<Check> = paths.iter().flat_map(|p| checks_for_file(p)).collect();
    checks.sort();
    checks.dedup();
    checks
}

fn checks_for_file(path: &str) -> Vec<Check> {
    let parts: Vec<&str> = path.split('/').collect();
    let stem = |file: &str| file.split('.').next().unwrap_or(file).to_owned();
    match parts.as_slice() {
        ["examples", "compile_fail", ..] => vec![Check::CompileFail, Check::Book],
        ["examples" | "exercises", "README.md"] => {
            vec![Check::Pytest("tests/test_readme_snippets.py".into())]
        }
        ["tests", file] if file.ends_with(".py") => vec![Check::Pytest(path.into())],
        ["tests", "browser", ..] => vec![Check::Uncovered(path.into())],
        ["tests", file] if file.ends_with(".rs") => {
            vec![Check::Crate("rust-concurrency-course".into())]
        }
        ["examples", file] => vec![Check::Example(stem(file)), Check::Book],
        ["src" | "quizzes" | "timelines" | "theme", ..] | ["book.toml"] => vec![Check::Book],
        ["exercises", "support", ..] => vec![Check::Uncovered(path.into())],
        ["exercises", chapter, "tests", file] if file.ends_with(".py") => {
            let name = stem(file).trim_start_matches("test_").to_owned();
            vec![python_exercise(chapter, &name)]
        }
        ["exercises", _, "tests", file] | ["exercises", _, file] if file.ends_with(".rs") => {
            vec![Check::Exercise(stem(file))]
        }
        ["solutions", chapter, file] if file.ends_with(".py") => {
            vec![python_exercise(chapter, &stem(file))]
        }
        ["solutions", chapter, "wrong", name, file] if file.ends_with(".py") => {
            vec![python_exercise(chapter, name)]
        }
        ["solutions", _, "wrong", name, _] => vec![Check::Exercise((*name).to_owned())],
        ["solutions", _, "stubs", file] | ["solutions", _, file] => {
            vec![Check::Exercise(stem(file))]
        }
        ["xtask", ..] => vec![Check::Crate("xtask".into())],
        ["grader", ..] => vec![Check::Crate("grader".into())],
        ["crates", krate, ..] => vec![Check::Crate((*krate).to_owned())],
        _ => vec![Check::Uncovered(path.into())],
    }
}

fn python_exercise(chapter: &str, name: &str) -> Check {
    Check::PythonExercise {
        chapter: chapter.to_owned(),
        name: name.to_owned(),
    }
}

/// The checks for names given on the command line: an example, an
/// exercise, or a file's path.
fn checks_for_names(root: &Path, names: &[String]) -> Result<Vec<Check>> {
    let examples = examples::discover(root)?;
    let manifest = std::fs::read_to_string(root.join("exercises/info.toml"))?;
    let mut paths = Vec::new();
    let mut checks = Vec::new();
    for name in names {
        if examples.iter().any(|e| &e.name == name) {
            checks.extend([Check::Example(name.clone()), Check::Book]);
        } else if let Some(chapter) = exercise_chapter(&manifest, name) {
            checks.extend([
                Check::Exercise(name.clone()),
                python_exercise(&chapter, name),
            ]);
        } else if root.join(name).exists() {
            paths.push(name.trim_start_matches("./").to_owned());
        } else {
            bail!("`{name}` is no example, no exercise of exercises/info.toml and no file");
        }
    }
    checks.extend(checks_for(&paths));
    checks.sort();
    checks.dedup();
    Ok(checks)
}

/// The chapter of exercise `name` in info.toml's text.
fn exercise_chapter(manifest: &str, name: &str) -> Option<String> {
    let table: toml::Table = manifest.parse().ok()?;
    table.get("exercises")?.as_array()?.iter().find_map(|ex| {
        (ex.get("name")?.as_str()? == name)
            .then(|| ex.get("chapter")?.as_str().map(str::to_owned))?
    })
}

/// The files changed since the last commit, untracked ones included.
fn changed_files(root: &Path) -> Result<Vec<String>> {
    let mut git = Command::new("git");
    git.args(["status", "--porcelain=v1", "--untracked-files=all"])
        .current_dir(root);
    let out = course_kit::run::query(&mut git)?;
    Ok(out
        .lines()
        .filter_map(|line| line.get(3..))
        // A rename shows as `old -> new`: the new name is the file now.
        .map(|path| path.rsplit(" -> ").next().unwrap_or(path).trim_matches('"'))
        .map(str::to_owned)
        .collect())
}

pub fn run(root: &Path, names: &[String]) -> Result<()> {
    let checks = if names.is_empty() {
        let changed = changed_files(root)?;
        if changed.is_empty() {
            println!(
                "Nothing changed since the last commit. Name what to check: \
                 `cargo xtask quick NAME` (an example, an exercise or a file)."
            );
            return Ok(());
        }
        checks_for(&changed)
    } else {
        checks_for_names(root, names)?
    };
    let (mut passed, mut failed) = (0, 0);
    for check in &checks {
        if let Check::Uncovered(path) = check {
            println!("--   {path}: no quick check covers it; `cargo xtask test` does");
            continue;
        }
        let started = Instant::now();
        let result = run_check(root, check);
        let took = started.elapsed().as_secs_f64();
        match result {
            Ok(what) => {
                passed += 1;
                println!("ok   {what} ({took:.1} s)");
            }
            Err(why) => {
                failed += 1;
                println!("FAIL {}: {why} ({took:.1} s)", describe(check));
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        bail!("{failed} quick check(s) failed");
    }
    Ok(())
}

fn describe(check: &Check) -> String {
    match check {
        Check::Book => "book check".into(),
        Check::Example(name) => format!("example {name}"),
        Check::CompileFail => "compile-fail programs".into(),
        Check::Exercise(name) => format!("exercise {name}"),
        Check::PythonExercise { name, .. } => format!("exercise {name} (Python)"),
        Check::Crate(name) => format!("crate {name}"),
        Check::Pytest(file) => format!("pytest {file}"),
        Check::Uncovered(path) => path.clone(),
    }
}

fn run_check(root: &Path, check: &Check) -> Result<String, String> {
    let xtask = &limits::get().xtask;
    let secs = limits::secs;
    match check {
        Check::Book => crate::book::check(root)
            .map(|n| format!("book check: {n} chapters"))
            .map_err(|e| format!("{e:#}")),
        Check::Example(name) => example(root, name),
        Check::CompileFail => cargo(
            root,
            &[
                "test",
                "--quiet",
                "--test",
                "compile_fail",
                "--test",
                "compile_fail_declared",
            ],
            secs(xtask.cargo_test),
        )
        .map(|()| "compile-fail programs: rustc's errors as recorded".into()),
        Check::Exercise(name) => cargo(root, &["grade", "verify", name], secs(xtask.grade_verify))
            .map(|()| format!("exercise {name}: cargo grade verify {name}")),
        Check::PythonExercise { chapter, name } => {
            let tests = format!("exercises/{chapter}/tests/test_{name}.py");
            let wrong = "exercises/test_wrong_python_answers.py";
            pytest(root, &[&tests, wrong, "-k", name], secs(xtask.pytest))
                .map(|()| format!("exercise {name} (Python): {tests} and its wrong answers"))
        }
        Check::Crate(name) => cargo(
            root,
            &["test", "--quiet", "-p", name],
            secs(xtask.cargo_test),
        )
        .map(|()| format!("crate {name}: cargo test -p {name}")),
        Check::Pytest(file) => {
            pytest(root, &[file], secs(xtask.pytest)).map(|()| format!("pytest {file}"))
        }
        Check::Uncovered(path) => Err(format!("{path}: no quick check")),
    }
}

/// Builds the example, runs it and its twin against the expectation (the
/// twin through pytest, as the test suite does), and lints the twin.
fn example(root: &Path, name: &str) -> Result<String, String> {
    let xtask = &limits::get().xtask;
    let found = examples::discover(root).map_err(|e| format!("{e:#}"))?;
    let Some(example) = found.iter().find(|e| e.name == name) else {
        // A deleted example: the book check says whether a page still shows it.
        return Ok(format!(
            "example {name}: gone (the book check covers its pages)"
        ));
    };
    cargo(
        root,
        &["build", "--quiet", "--example", name],
        limits::secs(xtask.build),
    )?;
    suite::check(root, example, Language::Rust)?;
    if example.python.is_none() {
        return Ok(format!("example {name}: Rust (no twin)"));
    }
    let twin = format!("examples/{name}.py");
    pytest(
        root,
        &[
            "tests/test_twins.py",
            "tests/test_twin_output.py",
            "-k",
            name,
        ],
        limits::secs(xtask.pytest),
    )?;
    venv_tool(root, "ruff", &["check", &twin], limits::secs(xtask.ruff))?;
    Ok(format!("example {name}: Rust and Python twin, ruff"))
}

fn cargo(root: &Path, args: &[&str], limit: Duration) -> Result<(), String> {
    let mut command = Command::new("cargo");
    command.args(args).current_dir(root);
    finished(&format!("cargo {}", args.join(" ")), &mut command, limit)
}

fn pytest(root: &Path, args: &[&str], limit: Duration) -> Result<(), String> {
    let mut all = vec!["-m", "pytest", "-q", "-p", "no:cacheprovider"];
    all.extend_from_slice(args);
    venv_tool(root, "python", &all, limit)
}

fn venv_tool(root: &Path, tool: &str, args: &[&str], limit: Duration) -> Result<(), String> {
    let bin = tools::ensure_venv(root).map_err(|e| format!("{e:#}"))?;
    let mut command = Command::new(bin.join(tool));
    command.args(args).current_dir(root);
    finished(&format!("{tool} {}", args.join(" ")), &mut command, limit)
}

/// Runs `command`; on failure, the end of what it printed.
fn finished(what: &str, command: &mut Command, limit: Duration) -> Result<(), String> {
    match run_captured(what, command, limit).map_err(|e| format!("{e:#}"))? {
        Outcome::Finished(done) if done.exit_code == Some(0) => Ok(()),
        Outcome::Finished(done) => Err(format!(
            "`{what}` failed:\n{}",
            last_lines(&format!("{}{}", done.stdout, done.stderr), 40)
        )),
        Outcome::TimedOut { .. } => Err(format!(
            "`{what}` timed out after {} s and was stopped",
            limit.as_secs()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(list: &[&str]) -> Vec<String> {
        list.iter().map(|p| (*p).to_owned()).collect()
    }

    #[test]
    fn each_kind_of_file_gets_the_checks_that_cover_it() {
        let checks = checks_for(&paths(&[
            "examples/threads_spawn_join.py",
            "examples/threads_spawn_join.expected.toml",
            "quizzes/threads-spawn-join.toml",
            "examples/compile_fail/threads_missing_move.rs",
            "solutions/shared/wrong/shared_bank_transfer/naive_lock_order.rs",
            "solutions/shared/wrong/shared_bank_transfer/sleep_first.py",
            "exercises/threads/tests/test_threads_sum_five.py",
            "grader/src/verdict.rs",
            "README.md",
        ]));
        assert_eq!(
            checks,
            vec![
                Check::Book,
                Check::Example("threads_spawn_join".into()),
                Check::CompileFail,
                Check::Exercise("shared_bank_transfer".into()),
                Check::PythonExercise {
                    chapter: "shared".into(),
                    name: "shared_bank_transfer".into()
                },
                Check::PythonExercise {
                    chapter: "threads".into(),
                    name: "threads_sum_five".into()
                },
                Check::Crate("grader".into()),
                Check::Uncovered("README.md".into()),
            ]
        );
    }

    #[test]
    fn an_exercise_is_found_in_the_manifest() {
        let manifest = "[[exercises]]\nname = \"a\"\nchapter = \"threads\"\n";
        assert_eq!(exercise_chapter(manifest, "a").as_deref(), Some("threads"));
        assert_eq!(exercise_chapter(manifest, "b"), None);
    }
}
