//! Records what the threads of a run did, for the book's timelines: when
//! the environment variable `COURSE_TRACE` names a file, [`record`] installs
//! `tracing-chrome` as the `tracing` subscriber, and every span the program
//! enters (`tracing::info_span!("work").entered()`, or a future's
//! `.instrument(span)`) is written to that file when the returned guard is
//! dropped, in Chrome's trace-event format: open it in Perfetto
//! (ui.perfetto.dev) or `chrome://tracing`. Without `COURSE_TRACE` nothing
//! is installed, and a span costs a check of a flag.
//!
//! `cargo xtask timeline record ID` sets `COURSE_TRACE` for the book's
//! figures; to record a program of your own, set it yourself.

// ANCHOR: record
use tracing_chrome::{ChromeLayerBuilder, FlushGuard};
use tracing_subscriber::prelude::*;

/// Starts recording if `COURSE_TRACE` names a file. Keep the guard until
/// the end of `main`: dropping it writes the file.
pub fn record() -> Option<FlushGuard> {
    let path = std::env::var_os("COURSE_TRACE")?;
    let (layer, guard) = ChromeLayerBuilder::new().file(path).build();
    tracing_subscriber::registry().with(layer).init();
    Some(guard)
}
// ANCHOR_END: record
