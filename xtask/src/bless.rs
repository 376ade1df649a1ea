//! `cargo xtask bless`: expectations written from real runs, for a person
//! to read before committing.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use anyhow::{Result, bail};
use xtask::examples::{self, Example};
use xtask::expect::{self, ExpectationFile, default_timeout_secs};
use xtask::run::run_step;
use xtask::suite::{self, Language};

/// Building before blessing (crates/course-kit/limits.toml).
fn build_limit() -> Duration {
    course_kit::limits::secs(course_kit::limits::get().xtask.build)
}

/// Blesses the named examples, or all of them.
pub fn examples(root: &Path, names: &[String]) -> Result<()> {
    run_step(
        "cargo build --examples",
        Command::new("cargo")
            .args(["build", "--examples", "--locked", "--quiet"])
            .current_dir(root),
        build_limit(),
    )?;
    let all = examples::discover_unblessed(root)?;
    let chosen: Vec<&Example> = if names.is_empty() {
        all.iter().collect()
    } else {
        let mut chosen = Vec::new();
        for name in names {
            match all.iter().find(|e| &e.name == name) {
                Some(example) => chosen.push(example),
                None => bail!(
                    "no example examples/{name}.rs; there are: {}",
                    all.iter()
                        .map(|e| e.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        }
        chosen
    };
    for example in chosen {
        bless_one(root, example)?;
    }
    Ok(())
}

fn bless_one(root: &Path, example: &Example) -> Result<()> {
    let timeout = example
        .expected
        .timeout_secs
        .unwrap_or_else(default_timeout_secs);
    let actual =
        suite::capture(root, example, Language::Rust, timeout).map_err(anyhow::Error::msg)?;
    let current = example.expected.for_rust();
    let up_to_date = example.expected_path.exists() && expect::check(&current, &actual).is_ok();
    if up_to_date {
        println!("{}: up to date", example.name);
    } else {
        let old = std::fs::read_to_string(&example.expected_path).unwrap_or_default();
        let text = render(example, &actual);
        std::fs::write(&example.expected_path, &text)?;
        println!(
            "{}: wrote {} — read it:",
            example.name,
            course_kit::Layout::at(root).rel(&example.expected_path)
        );
        println!("{}", expect::diff(&old, &text));
    }
    if example.python.is_some() {
        let rewritten = ExpectationFile::load(&example.expected_path)?;
        let twin = Example {
            expected: rewritten,
            ..example.clone()
        };
        match suite::check(root, &twin, Language::Python) {
            Ok(()) => println!("{}: the Python twin matches", example.name),
            Err(why) => println!(
                "{}: the Python twin does NOT match; fix it, or add a [python] table saying why it differs:\n{why}",
                example.name
            ),
        }
    }
    Ok(())
}

/// The new expectation: the real run, plus what a person decided before
/// (timeout, the Python table), which a run cannot tell.
fn render(example: &Example, actual: &expect::Actual) -> String {
    let mut text = format!(
        "# Written by `cargo xtask bless {}` from a real run, then read.\n\
         # Mark only what really varies: [any order] … [end], [..] (examples/README.md).\n",
        example.name
    );
    text.push_str(&format!("stdout = {}\n", toml_string(&actual.stdout)));
    if !actual.stderr.is_empty() {
        text.push_str(&format!("stderr = {}\n", toml_string(&actual.stderr)));
    }
    let code = actual.exit_code.unwrap_or(-1);
    if code != 0 {
        text.push_str(&format!("exit_code = {code}\n"));
    }
    if let Some(timeout) = example.expected.timeout_secs {
        text.push_str(&format!("timeout_secs = {timeout}\n"));
    }
    if let Some(python) = &example.expected.python {
        text.push_str("\n[python]\n");
        text.push_str(&format!("reason = {}\n", toml_string(&python.reason)));
        if !python.twin {
            text.push_str("twin = false\n");
        }
        for (key, value) in [("stdout", &python.stdout), ("stderr", &python.stderr)] {
            if let Some(value) = value {
                text.push_str(&format!("{key} = {}\n", toml_string(value)));
            }
        }
        if let Some(code) = python.exit_code {
            text.push_str(&format!("exit_code = {code}\n"));
        }
    }
    text
}

/// A TOML string that shows multi-line text as it is when it can.
fn toml_string(text: &str) -> String {
    let plain = !text.contains("'''")
        && !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t');
    if text.contains('\n') && plain {
        format!("'''\n{text}'''")
    } else {
        toml::Value::String(text.to_string()).to_string()
    }
}

/// Rewrites every `examples/compile_fail/*.stderr` from rustc (trybuild).
pub fn errors(root: &Path) -> Result<()> {
    run_step(
        "trybuild (TRYBUILD=overwrite cargo test --test compile_fail)",
        Command::new("cargo")
            .args(["test", "--locked", "--quiet", "--test", "compile_fail"])
            .env("TRYBUILD", "overwrite")
            .current_dir(root),
        build_limit(),
    )?;
    println!(
        "rewrote examples/compile_fail/*.stderr; read `git diff examples/compile_fail` before committing"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiline_text_round_trips_through_toml() {
        for text in [
            "a\nb\n",
            "it's\n",
            "'''\n",
            "tab\there\n",
            "no newline",
            "bell\u{7}\n",
        ] {
            let toml = format!("stdout = {}\n", toml_string(text));
            let parsed = ExpectationFile::parse(&toml).unwrap();
            assert_eq!(parsed.stdout, text, "{toml}");
        }
    }
}
