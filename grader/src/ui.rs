//! Terminal output: colour only on a terminal, and never with `NO_COLOR`.

use crate::verdict::Kind;
use std::io::IsTerminal;
use std::sync::OnceLock;

pub fn color() -> bool {
    static COLOR: OnceLock<bool> = OnceLock::new();
    *COLOR.get_or_init(|| {
        std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    })
}

fn paint(code: &str, text: &str) -> String {
    if color() {
        format!("\u{1b}[{code}m{text}\u{1b}[0m")
    } else {
        text.to_owned()
    }
}

pub fn bold(text: &str) -> String {
    paint("1", text)
}

pub fn green(text: &str) -> String {
    paint("32", text)
}

pub fn red(text: &str) -> String {
    paint("31", text)
}

pub fn dim(text: &str) -> String {
    paint("2", text)
}

/// The mark in front of an exercise: passed, failed, not started.
pub fn mark(kind: Option<Kind>) -> String {
    match kind {
        Some(Kind::Passed) => green("✓"),
        Some(_) => red("✗"),
        None => dim("·"),
    }
}

/// `[#####---------------]`
pub fn bar(done: usize, total: usize) -> String {
    const WIDTH: usize = 20;
    let filled = (done * WIDTH).checked_div(total).unwrap_or(0);
    format!("[{}{}]", "#".repeat(filled), "-".repeat(WIDTH - filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_fills_in_proportion() {
        assert_eq!(bar(0, 4), format!("[{}]", "-".repeat(20)));
        assert_eq!(bar(1, 4), format!("[{}{}]", "#".repeat(5), "-".repeat(15)));
        assert_eq!(bar(4, 4), format!("[{}]", "#".repeat(20)));
        assert_eq!(bar(0, 0), format!("[{}]", "-".repeat(20)));
    }
}
