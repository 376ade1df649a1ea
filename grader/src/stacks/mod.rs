//! Where each thread of a hung test program waits: read from its stacks
//! when it times out, before it is stopped, and said in the learner's terms.
//!
//! - [`gdb`]: capturing the stacks (gdb in batch mode) and reading its text;
//! - [`waits`]: what one thread waits on, from its frames;
//! - [`report`]: the part of the verdict that names threads, lines and the
//!   pattern they make.

pub mod gdb;
pub mod report;
pub mod waits;

pub use report::Hang;

/// One thread of the stopped program, innermost frame first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thread {
    /// The kernel's id of the thread (the process id for the first one).
    pub tid: u32,
    /// The name the system knows it by (at most 15 bytes; a thread without
    /// a name of its own inherits its creator's).
    pub name: String,
    pub frames: Vec<Frame>,
    /// Whether it used CPU time just before the capture: a spinning thread
    /// can be caught inside a system call, which alone would look waiting.
    pub busy: bool,
}

/// One frame: the function, and its source location when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub function: String,
    pub file: Option<String>,
    pub line: Option<u32>,
}
