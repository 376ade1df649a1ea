//! Timelines: what the threads of a real run did, as a figure.
//!
//! A timeline is three files in `timelines/`, named by its id:
//!
//! - `ID.toml`: which program made it (`program`, an example, and
//!   `runtime`: `rust`, `python` or `python-free-threaded`), its title, the
//!   text alternative (`alt`), and the claims the page makes about it, each
//!   checked against the trace (`[[claims]]`, see [`Claim`]);
//! - `ID.json`: the trace of one run, in Chrome's trace-event format (open it
//!   in Perfetto or `chrome://tracing`), with the run's facts in `otherData`;
//!   recorded by `cargo xtask timeline record ID`;
//! - `ID.svg`: the figure, drawn from the trace by `cargo xtask timeline
//!   draw`; `cargo xtask check-book` draws it again and fails if it differs.
//!
//! A page shows one with `{{#timeline ID}}`. Rust programs record with the
//! `tracing` crate and `tracing-chrome` (crates/course-trace), Python twins
//! with a few lines that write the same format.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use serde_json::Value;

/// Where the timelines live, from the root.
pub const TIMELINE_DIR: &str = "timelines";

/// One lane of the figure: a thread, or a task of an async trace.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub label: String,
    pub spans: Vec<Span>,
    pub marks: Vec<Mark>,
}

/// "`name` ran from `start` to `end`" (µs from the first event); `open`
/// when the run ended before the span did (a deadlocked thread's wait).
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub name: String,
    pub start: f64,
    pub end: f64,
    pub depth: usize,
    pub open: bool,
}

/// An instant: "`name` happened at `at`".
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub name: String,
    pub at: f64,
}

/// A trace read into lanes, in the order they first appear.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    pub lanes: Vec<Lane>,
    /// The end of the run: the last timestamp seen.
    pub end: f64,
    /// The run's facts (`otherData`): cores, build, version, command.
    pub facts: BTreeMap<String, String>,
}

