//! `cargo xtask bench` runs this program. Subcommands:
//!
//! - `run`: the whole benchmark, Rust and every Python interpreter given,
//!   in the same rounds (rounds.rs); writes bench/results.csv and
//!   bench/machine.csv, then draws.
//! - `smoke`: the same benchmarks at a tiny scale (seconds), written under
//!   target/bench-smoke/; checks only their shape and loose inequalities.
//! - `draw [--check]`: redraws the plots and tables from the committed CSV;
//!   `--check` fails if any file would change.

mod csv;
mod draw;
mod machine;
mod measure;
mod python;
mod rounds;
mod smoke;
mod stats;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result, ensure};
use clap::{Parser, Subcommand};

use crate::csv::Row;
use crate::machine::Machine;
use crate::measure::Scale;
use crate::python::{Interpreter, Joins, Worker};

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// The whole benchmark; rewrites bench/results.csv and bench/machine.csv.
    Run(Pythons),
    /// Every benchmark at a tiny scale, checking the shape of the figures.
    Smoke(Pythons),
    /// Redraw the plots and tables from bench/results.csv.
    Draw {
        /// Fail if a drawn file differs, instead of writing it.
        #[arg(long)]
        check: bool,
    },
}

/// The interpreters measured beside Rust.
#[derive(clap::Args)]
struct Pythons {
    /// A regular (GIL) CPython, of the same version as --free-threaded.
    #[arg(long)]
    regular: Option<PathBuf>,
    /// A free-threaded CPython; measured with the GIL off, and on
    /// (PYTHON_GIL=1).
    #[arg(long)]
    free_threaded: Option<PathBuf>,
    /// The machine's own python3, labelled "system": a row of comparison,
    /// or every Python group when no --regular is given.
    #[arg(long, default_value = "python3")]
    system: PathBuf,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository root")
}

fn main() {
    if let Err(e) = real_main() {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

fn real_main() -> Result<()> {
    let root = root();
    match Cli::parse().command {
        Cmd::Run(pythons) => {
            let (rows, machine, _) = run(&root, false, &pythons)?;
            std::fs::write(root.join("bench/results.csv"), csv::write(&rows))?;
            std::fs::write(root.join("bench/machine.csv"), machine)?;
            let changed = draw::all(&root, false)?;
            println!(
                "wrote bench/results.csv ({} rows), bench/machine.csv; redrew {changed} file(s)",
                rows.len()
            );
        }
        Cmd::Smoke(pythons) => {
            let (rows, machine, interpreters) = run(&root, true, &pythons)?;
            let dir = root.join("target/bench-smoke");
            std::fs::create_dir_all(&dir)?;
            std::fs::write(dir.join("results.csv"), csv::write(&rows))?;
            std::fs::write(dir.join("machine.csv"), machine)?;
            // The figures survive the trip through the CSV's text.
            let back = csv::read(&csv::write(&rows))?;
            ensure!(back.len() == rows.len(), "the CSV lost rows");
            smoke::check(
                &back,
                Scale {
                    smoke: true,
                    cores: cores(),
                },
                &interpreters,
            )?;
            println!(
                "bench smoke: {} rows, every check holds (target/bench-smoke/results.csv)",
                rows.len()
            );
        }
        Cmd::Draw { check } => {
            let changed = draw::all(&root, check)?;
            if check {
                println!("bench plots and tables: identical to what bench/results.csv draws");
            } else {
                println!("redrew {changed} file(s) from bench/results.csv");
            }
        }
    }
    Ok(())
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The interpreters of a run, each with its label and the groups it joins.
fn interpreters(pythons: &Pythons, machine: &mut Machine) -> Result<Vec<Interpreter>> {
    let mut all = Vec::new();
    let mut add = |label_of: &dyn Fn(&str) -> String,
                   path: &Path,
                   env: Vec<(&'static str, &'static str)>,
                   joins: Joins|
     -> Result<()> {
        let version = machine::python_version(path, &env)?;
        let label = label_of(&minor_version(&version)?);
        machine.add(&label, format!("{version}: {}", path.display()));
        all.push(Interpreter {
            label,
            path: path.to_path_buf(),
            env,
            joins,
        });
        Ok(())
    };
    if let Some(regular) = &pythons.regular {
        add(
            &|v| format!("Python {v}"),
            regular,
            vec![],
            Joins::Everything,
        )?;
    }
    if let Some(free) = &pythons.free_threaded {
        add(&|v| format!("Python {v}t"), free, vec![], Joins::Threads)?;
        add(
            &|v| format!("Python {v}t PYTHON_GIL=1"),
            free,
            vec![("PYTHON_GIL", "1")],
            Joins::CpuThreads,
        )?;
    }
    let system_joins = if pythons.regular.is_some() {
        Joins::CpuThreads
    } else {
        Joins::Everything
    };
    add(
        &|v| format!("Python {v} system"),
        &pythons.system,
        vec![],
        system_joins,
    )?;
    Ok(all)
}

/// `3.13` from `CPython 3.13.15 (…)`.
fn minor_version(version: &str) -> Result<String> {
    let number = version
        .split_whitespace()
        .nth(1)
        .with_context(|| format!("no version number in {version:?}"))?;
    Ok(number.splitn(3, '.').take(2).collect::<Vec<_>>().join("."))
}

/// The whole benchmark: every group of rounds::plan, in rounds shared by
/// Rust and every interpreter that takes part.
fn run(
    root: &Path,
    smoke: bool,
    pythons: &Pythons,
) -> Result<(Vec<Row>, String, Vec<Interpreter>)> {
    let cores = cores();
    let scale = Scale { smoke, cores };
    let mut machine = Machine::default();
    machine.hardware(cores);
    machine.add(
        "load average before the run (1 5 15 min)",
        machine::load_now(),
    );
    // Other programs wanting the cores would slow some rounds: the full run
    // first waits, a bounded time, for them to finish.
    if !smoke {
        let waited = machine::wait_for_quiet(cores, Duration::from_secs(300));
        machine.add("waited for a quieter machine", waited);
    }
    machine.add(
        "rustc",
        machine::version(Command::new("rustc").arg("--version"))?,
    );
    let interpreters = interpreters(pythons, &mut machine)?;
    let limit = course_kit::limits::secs(course_kit::limits::get().xtask.bench_answer);
    let mut workers = Vec::new();
    for interpreter in interpreters {
        let server = root.join("bench/python/bench.py");
        let worker = Worker::start(&server, &interpreter, cores, smoke, limit)?;
        workers.push((interpreter, worker));
    }
    machine.add("load average when measuring began", machine::load_now());
    let mut rows = Vec::new();
    for (name, arg) in rounds::plan(scale) {
        let what = [name, arg.as_deref().unwrap_or("")].join(" ");
        eprintln!("bench: {} (load {})", what.trim(), machine::load_now());
        let rust = measure::variants(name, arg.as_deref(), scale);
        rows.extend(rounds::group(
            name,
            arg.as_deref(),
            scale,
            rust,
            &mut workers,
        )?);
    }
    let interpreters = workers.into_iter().map(|(i, _worker)| i).collect();
    machine.add("load average when the run ended", machine::load_now());
    Ok((rows, machine.csv(), interpreters))
}
