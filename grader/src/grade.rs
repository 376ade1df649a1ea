//! Grading one file as one exercise: build its package, list its tests, run
//! them under the exercise's timeout, and turn what happened into a verdict.

use crate::manifest::{Exercise, Repo};
use crate::package::{self, Built, Subject};
use crate::run::{self, Exit, Keep, Streams};
use crate::stacks;
use crate::stub;
use crate::verdict::{self, Stacks, Verdict};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Listing the tests runs no learner code; this is only a guard
/// (crates/course-kit/limits.toml).
fn list_timeout() -> Duration {
    course_kit::limits::secs(course_kit::limits::get().grader.list)
}

/// How much of a test run's output to keep: its start and its end (where
/// libtest's summary is). A flood of printing loses its middle.
const KEEP: Keep = Keep {
    head: 256 << 10,
    tail: 256 << 10,
};

/// The file that `subject` stands for. The stub is written from the
/// solution into `target/grader/stubs/`, never into `exercises/`.
pub fn subject_file(repo: &Repo, ex: &Exercise, subject: &Subject) -> Result<PathBuf, String> {
    Ok(match subject {
        Subject::Learner => repo.learner_file(ex),
        Subject::Solution => repo.solution_file(ex),
        Subject::Wrong(kind) => repo.wrong_dir(ex).join(format!("{kind}.rs")),
        Subject::Stub => {
            let stub = stub_text(repo, ex)?;
            let path = repo
                .work_dir()
                .join("stubs")
                .join(&ex.chapter)
                .join(format!("{}.rs", ex.name));
            let write = || -> std::io::Result<()> {
                fs::create_dir_all(path.parent().expect("a stub path has a parent"))?;
                if fs::read_to_string(&path).ok().as_deref() != Some(stub.as_str()) {
                    fs::write(&path, &stub)?;
                }
                Ok(())
            };
            write().map_err(|e| format!("cannot write {}: {e}", repo.rel(&path)))?;
            path
        }
    })
}

/// The pristine stub of `ex`, made from its solution.
pub fn stub_text(repo: &Repo, ex: &Exercise) -> Result<String, String> {
    let path = repo.solution_file(ex);
    let solution =
        fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", repo.rel(&path)))?;
    stub::from_solution(&solution).map_err(|e| format!("{}: {e}", repo.rel(&path)))
}

/// Whether the learner's file is still the stub (`None`: no such file).
pub fn untouched(repo: &Repo, ex: &Exercise) -> Option<bool> {
    let learner = fs::read_to_string(repo.learner_file(ex)).ok()?;
    Some(stub_text(repo, ex).is_ok_and(|stub| stub::is_untouched(&learner, &stub)))
}

/// A verdict, and rustc's warnings about the graded file: shown, but never
/// part of the verdict (a warning does not turn a pass into a fail).
#[derive(Debug)]
pub struct Graded {
    pub verdict: Verdict,
    pub warnings: Vec<String>,
}

/// Grades `subject` as exercise `ex`.
pub fn grade(repo: &Repo, ex: &Exercise, subject: &Subject) -> Graded {
    match prepare(repo, ex, subject) {
        Prepared::Built(built) => test(repo, ex, built),
        Prepared::Decided(graded) => graded,
    }
}

/// A subject after its build: either a test program to run, or already a
/// verdict (it is missing, or did not compile).
#[derive(Debug)]
pub enum Prepared {
    Built(BuiltTests),
    Decided(Graded),
}

/// A subject's test program, built and ready to run. Running it needs no
/// cargo, so `verify` runs it on a thread of its own while the next
/// subject builds.
#[derive(Debug)]
pub struct BuiltTests {
    program: PathBuf,
    package_dir: PathBuf,
    lib: PathBuf,
    warnings: Vec<String>,
}

