//! The two plots: the CPU-bound group's speedup by thread count, and the
//! sizes group's parallel-against-sequential speedup by input size
//! (plotters, SVG backend, its built-in text estimate: no system font).

use plotters::prelude::*;

use super::{main_python, rows_of, show, speedups};
use crate::csv::Row;
use anyhow::Result;

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

pub fn cpu(rows: &[Row], cores: usize) -> Result<String> {
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
        let series = lines
            .iter()
            .map(|(variant, points)| {
                let points = points.iter().map(|&(t, s)| (t as f64, s)).collect();
                (variant.clone(), points)
            })
            .collect();
        lines_with_legend(&mut chart, series)?;
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

pub fn sizes(rows: &[Row]) -> Result<String> {
    let python = main_python(rows).unwrap_or("Python");
    let python_series = format!("{python}: ProcessPoolExecutor against a sequential loop");
    let series = [
        (
            "Rust: rayon par_iter against a sequential loop",
            size_ratios(rows, "Rust", "rayon par_iter"),
        ),
        (
            python_series.as_str(),
            size_ratios(rows, python, "ProcessPoolExecutor"),
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
        let series = series
            .iter()
            .map(|(name, points)| {
                let points = points.iter().map(|&(n, s)| (n as f64, s)).collect();
                (name.to_string(), points)
            })
            .collect();
        lines_with_legend(&mut chart, series)?;
        area.present()?;
    }
    Ok(svg)
}

/// Each series as a line with its points, in the course's colours, and the
/// legend that names them.
fn lines_with_legend<'a, X, Y>(
    chart: &mut ChartContext<'a, SVGBackend<'a>, Cartesian2d<X, Y>>,
    series: Vec<(String, Vec<(f64, f64)>)>,
) -> Result<()>
where
    X: Ranged<ValueType = f64>,
    Y: Ranged<ValueType = f64>,
{
    for (i, (name, points)) in series.into_iter().enumerate() {
        let colour = COLOURS[i % COLOURS.len()];
        chart
            .draw_series(LineSeries::new(points.clone(), colour.stroke_width(2)))?
            .label(name)
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
    Ok(())
}
