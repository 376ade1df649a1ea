//! The markdown tables that the measuring pages include from bench/tables/.

use std::fmt::Write as _;

use super::{label, main_python, rows_of, show, speedups};
use crate::csv::Row;

const GENERATED: &str =
    "<!-- Drawn by `cargo xtask bench` from bench/results.csv: do not edit. -->\n\n";

pub fn machine(machine: &[(String, String)]) -> String {
    let mut md = format!("{GENERATED}| what | this run |\n| --- | --- |\n");
    for (key, value) in machine {
        writeln!(md, "| {key} | {value} |").unwrap();
    }
    md
}

fn spread(row: &Row, scale: f64) -> String {
    format!("{}–{}", show(row.p25 * scale), show(row.p75 * scale))
}

fn ratio(numerator: f64, denominator: f64) -> String {
    format!("{}×", show(numerator / denominator))
}

pub fn cpu(rows: &[Row]) -> String {
    let speedups = speedups(rows);
    let rust_one = rows_of(rows, "cpu")
        .into_iter()
        .find(|r| r.variant == "Rust threads" && r.threads == 1)
        .map(|r| r.median);
    let mut md = format!(
        "{GENERATED}| variant | threads | ns per iteration (median) | middle half of the runs | speedup over 1 thread | time against Rust threads on 1 thread |\n| --- | ---: | ---: | ---: | ---: | ---: |\n"
    );
    for row in rows_of(rows, "cpu") {
        let speedup = speedups[&label(row)]
            .iter()
            .find(|p| p.0 == row.threads)
            .map_or(f64::NAN, |p| p.1);
        let against = rust_one.map_or(String::from("–"), |one| ratio(row.median, one));
        writeln!(
            md,
            "| {} | {} | {} | {} | {}× | {} |",
            label(row),
            row.threads,
            show(row.median),
            spread(row, 1.0),
            show(speedup),
            against
        )
        .unwrap();
    }
    md
}

/// Python threads on every interpreter, against the regular build of the
/// same version on one thread: the cost of free-threading, and what a
/// second thread brings on each build.
pub fn free_threading(rows: &[Row]) -> String {
    let threads: Vec<&Row> = rows_of(rows, "cpu")
        .into_iter()
        .filter(|r| r.variant == "Python threads")
        .collect();
    let base = main_python(rows).and_then(|main| {
        threads
            .iter()
            .copied()
            .find(|r| r.language == main && r.threads == 1)
    });
    let mut md = format!(
        "{GENERATED}| interpreter | threads | ns per iteration (median) | middle half of the runs | time against {} on 1 thread |\n| --- | ---: | ---: | ---: | ---: |\n",
        base.map_or("–".into(), |b| b.language.clone())
    );
    for row in &threads {
        writeln!(
            md,
            "| {} | {} | {} | {} | {} |",
            row.language,
            row.threads,
            show(row.median),
            spread(row, 1.0),
            base.map_or("–".into(), |b| ratio(row.median, b.median))
        )
        .unwrap();
    }
    md
}

/// One row per variant; `threads` names what the CSV's thread count means
/// in this group (threads, workers, or spawned at a time).
pub fn simple(rows: &[Row], group: &str, threads: &str, unit: &str, scale: f64) -> String {
    let mut md = format!(
        "{GENERATED}| variant | language | {threads} | {unit} (median) | middle half of the runs | runs of |\n| --- | --- | ---: | ---: | ---: | ---: |\n"
    );
    for row in rows_of(rows, group) {
        writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} |",
            row.variant,
            row.language,
            row.threads,
            show(row.median * scale),
            spread(row, scale),
            row.size
        )
        .unwrap();
    }
    md
}

