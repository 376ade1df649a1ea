//! The `{{#…}}` directives of the book's markdown, as one unit: each is
//! parsed into a [`Directive`], whose validation (for the book checker,
//! `book.rs`) and expansion (for the preprocessor, `preprocess.rs`) sit side
//! by side here, so that what one accepts is exactly what the other expands.
//!
//! - `{{#example NAME[:ANCHOR]}}`: Rust and Python tabs, each with its file
//!   name and the command that runs it;
//! - `{{#output NAME}}`: the output recorded from a real run;
//! - `{{#compile_fail NAME[:ANCHOR]}}`: the program and rustc's own error;
//! - `{{#timeline ID}}`: the figure drawn from a recorded run
//!   (`timelines/`, see `timeline.rs`), its caption and its text in words;
//! - mdBook's `{{#include FILE:ANCHOR}}` / `{{#rustdoc_include …}}`, checked
//!   (the file and the anchor exist, no line numbers) and left to mdBook;
//! - mdbook-tabs' `{{#tabs}}` … `{{#endtabs}}`, left to mdbook-tabs.

use std::path::Path;

use crate::examples::{CompileFail, Example};
use crate::expect::{self, ExpectationFile};

/// The HTML class names the preprocessor writes, which `theme/course.css`
/// styles and `tests/browser/` looks for: their one definition.
pub mod class {
    /// The line above a program: its file and how to run it.
    pub const EXAMPLE_FILE: &str = "example-file";
    /// The note under a Rust program that has no Python twin.
    pub const NO_TWIN: &str = "no-twin";
    /// The line above rustc's recorded error.
    pub const COMPILER_SAYS: &str = "compiler-says";
    /// The `<figure>` of a recorded output.
    pub const EXAMPLE_OUTPUT: &str = "example-output";
    /// A note inside the output figure (stderr, exit status, the twin).
    pub const OUTPUT_NOTE: &str = "output-note";
    /// Lines of an output whose order varies from run to run.
    pub const ANY_ORDER: &str = "any-order";
    /// The `<figure>` of a timeline (its `<svg>` carries the class too).
    pub const TIMELINE: &str = "timeline";
    /// Every class above.
    pub const ALL: [&str; 7] = [
        EXAMPLE_FILE,
        NO_TWIN,
        COMPILER_SAYS,
        EXAMPLE_OUTPUT,
        OUTPUT_NOTE,
        ANY_ORDER,
        TIMELINE,
    ];
}

/// Where one `{{#kind arg}}` stands in a page's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: String,
    pub arg: String,
    /// Byte range of the whole `{{#…}}` in the source.
    pub start: usize,
    pub end: usize,
}

/// mdBook's include directives.
pub const INCLUDE: &str = "include";
pub const RUSTDOC_INCLUDE: &str = "rustdoc_include";

/// Every directive in `text`, in order. `\{{#` escapes one, as in mdBook.
pub fn scan(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = text[from..].find("{{#") {
        let start = from + offset;
        let escaped = text[..start].ends_with('\\');
        let Some(close) = text[start..].find("}}") else {
            break;
        };
        let end = start + close + 2;
        let inner = text[start + 3..end - 2].trim();
        let (kind, arg) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        if !escaped {
            found.push(Found {
                kind: kind.to_string(),
                arg: arg.trim().to_string(),
                start,
                end,
            });
        }
        from = end;
    }
    found
}

/// A directive, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directive {
    Example {
        name: String,
        anchor: Option<String>,
    },
    Output {
        name: String,
    },
    CompileFail {
        name: String,
        anchor: Option<String>,
    },
    /// `{{#include}}` or `{{#rustdoc_include}}` (`rustdoc` tells which).
    Include {
        rustdoc: bool,
        path: String,
        anchor: Option<String>,
    },
    /// mdbook-tabs' own, written by hand where a page shows two files side
    /// by side (an exercise's Rust and Python solutions).
    Tabs,
    Timeline {
        id: String,
    },
}

/// What the directives are checked against and expanded from.
pub struct Course<'a> {
    pub root: &'a Path,
    pub examples: &'a [Example],
    pub compile_fail: &'a [CompileFail],
}

