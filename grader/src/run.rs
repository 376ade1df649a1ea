//! Runs a child process under a timeout, in its own process group, keeping at
//! most a bounded amount of what it prints.
//!
//! On timeout the whole group is killed (the process and anything it started),
//! so a learner's deadlock ends as a verdict instead of a hung grader. If the
//! grader itself is interrupted (Ctrl-C), the running group is killed too.

use std::io::{self, Read};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

/// How a child process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// It exited by itself with this code.
    Code(i32),
    /// A signal ended it (not ours): SIGABRT after a stack overflow, SIGSEGV…
    Signal(i32),
    /// It ran past the timeout and was killed.
    TimedOut,
}

/// At most `head` bytes from the start and `tail` bytes from the end of a
/// stream, and how many bytes there were in all. Also keeps, from anywhere
/// in the stream, the lines that libtest's verdict is made of (test results,
/// section headings, panics and their messages), so that a flood of printing
/// cannot push the first failing assertion out of sight.
#[derive(Debug, Default, Clone)]
pub struct Capture {
    head: Vec<u8>,
    tail: Vec<u8>,
    head_cap: usize,
    tail_cap: usize,
    total: u64,
    /// The line being read, up to [`LONGEST_LINE`] bytes.
    line: Vec<u8>,
    notable: String,
    /// Lines still to keep after a panic's heading: its message.
    message_lines: usize,
    /// Inside a panic's backtrace, whose frames say where the learner's
    /// code was (kept up to [`BACKTRACE_LINES`]).
    backtrace_lines: usize,
}

/// Longer lines are cut before looking at them.
const LONGEST_LINE: usize = 4096;
/// The notable lines kept, at most.
const NOTABLE_CAP: usize = 256 << 10;
/// The lines of a panic message kept after its heading, at most.
const MESSAGE_LINES: usize = 12;
/// The lines of a backtrace kept, at most.
const BACKTRACE_LINES: usize = 80;

impl Capture {
    pub fn new(head_cap: usize, tail_cap: usize) -> Self {
        Capture {
            head_cap,
            tail_cap,
            ..Capture::default()
        }
    }

    pub fn push(&mut self, mut bytes: &[u8]) {
        self.scan(bytes);
        self.total += bytes.len() as u64;
        let room = self.head_cap - self.head.len();
        let into_head = room.min(bytes.len());
        self.head.extend_from_slice(&bytes[..into_head]);
        bytes = &bytes[into_head..];
        if bytes.is_empty() || self.tail_cap == 0 {
            return;
        }
        self.tail.extend_from_slice(bytes);
        // Trim in bulk, not on every write, to keep this linear.
        if self.tail.len() > 2 * self.tail_cap {
            let excess = self.tail.len() - self.tail_cap;
            self.tail.drain(..excess);
        }
    }

    fn scan(&mut self, bytes: &[u8]) {
        for chunk in bytes.split_inclusive(|b| *b == b'\n') {
            let (text, ends) = match chunk.strip_suffix(b"\n") {
                Some(text) => (text, true),
                None => (chunk, false),
            };
            let room = LONGEST_LINE.saturating_sub(self.line.len());
            self.line.extend_from_slice(&text[..text.len().min(room)]);
            if ends {
                let line = String::from_utf8_lossy(&self.line).into_owned();
                self.line.clear();
                self.note(&line);
            }
        }
    }

    fn note(&mut self, line: &str) {
        let heading = line.starts_with("thread '") && line.contains(" panicked at ");
        let keep = if heading {
            self.message_lines = MESSAGE_LINES;
            self.backtrace_lines = 0;
            true
        } else if line.starts_with("note: run with `RUST_BACKTRACE") {
            self.message_lines = 0;
            false
        } else if line.starts_with("stack backtrace:") {
            self.message_lines = 0;
            self.backtrace_lines = BACKTRACE_LINES;
            true
        } else if self.backtrace_lines > 0 && line.starts_with(' ') {
            self.backtrace_lines -= 1;
            true
        } else if self.message_lines > 0 {
            self.message_lines -= 1;
            true
        } else {
            line.starts_with("test ")
                || line.starts_with("---- ")
                || line == "failures:"
                || line.starts_with("running ")
        };
        if keep && self.notable.len() + line.len() < NOTABLE_CAP {
            self.notable.push_str(line);
            self.notable.push('\n');
        }
    }

    /// The lines that libtest's verdict is made of, from the whole stream.
    pub fn notable(&self) -> &str {
        &self.notable
    }

    /// Bytes dropped from the middle.
    pub fn cut(&self) -> u64 {
        self.total - self.head.len() as u64 - self.tail_kept().len() as u64
    }

    pub fn total(&self) -> u64 {
        self.total
    }

    fn tail_kept(&self) -> &[u8] {
        let start = self.tail.len().saturating_sub(self.tail_cap);
        &self.tail[start..]
    }

