//! One group of the benchmark, measured in rounds: in each round every Rust
//! variant runs once, then every interpreter that takes part runs each of
//! its variants once, in the same order every round (A B C D A B C D). A
//! slow moment of the machine then falls on all of them alike, and a ratio
//! never spans minutes. The first round warms up and is not kept.

use anyhow::{Result, bail, ensure};

use crate::csv::Row;
use crate::measure::{self, Scale, Variant};
use crate::python::{Answer, Interpreter, Worker};
use crate::stats::summary;

/// The groups of a run, in order: a name and its argument.
pub fn plan(scale: Scale) -> Vec<(&'static str, Option<String>)> {
    let mut plan: Vec<(&str, Option<String>)> = vec![
        ("cpu", None),
        ("channel", None),
        ("spawn", None),
        // Two threads fight over one counter, whatever the cores.
        ("counter", Some("2".into())),
        ("echo", None),
    ];
    plan.extend(
        measure::sizes(scale)
            .into_iter()
            .map(|size| ("sizes", Some(size.to_string()))),
    );
    plan.extend([
        ("startup", None),
        ("oversubscribed", None),
        ("initializer", Some("time".into())),
        ("initializer", Some("bytes".into())),
        ("initializer", Some("pickles".into())),
    ]);
    plan
}

/// How many kept rounds a group gets: the input sizes more, as the pages
/// read their smallest differences.
pub fn rounds(name: &str, smoke: bool) -> usize {
    match (smoke, name) {
        (true, _) => 3,
        (false, "sizes") => 31,
        (false, _) => 21,
    }
}

/// Every variant of one group, Rust's and each taking part interpreter's,
/// measured in the same rounds.
pub fn group(
    name: &str,
    arg: Option<&str>,
    scale: Scale,
    mut rust: Vec<Variant>,
    pythons: &mut [(Interpreter, Worker)],
) -> Result<Vec<Row>> {
    let mut taking = Vec::new();
    for (index, (interpreter, worker)) in pythons.iter_mut().enumerate() {
        let Some(setup) = interpreter.setup(name, arg) else {
            continue;
        };
        match worker.ask(&setup)? {
            Answer::Variants(variants) => taking.push((index, variants)),
            other => bail!("{}: `{setup}` answered {other:?}", worker.label),
        }
    }
    let rounds = rounds(name, scale.smoke);
    let mut rust_samples = vec![Vec::with_capacity(rounds); rust.len()];
    let mut python_samples: Vec<Vec<Vec<f64>>> = taking
        .iter()
        .map(|(_, variants)| vec![Vec::with_capacity(rounds); variants.len()])
        .collect();
    for round in 0..=rounds {
        let kept = round > 0;
        for (variant, samples) in rust.iter_mut().zip(&mut rust_samples) {
            let (took, units) = (variant.run)();
            if kept {
                samples.push(took.as_nanos() as f64 / units);
            }
        }
        for ((index, variants), samples) in taking.iter().zip(&mut python_samples) {
            let worker = &mut pythons[*index].1;
            let Answer::Samples(values) = worker.ask("round")? else {
                bail!("{}: `round` did not answer with samples", worker.label);
            };
            ensure!(
                values.len() == variants.len(),
                "{}: {} samples for {} variants",
                worker.label,
                values.len(),
                variants.len()
            );
            if kept {
                for (value, into) in values.into_iter().zip(samples.iter_mut()) {
                    into.push(value);
                }
            }
        }
    }
    let mut rows: Vec<Row> = rust
        .iter()
        .zip(rust_samples)
        .map(|(v, samples)| row(name, &v.name, "Rust", v.threads, v.size, v.unit, samples))
        .collect();
    for ((index, variants), samples) in taking.iter().zip(python_samples) {
        let (interpreter, worker) = &mut pythons[*index];
        let Answer::Ended(true) = worker.ask("end")? else {
            bail!("{}: `end` did not answer `ended`", worker.label);
        };
        for (v, samples) in variants.iter().zip(samples) {
            rows.push(row(
                name,
                &v.name,
                &interpreter.label,
                v.threads,
                v.size,
                &v.unit,
                samples,
            ));
        }
    }
    Ok(rows)
}

fn row(
    group: &str,
    variant: &str,
    language: &str,
    threads: usize,
    size: u64,
    unit: &str,
    mut samples: Vec<f64>,
) -> Row {
    let runs = samples.len();
    let (median, p25, p75) = summary(&mut samples);
    Row {
        group: group.into(),
        variant: variant.into(),
        language: language.into(),
        threads,
        size,
        unit: unit.into(),
        median,
        p25,
        p75,
        runs,
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::time::Duration;

    use super::*;
    use crate::python::Joins;

    /// A stand-in for bench.py that speaks its protocol with one variant
    /// and writes a `P` to the log for each round it runs.
    const SERVER: &str = r#"
import json, sys
for line in sys.stdin:
    word = line.split()[0]
    if word == "setup":
        answer = {"variants": [{"name": "p", "threads": 1, "size": 1, "unit": "ns/x"}]}
    elif word == "round":
        with open(LOG, "a") as f:
            f.write("P")
        answer = {"samples": [1.0]}
    else:
        answer = {"ended": True}
    print(json.dumps(answer), flush=True)
"#;

    #[test]
    fn rust_and_python_take_turns_in_every_round() {
        let dir = std::env::temp_dir().join(format!("bench-rounds-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let log = dir.join("order");
        let server = dir.join("server.py");
        let code = SERVER.replace("LOG", &format!("{:?}", log.display().to_string()));
        std::fs::write(&server, code).unwrap();
        let interpreter = Interpreter {
            label: "Python test".into(),
            path: PathBuf::from("python3"),
            env: vec![],
            joins: Joins::Everything,
        };
        let scale = Scale {
            smoke: true,
            cores: 2,
        };
        let worker =
            Worker::start(&server, &interpreter, 2, true, Duration::from_secs(60)).unwrap();
        let mut pythons = vec![(interpreter, worker)];
        let rust_log = log.clone();
        let rust = vec![Variant {
            name: "r".into(),
            threads: 1,
            size: 1,
            unit: "ns/x",
            run: Box::new(move || {
                use std::io::Write;
                let mut f = std::fs::OpenOptions::new()
                    .append(true)
                    .create(true)
                    .open(&rust_log)
                    .unwrap();
                f.write_all(b"R").unwrap();
                (Duration::from_nanos(5), 1.0)
            }),
        }];
        let rows = group("startup", None, scale, rust, &mut pythons).unwrap();
        // A warm-up round, then the kept ones: R then P in each.
        let rounds = rounds("startup", true);
        assert_eq!(
            std::fs::read_to_string(&log).unwrap(),
            "RP".repeat(rounds + 1)
        );
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|r| r.runs == rounds));
        assert_eq!((rows[0].language.as_str(), rows[0].median), ("Rust", 5.0));
        assert_eq!(
            (rows[1].language.as_str(), rows[1].median),
            ("Python test", 1.0)
        );
        drop(pythons);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
