//! What a test run means: one verdict, with only what the learner needs to
//! read (the first failing assertion, not the whole output).

use crate::libtest::{self, Outcome};
use crate::run::{self, Exit, Finished};
pub use crate::stacks::Hang;
use std::fmt;
use std::str::FromStr;
use std::time::Duration;

/// The kinds of verdict. Wrong answers declare the one they must get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Passed,
    Failed,
    CompileError,
    TimedOut,
    Crashed,
    ExitedEarly,
    Missing,
    Trouble,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Passed,
        Kind::Failed,
        Kind::CompileError,
        Kind::TimedOut,
        Kind::Crashed,
        Kind::ExitedEarly,
        Kind::Missing,
        Kind::Trouble,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Passed => "passed",
            Kind::Failed => "failed",
            Kind::CompileError => "compile-error",
            Kind::TimedOut => "timed-out",
            Kind::Crashed => "crashed",
            Kind::ExitedEarly => "exited-early",
            Kind::Missing => "missing",
            Kind::Trouble => "trouble",
        }
    }
}

impl Kind {
    /// The kind in words, for people.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Passed => "passed",
            Kind::Failed => "failed",
            Kind::CompileError => "does not compile",
            Kind::TimedOut => "timed out",
            Kind::Crashed => "crashed",
            Kind::ExitedEarly => "exited early",
            Kind::Missing => "file missing",
            Kind::Trouble => "could not be graded",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Kind, String> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                let all: Vec<_> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                format!("unknown verdict `{s}` (one of: {})", all.join(", "))
            })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Passed {
        /// Every test that passed, those run under loom included.
        tests: usize,
        /// How many of them ran a second time, under loom.
        under_loom: usize,
        /// Something to know although it passed: that `SeqCst` is stronger
        /// than the exercise needs (its `seqcst_note`).
        note: Option<String>,
    },
    /// A test failed: its first panic's message (assertions as got/expected)
    /// and where it happened (`thread 'NAME' panicked at FILE:LINE:COL:`).
    Failed {
        test: String,
        message: String,
        heading: String,
        /// The line of the learner's file that was running when it
        /// panicked, from its backtrace, when it was there.
        yours: Option<String>,
        failed: usize,
        total: usize,
        /// Bytes of output cut from the middle (a flood), of `printed`.
        cut: u64,
        printed: u64,
        /// Found by the second run, under loom: the ordinary tests passed.
        under_loom: bool,
    },
    /// rustc's errors, rendered, and its closing `--explain` note.
    CompileError {
        errors: Vec<String>,
        explain: Option<String>,
    },
    TimedOut {
        after: Duration,
        test: Option<String>,
        /// Where each thread waited, read from the stacks before the tests
        /// were stopped, or why that could not be done.
        stacks: Stacks,
        /// In the second run, under loom: the ordinary tests passed.
        under_loom: bool,
    },
    Crashed {
        test: Option<String>,
        why: String,
        /// In the second run, under loom: the ordinary tests passed.
        under_loom: bool,
    },
    /// The test program ended without reporting every test's result.
    ExitedEarly {
        test: Option<String>,
        code: i32,
        reported: usize,
        total: usize,
        /// In the second run, under loom: the ordinary tests passed.
        under_loom: bool,
    },
    Missing {
        file: String,
    },
    /// The grader could not grade (cargo missing, a broken manifest…): not
    /// the learner's fault.
    Trouble {
        why: String,
    },
}

/// What the grader saw of a hung test program's threads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stacks {
    /// Each thread's wait, at the learner's lines.
    Shown(Hang),
    /// Why they could not be read (no gdb, no permission…), in a few words.
    NotShown(String),
}

/// The generic advice, for a hang whose stacks match no known pattern.
const USUAL_CAUSES: &str = "Threads that wait for each other forever (a deadlock) look like \
this, or a loop that never ends. Look for:\n\
    \n  - a loop over a channel's receiver (`for x in rx`) while a `Sender` is still \
    alive somewhere, even in the thread that loops: drop it (`drop(tx)`);\
    \n  - a `join` on a thread that is itself waiting for the joining thread;\
    \n  - a lock taken while the same thread already holds it, or two locks taken \
    in opposite orders by two threads;\
    \n  - a loop that waits for a flag or a count that nothing changes.";