impl Directive {
    /// Parses one found directive; an unknown kind is an error.
    pub fn parse(found: &Found) -> Result<Directive, String> {
        let (target, anchor) = split_anchor(&found.arg);
        let name = || {
            if target.is_empty() {
                Err(format!("{{{{#{}}}}} needs a name", found.kind))
            } else {
                Ok(target.to_string())
            }
        };
        let anchor = anchor.map(str::to_string);
        Ok(match found.kind.as_str() {
            "example" => Directive::Example {
                name: name()?,
                anchor,
            },
            "output" if anchor.is_some() => {
                return Err(format!(
                    "{{{{#output {}}}}}: an output has no anchor",
                    found.arg
                ));
            }
            "output" => Directive::Output { name: name()? },
            "compile_fail" => Directive::CompileFail {
                name: name()?,
                anchor,
            },
            INCLUDE | RUSTDOC_INCLUDE => Directive::Include {
                rustdoc: found.kind == RUSTDOC_INCLUDE,
                path: name()?,
                anchor,
            },
            "tabs" | "tab" | "endtab" | "endtabs" => Directive::Tabs,
            "timeline" if anchor.is_some() => {
                return Err(format!(
                    "{{{{#timeline {}}}}}: a timeline has no anchor",
                    found.arg
                ));
            }
            "timeline" => Directive::Timeline { id: name()? },
            other => return Err(format!("unknown directive {{{{#{other}}}}}")),
        })
    }

    /// Checks the directive on the page `page` (relative to `src/`);
    /// returns the example or program it shows, if any.
    pub fn validate(&self, course: &Course<'_>, page: &str) -> Result<Option<String>, String> {
        match self {
            Directive::Example { name, anchor } => {
                let example = course.example(name)?;
                if let Some(anchor) = anchor {
                    require_anchor(&example.rust, anchor)?;
                    if let Some(python) = &example.python {
                        require_anchor(python, anchor)?;
                    }
                }
                Ok(Some(example.name.clone()))
            }
            Directive::Output { name } => course.example(name).map(|_| None),
            Directive::CompileFail { name, anchor } => {
                let program = course.program(name)?;
                if let Some(anchor) = anchor {
                    require_anchor(&program.source, anchor)?;
                }
                if !program.stderr.exists() {
                    return Err(format!(
                        "{}: missing; run `cargo xtask bless-errors` to write rustc's output",
                        program.stderr.display()
                    ));
                }
                Ok(Some(program.name.clone()))
            }
            Directive::Include {
                rustdoc,
                path,
                anchor,
            } => {
                let kind = if *rustdoc { RUSTDOC_INCLUDE } else { INCLUDE };
                let page = course.root.join("src").join(page);
                let file = page.parent().unwrap_or(course.root).join(path);
                let written = match anchor {
                    Some(anchor) => format!("{{{{#{kind} {path}:{anchor}}}}}"),
                    None => format!("{{{{#{kind} {path}}}}}"),
                };
                if !file.is_file() {
                    return Err(format!("{written}: no file {}", file.display()));
                }
                match anchor {
                    Some(anchor) if anchor.chars().all(|c| c.is_ascii_digit()) => Err(format!(
                        "{written}: include by line numbers drifts when the file changes; use an ANCHOR"
                    )),
                    Some(anchor) => require_anchor(&file, anchor).map(|_| None),
                    None => Ok(None),
                }
            }
            Directive::Tabs => Ok(None),
            Directive::Timeline { id } => {
                for extension in ["toml", "json", "svg"] {
                    let file = crate::timeline::file(course.root, id, extension);
                    if !file.is_file() {
                        return Err(format!(
                            "{{{{#timeline {id}}}}}: no {}; see `cargo xtask timeline record`",
                            file.display()
                        ));
                    }
                }
                Ok(None)
            }
        }
    }

    /// The markdown that replaces the directive on the page `page`
    /// (relative to `src/`); `None` for the directives mdBook and
    /// mdbook-tabs expand themselves.
    pub fn expand(&self, course: &Course<'_>, page: &str) -> Result<Option<String>, String> {
        // From the page's folder back to the repository root.
        let up = "../".repeat(Path::new(page).components().count());
        match self {
            Directive::Example { name, anchor } => {
                expand_example(course.example(name)?, anchor.as_deref(), &up).map(Some)
            }
            Directive::Output { name } => {
                let example = course.example(name)?;
                Ok(Some(render_output(&example.name, &example.expected)))
            }
            Directive::CompileFail { name, anchor } => {
                let program = course.program(name)?;
                Ok(Some(expand_compile_fail(program, anchor.as_deref(), &up)))
            }
            Directive::Timeline { id } => crate::timeline::figure(course.root, id).map(Some),
            Directive::Include { .. } | Directive::Tabs => Ok(None),
        }
    }
}

