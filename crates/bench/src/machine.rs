//! What bench/machine.csv says about the run: the machine (cores, CPU,
//! how its logical CPUs share physical cores), its load before, during and
//! after, and every program's version.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use course_kit::run::query;

/// The machine's rows, in order; `csv` writes them.
#[derive(Default)]
pub struct Machine {
    rows: Vec<(String, String)>,
}

impl Machine {
    pub fn add(&mut self, key: &str, value: impl Into<String>) {
        let value: String = value.into();
        self.rows.push((key.into(), value.replace(',', " ")));
    }

    pub fn csv(&self) -> String {
        let mut text = String::from("key,value\n");
        for (key, value) in &self.rows {
            writeln!(text, "{key},{value}").unwrap();
        }
        text
    }

    /// The hardware: cores, model, and the topology that decides whether two
    /// threads get two physical cores.
    pub fn hardware(&mut self, cores: usize) {
        self.add("cores (available_parallelism)", cores.to_string());
        self.add(
            "CPU model",
            cpuinfo("model name").unwrap_or("unknown".into()),
        );
        let virtual_machine = cpuinfo("flags")
            .is_some_and(|flags| flags.split_whitespace().any(|f| f == "hypervisor"));
        self.add(
            "virtual machine (cpuinfo flag hypervisor)",
            if virtual_machine { "yes" } else { "no" },
        );
        self.add(
            "logical CPUs sharing a core (thread_siblings_list)",
            siblings(),
        );
        self.add(
            "SMT (/sys/devices/system/cpu/smt/control)",
            read_trimmed("/sys/devices/system/cpu/smt/control").unwrap_or("unknown".into()),
        );
    }
}

/// `/proc/loadavg`'s three averages (1, 5 and 15 minutes).
pub fn load_now() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn load_one_minute() -> Option<f64> {
    load_now().split_whitespace().next()?.parse().ok()
}

/// Before measuring: while the 1-minute load is above the core count (other
/// programs want the cores), wait for it to fall, at most `patience`.
/// Returns what the machine file says about it.
pub fn wait_for_quiet(cores: usize, patience: Duration) -> String {
    wait_with(cores, patience, Duration::from_secs(5), load_one_minute)
}

/// `wait_for_quiet`, reading the load with `read` every `poll`.
fn wait_with(
    cores: usize,
    patience: Duration,
    poll: Duration,
    mut read: impl FnMut() -> Option<f64>,
) -> String {
    let start = Instant::now();
    let busy = |load: f64| load > cores as f64;
    let Some(first) = read() else {
        return "no (the load average cannot be read)".into();
    };
    if !busy(first) {
        return format!("no: the 1-minute load ({first}) was not above the core count ({cores})");
    }
    eprintln!(
        "bench: the 1-minute load is {first}, above the {cores} cores: waiting up to {} s for it to fall",
        patience.as_secs()
    );
    loop {
        std::thread::sleep(poll);
        let load = read().unwrap_or(first);
        let waited = start.elapsed().as_secs();
        if !busy(load) {
            return format!("yes: {waited} s; the 1-minute load fell from {first} to {load}");
        }
        if start.elapsed() >= patience {
            return format!(
                "yes: {waited} s (the longest it waits); the 1-minute load was still {load} (from {first}): the run went ahead on a busy machine"
            );
        }
    }
}

fn cpuinfo(field: &str) -> Option<String> {
    let info = std::fs::read_to_string("/proc/cpuinfo").ok()?;
    info.lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_once(':'))
        .map(|(_, value)| value.trim().to_string())
}

fn read_trimmed(path: &str) -> Option<String> {
    std::fs::read_to_string(path)
        .ok()
        .map(|s| s.trim().to_string())
}

/// For each logical CPU, the CPUs that share its physical core: `cpu0: 0;
/// cpu1: 1` means two cores of their own, `cpu0: 0-1; cpu1: 0-1` one core
/// with two hyperthreads.
fn siblings() -> String {
    let mut cpus = Vec::new();
    for cpu in 0.. {
        let path = format!("/sys/devices/system/cpu/cpu{cpu}/topology/thread_siblings_list");
        let Some(list) = read_trimmed(&path) else {
            break;
        };
        cpus.push(format!("cpu{cpu}: {list}"));
    }
    if cpus.is_empty() {
        "unknown".into()
    } else {
        cpus.join("; ")
    }
}

/// A tool's version line, under the runner's time limit for quick queries.
pub fn version(command: &mut Command) -> Result<String> {
    let text = query(command).with_context(|| format!("asking {command:?} for its version"))?;
    Ok(text.trim().to_string())
}

/// An interpreter's version, build and default start method, in its own
/// words: `CPython 3.13.15 (free-threaded); start method fork`.
pub fn python_version(python: &Path, env: &[(&str, &str)]) -> Result<String> {
    version(Command::new(python).envs(env.iter().copied()).args([
        "-c",
        "import multiprocessing as m, sys, sysconfig\n\
         build = 'free-threaded' if sysconfig.get_config_var('Py_GIL_DISABLED') else 'with the GIL'\n\
         gil = ('; the GIL is ' + ('on' if sys._is_gil_enabled() else 'off')) if hasattr(sys, '_is_gil_enabled') else ''\n\
         print(f'CPython {sys.version.split()[0]} ({build}{gil}); start method {m.get_start_method()}')",
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loads(values: Vec<f64>) -> impl FnMut() -> Option<f64> {
        let mut values = values.into_iter();
        move || values.next()
    }

    #[test]
    fn a_quiet_machine_is_not_waited_for() {
        let said = wait_with(2, Duration::from_secs(60), Duration::ZERO, loads(vec![1.5]));
        assert!(said.starts_with("no: the 1-minute load (1.5)"), "{said}");
    }

    #[test]
    fn a_busy_machine_is_waited_for_until_the_load_falls() {
        let said = wait_with(
            2,
            Duration::from_secs(60),
            Duration::ZERO,
            loads(vec![3.5, 2.5, 1.75]),
        );
        assert!(
            said.starts_with("yes: 0 s; the 1-minute load fell from 3.5 to 1.75"),
            "{said}"
        );
    }

    #[test]
    fn the_wait_is_bounded_and_says_so() {
        let said = wait_with(
            2,
            Duration::ZERO,
            Duration::ZERO,
            loads(vec![4.0, 3.0, 3.0]),
        );
        assert!(
            said.contains("still 3 (from 4): the run went ahead"),
            "{said}"
        );
    }
}
