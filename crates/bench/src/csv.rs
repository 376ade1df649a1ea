//! The committed figures: one row per (benchmark, variant, threads, size),
//! in bench/results.csv, and the machine they were taken on, in
//! bench/machine.csv.

use std::fmt::Write as _;

use anyhow::{Context, Result, bail};

pub const HEADER: &str = "group,variant,language,threads,size,unit,median,p25,p75,runs";

/// One line of results.csv.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// `cpu`, `channel`, `spawn`, `counter`, `echo` or `sizes`.
    pub group: String,
    pub variant: String,
    /// `Rust` or `Python`.
    pub language: String,
    pub threads: usize,
    /// The amount of work (iterations, messages, elements) of one run.
    pub size: u64,
    /// What `median`, `p25` and `p75` count, such as `ns/iteration`.
    pub unit: String,
    pub median: f64,
    pub p25: f64,
    pub p75: f64,
    pub runs: usize,
}

impl Row {
    pub fn line(&self) -> String {
        use crate::stats::fmt4;
        for text in [&self.group, &self.variant, &self.language, &self.unit] {
            assert!(!text.contains(','), "a comma in a CSV field: {text}");
        }
        format!(
            "{},{},{},{},{},{},{},{},{},{}",
            self.group,
            self.variant,
            self.language,
            self.threads,
            self.size,
            self.unit,
            fmt4(self.median),
            fmt4(self.p25),
            fmt4(self.p75),
            self.runs
        )
    }

    pub fn parse(line: &str) -> Result<Row> {
        let f: Vec<&str> = line.split(',').collect();
        if f.len() != 10 {
            bail!("expected 10 fields, got {}: {line}", f.len());
        }
        let num = |i: usize| -> Result<f64> {
            f[i].parse()
                .with_context(|| format!("field {} of {line}", i + 1))
        };
        Ok(Row {
            group: f[0].into(),
            variant: f[1].into(),
            language: f[2].into(),
            threads: f[3].parse().with_context(|| format!("threads of {line}"))?,
            size: f[4].parse().with_context(|| format!("size of {line}"))?,
            unit: f[5].into(),
            median: num(6)?,
            p25: num(7)?,
            p75: num(8)?,
            runs: f[9].parse().with_context(|| format!("runs of {line}"))?,
        })
    }
}

pub fn write(rows: &[Row]) -> String {
    let mut text = String::from(HEADER);
    text.push('\n');
    for row in rows {
        writeln!(text, "{}", row.line()).unwrap();
    }
    text
}

pub fn read(text: &str) -> Result<Vec<Row>> {
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        bail!("the first line must be `{HEADER}`");
    }
    lines.filter(|l| !l.is_empty()).map(Row::parse).collect()
}

/// bench/machine.csv: `key,value` lines (values may hold commas after the first).
pub fn read_machine(text: &str) -> Vec<(String, String)> {
    text.lines()
        .skip(1)
        .filter_map(|l| l.split_once(','))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}