impl Course<'_> {
    fn example(&self, name: &str) -> Result<&Example, String> {
        self.examples
            .iter()
            .find(|e| e.name == name)
            .ok_or_else(|| format!("no example examples/{name}.rs"))
    }

    fn program(&self, name: &str) -> Result<&CompileFail, String> {
        self.compile_fail
            .iter()
            .find(|p| p.name == name)
            .ok_or_else(|| {
                format!("{{{{#compile_fail {name}}}}}: no examples/compile_fail/{name}.rs")
            })
    }
}

fn expand_example(example: &Example, anchor: Option<&str>, up: &str) -> Result<String, String> {
    let name = &example.name;
    let anchor = anchor.map(|a| format!(":{a}")).unwrap_or_default();
    let file_line = |file: &str, command: &str| {
        format!(
            "<p class=\"{}\">File <code>{file}</code> · run it with <code>{command}</code></p>\n\n",
            class::EXAMPLE_FILE
        )
    };
    let rust = format!(
        "{}```rust\n{{{{#rustdoc_include {up}examples/{name}.rs{anchor}}}}}\n```\n",
        file_line(
            &format!("examples/{name}.rs"),
            &format!("cargo run --example {name}")
        )
    );
    if example.python.is_none() {
        let reason = example
            .expected
            .python
            .as_ref()
            .map(|p| p.reason.as_str())
            .unwrap_or_default();
        return Ok(format!(
            "{rust}\n<p class=\"{}\">No Python twin: {}</p>\n",
            class::NO_TWIN,
            html_escape(reason)
        ));
    }
    let python = format!(
        "{}```python\n{{{{#include {up}examples/{name}.py{anchor}}}}}\n```\n",
        file_line(
            &format!("examples/{name}.py"),
            &format!("python3 examples/{name}.py")
        )
    );
    Ok(format!(
        "{{{{#tabs global=\"language\" }}}}\n{{{{#tab name=\"Rust\" }}}}\n{rust}\n{{{{#endtab }}}}\n\
         {{{{#tab name=\"Python\" }}}}\n{python}\n{{{{#endtab }}}}\n{{{{#endtabs }}}}\n"
    ))
}

fn expand_compile_fail(program: &CompileFail, anchor: Option<&str>, up: &str) -> String {
    let name = &program.name;
    let anchor = anchor.map(|a| format!(":{a}")).unwrap_or_default();
    format!(
        "<p class=\"{file_class}\">File <code>examples/compile_fail/{name}.rs</code> · \
         does not compile (<code>{code}</code>); see for yourself with \
         <code>cargo xtask compile-fail {name}</code></p>\n\n\
         ```rust,compile_fail\n{{{{#rustdoc_include {up}examples/compile_fail/{name}.rs{anchor}}}}}\n```\n\n\
         <p class=\"{says_class}\">What <code>rustc</code> says (generated from a real build):</p>\n\n\
         ```text\n{{{{#include {up}examples/compile_fail/{name}.stderr}}}}\n```\n",
        code = program.error_code,
        file_class = class::EXAMPLE_FILE,
        says_class = class::COMPILER_SAYS,
    )
}

/// The recorded output as HTML: `[any order]` blocks get a bar and a note,
/// `[..]` becomes `…`.
pub fn render_output(name: &str, expected: &ExpectationFile) -> String {
    let varies = expected.stdout.lines().any(|l| l == expect::ANY_ORDER);
    // The figure sits under both tabs: where the twin prints the same, the
    // caption names both commands.
    let twin_prints_the_same = expected.python.is_none();
    let mut note = if twin_prints_the_same {
        format!(
            "Output of <code>cargo run --example {name}</code> and of its Python twin \
             <code>python3 examples/{name}.py</code>, recorded from a real run"
        )
    } else {
        format!("Output of <code>cargo run --example {name}</code>, recorded from a real run")
    };
    if varies {
        note.push_str("; the lines with a bar can come in another order on every run");
    }
    if expected.stdout.contains(expect::WILDCARD) || expected.stderr.contains(expect::WILDCARD) {
        note.push_str("; … stands for what differs between runs or machines");
    }
    let mut html = format!(
        "<figure class=\"{}\">\n<figcaption>{note}.</figcaption>\n",
        class::EXAMPLE_OUTPUT
    );
    // Each <pre> starts its own raw-HTML block (after a blank line), which
    // CommonMark ends only at </pre>: a blank line of output inside must not
    // end it and hand the rest of the page to the markdown parser.
    html.push_str(&format!(
        "\n<pre><code>{}</code></pre>\n\n",
        render_lines(&expected.stdout)
    ));
    let note = |text: &str| format!("<p class=\"{}\">{text}</p>\n", class::OUTPUT_NOTE);
    if !expected.stderr.is_empty() {
        html.push_str(&note("and on stderr:"));
        html.push_str(&format!(
            "\n<pre><code>{}</code></pre>\n\n",
            render_lines(&expected.stderr)
        ));
    }
    if expected.exit_code != 0 {
        html.push_str(&note(&format!("exit status {}.", expected.exit_code)));
    }
    if let Some(python) = &expected.python
        && python.twin
    {
        html.push_str(&note(&format!(
            "The Python twin differs: {}",
            html_escape(&python.reason)
        )));
    }
    html.push_str("</figure>\n");
    html
}

