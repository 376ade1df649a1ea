//! Makes rustc's error output independent of the `rust-src` component.
//!
//! When the standard library's source is installed (rust-analyzer users have
//! it), rustc quotes it under notes such as "required by a bound in `spawn`";
//! without it, rustc prints only the location. The compile-fail outputs on
//! record must be the same on every machine, so the compile-fail check runs
//! rustc against a sysroot that holds the compiled standard library but not
//! its source.

use std::fs;
use std::io;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Writes `target_dir/rustc-without-std-source`, a `RUSTC_WRAPPER` that runs
/// rustc with `--sysroot` pointing at a copy of the sysroot (symlinks) that
/// lacks `lib/rustlib/src`, and returns its path.
pub fn rustc_wrapper(target_dir: &Path) -> io::Result<PathBuf> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
    let sysroot = PathBuf::from(rustc_says(&rustc, &["--print", "sysroot"])?.trim());
    let host = rustc_says(&rustc, &["-vV"])?
        .lines()
        .find_map(|line| line.strip_prefix("host: "))
        .map(str::to_string)
        .ok_or_else(|| io::Error::other("`rustc -vV` names no host"))?;

    let shadow = target_dir.join("sysroot-without-std-source");
    let libraries = shadow.join("lib").join("rustlib").join(&host);
    fs::create_dir_all(libraries.parent().expect("has a parent"))?;
    let _ = fs::remove_file(&libraries);
    symlink(sysroot.join("lib").join("rustlib").join(&host), &libraries)?;

    let wrapper = target_dir.join("rustc-without-std-source");
    // Cargo runs `WRAPPER RUSTC ARGS...`; rustc takes `--sysroot` anywhere.
    let script = format!(
        "#!/bin/sh\n# Written by xtask's std_source module; see there.\nexec \"$@\" --sysroot '{}'\n",
        shadow.display()
    );
    fs::write(&wrapper, script)?;
    fs::set_permissions(&wrapper, fs::Permissions::from_mode(0o755))?;
    Ok(wrapper)
}

fn rustc_says(rustc: &str, args: &[&str]) -> io::Result<String> {
    course_kit::run::query(Command::new(rustc).args(args))
}
