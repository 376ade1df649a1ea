//! `cargo xtask test`: every check CI runs, as one table of steps ([`steps`]):
//! each has a group (a job of the GitHub workflow), a name, a time limit
//! from `crates/course-kit/limits.toml`, and what it needs installed first.
//! Independent steps all run, so one report shows every failure; the last
//! line counts them.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock, PoisonError, TryLockError};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, anyhow, bail};
use course_kit::limits::{self, Xtask};
use xtask::book;
use xtask::remembered::{self, BROWSER_INPUTS, PYTHON_INPUTS, Tree};
use xtask::run::run_step;
use xtask::tools::{self, Priority};

/// The jobs of `.github/workflows/ci.yml`; `cargo xtask test` runs them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Group {
    Rust,
    Python,
    Book,
}

/// What a step needs installed before it runs; each is installed once, on
/// first need, and a failure to install fails every step that needs it.
/// The slow installs ([`Need::BUILT`], [`Need::APT`]) start in the background when the run
/// starts, so that they overlap the steps before the first that needs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// The virtual environment of `requirements-dev.txt`.
    Venv,
    /// The free-threaded CPython (built from source on first use); its path
    /// reaches the step as `PYTHON_FREE_THREADED`.
    FreeThreaded,
    /// The pinned mdBook and its preprocessors.
    BookTools,
    /// A Chromium for the browser tests.
    Chromium,
    /// gdb, for the grader's view of a hung test program.
    Gdb,
}

impl std::fmt::Display for Need {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Need::Venv => "the Python environment",
            Need::FreeThreaded => "the free-threaded CPython",
            Need::BookTools => "the mdBook tools",
            Need::Chromium => "Chromium",
            Need::Gdb => "gdb",
        })
    }
}

impl Need {
    /// Built ahead, in the background, in this order (the order in which
    /// the steps need them): minutes of building each, the first time.
    const BUILT: [Need; 2] = [Need::FreeThreaded, Need::BookTools];
    /// Installed ahead with apt-get, beside the builds, in this order.
    const APT: [Need; 2] = [Need::Gdb, Need::Chromium];
}

