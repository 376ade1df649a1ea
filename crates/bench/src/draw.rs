//! Everything the pages show, drawn from the committed CSV alone: the SVG
//! plots in src/measuring/ (plotters, SVG backend, its built-in text
//! estimate: no system font is read) and the markdown tables in
//! bench/tables/ that the pages include. Same CSV, same bytes.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result, bail};
use plotters::prelude::*;

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
        ("src/measuring/cpu.svg", cpu_plot(&rows, cores)?),
        ("src/measuring/sizes.svg", sizes_plot(&rows)?),
        ("bench/tables/machine.md", machine_table(&machine)),
        ("bench/tables/cpu.md", cpu_table(&rows)),
        (
            "bench/tables/channel.md",
            simple_table(&rows, "channel", "ns per message", 1.0),
        ),
        (
            "bench/tables/spawn.md",
            simple_table(&rows, "spawn", "µs per spawn and join", 1e-3),
        ),
        (
            "bench/tables/counter.md",
            simple_table(&rows, "counter", "ns per increment", 1.0),
        ),
        ("bench/tables/echo.md", echo_table(&rows)),
        ("bench/tables/sizes.md", sizes_table(&rows)),
        (
            "bench/tables/startup.md",
            simple_table(
                &rows,
                "startup",
                "µs to start, use once and stop a pool",
                1e-3,
            ),
        ),
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

/// Each CPU variant's speedup over its own 1-thread run, by thread count.
fn speedups(rows: &[Row]) -> BTreeMap<String, Vec<(usize, f64)>> {
    let cpu = rows_of(rows, "cpu");
    let mut lines: BTreeMap<String, Vec<(usize, f64)>> = BTreeMap::new();
    for row in &cpu {
        let Some(one) = cpu
            .iter()
            .find(|r| r.variant == row.variant && r.threads == 1)
        else {
            continue;
        };
        lines
            .entry(row.variant.clone())
            .or_default()
            .push((row.threads, one.median / row.median));
    }
    for points in lines.values_mut() {
        points.sort_by_key(|p| p.0);
    }
    lines
}

const COLOURS: [RGBColor; 8] = [
    RGBColor(0xb7, 0x41, 0x0e),
    RGBColor(0x1f, 0x77, 0xb4),
    RGBColor(0x2c, 0xa0, 0x2c),
    RGBColor(0x94, 0x67, 0xbd),
    RGBColor(0x8c, 0x56, 0x4b),
    RGBColor(0xd6, 0x27, 0x28),
    RGBColor(0x17, 0xbe, 0xcf),
    RGBColor(0x7f, 0x7f, 0x7f),
];

fn cpu_plot(rows: &[Row], cores: usize) -> Result<String> {
    let lines = speedups(rows);
    let top = lines
        .values()
        .flatten()
        .map(|p| p.1)
        .fold(1.0_f64, f64::max)
        .ceil()
        + 0.5;
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (720, 440)).into_drawing_area();
        area.fill(&WHITE)?;
        // The x axis ends at the cores measured: no curve goes past them.
        let mut chart = ChartBuilder::on(&area)
            .caption("CPU-bound work: speedup over 1 thread", ("sans-serif", 20))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d(0.9_f64..cores as f64 + 0.1, 0_f64..top)?;
        chart
            .configure_mesh()
            .x_desc(format!(
                "threads or processes (this machine has {cores} cores)"
            ))
            .y_desc("speedup")
            .x_labels(cores + 1)
            // Whole thread counts only.
            .x_label_formatter(&|x| {
                if (x - x.round()).abs() < 1e-9 {
                    format!("{x:.0}")
                } else {
                    String::new()
                }
            })
            .draw()?;
        for (i, (variant, points)) in lines.iter().enumerate() {
            let colour = COLOURS[i % COLOURS.len()];
            let points: Vec<(f64, f64)> = points.iter().map(|&(t, s)| (t as f64, s)).collect();
            chart
                .draw_series(LineSeries::new(points.clone(), colour.stroke_width(2)))?
                .label(variant.as_str())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], colour.stroke_width(2))
                });
            chart.draw_series(
                points
                    .into_iter()
                    .map(|p| Circle::new(p, 4, colour.filled())),
            )?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK)
            .draw()?;
        area.present()?;
    }
    Ok(svg)
}

/// Speedup of the parallel variant over the sequential one, by input size.
fn size_ratios(rows: &[Row], language: &str, parallel: &str) -> Vec<(u64, f64)> {
    let sizes = rows_of(rows, "sizes");
    let mut points: Vec<(u64, f64)> = sizes
        .iter()
        .filter(|r| r.language == language && r.variant == parallel)
        .filter_map(|par| {
            let seq = sizes.iter().find(|r| {
                r.language == language && r.variant == "sequential" && r.size == par.size
            })?;
            Some((par.size, seq.median / par.median))
        })
        .collect();
    points.sort_by_key(|p| p.0);
    points
}

