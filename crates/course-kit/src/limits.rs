//! Every time limit of the tooling, from `limits.toml` (compiled in; the
//! Python tests read the same file through `tests/limits.py`).

use std::sync::OnceLock;
use std::time::Duration;

use serde::Deserialize;

/// The text of `limits.toml`, for the tools and for the test that checks it.
pub const TEXT: &str = include_str!("../limits.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    pub xtask: Xtask,
    pub examples: Examples,
    pub grader: Grader,
    pub runner: Runner,
    pub pytest: Pytest,
    pub browser: Browser,
}

/// Seconds, one per step of `cargo xtask test`, and its installs and builds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Xtask {
    pub rustfmt: u64,
    pub clippy: u64,
    pub cargo_test: u64,
    pub loom: u64,
    pub grade_verify: u64,
    pub python_env: u64,
    pub ruff: u64,
    pub pytest: u64,
    pub actionlint: u64,
    pub zizmor: u64,
    pub book_check: u64,
    pub mdbook_build: u64,
    pub browser: u64,
    pub bench_check: u64,
    pub bench_smoke: u64,
    pub bench_run: u64,
    pub bench_answer: u64,
    pub free_threaded_twins: u64,
    pub install: u64,
    pub build: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    pub run: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grader {
    pub build: u64,
    pub list: u64,
    pub exercise: u64,
    pub support_tests: u64,
    pub stack_capture: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Runner {
    pub reader_grace: u64,
    pub stop_grace_ms: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pytest {
    pub test: u64,
    pub browser_test: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Browser {
    pub wait_ms: u64,
    pub tab_wait_ms: u64,
    pub launch_ms: u64,
    pub page_load_ms: u64,
}

/// The table, parsed once.
pub fn get() -> &'static Limits {
    static LIMITS: OnceLock<Limits> = OnceLock::new();
    LIMITS.get_or_init(|| toml::from_str(TEXT).expect("limits.toml is valid (tested)"))
}

/// `secs` seconds as a [`Duration`].
pub fn secs(secs: u64) -> Duration {
    Duration::from_secs(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_every_limit_is_positive() {
        let limits: Limits = toml::from_str(TEXT).unwrap();
        let table: toml::Table = toml::from_str(TEXT).unwrap();
        for (section, values) in &table {
            for (key, value) in values.as_table().unwrap() {
                assert!(
                    value.as_integer().is_some_and(|v| v > 0),
                    "{section}.{key} must be a positive number"
                );
            }
        }
        assert!(limits.examples.run < limits.pytest.test);
    }
}
