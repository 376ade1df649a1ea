//! `cargo grade verify`, for maintainers and CI: proves the exercises sound.
//! Every reference solution passes; every stub (made from its solution)
//! compiles and fails every test; every known-wrong answer gets the verdict
//! it declares; the committed stubs are the ones the solutions make; every
//! file belongs to an exercise; every exercise has its pages. One line per
//! check, then `N passed, M failed`.

use crate::cache;
use crate::grade::{self, Prepared};
use crate::manifest::{Exercise, Manifest, Repo};
use crate::package::Subject;
use crate::run::{self, Exit, Keep, Streams};
use crate::stub;
use crate::ui;
use crate::verdict::{Kind, Stacks, Verdict};
use std::collections::VecDeque;
use std::fs;
use std::path::Path;
use std::process::{Command, ExitCode};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::{self, Scope, ScopedJoinHandle};
use std::time::{Duration, Instant};

/// What a known-wrong answer declares in its first comment lines:
///
/// ```text
/// // expect: failed
/// // message: only 1 of 5 slices were being summed
/// ```
///
/// `expect` is a verdict kind; `message`, optional, is text that the
/// verdict's explanation must contain, so that the answer is rejected for
/// the reason it was written to show. An answer that is right but not the
/// best (`SeqCst` everywhere, in a loom exercise) expects `passed`, with the
/// note of its pass as its required `message`.
///
/// A `timed-out` answer also says where its threads wait, by a piece of the
/// code on each such line (`// hangs at: let to = self.lock(to);`): the
/// verdict must name those lines, read from the stacks of the hung run.
#[derive(Debug, PartialEq, Eq)]
pub struct Expectation {
    pub kind: Kind,
    pub message: Option<String>,
    /// The lines (1-based) where its threads wait, from `hangs at:`: the
    /// verdict must name each.
    pub hangs_at: Vec<usize>,
    /// The lines of a busy loop, from `spins at:`: a running thread is
    /// caught wherever it is in its loop, so the verdict must name one.
    pub spins_at: Vec<usize>,
}

pub fn parse_expectation(source: &str) -> Result<Expectation, String> {
    let mut kind = None;
    let mut message = None;
    let mut hangs_at = Vec::new();
    let mut spins_at = Vec::new();
    let header = source
        .lines()
        .take_while(|l| l.trim_start().starts_with("//"))
        .count();
    for line in source.lines().take(header) {
        let line = line.trim_start().trim_start_matches('/').trim();
        if let Some(value) = line.strip_prefix("expect:") {
            kind = Some(value.trim().parse::<Kind>()?);
        } else if let Some(value) = line.strip_prefix("message:") {
            message = Some(value.trim().to_owned());
        } else if let Some(code) = line.strip_prefix("hangs at:") {
            hangs_at.push(line_of(source, header, code.trim())?);
        } else if let Some(code) = line.strip_prefix("spins at:") {
            spins_at.push(line_of(source, header, code.trim())?);
        }
    }
    match kind {
        None => Err("its first comment lines declare no `// expect: VERDICT`".to_owned()),
        Some(Kind::Passed) if message.is_none() => Err(
            "a wrong answer that expects `passed` must give, in `// message: TEXT`, the note \
             its pass carries; otherwise it is not wrong"
                .to_owned(),
        ),
        Some(kind) if kind != Kind::TimedOut && !(hangs_at.is_empty() && spins_at.is_empty()) => {
            Err("declares `hangs at:` or `spins at:` but does not expect `timed-out`".to_owned())
        }
        Some(kind) => Ok(Expectation {
            kind,
            message,
            hangs_at,
            spins_at,
        }),
    }
}

/// The one line after the header comment that holds `code`.
fn line_of(source: &str, header: usize, code: &str) -> Result<usize, String> {
    let found: Vec<usize> = source
        .lines()
        .enumerate()
        .skip(header)
        .filter(|(_, line)| line.contains(code))
        .map(|(i, _)| i + 1)
        .collect();
    match found[..] {
        [line] => Ok(line),
        [] => Err(format!("`hangs at: {code}`: no line of the code holds it")),
        _ => Err(format!(
            "`hangs at: {code}`: lines {found:?} all hold it; quote more of the one that waits"
        )),
    }
}

/// How many subjects' tests may run at once while the next ones build.
/// Most of a known-wrong answer's run is waiting (for the time limit, a
/// meeting point that never opens): run one after the other, those waits
/// were two thirds of a first `verify`. Building stays one at a time, as
/// cargo locks the shared target folder anyway.
const RUNS_AT_ONCE: usize = 4;

