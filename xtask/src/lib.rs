//! The course's tooling, shared by `cargo xtask` and the example test suite
//! (`tests/examples.rs`): example discovery, expectations, timed runs, the
//! book checker and the mdBook preprocessor.

pub mod book;
pub mod directives;
pub mod examples;
pub mod expect;
pub mod fresh;
pub mod preprocess;
pub mod quick;
pub mod quiz;
pub mod remembered;
pub mod run;
pub mod std_source;
pub mod suite;
pub mod timeline;
pub mod tools;
