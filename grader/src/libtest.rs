//! Reads what a libtest test program prints (`--list`, and a run with
//! `--test-threads=1` in its default, human format: the JSON format is not
//! stable).

/// The tests a test program holds, from `TEST_EXE --list`.
pub fn parse_list(out: &str) -> Vec<String> {
    out.lines()
        .filter_map(|line| line.strip_suffix(": test"))
        .map(str::to_owned)
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Failed,
    Ignored,
}

/// libtest's closing line: `test result: ok. 3 passed; 0 failed; …`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub passed: usize,
    pub failed: usize,
    pub ignored: usize,
}

#[derive(Debug, Default)]
pub struct Report {
    /// Each test that finished, in the order it finished.
    pub results: Vec<(String, Outcome)>,
    /// A test that started and never finished (the program stopped in it).
    pub unfinished: Option<String>,
    /// What each failed test printed (its panic message), by test.
    pub failures: Vec<(String, String)>,
    pub summary: Option<Summary>,
}

impl Report {
    pub fn first_failure(&self) -> Option<(&str, Option<&str>)> {
        let name = self
            .results
            .iter()
            .find(|(_, outcome)| *outcome == Outcome::Failed)
            .map(|(name, _)| name.as_str())
            .or_else(|| self.failures.first().map(|(name, _)| name.as_str()))?;
        let section = self
            .failures
            .iter()
            .find(|(failed, _)| failed == name)
            .map(|(_, text)| text.as_str());
        Some((name, section))
    }

    pub fn count(&self, outcome: Outcome) -> usize {
        self.results.iter().filter(|(_, o)| *o == outcome).count()
    }
}

/// Reads a run's output. Lines that a test printed straight to stdout (not
/// captured by libtest) may fall in between; they are skipped.
pub fn parse_run(out: &str) -> Report {
    let mut report = Report::default();
    let mut lines = out.lines().peekable();
    let mut in_failures = false;
    let mut section: Option<(String, String)> = None;
    while let Some(line) = lines.next() {
        if let Some(summary) = line.strip_prefix("test result: ") {
            report.summary = parse_summary(summary);
            in_failures = false;
            if let Some(done) = section.take() {
                report.failures.push(done);
            }
            continue;
        }
        if in_failures {
            if let Some(name) = line
                .strip_prefix("---- ")
                .and_then(|rest| rest.strip_suffix(" stdout ----"))
            {
                if let Some(done) = section.take() {
                    report.failures.push(done);
                }
                section = Some((name.to_owned(), String::new()));
                continue;
            }
            // The second `failures:` heading lists the names again: the
            // sections are over.
            if line == "failures:" {
                if let Some(done) = section.take() {
                    report.failures.push(done);
                }
                in_failures = false;
                continue;
            }
            if let Some((_, text)) = &mut section {
                text.push_str(line);
                text.push('\n');
            }
            continue;
        }
        if line == "failures:" && report.failures.is_empty() {
            in_failures = true;
            continue;
        }
        if let Some(rest) = line.strip_prefix("test ")
            && let Some((name, after)) = rest.split_once(" ... ")
        {
            // With --test-threads=1 the result follows the name on the same
            // line, unless the test printed straight to stdout in between;
            // then it is on a later line of its own.
            let mut verdict = outcome(after.trim());
            while verdict.is_none() {
                match lines.peek() {
                    Some(next) if !next.starts_with("test ") => {
                        verdict = outcome(next.trim());
                        lines.next();
                    }
                    _ => break,
                }
            }
            match verdict {
                Some(result) => {
                    report.results.push((name.to_owned(), result));
                    report.unfinished = None;
                }
                None => report.unfinished = Some(name.to_owned()),
            }
        }
    }
    if let Some(done) = section.take() {
        report.failures.push(done);
    }
    report
}

fn outcome(word: &str) -> Option<Outcome> {
    match word {
        "ok" => Some(Outcome::Ok),
        "FAILED" => Some(Outcome::Failed),
        w if w.starts_with("ignored") => Some(Outcome::Ignored),
        _ => None,
    }
}

fn parse_summary(text: &str) -> Option<Summary> {
    let mut summary = Summary::default();
    let (_, counts) = text.split_once(". ")?;
    for part in counts.split(';') {
        let mut words = part.split_whitespace();
        let (Some(number), Some(what)) = (words.next(), words.next()) else {
            continue;
        };
        let Ok(number) = number.parse() else { continue };
        match what {
            "passed" => summary.passed = number,
            "failed" => summary.failed = number,
            "ignored" => summary.ignored = number,
            _ => {}
        }
    }
    Some(summary)
}

/// One panic in a test's captured output.
#[derive(Debug, PartialEq, Eq, Default)]
pub struct Panic {
    /// `thread 'NAME' panicked at FILE:LINE:COL:`
    pub heading: String,
    /// The message, which may span lines (`assert_eq!` adds left/right).
    pub message: String,
    /// The `FILE:LINE:COL` of each frame of its backtrace, innermost first
    /// (when the test program ran with `RUST_BACKTRACE=1`).
    pub frames: Vec<String>,
}

