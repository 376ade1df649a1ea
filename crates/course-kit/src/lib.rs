//! What the course's two tools share: `cargo xtask` (maintainers) and
//! `cargo grade` (learners).
//!
//! - [`run`]: the one way a tool starts a child process: under a time
//!   limit, in its own process group, killed with the tool on Ctrl-C;
//! - [`layout`]: where everything lives, from a root found at run time;
//! - [`package`]: the throwaway Cargo packages that compile one file;
//! - [`diagnostic`]: a problem in a file, printed relative to the root;
//! - [`limits`]: every time limit of the tooling, read from `limits.toml`
//!   (which the Python tests read too);
//! - [`fingerprint`]: a stable hash of files, for remembering what passed.

pub mod diagnostic;
pub mod fingerprint;
pub mod layout;
pub mod limits;
pub mod package;
pub mod run;

pub use diagnostic::Diagnostic;
pub use layout::Layout;
