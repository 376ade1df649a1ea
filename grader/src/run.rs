//! The grader's side of the one child-process runner (`course_kit::run`):
//! which streams it captures, and the libtest-specific line filter
//! ([`Notable`]) that keeps the lines a verdict is made of from anywhere in
//! a flood of output. The process group, the time limit, the Ctrl-C handler
//! and the bounded wait for the output readers are the kit's.

use std::io;
use std::process::Command;
use std::time::Duration;

use course_kit::run::{self as kit, LineObserver, Output};
pub use course_kit::run::{Exit, Keep, human_bytes, kill_children_on_interrupt, signal_name};

/// A captured stream, with libtest's notable lines kept from all of it.
pub type Capture = kit::Capture<Notable>;
/// What a finished (or killed) child left behind.
pub type Finished = kit::Finished<Notable>;

/// Whether stderr goes into the same capture as stdout, in the order written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Streams {
    Merged,
    Separate,
}

/// Runs `command` to its end or until `timeout`, whichever comes first.
pub fn run(
    mut command: Command,
    timeout: Duration,
    streams: Streams,
    keep: Keep,
) -> io::Result<Finished> {
    let output = match streams {
        Streams::Merged => Output::Merged(keep),
        Streams::Separate => Output::Separate(keep),
    };
    kit::run(&mut command, timeout, output)
}

/// [`run`], with `inspect` looking at the child (by its pid) when the limit
/// passes, before it is stopped: `None` if it ended in time.
pub fn run_inspecting<T>(
    mut command: Command,
    timeout: Duration,
    keep: Keep,
    inspect: impl FnOnce(u32) -> T,
) -> io::Result<(Finished, Option<T>)> {
    kit::run_inspecting(&mut command, timeout, Output::Merged(keep), inspect)
}

/// The lines that libtest's verdict is made of (test results, section
/// headings, panics with their messages and backtrace frames), kept from
/// anywhere in the stream, so that a flood of printing cannot push the first
/// failing assertion out of sight.
#[derive(Debug, Default, Clone)]
pub struct Notable {
    text: String,
    /// Lines still to keep after a panic's heading: its message.
    message_lines: usize,
    /// Inside a panic's backtrace, whose frames say where the learner's
    /// code was (kept up to [`BACKTRACE_LINES`]).
    backtrace_lines: usize,
}

/// The notable lines kept, at most.
const NOTABLE_CAP: usize = 256 << 10;
/// The lines of a panic message kept after its heading, at most.
const MESSAGE_LINES: usize = 12;
/// The lines of a backtrace kept, at most.
const BACKTRACE_LINES: usize = 80;

impl Notable {
    /// The notable lines, in order.
    pub fn text(&self) -> &str {
        &self.text
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
        if keep && self.text.len() + line.len() < NOTABLE_CAP {
            self.text.push_str(line);
            self.text.push('\n');
        }
    }
}

impl LineObserver for Notable {
    fn line(&mut self, line: &str) {
        self.note(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            capture.observer.text(),
            "test a ... FAILED\nfailures:\n---- a stdout ----\nthread 'a' panicked at x.rs:1:1:\nwrong total\n"
        );
        // A backtrace's frames are kept too: they say where the learner's code was.
        capture.push(b"thread 'b' panicked at y.rs:2:2:\nboom\nstack backtrace:\n   3: exercise::f\n             at ./exercises/x.rs:9:5\nspam\n");
        assert!(
            capture.observer.text().ends_with(
                "boom\nstack backtrace:\n   3: exercise::f\n             at ./exercises/x.rs:9:5\n"
            ),
            "{}",
            capture.observer.text()
        );
    }
}