/// Reads a trace in Chrome's trace-event format: a JSON array of events, or
/// an object with `traceEvents` (and `otherData`). Understood: complete
/// spans (`X`), begin/end (`B`/`E`, a lane per thread), async begin/end
/// (`b`/`e`, a lane per id), instants (`i`/`I`) and thread names (`M`).
pub fn parse(json: &str) -> Result<Trace> {
    let value: Value = serde_json::from_str(json).context("not JSON")?;
    let (events, facts) = match &value {
        Value::Array(events) => (events.clone(), BTreeMap::new()),
        Value::Object(object) => {
            let events = object
                .get("traceEvents")
                .and_then(Value::as_array)
                .context("an object without a traceEvents array")?
                .clone();
            let facts = object
                .get("otherData")
                .and_then(Value::as_object)
                .map(|o| {
                    o.iter()
                        .map(|(k, v)| {
                            (
                                k.clone(),
                                v.as_str().map_or_else(|| v.to_string(), str::to_owned),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            (events, facts)
        }
        _ => bail!("neither an array of events nor an object with traceEvents"),
    };
    let mut builder = Builder::default();
    for event in &events {
        builder.add(event)?;
    }
    Ok(builder.finish(facts))
}

#[derive(Default)]
struct Builder {
    order: Vec<String>,
    labels: BTreeMap<String, String>,
    spans: BTreeMap<String, Vec<Span>>,
    marks: BTreeMap<String, Vec<Mark>>,
    open: BTreeMap<String, Vec<(String, f64)>>,
    first: Option<f64>,
    last: f64,
}

impl Builder {
    fn lane_key(&mut self, event: &Value, by_id: bool) -> String {
        let key = if by_id {
            format!(
                "id {}",
                event.get("id").map(Value::to_string).unwrap_or_default()
            )
        } else {
            format!(
                "tid {}",
                event.get("tid").map(Value::to_string).unwrap_or_default()
            )
        };
        if !self.order.contains(&key) {
            self.order.push(key.clone());
        }
        key
    }

    fn add(&mut self, event: &Value) -> Result<()> {
        let phase = event.get("ph").and_then(Value::as_str).unwrap_or_default();
        let name = event
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        if phase == "M" {
            if name == "thread_name"
                && let Some(label) = event.pointer("/args/name").and_then(Value::as_str)
            {
                let key = format!(
                    "tid {}",
                    event.get("tid").map(Value::to_string).unwrap_or_default()
                );
                self.labels.insert(key, label.to_owned());
            }
            return Ok(());
        }
        let Some(ts) = event.get("ts").and_then(Value::as_f64) else {
            bail!("an event without a timestamp: {event}");
        };
        let ts = ts - *self.first.get_or_insert(ts);
        self.last = self.last.max(ts);
        match phase {
            "X" => {
                let dur = event.get("dur").and_then(Value::as_f64).unwrap_or(0.0);
                let key = self.lane_key(event, false);
                self.last = self.last.max(ts + dur);
                let depth = self.open.get(&key).map_or(0, Vec::len);
                self.spans.entry(key).or_default().push(Span {
                    name,
                    start: ts,
                    end: ts + dur,
                    depth,
                    open: false,
                });
            }
            "B" | "b" => {
                let key = self.lane_key(event, phase == "b");
                if phase == "b" && !self.labels.contains_key(&key) {
                    self.labels.insert(key.clone(), name.clone());
                }
                self.open.entry(key).or_default().push((name, ts));
            }
            "E" | "e" => {
                let key = self.lane_key(event, phase == "e");
                let stack = self.open.entry(key.clone()).or_default();
                let Some(at) = stack
                    .iter()
                    .rposition(|(n, _)| *n == name || name.is_empty())
                else {
                    bail!("an end without a begin: {event}");
                };
                let (name, start) = stack.remove(at);
                let depth = at;
                self.spans.entry(key).or_default().push(Span {
                    name,
                    start,
                    end: ts,
                    depth,
                    open: false,
                });
            }
            "i" | "I" | "n" => {
                let key = self.lane_key(event, false);
                self.marks
                    .entry(key)
                    .or_default()
                    .push(Mark { name, at: ts });
            }
            other => bail!("an event of phase {other:?}, which timelines do not draw: {event}"),
        }
        Ok(())
    }

    fn finish(mut self, facts: BTreeMap<String, String>) -> Trace {
        let end = self.last;
        for (key, stack) in std::mem::take(&mut self.open) {
            for (depth, (name, start)) in stack.into_iter().enumerate() {
                self.spans.entry(key.clone()).or_default().push(Span {
                    name,
                    start,
                    end,
                    depth,
                    open: true,
                });
            }
        }
        let lanes = self
            .order
            .iter()
            .map(|key| {
                let mut spans = self.spans.remove(key).unwrap_or_default();
                spans.sort_by(|a, b| a.start.total_cmp(&b.start).then(a.depth.cmp(&b.depth)));
                Lane {
                    label: self.labels.get(key).cloned().unwrap_or_else(|| key.clone()),
                    spans,
                    marks: self.marks.remove(key).unwrap_or_default(),
                }
            })
            .collect();
        Trace { lanes, end, facts }
    }
}

/// A timeline's description, `timelines/ID.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// The example whose run it records.
    pub program: String,
    pub runtime: Runtime,
    pub title: String,
    /// The text alternative: what the figure shows, in words.
    pub alt: String,
    /// `by-thread` (the default): a lane per thread. `by-span`: a lane per
    /// outermost span name, for tasks that share a thread (async).
    #[serde(default)]
    pub lanes: Lanes,
    #[serde(default)]
    pub claims: Vec<Claim>,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Lanes {
    #[default]
    ByThread,
    BySpan,
}

impl Trace {
    /// The same trace with a lane per outermost span name (in order of first
    /// appearance), each holding that span and what nests in it; instants
    /// stay with their thread's lane, kept only if it has no spans.
    pub fn by_span(&self) -> Trace {
        let mut lanes: Vec<Lane> = Vec::new();
        for lane in &self.lanes {
            let mut current: Option<usize> = None;
            for span in &lane.spans {
                if span.depth == 0 {
                    let at = lanes
                        .iter()
                        .position(|l| l.label == span.name)
                        .unwrap_or_else(|| {
                            lanes.push(Lane {
                                label: span.name.clone(),
                                spans: Vec::new(),
                                marks: Vec::new(),
                            });
                            lanes.len() - 1
                        });
                    current = Some(at);
                }
                if let Some(at) = current {
                    lanes[at].spans.push(span.clone());
                }
            }
            if lane.spans.is_empty() && !lane.marks.is_empty() {
                lanes.push(lane.clone());
            }
        }
        Trace {
            lanes,
            end: self.end,
            facts: self.facts.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Runtime {
    Rust,
    /// The test suite's python3.
    Python,
    /// The benchmark's regular (GIL) build of the pinned CPython: the same
    /// version as `python-free-threaded`, so that two figures differ by the
    /// build only (bench/python/install-cpython.sh).
    PythonRegular,
    PythonFreeThreaded,
}

/// Something the page says about the figure, checked against the trace.
/// `says` is the sentence, for the error message.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub says: String,
    #[serde(flatten)]
    pub test: Test,
}

/// A lane pattern is a label, or a prefix followed by `*` ("worker *").
#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Test {
    /// Of the time when some lane is inside a span named `span`, the
    /// fraction during which two or more lanes are: at most / at least.
    Overlap {
        span: String,
        at_most: Option<f64>,
        at_least: Option<f64>,
    },
    /// Each lane matching `lanes` is still inside a span named `span` when
    /// the run ends (it never got out: a deadlock).
    OpenAtEnd { lanes: String, span: String },
    /// Every span `first` (lanes, name) ends before any span `then` ends.
    EndsBefore {
        first: (String, String),
        then: (String, String),
    },
    /// At least `count` lanes matching `lanes` ran a span named `span`.
    LanesRan {
        lanes: String,
        span: String,
        count: usize,
    },
    /// Some span `a` (lanes, name) and some span `b` run at the same time,
    /// for at least `at_least_us` microseconds in all.
    Together {
        a: (String, String),
        b: (String, String),
        at_least_us: f64,
    },
    /// Each lane matching `lanes` spends at least / at most this fraction
    /// of the run inside spans named `span`.
    Busy {
        lanes: String,
        span: String,
        at_least: Option<f64>,
        at_most: Option<f64>,
    },
    /// Time cut in bins of `bin_us`: of the bins in which a lane matching
    /// `lanes` marked an instant named `mark`, the fraction in which two or
    /// more such lanes did (threads making progress at the same time).
    BothActive {
        lanes: String,
        mark: String,
        bin_us: f64,
        at_least: Option<f64>,
        at_most: Option<f64>,
    },
}

/// See [`Test::BothActive`].
pub fn both_active_fraction(trace: &Trace, lanes: &str, mark: &str, bin_us: f64) -> (f64, usize) {
    let mut bins: BTreeMap<i64, usize> = BTreeMap::new();
    for lane in trace.lanes.iter().filter(|l| lane_matches(lanes, &l.label)) {
        let mine: std::collections::BTreeSet<i64> = lane
            .marks
            .iter()
            .filter(|m| m.name == mark)
            .map(|m| (m.at / bin_us).floor() as i64)
            .collect();
        for bin in mine {
            *bins.entry(bin).or_default() += 1;
        }
    }
    let shared = bins.values().filter(|n| **n >= 2).count();
    if bins.is_empty() {
        (0.0, 0)
    } else {
        (shared as f64 / bins.len() as f64, bins.len())
    }
}

fn lane_matches(pattern: &str, label: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => label.starts_with(prefix),
        None => pattern == label,
    }
}

fn spans_of<'t>(trace: &'t Trace, lanes: &str, name: &str) -> Vec<(&'t str, &'t Span)> {
    trace
        .lanes
        .iter()
        .filter(|lane| lane_matches(lanes, &lane.label))
        .flat_map(|lane| {
            lane.spans
                .iter()
                .filter(|s| s.name == name)
                .map(move |s| (lane.label.as_str(), s))
        })
        .collect()
}

/// The fraction of the time covered by `name` spans during which two or
/// more lanes are inside one.
pub fn overlap_fraction(trace: &Trace, name: &str) -> f64 {
    let mut edges: Vec<(f64, i32)> = Vec::new();
    for lane in &trace.lanes {
        // One lane counts once, however its spans nest.
        for (start, end) in merged(lane.spans.iter().filter(|s| s.name == name)) {
            edges.push((start, 1));
            edges.push((end, -1));
        }
    }
    edges.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let (mut covered, mut together, mut depth, mut last) = (0.0, 0.0, 0, 0.0);
    for (at, step) in edges {
        let width = at - last;
        if depth >= 1 {
            covered += width;
        }
        if depth >= 2 {
            together += width;
        }
        depth += step;
        last = at;
    }
    if covered == 0.0 {
        0.0
    } else {
        together / covered
    }
}

fn merged<'s>(spans: impl Iterator<Item = &'s Span>) -> Vec<(f64, f64)> {
    let mut ranges: Vec<(f64, f64)> = spans.map(|s| (s.start, s.end)).collect();
    ranges.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(f64, f64)> = Vec::new();
    for (start, end) in ranges {
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

impl Claim {
    /// `Err` says why the trace contradicts the claim.
    pub fn check(&self, trace: &Trace) -> Result<(), String> {
        let fail = |why: String| Err(format!("\"{}\": {why}", self.says));
        match &self.test {
            Test::Overlap {
                span,
                at_most,
                at_least,
            } => {
                let fraction = overlap_fraction(trace, span);
                if spans_of(trace, "*", span).is_empty() {
                    return fail(format!("no span named {span:?}"));
                }
                if at_most.is_some_and(|m| fraction > m) || at_least.is_some_and(|m| fraction < m) {
                    return fail(format!(
                        "the {span:?} spans of two or more lanes overlap {:.1}% of the time",
                        fraction * 100.0
                    ));
                }
            }
            Test::OpenAtEnd { lanes, span } => {
                let matching: Vec<&Lane> = trace
                    .lanes
                    .iter()
                    .filter(|lane| lane_matches(lanes, &lane.label))
                    .collect();
                if matching.is_empty() {
                    return fail(format!("no lane matches {lanes:?}"));
                }
                for lane in matching {
                    if !lane.spans.iter().any(|s| s.name == *span && s.open) {
                        return fail(format!(
                            "lane {:?} is not inside {span:?} at the end",
                            lane.label
                        ));
                    }
                }
            }
            Test::EndsBefore { first, then } => {
                let firsts = spans_of(trace, &first.0, &first.1);
                let thens = spans_of(trace, &then.0, &then.1);
                if firsts.is_empty() || thens.is_empty() {
                    return fail(format!("no span {first:?} or no span {then:?}"));
                }
                let latest = firsts.iter().map(|(_, s)| s.end).fold(f64::MIN, f64::max);
                let earliest = thens.iter().map(|(_, s)| s.end).fold(f64::MAX, f64::min);
                if latest > earliest {
                    return fail(format!(
                        "a {first:?} span ends at {latest:.0} µs, after a {then:?} span ended at {earliest:.0} µs"
                    ));
                }
            }
            Test::LanesRan { lanes, span, count } => {
                let ran = trace
                    .lanes
                    .iter()
                    .filter(|lane| lane_matches(lanes, &lane.label))
                    .filter(|lane| lane.spans.iter().any(|s| s.name == *span))
                    .count();
                if ran < *count {
                    return fail(format!("{ran} lanes ran {span:?}, fewer than {count}"));
                }
            }
            Test::Busy {
                lanes,
                span,
                at_least,
                at_most,
            } => {
                let matching: Vec<&Lane> = trace
                    .lanes
                    .iter()
                    .filter(|l| lane_matches(lanes, &l.label))
                    .collect();
                if matching.is_empty() {
                    return fail(format!("no lane matches {lanes:?}"));
                }
                for lane in matching {
                    let inside: f64 = merged(lane.spans.iter().filter(|s| s.name == *span))
                        .iter()
                        .map(|(start, end)| end - start)
                        .sum();
                    let fraction = inside / trace.end.max(1.0);
                    if at_least.is_some_and(|m| fraction < m)
                        || at_most.is_some_and(|m| fraction > m)
                    {
                        return fail(format!(
                            "lane {:?} is inside {span:?} {:.1}% of the run",
                            lane.label,
                            fraction * 100.0
                        ));
                    }
                }
            }
            Test::BothActive {
                lanes,
                mark,
                bin_us,
                at_least,
                at_most,
            } => {
                let (fraction, bins) = both_active_fraction(trace, lanes, mark, *bin_us);
                if bins == 0 {
                    return fail(format!("no instant {mark:?} on lanes {lanes:?}"));
                }
                if at_least.is_some_and(|m| fraction < m) || at_most.is_some_and(|m| fraction > m) {
                    return fail(format!(
                        "two or more lanes marked {mark:?} in {:.1}% of the {bins} bins of {bin_us} µs",
                        fraction * 100.0
                    ));
                }
            }
            Test::Together { a, b, at_least_us } => {
                let left = merged(spans_of(trace, &a.0, &a.1).into_iter().map(|(_, s)| s));
                let right = merged(spans_of(trace, &b.0, &b.1).into_iter().map(|(_, s)| s));
                let mut together = 0.0;
                for (s1, e1) in &left {
                    for (s2, e2) in &right {
                        together += (e1.min(*e2) - s1.max(*s2)).max(0.0);
                    }
                }
                if together < *at_least_us {
                    return fail(format!(
                        "{a:?} and {b:?} run at the same time for {together:.0} µs, less than {at_least_us:.0}"
                    ));
                }
            }
        }
        Ok(())
    }
}

// --- drawing ----------------------------------------------------------------

/// Okabe and Ito's palette: told apart with every common colour-vision
/// deficiency, and dark enough on white, light enough on the dark themes.
const PALETTE: [&str; 7] = [
    "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442",
];
const WIDTH: f64 = 360.0;
const LABEL: f64 = 74.0;
const RIGHT: f64 = 12.0;
const LANE: f64 = 26.0;
const TOP: f64 = 8.0;
const FONT: f64 = 11.0;

/// The figure as SVG: a lane per thread or task, time across, a colour per
/// span name (with a legend), open spans hatched to the end, instants as
/// ticks. Text is drawn in `currentColor`, so it follows the book's theme.
/// Deterministic: the same trace draws the same bytes.
pub fn draw(id: &str, spec: &Spec, trace: &Trace) -> String {
    // With a lane per task, the task's own span is the lane itself: drawn
    // in a neutral shade, so the colours go to what happens inside it.
    let tasks = spec.lanes == Lanes::BySpan;
    let task_names: Vec<&str> = if tasks {
        trace.lanes.iter().map(|l| l.label.as_str()).collect()
    } else {
        Vec::new()
    };
    let mut names = span_names(&trace.lanes);
    names.retain(|n| !task_names.contains(&n.as_str()));
    if tasks {
        names.insert(0, TASK_POLLED.to_owned());
    }
    let colour = |name: &str| {
        if task_names.contains(&name) || name == TASK_POLLED {
            return NEUTRAL;
        }
        PALETTE[names
            .iter()
            .filter(|n| *n != TASK_POLLED)
            .position(|n| n == name)
            .unwrap_or(0)
            % PALETTE.len()]
    };
    let lanes_height = trace.lanes.len() as f64 * LANE;
    let axis_y = TOP + lanes_height + 4.0;
    let legend_rows = names.len().div_ceil(2) as f64;
    let height = axis_y + 30.0 + legend_rows * 16.0 + 6.0;
    let scale = |t: f64| LABEL + (WIDTH - LABEL - RIGHT) * t / trace.end.max(1.0);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 {WIDTH} {height:.0}\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"sans-serif\" font-size=\"{FONT}\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape(&spec.title),
        escape(&spec.alt)
    );
    let _ = writeln!(
        svg,
        "<defs><pattern id=\"{id}-open\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"6\" fill=\"currentColor\" opacity=\"0.55\"/></pattern></defs>"
    );
    for (index, lane) in trace.lanes.iter().enumerate() {
        let y = TOP + index as f64 * LANE;
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"currentColor\">{}</text>",
            LABEL - 6.0,
            y + LANE / 2.0 + FONT / 3.0,
            escape(&lane.label)
        );
        let _ = writeln!(
            svg,
            "<line x1=\"{LABEL}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"currentColor\" stroke-opacity=\"0.25\"/>",
            WIDTH - RIGHT,
            y + LANE / 2.0,
            y + LANE / 2.0
        );
        for span in &lane.spans {
            let inset = 3.0 + 4.0 * span.depth.min(2) as f64;
            let (x, w) = (
                scale(span.start),
                (scale(span.end) - scale(span.start)).max(0.8),
            );
            let _ = writeln!(
                svg,
                "<rect x=\"{x:.2}\" y=\"{:.1}\" width=\"{w:.2}\" height=\"{:.1}\" fill=\"{}\"><title>{}: {} from {:.1} ms to {:.1} ms{}</title></rect>",
                y + inset,
                LANE - 2.0 * inset,
                colour(&span.name),
                escape(&lane.label),
                escape(&span.name),
                span.start / 1000.0,
                span.end / 1000.0,
                if span.open {
                    " (still going when the run ended)"
                } else {
                    ""
                }
            );
            if span.open {
                let _ = writeln!(
                    svg,
                    "<rect x=\"{x:.2}\" y=\"{:.1}\" width=\"{w:.2}\" height=\"{:.1}\" fill=\"url(#{id}-open)\"/>",
                    y + inset,
                    LANE - 2.0 * inset
                );
            }
        }
        if lane.marks.len() > DENSE {
            // Thousands of instants: drawn as bands where they are closer
            // than a pixel, in their name's colour.
            for (name, runs) in bands(&lane.marks, &scale) {
                for (x0, x1) in runs {
                    let _ = writeln!(
                        svg,
                        "<rect x=\"{x0:.2}\" y=\"{:.1}\" width=\"{:.2}\" height=\"{:.1}\" fill=\"{}\"/>",
                        y + 5.0,
                        (x1 - x0).max(0.8),
                        LANE - 10.0,
                        colour(&name)
                    );
                }
            }
            continue;
        }
        for mark in &lane.marks {
            let x = scale(mark.at);
            let _ = writeln!(
                svg,
                "<path d=\"M{x:.2} {:.1}v{:.1}\" stroke=\"currentColor\" stroke-width=\"2\"><title>{}: {} at {:.1} ms</title></path>",
                y + 1.0,
                LANE - 2.0,
                escape(&lane.label),
                escape(&mark.name),
                mark.at / 1000.0
            );
        }
    }
    // The time axis: 0, the middle and the end, in ms.
    let _ = writeln!(
        svg,
        "<line x1=\"{LABEL}\" x2=\"{:.1}\" y1=\"{axis_y:.1}\" y2=\"{axis_y:.1}\" stroke=\"currentColor\"/>",
        WIDTH - RIGHT
    );
    for fraction in [0.0, 0.5, 1.0] {
        let t = trace.end * fraction;
        let anchor = if fraction == 0.0 {
            "start"
        } else if fraction == 1.0 {
            "end"
        } else {
            "middle"
        };
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" fill=\"currentColor\">{}</text>",
            scale(t),
            axis_y + 14.0,
            milliseconds(t)
        );
    }
    let _ = writeln!(
        svg,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"currentColor\">time</text>",
        LABEL - 6.0,
        axis_y + 14.0
    );
    for (index, name) in names.iter().enumerate() {
        let (column, row) = ((index % 2) as f64, (index / 2) as f64);
        let x = 8.0 + column * (WIDTH / 2.0);
        let y = axis_y + 26.0 + row * 16.0;
        let _ = writeln!(
            svg,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"12\" height=\"10\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{y:.1}\" fill=\"currentColor\">{}</text>",
            y - 9.0,
            colour(name),
            x + 17.0,
            escape(name)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// The legend's name for a task's own span, and its shade (grey, readable
/// on the light and the dark themes).
const TASK_POLLED: &str = "the task, polled";
const NEUTRAL: &str = "#9A9A9A";

/// Above this many instants, a lane's instants are drawn as bands.
const DENSE: usize = 150;

/// Dense instants by name, as runs of x positions less than a pixel apart.
fn bands(marks: &[Mark], scale: &impl Fn(f64) -> f64) -> Vec<(String, Vec<(f64, f64)>)> {
    let mut by_name: Vec<(String, Vec<f64>)> = Vec::new();
    for mark in marks {
        match by_name.iter_mut().find(|(n, _)| *n == mark.name) {
            Some((_, xs)) => xs.push(scale(mark.at)),
            None => by_name.push((mark.name.clone(), vec![scale(mark.at)])),
        }
    }
    by_name
        .into_iter()
        .map(|(name, mut xs)| {
            xs.sort_by(f64::total_cmp);
            let mut runs: Vec<(f64, f64)> = Vec::new();
            for x in xs {
                match runs.last_mut() {
                    Some(run) if x - run.1 <= 1.0 => run.1 = x,
                    _ => runs.push((x, x)),
                }
            }
            (name, runs)
        })
        .collect()
}

/// The names in the legend: spans, and instants drawn as bands.
fn span_names(lanes: &[Lane]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for lane in lanes {
        for span in &lane.spans {
            if !names.contains(&span.name) {
                names.push(span.name.clone());
            }
        }
        if lane.marks.len() > DENSE {
            for mark in &lane.marks {
                if !names.contains(&mark.name) {
                    names.push(mark.name.clone());
                }
            }
        }
    }
    names
}

fn milliseconds(us: f64) -> String {
    if us >= 10_000.0 {
        format!("{:.0} ms", us / 1000.0)
    } else {
        format!("{:.1} ms", us / 1000.0)
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

// --- the files --------------------------------------------------------------

/// The timelines of the course, by id, from `timelines/*.toml`.
pub fn ids(root: &Path) -> Result<Vec<String>> {
    let dir = root.join(TIMELINE_DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut ids: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    ids.sort();
    Ok(ids)
}

pub fn file(root: &Path, id: &str, extension: &str) -> PathBuf {
    root.join(TIMELINE_DIR).join(format!("{id}.{extension}"))
}

/// A timeline's spec and trace, read.
pub fn load(root: &Path, id: &str) -> Result<(Spec, Trace)> {
    let spec_path = file(root, id, "toml");
    let spec: Spec = toml::from_str(&std::fs::read_to_string(&spec_path)?)
        .with_context(|| format!("{}", spec_path.display()))?;
    let trace_path = file(root, id, "json");
    let json = std::fs::read_to_string(&trace_path).with_context(|| {
        format!(
            "{}: no trace; record it with `cargo xtask timeline record {id}`",
            trace_path.display()
        )
    })?;
    let trace = parse(&json).with_context(|| format!("{}", trace_path.display()))?;
    let trace = match spec.lanes {
        Lanes::ByThread => trace,
        Lanes::BySpan => trace.by_span(),
    };
    Ok((spec, trace))
}

/// Every problem of one timeline: a claim its trace contradicts, a figure
/// that differs from what the trace draws, no lanes.
pub fn problems(root: &Path, id: &str) -> Vec<String> {
    let (spec, trace) = match load(root, id) {
        Ok(loaded) => loaded,
        Err(e) => return vec![format!("{e:#}")],
    };
    let mut problems = Vec::new();
    let json = file(root, id, "json");
    if trace.lanes.is_empty() {
        problems.push(format!("{}: a trace without events", json.display()));
    }
    if spec.alt.trim().len() < 40 {
        problems.push(format!(
            "{}: the text alternative (alt) must say what the figure shows",
            file(root, id, "toml").display()
        ));
    }
    for claim in &spec.claims {
        if let Err(why) = claim.check(&trace) {
            problems.push(format!("{}: the trace contradicts {why}", json.display()));
        }
    }
    let svg = file(root, id, "svg");
    let drawn = draw(id, &spec, &trace);
    if std::fs::read_to_string(&svg).ok().as_deref() != Some(drawn.as_str()) {
        problems.push(format!(
            "{}: differs from what {} draws; run `cargo xtask timeline draw`",
            svg.display(),
            json.display()
        ));
    }
    problems
}

/// Draws every figure again from its trace.
pub fn draw_all(root: &Path) -> Result<usize> {
    let ids = ids(root)?;
    for id in &ids {
        let (spec, trace) = load(root, id)?;
        std::fs::write(file(root, id, "svg"), draw(id, &spec, &trace))?;
    }
    Ok(ids.len())
}

/// The HTML of `{{#timeline ID}}`: the figure inline (so that its text
/// takes the theme's colour), a caption with the run's facts and where the
/// trace is, and the text alternative, visible on demand.
pub fn figure(root: &Path, id: &str) -> Result<String, String> {
    let (spec, trace) = load(root, id).map_err(|e| format!("{{{{#timeline {id}}}}}: {e:#}"))?;
    let svg = std::fs::read_to_string(file(root, id, "svg"))
        .map_err(|e| format!("{{{{#timeline {id}}}}}: {e}"))?;
    let fact = |key: &str| trace.facts.get(key).cloned().unwrap_or_else(|| "?".into());
    let class = crate::directives::class::TIMELINE;
    Ok(format!(
        "<figure class=\"{class}\">\n{}\n<figcaption><strong>{}</strong> A real run of <code>{}</code> \
         ({}, {} cores), recorded with <code>{}</code>. The trace, <code>timelines/{id}.json</code>, \
         opens in Perfetto (ui.perfetto.dev) too.</figcaption>\n\
         <details><summary>The figure in words</summary><p>{}</p><ul>{}</ul></details>\n</figure>\n",
        svg.trim_end(),
        escape(&spec.title),
        escape(&fact("program")),
        escape(&fact("build")),
        escape(&fact("cores")),
        escape(&fact("command")),
        escape(&spec.alt),
        in_words(&trace)
            .iter()
            .map(|line| format!("<li>{}</li>", escape(line)))
            .collect::<String>(),
    ))
}

/// Each lane in words, from the trace: what it ran, how often, for how long.
pub fn in_words(trace: &Trace) -> Vec<String> {
    trace
        .lanes
        .iter()
        .map(|lane| {
            let mut parts = Vec::new();
            for name in span_names(std::slice::from_ref(lane)) {
                let spans: Vec<&Span> = lane.spans.iter().filter(|s| s.name == name).collect();
                let total: f64 = spans.iter().map(|s| s.end - s.start).sum();
                let first = spans.iter().map(|s| s.start).fold(f64::MAX, f64::min);
                let last = spans.iter().map(|s| s.end).fold(0.0, f64::max);
                let open = if spans.iter().any(|s| s.open) {
                    ", still in it when the run ended"
                } else {
                    ""
                };
                parts.push(if spans.len() == 1 {
                    format!(
                        "{name} from {} to {}{open}",
                        milliseconds(first),
                        milliseconds(last)
                    )
                } else {
                    format!(
                        "{name} {} times, {} in all, between {} and {}{open}",
                        spans.len(),
                        milliseconds(total),
                        milliseconds(first),
                        milliseconds(last)
                    )
                });
            }
            let mut mark_names: Vec<&str> = Vec::new();
            for mark in &lane.marks {
                if !mark_names.contains(&mark.name.as_str()) {
                    mark_names.push(&mark.name);
                }
            }
            for name in mark_names {
                let at: Vec<f64> = lane
                    .marks
                    .iter()
                    .filter(|m| m.name == name)
                    .map(|m| m.at)
                    .collect();
                parts.push(if at.len() == 1 {
                    format!("{name} at {}", milliseconds(at[0]))
                } else {
                    format!(
                        "{name} {} times, between {} and {}",
                        at.len(),
                        milliseconds(at[0]),
                        milliseconds(at[at.len() - 1])
                    )
                });
            }
            format!("{}: {}", lane.label, parts.join("; "))
        })
        .collect()
}

// --- recording --------------------------------------------------------------

/// `cargo xtask timeline record [ID…]`: runs each timeline's program with
/// `COURSE_TRACE` set (all of them when no id is given), keeps the trace with
/// the run's facts, draws the figure and checks the claims.
pub fn record(root: &Path, ids: &[String]) -> Result<()> {
    let all = self::ids(root)?;
    let chosen: Vec<String> = if ids.is_empty() {
        all.clone()
    } else {
        ids.to_vec()
    };
    for id in &chosen {
        if !all.contains(id) {
            bail!(
                "no timeline {id}: there is no timelines/{id}.toml (there are: {})",
                all.join(", ")
            );
        }
    }
    crate::run::run_step(
        "cargo build --examples",
        std::process::Command::new("cargo")
            .args(["build", "--examples", "--locked", "--quiet"])
            .current_dir(root),
        course_kit::limits::secs(course_kit::limits::get().xtask.build),
    )?;
    let examples = crate::examples::discover(root)?;
    for id in &chosen {
        record_one(root, id, &examples)?;
        let problems = problems(root, id);
        if !problems.is_empty() {
            bail!("{id}: recorded, but:\n{}", problems.join("\n"));
        }
        println!(
            "{id}: recorded {} and drew {}",
            file(root, id, "json").display(),
            file(root, id, "svg").display()
        );
    }
    Ok(())
}

fn record_one(root: &Path, id: &str, examples: &[crate::examples::Example]) -> Result<()> {
    use crate::suite::{self, Language};
    let spec_path = file(root, id, "toml");
    let spec: Spec = toml::from_str(&std::fs::read_to_string(&spec_path)?)
        .with_context(|| format!("{}", spec_path.display()))?;
    let example = examples
        .iter()
        .find(|e| e.name == spec.program)
        .with_context(|| {
            format!(
                "{}: program {:?} is no example",
                spec_path.display(),
                spec.program
            )
        })?;
    let language = if spec.runtime == Runtime::Rust {
        Language::Rust
    } else {
        Language::Python
    };
    let (build, python) = match spec.runtime {
        Runtime::Rust => (
            format!("{}, debug build", tool_version("rustc", &["--version"])),
            suite::python(),
        ),
        Runtime::Python => (python_build(&suite::python()), suite::python()),
        Runtime::PythonRegular | Runtime::PythonFreeThreaded => {
            let build = if spec.runtime == Runtime::PythonRegular {
                crate::tools::Build::Regular
            } else {
                crate::tools::Build::FreeThreaded
            };
            let python =
                crate::tools::ensure_cpython(root, build, crate::tools::Priority::Foreground)?;
            let python = python.display().to_string();
            (python_build(&python), python)
        }
    };
    let mut command = suite::command_with(root, example, language, &python);
    let scratch = root.join("target").join("timelines");
    std::fs::create_dir_all(&scratch)?;
    let raw = scratch.join(format!("{id}.json"));
    let _ = std::fs::remove_file(&raw);
    command.env("COURSE_TRACE", &raw);
    let timeout = example
        .expected
        .timeout_secs
        .unwrap_or_else(crate::expect::default_timeout_secs);
    let what = format!("{} ({:?}) for timeline {id}", example.name, spec.runtime);
    match crate::run::run_captured(&what, &mut command, Duration::from_secs(timeout))? {
        crate::run::Outcome::Finished(_) => {}
        crate::run::Outcome::TimedOut { .. } => bail!("{what} timed out after {timeout} s"),
    }
    let events: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(&raw)
            .with_context(|| format!("{what} wrote no trace to {}", raw.display()))?,
    )
    .with_context(|| format!("{}: not a JSON array of events", raw.display()))?;
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let facts = [
        (
            "program",
            format!(
                "examples/{}.{}",
                example.name,
                if language == Language::Rust {
                    "rs"
                } else {
                    "py"
                }
            ),
        ),
        ("build", build),
        ("cores", cores.to_string()),
        ("command", format!("cargo xtask timeline record {id}")),
    ];
    std::fs::write(file(root, id, "json"), normalized(&events, &facts))?;
    let (spec, trace) = load(root, id)?;
    std::fs::write(file(root, id, "svg"), draw(id, &spec, &trace))?;
    Ok(())
}

fn tool_version(program: &str, args: &[&str]) -> String {
    course_kit::run::query(std::process::Command::new(program).args(args))
        .map(|out| out.trim().to_owned())
        .unwrap_or_else(|_| program.to_owned())
}

fn python_build(python: &str) -> String {
    tool_version(
        python,
        &[
            "-c",
            "import sys, platform; gil = getattr(sys, '_is_gil_enabled', lambda: True)(); \
             print(f\"CPython {platform.python_version()}, GIL {'on' if gil else 'off'}\")",
        ],
    )
}

/// The trace as committed: times from the first event, to 0.1 µs; no source
/// locations (they name this machine's paths); one event a line, so that a
/// new recording reads as a diff.
fn normalized(events: &[Value], facts: &[(&str, String)]) -> String {
    let first = events
        .iter()
        .filter_map(|e| e.get("ts").and_then(Value::as_f64))
        .fold(f64::MAX, f64::min);
    let lines: Vec<String> = events
        .iter()
        .map(|event| {
            let mut event = event.clone();
            if let Some(object) = event.as_object_mut() {
                object.remove(".file");
                object.remove(".line");
                for key in ["ts", "dur"] {
                    if let Some(value) = object.get(key).and_then(Value::as_f64) {
                        let shifted = if key == "ts" { value - first } else { value };
                        let rounded = (shifted * 10.0).round() / 10.0;
                        object.insert(key.into(), serde_json::json!(rounded));
                    }
                }
            }
            event.to_string()
        })
        .collect();
    let facts: serde_json::Map<String, Value> = facts
        .iter()
        .map(|(k, v)| ((*k).to_owned(), Value::String(v.clone())))
        .collect();
    format!(
        "{{\"otherData\": {},\n\"traceEvents\": [\n{}\n]}}\n",
        Value::Object(facts),
        lines.join(",\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const THREADS: &str = r#"{"traceEvents":[
        {"ph":"M","pid":1,"tid":1,"name":"thread_name","args":{"name":"main"}},
        {"ph":"M","pid":1,"tid":2,"name":"thread_name","args":{"name":"worker 0"}},
        {"ph":"M","pid":1,"tid":3,"name":"thread_name","args":{"name":"worker 1"}},
        {"ph":"B","pid":1,"tid":1,"ts":100,"name":"join"},
        {"ph":"B","pid":1,"tid":2,"ts":110,"name":"work"},
        {"ph":"B","pid":1,"tid":3,"ts":150,"name":"work"},
        {"ph":"E","pid":1,"tid":2,"ts":300,"name":"work"},
        {"ph":"E","pid":1,"tid":3,"ts":350,"name":"work"},
        {"ph":"i","pid":1,"tid":1,"ts":360,"name":"all joined","s":"t"},
        {"ph":"E","pid":1,"tid":1,"ts":360,"name":"join"},
        {"ph":"B","pid":1,"tid":2,"ts":400,"name":"wait for lock"}
    ],"otherData":{"cores":2,"build":"debug"}}"#;

    fn claim(toml: &str) -> Claim {
        toml::from_str(toml).unwrap()
    }

    #[test]
    fn a_trace_becomes_lanes_with_their_spans_and_open_waits() {
        let trace = parse(THREADS).unwrap();
        let labels: Vec<&str> = trace.lanes.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["main", "worker 0", "worker 1"]);
        assert_eq!(trace.lanes[1].spans[0].start, 10.0);
        assert_eq!(trace.lanes[1].spans[0].end, 200.0);
        assert!(trace.lanes[1].spans[1].open);
        assert_eq!(trace.lanes[0].marks[0].name, "all joined");
        assert_eq!(trace.facts["cores"], "2");
    }

    #[test]
    fn claims_hold_or_say_why_not() {
        let trace = parse(THREADS).unwrap();
        // work: 10..200 and 50..250 → covered 240, together 150.
        assert!((overlap_fraction(&trace, "work") - 150.0 / 240.0).abs() < 1e-9);
        assert!(
            claim("says = \"x\"\noverlap = { span = \"work\", at_least = 0.5 }")
                .check(&trace)
                .is_ok()
        );
        let why = claim("says = \"they take turns\"\noverlap = { span = \"work\", at_most = 0.1 }")
            .check(&trace)
            .unwrap_err();
        assert!(
            why.contains("they take turns") && why.contains("62.5%"),
            "{why}"
        );
        assert!(
            claim("says = \"x\"\nopen_at_end = { lanes = \"worker 0\", span = \"wait for lock\" }")
                .check(&trace)
                .is_ok()
        );
        assert!(
            claim("says = \"x\"\nopen_at_end = { lanes = \"worker *\", span = \"wait for lock\" }")
                .check(&trace)
                .is_err()
        );
        assert!(claim("says = \"x\"\nends_before = { first = [\"worker *\", \"work\"], then = [\"main\", \"join\"] }").check(&trace).is_ok());
        assert!(claim("says = \"x\"\nends_before = { first = [\"main\", \"join\"], then = [\"worker *\", \"work\"] }").check(&trace).is_err());
        assert!(
            claim("says = \"x\"\nlanes_ran = { lanes = \"worker *\", span = \"work\", count = 2 }")
                .check(&trace)
                .is_ok()
        );
        assert!(
            claim("says = \"x\"\nlanes_ran = { lanes = \"*\", span = \"work\", count = 3 }")
                .check(&trace)
                .is_err()
        );
        assert!(claim("says = \"x\"\ntogether = { a = [\"main\", \"join\"], b = [\"worker 1\", \"work\"], at_least_us = 200 }").check(&trace).is_ok());
        assert!(claim("says = \"x\"\ntogether = { a = [\"main\", \"join\"], b = [\"worker 1\", \"work\"], at_least_us = 201 }").check(&trace).is_err());
    }

    #[test]
    fn the_figure_is_the_same_every_time_and_says_what_it_shows() {
        let trace = parse(THREADS).unwrap();
        let spec: Spec = toml::from_str(
            "program = \"p\"\nruntime = \"rust\"\ntitle = \"Two <workers>\"\nalt = \"Two workers overlap; main waits.\"\n",
        )
        .unwrap();
        let svg = draw("t", &spec, &trace);
        assert_eq!(svg, draw("t", &spec, &trace));
        assert!(svg.contains("<title id=\"t-title\">Two &lt;workers&gt;</title>"));
        assert!(svg.contains("<desc id=\"t-desc\">Two workers overlap; main waits.</desc>"));
        assert!(svg.contains("url(#t-open)"), "the open wait is hatched");
        assert!(svg.contains(">worker 1</text>"));
    }

    #[test]
    fn busy_both_active_and_lanes_by_span() {
        let trace = parse(THREADS).unwrap();
        // main is inside join 260 of the run's 300 µs.
        assert!(
            claim("says = \"x\"\nbusy = { lanes = \"main\", span = \"join\", at_least = 0.8 }")
                .check(&trace)
                .is_ok()
        );
        assert!(
            claim("says = \"x\"\nbusy = { lanes = \"main\", span = \"join\", at_most = 0.5 }")
                .check(&trace)
                .is_err()
        );
        let ticks = r#"[
            {"ph":"i","tid":1,"ts":0,"name":"done"},{"ph":"i","tid":1,"ts":50,"name":"done"},
            {"ph":"i","tid":2,"ts":60,"name":"done"},{"ph":"i","tid":2,"ts":250,"name":"done"},
            {"ph":"i","tid":1,"ts":260,"name":"done"}]"#;
        let ticks = parse(ticks).unwrap();
        // Bins of 100 µs: 0 (tid 1, tid 2), 2 (tid 2, tid 1): both shared.
        assert_eq!(both_active_fraction(&ticks, "*", "done", 100.0), (1.0, 2));
        // Bins of 20 µs: 0, 2, 3, 12, 13: none shared.
        assert_eq!(both_active_fraction(&ticks, "*", "done", 20.0), (0.0, 5));
        let tasks = r#"[
            {"ph":"B","tid":0,"ts":0,"name":"task 1"},{"ph":"E","tid":0,"ts":10,"name":"task 1"},
            {"ph":"B","tid":0,"ts":10,"name":"task 2"},{"ph":"B","tid":0,"ts":12,"name":"sleep"},
            {"ph":"E","tid":0,"ts":15,"name":"sleep"},{"ph":"E","tid":0,"ts":20,"name":"task 2"},
            {"ph":"B","tid":0,"ts":20,"name":"task 1"},{"ph":"E","tid":0,"ts":30,"name":"task 1"}]"#;
        let by_span = parse(tasks).unwrap().by_span();
        let labels: Vec<&str> = by_span.lanes.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["task 1", "task 2"]);
        assert_eq!(by_span.lanes[0].spans.len(), 2);
        assert_eq!(
            by_span.lanes[1].spans.len(),
            2,
            "task 2 and the sleep inside it"
        );
    }

    #[test]
    fn a_broken_trace_is_named() {
        assert!(parse("{").is_err());
        assert!(parse("[{\"ph\":\"E\",\"tid\":1,\"ts\":1,\"name\":\"x\"}]").is_err());
        assert!(parse("[{\"ph\":\"C\",\"tid\":1,\"ts\":1,\"name\":\"x\"}]").is_err());
    }
}