pub fn echo(rows: &[Row]) -> String {
    let mut md = format!(
        "{GENERATED}| server and clients | language | worker threads | round trips per second (median) | middle half of the runs | round trips per run |\n| --- | --- | ---: | ---: | ---: | ---: |\n"
    );
    for row in rows_of(rows, "echo") {
        // Nanoseconds per round trip to round trips per second: the faster
        // quartile (p25) gives the higher rate.
        writeln!(
            md,
            "| {} | {} | {} | {} | {}–{} | {} |",
            row.variant,
            row.language,
            row.threads,
            show(1e9 / row.median),
            show(1e9 / row.p75),
            show(1e9 / row.p25),
            row.size
        )
        .unwrap();
    }
    md
}

pub fn sizes(rows: &[Row]) -> String {
    let sizes = rows_of(rows, "sizes");
    let python = main_python(rows).unwrap_or("Python");
    let mut numbers: Vec<u64> = sizes.iter().map(|r| r.size).collect();
    numbers.sort();
    numbers.dedup();
    let get = |language: &str, variant: &str, size: u64| {
        sizes
            .iter()
            .find(|r| r.language == language && r.variant == variant && r.size == size)
            .copied()
    };
    let mut md = format!(
        "{GENERATED}| numbers | Rust sequential (ns) | rayon `par_iter` (ns) | rayon's speedup | {python} sequential (ns) | `ProcessPoolExecutor` (ns) | its speedup |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    );
    for n in numbers {
        let cell = |r: Option<&Row>| {
            r.map_or("–".to_string(), |r| {
                format!("{} ({})", show(r.median), spread(r, 1.0))
            })
        };
        let speedup = |seq: Option<&Row>, par: Option<&Row>| match (seq, par) {
            (Some(s), Some(p)) => ratio(s.median, p.median),
            _ => "–".into(),
        };
        let (rs, rp) = (
            get("Rust", "sequential", n),
            get("Rust", "rayon par_iter", n),
        );
        let (ps, pp) = (
            get(python, "sequential", n),
            get(python, "ProcessPoolExecutor", n),
        );
        writeln!(
            md,
            "| {n} | {} | {} | {} | {} | {} | {} |",
            cell(rs),
            cell(rp),
            speedup(rs, rp),
            cell(ps),
            cell(pp),
            speedup(ps, pp)
        )
        .unwrap();
    }
    md
}

/// One job of many pieces on pools of one thread per core and more: each
/// row against the same variant's pool of one thread per core.
pub fn oversubscribed(rows: &[Row]) -> String {
    let group = rows_of(rows, "oversubscribed");
    let mut md = format!(
        "{GENERATED}| pieces | language | pool threads | ms per job (median) | middle half of the runs | time against one thread per core |\n| --- | --- | ---: | ---: | ---: | ---: |\n"
    );
    for row in &group {
        let per_core = group
            .iter()
            .filter(|r| r.variant == row.variant && r.language == row.language)
            .min_by_key(|r| r.threads);
        writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} |",
            row.variant,
            row.language,
            row.threads,
            show(row.median * 1e-6),
            spread(row, 1e-6),
            per_core.map_or("–".into(), |one| ratio(row.median, one.median))
        )
        .unwrap();
    }
    md
}

/// A process pool given a table through its initializer, under each start
/// method: the bytes of the table pickled, and the time to start the pool,
/// use each worker once and stop it.
pub fn initializer(rows: &[Row]) -> String {
    let group = rows_of(rows, "initializer");
    let mut md = format!(
        "{GENERATED}| start method | language | workers | numbers in the table | times it was pickled per pool | bytes pickled per pool | ms to start, use once and stop (median) | middle half of the runs |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    );
    for time in group.iter().filter(|r| r.unit == "ns/pool") {
        let counted = |unit: &str| {
            group
                .iter()
                .find(|r| {
                    r.unit == unit && r.variant == time.variant && r.language == time.language
                })
                .map_or("–".into(), |r| format!("{:.0}", r.median))
        };
        writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            time.variant,
            time.language,
            time.threads,
            time.size,
            counted("pickles/pool"),
            counted("bytes pickled/pool"),
            show(time.median * 1e-6),
            spread(time, 1e-6)
        )
        .unwrap();
    }
    md
}
