//! Runs every example in `examples/` and compares its output with its
//! `NAME.expected.toml`. Examples are found from the files, so a new one is
//! tested without touching this file. `cargo test` builds the examples
//! before running this harness; `cargo test --test examples` does not, so a
//! binary older than its source is a failure that names the rebuild command.

use libtest_mimic::{Arguments, Failed, Trial};
use xtask::examples::{self, Example};
use xtask::suite::{self, Language};

fn main() {
    let args = Arguments::from_args();
    let root = examples::repo_root();
    let (found, problems) = match examples::discover_with_problems(&root) {
        Ok(discovered) => discovered,
        Err(error) => (Vec::new(), vec![format!("{error:#}")]),
    };
    // Each broken file (missing expectation, malformed TOML, …) is a failing
    // test that says what is wrong; the well-formed examples still run.
    let broken = problems.into_iter().enumerate().map(|(index, problem)| {
        let file = problem.split(':').next().unwrap_or("examples").to_string();
        Trial::test(format!("layout::{index}::{file}"), move || {
            Err(problem.into())
        })
    });
    let trials: Vec<Trial> = found.into_iter().map(rust_trial).chain(broken).collect();
    libtest_mimic::run(&args, trials).exit();
}

fn rust_trial(example: Example) -> Trial {
    Trial::test(format!("examples::{}", example.name), move || {
        let root = examples::repo_root();
        // `check` refuses a binary older than its source (see xtask's
        // `fresh` module), naming the command that rebuilds it.
        suite::check(&root, &example, Language::Rust).map_err(Failed::from)
    })
}
