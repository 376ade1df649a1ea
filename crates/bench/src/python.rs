//! One Python interpreter of the benchmark: bench/python/bench.py running as
//! a server, driven one command at a time, so that its rounds take turns
//! with Rust's and the other interpreters' (see rounds.rs). Every answer is
//! awaited under a time limit that names the interpreter and the command.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use anyhow::{Context, Result, bail};

/// A label for the CSV's `language` column (`Python 3.13t`), the program,
/// its environment, and which groups it takes part in.
pub struct Interpreter {
    pub label: String,
    pub path: PathBuf,
    pub env: Vec<(&'static str, &'static str)>,
    pub joins: Joins,
}

/// Which groups an interpreter takes part in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Joins {
    /// Every group, with the process pools of `cpu`.
    Everything,
    /// Every group whose figures depend on threads: `cpu` (its threads
    /// only), `channel`, `spawn`, `counter`, `echo`, `oversubscribed`.
    Threads,
    /// Only `cpu`, threads only: one more point of comparison.
    CpuThreads,
}

impl Interpreter {
    /// The command that sets the group up for this interpreter, or `None`
    /// if it does not take part.
    pub fn setup(&self, name: &str, arg: Option<&str>) -> Option<String> {
        let threads_group = matches!(
            name,
            "channel" | "spawn" | "counter" | "echo" | "oversubscribed"
        );
        let arg = match (self.joins, name) {
            (Joins::Everything, _) => arg,
            (Joins::Threads | Joins::CpuThreads, "cpu") => Some("threads"),
            (Joins::Threads, _) if threads_group => arg,
            _ => return None,
        };
        Some(match arg {
            Some(arg) => format!("setup {name} {arg}"),
            None => format!("setup {name}"),
        })
    }
}

/// The running server.
pub struct Worker {
    pub label: String,
    child: Child,
    stdin: Option<ChildStdin>,
    answers: Receiver<String>,
    limit: Duration,
}

impl Worker {
    /// Starts `server` (bench/python/bench.py) under the interpreter.
    pub fn start(
        server: &Path,
        interpreter: &Interpreter,
        cores: usize,
        smoke: bool,
        limit: Duration,
    ) -> Result<Worker> {
        let mut command = Command::new(&interpreter.path);
        command
            .arg(server)
            .args(["--cores", &cores.to_string()])
            .envs(interpreter.env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped());
        if smoke {
            command.arg("--smoke");
        }
        let mut child = command
            .spawn()
            .with_context(|| format!("starting {}", interpreter.path.display()))?;
        let stdout = child.stdout.take().expect("piped");
        let (send, answers) = mpsc::channel();
        // A thread per worker reads its answers, so that waiting for one can
        // have a time limit.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Ok(Worker {
            label: interpreter.label.clone(),
            stdin: child.stdin.take(),
            child,
            answers,
            limit,
        })
    }

    /// Sends one command and returns its answer.
    pub fn ask(&mut self, command: &str) -> Result<Answer> {
        let stdin = self
            .stdin
            .as_mut()
            .context("the worker's input is closed")?;
        writeln!(stdin, "{command}")
            .and_then(|()| stdin.flush())
            .with_context(|| format!("{}: bench.py stopped reading", self.label))?;
        match self.answers.recv_timeout(self.limit) {
            Ok(line) => match serde_json::from_str(&line) {
                Ok(Answer::Error(error)) => {
                    bail!("{}: bench.py failed at `{command}`:\n{error}", self.label)
                }
                Ok(answer) => Ok(answer),
                Err(e) => bail!(
                    "{}: bench.py answered `{command}` with {line:?}, which is not an answer ({e})",
                    self.label
                ),
            },
            Err(RecvTimeoutError::Timeout) => {
                let _ = self.child.kill();
                bail!(
                    "{}: bench.py did not answer `{command}` within {} s (crates/course-kit/limits.toml, [xtask] bench_answer)",
                    self.label,
                    self.limit.as_secs()
                )
            }
            Err(RecvTimeoutError::Disconnected) => {
                let status = self.child.wait().ok();
                bail!("{}: bench.py ended at `{command}` ({status:?})", self.label)
            }
        }
    }
}

impl Drop for Worker {
    /// Closing its input ends the server; it is killed if it has not ended
    /// within the answer limit.
    fn drop(&mut self) {
        drop(self.stdin.take());
        let deadline = std::time::Instant::now() + self.limit;
        while std::time::Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        eprintln!("bench: {} did not end; killing it", self.label);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One answer of bench.py: a group's variants after `setup`, a sample of
/// each after `round`, `ended` after `end`, or what went wrong.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    Variants(Vec<Described>),
    Samples(Vec<f64>),
    Ended(bool),
    Error(String),
}

/// One variant as bench.py's `setup` describes it.
#[derive(Debug, serde::Deserialize)]
pub struct Described {
    pub name: String,
    pub threads: usize,
    pub size: u64,
    pub unit: String,
}
