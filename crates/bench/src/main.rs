//! `cargo xtask bench` runs this program (release build). Subcommands:
//!
//! - `run [--python-ft PATH]`: the whole benchmark, Rust and Python side by
//!   side (a few minutes); writes bench/results.csv and bench/machine.csv,
//!   then draws.
//! - `smoke [--python-ft PATH]`: the same benchmarks at a tiny scale (seconds),
//!   written under target/bench-smoke/; checks only loose inequalities.
//! - `draw [--check]`: redraws bench/*.svg and src/measuring/generated/*.md
//!   from the committed CSV; `--check` fails if any file would change.

mod csv;
mod draw;
mod measure;
mod stats;

use std::path::{Path, PathBuf};
use std::process::Command;

use course_kit::run::{Exit, Finished, Keep, Output, query};

use anyhow::{Context, Result, bail, ensure};

use crate::csv::Row;
use crate::measure::Scale;

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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = root();
    let python_ft = args
        .iter()
        .position(|a| a == "--python-ft")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    match args.first().map(String::as_str) {
        Some("run") => {
            let (rows, machine) = run(
                &root,
                Scale {
                    reps: 11,
                    smoke: false,
                },
                python_ft.as_deref(),
            )?;
            std::fs::write(root.join("bench/results.csv"), csv::write(&rows))?;
            std::fs::write(root.join("bench/machine.csv"), machine)?;
            let changed = draw::all(&root, false)?;
            println!(
                "wrote bench/results.csv ({} rows), bench/machine.csv; redrew {changed} file(s)",
                rows.len()
            );
            Ok(())
        }
        Some("smoke") => {
            let cores = cores();
            let (rows, machine) = run(
                &root,
                Scale {
                    reps: 3,
                    smoke: true,
                },
                python_ft.as_deref(),
            )?;
            let dir = root.join("target/bench-smoke");
            std::fs::create_dir_all(&dir)?;
            std::fs::write(dir.join("results.csv"), csv::write(&rows))?;
            std::fs::write(dir.join("machine.csv"), machine)?;
            // The figures survive the trip through the CSV's text.
            let back = csv::read(&csv::write(&rows))?;
            ensure!(back.len() == rows.len(), "the CSV lost rows");
            smoke_checks(&back, cores, python_ft.is_some())?;
            println!(
                "bench smoke: {} rows, every check holds (target/bench-smoke/results.csv)",
                rows.len()
            );
            Ok(())
        }
        Some("draw") => {
            let check = args.iter().any(|a| a == "--check");
            let changed = draw::all(&root, check)?;
            if check {
                println!("bench plots and tables: identical to what bench/results.csv draws");
            } else {
                println!("redrew {changed} file(s) from bench/results.csv");
            }
            Ok(())
        }
        _ => bail!("usage: bench run|smoke [--python-ft PATH] | bench draw [--check]"),
    }
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The whole benchmark at `scale`: the Rust groups, then the Python ones
/// under the regular interpreter, then the free-threaded one's threads.
fn run(root: &Path, scale: Scale, python_ft: Option<&Path>) -> Result<(Vec<Row>, String)> {
    let cores = cores();
    // Other programs running at the same time make the figures noisy: the
    // machine's load is part of what a run states.
    let load = load_now();
    let mut rows = Vec::new();
    let say = |what: &str| eprintln!("bench: {what}");
    say(&format!("load average {load}; Rust: CPU-bound work"));
    rows.extend(measure::cpu(scale, cores));
    say("Rust: channels");
    rows.extend(measure::channels(scale));
    say("Rust: spawn");
    rows.extend(measure::spawn(scale));
    say("Rust: contended counter");
    rows.extend(measure::counter(
        scale,
        if cores > 1 { 2.min(cores) } else { 2 },
    ));
    say("Rust: loopback echo");
    rows.extend(measure::echo(scale));
    say("Rust: rayon against sequential, by input size");
    rows.extend(measure::sizes(scale));
    say("Rust: starting a pool");
    rows.extend(measure::startup(scale, cores));
    let python = std::env::var_os("PYTHON").map_or_else(|| PathBuf::from("python3"), PathBuf::from);
    say(&format!("Python ({}): every group", python.display()));
    rows.extend(python_rows(root, &python, scale, cores, None, &[])?);
    let mut machine = format!(
        "key,value\ncores (available_parallelism),{cores}\nCPU model,{}\nload average when the run started,{load}\nrustc,{}\nPython,{}\n",
        cpu_model(),
        version(Command::new("rustc").arg("--version"))?,
        python_version(&python)?,
    );
    match python_ft {
        Some(ft) => {
            say(&format!("Python free-threaded ({}): threads", ft.display()));
            rows.extend(python_rows(
                root,
                ft,
                scale,
                cores,
                Some("Python threads (free-threaded)"),
                &[],
            )?);
            rows.extend(python_rows(
                root,
                ft,
                scale,
                cores,
                Some("Python threads (3.13t with PYTHON_GIL=1)"),
                &[("PYTHON_GIL", "1")],
            )?);
            machine.push_str(&format!("Python free-threaded,{}\n", python_version(ft)?));
            machine.push_str(&format!("load average when the run ended,{}\n", load_now()));
        }
        None => {
            machine.push_str(
                "Python free-threaded,not measured (no free-threaded interpreter given)\n",
            );
            machine.push_str(&format!("load average when the run ended,{}\n", load_now()));
        }
    }
    Ok((rows, machine))
}