    /// The text kept, with a marker line where bytes were cut.
    pub fn text(&self) -> String {
        let mut text = String::from_utf8_lossy(&self.head).into_owned();
        let cut = self.cut();
        if cut > 0 {
            if !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&format!("[… {} cut …]\n", human_bytes(cut)));
        }
        text.push_str(&String::from_utf8_lossy(self.tail_kept()));
        text
    }
}

/// `1.5 MB`, `12 kB`, `300 bytes`.
pub fn human_bytes(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{} kB", bytes / 1_000),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// What a finished (or killed) child left behind.
#[derive(Debug)]
pub struct Finished {
    pub exit: Exit,
    /// stdout, or stdout and stderr interleaved as written when merged.
    pub out: Capture,
    /// stderr when kept apart; empty when merged.
    pub err: Capture,
}

/// Whether stderr goes into the same capture as stdout, in the order written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Streams {
    Merged,
    Separate,
}

/// How much of each stream to keep.
#[derive(Debug, Clone, Copy)]
pub struct Keep {
    pub head: usize,
    pub tail: usize,
}

/// The process group running now, for the Ctrl-C handler (0: none).
static RUNNING_GROUP: AtomicI32 = AtomicI32::new(0);

/// Installs a SIGINT/SIGTERM/SIGPIPE handler that kills the running child's
/// process group before the grader exits: children live in their own group,
/// so the terminal's Ctrl-C would not reach them. SIGPIPE: the reader of our
/// output went away (`cargo grade | head`); end quietly, as other command-line
/// tools do, instead of panicking on the next `println!`.
pub fn kill_children_on_interrupt() {
    #[cfg(unix)]
    {
        extern "C" fn on_signal(signal: libc::c_int) {
            let group = RUNNING_GROUP.load(Ordering::SeqCst);
            // SAFETY: kill and _exit are async-signal-safe.
            unsafe {
                if group > 0 {
                    libc::kill(-group, libc::SIGKILL);
                }
                libc::_exit(128 + signal);
            }
        }
        let handler = on_signal as extern "C" fn(libc::c_int);
        // SAFETY: the handler only calls async-signal-safe functions.
        unsafe {
            libc::signal(libc::SIGINT, handler as libc::sighandler_t);
            libc::signal(libc::SIGTERM, handler as libc::sighandler_t);
            libc::signal(libc::SIGPIPE, handler as libc::sighandler_t);
        }
    }
}

fn kill_group(child_id: u32) {
    #[cfg(unix)]
    // SAFETY: sending a signal has no memory-safety preconditions. The child
    // led its own group (`process_group(0)`), so -pid names that group.
    unsafe {
        libc::kill(-(child_id as i32), libc::SIGKILL);
    }
    #[cfg(not(unix))]
    let _ = child_id;
}

/// Reads `from` to its end into `capture`.
fn drain(mut from: impl Read, capture: Arc<Mutex<Capture>>) {
    let mut buf = vec![0; 64 * 1024];
    loop {
        match from.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => capture
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return,
        }
    }
}

/// Runs `command` to its end or until `timeout`, whichever comes first.
pub fn run(
    mut command: Command,
    timeout: Duration,
    streams: Streams,
    keep: Keep,
) -> io::Result<Finished> {
    let out = Arc::new(Mutex::new(Capture::new(keep.head, keep.tail)));
    let err = Arc::new(Mutex::new(Capture::new(keep.head, keep.tail)));
    command.stdin(Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);

    let mut readers = Vec::new();
    let mut child: Child = match streams {
        Streams::Merged => {
            let (reader, writer) = io::pipe()?;
            command.stdout(writer.try_clone()?).stderr(writer);
            let child = command.spawn();
            // Drop our copies of the write end, or the reader never sees EOF.
            drop(command);
            let child = child?;
            let capture = Arc::clone(&out);
            readers.push(thread::spawn(move || drain(reader, capture)));
            child
        }
        Streams::Separate => {
            command.stdout(Stdio::piped()).stderr(Stdio::piped());
            let mut child = command.spawn()?;
            drop(command);
            for (stream, capture) in [
                (
                    child
                        .stdout
                        .take()
                        .map(|s| Box::new(s) as Box<dyn Read + Send>),
                    &out,
                ),
                (
                    child
                        .stderr
                        .take()
                        .map(|s| Box::new(s) as Box<dyn Read + Send>),
                    &err,
                ),
            ] {
                if let Some(stream) = stream {
                    let capture = Arc::clone(capture);
                    readers.push(thread::spawn(move || drain(stream, capture)));
                }
            }
            child
        }
    };

    let id = child.id();
    RUNNING_GROUP.store(id as i32, Ordering::SeqCst);
    let (tx, rx) = mpsc::channel();
    let waiter = thread::spawn(move || {
        let _ = tx.send(child.wait());
    });
    let exit = match rx.recv_timeout(timeout) {
        Ok(status) => exit_of(status?),
        Err(_) => {
            kill_group(id);
            // The waiter reaps the killed child.
            let _ = rx.recv();
            Exit::TimedOut
        }
    };
    let _ = waiter.join();
    // Whatever the child left running in its group goes too: it would hold
    // the pipe open and keep us waiting for the end of the output.
    kill_group(id);
    RUNNING_GROUP.store(0, Ordering::SeqCst);

    // A grandchild that left the group could still hold the pipe open: give
    // the readers a moment, then take what they have.
    let (done_tx, done_rx) = mpsc::channel();
    thread::spawn(move || {
        for reader in readers {
            let _ = reader.join();
        }
        let _ = done_tx.send(());
    });
    let _ = done_rx.recv_timeout(Duration::from_secs(2));
    let take = |capture: &Arc<Mutex<Capture>>| {
        capture
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    };
    Ok(Finished {
        exit,
        out: take(&out),
        err: take(&err),
    })
}

