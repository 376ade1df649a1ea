//! `cargo xtask`: the course's tooling. `cargo xtask test` runs everything
//! CI runs; `cargo xtask book` builds and serves the book.

mod bench;
mod bless;
mod pipeline;

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use course_kit::Layout;
use course_kit::package::{Package, Target, root_dependencies};
use course_kit::run::{self as kit, Output, Until};
use xtask::run::{Outcome, run_captured, run_step};
use xtask::{book, examples, preprocess, timeline, tools};

#[derive(Parser)]
#[command(about = "Tooling for Rust Concurrency for Python Developers")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run everything CI runs (installs the pinned tools on first use).
    Test {
        /// Run only one group of steps (one job of the GitHub workflow).
        #[arg(long, value_enum)]
        only: Option<pipeline::Group>,
        /// Run every step, also those whose inputs are unchanged since
        /// they last passed here (the Python twins, the browser tests).
        #[arg(long)]
        full: bool,
    },
    /// Build the book and serve it on http://127.0.0.1:3000 (stops with
    /// Ctrl-C or SIGTERM, and mdbook with it).
    Book {
        /// The port to serve on.
        #[arg(long, default_value_t = 3000)]
        port: u16,
        /// Also open it in the default browser.
        #[arg(long)]
        open: bool,
        /// Only build it into book/, do not serve.
        #[arg(long)]
        build_only: bool,
    },
    /// Write NAME.expected.toml from a real run (all examples when no name
    /// is given); an expectation that still matches is left alone.
    Bless { names: Vec<String> },
    /// Rewrite examples/compile_fail/*.stderr with rustc's current output.
    BlessErrors,
    /// The book's timelines (timelines/): record a real run, or redraw.
    #[command(subcommand)]
    Timeline(TimelineCmd),
    /// Check the book: no inline code, includes and anchors exist, every
    /// example is shown.
    CheckBook,
    /// The quick loop: only the checks that cover the files changed since the
    /// last commit (or the examples, exercises or files named), in seconds.
    Quick { names: Vec<String> },
    /// Compile one program of examples/compile_fail/ and show rustc's error.
    CompileFail { name: String },
    /// The benchmark, Rust and Python side by side: writes bench/results.csv
    /// and redraws the plots and tables (see xtask/src/bench.rs).
    Bench(bench::Args),
    /// The mdBook preprocessor (called by mdBook, see book.toml).
    #[command(hide = true)]
    Preprocess {
        #[arg(num_args = 0..)]
        args: Vec<String>,
    },
    /// Its second pass, after mdbook-quiz (see book.toml).
    #[command(hide = true)]
    PreprocessAfterQuiz {
        #[arg(num_args = 0..)]
        args: Vec<String>,
    },
}

#[derive(Subcommand)]
enum TimelineCmd {
    /// Run each timeline's program with COURSE_TRACE set (all when no id is
    /// given), keep the trace in timelines/ID.json and draw timelines/ID.svg.
    Record { ids: Vec<String> },
    /// Draw every timelines/ID.svg again from its trace.
    Draw,
}

