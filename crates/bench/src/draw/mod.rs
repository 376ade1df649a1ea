//! Everything the pages show, drawn from the committed CSV alone: the SVG
//! plots in src/measuring/ (plots.rs) and the markdown tables in
//! bench/tables/ that the pages include (tables.rs). Same CSV, same bytes.

mod plots;
mod tables;

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::csv::{self, Row};

/// Writes (or, with `check`, compares) every drawn file; returns how many
/// changed. With `check`, any difference is an error naming the files.
pub fn all(root: &Path, check: bool) -> Result<usize> {
    let rows = csv::read(&std::fs::read_to_string(root.join("bench/results.csv"))?)
        .context("reading bench/results.csv")?;
    let machine = csv::read_machine(&std::fs::read_to_string(root.join("bench/machine.csv"))?);
    let cores: usize = machine
        .iter()
        .find(|(k, _)| k.starts_with("cores"))
        .and_then(|(_, v)| v.parse().ok())
        .context("bench/machine.csv names no core count")?;
    let files = vec![
        ("src/measuring/cpu.svg", plots::cpu(&rows, cores)?),
        ("src/measuring/sizes.svg", plots::sizes(&rows)?),
        ("bench/tables/machine.md", tables::machine(&machine)),
        ("bench/tables/cpu.md", tables::cpu(&rows)),
        (
            "bench/tables/free-threading.md",
            tables::free_threading(&rows),
        ),
        (
            "bench/tables/channel.md",
            tables::simple(&rows, "channel", "threads", "ns per message", 1.0),
        ),
        (
            "bench/tables/spawn.md",
            tables::simple(
                &rows,
                "spawn",
                "spawned at a time",
                "µs per spawn and join",
                1e-3,
            ),
        ),
        (
            "bench/tables/counter.md",
            tables::simple(&rows, "counter", "threads", "ns per increment", 1.0),
        ),
        ("bench/tables/echo.md", tables::echo(&rows)),
        ("bench/tables/sizes.md", tables::sizes(&rows)),
        (
            "bench/tables/startup.md",
            tables::simple(
                &rows,
                "startup",
                "workers",
                "µs to start, use once and stop a pool",
                1e-3,
            ),
        ),
        (
            "bench/tables/oversubscribed.md",
            tables::oversubscribed(&rows),
        ),
        ("bench/tables/initializer.md", tables::initializer(&rows)),
    ];
    let mut changed = Vec::new();
    for (path, text) in files {
        let full = root.join(path);
        if std::fs::read_to_string(&full).ok().as_deref() != Some(text.as_str()) {
            changed.push(path);
            if !check {
                std::fs::create_dir_all(full.parent().unwrap())?;
                std::fs::write(&full, text)?;
            }
        }
    }
    if check && !changed.is_empty() {
        bail!(
            "these files differ from what bench/results.csv draws: {}; run `cargo xtask bench --redraw` and commit",
            changed.join(", ")
        );
    }
    Ok(changed.len())
}

/// Three significant digits, for the pages.
pub fn show(value: f64) -> String {
    if value == 0.0 || !value.is_finite() {
        return format!("{value}");
    }
    let digits = value.abs().log10().floor() as i32;
    let decimals = (2 - digits).max(0) as usize;
    let scale = 10f64.powi(digits - 2);
    let rounded = if digits >= 2 {
        (value / scale).round() * scale
    } else {
        value
    };
    format!("{rounded:.decimals$}")
}

fn rows_of<'a>(rows: &'a [Row], group: &str) -> Vec<&'a Row> {
    rows.iter().filter(|r| r.group == group).collect()
}

/// A row's name on a page: the variant, and for Python the interpreter
/// (`Python threads (3.13t)`).
fn label(row: &Row) -> String {
    match row.language.strip_prefix("Python ") {
        Some(interpreter) => format!("{} ({interpreter})", row.variant),
        None => row.variant.clone(),
    }
}

/// The interpreter that ran every Python group (sizes and the process
/// pools): the one the sizes rows name.
fn main_python(rows: &[Row]) -> Option<&str> {
    rows.iter()
        .find(|r| r.group == "sizes" && r.language != "Rust")
        .map(|r| r.language.as_str())
}

/// Each CPU variant's speedup over its own 1-thread run, by thread count,
/// keyed by `label`.
fn speedups(rows: &[Row]) -> BTreeMap<String, Vec<(usize, f64)>> {
    let cpu = rows_of(rows, "cpu");
    let mut lines: BTreeMap<String, Vec<(usize, f64)>> = BTreeMap::new();
    for row in &cpu {
        let Some(one) = cpu
            .iter()
            .find(|r| r.variant == row.variant && r.language == row.language && r.threads == 1)
        else {
            continue;
        };
        lines
            .entry(label(row))
            .or_default()
            .push((row.threads, one.median / row.median));
    }
    for points in lines.values_mut() {
        points.sort_by_key(|p| p.0);
    }
    lines
}
