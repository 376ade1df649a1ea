//! What the smoke run checks: the shape of the figures (every group,
//! variant, interpreter and thread count present; medians between their
//! quartiles), what is certain (a start method that forks pickles nothing),
//! and one inequality so loose that it holds on any machine. No check
//! compares a figure with a fixed time.

use anyhow::{Context, Result, ensure};

use crate::csv::Row;
use crate::measure::{self, Scale, pool_sizes, thread_counts};
use crate::python::{Interpreter, Joins};

pub fn check(rows: &[Row], scale: Scale, interpreters: &[Interpreter]) -> Result<()> {
    let cores = scale.cores;
    for row in rows {
        ensure!(
            row.median.is_finite() && row.p25 <= row.median && row.median <= row.p75,
            "median and quartiles out of order: {}",
            row.line()
        );
        ensure!(
            row.median > 0.0 || !row.unit.starts_with("ns/"),
            "a time of zero: {}",
            row.line()
        );
        // Only these groups run more threads than cores, on purpose.
        ensure!(
            matches!(row.group.as_str(), "echo" | "oversubscribed") || row.threads <= cores.max(2),
            "more threads than cores: {}",
            row.line()
        );
    }
    let mut expected: Vec<(String, String, String, usize, u64)> = Vec::new();
    let mut expect = |language: &str, group: &str, variant: &str, threads: usize, size: u64| {
        expected.push((language.into(), group.into(), variant.into(), threads, size));
    };
    for t in thread_counts(cores) {
        expect("Rust", "cpu", "Rust threads", t, 0);
        expect("Rust", "cpu", "rayon", t, 0);
    }
    for variant in ["std mpsc", "crossbeam"] {
        expect("Rust", "channel", variant, 0, 0);
    }
    for variant in [
        "thread::spawn",
        "tokio::spawn from a task",
        "tokio::spawn from block_on",
    ] {
        expect("Rust", "spawn", variant, 0, 0);
    }
    for variant in ["Mutex", "AtomicU64"] {
        expect("Rust", "counter", variant, 2, 0);
    }
    expect("Rust", "echo", "tokio", 0, 0);
    for size in measure::sizes(scale) {
        expect("Rust", "sizes", "sequential", 1, size);
        expect("Rust", "sizes", "rayon par_iter", 0, size);
    }
    expect("Rust", "startup", "rayon ThreadPool", cores, 0);
    for t in pool_sizes(cores) {
        expect("Rust", "oversubscribed", "rayon: CPU-bound pieces", t, 0);
        expect("Rust", "oversubscribed", "rayon: sleeping pieces", t, 0);
    }
    for interpreter in interpreters {
        let label = interpreter.label.as_str();
        for t in thread_counts(cores) {
            expect(label, "cpu", "Python threads", t, 0);
        }
        if interpreter.joins == Joins::CpuThreads {
            continue;
        }
        for variant in ["queue.Queue", "queue.SimpleQueue", "multiprocessing.Queue"] {
            expect(label, "channel", variant, 0, 0);
        }
        for variant in ["threading.Thread", "asyncio task"] {
            expect(label, "spawn", variant, 0, 0);
        }
        expect(label, "counter", "threading.Lock", 2, 0);
        expect(label, "echo", "asyncio", 0, 0);
        for t in pool_sizes(cores) {
            expect(
                label,
                "oversubscribed",
                "ThreadPoolExecutor: CPU-bound pieces",
                t,
                0,
            );
            expect(
                label,
                "oversubscribed",
                "ThreadPoolExecutor: sleeping pieces",
                t,
                0,
            );
        }
        if interpreter.joins == Joins::Threads {
            continue;
        }
        for t in thread_counts(cores) {
            expect(label, "cpu", "multiprocessing.Pool", t, 0);
            expect(label, "cpu", "ProcessPoolExecutor", t, 0);
        }
        for size in measure::sizes(scale) {
            expect(label, "sizes", "sequential", 1, size);
            expect(label, "sizes", "ProcessPoolExecutor", 0, size);
        }
        for variant in ["multiprocessing.Pool", "ProcessPoolExecutor"] {
            expect(label, "startup", variant, cores, 0);
        }
        for method in ["fork", "forkserver", "spawn"] {
            expect(label, "initializer", method, cores, 0);
        }
    }
    for (language, group, variant, threads, size) in &expected {
        find(rows, language, group, variant, *threads, *size)?;
    }
    ensure!(
        rows.len() == expected.len() + initializer_rows(interpreters),
        "{} rows, but {} were expected: a variant the checks do not know",
        rows.len(),
        expected.len() + initializer_rows(interpreters)
    );
    let main = interpreters
        .iter()
        .find(|i| i.joins == Joins::Everything)
        .context("no interpreter measures every group")?;
    // One iteration of the interpreted loop costs more than one of the
    // compiled loop: by a factor of at least 2 on any machine.
    let rust = find(rows, "Rust", "cpu", "Rust threads", 1, 0)?.median;
    let python = find(rows, &main.label, "cpu", "Python threads", 1, 0)?.median;
    ensure!(
        python > 2.0 * rust,
        "a Python loop iteration ({python} ns) is not even twice a Rust one ({rust} ns)"
    );
    // Certain, not measured: a forked worker inherits the parent's memory,
    // so nothing of the initializer's table is pickled; the other two start
    // methods pickle it for every worker.
    let counted = |method: &str, unit: &str| -> Result<f64> {
        let row = rows
            .iter()
            .find(|r| {
                r.language == main.label
                    && r.group == "initializer"
                    && r.variant == method
                    && r.unit == unit
            })
            .with_context(|| format!("no {unit} row for {method}"))?;
        Ok(row.median)
    };
    ensure!(
        counted("fork", "pickles/pool")? == 0.0 && counted("fork", "bytes pickled/pool")? == 0.0,
        "the table was pickled under fork"
    );
    for method in ["forkserver", "spawn"] {
        // Once for each worker, whole.
        let pickles = counted(method, "pickles/pool")?;
        ensure!(
            pickles == cores as f64,
            "under {method} the table was pickled {pickles} times, not once per worker ({cores})"
        );
        ensure!(
            counted(method, "bytes pickled/pool")? > 0.0,
            "nothing was pickled under {method}"
        );
    }
    Ok(())
}

/// The initializer group has a row of time, of bytes and of pickles per
/// start method; `expected` names each once.
fn initializer_rows(interpreters: &[Interpreter]) -> usize {
    2 * 3
        * interpreters
            .iter()
            .filter(|i| i.joins == Joins::Everything)
            .count()
}

/// The row of `language`, `group` and `variant`, with `threads` threads and
/// input `size` (0: any).
fn find<'a>(
    rows: &'a [Row],
    language: &str,
    group: &str,
    variant: &str,
    threads: usize,
    size: u64,
) -> Result<&'a Row> {
    rows.iter()
        .find(|r| {
            r.language == language
                && r.group == group
                && r.variant == variant
                && (threads == 0 || r.threads == threads)
                && (size == 0 || r.size == size)
        })
        .with_context(|| {
            format!("no row for {language} / {group} / {variant} / {threads} threads / size {size}")
        })
}