/// The longest panic message shown, in lines.
const MAX_LINES: usize = 25;
/// …and in characters per line.
const MAX_LINE: usize = 300;

impl Verdict {
    /// Says whether this verdict came from the second run, under loom: a
    /// failure, a hang, a crash or an early exit (others have no such run).
    pub fn set_under_loom(&mut self, value: bool) {
        match self {
            Verdict::Failed { under_loom, .. }
            | Verdict::TimedOut { under_loom, .. }
            | Verdict::Crashed { under_loom, .. }
            | Verdict::ExitedEarly { under_loom, .. } => *under_loom = value,
            _ => {}
        }
    }

    pub fn kind(&self) -> Kind {
        match self {
            Verdict::Passed { .. } => Kind::Passed,
            Verdict::Failed { .. } => Kind::Failed,
            Verdict::CompileError { .. } => Kind::CompileError,
            Verdict::TimedOut { .. } => Kind::TimedOut,
            Verdict::Crashed { .. } => Kind::Crashed,
            Verdict::ExitedEarly { .. } => Kind::ExitedEarly,
            Verdict::Missing { .. } => Kind::Missing,
            Verdict::Trouble { .. } => Kind::Trouble,
        }
    }

    /// One line, for the list of exercises.
    pub fn headline(&self) -> String {
        let line = match self {
            Verdict::Passed {
                tests, note: None, ..
            } => format!("passed ({tests} tests)"),
            Verdict::Passed { tests, .. } => {
                format!("passed ({tests} tests; SeqCst is stronger than needed)")
            }
            Verdict::Failed {
                message,
                under_loom,
                ..
            } => {
                let loom = if *under_loom { " under loom" } else { "" };
                format!(
                    "failed{loom}: {}",
                    message.lines().next().unwrap_or_default()
                )
            }
            Verdict::CompileError { errors, .. } => {
                format!(
                    "does not compile: {}",
                    errors
                        .first()
                        .and_then(|e| e.lines().next())
                        .unwrap_or_default()
                )
            }
            Verdict::TimedOut {
                after, under_loom, ..
            } => format!("timed out{} after {} s", loom(*under_loom), after.as_secs()),
            Verdict::Crashed {
                why, under_loom, ..
            } => format!("crashed{}: {why}", loom(*under_loom)),
            Verdict::ExitedEarly {
                code, under_loom, ..
            } => format!(
                "exited{} (status {code}) before reporting its results",
                loom(*under_loom)
            ),
            Verdict::Missing { file } => format!("{file} is missing"),
            Verdict::Trouble { why } => format!(
                "could not grade: {}",
                why.lines().next().unwrap_or_default()
            ),
        };
        clip(&strip_ansi(&line), 100)
    }

    /// The full explanation, for `cargo grade NAME`.
    pub fn details(&self, name: &str) -> String {
        let text = self.explanation(name);
        match self {
            Verdict::TimedOut {
                under_loom: true, ..
            }
            | Verdict::Crashed {
                under_loom: true, ..
            }
            | Verdict::ExitedEarly {
                under_loom: true, ..
            } => format!("{SECOND_RUN}\n\n{text}"),
            _ => text,
        }
    }