/// What a step runs, always as a child under the step's time limit.
#[derive(Debug, Clone, Copy)]
pub enum Action {
    /// `cargo ARGS` in the root.
    Cargo(&'static [&'static str]),
    /// `cargo ARGS` in the root with these environment variables (paths in
    /// them are relative to the root).
    CargoWith(
        &'static [&'static str],
        &'static [(&'static str, &'static str)],
    ),
    /// A tool of the virtual environment, `bin/TOOL ARGS`, in the root.
    Venv(&'static str, &'static [&'static str]),
    /// A check run in this process (no child to time out; `cargo test`
    /// rebuilds this very binary, so it cannot be started again by path).
    InProcess(fn(&Path) -> Result<()>),
    /// Pytest on the built book in Chromium.
    Browser,
    /// `mdbook build` with the pinned tools on the PATH.
    MdbookBuild,
}

#[derive(Debug, Clone)]
pub struct Step {
    pub group: Group,
    pub name: &'static str,
    pub limit: Duration,
    pub needs: &'static [Need],
    pub action: Action,
    /// What the step reads, when that is files only: then it is not run
    /// again while they are unchanged since it last passed (see
    /// `remembered.rs`; `--full` runs it anyway).
    pub reads: Option<&'static [Tree]>,
}

/// Every step of `cargo xtask test`, in the order they run.
#[rustfmt::skip]
pub fn steps(limits: &Xtask) -> Vec<Step> {
    use Action::*;
    use Group::*;
    let step = |group, name, limit, needs, action| Step {
        group,
        name,
        limit: limits::secs(limit),
        needs,
        action,
        reads: None,
    };
    let reading = |reads, step: Step| Step { reads: Some(reads), ..step };
    vec![
        step(Rust, "rustfmt", limits.rustfmt, &[], Cargo(&["fmt", "--all", "--check"])),
        step(Rust, "clippy", limits.clippy, &[], Cargo(&[
            "clippy", "--workspace", "--all-targets", "--locked", "--", "-D", "warnings",
        ])),
        // Builds every example, then runs them (tests/examples.rs), the
        // compile-fail checks (tests/compile_fail.rs) and the tools' tests.
        step(Rust, "cargo test", limits.cargo_test, &[Need::Gdb], Cargo(&["test", "--workspace", "--locked"])),
        // Loom explores the thread interleavings of the Shared state
        // chapter's bounded buffer (crates/primitives/tests/loom.rs) and
        // checks that its broken variants fail with the output the book
        // shows. Its own target directory: `--cfg loom` in target/ would
        // rebuild everything there.
        step(Rust, "loom (model checking)", limits.loom, &[], CargoWith(
            &["test", "-p", "primitives", "--release", "--locked", "--test", "loom", "--test", "outcomes"],
            &[("RUSTFLAGS", "--cfg loom"), ("CARGO_TARGET_DIR", "target/loom"), ("LOOM_MAX_PREEMPTIONS", "3")],
        )),
        // Every solution passes, every untouched stub fails, every
        // known-wrong answer is rejected with its declared verdict.
        step(Rust, "exercises (cargo grade verify)", limits.grade_verify, &[Need::Gdb], Cargo(&["grade", "verify"])),
        step(Python, "ruff", limits.ruff, &[Need::Venv], Venv("ruff", &["check"])),
        // The Python twins against the same expectations, the Python
        // exercises, and the tooling's Python half.
        reading(PYTHON_INPUTS, step(Python, "pytest (Python twins)", limits.pytest, &[Need::Venv], Venv("python", &[
            "-m", "pytest", "tests", "exercises", "--ignore=tests/browser",
        ]))),
        // The benchmark's drawn plots and tables are exactly what the
        // committed CSV draws, and a run of every benchmark in seconds
        // holds its loose inequalities (crates/bench, `cargo xtask bench`).
        step(Python, "bench plots and tables", limits.bench_check, &[], Cargo(&["xtask", "bench", "--check"])),
        // With the free-threaded CPython among the Pythons it runs.
        step(Python, "bench smoke", limits.bench_smoke, &[Need::FreeThreaded], Cargo(&["xtask", "bench", "--smoke"])),
        reading(PYTHON_INPUTS, step(Python, "pytest (twins, free-threaded CPython)", limits.free_threaded_twins, &[Need::FreeThreaded], Cargo(&["xtask", "bench", "--free-threaded-twins"]))),
        step(Python, "actionlint", limits.actionlint, &[Need::Venv], Venv("actionlint", &[])),
        // GitHub workflows' security: no medium or higher finding.
        step(Python, "zizmor", limits.zizmor, &[Need::Venv], Venv("zizmor", &[
            "--offline", "--min-severity", "medium", ".github/workflows",
        ])),
        step(Book, "book check", limits.book_check, &[], InProcess(book_check)),
        step(Book, "mdbook build + linkcheck2", limits.mdbook_build, &[Need::BookTools], MdbookBuild),
        // Real Chromium against the built book on 127.0.0.1 (tests/browser);
        // the screenshots land in target/screenshots for a person to see.
        reading(BROWSER_INPUTS, step(Book, "browser tests", limits.browser, &[Need::Venv, Need::Chromium], Browser)),
    ]
}

/// One installed thing, shared by the steps and the background installer.
/// Whoever comes second waits for the first (`installing`). The foreground
/// keeps its result, failure included; a failure in the background is only
/// printed, and the first step that needs the thing tries again in the
/// foreground, where it can be seen (and sudo can ask for a password).
struct Installed<T> {
    value: OnceLock<Result<T, String>>,
    installing: Mutex<()>,
}

impl<T> Installed<T> {
    fn new() -> Self {
        Installed {
            value: OnceLock::new(),
            installing: Mutex::new(()),
        }
    }

    fn get_or_install(&self, install: impl FnOnce() -> Result<T>) -> Result<&T, String> {
        let _turn = self
            .installing
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        self.value
            .get_or_init(|| install().map_err(|e| format!("{e:#}")))
            .as_ref()
            .map_err(Clone::clone)
    }

    fn install_ahead(&self, what: Need, install: impl FnOnce() -> Result<T>) {
        let _turn = self
            .installing
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if self.value.get().is_some() {
            return;
        }
        match install() {
            Ok(value) => {
                let _ = self.value.set(Ok(value));
            }
            Err(error) => eprintln!(
                "installing {what} in the background failed; the first step that needs it \
                 will try again: {error:#}"
            ),
        }
    }

    /// Whether an install is under way (by the background installer, when a
    /// step asks).
    fn is_busy(&self) -> bool {
        matches!(self.installing.try_lock(), Err(TryLockError::WouldBlock))
    }
}

/// What the steps share: the root, and each need, installed on first use,
/// by the steps or by the background installer.
struct Context<'a> {
    root: &'a Path,
    venv: Installed<PathBuf>,
    free_threaded: Installed<PathBuf>,
    book_tools: Installed<OsString>,
    chromium: Installed<()>,
    gdb: Installed<()>,
}

