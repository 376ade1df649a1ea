//! Installs what the book and the test suite need, pinned, into a cache
//! outside the repository, so a second run (or a fresh clone on the same
//! machine) reuses it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result};

use crate::run::{Outcome, last_lines, run_captured, run_step};

/// `cargo install --locked` pins: (crate, version, binary).
pub const CARGO_TOOLS: [(&str, &str, &str); 4] = [
    ("mdbook", "0.5.4", "mdbook"),
    ("mdbook-tabs", "1.0.0", "mdbook-tabs"),
    ("mdbook-quiz", "0.5.0", "mdbook-quiz"),
    ("mdbook-linkcheck2", "0.13.0", "mdbook-linkcheck2"),
];

/// The link checker: the test suite's, not the reader's. `cargo xtask
/// book` installs and runs the others only.
pub const LINK_CHECKER: &str = "mdbook-linkcheck2";

/// Which of the pinned mdBook tools to install.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookTools {
    /// What reading the book needs: mdBook and the preprocessors.
    Reading,
    /// Those and the link checker, for the test suite.
    All,
}

/// How long a tool's first install took on the course's 2-core machine,
/// for the line that says what is being installed (measured: see
/// README.md). The reading tools build with [`quick_build`].
fn estimate(name: &str) -> &'static str {
    match name {
        "mdbook" => "about 45 s",
        "mdbook-tabs" | "mdbook-quiz" => "about 25 s",
        _ => "about 2 min",
    }
}

/// The reading tools are built without optimisation (cargo's dev profile,
/// without debug information, debug assertions or overflow checks, as in
/// release): mdBook 0.5.4 builds in about 45 s instead of about 4 min, and
/// renders this book in about 6 s instead of 2, byte for byte the same
/// HTML. The link checker stays optimised: unoptimised, it takes 20 s more
/// on every build of the book.
fn quick_build(name: &str, command: &mut Command) {
    if name == LINK_CHECKER {
        return;
    }
    command.arg("--debug").envs([
        ("CARGO_PROFILE_DEV_DEBUG", "0"),
        ("CARGO_PROFILE_DEV_DEBUG_ASSERTIONS", "false"),
        ("CARGO_PROFILE_DEV_OVERFLOW_CHECKS", "false"),
    ]);
}

/// Installing a pinned tool (crates/course-kit/limits.toml).
fn install_limit() -> Duration {
    course_kit::limits::secs(course_kit::limits::get().xtask.install)
}

/// How an install runs: in the foreground, its output on the terminal; or
/// in the background while `cargo xtask test` runs its other steps, at the
/// lowest CPU priority (`nice -n 19`, so that the steps keep their speed
/// and the install takes the CPU they leave idle) and with its output kept
/// for the error message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    Foreground,
    Background,
}

/// `program`, or in the background `nice -n 19 program`.
fn at_priority(program: &str, priority: Priority) -> Command {
    match priority {
        Priority::Foreground => Command::new(program),
        Priority::Background => {
            let mut nice = Command::new("nice");
            nice.args(["-n", "19", program]);
            nice
        }
    }
}

/// Runs one install command, named `what`, under the install limit.
fn install(
    what: &str,
    program: &str,
    args: &mut dyn FnMut(&mut Command),
    priority: Priority,
) -> Result<()> {
    let mut command = at_priority(program, priority);
    args(&mut command);
    if priority == Priority::Foreground {
        return run_step(what, &mut command, install_limit());
    }
    let tail = |text: &str| last_lines(text, 30);
    match run_captured(what, &mut command, install_limit())? {
        Outcome::Finished(done) if done.exit_code == Some(0) => Ok(()),
        Outcome::Finished(done) => anyhow::bail!(
            "{what} failed ({}):\n{}\n{}",
            done.exit_code.map_or_else(
                || "killed by a signal".to_owned(),
                |code| format!("exit code {code}")
            ),
            tail(&done.stdout),
            tail(&done.stderr)
        ),
        Outcome::TimedOut { stderr, .. } => anyhow::bail!(
            "{what} timed out after {} s and was stopped:\n{}",
            install_limit().as_secs(),
            tail(&stderr)
        ),
    }
}

/// `$COURSE_CACHE_DIR`, else `$XDG_CACHE_HOME/rust-concurrency-course`,
/// else `~/.cache/rust-concurrency-course`.
pub fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("COURSE_CACHE_DIR") {
        return PathBuf::from(dir);
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_else(|| ".".into())).join(".cache")
        });
    base.join("rust-concurrency-course")
}

fn tool_root(name: &str, version: &str) -> PathBuf {
    cache_dir().join("tools").join(format!("{name}-{version}"))
}

/// Whether the pinned mdBook and preprocessors are all installed.
pub fn book_tools_installed() -> bool {
    CARGO_TOOLS
        .iter()
        .all(|(name, version, binary)| tool_root(name, version).join("bin").join(binary).exists())
}

