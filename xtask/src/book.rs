//! The book checker: no untested code in `src/`.
//!
//! It parses every chapter with pulldown-cmark and fails, naming file and
//! line, on an inline code block, a directive or include whose file or
//! anchor is missing, an example that no chapter shows, and a teaching page
//! without a quiz or a quiz that its programs contradict (`quiz.rs`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use course_kit::Layout;
use course_kit::diagnostic::{Diagnostic, render_all};

use crate::directives::{self, Course, Directive};
use crate::examples;
use crate::quiz;
use crate::timeline;

/// A chapter file as listed in `src/SUMMARY.md`.
pub struct Chapter {
    /// Relative to `src/`, with `/` separators.
    pub path: String,
    pub text: String,
}

/// Checks the whole book; all problems at once.
pub fn check(root: &Path) -> Result<usize> {
    let examples = examples::discover(root)?;
    let compile_fail = examples::discover_compile_fail(root)?;
    let chapters = chapters(root)?;
    let layout = Layout::at(root);
    let mut problems: Vec<Diagnostic> = Vec::new();
    let mut shown = BTreeSet::new();
    let mut timelines_shown = BTreeSet::new();
    for chapter in &chapters {
        let file = layout.src_dir().join(&chapter.path);
        problems.extend(inline_code_blocks(&file, &chapter.text));
        let course = Course {
            root,
            examples: &examples,
            compile_fail: &compile_fail,
        };
        for found in directives::scan(&chapter.text) {
            let line = directives::line_of(&chapter.text, found.start);
            if let Ok(Directive::Timeline { id }) = Directive::parse(&found) {
                timelines_shown.insert(id);
            }
            match Directive::parse(&found).and_then(|d| d.validate(&course, &chapter.path)) {
                Ok(Some(name)) => {
                    shown.insert(name);
                }
                Ok(None) => {}
                Err(why) => problems.push(Diagnostic::at(&file, line, why)),
            }
        }
    }
    // Every timeline is shown on a page, and its trace bears out its claims
    // and draws its figure.
    for id in timeline::ids(root)? {
        let spec = timeline::file(root, &id, "toml");
        if !timelines_shown.contains(&id) {
            problems.push(Diagnostic::file(
                &spec,
                format!("no chapter shows this timeline; add {{{{#timeline {id}}}}} to a page"),
            ));
        }
        for problem in timeline::problems(root, &id) {
            problems.push(Diagnostic::file(&spec, problem));
        }
    }
    let pages: Vec<String> = chapters.iter().map(|c| c.path.clone()).collect();
    let programs = quiz::Programs {
        examples: &examples,
        compile_fail: &compile_fail,
    };
    problems.extend(quiz::check(root, &pages, &programs));
    for example in &examples {
        if !shown.contains(&example.name) {
            problems.push(Diagnostic::file(
                &example.rust,
                format!(
                    "no chapter shows this example; add {{{{#example {}}}}} to a page",
                    example.name
                ),
            ));
        }
    }
    for program in &compile_fail {
        if !shown.contains(&program.name) {
            problems.push(Diagnostic::file(
                &program.source,
                format!(
                    "no chapter shows this program; add {{{{#compile_fail {}}}}} to a page",
                    program.name
                ),
            ));
        }
    }
    if problems.is_empty() {
        return Ok(chapters.len());
    }
    bail!("{}", render_all(&problems, &layout))
}

/// The chapters named by `src/SUMMARY.md`, read; every `.md` in `src/` must
/// be one of them (an unlisted page would be built but never reached).
pub fn chapters(root: &Path) -> Result<Vec<Chapter>> {
    let src = root.join("src");
    let summary = std::fs::read_to_string(src.join("SUMMARY.md"))?;
    let mut problems = Vec::new();
    let mut chapters = Vec::new();
    for event in Parser::new(&summary) {
        if let Event::Start(Tag::Link { dest_url, .. }) = event {
            let path = dest_url.to_string();
            match std::fs::read_to_string(src.join(&path)) {
                Ok(text) if text.trim().is_empty() => {
                    problems.push(format!("src/{path}: empty page listed in src/SUMMARY.md"))
                }
                Ok(text) => chapters.push(Chapter { path, text }),
                Err(_) => problems.push(format!(
                    "src/SUMMARY.md: links to src/{path}, which does not exist"
                )),
            }
        }
    }
    let listed: BTreeSet<PathBuf> = chapters.iter().map(|c| src.join(&c.path)).collect();
    for page in markdown_files(&src)? {
        if !listed.contains(&page) && page.file_name().is_some_and(|n| n != "SUMMARY.md") {
            problems.push(format!("{}: not listed in src/SUMMARY.md", page.display()));
        }
    }
    if problems.is_empty() {
        Ok(chapters)
    } else {
        bail!("{}", problems.join("\n"))
    }
}

fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            found.extend(markdown_files(&path)?);
        } else if path.extension().is_some_and(|e| e == "md") {
            found.push(path);
        }
    }
    Ok(found)
}

/// A code block may hold only `{{#include}}` / `{{#rustdoc_include}}` lines.
fn inline_code_blocks(file: &Path, text: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut block: Option<(usize, String, String)> = None;
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => "indented".to_string(),
                };
                block = Some((range.start, lang, String::new()));
            }
            Event::Text(body) if block.is_some() => {
                if let Some((_, _, text)) = block.as_mut() {
                    text.push_str(&body);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                let Some((start, lang, body)) = block.take() else {
                    continue;
                };
                if !only_includes(&body) {
                    let line = directives::line_of(text, start);
                    let lang = if lang.is_empty() {
                        "no language"
                    } else {
                        &lang
                    };
                    problems.push(Diagnostic::at(
                        file,
                        line,
                        format!(
                            "inline code block ({lang}): show programs with \
                             {{{{#example NAME}}}} or include a file, so the test suite runs them"
                        ),
                    ));
                }
            }
            _ => {}
        }
    }
    problems
}

fn only_includes(body: &str) -> bool {
    let lines: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    !lines.is_empty()
        && lines.iter().all(|line| {
            let found = directives::scan(line);
            found.len() == 1
                && found[0].start == 0
                && found[0].end == line.len()
                && [directives::INCLUDE, directives::RUSTDOC_INCLUDE]
                    .contains(&found[0].kind.as_str())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_code_is_rejected_with_its_line() {
        let text = "# Title\n\nSome prose.\n\n```rust\nfn main() {}\n```\n";
        let problems = inline_code_blocks(Path::new("src/x.md"), text);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .to_string()
                .starts_with("src/x.md:5: inline code block (rust)"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn indented_code_is_rejected_too() {
        let problems = inline_code_blocks(Path::new("src/x.md"), "Prose.\n\n    let x = 1;\n");
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn include_only_blocks_pass() {
        let text = "```rust\n{{#include ../../solutions/threads/x.rs}}\n```\n";
        assert!(inline_code_blocks(Path::new("src/x.md"), text).is_empty());
        let mixed = "```rust\n{{#include ../x.rs}}\nlet y = 2;\n```\n";
        assert_eq!(inline_code_blocks(Path::new("src/x.md"), mixed).len(), 1);
    }
}