impl Context<'_> {
    fn ensure(&self, need: Need) -> Result<()> {
        let result = match need {
            Need::Venv => self.venv().map(drop),
            Need::FreeThreaded => self.free_threaded().map(drop),
            Need::BookTools => self.book_path().map(drop),
            Need::Chromium => self
                .chromium
                .get_or_install(|| tools::ensure_chromium(Priority::Foreground))
                .map(drop),
            Need::Gdb => self
                .gdb
                .get_or_install(|| tools::ensure_gdb(Priority::Foreground))
                .map(drop),
        };
        result.map_err(|why| anyhow!("cannot install {need}: {why}"))
    }

    fn is_busy(&self, need: Need) -> bool {
        match need {
            Need::Venv => self.venv.is_busy(),
            Need::FreeThreaded => self.free_threaded.is_busy(),
            Need::BookTools => self.book_tools.is_busy(),
            Need::Chromium => self.chromium.is_busy(),
            Need::Gdb => self.gdb.is_busy(),
        }
    }

    /// The background installer: each slow need of the steps that will
    /// run, at the lowest CPU priority. The builds go one after the other;
    /// the apt-get installs (downloading and unpacking, little CPU) go
    /// beside them on a thread of their own, one after the other too, as
    /// apt-get takes one lock. On a new machine Chromium was otherwise
    /// installed only after the mdBook tools, and the browser tests waited.
    fn install_ahead(&self, steps: &[Step]) {
        let wanted = |need: &Need| steps.iter().any(|step| step.needs.contains(need));
        std::thread::scope(|scope| {
            scope.spawn(|| {
                Need::APT
                    .iter()
                    .filter(|n| wanted(n))
                    .for_each(|&n| self.ahead(n))
            });
            Need::BUILT
                .iter()
                .filter(|n| wanted(n))
                .for_each(|&n| self.ahead(n));
        });
    }

    /// Installs `need` in the background, unless it is there already.
    fn ahead(&self, need: Need) {
        let background = Priority::Background;
        match need {
            Need::FreeThreaded => self
                .free_threaded
                .install_ahead(need, || tools::ensure_free_threaded(self.root, background)),
            Need::BookTools => self.book_tools.install_ahead(need, || {
                tools::ensure_book_tools(tools::BookTools::All, background)
            }),
            Need::Chromium => self
                .chromium
                .install_ahead(need, || tools::ensure_chromium(background)),
            Need::Gdb => self
                .gdb
                .install_ahead(need, || tools::ensure_gdb(background)),
            Need::Venv => {}
        }
    }

    fn venv(&self) -> Result<&PathBuf, String> {
        self.venv.get_or_install(|| tools::ensure_venv(self.root))
    }

    fn free_threaded(&self) -> Result<&PathBuf, String> {
        self.free_threaded
            .get_or_install(|| tools::ensure_free_threaded(self.root, Priority::Foreground))
    }

    fn book_path(&self) -> Result<&OsString, String> {
        self.book_tools.get_or_install(|| {
            tools::ensure_book_tools(tools::BookTools::All, Priority::Foreground)
        })
    }

    /// The command of `action`, ready to run in the root.
    fn command(&self, action: Action) -> Result<Command> {
        let venv = || self.venv().map_err(anyhow::Error::msg);
        let mut command = match action {
            Action::Cargo(args) => {
                let mut command = Command::new("cargo");
                command.args(args);
                command
            }
            Action::CargoWith(args, env) => {
                let mut command = Command::new("cargo");
                command.args(args).envs(env.iter().copied());
                command
            }
            Action::Venv(tool, args) => {
                let bin = venv()?;
                let mut command = Command::new(bin.join(tool));
                command.args(args).env("PYTHON", bin.join("python"));
                command
            }
            Action::InProcess(_) => bail!("an in-process step has no command"),
            Action::MdbookBuild => {
                let mut command = Command::new("mdbook");
                command
                    .arg("build")
                    .env("PATH", self.book_path().map_err(anyhow::Error::msg)?);
                command
            }
            Action::Browser => {
                let bin = venv()?;
                let mut command = Command::new(bin.join("python"));
                command
                    .args(["-m", "pytest", "tests/browser"])
                    .env("BOOK_DIR", self.root.join("book").join("html"))
                    .env("CHROMIUM", tools::chromium())
                    .env(
                        "SCREENSHOT_DIR",
                        self.root.join("target").join("screenshots"),
                    );
                command
            }
        };
        command.current_dir(self.root);
        Ok(command)
    }

    /// Runs `step`, unless it reads only files and passed with exactly
    /// these files, interpreters and browser before.
    fn run_unless_remembered(&self, step: &Step, full: bool) -> Result<()> {
        let Some(reads) = step.reads else {
            return self.run(step);
        };
        for &need in step.needs {
            self.ensure(need)?;
        }
        let key = remembered::key(self.root, reads, &self.programs(step.needs));
        if !full && remembered::passed(self.root, step.name, key) {
            println!(
                "passed before with every file it reads unchanged: not run again \
                 (`cargo xtask test --full` runs it)"
            );
            return Ok(());
        }
        self.run(step)?;
        remembered::remember(self.root, step.name, key);
        Ok(())
    }

    /// The interpreters and browser that `needs` name, for a step's key.
    fn programs(&self, needs: &[Need]) -> Vec<PathBuf> {
        needs
            .iter()
            .filter_map(|need| match need {
                Need::Venv => self.venv().ok().map(|bin| bin.join("python")),
                Need::FreeThreaded => self.free_threaded().ok().cloned(),
                Need::Chromium => Some(tools::chromium()),
                Need::BookTools | Need::Gdb => None,
            })
            .collect()
    }

    fn run(&self, step: &Step) -> Result<()> {
        for &need in step.needs {
            if self.is_busy(need) {
                println!("(waiting for {need}, which is installing in the background)");
            }
            self.ensure(need)?;
        }
        if let Action::InProcess(check) = step.action {
            return in_process(step, check, self.root);
        }
        let mut command = self
            .command(step.action)
            .context("cannot set up the step")?;
        if step.needs.contains(&Need::FreeThreaded) {
            let python = self.free_threaded().map_err(anyhow::Error::msg)?;
            command.env("PYTHON_FREE_THREADED", python);
        }
        run_step(step.name, &mut command, step.limit)
    }
}

