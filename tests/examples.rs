//! Runs every example in `examples/` and compares its output with its
//! `NAME.expected.toml`. Examples are found from the files, so a new one is
//! tested without touching this file. (`cargo test` builds the examples
//! before running this harness.)

use libtest_mimic::{Arguments, Failed, Trial};
use xtask::examples::{self, Example};
use xtask::suite::{self, Language};

fn main() {
    let args = Arguments::from_args();
    let root = examples::repo_root();
    let trials = match examples::discover(&root) {
        Ok(found) => found.into_iter().map(rust_trial).collect(),
        // A broken layout (missing expectation, malformed TOML, …) is one
        // failing test that says what is wrong, not a crash.
        Err(error) => vec![Trial::test("examples::layout", move || Err(format!("{error:#}").into()))],
    };
    libtest_mimic::run(&args, trials).exit();
}

fn rust_trial(example: Example) -> Trial {
    Trial::test(format!("examples::{}", example.name), move || {
        let root = examples::repo_root();
        let binary = suite::examples_bin_dir(&root).join(&example.name);
        if !binary.exists() {
            return Err(Failed::from(format!(
                "{} is not built: run the suite with `cargo test` (which builds the examples), not `--test examples` alone",
                binary.display()
            )));
        }
        suite::check(&root, &example, Language::Rust).map_err(Failed::from)
    })
}