    /// [`Verdict::details`] without the line that says which run it was.
    fn explanation(&self, name: &str) -> String {
        match self {
            Verdict::Passed {
                tests,
                under_loom,
                note,
            } => passed(*tests, *under_loom, note.as_deref()),
            Verdict::Failed {
                test,
                message,
                heading,
                yours,
                failed,
                total,
                cut,
                printed,
                under_loom,
            } => {
                let mut text = if *under_loom {
                    let found = if message.contains(TOO_MANY_BRANCHES) {
                        SPIN_LOOP
                    } else {
                        FOUND_BY_LOOM
                    };
                    format!(
                        "{found}\n\n{failed} of {total} loom tests failed. The first, `{test}`:\n\n"
                    )
                } else {
                    format!("{failed} of {total} tests failed. The first, `{test}`:\n\n")
                };
                text.push_str(&indent(&clip_lines(message)));
                text.push('\n');
                if let Some(line) = yours {
                    text.push_str(&format!("\n  --> {line} (your code, when it failed)"));
                }
                let heading = heading.trim_end_matches(':');
                if !heading.is_empty() {
                    text.push_str(&format!("\n  ({heading})"));
                }
                if *cut > 0 {
                    text.push_str(&format!(
                        "\n\n(The tests printed {}; {} from the middle were cut.)",
                        run::human_bytes(*printed),
                        run::human_bytes(*cut)
                    ));
                }
                text
            }
            Verdict::CompileError { errors, explain } => {
                let first = errors.first().map(String::as_str).unwrap_or_default();
                let mut text = format!(
                    "It does not compile. The first error:\n\n{}",
                    clip_lines(first)
                );
                if errors.len() > 1 {
                    let more = errors.len() - 1;
                    let s = if more == 1 { "" } else { "s" };
                    text.push_str(&format!(
                        "\n\n…and {more} more error{s} (fix the first one first: the others often go with it):"
                    ));
                    for error in &errors[1..] {
                        text.push_str(&format!("\n  {}", error_headline(error)));
                    }
                }
                if let Some(explain) = explain {
                    text.push_str(&format!("\n\n{explain}"));
                }
                text
            }
            Verdict::TimedOut {
                after,
                test,
                stacks,
                ..
            } => timed_out(after.as_secs(), test, stacks),
            Verdict::Crashed { test, why, .. } => format!(
                "The test program crashed{}: {why}. No test result counts after a crash.",
                in_test(test)
            ),
            Verdict::ExitedEarly {
                test,
                code,
                reported,
                total,
                ..
            } => format!(
                "The test program exited with status {code}{} after reporting {reported} of {total} \
                 test results, so it does not count as passed. Does your code call \
                 `std::process::exit`? Return a value instead; the tests decide.",
                in_test(test)
            ),
            Verdict::Missing { file } => format!(
                "{file} does not exist (deleted or renamed?). `cargo grade reset {name}` brings back \
                 the original stub."
            ),
            Verdict::Trouble { why } => format!("It could not be graded:\n\n{}", indent(why)),
        }
    }
}

/// What a failure found by loom means, above its message.
const FOUND_BY_LOOM: &str = "Found by loom, not by an ordinary run: the tests passed as they \
    are, then ran again under loom, which checks every interleaving of the threads with up to \
    3 preemptions (model checking) and each value loom's model lets a load return under the \
    orderings you chose. This machine may never show it; another processor, or another \
    compiler version, may.";

/// The start of loom's panic when one execution takes too many steps.
const TOO_MANY_BRANCHES: &str = "Model exceeded maximum number of branches";

/// What that panic means, above its message.
const SPIN_LOOP: &str = "Found by loom, in the second run: the tests passed as they are, then \
    ran again under loom, which stopped an execution that went on for more steps than it \
    allows. That is what a spin loop does: a loop that waits for another thread to change an \
    atomic (`while !flag.load(…) {}`) never ends in the executions where loom lets the waiting \
    thread run and not the other one. Look for such a loop in your code: return instead of \
    waiting where the task allows it, or wait with something that blocks (a lock, a channel).";

/// The line above a verdict that came from the second run, under loom.
const SECOND_RUN: &str = "This came from the second run, under loom (`--cfg loom`): the tests \
    passed as they are, then were built with loom's atomics and ran again.";

fn passed(tests: usize, under_loom: usize, note: Option<&str>) -> String {
    let mut text = if under_loom > 0 {
        format!(
            "All {tests} tests passed, {under_loom} of them under loom (each interleaving of \
             the threads with up to {} preemptions).",
            crate::package::LOOM_MAX_PREEMPTIONS
        )
    } else {
        format!("All {tests} tests passed.")
    };
    if let Some(note) = note {
        text.push_str(&format!(
            "\n\nNote: your file uses `SeqCst`, which is stronger than needed here. {note}"
        ));
    }
    text
}

fn timed_out(secs: u64, test: &Option<String>, stacks: &Stacks) -> String {
    match stacks {
        Stacks::Shown(hang) => {
            let mut text = format!(
                "Timed out after {secs} s{}. When the tests were stopped:\n\n{}",
                in_test(test),
                hang.render()
            );
            if hang.pattern.is_none() {
                text.push_str(&format!("\n\n{USUAL_CAUSES}"));
            }
            text
        }
        Stacks::NotShown(why) => format!(
            "Timed out after {secs} s{}: the tests were stopped. {USUAL_CAUSES}\n\n\
             (Where each thread waited is not shown: {why}.)",
            in_test(test)
        ),
    }
}

