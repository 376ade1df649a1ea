//! Refuses to run a compiled example that is older than its sources, so that
//! no check can pass on code it never ran (`cargo test --test examples`
//! builds only the harness, not the examples it runs).
//!
//! Cargo writes a dep-info file beside each binary (`NAME.d`, in Makefile
//! syntax) listing the local source files it was built from. A binary is
//! stale when any of them changed after it was written: the same rule cargo
//! itself uses to decide what to rebuild.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Why a binary cannot be trusted to be the current source, as a message
/// that names the example and the command that rebuilds it; `Ok` if it is
/// current.
pub fn ensure_current(binary: &Path, source: &Path, name: &str) -> Result<(), String> {
    let rebuild = format!(
        "rebuild it with `cargo build --example {name}` (or `cargo build --examples`), \
         or run plain `cargo test`, which builds every example first"
    );
    let built = match modified(binary) {
        Ok(time) => time,
        Err(_) => {
            return Err(format!(
                "example {name} is not built ({} is missing): {rebuild}",
                binary.display()
            ));
        }
    };
    let changed = stale_inputs(binary, source, built);
    if changed.is_empty() {
        return Ok(());
    }
    let here = std::env::current_dir().unwrap_or_default();
    let list: Vec<String> = changed
        .iter()
        .map(|p| p.strip_prefix(&here).unwrap_or(p).display().to_string())
        .collect();
    Err(format!(
        "example {name} was compiled before its source last changed, so running it would test \
         old code; changed since: {}; {rebuild}",
        list.join(", ")
    ))
}

/// The inputs of `binary` modified after `built`: those its dep-info lists,
/// or `source` alone when there is no dep-info to read. An input that no
/// longer exists counts as changed.
pub fn stale_inputs(binary: &Path, source: &Path, built: SystemTime) -> Vec<PathBuf> {
    let inputs = match fs::read_to_string(binary.with_extension("d")) {
        Ok(text) => dep_info_inputs(&text),
        Err(_) => vec![source.to_path_buf()],
    };
    inputs
        .into_iter()
        .filter(|input| modified(input).map_or(true, |time| time > built))
        .collect()
}

/// The prerequisites of the first rule of a Makefile-syntax dep-info file
/// (`target: a.rs b.rs`), with `\ ` unescaped to a space.
pub fn dep_info_inputs(text: &str) -> Vec<PathBuf> {
    let first_rule = text.lines().next().unwrap_or("");
    let Some((_, prerequisites)) = first_rule.split_once(": ") else {
        return Vec::new();
    };
    let mut inputs = Vec::new();
    let mut current = String::new();
    let mut chars = prerequisites.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&' ') => {
                current.push(' ');
                chars.next();
            }
            ' ' => {
                if !current.is_empty() {
                    inputs.push(PathBuf::from(std::mem::take(&mut current)));
                }
            }
            other => current.push(other),
        }
    }
    if !current.is_empty() {
        inputs.push(PathBuf::from(current));
    }
    inputs
}

fn modified(path: &Path) -> io::Result<SystemTime> {
    fs::metadata(path)?.modified()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::File;
    use std::time::Duration;

    /// A scratch folder with a fake binary, its dep-info and one source file.
    struct Scratch {
        dir: PathBuf,
        binary: PathBuf,
        source: PathBuf,
    }

    impl Scratch {
        fn new(test: &str, with_dep_info: bool) -> Scratch {
            let dir =
                std::env::temp_dir().join(format!("xtask-fresh-{test}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(dir.join("src dir")).unwrap();
            let source = dir.join("src dir").join("demo.rs");
            let binary = dir.join("demo");
            fs::write(&source, "fn main() {}\n").unwrap();
            fs::write(&binary, "binary").unwrap();
            if with_dep_info {
                let escaped = source.display().to_string().replace(' ', "\\ ");
                fs::write(
                    binary.with_extension("d"),
                    format!("{}: {escaped}\n", binary.display()),
                )
                .unwrap();
            }
            Scratch {
                dir,
                binary,
                source,
            }
        }

        /// Sets the source's modification time `offset_secs` after the binary's.
        fn source_changed_after_build(&self, offset_secs: i64) {
            let built = modified(&self.binary).unwrap();
            let when = if offset_secs >= 0 {
                built + Duration::from_secs(offset_secs as u64)
            } else {
                built - Duration::from_secs(offset_secs.unsigned_abs())
            };
            File::options()
                .write(true)
                .open(&self.source)
                .unwrap()
                .set_modified(when)
                .unwrap();
        }

        fn check(&self) -> Result<(), String> {
            ensure_current(&self.binary, &self.source, "demo")
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }

    #[test]
    fn a_binary_newer_than_its_sources_is_current() {
        let scratch = Scratch::new("current", true);
        scratch.source_changed_after_build(-10);
        assert_eq!(scratch.check(), Ok(()));
    }

    #[test]
    fn an_edit_after_the_build_is_refused_with_the_rebuild_command() {
        let scratch = Scratch::new("edited", true);
        scratch.source_changed_after_build(10);
        let message = scratch.check().unwrap_err();
        assert!(
            message.contains("example demo was compiled before"),
            "{message}"
        );
        assert!(message.contains("demo.rs"), "{message}");
        assert!(message.contains("cargo build --example demo"), "{message}");
    }

    #[test]
    fn without_dep_info_the_source_file_alone_is_compared() {
        let scratch = Scratch::new("no-dep-info", false);
        scratch.source_changed_after_build(10);
        assert!(scratch.check().is_err());
        scratch.source_changed_after_build(-10);
        assert_eq!(scratch.check(), Ok(()));
    }

    #[test]
    fn a_missing_binary_names_the_build_command() {
        let scratch = Scratch::new("missing", true);
        fs::remove_file(&scratch.binary).unwrap();
        let message = scratch.check().unwrap_err();
        assert!(message.contains("is not built"), "{message}");
        assert!(message.contains("cargo build --example demo"), "{message}");
    }

    #[test]
    fn dep_info_paths_with_escaped_spaces_are_read_whole() {
        let inputs = dep_info_inputs("/t/demo: /a/b\\ c.rs /d/e.rs\n\n/a/b\\ c.rs:\n");
        assert_eq!(
            inputs,
            vec![PathBuf::from("/a/b c.rs"), PathBuf::from("/d/e.rs")]
        );
    }
}