/// Builds `subject` (the first half of [`grade`]).
pub fn prepare(repo: &Repo, ex: &Exercise, subject: &Subject) -> Prepared {
    let decided = |verdict, warnings| Prepared::Decided(Graded { verdict, warnings });
    let lib = match subject_file(repo, ex, subject) {
        Ok(lib) => lib,
        Err(why) => return decided(Verdict::Trouble { why }, Vec::new()),
    };
    if !lib.is_file() {
        let file = repo.rel(&lib);
        return decided(Verdict::Missing { file }, Vec::new());
    }
    let build = match package::build(repo, ex, subject, &lib) {
        Ok(build) => build,
        Err(e) => return decided(cargo_trouble(&e), Vec::new()),
    };
    match build.built {
        Built::TestProgram(program) => Prepared::Built(BuiltTests {
            program,
            package_dir: package::package_dir(repo, ex, subject),
            lib,
            warnings: build.warnings,
        }),
        Built::CompileError { errors, explain } => {
            decided(Verdict::CompileError { errors, explain }, build.warnings)
        }
        Built::Trouble(why) => decided(Verdict::Trouble { why }, build.warnings),
    }
}

fn cargo_trouble(error: &std::io::Error) -> Verdict {
    Verdict::Trouble {
        why: format!("{error} (is cargo installed and on PATH?)"),
    }
}

/// Lists and runs the tests of a built subject (the second half of
/// [`grade`]).
pub fn test(repo: &Repo, ex: &Exercise, built: BuiltTests) -> Graded {
    let warnings = built.warnings.clone();
    let verdict = run_tests(repo, ex, &built).unwrap_or_else(|e| cargo_trouble(&e));
    Graded { verdict, warnings }
}

fn run_tests(repo: &Repo, ex: &Exercise, built: &BuiltTests) -> std::io::Result<Verdict> {
    let mut list = test_command(&built.program, &built.package_dir);
    list.arg("--list");
    let listed = run::run(list, list_timeout(), Streams::Separate, KEEP)?;
    let tests = crate::libtest::parse_list(&listed.out.text());
    if listed.exit != Exit::Code(0) || tests.is_empty() {
        return Ok(Verdict::Trouble {
            why: format!(
                "listing the tests of {} found none ({:?})",
                repo.rel(&repo.tests_file(ex)),
                listed.exit
            ),
        });
    }

    let mut command = test_command(&built.program, &built.package_dir);
    command.arg("--test-threads=1");
    stacks::gdb::let_the_grader_trace(&mut command);
    let (finished, seen) = run::run_inspecting(command, ex.timeout, KEEP, |pid| {
        (pid, stacks::gdb::capture(pid, stacks::gdb::capture_limit()))
    })?;
    let yours = repo.rel(&built.lib);
    let mut verdict = verdict::classify(&tests, &finished, ex.timeout, &yours, |text| {
        repo.shorten(text)
    });
    if let (Verdict::TimedOut { test, stacks, .. }, Some((pid, captured))) = (&mut verdict, seen) {
        let files = stacks::report::Files {
            root: &repo.root,
            yours: &yours,
            tests: &repo.rel(&repo.tests_file(ex)),
        };
        *stacks = match captured {
            Ok(threads) => Stacks::Shown(stacks::Hang::from_threads(
                &threads,
                pid,
                test.as_deref(),
                &files,
            )),
            Err(why) => Stacks::NotShown(why),
        };
    }
    Ok(verdict)
}

/// The test program, with an environment that a learner's shell settings
/// cannot change: one test at a time, output captured, short backtraces (the
/// grader reads them to point at the learner's line, and shows only that).
fn test_command(program: &Path, dir: &Path) -> Command {
    let mut command = Command::new(program);
    command
        .current_dir(dir)
        .env("RUST_BACKTRACE", "1")
        .env_remove("RUST_LIB_BACKTRACE")
        .env_remove("RUST_TEST_NOCAPTURE")
        .env_remove("RUST_TEST_THREADS")
        .env_remove("RUST_TEST_SHUFFLE")
        .env_remove("RUST_TEST_TIME_UNIT");
    command
}