/// What a check found, and how long it took (its build and its run).
type Outcome = (Result<String, String>, Duration);

/// A check whose outcome is known, or still coming from a test run.
enum Pending<'scope> {
    Done(Outcome),
    Running(ScopedJoinHandle<'scope, Outcome>),
}

impl Pending<'_> {
    fn now(check: impl FnOnce() -> Result<String, String>) -> Self {
        let started = Instant::now();
        let outcome = check();
        Pending::Done((outcome, started.elapsed()))
    }

    fn outcome(self) -> Outcome {
        match self {
            Pending::Done(outcome) => outcome,
            Pending::Running(handle) => handle.join().unwrap_or_else(|_| {
                (
                    Err("the grader's thread panicked while it ran the tests".to_owned()),
                    Duration::ZERO,
                )
            }),
        }
    }

    fn is_done(&self) -> bool {
        match self {
            Pending::Done(_) => true,
            Pending::Running(handle) => handle.is_finished(),
        }
    }
}

/// The checks of one exercise, reported together and in order once all
/// are done.
struct ExerciseChecks<'scope> {
    name: String,
    /// Run every time.
    cheap: Vec<(String, Pending<'scope>)>,
    /// The grading checks, remembered under `key` when they all pass.
    graded: Vec<(String, Pending<'scope>)>,
    key: u64,
    /// The graded lines of an earlier pass on the same files, shown again.
    replay: Option<Vec<String>>,
}

impl ExerciseChecks<'_> {
    fn is_done(&self) -> bool {
        self.cheap
            .iter()
            .chain(&self.graded)
            .all(|(_, p)| p.is_done())
    }
}

/// Starts test runs on threads of their own, at most [`RUNS_AT_ONCE`] at
/// a time: a token comes back from each finished run.
struct Runner<'scope, 'env> {
    scope: &'scope Scope<'scope, 'env>,
    give_back: SyncSender<()>,
    tokens: Receiver<()>,
}

/// Returns its run's token when dropped, even if the run panicked.
struct Token(SyncSender<()>);

impl Drop for Token {
    fn drop(&mut self) {
        let _ = self.0.send(());
    }
}

impl<'scope, 'env> Runner<'scope, 'env> {
    fn new(scope: &'scope Scope<'scope, 'env>) -> Self {
        let (give_back, tokens) = sync_channel(RUNS_AT_ONCE);
        for _ in 0..RUNS_AT_ONCE {
            let _ = give_back.send(());
        }
        Runner {
            scope,
            give_back,
            tokens,
        }
    }

    /// Builds `subject` now, then runs its tests on a thread of their own;
    /// `judge` turns the verdict into the check's outcome.
    fn grade(
        &self,
        repo: &'env Repo,
        ex: &'env Exercise,
        subject: Subject,
        judge: impl FnOnce(Verdict) -> Result<String, String> + Send + 'scope,
    ) -> Pending<'scope> {
        let started = Instant::now();
        match grade::prepare(repo, ex, &subject) {
            Prepared::Decided(graded) => Pending::Done((judge(graded.verdict), started.elapsed())),
            Prepared::Built(built) => {
                let build_time = started.elapsed();
                let _ = self.tokens.recv(); // waits for a run to finish
                let token = Token(self.give_back.clone());
                Pending::Running(self.scope.spawn(move || {
                    let _token = token;
                    let started = Instant::now();
                    let verdict = grade::test(repo, ex, built).verdict;
                    (judge(verdict), build_time + started.elapsed())
                }))
            }
        }
    }
}

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
}

impl Tally {
    /// Prints a check's line; returns the line to remember if it passed.
    fn record(&mut self, what: &str, (outcome, took): Outcome) -> Option<String> {
        let time = ui::dim(&format!("({:.1} s)", took.as_secs_f64()));
        match outcome {
            Ok(detail) => {
                self.passed += 1;
                println!("{} {what}: {detail} {time}", ui::green("ok  "));
                Some(format!("{what}: {detail}"))
            }
            Err(why) => {
                self.failed += 1;
                println!("{} {what}: {why} {time}", ui::red("FAIL"));
                None
            }
        }
    }

    /// Replays the lines of checks that passed on unchanged files.
    fn replay(&mut self, lines: &[String]) {
        for line in lines {
            self.passed += 1;
            println!(
                "{} {line} {}",
                ui::green("ok  "),
                ui::dim("(unchanged since it passed)")
            );
        }
    }

