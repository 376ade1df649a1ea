//! `cargo xtask`: the course's tooling. `cargo xtask test` runs everything
//! CI runs; `cargo xtask book` builds and serves the book.

mod bless;
mod pipeline;

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use xtask::run::{Outcome, run_captured, run_step};
use xtask::{book, examples, preprocess, tools};

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
    },
    /// Build the book and serve it on http://127.0.0.1:3000.
    Book {
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
    /// Check the book: no inline code, includes and anchors exist, every
    /// example is shown.
    CheckBook,
    /// Compile one program of examples/compile_fail/ and show rustc's error.
    CompileFail { name: String },
    /// The mdBook preprocessor (called by mdBook, see book.toml).
    #[command(hide = true)]
    Preprocess {
        #[arg(num_args = 0..)]
        args: Vec<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = examples::repo_root();
    let result = match cli.command {
        Cmd::Test { only } => pipeline::run(&root, only),
        Cmd::Book {
            port,
            open,
            build_only,
        } => serve_book(&root, port, open, build_only),
        Cmd::Bless { names } => bless::examples(&root, &names),
        Cmd::BlessErrors => bless::errors(&root),
        Cmd::CheckBook => {
            book::check(&root).map(|n| println!("book check: {n} chapters, no problem found"))
        }
        Cmd::CompileFail { name } => compile_fail(&root, &name),
        Cmd::Preprocess { args } => match args.first().map(String::as_str) {
            Some("supports") => Ok(()),
            _ => preprocess::run(&root),
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

fn serve_book(root: &Path, port: u16, open: bool, build_only: bool) -> Result<()> {
    let path = tools::ensure_book_tools()?;
    let mut mdbook = Command::new("mdbook");
    mdbook.env("PATH", &path).current_dir(root);
    if build_only {
        mdbook.arg("build");
        return run_step("mdbook build", &mut mdbook, Duration::from_secs(600));
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
    // Serving runs until the reader stops it: the one process with no timeout.
    let status = mdbook.status().context("cannot start mdbook")?;
    if !status.success() {
        bail!("mdbook serve stopped: {status}");
    }
    Ok(())
}

/// Compiles a compile-fail program in a scratch package that has the
/// course's dependencies, so the reader sees rustc's real error.
fn compile_fail(root: &Path, name: &str) -> Result<()> {
    let programs = examples::discover_compile_fail(root)?;
    let Some(program) = programs.iter().find(|p| p.name == name) else {
        let names: Vec<&str> = programs.iter().map(|p| p.name.as_str()).collect();
        bail!(
            "no examples/compile_fail/{name}.rs; there are: {}",
            names.join(", ")
        );
    };
    let scratch = root.join("target").join("compile-fail").join(name);
    std::fs::create_dir_all(&scratch)?;
    let manifest: toml::Table = toml::from_str(&std::fs::read_to_string(root.join("Cargo.toml"))?)?;
    let dependencies = manifest
        .get("dependencies")
        .cloned()
        .unwrap_or(toml::Value::Table(Default::default()));
    let mut package = toml::Table::new();
    package.insert(
        "package".into(),
        toml::Value::Table(
            toml::toml! { name = "compile-fail-demo" version = "0.0.0" edition = "2024" },
        ),
    );
    package.insert("dependencies".into(), dependencies);
    let mut bin = toml::Table::new();
    bin.insert("name".into(), "demo".into());
    bin.insert("path".into(), program.source.display().to_string().into());
    package.insert(
        "bin".into(),
        toml::Value::Array(vec![toml::Value::Table(bin)]),
    );
    package.insert("workspace".into(), toml::Value::Table(Default::default()));
    std::fs::write(scratch.join("Cargo.toml"), toml::to_string(&package)?)?;
    std::fs::copy(root.join("Cargo.lock"), scratch.join("Cargo.lock"))?;
    let outcome = run_captured(
        &format!("cargo check of examples/compile_fail/{name}.rs"),
        Command::new("cargo")
            .args(["check", "--quiet", "--offline", "--manifest-path"])
            .arg(scratch.join("Cargo.toml"))
            .env(
                "CARGO_TARGET_DIR",
                root.join("target").join("compile-fail").join("target"),
            ),
        Duration::from_secs(600),
    )?;
    let Outcome::Finished(done) = outcome else {
        bail!("cargo check of examples/compile_fail/{name}.rs timed out after 600 s");
    };
    eprint!("{}", done.stderr);
    let wanted = format!("error[{}]", program.error_code);
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