fn exit_of(status: ExitStatus) -> Exit {
    if let Some(code) = status.code() {
        return Exit::Code(code);
    }
    #[cfg(unix)]
    if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(&status) {
        return Exit::Signal(signal);
    }
    Exit::Code(-1)
}

/// A signal's usual name, for messages.
pub fn signal_name(signal: i32) -> String {
    let name = match signal {
        6 => "SIGABRT",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        7 => "SIGBUS",
        8 => "SIGFPE",
        4 => "SIGILL",
        15 => "SIGTERM",
        _ => return format!("signal {signal}"),
    };
    format!("{name} (signal {signal})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capture_keeps_head_and_tail_and_counts_the_cut() {
        let mut capture = Capture::new(4, 3);
        for chunk in [&b"abc"[..], b"defgh", b"ijklmnop"] {
            capture.push(chunk);
        }
        assert_eq!(capture.total(), 16);
        assert_eq!(capture.cut(), 16 - 4 - 3);
        assert_eq!(capture.text(), "abcd\n[… 9 bytes cut …]\nnop");
    }

    #[test]
    fn capture_keeps_the_panics_of_a_flood() {
        let mut capture = Capture::new(100, 100);
        capture.push(b"test a ... FAILED\n\nfailures:\n\n---- a stdout ----\n");
        for _ in 0..1000 {
            capture.push(b"spam spam spam spam\n");
        }
        capture.push(b"thread 'a' panicked at x.rs:1:1:\nwrong to");
        capture.push(b"tal\nnote: run with `RUST_BACKTRACE=1` to see\n");
        for _ in 0..1000 {
            capture.push(b"spam spam spam spam\n");
        }
        assert_eq!(
            capture.notable(),
            "test a ... FAILED\nfailures:\n---- a stdout ----\nthread 'a' panicked at x.rs:1:1:\nwrong total\n"
        );
        // A backtrace's frames are kept too: they say where the learner's code was.
        capture.push(b"thread 'b' panicked at y.rs:2:2:\nboom\nstack backtrace:\n   3: exercise::f\n             at ./exercises/x.rs:9:5\nspam\n");
        assert!(
            capture.notable().ends_with(
                "boom\nstack backtrace:\n   3: exercise::f\n             at ./exercises/x.rs:9:5\n"
            ),
            "{}",
            capture.notable()
        );
    }

    #[test]
    fn capture_of_a_short_stream_is_the_stream() {
        let mut capture = Capture::new(100, 100);
        capture.push(b"hello\n");
        assert_eq!(capture.cut(), 0);
        assert_eq!(capture.text(), "hello\n");
    }

    #[test]
    fn capture_survives_a_flood() {
        let mut capture = Capture::new(10, 10);
        for _ in 0..10_000 {
            capture.push(&[b'x'; 1000]);
        }
        assert_eq!(capture.total(), 10_000_000);
        assert!(capture.text().contains("[… 10.0 MB cut …]"));
        assert!(capture.tail.len() <= 2 * 10 + 1000);
    }

    #[cfg(unix)]
    #[test]
    fn a_child_that_runs_too_long_is_killed_with_its_children() {
        let mut command = Command::new("sh");
        // The grandchild `sleep` would keep the pipe open if it survived.
        command.args(["-c", "echo started; sleep 30 & sleep 30"]);
        let started = std::time::Instant::now();
        let finished = run(
            command,
            Duration::from_millis(300),
            Streams::Merged,
            Keep {
                head: 1000,
                tail: 1000,
            },
        )
        .unwrap();
        assert_eq!(finished.exit, Exit::TimedOut);
        assert_eq!(finished.out.text(), "started\n");
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[cfg(unix)]
    #[test]
    fn merged_streams_keep_the_order_written() {
        let mut command = Command::new("sh");
        command.args(["-c", "echo one; echo two >&2; echo three; exit 3"]);
        let finished = run(
            command,
            Duration::from_secs(20),
            Streams::Merged,
            Keep {
                head: 1000,
                tail: 1000,
            },
        )
        .unwrap();
        assert_eq!(finished.exit, Exit::Code(3));
        assert_eq!(finished.out.text(), "one\ntwo\nthree\n");
    }
}