    /// Reports an exercise's checks in order, and remembers its grading
    /// checks when they all passed.
    fn report(&mut self, repo: &Repo, checks: ExerciseChecks) {
        for (what, pending) in checks.cheap {
            self.record(&what, pending.outcome());
        }
        if let Some(lines) = &checks.replay {
            self.replay(lines);
            return;
        }
        let mut lines = Vec::new();
        let mut all_passed = true;
        for (what, pending) in checks.graded {
            match self.record(&what, pending.outcome()) {
                Some(line) => lines.push(line),
                None => all_passed = false,
            }
        }
        if all_passed {
            cache::remember(repo, &checks.name, checks.key, &lines);
        }
    }
}

/// `cargo grade verify [NAME] [--full]`. Without `--full`, the grading
/// checks of an exercise whose files are all unchanged since they last
/// passed (see [`cache::key`]) are not run again; their lines are shown
/// as they were. Subjects build one after the other; their tests run
/// meanwhile, a few at a time, and each exercise is reported, in order,
/// once all its checks are done.
pub fn verify(repo: &Repo, manifest: &Manifest, only: Option<&Exercise>, full: bool) -> ExitCode {
    let mut tally = Tally::default();
    let toolchain = cache::toolchain();
    let support_key = cache::support_key(repo, &toolchain);
    match cache::passed(repo, "support", support_key).filter(|_| !full) {
        Some(lines) => tally.replay(&lines),
        None => {
            let line = tally.record(
                "exercises/support",
                Pending::now(|| support_tests(repo)).outcome(),
            );
            if let Some(line) = line {
                cache::remember(repo, "support", support_key, &[line]);
            }
        }
    }
    tally.record(
        "files",
        Pending::now(|| no_strays(repo, manifest)).outcome(),
    );
    let summary = fs::read_to_string(repo.root.join("src/SUMMARY.md")).unwrap_or_default();
    thread::scope(|scope| {
        let runner = Runner::new(scope);
        let mut waiting = VecDeque::new();
        for ex in &manifest.exercises {
            if only.is_none_or(|only| only == ex) {
                waiting.push_back(exercise_checks(
                    repo, ex, &summary, full, &toolchain, &runner,
                ));
            }
            while waiting.front().is_some_and(ExerciseChecks::is_done) {
                tally.report(repo, waiting.pop_front().expect("a front"));
            }
        }
        for checks in waiting {
            tally.report(repo, checks);
        }
    });
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Starts every check of `ex`: the cheap ones run now, the builds too,
/// and the test runs go on in the background.
fn exercise_checks<'scope, 'env>(
    repo: &'env Repo,
    ex: &'env Exercise,
    summary: &str,
    full: bool,
    toolchain: &str,
    runner: &Runner<'scope, 'env>,
) -> ExerciseChecks<'scope> {
    let name = &ex.name;
    let cheap = vec![
        (
            format!("{name}: stub"),
            Pending::now(|| committed_stubs(repo, ex)),
        ),
        (
            format!("{name}: Python version"),
            Pending::now(|| python_version(repo, ex)),
        ),
        (
            format!("{name}: pages"),
            Pending::now(|| pages(repo, ex, summary)),
        ),
    ];
    let key = cache::exercise_key(repo, ex, toolchain);
    let mut checks = ExerciseChecks {
        name: name.clone(),
        cheap,
        graded: Vec::new(),
        key,
        replay: cache::passed(repo, name, key).filter(|_| !full),
    };
    if checks.replay.is_some() {
        return checks;
    }
    let solution = runner.grade(repo, ex, Subject::Solution, move |verdict| match verdict {
        Verdict::Passed { tests, .. } => Ok(format!("passes all {tests} tests")),
        other => Err(explain(&other, name)),
    });
    checks.graded.push((format!("{name}: solution"), solution));
    let stub = runner.grade(repo, ex, Subject::Stub, move |verdict| {
        untouched_stub(ex, &verdict)
    });
    checks
        .graded
        .push((format!("{name}: untouched stub"), stub));

    let dir = repo.wrong_dir(ex);
    let mut wrong: Vec<_> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "rs"))
                .collect()
        })
        .unwrap_or_default();
    wrong.sort();
    let count = Pending::now(|| {
        if wrong.is_empty() {
            Err(format!(
                "none in {}: keep at least one that the tests must reject",
                repo.rel(&dir)
            ))
        } else {
            Ok(format!("{} in {}", wrong.len(), repo.rel(&dir)))
        }
    });
    checks
        .graded
        .push((format!("{name}: wrong answers"), count));
    for path in wrong {
        let kind = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let what = format!("{name}: wrong answer `{kind}`");
        let expected = fs::read_to_string(&path)
            .map_err(|e| format!("{}: {e}", repo.rel(&path)))
            .and_then(|source| {
                parse_expectation(&source).map_err(|why| format!("{}: {why}", repo.rel(&path)))
            });
        let pending = match expected {
            Err(why) => Pending::Done((Err(why), Duration::ZERO)),
            Ok(expected) => {
                let file = repo.rel(&path);
                let shown = shown_verdict(repo, &path);
                runner.grade(repo, ex, Subject::Wrong(kind), move |verdict| {
                    wrong_answer(ex, &expected, &verdict)?;
                    hangs_where_declared(&file, &expected, &verdict)?;
                    shown_as_recorded(shown, &verdict, &ex.name)?;
                    let judged = if expected.kind == Kind::Passed {
                        "passes with its note, as declared"
                    } else {
                        "rejected as declared"
                    };
                    Ok(format!("{judged}: {}", verdict.headline()))
                })
            }
        };
        checks.graded.push((what, pending));
    }
    checks
}

