//! What a test run means: one verdict, with only what the learner needs to
//! read (the first failing assertion, not the whole output).

use crate::libtest::{self, Outcome};
use crate::run::{self, Exit, Finished};
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
        tests: usize,
    },
    /// A test failed; `panic` is its first panic (heading and message).
    Failed {
        test: String,
        panic: String,
        /// First lines of the panics that followed in the same test.
        then: Vec<String>,
        failed: usize,
        total: usize,
        /// Bytes of output cut from the middle (a flood), of `printed`.
        cut: u64,
        printed: u64,
    },
    CompileError {
        first: String,
        more: usize,
    },
    TimedOut {
        after: Duration,
        test: Option<String>,
    },
    Crashed {
        test: Option<String>,
        why: String,
    },
    /// The test program ended without reporting every test's result.
    ExitedEarly {
        test: Option<String>,
        code: i32,
        reported: usize,
        total: usize,
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

/// The longest panic message shown, in lines.
const MAX_LINES: usize = 25;
/// …and in characters per line.
const MAX_LINE: usize = 300;

impl Verdict {
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
            Verdict::Passed { tests } => format!("passed ({tests} tests)"),
            Verdict::Failed { panic, .. } => {
                let message = panic
                    .lines()
                    .nth(1)
                    .or(panic.lines().next())
                    .unwrap_or_default();
                format!("failed: {message}")
            }
            Verdict::CompileError { first, .. } => {
                format!(
                    "does not compile: {}",
                    first.lines().next().unwrap_or_default()
                )
            }
            Verdict::TimedOut { after, .. } => format!("timed out after {} s", after.as_secs()),
            Verdict::Crashed { why, .. } => format!("crashed: {why}"),
            Verdict::ExitedEarly { code, .. } => {
                format!("exited (status {code}) before reporting its results")
            }
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
        let hint = format!("Stuck? `cargo grade hint {name}` shows a hint.");
        match self {
            Verdict::Passed { tests } => format!("All {tests} tests passed."),
            Verdict::Failed {
                test,
                panic,
                then,
                failed,
                total,
                cut,
                printed,
            } => {
                let mut text =
                    format!("{failed} of {total} tests failed. The first, `{test}`:\n\n");
                text.push_str(&indent(&clip_lines(panic)));
                for echo in then {
                    text.push_str(&format!("\n  then: {echo}"));
                }
                if *cut > 0 {
                    text.push_str(&format!(
                        "\n\n(The tests printed {}; {} from the middle were cut.)",
                        run::human_bytes(*printed),
                        run::human_bytes(*cut)
                    ));
                }
                text.push_str(&format!("\n\n{hint}"));
                text
            }
            Verdict::CompileError { first, more } => {
                let mut text = format!(
                    "It does not compile. The first error:\n\n{}",
                    clip_lines(first)
                );
                if *more > 0 {
                    let s = if *more == 1 { "" } else { "s" };
                    text.push_str(&format!(
                        "\n\n…and {more} more error{s}: fix this one first, the others often go with it."
                    ));
                }
                text
            }
            Verdict::TimedOut { after, test } => format!(
                "Timed out after {} s{} — threads may be waiting on each other (a deadlock), or a \
                 loop never ends. The tests were stopped. See `cargo grade hint {name}`.",
                after.as_secs(),
                in_test(test)
            ),
            Verdict::Crashed { test, why } => format!(
                "The test program crashed{}: {why}. No test result counts after a crash.\n\n{hint}",
                in_test(test)
            ),
            Verdict::ExitedEarly {
                test,
                code,
                reported,
                total,
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
pub fn classify(
    expected: &[String],
    finished: &Finished,
    timeout: Duration,
    shorten: impl Fn(&str) -> String,
) -> Verdict {
    let text = shorten(&finished.out.text());
    let mut report = libtest::parse_run(&text);
    if finished.out.cut() > 0 {
        // A flood cut the middle, where the failures' sections are: take
        // them from the lines kept from the whole stream instead.
        let kept = libtest::parse_run(&shorten(finished.out.notable()));
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
            }
        }
        Exit::Code(code) => {
            let summary = report.summary;
            let failed = summary.map_or(report.count(Outcome::Failed), |s| s.failed);
            if failed > 0
                && let Some((test, section)) = report.first_failure()
            {
                let panics = section.map(libtest::panics).unwrap_or_default();
                let panic = match panics.first() {
                    Some(first) => format!("{}\n{}", first.heading, first.message),
                    None => "(its output was cut: see the note below)".to_owned(),
                };
                let then = panics
                    .iter()
                    .skip(1)
                    .take(3)
                    .map(|p| {
                        let thread = p.heading.split(" panicked at").next().unwrap_or_default();
                        format!(
                            "{thread} panicked: {}",
                            clip(p.message.lines().next().unwrap_or_default(), 160)
                        )
                    })
                    .collect();
                return Verdict::Failed {
                    test: test.to_owned(),
                    panic,
                    then,
                    failed,
                    total: total.max(report.results.len()),
                    cut: finished.out.cut(),
                    printed: finished.out.total(),
                };
            }
            let all_passed = summary.is_some_and(|s| s.failed == 0 && s.passed == total)
                && report.count(Outcome::Ok) == total;
            if code == 0 && all_passed {
                Verdict::Passed { tests: total }
            } else {
                Verdict::ExitedEarly {
                    test: report.unfinished,
                    code,
                    reported: report.results.len(),
                    total,
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
            str::to_owned,
        )
    }

    const PASSED: &str = "\nrunning 2 tests\ntest a ... ok\ntest b ... ok\n\ntest result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s\n\n";

    #[test]
    fn all_tests_reported_ok_is_a_pass() {
        assert_eq!(verdict(Exit::Code(0), PASSED), Verdict::Passed { tests: 2 });
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
                total: 2
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
    fn a_failure_shows_its_first_panic_and_the_echoes() {
        let out = "\nrunning 2 tests\ntest a ... ok\ntest b ... FAILED\n\nfailures:\n\n---- b stdout ----\n\nthread '<unnamed>' panicked at s.rs:1:1:\nonly 1 of 5 slices\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n\nthread 'b' panicked at e.rs:2:2:\njoin failed: Any { .. }\n\n\nfailures:\n    b\n\ntest result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 3.00s\n\n";
        let v = verdict(Exit::Code(101), out);
        let Verdict::Failed {
            test,
            panic,
            then,
            failed,
            total,
            cut,
            ..
        } = &v
        else {
            panic!("{v:?}")
        };
        assert_eq!((test.as_str(), *failed, *total, *cut), ("b", 1, 2, 0));
        assert_eq!(
            panic,
            "thread '<unnamed>' panicked at s.rs:1:1:\nonly 1 of 5 slices"
        );
        assert_eq!(then, &["thread 'b' panicked: join failed: Any { .. }"]);
        assert_eq!(v.headline(), "failed: only 1 of 5 slices");
    }

    #[test]
    fn a_timeout_names_the_test_that_hung() {
        let v = verdict(Exit::TimedOut, "\nrunning 2 tests\ntest a ... ");
        assert_eq!(
            v,
            Verdict::TimedOut {
                after: Duration::from_secs(10),
                test: Some("a".to_owned())
            }
        );
        let details = v.details("threads_sum_five");
        assert!(details.contains("waiting on each other"));
        assert!(details.contains("cargo grade hint threads_sum_five"));
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
