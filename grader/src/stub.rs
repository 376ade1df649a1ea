//! Makes an exercise's stub from its reference solution, so the two cannot
//! drift apart: the solution marks the learner's part,
//!
//! ```text
//!     // BEGIN SOLUTION (stub: todo!("sum the five slices on five threads"))
//!     …the reference code…
//!     // END SOLUTION
//! ```
//!
//! and the stub is the same file with each marked part replaced by the line
//! given after `stub:` (`todo!()` when there is none), at the marker's
//! indentation. `exercises/` holds the stubs made this way;
//! `cargo grade verify` checks that they still are.

use std::fmt;

const BEGIN: &str = "// BEGIN SOLUTION";
const END: &str = "// END SOLUTION";

#[derive(Debug, PartialEq, Eq)]
pub struct StubError {
    pub line: usize,
    pub why: String,
}

impl fmt::Display for StubError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.why)
    }
}

/// The stub for a solution's source.
pub fn from_solution(solution: &str) -> Result<String, StubError> {
    let mut stub = String::with_capacity(solution.len());
    // The open region: where it began, and what replaces it.
    let mut open: Option<usize> = None;
    let mut regions = 0;
    for (index, line) in solution.lines().enumerate() {
        let number = index + 1;
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(BEGIN) {
            if let Some(began) = open {
                return Err(StubError {
                    line: number,
                    why: format!("a solution region opens inside the one opened on line {began}"),
                });
            }
            let replacement =
                replacement(rest.trim()).map_err(|why| StubError { line: number, why })?;
            if !replacement.is_empty() {
                let indent = &line[..line.len() - trimmed.len()];
                stub.push_str(indent);
                stub.push_str(&replacement);
                stub.push('\n');
            }
            open = Some(number);
            regions += 1;
        } else if trimmed.starts_with(END) {
            if open.take().is_none() {
                return Err(StubError {
                    line: number,
                    why: "`// END SOLUTION` without a `// BEGIN SOLUTION` before it".to_owned(),
                });
            }
        } else if open.is_none() {
            stub.push_str(line);
            stub.push('\n');
        }
    }
    if let Some(began) = open {
        return Err(StubError {
            line: began,
            why: "this solution region is never closed by `// END SOLUTION`".to_owned(),
        });
    }
    if regions == 0 {
        return Err(StubError {
            line: 1,
            why:
                "no `// BEGIN SOLUTION` … `// END SOLUTION` region: the stub would be the solution"
                    .to_owned(),
        });
    }
    Ok(stub)
}

/// What follows `// BEGIN SOLUTION`: nothing, or `(stub: CODE)`.
fn replacement(rest: &str) -> Result<String, String> {
    if rest.is_empty() {
        return Ok("todo!()".to_owned());
    }
    rest.strip_prefix("(stub:")
        .and_then(|code| code.strip_suffix(')'))
        .map(|code| code.trim().to_owned())
        .ok_or_else(|| {
            format!("expected `{BEGIN}` or `{BEGIN} (stub: CODE)`, found `{BEGIN} {rest}`")
        })
}

/// Whether a learner's file is still the untouched stub. Line endings and
/// trailing blank space do not count as a start.
pub fn is_untouched(learner: &str, stub: &str) -> bool {
    let normal = |text: &str| {
        text.lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
            .trim_end()
            .to_owned()
    };
    normal(learner) == normal(stub)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_each_region_by_its_stub_line() {
        let solution = "\
use std::thread;

pub fn sum(numbers: &[u64]) -> u64 {
    // Your code: sum on threads.
    // BEGIN SOLUTION (stub: todo!(\"sum on threads (see the comment)\"))
    let half = numbers.len() / 2;
    thread::scope(|s| 0)
    // END SOLUTION
}

pub fn other() {
        // BEGIN SOLUTION
        println!();
        // END SOLUTION
}
";
        assert_eq!(
            from_solution(solution).unwrap(),
            "\
use std::thread;

pub fn sum(numbers: &[u64]) -> u64 {
    // Your code: sum on threads.
    todo!(\"sum on threads (see the comment)\")
}

pub fn other() {
        todo!()
}
"
        );
    }

    #[test]
    fn an_empty_stub_removes_the_region() {
        let solution = "a\n// BEGIN SOLUTION (stub: )\nfn helper() {}\n// END SOLUTION\nb\n";
        assert_eq!(from_solution(solution).unwrap(), "a\nb\n");
    }

    #[test]
    fn reports_broken_markers_with_their_line() {
        let unclosed = from_solution("x\n// BEGIN SOLUTION\ny\n").unwrap_err();
        assert_eq!(unclosed.line, 2);
        assert!(unclosed.why.contains("never closed"));
        assert_eq!(from_solution("// END SOLUTION\n").unwrap_err().line, 1);
        let nested = from_solution("// BEGIN SOLUTION\n// BEGIN SOLUTION\n").unwrap_err();
        assert_eq!(nested.line, 2);
        assert!(
            from_solution("fn main() {}\n")
                .unwrap_err()
                .why
                .contains("no `// BEGIN")
        );
        assert!(
            from_solution("// BEGIN SOLUTION todo!()\n// END SOLUTION\n")
                .unwrap_err()
                .why
                .contains("expected")
        );
    }

    #[test]
    fn untouched_ignores_line_endings_and_trailing_space() {
        assert!(is_untouched("a  \r\nb\r\n\r\n", "a\nb\n"));
        assert!(!is_untouched("a\nb // mine\n", "a\nb\n"));
    }
}