/// The learner's file and the page's copy are the stub the solution makes.
fn committed_stubs(repo: &Repo, ex: &Exercise) -> Result<String, String> {
    let stub = grade::stub_text(repo, ex)?;
    for file in [repo.learner_file(ex), repo.page_stub_file(ex)] {
        let committed =
            fs::read_to_string(&file).map_err(|e| format!("{}: {e}", repo.rel(&file)))?;
        if committed != stub {
            return Err(format!(
                "{} differs from the stub {} makes: run `cargo grade make-stubs`",
                repo.rel(&file),
                repo.rel(&repo.solution_file(ex))
            ));
        }
    }
    Ok(format!(
        "{} and {} are the stub its solution makes",
        repo.rel(&repo.learner_file(ex)),
        repo.rel(&repo.page_stub_file(ex))
    ))
}

/// The stub, untouched, fails every test; or, for a "make it compile"
/// exercise, fails to compile with the errors it declares.
fn untouched_stub(ex: &Exercise, verdict: &Verdict) -> Result<String, String> {
    let name = &ex.name;
    if !ex.stub_errors.is_empty() {
        let Verdict::CompileError { errors, .. } = verdict else {
            return Err(format!(
                "should not compile (stub_errors = {:?}), but: {}",
                ex.stub_errors,
                explain(verdict, name)
            ));
        };
        let codes: Vec<String> = errors.iter().filter_map(|e| error_code(e)).collect();
        let missing: Vec<&String> = ex
            .stub_errors
            .iter()
            .filter(|code| !codes.contains(code))
            .collect();
        return if missing.is_empty() {
            Ok(format!(
                "does not compile, as declared: {}",
                codes.join(", ")
            ))
        } else {
            Err(format!(
                "does not compile, but without {missing:?} (its errors: {})",
                codes.join(", ")
            ))
        };
    }
    match *verdict {
        Verdict::Failed { failed, total, .. } if failed == total => {
            Ok(format!("compiles and fails all {total} tests"))
        }
        Verdict::Failed { failed, total, .. } => Err(format!(
            "passes {} of its {total} tests: a test that an empty stub passes proves nothing",
            total - failed
        )),
        ref other => Err(format!(
            "should compile and fail its tests, but: {}",
            explain(other, name)
        )),
    }
}

/// `error[E0373]: …` → `E0373`.
fn error_code(rendered: &str) -> Option<String> {
    let code = rendered.strip_prefix("error[")?.split(']').next()?;
    Some(code.to_owned())
}

/// The Python version: its solution and its tests exist (pytest runs them,
/// in `cargo xtask test`).
fn python_version(repo: &Repo, ex: &Exercise) -> Result<String, String> {
    let missing: Vec<String> = [repo.python_solution_file(ex), repo.python_tests_file(ex)]
        .iter()
        .filter(|path| !path.is_file())
        .map(|path| repo.rel(path))
        .collect();
    if missing.is_empty() {
        Ok(format!(
            "{} and {}",
            repo.rel(&repo.python_solution_file(ex)),
            repo.rel(&repo.python_tests_file(ex))
        ))
    } else {
        Err(format!(
            "missing {}: every exercise has a Python version (see exercises/README.md)",
            missing.join(" and ")
        ))
    }
}

/// The verdict is of the declared kind, and says the declared message.
fn wrong_answer(ex: &Exercise, expected: &Expectation, verdict: &Verdict) -> Result<(), String> {
    if verdict.kind() != expected.kind {
        return Err(format!(
            "declares `{}` but got `{}`: {}",
            expected.kind,
            verdict.kind(),
            explain(verdict, &ex.name)
        ));
    }
    let details = crate::verdict::strip_ansi(&verdict.details(&ex.name));
    if let Some(message) = &expected.message
        && !details.contains(message.as_str())
    {
        return Err(format!(
            "got `{}` as declared, but without \"{message}\": {}",
            verdict.kind(),
            explain(verdict, &ex.name)
        ));
    }
    Ok(())
}

