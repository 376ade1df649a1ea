//! `cargo xtask bench`: the course's benchmark (crates/bench), Rust and
//! Python side by side, and the two builds of one CPython it measures
//! (regular and free-threaded), built from the official source on first use
//! and kept in the cache like the mdBook tools.
//!
//! - `cargo xtask bench`: the full run (about five minutes of measuring,
//!   release build, after the two CPython builds on first use);
//!   rewrites bench/results.csv and bench/machine.csv and redraws the plots
//!   and tables the pages show.
//! - `--redraw`: only redraw them from the committed CSV.
//! - `--check`: fail if any drawn file differs from what the CSV draws.
//! - `--smoke`: every benchmark at a tiny scale (seconds), checking only
//!   loose inequalities, never a time.
//! - `--free-threaded-twins`: the Python twins and exercises' Python tests
//!   under the free-threaded CPython.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result};
use xtask::run::run_step;
use xtask::tools::{Build, Priority, cache_dir, ensure_cpython, installed_cpython};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only redraw the plots and tables from bench/results.csv.
    #[arg(long, conflicts_with_all = ["check", "smoke", "free_threaded_twins"])]
    redraw: bool,
    /// Fail if a plot or table differs from what bench/results.csv draws.
    #[arg(long, conflicts_with_all = ["smoke", "free_threaded_twins"])]
    check: bool,
    /// A run of every benchmark in seconds, checking loose inequalities only.
    #[arg(long, conflicts_with = "free_threaded_twins")]
    smoke: bool,
    /// Run the Python twins' suite under the free-threaded CPython.
    #[arg(long)]
    free_threaded_twins: bool,
}

fn limits() -> &'static course_kit::limits::Xtask {
    &course_kit::limits::get().xtask
}

fn secs(n: u64) -> std::time::Duration {
    course_kit::limits::secs(n)
}

pub fn run(root: &Path, args: Args) -> Result<()> {
    if args.redraw || args.check {
        let what = if args.check { "draw --check" } else { "draw" };
        return bench(
            root,
            false,
            &what.split(' ').collect::<Vec<_>>(),
            limits().bench_check,
        );
    }
    if args.smoke {
        // Each pinned build joins in if it is already installed; the smoke
        // never waits for a build (the test suite installs only the
        // free-threaded one, and before this step).
        let mut smoke = vec!["smoke".to_string()];
        for (build, flag) in [
            (Build::Regular, "--regular"),
            (Build::FreeThreaded, "--free-threaded"),
        ] {
            if let Some(python) = installed_cpython(build) {
                smoke.extend([flag.into(), python.display().to_string()]);
            }
        }
        let smoke: Vec<&str> = smoke.iter().map(String::as_str).collect();
        return bench(root, false, &smoke, limits().bench_smoke);
    }
    if args.free_threaded_twins {
        return free_threaded_twins(root);
    }
    // The same version in its two builds, so that a difference between them
    // is the build's, not the version's.
    let regular = ensure_cpython(root, Build::Regular, Priority::Foreground)?;
    let free = ensure_cpython(root, Build::FreeThreaded, Priority::Foreground)?;
    bench(
        root,
        true,
        &[
            "run",
            "--regular",
            &regular.display().to_string(),
            "--free-threaded",
            &free.display().to_string(),
        ],
        limits().bench_run,
    )
}

/// `cargo run -p bench -- ARGS`; the full run in release, the rest in the
/// debug build that the test suite has already made.
fn bench(root: &Path, release: bool, args: &[&str], limit: u64) -> Result<()> {
    let mut command = Command::new("cargo");
    command
        .current_dir(root)
        .args(["run", "--quiet", "--locked", "-p", "bench"]);
    if release {
        command.arg("--release");
    }
    command.arg("--").args(args);
    run_step(
        &format!("bench {}", args.join(" ")),
        &mut command,
        secs(limit),
    )
}

/// The twins' suite (tests/test_twins.py) and the exercises' Python tests,
/// run by pytest under the free-threaded interpreter, in a virtual
/// environment of its own with the pinned pytest of requirements-dev.txt.
fn free_threaded_twins(root: &Path) -> Result<()> {
    let python = ensure_cpython(root, Build::FreeThreaded, Priority::Foreground)?;
    let requirements: String = std::fs::read_to_string(root.join("requirements-dev.txt"))?
        .lines()
        .filter(|l| l.starts_with("pytest"))
        .map(|l| format!("{l}\n"))
        .collect();
    // The stamp names the interpreter too: PYTHON_FREE_THREADED may name
    // another one (3.14t on GitHub), and a venv belongs to one interpreter.
    let stamp_text = format!("# {}\n{requirements}", python.display());
    let venv = cache_dir().join(format!("venv-{}", Build::FreeThreaded.name()));
    let stamp = venv.join("requirements.stamp");
    let bin = venv.join("bin");
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(stamp_text.as_str()) {
        // Built under a name of its own and renamed when complete, so that
        // two runs at once (two `cargo xtask test`s) never share a half-made one.
        let fresh = cache_dir().join(format!(
            "venv-{}.{}",
            Build::FreeThreaded.name(),
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&fresh);
        run_step(
            "python3.13t -m venv",
            Command::new(&python).args(["-m", "venv"]).arg(&fresh),
            secs(limits().install),
        )?;
        let mut pip = Command::new(fresh.join("bin/python"));
        pip.args(["-m", "pip", "install", "--quiet"]);
        pip.args(requirements.lines());
        run_step(
            "pip install pytest (free-threaded)",
            &mut pip,
            secs(limits().install),
        )?;
        std::fs::write(fresh.join("requirements.stamp"), &stamp_text)
            .context("writing the venv's stamp")?;
        let _ = std::fs::remove_dir_all(&venv);
        if std::fs::rename(&fresh, &venv).is_err() {
            // Another run finished first: use its environment.
            let _ = std::fs::remove_dir_all(&fresh);
        }
    }
    // Proof that the run is free-threaded, not just a 3.13: the GIL is off.
    run_step(
        "the GIL is off",
        Command::new(bin.join("python")).args([
            "-c",
            "import sys; assert not sys._is_gil_enabled(), 'the GIL is on'",
        ]),
        secs(60),
    )?;
    let mut pytest = Command::new(bin.join("python"));
    pytest
        .current_dir(root)
        .args(["-m", "pytest", "-q", "tests/test_twins.py", "exercises"])
        .args(["--deselect", "exercises/test_wrong_python_answers.py"]);
    run_step(
        "pytest under the free-threaded CPython",
        &mut pytest,
        secs(limits().free_threaded_twins),
    )
}
