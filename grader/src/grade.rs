//! Grading one file as one exercise: build its package, list its tests, run
//! them under the exercise's timeout, and turn what happened into a verdict.
//! A loom exercise whose tests pass is built and run a second time under
//! loom, with the same limits and runner.

use crate::manifest::{Exercise, Repo};
use crate::package::{self, Built, Flavor, Subject};
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
#[derive(Debug, Clone)]
pub struct BuiltTests {
    subject: Subject,
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
            subject: subject.clone(),
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
    let verdict = run_tests(repo, ex, &built, Flavor::Std).unwrap_or_else(|e| cargo_trouble(&e));
    let verdict = match verdict {
        Verdict::Passed { tests, .. } if ex.loom => {
            under_loom(repo, ex, &built, tests).unwrap_or_else(|e| cargo_trouble(&e))
        }
        verdict => verdict,
    };
    Graded { verdict, warnings }
}

/// The second half of a loom exercise's grading, once its `passed` tests
/// pass: the same tests, built with `--cfg loom`, run again. Their failure
/// is a `failed` verdict that says loom found it, and a hang, a crash or an
/// early exit says it came from this second run; a pass whose file uses
/// `SeqCst` carries the exercise's note.
fn under_loom(
    repo: &Repo,
    ex: &Exercise,
    built: &BuiltTests,
    passed: usize,
) -> std::io::Result<Verdict> {
    let build = package::build_flavor(repo, ex, &built.subject, &built.lib, Flavor::Loom)?;
    let program = match build.built {
        Built::TestProgram(program) => program,
        Built::CompileError { errors, explain } => {
            return Ok(Verdict::CompileError {
                errors,
                explain: Some(loom_compile_note(explain)),
            });
        }
        Built::Trouble(why) => return Ok(Verdict::Trouble { why }),
    };
    let loom_built = BuiltTests {
        program,
        ..built.clone()
    };
    Ok(match run_tests(repo, ex, &loom_built, Flavor::Loom)? {
        Verdict::Passed { tests, .. } => {
            let source = fs::read_to_string(&built.lib).unwrap_or_default();
            Verdict::Passed {
                tests: passed + tests,
                under_loom: tests,
                note: seqcst_note(ex, &source),
            }
        }
        mut other => {
            other.set_under_loom(true);
            other
        }
    })
}

/// rustc's closing note, after a line saying which build failed: the file
/// compiled against std, not against loom's types.
fn loom_compile_note(explain: Option<String>) -> String {
    let note = "(This is the second build, with `--cfg loom`, where the tests use loom's \
                atomics: under `cfg(loom)` your file must import its atomics (and a fence, if \
                it uses one) from `loom::sync::atomic`, as the stub's `#[cfg(loom)] use` line \
                does, and use only methods that both loom's and std's atomics have.)";
    match explain {
        Some(explain) => format!("{explain}\n{note}"),
        None => note.to_owned(),
    }
}

/// The exercise's `seqcst_note`, when `source` uses `SeqCst` in its code
/// (comments and literals aside: the stub's instructions name it).
pub fn seqcst_note(ex: &Exercise, source: &str) -> Option<String> {
    let note = ex.seqcst_note.as_ref()?;
    let code = code_only(source);
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let uses = code.match_indices("SeqCst").any(|(at, word)| {
        !code[..at].ends_with(ident) && !code[at + word.len()..].starts_with(ident)
    });
    uses.then(|| note.clone())
}

/// `source` with its comments (`//…`, nested `/* … */`) and its string and
/// character literals (raw ones included) replaced by a space: what is left
/// is code. A small scanner, not a parser: enough to tell whether a name is
/// used.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut code = String::with_capacity(source.len());
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied();
    while i < chars.len() {
        let c = chars[i];
        let after_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if c == '/' && at(i + 1) == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            code.push(' ');
        } else if c == '/' && at(i + 1) == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == Some('*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == Some('/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            code.push(' ');
        } else if c == 'r' && !after_ident && matches!(at(i + 1), Some('"' | '#')) {
            // A raw string, `r"…"` or `r#"…"#`: it ends at the quote followed
            // by as many `#` as it began with.
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            if at(i + 1 + hashes) != Some('"') {
                code.push(c);
                i += 1;
                continue;
            }
            i += 2 + hashes;
            while i < chars.len() {
                if chars[i] == '"'
                    && chars[i + 1..].iter().take(hashes).all(|&c| c == '#')
                    && chars.len() - (i + 1) >= hashes
                {
                    i += 1 + hashes;
                    break;
                }
                i += 1;
            }
            code.push(' ');
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            code.push(' ');
        } else if c == '\'' && at(i + 1) == Some('\\') {
            // An escaped character literal, `'\n'`, `'\''`, `'\u{1f}'`.
            i += 3;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
            code.push(' ');
        } else if c == '\'' && at(i + 2) == Some('\'') {
            // A character literal, `'x'`; otherwise a lifetime, which is code.
            i += 3;
            code.push(' ');
        } else {
            code.push(c);
            i += 1;
        }
    }
    code
}