/// A `timed-out` answer's verdict names every line its `hangs at:` lines
/// point to, read from the stacks of the hung run.
fn hangs_where_declared(
    file: &str,
    expected: &Expectation,
    verdict: &Verdict,
) -> Result<(), String> {
    let Verdict::TimedOut { stacks, .. } = verdict else {
        return Ok(());
    };
    let hang = match stacks {
        Stacks::Shown(hang) => hang,
        Stacks::NotShown(why) => {
            return Err(format!(
                "timed out, but where its threads wait could not be read: {why}"
            ));
        }
    };
    let declared = !(expected.hangs_at.is_empty() && expected.spins_at.is_empty());
    if !declared && hang.pattern != Some(crate::stacks::report::RUNTIME) {
        return Err(format!(
            "declares `timed-out` but no `// hangs at: CODE` (or `// spins at: CODE`) line \
             saying where its threads wait; the verdict says:\n{}",
            hang.render()
        ));
    }
    let at = |line: &usize| format!("{file}:{line}");
    let mut missed: Vec<String> = expected
        .hangs_at
        .iter()
        .filter(|&&line| !hang.names_line(file, line))
        .map(at)
        .collect();
    if !expected.spins_at.is_empty()
        && !expected
            .spins_at
            .iter()
            .any(|&line| hang.names_line(file, line))
    {
        let lines: Vec<String> = expected.spins_at.iter().map(at).collect();
        missed.push(format!("any of {}", lines.join(", ")));
    }
    if missed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "its verdict does not name {} where it declares its threads wait; it says:\n{}",
            missed.join(", "),
            hang.render()
        ))
    }
}

/// A verdict a page shows: `WRONG.verdict` beside the wrong answer, written
/// by `cargo grade wrong NAME WRONG --bless`.
fn shown_verdict(repo: &Repo, wrong: &Path) -> Option<(String, Result<String, String>)> {
    let path = wrong.with_extension("verdict");
    path.exists().then(|| {
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", repo.rel(&path)));
        (repo.rel(&path), text)
    })
}

/// The recorded verdict is what the grader says now (thread counts aside:
/// how many threads had reached which lock varies from run to run).
fn shown_as_recorded(
    shown: Option<(String, Result<String, String>)>,
    verdict: &Verdict,
    name: &str,
) -> Result<(), String> {
    let Some((file, recorded)) = shown else {
        return Ok(());
    };
    let now = crate::verdict::strip_ansi(&verdict.details(name));
    if same_shape(&recorded?, &now) {
        Ok(())
    } else {
        Err(format!(
            "{file}, shown in the book, is not what the grader says now; run `cargo grade wrong \
             {name} {} --bless` and read it. Now:\n{now}",
            Path::new(&file)
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
        ))
    }
}

/// Equal line by line, except the count that starts a `N threads …` line.
pub fn same_shape(recorded: &str, now: &str) -> bool {
    let shape = |text: &str| -> Vec<String> {
        text.trim_end()
            .lines()
            .map(|line| {
                let body = line.trim_start();
                let indent = &line[..line.len() - body.len()];
                match body.split_once(' ') {
                    Some((count, rest))
                        if count.parse::<usize>().is_ok() && rest.starts_with("thread") =>
                    {
                        // `1 thread waits` and `3 threads wait` are one shape.
                        let mut words = rest.splitn(3, ' ');
                        let (_, verb, tail) = (words.next(), words.next(), words.next());
                        let verb = match verb.unwrap_or_default() {
                            "is" | "are" => "be",
                            verb => verb.trim_end_matches('s'),
                        };
                        format!("{indent}N thread {verb} {}", tail.unwrap_or_default())
                    }
                    _ => line.to_owned(),
                }
            })
            .collect()
    };
    shape(recorded) == shape(now)
}

/// For maintainers: the full verdict that known-wrong answer `wrong` of
/// `ex` gets; with `bless`, also recorded as `WRONG.verdict` for a page.
pub fn show_wrong(repo: &Repo, ex: &Exercise, wrong: &str, bless: bool) -> ExitCode {
    let path = repo.wrong_dir(ex).join(format!("{wrong}.rs"));
    if !path.is_file() {
        eprintln!("error: {} does not exist", repo.rel(&path));
        return ExitCode::from(2);
    }
    let graded = grade::grade(repo, ex, &Subject::Wrong(wrong.to_owned()));
    let details = crate::verdict::strip_ansi(&graded.verdict.details(&ex.name));
    println!("{details}");
    if bless {
        let out = path.with_extension("verdict");
        if let Err(e) = fs::write(&out, format!("{details}\n")) {
            eprintln!("error: cannot write {}: {e}", repo.rel(&out));
            return ExitCode::FAILURE;
        }
        eprintln!("wrote {}: read it before you commit it", repo.rel(&out));
    }
    ExitCode::SUCCESS
}

