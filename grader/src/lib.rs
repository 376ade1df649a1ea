//! `cargo grade`'s library: grading the course's exercises. The binary
//! (`src/main.rs`) only parses the command line.
//!
//! Each exercise is built on its own, from a package generated under
//! `target/grader/`, and its tests run in a child process under a timeout.
//! The grader never writes to the learner's files (only `reset`, after a yes).
//!
//! Learners' commands: [`list`], [`grade`], [`hint`], [`reset`], [`watch`],
//! [`lsp`]. Maintainers' commands: [`verify`] (and `make-stubs`, from
//! [`stub`]).

pub mod book;
pub mod cache;
pub mod grade;
pub mod hint;
pub mod libtest;
pub mod list;
pub mod lsp;
pub mod manifest;
pub mod names;
pub mod package;
pub mod reset;
pub mod run;
pub mod stacks;
pub mod state;
pub mod stub;
pub mod ui;
pub mod verdict;
pub mod verify;
pub mod watch;
