//! Runs a child process under a timeout, capturing its output.
//!
//! Every process the tooling starts goes through here, so nothing can hang:
//! on timeout the whole process group is killed and the error names what
//! timed out.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::thread;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use wait_timeout::ChildExt;

/// Output beyond this many bytes per stream is cut (a runaway program
/// must not fill the memory or the terminal).
pub const OUTPUT_LIMIT: usize = 1 << 20;

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

/// Runs `command` with piped output; `what` names it in errors.
pub fn run_captured(what: &str, command: &mut Command, timeout: Duration) -> Result<Outcome> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // A group of its own, so a timeout kills the grandchildren too.
    command.process_group(0);
    let mut child = command
        .spawn()
        .with_context(|| format!("{what}: cannot start {command:?}"))?;
    let stdout = read_in_background(child.stdout.take());
    let stderr = read_in_background(child.stderr.take());
    let status = child
        .wait_timeout(timeout)
        .with_context(|| format!("{what}: wait failed"))?;
    kill_group(child.id());
    if status.is_none() {
        let _ = child.wait();
    }
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    Ok(match status {
        Some(status) => Outcome::Finished(Finished {
            stdout,
            stderr,
            exit_code: status.code(),
        }),
        None => Outcome::TimedOut { stdout, stderr },
    })
}

/// Runs `command` with inherited output (a build step the user watches);
/// fails naming `what` on a non-zero exit or a timeout.
pub fn run_step(what: &str, command: &mut Command, timeout: Duration) -> Result<()> {
    command.stdin(Stdio::null());
    command.process_group(0);
    let mut child = command
        .spawn()
        .with_context(|| format!("{what}: cannot start {command:?}"))?;
    let status = child
        .wait_timeout(timeout)
        .with_context(|| format!("{what}: wait failed"))?;
    kill_group(child.id());
    match status {
        Some(status) if status.success() => Ok(()),
        Some(status) => bail!("{what} failed ({status})"),
        None => {
            let _ = child.wait();
            bail!(
                "{what} timed out after {} s and was stopped",
                timeout.as_secs()
            )
        }
    }
}

fn read_in_background<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let Some(pipe) = pipe else {
            return String::new();
        };
        let mut kept = Vec::new();
        let mut limited = pipe.take(OUTPUT_LIMIT as u64);
        let _ = limited.read_to_end(&mut kept);
        // Drain (and drop) the rest so the child never blocks on a full pipe.
        let mut pipe = limited.into_inner();
        let dropped = std::io::copy(&mut pipe, &mut std::io::sink()).unwrap_or(0);
        let mut text = String::from_utf8_lossy(&kept).into_owned();
        if dropped > 0 {
            text.push_str(&format!("\n[… {dropped} more bytes cut …]\n"));
        }
        text
    })
}

fn kill_group(pid: u32) {
    // SAFETY: kill(2) with a negative pid signals the process group we
    // created for this child; it touches no memory.
    unsafe {
        libc::kill(-(pid as i32), libc::SIGKILL);
    }
}