/// A verdict in one line (with the test, for a failure).
fn explain(verdict: &Verdict, name: &str) -> String {
    match verdict {
        Verdict::Failed { test, .. } => format!("{} (test `{test}`)", verdict.headline()),
        Verdict::Trouble { why } => why.replace('\n', " / "),
        _ => verdict
            .details(name)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned(),
    }
}

/// The exercise's page and solution page exist, say what they must, and
/// SUMMARY.md lists them.
fn pages(repo: &Repo, ex: &Exercise, summary: &str) -> Result<String, String> {
    let name = &ex.name;
    let page = repo.page(ex);
    let solution_page = repo.solution_page(ex);
    let read =
        |path: &Path| fs::read_to_string(path).map_err(|e| format!("{}: {e}", repo.rel(path)));
    if crate::book::chapter_title(summary, &ex.chapter).is_none() {
        return Err(format!(
            "src/SUMMARY.md lists no {}/index.md: the chapter's title, which `cargo grade` \
             shows above its exercises, is the title of that page's link",
            ex.chapter
        ));
    }
    let text = read(&page)?;
    // The pristine stub, never the learner's file (which they edit).
    let stub_include = format!(
        "```rust\n{{{{#include ../../../solutions/{}/stubs/{name}.rs}}}}\n```",
        ex.chapter
    );
    let learners = format!("exercises/{}/{name}.rs}}}}", ex.chapter);
    if text.contains(&learners) {
        return Err(format!(
            "{} includes the learner's own file, {}: include the stub, solutions/{}/stubs/{name}.rs",
            repo.rel(&page),
            learners.trim_end_matches('}'),
            ex.chapter
        ));
    }
    let solution_link = format!("({name}-solution.md)");
    for (needle, what) in [
        (
            format!("`cargo grade {name}`"),
            "the command that grades it",
        ),
        (format!("`cargo grade hint {name}`"), "how to get a hint"),
        (stub_include, "the stub, included"),
        (solution_link, "a link to its solution page"),
    ] {
        if !text.contains(&needle) {
            return Err(format!("{} lacks {what}: {needle}", repo.rel(&page)));
        }
    }
    let solution_text = read(&solution_page)?;
    for (needle, what) in [
        (
            format!(
                "```rust\n{{{{#include ../../../solutions/{}/{name}.rs}}}}\n```",
                ex.chapter
            ),
            "the solution",
        ),
        (
            format!(
                "```python\n{{{{#include ../../../solutions/{}/{name}.py}}}}\n```",
                ex.chapter
            ),
            "the Python solution",
        ),
        ("{{#tab name=\"Python\"".to_owned(), "a Python tab"),
    ] {
        if !solution_text.contains(&needle) {
            return Err(format!(
                "{} does not show {what}: {needle}",
                repo.rel(&solution_page)
            ));
        }
    }
    // Solutions are one deliberate step away: in a part of their own at the
    // end of the book, so that neither "next" nor the chapter's pages in
    // the sidebar lead straight to them.
    let solution_src = format!("{}/exercises/{name}-solution.md", ex.chapter);
    if let Some(place) = crate::book::place(summary, &solution_src)
        && !place.starts_with("Solutions")
    {
        return Err(format!(
            "src/SUMMARY.md lists {solution_src} under \"{place}\": list it in the part \
             `# Solutions: CHAPTER TITLE` at the end of the book"
        ));
    }
    // What a page may hold (no code that is not a file) is the book
    // checker's rule (`cargo xtask check-book`, xtask/src/book.rs), applied
    // to every page SUMMARY.md lists, these included.
    for path in [&page, &solution_page] {
        let listed = path
            .strip_prefix(repo.root.join("src"))
            .map(|p| format!("]({})", p.display()))
            .unwrap_or_default();
        if !summary.contains(&listed) {
            return Err(format!("src/SUMMARY.md does not list {}", repo.rel(path)));
        }
    }
    Ok(format!(
        "{} and {}",
        repo.rel(&page),
        repo.rel(&solution_page)
    ))
}