fn python_rows(
    root: &Path,
    python: &Path,
    scale: Scale,
    cores: usize,
    threads_only: Option<&str>,
    env: &[(&str, &str)],
) -> Result<Vec<Row>> {
    let mut command = Command::new(python);
    command
        .arg(root.join("bench/python/bench.py"))
        .args([
            "--reps",
            &scale.reps.to_string(),
            "--cores",
            &cores.to_string(),
        ])
        .envs(env.iter().copied());
    if scale.smoke {
        command.arg("--smoke");
    }
    if let Some(label) = threads_only {
        command.args(["--threads-only", label]);
    }
    // Under a time limit, like every child of the tooling: half of the whole
    // step's limit, so that this child (in a process group of its own) ends
    // by itself even if `cargo xtask` killed our group first.
    let xtask = &course_kit::limits::get().xtask;
    let limit = if scale.smoke {
        xtask.bench_smoke
    } else {
        xtask.bench_run
    } / 2;
    let keep = Keep {
        head: 16 << 20,
        tail: 0,
    };
    let finished: Finished = course_kit::run::run(
        &mut command,
        course_kit::limits::secs(limit),
        Output::Separate(keep),
    )
    .with_context(|| format!("running {}", python.display()))?;
    // bench.py's progress lines, shown once it has finished.
    eprint!("{}", finished.err.text());
    ensure!(
        finished.exit != Exit::TimedOut,
        "{} bench/python/bench.py timed out after {limit} s (crates/course-kit/limits.toml)",
        python.display(),
    );
    ensure!(
        finished.exit.success(),
        "{} bench/python/bench.py failed: {}",
        python.display(),
        finished.exit
    );
    ensure!(
        finished.out.cut() == 0,
        "{} bench/python/bench.py printed more than {} bytes",
        python.display(),
        keep.head
    );
    let mut rows = Vec::new();
    for line in finished.out.text().lines() {
        rows.push(python_row(line).with_context(|| format!("bench.py printed {line}"))?);
    }
    Ok(rows)
}

/// One line of bench.py's JSON, summarised. A tiny parser for the flat
/// object bench.py prints (strings, integers and one list of numbers).
fn python_row(line: &str) -> Result<Row> {
    let field = |name: &str| -> Result<&str> {
        let key = format!("\"{name}\": ");
        let start = line.find(&key).with_context(|| format!("no {name}"))? + key.len();
        let rest = &line[start..];
        let end = if rest.starts_with('[') {
            rest.find(']').context("an unclosed list")? + 1
        } else if let Some(stripped) = rest.strip_prefix('"') {
            stripped.find('"').context("an unclosed string")? + 2
        } else {
            rest.find([',', '}']).context("a number without end")?
        };
        Ok(rest[..end].trim_matches('"'))
    };
    let mut samples: Vec<f64> = field("samples")?
        .trim_matches(['[', ']'])
        .split(", ")
        .map(str::parse)
        .collect::<Result<_, _>>()?;
    let runs = samples.len();
    let (median, p25, p75) = stats::summary(&mut samples);
    Ok(Row {
        group: field("group")?.into(),
        variant: field("variant")?.into(),
        language: "Python".into(),
        threads: field("threads")?.parse()?,
        size: field("size")?.parse()?,
        unit: field("unit")?.into(),
        median,
        p25,
        p75,
        runs,
    })
}

