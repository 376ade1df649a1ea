//! `cargo grade` (every exercise, with progress) and `cargo grade NAME`.

use crate::book;
use crate::grade::{self, Graded};
use crate::manifest::{Exercise, Manifest, Repo};
use crate::package::Subject;
use crate::state;
use crate::ui;
use crate::verdict::{Kind, Verdict};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Where an exercise stands, for the list.
enum Status {
    NotStarted,
    /// Graded now or remembered from an earlier run of the same file.
    Graded {
        kind: Kind,
        headline: String,
    },
}

/// Grades every started exercise (reusing the last verdict of a file that
/// has not changed since) and lists them all with the progress made.
/// With `solutions`, grades every reference solution instead.
pub fn overview(repo: &Repo, manifest: &Manifest, solutions: bool) -> ExitCode {
    let width = manifest.names().iter().map(|n| n.len()).max().unwrap_or(0);
    let progress = std::io::stderr().is_terminal();
    let mut statuses = Vec::new();
    let mut chapter = "";
    println!(
        "{}",
        ui::bold(if solutions {
            "Reference solutions"
        } else {
            "Exercises"
        })
    );
    for ex in &manifest.exercises {
        if ex.chapter != chapter {
            chapter = &ex.chapter;
            println!("\n{}", ui::bold(&book::chapter_name(repo, chapter)));
        }
        if progress {
            eprint!("  grading {}…\r", ex.name);
            let _ = std::io::stderr().flush();
        }
        let status = status(repo, ex, solutions);
        if progress {
            eprint!("\r{}\r", " ".repeat(width + 16));
        }
        let (mark, text) = match &status {
            Status::NotStarted => (ui::mark(None), ui::dim("not started")),
            Status::Graded { kind, headline } => {
                let text = if *kind == Kind::Passed {
                    ui::green(headline)
                } else {
                    ui::red(headline)
                };
                (ui::mark(Some(*kind)), text)
            }
        };
        println!("  {mark} {:width$}  {text}", ex.name);
        statuses.push((ex, status));
    }

    let total = statuses.len();
    let passed = count(&statuses, |s| {
        matches!(
            s,
            Status::Graded {
                kind: Kind::Passed,
                ..
            }
        )
    });
    let not_started = count(&statuses, |s| matches!(s, Status::NotStarted));
    let failed = total - passed - not_started;
    let percent = (passed * 100).checked_div(total).unwrap_or(0);
    if solutions {
        println!("\n{passed} of {total} solutions passed, {failed} failed");
    } else {
        println!(
            "\n{passed} of {total} passed, {failed} failed, {not_started} not started  {} {percent}%",
            ui::bar(passed, total)
        );
    }
    if !solutions {
        let next = statuses.iter().find(|(_, s)| {
            !matches!(
                s,
                Status::Graded {
                    kind: Kind::Passed,
                    ..
                }
            )
        });
        match next {
            Some((ex, Status::NotStarted)) => println!(
                "Next: open {} and run `cargo grade {}` (or `cargo grade --watch {}`).",
                repo.rel(&repo.learner_file(ex)),
                ex.name,
                ex.name
            ),
            Some((ex, _)) => println!("Next: `cargo grade {}` shows what went wrong.", ex.name),
            None => println!("All done. Well done!"),
        }
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn count(statuses: &[(&Exercise, Status)], test: impl Fn(&Status) -> bool) -> usize {
    statuses.iter().filter(|(_, s)| test(s)).count()
}

fn status(repo: &Repo, ex: &Exercise, solutions: bool) -> Status {
    if solutions {
        let verdict = grade::grade(repo, ex, &Subject::Solution).verdict;
        return Status::Graded {
            kind: verdict.kind(),
            headline: verdict.headline(),
        };
    }
    if grade::untouched(repo, ex) == Some(true) {
        return Status::NotStarted;
    }
    let fingerprint = state::fingerprint(repo, ex);
    if let Some(known) = state::remembered(repo, ex, fingerprint) {
        return Status::Graded {
            kind: known.kind,
            headline: known.headline,
        };
    }
    let verdict = grade::grade(repo, ex, &Subject::Learner).verdict;
    remember(repo, ex, fingerprint, &verdict);
    Status::Graded {
        kind: verdict.kind(),
        headline: verdict.headline(),
    }
}

fn remember(repo: &Repo, ex: &Exercise, fingerprint: u64, verdict: &Verdict) {
    // Trouble is the grader's, not the file's: grade again next time.
    if verdict.kind() != Kind::Trouble {
        state::remember(repo, ex, fingerprint, verdict.kind(), &verdict.headline());
    }
}

/// Grades one exercise (the learner's file, or with `solutions` the reference
/// solution) and explains the verdict.
pub fn one(repo: &Repo, manifest: &Manifest, ex: &Exercise, solutions: bool) -> ExitCode {
    let subject = if solutions {
        Subject::Solution
    } else {
        Subject::Learner
    };
    let file = grade::subject_file(repo, ex, &subject).unwrap_or_else(|_| repo.learner_file(ex));
    let untouched = !solutions && grade::untouched(repo, ex) == Some(true);
    println!(
        "{} {}",
        ui::bold(&format!("Grading {}", ex.name)),
        ui::dim(&format!("({})", repo.rel(&file)))
    );
    let fingerprint = state::fingerprint(repo, ex);
    let Graded { verdict, warnings } = grade::grade(repo, ex, &subject);
    if !solutions {
        remember(repo, ex, fingerprint, &verdict);
    }
    let kind = verdict.kind();
    let word = if untouched {
        "not started"
    } else {
        kind.label()
    };
    let head = format!("{} {}: {word}", ui::mark(Some(kind)), ex.name);
    println!(
        "{}",
        if kind == Kind::Passed {
            ui::green(&head)
        } else {
            ui::red(&head)
        }
    );
    if untouched {
        if ex.stub_errors.is_empty() {
            println!(
                "You have not started this exercise: open {} and replace the `todo!()` with your code.\n",
                repo.rel(&file)
            );
        } else {
            println!(
                "You have not started this exercise: {} does not compile yet, and making it \
                 compile is the exercise. Here is what rustc says.\n",
                repo.rel(&file)
            );
        }
    }
    println!("{}", verdict.details(&ex.name));
    if !untouched {
        print_warnings(&warnings);
    }
    if kind == Kind::Passed {
        if !solutions {
            println!(
                "Compare with the reference solution: {}.",
                book::page_name(repo, &repo.solution_page(ex))
            );
            if let Some(next) = next_unpassed(repo, manifest, ex) {
                println!("Next: `cargo grade {}`.", next.name);
            }
        }
        ExitCode::SUCCESS
    } else {
        if kind != Kind::TimedOut {
            println!("Stuck? `cargo grade hint {}` shows a hint.", ex.name);
        }
        ExitCode::FAILURE
    }
}

/// At most this many of rustc's warnings are shown.
const MAX_WARNINGS: usize = 5;

/// rustc's warnings about the learner's file: shown in full, and never part
/// of the verdict.
fn print_warnings(warnings: &[String]) {
    if warnings.is_empty() {
        return;
    }
    let s = if warnings.len() == 1 { "" } else { "s" };
    println!(
        "\n{}",
        ui::bold(&format!(
            "rustc has {} warning{s} about your file (worth reading; the verdict does not depend on them):",
            warnings.len()
        ))
    );
    for warning in warnings.iter().take(MAX_WARNINGS) {
        println!("\n{warning}");
    }
    if warnings.len() > MAX_WARNINGS {
        println!("\n…and {} more.", warnings.len() - MAX_WARNINGS);
    }
    println!();
}

/// The first exercise after `current` whose last verdict was not a pass.
fn next_unpassed<'m>(
    repo: &Repo,
    manifest: &'m Manifest,
    current: &Exercise,
) -> Option<&'m Exercise> {
    let at = manifest.exercises.iter().position(|e| e == current)?;
    manifest.exercises[at + 1..]
        .iter()
        .chain(&manifest.exercises[..at])
        .find(|ex| state::last_kind(repo, ex) != Some(Kind::Passed))
}

/// The exercise to work on now: the first one, in the course's order, whose
/// last verdict was not a pass (as `cargo grade` would say "Next:").
pub fn current<'m>(repo: &Repo, manifest: &'m Manifest) -> Option<&'m Exercise> {
    manifest.exercises.iter().find(|ex| {
        let passed = state::last_kind(repo, ex) == Some(Kind::Passed)
            && state::remembered(repo, ex, state::fingerprint(repo, ex)).is_some();
        !passed
    })
}