/// Runs an in-process check on a thread of its own, under the step's limit
/// (past it, the step fails and the run goes on; the thread is abandoned).
fn in_process(step: &Step, check: fn(&Path) -> Result<()>, root: &Path) -> Result<()> {
    let (done, result) = std::sync::mpsc::channel();
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        let _ = done.send(check(&root));
    });
    match result.recv_timeout(step.limit) {
        Ok(result) => result,
        Err(_) => bail!("{} timed out after {} s", step.name, step.limit.as_secs()),
    }
}

fn book_check(root: &Path) -> Result<()> {
    book::check(root).map(|n| println!("{n} chapters, no problem found"))
}

struct Ran {
    name: &'static str,
    result: Result<()>,
    took: Duration,
}

pub fn run(root: &Path, only: Option<Group>, full: bool) -> Result<()> {
    let context = Context {
        root,
        venv: Installed::new(),
        free_threaded: Installed::new(),
        book_tools: Installed::new(),
        chromium: Installed::new(),
        gdb: Installed::new(),
    };
    let steps: Vec<Step> = steps(&limits::get().xtask)
        .into_iter()
        .filter(|step| only.is_none_or(|only| only == step.group))
        .collect();
    let mut ran = Vec::new();
    std::thread::scope(|scope| {
        let installer = scope.spawn(|| context.install_ahead(&steps));
        for step in &steps {
            println!("\n=== {}", step.name);
            let started = Instant::now();
            let result = context.run_unless_remembered(step, full);
            if let Err(error) = &result {
                eprintln!("FAILED: {}: {error:#}", step.name);
            }
            ran.push(Ran {
                name: step.name,
                result,
                took: started.elapsed(),
            });
        }
        if !installer.is_finished() {
            // Only when a step failed before it needed what is installing.
            println!("\n(waiting for the background installs to finish before the summary)");
        }
    });
    report(&ran)
}

fn report(ran: &[Ran]) -> Result<()> {
    println!("\n=== summary");
    for step in ran {
        let verdict = if step.result.is_ok() {
            "ok    "
        } else {
            "FAILED"
        };
        println!(
            "{verdict} {:<32} {:>6.1} s",
            step.name,
            step.took.as_secs_f64()
        );
    }
    let failed = ran.iter().filter(|s| s.result.is_err()).count();
    println!("steps: {} passed, {failed} failed", ran.len() - failed);
    if failed > 0 {
        bail!("{failed} step(s) failed");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_has_steps_and_names_are_unique() {
        let steps = steps(&limits::get().xtask);
        for group in [Group::Rust, Group::Python, Group::Book] {
            assert!(steps.iter().any(|s| s.group == group), "{group:?}");
        }
        let mut names: Vec<_> = steps.iter().map(|s| s.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), steps.len());
        // Steps of one group are together, so `--only` runs a contiguous
        // slice, in the same order as the full run.
        let groups: Vec<Group> = steps.iter().map(|s| s.group).collect();
        let mut seen = Vec::new();
        for group in groups {
            if seen.last() != Some(&group) {
                assert!(!seen.contains(&group), "{group:?} is split");
                seen.push(group);
            }
        }
    }
}