fn sizes_plot(rows: &[Row]) -> Result<String> {
    let series = [
        (
            "Rust: rayon par_iter against a sequential loop",
            size_ratios(rows, "Rust", "rayon par_iter"),
        ),
        (
            "Python: ProcessPoolExecutor against a sequential loop",
            size_ratios(rows, "Python", "ProcessPoolExecutor"),
        ),
    ];
    let all: Vec<(u64, f64)> = series.iter().flat_map(|s| s.1.clone()).collect();
    let (low, high) = all
        .iter()
        .fold((1.0_f64, 1.0_f64), |(l, h), p| (l.min(p.1), h.max(p.1)));
    let (first, last) = all
        .iter()
        .fold((u64::MAX, 1), |(f, l), p| (f.min(p.0), l.max(p.0)));
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (720, 440)).into_drawing_area();
        area.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&area)
            .caption(
                "Parallel against sequential, by input size",
                ("sans-serif", 20),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d(
                (first as f64 / 1.5..last as f64 * 1.5).log_scale(),
                (low / 2.0..high * 2.0).log_scale(),
            )?;
        chart
            .configure_mesh()
            .x_desc("numbers summed (sum of squares)")
            .y_desc("speedup (below 1: slower)")
            .x_label_formatter(&|x| format!("{x:.0}"))
            .y_label_formatter(&|y| show(*y))
            .draw()?;
        chart.draw_series(LineSeries::new(
            vec![(first as f64 / 1.5, 1.0), (last as f64 * 1.5, 1.0)],
            BLACK.mix(0.4),
        ))?;
        for (i, (name, points)) in series.iter().enumerate() {
            let colour = COLOURS[i];
            let points: Vec<(f64, f64)> = points.iter().map(|&(n, s)| (n as f64, s)).collect();
            chart
                .draw_series(LineSeries::new(points.clone(), colour.stroke_width(2)))?
                .label(*name)
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], colour.stroke_width(2))
                });
            chart.draw_series(
                points
                    .into_iter()
                    .map(|p| Circle::new(p, 4, colour.filled())),
            )?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK)
            .draw()?;
        area.present()?;
    }
    Ok(svg)
}

const GENERATED: &str =
    "<!-- Drawn by `cargo xtask bench` from bench/results.csv: do not edit. -->\n\n";

fn machine_table(machine: &[(String, String)]) -> String {
    let mut md = format!("{GENERATED}| what | this run |\n| --- | --- |\n");
    for (key, value) in machine {
        writeln!(md, "| {key} | {value} |").unwrap();
    }
    md
}

fn spread(row: &Row, scale: f64) -> String {
    format!("{}–{}", show(row.p25 * scale), show(row.p75 * scale))
}

fn cpu_table(rows: &[Row]) -> String {
    let speedups = speedups(rows);
    let rust_one = rows_of(rows, "cpu")
        .into_iter()
        .find(|r| r.variant == "Rust threads" && r.threads == 1)
        .map(|r| r.median);
    let mut md = format!(
        "{GENERATED}| variant | threads | ns per iteration (median) | middle half of the runs | speedup over 1 thread | time against Rust threads on 1 thread |\n| --- | ---: | ---: | ---: | ---: | ---: |\n"
    );
    for row in rows_of(rows, "cpu") {
        let speedup = speedups[&row.variant]
            .iter()
            .find(|p| p.0 == row.threads)
            .map_or(f64::NAN, |p| p.1);
        let against = rust_one.map_or(String::from("–"), |one| {
            format!("{}×", show(row.median / one))
        });
        writeln!(
            md,
            "| {} | {} | {} | {} | {}× | {} |",
            row.variant,
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

fn simple_table(rows: &[Row], group: &str, unit: &str, scale: f64) -> String {
    let mut md = format!(
        "{GENERATED}| variant | language | threads | {unit} (median) | middle half of the runs | runs of |\n| --- | --- | ---: | ---: | ---: | ---: |\n"
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

fn echo_table(rows: &[Row]) -> String {
    let mut md = format!(
        "{GENERATED}| server and clients | worker threads | round trips per second (median) | middle half of the runs | round trips per run |\n| --- | ---: | ---: | ---: | ---: |\n"
    );
    for row in rows_of(rows, "echo") {
        // Nanoseconds per round trip to round trips per second: the faster
        // quartile (p25) gives the higher rate.
        writeln!(
            md,
            "| {} | {} | {} | {}–{} | {} |",
            row.variant,
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

fn sizes_table(rows: &[Row]) -> String {
    let sizes = rows_of(rows, "sizes");
    let mut numbers: Vec<u64> = sizes.iter().map(|r| r.size).collect();
    numbers.sort();
    numbers.dedup();
    let get = |language: &str, variant: &str, size: u64| {
        sizes
            .iter()
            .find(|r| r.language == language && r.variant == variant && r.size == size)
    };
    let mut md = format!(
        "{GENERATED}| numbers | Rust sequential (ns) | rayon `par_iter` (ns) | rayon's speedup | Python sequential (ns) | `ProcessPoolExecutor` (ns) | its speedup |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    );
    for n in numbers {
        let cell = |r: Option<&&Row>| r.map_or("–".to_string(), |r| show(r.median));
        let ratio = |seq: Option<&&Row>, par: Option<&&Row>| match (seq, par) {
            (Some(s), Some(p)) => format!("{}×", show(s.median / p.median)),
            _ => "–".into(),
        };
        let (rs, rp) = (
            get("Rust", "sequential", n),
            get("Rust", "rayon par_iter", n),
        );
        let (ps, pp) = (
            get("Python", "sequential", n),
            get("Python", "ProcessPoolExecutor", n),
        );
        writeln!(
            md,
            "| {n} | {} | {} | {} | {} | {} | {} |",
            cell(rs),
            cell(rp),
            ratio(rs, rp),
            cell(ps),
            cell(pp),
            ratio(ps, pp)
        )
        .unwrap();
    }
    md
}
