//! xtask's two ways of running a child, both on the one runner of
//! `course_kit::run` (own process group, time limit, killed on Ctrl-C):
//! captured (an example's run, a compile check) and watched (a build step
//! whose output goes straight to the terminal).

use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use course_kit::run::{self as kit, Exit, Keep, Output};

/// Output beyond this many bytes per stream is cut (a runaway program
/// must not fill the memory or the terminal).
pub const OUTPUT_LIMIT: usize = Keep::MIB.head;

#[derive(Debug)]
pub struct Finished {
    pub stdout: String,
    pub stderr: String,
    /// `None` when a signal ended the process.
    pub exit_code: Option<i32>,
}

#[derive(Debug)]
pub enum Outcome {
    Finished(Finished),
    TimedOut { stdout: String, stderr: String },
}

/// Runs `command` with captured output; `what` names it in errors.
pub fn run_captured(what: &str, command: &mut Command, timeout: Duration) -> Result<Outcome> {
    let finished: kit::Finished = kit::run(command, timeout, Output::Separate(Keep::MIB))
        .with_context(|| format!("{what}: cannot start {command:?}"))?;
    let stdout = finished.out.text();
    let stderr = finished.err.text();
    Ok(match finished.exit {
        Exit::TimedOut => Outcome::TimedOut { stdout, stderr },
        exit => Outcome::Finished(Finished {
            stdout,
            stderr,
            exit_code: exit.code(),
        }),
    })
}

/// Runs `command` with the terminal's output (a step the user watches);
/// fails naming `what` on a non-zero exit or a timeout.
pub fn run_step(what: &str, command: &mut Command, timeout: Duration) -> Result<()> {
    let finished: kit::Finished = kit::run(command, timeout, Output::Inherit)
        .with_context(|| format!("{what}: cannot start {command:?}"))?;
    match finished.exit {
        Exit::Code(0) => Ok(()),
        Exit::TimedOut => bail!(
            "{what} timed out after {} s and was stopped",
            timeout.as_secs()
        ),
        exit => bail!("{what} failed ({exit})"),
    }
}

/// The last `n` lines of `text`: the end of a failed command's output.
pub fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.trim_end().lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}
