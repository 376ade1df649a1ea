//! `cargo xtask test`: every check CI runs, in order, each under a timeout
//! that names it. Independent steps all run, so one report shows every
//! failure; the last line counts them.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use xtask::run::run_step;
use xtask::{book, tools};

const MINUTE: Duration = Duration::from_secs(60);

struct Step {
    name: &'static str,
    result: Result<()>,
    took: Duration,
}

/// The jobs of `.github/workflows/ci.yml`; `cargo xtask test` runs them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Group {
    Rust,
    Python,
    Book,
}

pub fn run(root: &Path, only: Option<Group>) -> Result<()> {
    let mut steps: Vec<Step> = Vec::new();
    let group = std::cell::Cell::new(Group::Rust);
    let mut step = |name: &'static str, action: &mut dyn FnMut() -> Result<()>| {
        if only.is_some_and(|only| only != group.get()) {
            return;
        }
        println!("\n=== {name}");
        let started = Instant::now();
        let result = action();
        if let Err(error) = &result {
            eprintln!("FAILED: {name}: {error:#}");
        }
        steps.push(Step {
            name,
            result,
            took: started.elapsed(),
        });
    };
    let cargo = |args: &[&str]| {
        let mut command = Command::new("cargo");
        command.args(args).current_dir(root);
        command
    };

    step("rustfmt", &mut || {
        run_step(
            "cargo fmt --check",
            &mut cargo(&["fmt", "--all", "--check"]),
            5 * MINUTE,
        )
    });
    step("clippy", &mut || {
        let args = [
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ];
        run_step("cargo clippy", &mut cargo(&args), 40 * MINUTE)
    });
    // Builds every example, then runs them (tests/examples.rs), the
    // compile-fail checks (tests/compile_fail.rs) and the tools' own tests.
    step("cargo test", &mut || {
        run_step(
            "cargo test",
            &mut cargo(&["test", "--workspace", "--locked"]),
            40 * MINUTE,
        )
    });

    // Every solution passes, every untouched stub fails, every known-wrong
    // answer is rejected with its declared verdict (grader/src/verify.rs).
    step("exercises (cargo grade verify)", &mut || {
        run_step(
            "cargo grade verify",
            &mut cargo(&["grade", "verify"]),
            30 * MINUTE,
        )
    });

    group.set(Group::Python);
    let mut venv: Option<PathBuf> = None;
    step("python environment", &mut || {
        venv = Some(tools::ensure_venv(root)?);
        Ok(())
    });
    if venv.is_none() && only == Some(Group::Book) {
        venv = tools::ensure_venv(root).ok();
    }
    let venv_tool = |tool: &str| -> Result<Command> {
        let Some(bin) = &venv else {
            bail!("no Python environment (see above)")
        };
        let mut command = Command::new(bin.join(tool));
        command.current_dir(root).env("PYTHON", bin.join("python"));
        Ok(command)
    };
    step("ruff", &mut || {
        run_step("ruff check", venv_tool("ruff")?.arg("check"), 5 * MINUTE)
    });
    step("pytest (Python twins)", &mut || {
        run_step(
            "pytest",
            venv_tool("python")?.args([
                "-m",
                "pytest",
                "tests",
                "exercises",
                "--ignore=tests/browser",
            ]),
            20 * MINUTE,
        )
    });
    step("actionlint", &mut || {
        run_step("actionlint", &mut venv_tool("actionlint")?, 5 * MINUTE)
    });

    group.set(Group::Book);
    step("book check", &mut || {
        book::check(root).map(|n| println!("{n} chapters, no problem found"))
    });
    step("mdbook build + linkcheck2", &mut || {
        let path = tools::ensure_book_tools()?;
        run_step(
            "mdbook build",
            Command::new("mdbook")
                .arg("build")
                .env("PATH", path)
                .current_dir(root),
            20 * MINUTE,
        )
    });

    // Real Chromium against the built book on 127.0.0.1 (tests/browser);
    // the screenshots land in target/screenshots for a person to look at.
    step("browser tests", &mut || {
        tools::ensure_chromium()?;
        let Some(bin) = &venv else {
            bail!("no Python environment (see the python group)")
        };
        let mut pytest = Command::new(bin.join("python"));
        pytest
            .args(["-m", "pytest", "tests/browser"])
            .current_dir(root)
            .env("BOOK_DIR", root.join("book").join("html"))
            .env("CHROMIUM", tools::chromium())
            .env("SCREENSHOT_DIR", root.join("target").join("screenshots"));
        run_step("pytest tests/browser", &mut pytest, 20 * MINUTE)
    });

    report(&steps)
}

fn report(steps: &[Step]) -> Result<()> {
    println!("\n=== summary");
    for step in steps {
        let verdict = if step.result.is_ok() {
            "ok    "
        } else {
            "FAILED"
        };
        println!(
            "{verdict} {:<28} {:>6.1} s",
            step.name,
            step.took.as_secs_f64()
        );
    }
    let failed = steps.iter().filter(|s| s.result.is_err()).count();
    println!("steps: {} passed, {failed} failed", steps.len() - failed);
    if failed > 0 {
        bail!("{failed} step(s) failed");
    }
    Ok(())
}
