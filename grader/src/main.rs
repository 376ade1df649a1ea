//! `cargo grade`: the command line of the grader (the work is in the
//! library, `src/lib.rs`). Learners' commands and maintainers' commands are
//! two enums.

use clap::{Parser, Subcommand};
use grader::manifest::{Exercise, Manifest, Repo};
use grader::names::unknown;
use grader::{hint, list, lsp, reset, run, ui, verify, watch};
use std::process::ExitCode;

/// Grades the exercises of "Rust Concurrency for Python Developers".
#[derive(Parser)]
#[command(
    name = "cargo grade",
    bin_name = "cargo grade",
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  \
        cargo grade                      every exercise: passed, failed or not started\n  \
        cargo grade threads_sum_five     grade one, and show why it fails\n  \
        cargo grade exercises/threads/threads_sum_five.rs   the same, by its file\n  \
        cargo grade --watch              grade each exercise again when you save it\n  \
        cargo grade hint                 a hint for the exercise you are on\n  \
        cargo grade lsp                  let rust-analyzer see the exercises\n\n\
        Maintainers: `cargo grade verify` (CI), `cargo grade make-stubs`."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,

    /// The exercise to grade, by name or by the path of its file (all of
    /// them when left out).
    name: Option<String>,

    /// Grade again each time an exercise file is saved.
    #[arg(long, conflicts_with = "solutions")]
    watch: bool,

    /// Grade the reference solutions instead of your files (for CI).
    #[arg(long)]
    solutions: bool,
}

#[derive(Subcommand)]
enum Cmd {
    /// Every exercise: passed, failed or not started (the same as no command).
    List {
        /// List the reference solutions' verdicts instead.
        #[arg(long)]
        solutions: bool,
    },
    /// Show the next hint for an exercise (the one you are on when left out:
    /// the first not passed).
    Hint { name: Option<String> },
    /// Put an exercise's original stub back (asks first; keeps a backup).
    Reset {
        name: String,
        /// Do not ask: reset at once (your version is still kept).
        #[arg(long, short)]
        yes: bool,
    },
    /// Write exercises/rust-project.json, so that rust-analyzer (your
    /// editor's completions and diagnostics) sees the exercises.
    Lsp,
    /// Maintainers' commands (CI runs `verify`).
    #[command(flatten)]
    Maintainer(MaintainerCmd),
}

/// For maintainers, not learners.
#[derive(Subcommand)]
enum MaintainerCmd {
    /// For maintainers and CI: solutions pass, stubs and known-wrong answers
    /// fail, files and pages are in place.
    Verify {
        /// Check only this exercise (and the shared files).
        name: Option<String>,
        /// Run every check again, even for exercises unchanged since they
        /// last passed.
        #[arg(long)]
        full: bool,
    },
    /// For maintainers: write each exercise's stub from its solution.
    MakeStubs,
    /// For maintainers: the full verdict a known-wrong answer gets
    /// (solutions/CHAPTER/wrong/NAME/WRONG.rs).
    Wrong {
        name: String,
        wrong: String,
        /// Also record it as WRONG.verdict, for a page to show; `verify`
        /// then checks that it stays what the grader says.
        #[arg(long)]
        bless: bool,
    },
}

fn main() -> ExitCode {
    // First: a closed output (`cargo grade --help | head -1`) must end us
    // quietly from the very first line printed.
    run::kill_children_on_interrupt();
    let cli = Cli::parse();
    let repo = Repo::here();
    let manifest = match Manifest::load(&repo) {
        Ok(manifest) => manifest,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let find = |name: &str| -> Result<&Exercise, ExitCode> {
        manifest.find_arg(name).ok_or_else(|| {
            eprintln!("{}", unknown(&manifest, name));
            ExitCode::from(2)
        })
    };
    let outcome = match cli.command {
        Some(Cmd::List { solutions }) => Ok(list::overview(&repo, &manifest, solutions)),
        Some(Cmd::Hint { name: Some(name) }) => find(&name).map(|ex| hint::next(&repo, ex)),
        Some(Cmd::Hint { name: None }) => match list::current(&repo, &manifest) {
            Some(ex) => {
                println!(
                    "{}",
                    ui::dim(&format!(
                        "(The exercise you are on, the first not passed: {}.)",
                        ex.name
                    ))
                );
                Ok(hint::next(&repo, ex))
            }
            None => {
                println!("You have passed every exercise: no hint needed. Well done!");
                Ok(ExitCode::SUCCESS)
            }
        },
        Some(Cmd::Reset { name, yes }) => find(&name).map(|ex| reset::reset(&repo, ex, yes)),
        Some(Cmd::Lsp) => Ok(lsp::lsp(&repo, &manifest)),
        Some(Cmd::Maintainer(MaintainerCmd::Verify { name, full })) => {
            match name.as_deref().map(find).transpose() {
                Ok(only) => Ok(verify::verify(&repo, &manifest, only, full)),
                Err(code) => Err(code),
            }
        }
        Some(Cmd::Maintainer(MaintainerCmd::MakeStubs)) => Ok(verify::make_stubs(&repo, &manifest)),
        Some(Cmd::Maintainer(MaintainerCmd::Wrong { name, wrong, bless })) => {
            find(&name).map(|ex| verify::show_wrong(&repo, ex, &wrong, bless))
        }
        None => match (cli.name.as_deref().map(find).transpose(), cli.watch) {
            (Err(code), _) => Err(code),
            (Ok(only), true) => Ok(watch::watch(&repo, &manifest, only)),
            (Ok(Some(ex)), false) => Ok(list::one(&repo, &manifest, ex, cli.solutions)),
            (Ok(None), false) => Ok(list::overview(&repo, &manifest, cli.solutions)),
        },
    };
    outcome.unwrap_or_else(|code| code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