fn run_tests(
    repo: &Repo,
    ex: &Exercise,
    built: &BuiltTests,
    flavor: Flavor,
) -> std::io::Result<Verdict> {
    let mut list = test_command(&built.program, &built.package_dir, flavor);
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

    let mut command = test_command(&built.program, &built.package_dir, flavor);
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
/// grader reads them to point at the learner's line, and shows only that);
/// under loom, the grader's bound and none of loom's other settings.
fn test_command(program: &Path, dir: &Path, flavor: Flavor) -> Command {
    let mut command = Command::new(program);
    command
        .current_dir(dir)
        .env("RUST_BACKTRACE", "1")
        .env_remove("RUST_LIB_BACKTRACE")
        .env_remove("RUST_TEST_NOCAPTURE")
        .env_remove("RUST_TEST_THREADS")
        .env_remove("RUST_TEST_SHUFFLE")
        .env_remove("RUST_TEST_TIME_UNIT");
    for setting in package::LOOM_SETTINGS {
        command.env_remove(setting);
    }
    if flavor == Flavor::Loom {
        command.env("LOOM_MAX_PREEMPTIONS", package::LOOM_MAX_PREEMPTIONS);
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Manifest;

    fn exercise(keys: &str) -> Exercise {
        let manifest = Manifest::parse(&format!(
            "[[exercises]]\nname = \"shared_publish\"\nchapter = \"shared\"\ntitle = \"t\"\nhints = [\"h\"]\n{keys}"
        ))
        .unwrap();
        manifest.exercises[0].clone()
    }

    #[test]
    fn the_seqcst_note_is_for_code_that_uses_seqcst() {
        let ex = exercise("loom = true\nseqcst_note = \"Release and Acquire suffice.\"");
        let seqcst = "fn f() {\n    flag.store(true, Ordering::SeqCst);\n}\n";
        assert_eq!(
            seqcst_note(&ex, seqcst).as_deref(),
            Some("Release and Acquire suffice.")
        );
        // Named only in a comment (the stub's instructions do): no note.
        let commented =
            "/// `SeqCst` passes too.\nflag.store(true, Ordering::Release); // not SeqCst\n";
        assert_eq!(seqcst_note(&ex, commented), None);
        // Nor in a block comment, a string or a character literal.
        for not_code in [
            "flag.store(true, /* SeqCst */ Ordering::Release);",
            "/* outer /* nested */ SeqCst */ let x = 1;",
            "let s = \"SeqCst\";",
            "let s = \"a \\\" SeqCst\";",
            "let s = r#\"a \" SeqCst\"#;",
            "let c = '\"'; let s = \"SeqCst\";",
            "let c = '\\''; let s = \"SeqCst\";",
            "let n = NotSeqCst;",
        ] {
            assert_eq!(seqcst_note(&ex, not_code), None, "{not_code}");
        }
        // Real uses, however written, with a lifetime or literal nearby.
        for code in [
            "use std::sync::atomic::Ordering::*;\nfn f() { flag.load(SeqCst); }",
            "fn f<'a>(m: &'a M) { m.flag.load(Ordering::SeqCst); }",
            "let c = 'x'; let s = \"//\"; flag.load(SeqCst);",
            "/* a */ flag.load(SeqCst) /* b */",
        ] {
            assert!(seqcst_note(&ex, code).is_some(), "{code}");
        }
        // An exercise without a note never gets one.
        assert_eq!(seqcst_note(&exercise("loom = true"), seqcst), None);
    }

    #[test]
    fn only_the_loom_run_gets_the_bound_and_no_setting_of_the_shell() {
        let env = |flavor| {
            test_command(Path::new("/t"), Path::new("/d"), flavor)
                .get_envs()
                .map(|(k, v)| (k.to_string_lossy().into_owned(), v.map(ToOwned::to_owned)))
                .collect::<std::collections::HashMap<_, _>>()
        };
        let loom = env(Flavor::Loom);
        assert_eq!(
            loom["LOOM_MAX_PREEMPTIONS"].as_deref(),
            Some(std::ffi::OsStr::new("3"))
        );
        assert_eq!(loom["LOOM_LOG"], None, "removed, not set");
        assert_eq!(env(Flavor::Std)["LOOM_MAX_PREEMPTIONS"], None);
    }

    #[test]
    fn a_loom_compile_error_says_which_build_it_was() {
        let note = loom_compile_note(Some("For more information…".to_owned()));
        assert!(note.starts_with("For more information…\n(This is the second build"));
        let note = loom_compile_note(None);
        assert!(note.contains("`--cfg loom`"), "{note}");
        assert!(note.contains("from `loom::sync::atomic`"), "{note}");
    }
}