/// Installs the pinned mdBook tools `which` needs if missing; returns a PATH
/// with their folders first. Each install says in one line what it builds
/// and about how long that takes; the compiler's output goes to a log file
/// in the cache, named if the install fails. The tools share most of their
/// dependencies, so they build in one target folder, removed once all are
/// installed. The folder is this process's own, so that two runs
/// installing at once do not remove each other's.
pub fn ensure_book_tools(which: BookTools, priority: Priority) -> Result<std::ffi::OsString> {
    let mut dirs = Vec::new();
    let build_dir = cache_dir()
        .join("tools")
        .join(format!("build-{}", std::process::id()));
    let wanted = CARGO_TOOLS
        .iter()
        .filter(|(name, ..)| which == BookTools::All || *name != LINK_CHECKER);
    for &(name, version, binary) in wanted {
        let root = tool_root(name, version);
        let bin = root.join("bin");
        if !bin.join(binary).exists() {
            install_tool(name, version, &root, &build_dir, priority)?;
        }
        dirs.push(bin);
    }
    let _ = std::fs::remove_dir_all(&build_dir);
    path_with(&dirs)
}

fn install_tool(
    name: &str,
    version: &str,
    root: &Path,
    build_dir: &Path,
    priority: Priority,
) -> Result<()> {
    let log = cache_dir()
        .join("logs")
        .join(format!("{name}-{version}.log"));
    eprintln!(
        "installing {name} {version} ({}, once; later runs reuse it){}",
        estimate(name),
        background_note(priority),
    );
    let started = std::time::Instant::now();
    let mut command = at_priority("cargo", priority);
    command
        .args(["install", "--locked", name, "--version", version, "--root"])
        .arg(root)
        .env("CARGO_TARGET_DIR", build_dir)
        .env("CARGO_TERM_COLOR", "never");
    quick_build(name, &mut command);
    install_logged(&format!("cargo install {name} {version}"), command, &log)?;
    eprintln!(
        "  {name} {version} installed in {} s",
        started.elapsed().as_secs()
    );
    Ok(())
}

/// Runs an install with its output kept in `log` (the failure names it,
/// with its last lines).
fn install_logged(what: &str, mut command: Command, log: &Path) -> Result<()> {
    let outcome = run_captured(what, &mut command, install_limit())?;
    let (stdout, stderr, failure) = match outcome {
        Outcome::Finished(done) if done.exit_code == Some(0) => (done.stdout, done.stderr, None),
        Outcome::Finished(done) => {
            let why = done.exit_code.map_or_else(
                || "killed by a signal".to_owned(),
                |code| format!("exit code {code}"),
            );
            (done.stdout, done.stderr, Some(why))
        }
        Outcome::TimedOut { stdout, stderr } => (
            stdout,
            stderr,
            Some(format!(
                "timed out after {} s and was stopped",
                install_limit().as_secs()
            )),
        ),
    };
    if let Some(parent) = log.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(log, format!("$ {command:?}\n{stdout}{stderr}"))
        .with_context(|| format!("cannot write {}", log.display()))?;
    match failure {
        None => Ok(()),
        Some(why) => {
            let tail = last_lines(&stderr, 15);
            anyhow::bail!(
                "{what} failed ({why}); the whole output is in {}:\n{tail}",
                log.display()
            )
        }
    }
}

fn background_note(priority: Priority) -> &'static str {
    match priority {
        Priority::Foreground => "",
        Priority::Background => ", in the background",
    }
}

/// The CPython version the course pins, built from the official source by
/// bench/python/install-cpython.sh in two builds one configure flag apart.
pub const CPYTHON: &str = "3.13.15";

/// Which of the two builds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Build {
    /// `--disable-gil`: the GIL is off unless something turns it on.
    FreeThreaded,
    /// The regular build, with the GIL: the baseline of the benchmark.
    Regular,
}

impl Build {
    /// The folder in the cache, the script's argument, the program, and the
    /// environment variable that names another one instead (GitHub's
    /// setup-python `3.13t`, say).
    fn parts(self) -> (String, &'static str, &'static str, &'static str) {
        match self {
            Build::FreeThreaded => (
                format!("python-{CPYTHON}t"),
                "free-threaded",
                "python3.13t",
                "PYTHON_FREE_THREADED",
            ),
            Build::Regular => (
                format!("python-{CPYTHON}"),
                "regular",
                "python3.13",
                "PYTHON_REGULAR",
            ),
        }
    }

    /// The folder name in the cache (`python-3.13.15t`).
    pub fn name(self) -> String {
        self.parts().0
    }
}