/// An error's first line and its location: `error[E0373]: closure may
/// outlive … (exercises/threads/x.rs:8:35)`.
fn error_headline(rendered: &str) -> String {
    let mut lines = rendered.lines();
    let first = lines.next().unwrap_or_default();
    match lines.find_map(|l| l.trim_start().strip_prefix("--> ")) {
        Some(location) => format!("{first} ({location})"),
        None => first.to_owned(),
    }
}

/// `assert_eq!`'s `left`/`right` as `got`/`expected`: the course's tests
/// put what your code returned first (`assert_ne!`: `got`/`must not be`).
pub fn readable_assertion(message: &str) -> String {
    let mut labels: Option<(&str, &str)> = None;
    message
        .lines()
        .map(|line| {
            if let Some(rest) = line.strip_prefix("assertion `left == right` failed") {
                labels = Some(("     got:", "expected:"));
                assertion_heading(rest, "got something other than expected:")
            } else if let Some(rest) = line.strip_prefix("assertion `left != right` failed") {
                labels = Some(("        got:", "must not be:"));
                assertion_heading(rest, "got the value it must not be:")
            } else if let (Some((got, _)), Some(value)) = (labels, line.strip_prefix("  left: ")) {
                format!("{got} {value}")
            } else if let (Some((_, other)), Some(value)) = (labels, line.strip_prefix(" right: "))
            {
                format!("{other} {value}")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `: the message` → `the message`; nothing → `plain`.
fn assertion_heading(rest: &str, plain: &str) -> String {
    match rest.strip_prefix(": ") {
        Some(message) if !message.trim().is_empty() => message.to_owned(),
        _ => plain.to_owned(),
    }
}

/// " under loom" for a verdict of the second run, for its headline.
fn loom(under_loom: bool) -> &'static str {
    if under_loom { " under loom" } else { "" }
}

fn in_test(test: &Option<String>) -> String {
    match test {
        Some(test) => format!(" in test `{test}`"),
        None => String::new(),
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| format!("  {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn clip(line: &str, max: usize) -> String {
    if line.chars().count() <= max {
        line.to_owned()
    } else {
        let kept: String = line.chars().take(max - 1).collect();
        format!("{kept}…")
    }
}

/// At most [`MAX_LINES`] lines of at most [`MAX_LINE`] characters.
fn clip_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut kept: Vec<String> = lines
        .iter()
        .take(MAX_LINES)
        .map(|l| clip(l, MAX_LINE))
        .collect();
    if lines.len() > MAX_LINES {
        kept.push(format!("[… {} more lines …]", lines.len() - MAX_LINES));
    }
    kept.join("\n")
}

/// `text` without terminal colour codes.
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The verdict on a test run that was expected to run `expected` tests.
/// `yours` is the file under test, as `shorten` writes it, for pointing at
/// its lines in backtraces.
pub fn classify(
    expected: &[String],
    finished: &Finished,
    timeout: Duration,
    yours: &str,
    shorten: impl Fn(&str) -> String,
) -> Verdict {
    let text = shorten(&finished.out.text());
    let mut report = libtest::parse_run(&text);
    if finished.out.cut() > 0 {
        // A flood cut the middle, where the failures' sections are: take
        // them from the lines kept from the whole stream instead.
        let kept = libtest::parse_run(&shorten(finished.out.observer.text()));
        report.failures = kept.failures;
        if report.results.len() < kept.results.len() {
            report.results = kept.results;
            report.unfinished = kept.unfinished;
        }
    }
    let total = expected.len();
    match finished.exit {
        Exit::TimedOut => Verdict::TimedOut {
            after: timeout,
            test: report.unfinished,
            stacks: Stacks::NotShown("the stacks were not read".to_owned()),
            under_loom: false,
        },
        Exit::Signal(signal) => {
            let why = if text.contains("has overflowed its stack") {
                format!(
                    "a thread overflowed its stack (endless recursion?) and the program aborted, {}",
                    run::signal_name(signal)
                )
            } else if let Some(fatal) = text.lines().find(|l| l.starts_with("fatal runtime error"))
            {
                format!("{fatal}, {}", run::signal_name(signal))
            } else if signal == 9 {
                format!("killed by {} (out of memory?)", run::signal_name(signal))
            } else {
                format!("killed by {}", run::signal_name(signal))
            };
            Verdict::Crashed {
                test: report.unfinished,
                why,
                under_loom: false,
            }
        }
        Exit::Code(code) => {
            let summary = report.summary;
            let failed = summary.map_or(report.count(Outcome::Failed), |s| s.failed);
            if failed > 0
                && let Some((test, section)) = report.first_failure()
            {
                let panics = section.map(libtest::panics).unwrap_or_default();
                let (message, heading) = match panics.first() {
                    Some(first) => (readable_assertion(&first.message), first.heading.clone()),
                    None => (
                        "(its output was cut: see the note below)".to_owned(),
                        String::new(),
                    ),
                };
                // The innermost line of the learner's file in the first
                // panic's backtrace that has one.
                let yours = panics
                    .iter()
                    .flat_map(|p| &p.frames)
                    .find(|frame| {
                        let path = frame.trim_start_matches("./");
                        path.starts_with(yours) && path[yours.len()..].starts_with(':')
                    })
                    .map(|frame| frame.trim_start_matches("./").to_owned());
                return Verdict::Failed {
                    test: test.to_owned(),
                    message,
                    heading,
                    yours,
                    failed,
                    total: total.max(report.results.len()),
                    cut: finished.out.cut(),
                    printed: finished.out.total(),
                    under_loom: false,
                };
            }
            let all_passed = summary.is_some_and(|s| s.failed == 0 && s.passed == total)
                && report.count(Outcome::Ok) == total;
            if code == 0 && all_passed {
                Verdict::Passed {
                    tests: total,
                    under_loom: 0,
                    note: None,
                }
            } else {
                Verdict::ExitedEarly {
                    test: report.unfinished,
                    code,
                    reported: report.results.len(),
                    total,
                    under_loom: false,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::Capture;

    fn finished(exit: Exit, out: &str) -> Finished {
        let mut capture = Capture::new(1 << 20, 1 << 20);
        capture.push(out.as_bytes());
        Finished {
            exit,
            out: capture,
            err: Capture::new(0, 0),
        }
    }

    fn tests(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    fn verdict(exit: Exit, out: &str) -> Verdict {
        classify(
            &tests(&["a", "b"]),
            &finished(exit, out),
            Duration::from_secs(10),
            "exercises/threads/x.rs",
            str::to_owned,
        )
    }

    const PASSED: &str = "\nrunning 2 tests\ntest a ... ok\ntest b ... ok\n\ntest result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s\n\n";

    #[test]
    fn all_tests_reported_ok_is_a_pass() {
        assert_eq!(
            verdict(Exit::Code(0), PASSED),
            Verdict::Passed {
                tests: 2,
                under_loom: 0,
                note: None
            }
        );
    }

    #[test]
    fn exit_zero_without_results_is_not_a_pass() {
        let v = verdict(
            Exit::Code(0),
            "\nrunning 2 tests\ntest a ... ok\ntest b ... ",
        );
        assert_eq!(
            v,
            Verdict::ExitedEarly {
                test: Some("b".to_owned()),
                code: 0,
                reported: 1,
                total: 2,
                under_loom: false,
            }
        );
        assert!(v.details("x").contains("std::process::exit"));
    }

    #[test]
    fn fewer_tests_than_listed_is_not_a_pass() {
        let out = PASSED
            .replace("2 passed", "1 passed")
            .replace("test b ... ok\n", "");
        assert_eq!(verdict(Exit::Code(0), &out).kind(), Kind::ExitedEarly);
    }

    #[test]
    fn a_failure_shows_its_first_panic_in_the_learners_file_without_the_echoes() {
        let out = "\nrunning 2 tests\ntest a ... ok\ntest b ... FAILED\n\nfailures:\n\n---- b stdout ----\n\nthread '<unnamed>' panicked at exercises/threads/tests/x.rs:1:1:\nonly 1 of 5 slices\nstack backtrace:\n   0: x::probe\n             at ./exercises/threads/tests/x.rs:1:1\n   1: exercise::sum::{{closure}}\n             at ./exercises/threads/x.rs:31:36\nnote: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.\n\nthread 'b' panicked at exercises/threads/x.rs:2:2:\njoin failed: Any { .. }\n\n\nfailures:\n    b\n\ntest result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 3.00s\n\n";
        let v = verdict(Exit::Code(101), out);
        let Verdict::Failed {
            test,
            message,
            yours,
            failed,
            total,
            cut,
            ..
        } = &v
        else {
            panic!("{v:?}")
        };
        assert_eq!((test.as_str(), *failed, *total, *cut), ("b", 1, 2, 0));
        assert_eq!(message, "only 1 of 5 slices");
        assert_eq!(yours.as_deref(), Some("exercises/threads/x.rs:31:36"));
        assert_eq!(v.headline(), "failed: only 1 of 5 slices");
        let details = v.details("x");
        assert!(!details.contains("Any {"), "{details}");
        assert!(
            details.contains("--> exercises/threads/x.rs:31:36 (your code"),
            "{details}"
        );
    }

    #[test]
    fn a_failure_under_loom_says_loom_found_it() {
        let v = Verdict::Failed {
            test: "loom_x".to_owned(),
            message: "the reader saw the flag set but an older value.\n     got: 0\nexpected: 42"
                .to_owned(),
            heading: "thread 'loom_x' panicked at t.rs:1:1:".to_owned(),
            yours: None,
            failed: 1,
            total: 3,
            cut: 0,
            printed: 0,
            under_loom: true,
        };
        let details = v.details("x");
        assert!(
            details.starts_with("Found by loom, not by an ordinary run"),
            "{details}"
        );
        assert!(details.contains("model checking"), "{details}");
        assert!(
            details.contains(&format!(
                "with up to {} preemptions",
                crate::package::LOOM_MAX_PREEMPTIONS
            )),
            "{details}"
        );
        assert!(
            details.contains("1 of 3 loom tests failed. The first, `loom_x`:\n\n  the reader saw"),
            "{details}"
        );
        assert_eq!(
            v.headline(),
            "failed under loom: the reader saw the flag set but an older value."
        );
    }

    #[test]
    fn loom_stopping_a_spin_loop_is_explained_as_one() {
        let v = Verdict::Failed {
            test: "loom_x".to_owned(),
            message: "Model exceeded maximum number of branches. This is often caused by an \
                      algorithm requiring the processor to make progress, e.g. spin locks."
                .to_owned(),
            heading: String::new(),
            yours: None,
            failed: 1,
            total: 3,
            cut: 0,
            printed: 0,
            under_loom: true,
        };
        let details = v.details("x");
        assert!(details.contains("spin loop"), "{details}");
        assert!(details.contains("in the second run"), "{details}");
        assert!(
            !details.contains("This machine may never show it"),
            "{details}"
        );
        assert!(details.contains("  Model exceeded maximum"), "{details}");
    }

    #[test]
    fn a_hang_a_crash_or_an_exit_under_loom_says_it_was_the_second_run() {
        let loom = [
            Verdict::TimedOut {
                after: Duration::from_secs(10),
                test: Some("loom_a".to_owned()),
                stacks: Stacks::NotShown("no gdb".to_owned()),
                under_loom: true,
            },
            Verdict::Crashed {
                test: Some("loom_a".to_owned()),
                why: "killed by SIGSEGV".to_owned(),
                under_loom: true,
            },
            Verdict::ExitedEarly {
                test: None,
                code: 3,
                reported: 1,
                total: 3,
                under_loom: true,
            },
        ];
        for v in loom {
            let details = v.details("x");
            assert!(
                details.starts_with("This came from the second run, under loom"),
                "{details}"
            );
            let mut ordinary = v.clone();
            ordinary.set_under_loom(false);
            assert!(v.headline().contains(" under loom"), "{}", v.headline());
            assert!(
                !ordinary.headline().contains("loom"),
                "{}",
                ordinary.headline()
            );
            let plain = ordinary.details("x");
            assert!(!plain.contains("second run"), "{plain}");
            assert!(details.ends_with(&plain), "{details}");
        }
    }

    #[test]
    fn a_pass_under_loom_counts_its_runs_and_carries_its_note() {
        let v = Verdict::Passed {
            tests: 6,
            under_loom: 3,
            note: Some("Release and Acquire suffice.".to_owned()),
        };
        assert_eq!(
            v.details("x"),
            "All 6 tests passed, 3 of them under loom (each interleaving of the threads with up \
             to 3 preemptions).\n\nNote: your file uses `SeqCst`, which is stronger than needed \
             here. Release and Acquire suffice."
        );
        assert_eq!(
            v.headline(),
            "passed (6 tests; SeqCst is stronger than needed)"
        );
        assert_eq!(v.kind(), Kind::Passed);
    }

    #[test]
    fn assertions_read_got_and_expected() {
        assert_eq!(
            readable_assertion(
                "assertion `left == right` failed: wrong total\n  left: 1\n right: 2"
            ),
            "wrong total\n     got: 1\nexpected: 2"
        );
        assert_eq!(
            readable_assertion("assertion `left == right` failed\n  left: [1]\n right: [2]"),
            "got something other than expected:\n     got: [1]\nexpected: [2]"
        );
        assert_eq!(
            readable_assertion("assertion `left != right` failed: same\n  left: 1\n right: 1"),
            "same\n        got: 1\nmust not be: 1"
        );
        assert_eq!(
            readable_assertion("a plain panic\n  left: x"),
            "a plain panic\n  left: x"
        );
    }

    #[test]
    fn a_timeout_names_the_test_that_hung() {
        let v = verdict(Exit::TimedOut, "\nrunning 2 tests\ntest a ... ");
        assert_eq!(
            v,
            Verdict::TimedOut {
                after: Duration::from_secs(10),
                test: Some("a".to_owned()),
                stacks: Stacks::NotShown("the stacks were not read".to_owned()),
                under_loom: false,
            }
        );
        let details = v.details("threads_sum_five");
        assert!(details.contains("(a deadlock)"));
        assert!(details.contains("drop(tx)"));
        assert!(
            details.ends_with("(Where each thread waited is not shown: the stacks were not read.)")
        );
    }

    #[test]
    fn a_timeout_with_stacks_names_the_waits_and_falls_back_to_the_usual_causes_without_a_pattern()
    {
        let hang = Hang {
            groups: vec![crate::stacks::report::Group {
                wait: crate::stacks::waits::Wait::Sleep,
                who: String::new(),
                yours: vec![("ex/x.rs:3".to_owned(), "thread::sleep(LONG);".to_owned())],
                in_test: None,
                count: 2,
            }],
            pattern: None,
        };
        let v = Verdict::TimedOut {
            after: Duration::from_secs(10),
            test: Some("a".to_owned()),
            stacks: Stacks::Shown(hang),
            under_loom: false,
        };
        let details = v.details("x");
        assert!(
            details.starts_with(
                "Timed out after 10 s in test `a`. When the tests were stopped:\n\n  2 threads sleep\n      ex/x.rs:3   thread::sleep(LONG);\n\nThreads that wait"
            ),
            "{details}"
        );
        assert_eq!(v.headline(), "timed out after 10 s");
    }

    #[test]
    fn a_stack_overflow_is_a_crash() {
        let out = "\nrunning 2 tests\ntest a ... \nthread 'a' has overflowed its stack\nfatal runtime error: stack overflow, aborting\n";
        let v = verdict(Exit::Signal(6), out);
        assert_eq!(v.kind(), Kind::Crashed);
        assert!(
            v.headline().contains("overflowed its stack"),
            "{}",
            v.headline()
        );
    }

    #[test]
    fn long_messages_are_clipped() {
        let long = (0..100)
            .map(|i| format!("line {i}"))
            .collect::<Vec<_>>()
            .join("\n");
        let clipped = clip_lines(&long);
        assert_eq!(clipped.lines().count(), MAX_LINES + 1);
        assert!(clipped.ends_with("[… 75 more lines …]"));
        assert_eq!(clip(&"x".repeat(500), 10).chars().count(), 10);
    }

    #[test]
    fn kinds_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(kind.as_str().parse::<Kind>(), Ok(kind));
        }
        assert!("timeout".parse::<Kind>().unwrap_err().contains("timed-out"));
    }

    #[test]
    fn headlines_have_no_colour_codes() {
        assert_eq!(strip_ansi("\u{1b}[31merror\u{1b}[0m: x"), "error: x");
    }
}