fn main() -> ExitCode {
    // Every child runs in its own process group: kill them all with us. And
    // first, so that a closed output (`cargo xtask --help | head -1`) ends
    // us quietly from the very first line printed.
    kit::kill_children_on_interrupt();
    let cli = Cli::parse();
    let root = examples::repo_root();
    let result = match cli.command {
        Cmd::Test { only, full } => pipeline::run(&root, only, full),
        Cmd::Book {
            port,
            open,
            build_only,
        } => serve_book(&root, port, open, build_only),
        Cmd::Bless { names } => bless::examples(&root, &names),
        Cmd::BlessErrors => bless::errors(&root),
        Cmd::Timeline(TimelineCmd::Record { ids }) => timeline::record(&root, &ids),
        Cmd::Timeline(TimelineCmd::Draw) => {
            timeline::draw_all(&root).map(|n| println!("drew {n} timelines from their traces"))
        }
        Cmd::CheckBook => {
            book::check(&root).map(|n| println!("book check: {n} chapters, no problem found"))
        }
        Cmd::Quick { names } => xtask::quick::run(&root, &names),
        Cmd::CompileFail { name } => compile_fail(&root, &name),
        Cmd::Bench(args) => bench::run(&root, args),
        Cmd::Preprocess { args } => match args.first().map(String::as_str) {
            Some("supports") => Ok(()),
            _ => preprocess::run(&root),
        },
        Cmd::PreprocessAfterQuiz { args } => match args.first().map(String::as_str) {
            Some("supports") => Ok(()),
            _ => preprocess::run_after_quiz(),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn ensure_port_free(port: u16) -> Result<()> {
    if let Err(error) = std::net::TcpListener::bind(("127.0.0.1", port)) {
        bail!(
            "cannot serve on 127.0.0.1:{port}: {error}. Is another `cargo xtask book` (or \
             `mdbook serve`) running? Stop it, or choose another port: \
             `cargo xtask book --port {}`",
            port.wrapping_add(1).max(1024)
        );
    }
    Ok(())
}

fn serve_book(root: &Path, port: u16, open: bool, build_only: bool) -> Result<()> {
    if !build_only {
        // mdbook panics on a port in use; say it plainly, before installing
        // or building anything.
        ensure_port_free(port)?;
    }
    // Reading needs mdBook and the preprocessors; the link checker is the
    // test suite's (`--build-only` builds the book as the tests do).
    let which = if build_only {
        tools::BookTools::All
    } else {
        tools::BookTools::Reading
    };
    let path = tools::ensure_book_tools(which, tools::Priority::Foreground)?;
    let mut mdbook = Command::new("mdbook");
    mdbook.env("PATH", &path).current_dir(root);
    if which == tools::BookTools::Reading {
        // book.toml's link checker becomes optional: mdBook skips it,
        // saying so in one line, instead of failing without it.
        mdbook.env("MDBOOK_OUTPUT__LINKCHECK2__OPTIONAL", "true");
    }
    if build_only {
        mdbook.arg("build");
        return run_step("mdbook build", &mut mdbook, limit(limits().mdbook_build));
    }
    mdbook.args([
        "serve",
        "--hostname",
        "127.0.0.1",
        "--port",
        &port.to_string(),
    ]);
    if open {
        mdbook.arg("--open");
    }
    println!("serving the book on http://127.0.0.1:{port}/ (Ctrl-C stops it)");
    // Serving runs until the reader stops it: the one child with no time
    // limit. It lives in its own process group, which the interrupt handler
    // kills on Ctrl-C or SIGTERM, so the port is free again when we are gone.
    let finished: kit::Finished =
        kit::run(&mut mdbook, Until::Stopped, Output::Inherit).context("cannot start mdbook")?;
    if !finished.exit.success() {
        bail!("mdbook serve stopped: {}", finished.exit);
    }
    Ok(())
}

/// Compiles a compile-fail program in a scratch package that has the
/// course's dependencies, so the reader sees rustc's real error.
fn compile_fail(root: &Path, name: &str) -> Result<()> {
    let layout = Layout::at(root);
    let programs = examples::discover_compile_fail(root)?;
    let Some(program) = programs.iter().find(|p| p.name == name) else {
        let names: Vec<&str> = programs.iter().map(|p| p.name.as_str()).collect();
        bail!(
            "no examples/compile_fail/{name}.rs; there are: {}",
            names.join(", ")
        );
    };
    let scratch = layout.target_dir().join("compile-fail");
    let mut package = Package::new(
        format!("Made by `cargo xtask compile-fail {name}`"),
        "compile-fail-demo",
    );
    package.dependencies = root_dependencies(&layout, None).map_err(anyhow::Error::msg)?;
    package.bins.push(Target::new("demo", &program.source));
    let manifest = package.write(&scratch.join(name), Some(&layout.cargo_lock()))?;
    let what = format!("cargo check of examples/compile_fail/{name}.rs");
    let timeout = limit(limits().build);
    let outcome = run_captured(
        &what,
        Command::new("cargo")
            .args(["check", "--quiet", "--offline", "--manifest-path"])
            .arg(manifest)
            .env("CARGO_TARGET_DIR", scratch.join("target")),
        timeout,
    )?;
    let Outcome::Finished(done) = outcome else {
        bail!("{what} timed out after {} s", timeout.as_secs());
    };
    eprint!("{}", done.stderr);
    let wanted = program.wanted();
    match done.exit_code {
        Some(0) => {
            bail!("examples/compile_fail/{name}.rs compiled, but it must fail with {wanted}")
        }
        _ if done.stderr.contains(&wanted) => {
            println!("\nAs expected, {name}.rs does not compile: {wanted}.");
            Ok(())
        }
        _ => bail!("examples/compile_fail/{name}.rs failed, but without {wanted}"),
    }
}

/// The time limits of `cargo xtask` (crates/course-kit/limits.toml).
fn limits() -> &'static course_kit::limits::Xtask {
    &course_kit::limits::get().xtask
}

fn limit(secs: u64) -> Duration {
    course_kit::limits::secs(secs)
}