/// Every exercise, solution, test and wrong-answer file belongs to an
/// exercise in the manifest, and every exercise has its files.
fn no_strays(repo: &Repo, manifest: &Manifest) -> Result<String, String> {
    let mut problems = Vec::new();
    let mut files = 0;
    for ex in &manifest.exercises {
        for path in [
            repo.learner_file(ex),
            repo.solution_file(ex),
            repo.tests_file(ex),
            repo.python_solution_file(ex),
            repo.python_tests_file(ex),
        ] {
            if !path.is_file() {
                problems.push(format!("{} is missing", repo.rel(&path)));
            }
        }
    }
    for chapter in manifest.chapters() {
        let listed = |stem: &str| {
            manifest
                .exercises
                .iter()
                .any(|e| e.chapter == chapter && e.name == stem)
        };
        for folder in [
            format!("exercises/{chapter}"),
            format!("exercises/{chapter}/tests"),
            format!("solutions/{chapter}"),
            format!("solutions/{chapter}/stubs"),
            format!("solutions/{chapter}/wrong"),
        ] {
            let Ok(entries) = fs::read_dir(repo.root.join(&folder)) else {
                continue;
            };
            for entry in entries.filter_map(Result::ok) {
                let path = entry.path();
                let stem = path
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if file_name == "__pycache__" {
                    // Python's own cache of the Python twins: not ours.
                    continue;
                }
                let belongs = if folder.ends_with("/wrong") {
                    path.is_dir() && listed(&stem) && recorded_verdicts_have_answers(&path)
                } else if path.is_dir() {
                    matches!(file_name, "tests" | "wrong" | "stubs")
                } else if folder.ends_with("/tests") && file_name.ends_with(".py") {
                    // The Python twin's tests: `tests/test_NAME.py`.
                    stem.strip_prefix("test_").is_some_and(listed)
                } else if folder.ends_with("/stubs") {
                    path.extension().is_some_and(|x| x == "rs") && listed(&stem)
                } else {
                    path.extension().is_some_and(|x| x == "rs" || x == "py") && listed(&stem)
                };
                files += 1;
                if !belongs {
                    problems.push(format!(
                        "{} belongs to no exercise in exercises/info.toml",
                        repo.rel(&path)
                    ));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(format!(
            "all {files} files and folders belong to the {} exercises of exercises/info.toml",
            manifest.exercises.len()
        ))
    } else {
        Err(problems.join("; "))
    }
}

/// Every `WRONG.verdict` in a wrong answers' folder has its `WRONG.rs`.
fn recorded_verdicts_have_answers(dir: &Path) -> bool {
    fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .all(|entry| {
            let path = entry.path();
            path.extension().is_none_or(|x| x != "verdict") || path.with_extension("rs").is_file()
        })
}

/// The test-support crate's own tests.
fn support_tests(repo: &Repo) -> Result<String, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .args(["test", "--offline", "--quiet", "--manifest-path"])
        .arg(repo.support_dir().join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", repo.work_dir().join("build"))
        .env("CARGO_TERM_COLOR", "never");
    let finished = run::run(
        command,
        course_kit::limits::secs(course_kit::limits::get().grader.support_tests),
        Streams::Merged,
        Keep {
            head: 64 << 10,
            tail: 64 << 10,
        },
    )
    .map_err(|e| e.to_string())?;
    let text = finished.out.text();
    match finished.exit {
        Exit::Code(0) => Ok(text
            .lines()
            .find(|l| l.starts_with("test result:"))
            .unwrap_or("tests pass")
            .to_owned()),
        _ => Err(format!("its tests fail:\n{}", text.trim_end())),
    }
}

/// `cargo grade make-stubs`: writes each exercise's stub from its solution,
/// into the learner's file and the copy its page shows. A learner's file
/// that differs is kept in the backup folder first, so even a learner who
/// runs this by mistake loses nothing.
pub fn make_stubs(repo: &Repo, manifest: &Manifest) -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for ex in &manifest.exercises {
        let stub = match grade::stub_text(repo, ex) {
            Ok(stub) => stub,
            Err(why) => {
                eprintln!("{}: {why}", ex.name);
                status = ExitCode::FAILURE;
                continue;
            }
        };
        for (file, keep) in [
            (repo.learner_file(ex), true),
            (repo.page_stub_file(ex), false),
        ] {
            let current = fs::read_to_string(&file).ok();
            if current.as_deref() == Some(stub.as_str()) {
                println!("unchanged  {}", repo.rel(&file));
                continue;
            }
            if keep && let Some(current) = current.filter(|text| !stub::is_untouched(text, &stub)) {
                let backup = crate::reset::backup_path(repo, ex);
                let saved = fs::create_dir_all(backup.parent().expect("has a parent"))
                    .and_then(|()| fs::write(&backup, current));
                if let Err(e) = saved {
                    eprintln!(
                        "{}: cannot keep the old file as {}: {e}",
                        ex.name,
                        repo.rel(&backup)
                    );
                    status = ExitCode::FAILURE;
                    continue;
                }
                println!("kept       {} as {}", repo.rel(&file), repo.rel(&backup));
            }
            match file
                .parent()
                .map_or(Ok(()), fs::create_dir_all)
                .and_then(|()| fs::write(&file, &stub))
            {
                Ok(()) => println!("written    {}", repo.rel(&file)),
                Err(e) => {
                    eprintln!("{}: cannot write {}: {e}", ex.name, repo.rel(&file));
                    status = ExitCode::FAILURE;
                }
            }
        }
    }
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_a_wrong_answer_expects() {
        let source = "// expect: timed-out\n// message: waiting on each other\n// Why: a sender stays alive.\nuse std::thread;\n// expect: failed\n";
        assert_eq!(
            parse_expectation(source),
            Ok(Expectation {
                kind: Kind::TimedOut,
                message: Some("waiting on each other".to_owned()),
                hangs_at: vec![],
                spins_at: vec![],
            })
        );
        assert!(
            parse_expectation("use std::thread;\n")
                .unwrap_err()
                .contains("no `// expect")
        );
        assert!(
            parse_expectation("// expect: passed\n")
                .unwrap_err()
                .contains("must give")
        );
        assert_eq!(
            parse_expectation("// expect: passed\n// message: stronger than needed\n")
                .map(|e| (e.kind, e.message)),
            Ok((Kind::Passed, Some("stronger than needed".to_owned())))
        );
        assert!(
            parse_expectation("// expect: hangs\n")
                .unwrap_err()
                .contains("unknown verdict")
        );
    }

    #[test]
    fn hangs_at_finds_its_line_in_the_code_after_the_header() {
        let source = "// expect: timed-out\n// hangs at: rx.recv()\nfn main() {\n    let x = rx.recv();\n}\n";
        assert_eq!(parse_expectation(source).unwrap().hangs_at, vec![4]);
        let twice = "// expect: timed-out\n// hangs at: lock()\na.lock();\nb.lock();\n";
        assert!(
            parse_expectation(twice)
                .unwrap_err()
                .contains("lines [3, 4]")
        );
        let nowhere = "// expect: timed-out\n// hangs at: join()\nfn main() {}\n";
        assert!(parse_expectation(nowhere).unwrap_err().contains("no line"));
        let not_a_hang = "// expect: failed\n// hangs at: main\nfn main() {}\n";
        assert!(
            parse_expectation(not_a_hang)
                .unwrap_err()
                .contains("does not expect")
        );
        let spins = "// expect: timed-out\n// spins at: while x\n// spins at: spin_loop()\nwhile x {\n    spin_loop();\n}\n";
        assert_eq!(parse_expectation(spins).unwrap().spins_at, vec![4, 5]);
    }

    #[test]
    fn a_pass_must_carry_the_declared_note() {
        let ex = Manifest::parse(
            "[[exercises]]\nname = \"p\"\nchapter = \"c\"\ntitle = \"t\"\nhints = [\"h\"]\n",
        )
        .unwrap()
        .exercises
        .remove(0);
        let expected =
            parse_expectation("// expect: passed\n// message: stronger than needed\n").unwrap();
        let pass = |note: Option<&str>| Verdict::Passed {
            tests: 6,
            under_loom: 3,
            note: note.map(str::to_owned),
        };
        assert_eq!(
            wrong_answer(&ex, &expected, &pass(Some("Release suffices."))),
            Ok(())
        );
        let plain = wrong_answer(&ex, &expected, &pass(None)).unwrap_err();
        assert!(
            plain.contains("without \"stronger than needed\""),
            "{plain}"
        );
        let failed = Verdict::Trouble {
            why: "x".to_owned(),
        };
        assert!(
            wrong_answer(&ex, &expected, &failed)
                .unwrap_err()
                .contains("declares `passed`")
        );
    }

    #[test]
    fn a_recorded_verdict_may_differ_only_in_thread_counts() {
        let recorded = "When stopped:\n  5 threads wait for a lock\n      x.rs:4   a\n";
        assert!(same_shape(
            recorded,
            "When stopped:\n  3 threads wait for a lock\n      x.rs:4   a"
        ));
        assert!(same_shape(
            recorded,
            "When stopped:\n  1 thread waits for a lock\n      x.rs:4   a"
        ));
        assert!(!same_shape(
            recorded,
            "When stopped:\n  5 threads wait for a lock\n      x.rs:5   a"
        ));
    }
}