/// `$PYTHON_FREE_THREADED` or `$PYTHON_REGULAR`, else the build in the
/// cache, if its install completed (the script's last act is to write
/// `.complete`: an interrupted `make install` leaves a binary behind).
pub fn installed_cpython(build: Build) -> Option<PathBuf> {
    let (folder, _, program, variable) = build.parts();
    if let Some(python) = std::env::var_os(variable) {
        return Some(PathBuf::from(python));
    }
    let prefix = cache_dir().join(folder);
    prefix
        .join(".complete")
        .exists()
        .then(|| prefix.join("bin").join(program))
}

/// The installed build, else builds it into the cache from the official
/// source (about five minutes on 2 cores).
pub fn ensure_cpython(root: &Path, build: Build, priority: Priority) -> Result<PathBuf> {
    if let Some(python) = installed_cpython(build) {
        return Ok(python);
    }
    let (folder, argument, program, _) = build.parts();
    let prefix = cache_dir().join(&folder);
    eprintln!(
        "building CPython {CPYTHON} ({argument}) into {}{} (once; later runs reuse it)",
        prefix.display(),
        background_note(priority),
    );
    let _ = std::fs::remove_dir_all(&prefix);
    install(
        &format!("build CPython {CPYTHON} ({argument})"),
        "sh",
        &mut |command| {
            command
                .arg(root.join("bench/python/install-cpython.sh"))
                .arg(&prefix)
                .arg(argument);
        },
        priority,
    )?;
    Ok(prefix.join("bin").join(program))
}

/// The free-threaded build (the test suite runs the twins on it).
pub fn ensure_free_threaded(root: &Path, priority: Priority) -> Result<PathBuf> {
    ensure_cpython(root, Build::FreeThreaded, priority)
}

/// The PATH with `dirs` in front.
pub fn path_with(dirs: &[PathBuf]) -> Result<std::ffi::OsString> {
    let current = std::env::var_os("PATH").unwrap_or_default();
    let all = dirs.iter().cloned().chain(std::env::split_paths(&current));
    std::env::join_paths(all).context("cannot build PATH")
}

/// A virtual environment with `requirements-dev.txt` installed; rebuilt
/// when that file changes. Returns its `bin/` folder.
pub fn ensure_venv(root: &Path) -> Result<PathBuf> {
    let requirements = std::fs::read_to_string(root.join("requirements-dev.txt"))?;
    let venv = cache_dir().join("venv");
    let stamp = venv.join("requirements.stamp");
    let bin = venv.join("bin");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(requirements.as_str()) {
        return Ok(bin);
    }
    eprintln!(
        "creating the Python environment {} (once; later runs reuse it)",
        venv.display()
    );
    let _ = std::fs::remove_dir_all(&venv);
    run_step(
        "python3 -m venv",
        Command::new("python3").args(["-m", "venv"]).arg(&venv),
        install_limit(),
    )?;
    run_step(
        "pip install -r requirements-dev.txt",
        Command::new(bin.join("python"))
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
            ])
            .arg(root.join("requirements-dev.txt")),
        install_limit(),
    )?;
    std::fs::write(&stamp, requirements)?;
    Ok(bin)
}

/// The browser for the tests: `$CHROMIUM`, else Debian's `/usr/bin/chromium`.
pub fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// Debian's chromium for the browser tests (Playwright cannot download its
/// own browser here); installed with apt-get when missing.
pub fn ensure_chromium(priority: Priority) -> Result<()> {
    if chromium().exists() {
        return Ok(());
    }
    apt_install("chromium", priority)
}

/// gdb, with which `cargo grade` reads a hung test program's stacks (and
/// `cargo grade verify` checks that it names where each wrong answer
/// hangs); installed with apt-get when it is not on the PATH.
pub fn ensure_gdb(priority: Priority) -> Result<()> {
    if on_path("gdb") {
        return Ok(());
    }
    apt_install("gdb", priority)
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

/// `apt-get install PACKAGE`, once, after an `apt-get update`.
fn apt_install(package: &str, priority: Priority) -> Result<()> {
    eprintln!(
        "installing Debian's {package} with apt-get{} (once)",
        background_note(priority)
    );
    // As root, apt-get itself; otherwise through sudo, which in the
    // background must not stop to ask for a password (`-n`: it fails
    // instead, and the step that needs it asks in the foreground).
    let (program, prefix): (&str, &[&str]) = match (is_root(), priority) {
        (true, _) => ("apt-get", &[]),
        (false, Priority::Foreground) => ("sudo", &["apt-get"]),
        (false, Priority::Background) => ("sudo", &["-n", "apt-get"]),
    };
    let installing = format!("apt-get install {package}");
    for (what, args) in [
        ("apt-get update", vec!["update", "-qq"]),
        (installing.as_str(), vec!["install", "-y", "-qq", package]),
    ] {
        install(
            what,
            program,
            &mut |command| {
                command
                    .args(prefix)
                    .args(&args)
                    .env("DEBIAN_FRONTEND", "noninteractive");
            },
            priority,
        )?;
    }
    Ok(())
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and touches no memory.
    unsafe { libc::geteuid() == 0 }
}
