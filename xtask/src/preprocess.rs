//! The mdBook preprocessor behind `[preprocessor.course]` in `book.toml`.
//!
//! It expands the course's directives into mdBook's own includes, so every
//! program on a page is read from its file and says how to run it:
//! - `{{#example NAME[:ANCHOR]}}`: Rust and Python tabs, each with its file
//!   name and the command that runs it;
//! - `{{#output NAME}}`: the output recorded from a real run;
//! - `{{#compile_fail NAME[:ANCHOR]}}`: the program and rustc's own error.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::directives::{self, Directive};
use crate::examples::{self, CompileFail, Example};
use crate::expect::{self, ExpectationFile};

/// Reads `[context, book]` from stdin, writes the expanded book to stdout.
pub fn run(root: &Path) -> Result<()> {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;
    let mut pair: Value =
        serde_json::from_str(&input).context("mdBook sent JSON this preprocessor cannot read")?;
    let book = pair.get_mut(1).context("mdBook sent no book")?;
    let examples = examples::discover(root)?;
    let compile_fail = examples::discover_compile_fail(root)?;
    let expander = Expander {
        examples: &examples,
        compile_fail: &compile_fail,
    };
    let mut problems = Vec::new();
    visit_chapters(
        book,
        &mut |path, content| match expander.expand(path, content) {
            Ok(expanded) => *content = expanded,
            Err(error) => problems.push(format!("src/{path}: {error:#}")),
        },
    );
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    serde_json::to_writer(std::io::stdout(), book)?;
    Ok(())
}

/// Calls `f(path, content)` for every chapter with a source file, whatever
/// the nesting (`items` / `sections` / `sub_items`) of mdBook's JSON.
fn visit_chapters(value: &mut Value, f: &mut dyn FnMut(&str, &mut String)) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(chapter)) = map.get_mut("Chapter") {
                let path = chapter
                    .get("path")
                    .and_then(Value::as_str)
                    .map(str::to_string);
                if let (Some(path), Some(Value::String(content))) =
                    (path, chapter.get_mut("content"))
                {
                    f(&path, content);
                }
            }
            for (_, child) in map.iter_mut() {
                visit_chapters(child, f);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| visit_chapters(item, f)),
        _ => {}
    }
}

struct Expander<'a> {
    examples: &'a [Example],
    compile_fail: &'a [CompileFail],
}

impl Expander<'_> {
    /// Replaces the course's directives in one chapter (relative to `src/`).
    fn expand(&self, chapter_path: &str, content: &str) -> Result<String> {
        // From the chapter's folder back to the repository root.
        let depth = Path::new(chapter_path).components().count();
        let up = "../".repeat(depth);
        let mut out = String::with_capacity(content.len());
        let mut copied_to = 0;
        for directive in directives::scan(content) {
            let replacement = match directive.kind.as_str() {
                directives::EXAMPLE => self.example(&directive, &up)?,
                directives::OUTPUT => self.output(&directive)?,
                directives::COMPILE_FAIL => self.compile_fail(&directive, &up)?,
                _ => continue,
            };
            out.push_str(&content[copied_to..directive.start]);
            out.push_str(&replacement);
            copied_to = directive.end;
        }
        out.push_str(&content[copied_to..]);
        Ok(out)
    }

    fn find(&self, name: &str) -> Result<&Example> {
        self.examples
            .iter()
            .find(|e| e.name == name)
            .with_context(|| format!("no example examples/{name}.rs"))
    }

    fn example(&self, directive: &Directive, up: &str) -> Result<String> {
        let (name, anchor) = directives::split_anchor(&directive.arg);
        let example = self.find(name)?;
        let anchor = anchor.map(|a| format!(":{a}")).unwrap_or_default();
        let rust = format!(
            "<p class=\"example-file\">File <code>examples/{name}.rs</code> · \
             run it with <code>cargo run --example {name}</code></p>\n\n\
             ```rust\n{{{{#rustdoc_include {up}examples/{name}.rs{anchor}}}}}\n```\n"
        );
        if example.python.is_none() {
            let reason = example
                .expected
                .python
                .as_ref()
                .map(|p| p.reason.as_str())
                .unwrap_or_default();
            return Ok(format!(
                "{rust}\n<p class=\"no-twin\">No Python twin: {}</p>\n",
                html_escape(reason)
            ));
        }
        let python = format!(
            "<p class=\"example-file\">File <code>examples/{name}.py</code> · \
             run it with <code>python3 examples/{name}.py</code></p>\n\n\
             ```python\n{{{{#include {up}examples/{name}.py{anchor}}}}}\n```\n"
        );
        Ok(format!(
            "{{{{#tabs global=\"language\" }}}}\n{{{{#tab name=\"Rust\" }}}}\n{rust}\n{{{{#endtab }}}}\n\
             {{{{#tab name=\"Python\" }}}}\n{python}\n{{{{#endtab }}}}\n{{{{#endtabs }}}}\n"
        ))
    }

    fn output(&self, directive: &Directive) -> Result<String> {
        let example = self.find(directive.arg.trim())?;
        Ok(render_output(&example.name, &example.expected))
    }

    fn compile_fail(&self, directive: &Directive, up: &str) -> Result<String> {
        let (name, anchor) = directives::split_anchor(&directive.arg);
        let program = self
            .compile_fail
            .iter()
            .find(|p| p.name == name)
            .with_context(|| format!("no examples/compile_fail/{name}.rs"))?;
        let anchor = anchor.map(|a| format!(":{a}")).unwrap_or_default();
        Ok(format!(
            "<p class=\"example-file\">File <code>examples/compile_fail/{name}.rs</code> · \
             does not compile (<code>{code}</code>); see for yourself with \
             <code>cargo xtask compile-fail {name}</code></p>\n\n\
             ```rust,compile_fail\n{{{{#rustdoc_include {up}examples/compile_fail/{name}.rs{anchor}}}}}\n```\n\n\
             <p class=\"compiler-says\">What <code>rustc</code> says (generated from a real build):</p>\n\n\
             ```text\n{{{{#include {up}examples/compile_fail/{name}.stderr}}}}\n```\n",
            code = program.error_code,
        ))
    }
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
    let mut html = format!("<figure class=\"example-output\">\n<figcaption>{note}.</figcaption>\n");
    // Each <pre> starts its own raw-HTML block (after a blank line), which
    // CommonMark ends only at </pre>: a blank line of output inside must not
    // end it and hand the rest of the page to the markdown parser.
    html.push_str(&format!(
        "\n<pre><code>{}</code></pre>\n\n",
        render_lines(&expected.stdout)
    ));
    if !expected.stderr.is_empty() {
        html.push_str("<p class=\"output-note\">and on stderr:</p>\n");
        html.push_str(&format!(
            "\n<pre><code>{}</code></pre>\n\n",
            render_lines(&expected.stderr)
        ));
    }
    if expected.exit_code != 0 {
        html.push_str(&format!(
            "<p class=\"output-note\">exit status {}.</p>\n",
            expected.exit_code
        ));
    }
    if let Some(python) = &expected.python
        && python.twin
    {
        html.push_str(&format!(
            "<p class=\"output-note\">The Python twin differs: {}</p>\n",
            html_escape(&python.reason)
        ));
    }
    html.push_str("</figure>\n");
    html
}

fn render_lines(text: &str) -> String {
    let mut html = String::new();
    for line in text.lines() {
        match line {
            expect::ANY_ORDER => html.push_str("<span class=\"any-order\">"),
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