/// The panics in a failed test's section, in the order they happened: the
/// first is usually the cause (a worker thread's), later ones its echoes
/// (the test's `unwrap` of that worker's `join`).
pub fn panics(section: &str) -> Vec<Panic> {
    let mut found: Vec<Panic> = Vec::new();
    let mut in_panic = false;
    let mut in_backtrace = false;
    for line in section.lines() {
        if line.starts_with("thread '") && line.contains(" panicked at ") {
            found.push(Panic {
                heading: without_thread_id(line),
                ..Panic::default()
            });
            in_panic = true;
            in_backtrace = false;
            continue;
        }
        if line.starts_with("stack backtrace:") {
            in_panic = false;
            in_backtrace = true;
            continue;
        }
        if line.starts_with("note: run with `RUST_BACKTRACE")
            || line.starts_with("note: Some details are omitted")
        {
            in_panic = false;
            in_backtrace = false;
            continue;
        }
        let Some(panic) = found.last_mut() else {
            continue;
        };
        if in_panic {
            panic.message.push_str(line);
            panic.message.push('\n');
        } else if in_backtrace {
            if let Some(location) = line.trim_start().strip_prefix("at ") {
                panic.frames.push(location.trim().to_owned());
            } else if !line.starts_with(' ') {
                in_backtrace = false;
            }
        }
    }
    for panic in &mut found {
        panic.message = panic.message.trim_end().to_owned();
    }
    found
}

/// `thread 'main' (1234) panicked at …` → `thread 'main' panicked at …`:
/// the OS thread id differs on every run and tells the learner nothing.
fn without_thread_id(heading: &str) -> String {
    if let Some((name, rest)) = heading.split_once("' (")
        && let Some((id, after)) = rest.split_once(") panicked at ")
        && id.chars().all(|c| c.is_ascii_digit())
    {
        return format!("{name}' panicked at {after}");
    }
    heading.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAILED_RUN: &str = "
running 3 tests
test adds_up ... ok
test in_parallel ... FAILED
test skipped ... ignored, slow

failures:

---- in_parallel stdout ----

thread '<unnamed>' (4242) panicked at exercises/support/src/lib.rs:90:17:
only 1 of 5 slices were being summed at the same time — are the threads running one after another?
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace

thread 'in_parallel' panicked at exercises/threads/threads_sum_five.rs:40:37:
a summing thread panicked: Any { .. }


failures:
    in_parallel

test result: FAILED. 1 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out; finished in 3.00s

";

    #[test]
    fn reads_a_list() {
        let list = "adds_up: test\nin_parallel: test\n\n2 tests, 0 benchmarks\n";
        assert_eq!(parse_list(list), ["adds_up", "in_parallel"]);
    }

    #[test]
    fn reads_a_failed_run() {
        let report = parse_run(FAILED_RUN);
        assert_eq!(
            report.results,
            [
                ("adds_up".to_owned(), Outcome::Ok),
                ("in_parallel".to_owned(), Outcome::Failed),
                ("skipped".to_owned(), Outcome::Ignored),
            ]
        );
        assert_eq!(
            report.summary,
            Some(Summary {
                passed: 1,
                failed: 1,
                ignored: 1
            })
        );
        assert_eq!(report.unfinished, None);
        let (name, section) = report.first_failure().unwrap();
        assert_eq!(name, "in_parallel");
        let panics = panics(section.unwrap());
        assert_eq!(panics.len(), 2);
        assert!(panics[0].message.starts_with("only 1 of 5 slices"));
        assert_eq!(
            panics[0].heading,
            "thread '<unnamed>' panicked at exercises/support/src/lib.rs:90:17:"
        );
        assert_eq!(panics[1].message, "a summing thread panicked: Any { .. }");
    }

    #[test]
    fn an_interrupted_run_names_the_unfinished_test() {
        let report = parse_run("\nrunning 2 tests\ntest first ... ok\ntest second ... ");
        assert_eq!(report.unfinished.as_deref(), Some("second"));
        assert_eq!(report.summary, None);
    }

    #[test]
    fn output_printed_between_name_and_result_is_skipped() {
        let report = parse_run("test chatty ... hello from a test\nok\ntest next ... ok\n");
        assert_eq!(
            report.results,
            [
                ("chatty".to_owned(), Outcome::Ok),
                ("next".to_owned(), Outcome::Ok)
            ]
        );
    }

    #[test]
    fn a_multi_line_assertion_is_one_panic() {
        let section = "thread 't' panicked at a.rs:1:1:\nassertion `left == right` failed: wrong total\n  left: 1\n right: 2\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n";
        let panics = panics(section);
        assert_eq!(
            panics,
            [Panic {
                heading: "thread 't' panicked at a.rs:1:1:".to_owned(),
                message: "assertion `left == right` failed: wrong total\n  left: 1\n right: 2"
                    .to_owned(),
                frames: Vec::new(),
            }]
        );
    }

    #[test]
    fn reads_the_frames_of_a_backtrace() {
        let section = "thread '<unnamed>' (77) panicked at exercises/threads/tests/t.rs:9:5:\nonly 1 of 5 slices\nstack backtrace:\n   0: __rustc::rust_begin_unwind\n   1: t::probed_sum\n             at ./exercises/threads/tests/t.rs:9:5\n   2: exercise::sum::{{closure}}\n             at /course/exercises/threads/x.rs:31:36\nnote: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.\n\nthread 't' panicked at x.rs:1:1:\nagain\n";
        let panics = panics(section);
        assert_eq!(panics.len(), 2);
        assert_eq!(panics[0].message, "only 1 of 5 slices");
        assert_eq!(
            panics[0].frames,
            [
                "./exercises/threads/tests/t.rs:9:5",
                "/course/exercises/threads/x.rs:31:36"
            ]
        );
        assert_eq!(panics[1].message, "again");
        assert!(panics[1].frames.is_empty());
    }
}
