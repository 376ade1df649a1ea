//! Installs what the book and the test suite need, pinned, into a cache
//! outside the repository, so a second run (or a fresh clone on the same
//! machine) reuses it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result};

use crate::run::run_step;

/// `cargo install --locked` pins: (crate, version, binary).
pub const CARGO_TOOLS: [(&str, &str, &str); 3] = [
    ("mdbook", "0.5.4", "mdbook"),
    ("mdbook-tabs", "1.0.0", "mdbook-tabs"),
    ("mdbook-linkcheck2", "0.13.0", "mdbook-linkcheck2"),
];

/// Installing a pinned tool (crates/course-kit/limits.toml).
fn install_limit() -> Duration {
    course_kit::limits::secs(course_kit::limits::get().xtask.install)
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

/// Installs the pinned mdBook and preprocessors if missing; returns a PATH
/// with their folders first. The three share most of their dependencies
/// (mdbook-driver and what it uses), so they build in one target folder,
/// removed once all are installed.
pub fn ensure_book_tools() -> Result<std::ffi::OsString> {
    let mut dirs = Vec::new();
    let build_dir = cache_dir().join("tools").join("build");
    for (name, version, binary) in CARGO_TOOLS {
        let root = tool_root(name, version);
        let bin = root.join("bin");
        if !bin.join(binary).exists() {
            eprintln!(
                "installing {name} {version} into {} (once; later runs reuse it)",
                root.display()
            );
            run_step(
                &format!("cargo install {name} {version}"),
                Command::new("cargo")
                    .args([
                        "install",
                        "--locked",
                        "--quiet",
                        name,
                        "--version",
                        version,
                        "--root",
                    ])
                    .arg(&root)
                    .env("CARGO_TARGET_DIR", &build_dir),
                install_limit(),
            )?;
        }
        dirs.push(bin);
    }
    let _ = std::fs::remove_dir_all(&build_dir);
    path_with(&dirs)
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
pub fn ensure_chromium() -> Result<()> {
    if chromium().exists() {
        return Ok(());
    }
    eprintln!("installing Debian's chromium with apt-get (once)");
    let sudo = |args: &[&str]| {
        let mut command = if is_root() {
            Command::new(args[0])
        } else {
            Command::new("sudo")
        };
        if is_root() {
            command.args(&args[1..])
        } else {
            command.args(args)
        };
        command.env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    run_step(
        "apt-get update",
        &mut sudo(&["apt-get", "update", "-qq"]),
        install_limit(),
    )?;
    run_step(
        "apt-get install chromium",
        &mut sudo(&["apt-get", "install", "-y", "-qq", "chromium"]),
        install_limit(),
    )
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and touches no memory.
    unsafe { libc::geteuid() == 0 }
}