fn load_now() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, model)| model.trim().replace(',', " "))
        })
        .unwrap_or_else(|| "unknown".into())
}

/// A tool's version line, under the runner's time limit for quick queries.
fn version(command: &mut Command) -> Result<String> {
    let text = query(command).with_context(|| format!("asking {command:?} for its version"))?;
    Ok(text.trim().replace(',', " "))
}

fn python_version(python: &Path) -> Result<String> {
    version(Command::new(python).args([
        "-c",
        "import sys, sysconfig; gil = 'free-threaded' if sysconfig.get_config_var('Py_GIL_DISABLED') else 'with the GIL'; print(f'CPython {sys.version.split()[0]} ({gil})')",
    ]))
}

/// What the smoke run checks: the shape of the figures, and inequalities so
/// loose that they hold on any machine with the cores it reports. No check
/// compares a figure with a fixed time.
fn smoke_checks(rows: &[Row], cores: usize, free_threaded: bool) -> Result<()> {
    for row in rows {
        ensure!(
            row.median.is_finite()
                && row.median > 0.0
                && row.p25 <= row.median
                && row.median <= row.p75,
            "median and quartiles out of order: {}",
            row.line()
        );
        ensure!(
            row.group == "echo" || row.threads <= cores.max(2),
            "more threads than cores: {}",
            row.line()
        );
    }
    let find = |group: &str, variant: &str, threads: usize| -> Result<&Row> {
        rows.iter()
            .find(|r| {
                r.group == group && r.variant == variant && (threads == 0 || r.threads == threads)
            })
            .with_context(|| format!("no row for {group} / {variant} / {threads} threads"))
    };
    let mut expected = vec![
        ("channel", "std mpsc"),
        ("channel", "crossbeam"),
        ("channel", "queue.Queue"),
        ("channel", "queue.SimpleQueue"),
        ("channel", "multiprocessing.Queue"),
        ("spawn", "thread::spawn"),
        ("spawn", "tokio::spawn"),
        ("spawn", "threading.Thread"),
        ("spawn", "asyncio task"),
        ("counter", "Mutex"),
        ("counter", "AtomicU64"),
        ("counter", "threading.Lock"),
        ("echo", "tokio"),
        ("echo", "asyncio"),
        ("sizes", "sequential"),
        ("sizes", "rayon par_iter"),
        ("sizes", "ProcessPoolExecutor"),
        ("startup", "rayon ThreadPool"),
        ("startup", "multiprocessing.Pool"),
        ("startup", "ProcessPoolExecutor"),
    ];
    for variant in [
        "Rust threads",
        "rayon",
        "Python threads",
        "multiprocessing.Pool",
        "ProcessPoolExecutor",
    ] {
        expected.push(("cpu", variant));
    }
    if free_threaded {
        expected.push(("cpu", "Python threads (free-threaded)"));
    }
    for (group, variant) in expected {
        for threads in measure::thread_counts(cores) {
            if group == "cpu" {
                find(group, variant, threads)?;
            }
        }
        find(group, variant, 0)?;
    }
    // One iteration of the interpreted loop costs more than one of the
    // compiled loop: by a factor of at least 2 on any machine.
    let rust = find("cpu", "Rust threads", 1)?.median;
    let python = find("cpu", "Python threads", 1)?.median;
    ensure!(
        python > 2.0 * rust,
        "a Python loop iteration ({python} ns) is not even twice a Rust one ({rust} ns)"
    );
    // Not checked here: that a tokio task is cheaper than a thread. It is,
    // by far, in the release build the full run measures; in the debug
    // build of the smoke the margin is under 2x (27 against 44 us on this
    // course's machine), and a loaded machine once turned it around.
    Ok(())
}