fn render_lines(text: &str) -> String {
    let mut html = String::new();
    for line in text.lines() {
        match line {
            expect::ANY_ORDER => html.push_str(&format!("<span class=\"{}\">", class::ANY_ORDER)),
            // Close the span before the block's last newline, so that it
            // ends on its last line (the bar beside it stops there too).
            expect::END => {
                let newline = html.ends_with('\n');
                if newline {
                    html.pop();
                }
                html.push_str("</span>");
                if newline {
                    html.push('\n');
                }
            }
            expect::ELLIPSIS => html.push_str("⋮\n"),
            _ => {
                html.push_str(&html_escape(&line.replace(expect::WILDCARD, "…")));
                html.push('\n');
            }
        }
    }
    html
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Splits `NAME:ANCHOR` (or a path with an anchor) into its two parts.
pub fn split_anchor(arg: &str) -> (&str, Option<&str>) {
    match arg.split_once(':') {
        Some((target, anchor)) => (target.trim(), Some(anchor.trim())),
        None => (arg.trim(), None),
    }
}

/// 1-based line number of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    course_kit::diagnostic::line_of(text, offset)
}

/// Does `source` define the mdBook anchor `name` (start and end)?
pub fn has_anchor(source: &str, name: &str) -> bool {
    let marks = |tag: &str| {
        source.lines().any(|line| {
            line.split_once(tag)
                .is_some_and(|(_, rest)| rest.split_whitespace().next() == Some(name))
        })
    };
    marks("ANCHOR:") && marks("ANCHOR_END:")
}

fn require_anchor(path: &Path, anchor: &str) -> Result<(), String> {
    let source = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if has_anchor(&source, anchor) {
        Ok(())
    } else {
        Err(format!(
            "{}: no ANCHOR: {anchor} … ANCHOR_END: {anchor}",
            path.display()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_directives_and_skips_escaped_ones() {
        let text = "a {{#example threads_spawn:main}} b \\{{#output x}} {{#include ../x.rs:part}}";
        let found = scan(text);
        assert_eq!(found.len(), 2);
        assert_eq!(
            Directive::parse(&found[0]),
            Ok(Directive::Example {
                name: "threads_spawn".into(),
                anchor: Some("main".into())
            })
        );
        assert_eq!(
            Directive::parse(&found[1]),
            Ok(Directive::Include {
                rustdoc: false,
                path: "../x.rs".into(),
                anchor: Some("part".into())
            })
        );
    }

    #[test]
    fn unknown_and_malformed_directives_are_errors() {
        let parse = |text: &str| Directive::parse(&scan(text)[0]);
        assert_eq!(
            parse("{{#exmaple x}}"),
            Err("unknown directive {{#exmaple}}".into())
        );
        assert!(
            parse("{{#output x:main}}")
                .unwrap_err()
                .contains("no anchor")
        );
        assert!(parse("{{#example}}").unwrap_err().contains("needs a name"));
        assert_eq!(parse("{{#endtabs }}"), Ok(Directive::Tabs));
    }

    #[test]
    fn anchors_need_both_ends() {
        assert!(has_anchor(
            "// ANCHOR: main\nx\n// ANCHOR_END: main\n",
            "main"
        ));
        assert!(has_anchor(
            "# ANCHOR: main\nx\n# ANCHOR_END: main\n",
            "main"
        ));
        assert!(!has_anchor("// ANCHOR: main\nx\n", "main"));
        assert!(!has_anchor(
            "// ANCHOR: mainly\n// ANCHOR_END: mainly\n",
            "main"
        ));
    }

    #[test]
    fn the_css_styles_every_class_the_preprocessor_writes() {
        let css =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../theme/course.css"))
                .unwrap();
        for name in class::ALL {
            assert!(
                css.contains(&format!(".{name}")),
                "theme/course.css does not style .{name}"
            );
        }
    }
}
