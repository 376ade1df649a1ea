//! A problem found in one file of the course, printed `file:line: message`
//! relative to the root, the way compilers print them (so editors and
//! terminals can jump to it).

use std::fmt;
use std::path::PathBuf;

use crate::Layout;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based; `None` when the problem is the file as a whole.
    pub line: Option<usize>,
    pub message: String,
}

impl Diagnostic {
    pub fn file(file: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            line: None,
            message: message.into(),
        }
    }

    pub fn at(file: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            line: Some(line),
            message: message.into(),
        }
    }

    /// `file:line: message`, with every path under the root made relative
    /// (in the message too).
    pub fn render(&self, layout: &Layout) -> String {
        layout.shorten(&self.to_string())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Every diagnostic, one a line, relative to the root.
pub fn render_all(diagnostics: &[Diagnostic], layout: &Layout) -> String {
    diagnostics
        .iter()
        .map(|d| d.render(layout))
        .collect::<Vec<_>>()
        .join("\n")
}

/// 1-based line number of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_relative_to_the_root() {
        let layout = Layout::at("/course");
        let d = Diagnostic::at(
            "/course/src/a.md",
            3,
            "no file /course/examples/x.rs".to_string(),
        );
        assert_eq!(d.render(&layout), "src/a.md:3: no file examples/x.rs");
        let whole = Diagnostic::file("/course/examples/y.rs", "no expectation");
        assert_eq!(whole.render(&layout), "examples/y.rs: no expectation");
        assert_eq!(line_of("a\nb\nc", 4), 3);
    }
}
