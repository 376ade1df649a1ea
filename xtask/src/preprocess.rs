//! The mdBook preprocessor behind `[preprocessor.course]` in `book.toml`,
//! on the `mdbook-preprocessor` crate of the pinned mdBook: it replaces the
//! course's directives in every chapter with what
//! [`Directive::expand`](crate::directives::Directive::expand) makes of
//! them, so every program on a page is read from its file and says how to
//! run it.

use std::path::Path;

use anyhow::{Result, bail};
use mdbook_preprocessor::book::{Book, BookItem};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

use crate::directives::{self, Course, Directive};
use crate::examples;
use crate::quiz;

/// The course's preprocessor, for a course at `root`.
pub struct CoursePreprocessor<'a> {
    pub root: &'a Path,
}

impl Preprocessor for CoursePreprocessor<'_> {
    fn name(&self) -> &str {
        "course"
    }

    fn run(
        &self,
        _: &PreprocessorContext,
        mut book: Book,
    ) -> mdbook_preprocessor::errors::Result<Book> {
        let examples = examples::discover(self.root)?;
        let compile_fail = examples::discover_compile_fail(self.root)?;
        let course = Course {
            root: self.root,
            examples: &examples,
            compile_fail: &compile_fail,
        };
        let mut problems = Vec::new();
        book.for_each_mut(|item| {
            let BookItem::Chapter(chapter) = item else {
                return;
            };
            let Some(path) = &chapter.path else {
                return;
            };
            let page = path.display().to_string();
            match expand_page(&course, &page, &chapter.content) {
                Ok(expanded) => {
                    chapter.content = expanded;
                    // The page's quiz, if it has one (mdbook-quiz, which
                    // runs after us, expands it; the book checker says
                    // which teaching pages lack one).
                    if quiz::teaches(&page) && self.root.join(quiz::quiz_file(&page)).is_file() {
                        chapter.content.push_str(&quiz::quiz_section(&page));
                    }
                }
                Err(errors) => {
                    problems.extend(errors.into_iter().map(|e| format!("src/{page}: {e}")))
                }
            }
        });
        if !problems.is_empty() {
            bail!("{}", problems.join("\n"));
        }
        Ok(book)
    }
}

/// Reads `[context, book]` from stdin, writes the expanded book to stdout.
pub fn run(root: &Path) -> Result<()> {
    let (context, book) = mdbook_preprocessor::parse_input(std::io::stdin())?;
    let book = CoursePreprocessor { root }.run(&context, book)?;
    serde_json::to_writer(std::io::stdout(), &book)?;
    Ok(())
}

/// The second pass, after mdbook-quiz (`[preprocessor.quiz-assets]`): reads
/// `[context, book]` from stdin and writes the book back without the
/// `<script>` and `<link>` that mdbook-quiz appends to every page with a
/// quiz. book.toml loads both once per page instead (`additional-js`,
/// `additional-css`): print.html holds every page, and ran the script once
/// per quiz, each run rendering every quiz (5 s to load instead of 0.5).
pub fn run_after_quiz() -> Result<()> {
    let (_, mut book) = mdbook_preprocessor::parse_input(std::io::stdin())?;
    book.for_each_mut(|item| {
        if let BookItem::Chapter(chapter) = item {
            chapter.content = without_quiz_assets(&chapter.content);
        }
    });
    serde_json::to_writer(std::io::stdout(), &book)?;
    Ok(())
}

/// `content` without mdbook-quiz's `<script …quiz/quiz-embed.iife.js…>` and
/// `<link …quiz/style.css>` tags.
pub fn without_quiz_assets(content: &str) -> String {
    let mut out = content.to_owned();
    for (open, ends_with, close) in [
        (
            "<script type=\"text/javascript\" src=\"",
            "quiz/quiz-embed.iife.js\">",
            "</script>",
        ),
        (
            "<link rel=\"stylesheet\" type=\"text/css\" href=\"",
            "quiz/style.css\">",
            "",
        ),
    ] {
        while let Some(start) = out.find(open) {
            let rest = &out[start + open.len()..];
            let Some(at) = rest.find(ends_with) else {
                break;
            };
            // The path between is only `../` steps.
            if !rest[..at].chars().all(|c| c == '.' || c == '/') {
                break;
            }
            let mut end = start + open.len() + at + ends_with.len();
            if out[end..].starts_with(close) {
                end += close.len();
            }
            out.replace_range(start..end, "");
        }
    }
    out
}

/// One page (`page` relative to `src/`) with the course's directives
/// expanded; every directive that cannot be is an error.
pub fn expand_page(course: &Course<'_>, page: &str, content: &str) -> Result<String, Vec<String>> {
    let mut out = String::with_capacity(content.len());
    let mut errors = Vec::new();
    let mut copied_to = 0;
    for found in directives::scan(content) {
        let expanded = Directive::parse(&found).and_then(|d| d.expand(course, page));
        match expanded {
            Ok(Some(replacement)) => {
                out.push_str(&content[copied_to..found.start]);
                out.push_str(&replacement);
                copied_to = found.end;
            }
            Ok(None) => {}
            Err(why) => errors.push(why),
        }
    }
    out.push_str(&content[copied_to..]);
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quiz_assets_mdbook_quiz_appends_are_removed_and_nothing_else() {
        let page = "text\n\n<div class=\"quiz-placeholder\"></div>\n\n<script type=\"text/javascript\" src=\"../../quiz/quiz-embed.iife.js\"></script><link rel=\"stylesheet\" type=\"text/css\" href=\"../../quiz/style.css\">";
        assert_eq!(
            without_quiz_assets(page),
            "text\n\n<div class=\"quiz-placeholder\"></div>\n\n"
        );
        let other = "<script type=\"text/javascript\" src=\"../theme/tabs.js\"></script>";
        assert_eq!(without_quiz_assets(other), other);
    }
    use crate::examples::{CompileFail, Example};
    use crate::expect::ExpectationFile;
    use std::path::PathBuf;

    fn example(name: &str, twin: bool, toml: &str) -> Example {
        Example {
            name: name.into(),
            rust: PathBuf::from(format!("/c/examples/{name}.rs")),
            python: twin.then(|| PathBuf::from(format!("/c/examples/{name}.py"))),
            expected_path: PathBuf::from(format!("/c/examples/{name}.expected.toml")),
            expected: ExpectationFile::parse(toml).unwrap(),
        }
    }

    /// Expands `input` on `page` of a course with three examples and one
    /// compile-fail program.
    fn expand(page: &str, input: &str) -> Result<String, Vec<String>> {
        let examples = [
            example(
                "hello",
                true,
                "stdout = \"start\\n[any order]\\nw 0: hi\\nw 1: hi\\n[end]\\ntook [..] ms\\n\"",
            ),
            example(
                "solo",
                false,
                "stdout = \"x <y> & z\\n\"\nstderr = \"oops\\n\"\nexit_code = 101\n\
                 [python]\ntwin = false\nreason = \"no \\\"borrow\\\" in Python\"\n",
            ),
            example(
                "differs",
                true,
                "stdout = \"a\\n\"\n[python]\nreason = \"names\"\nstdout = \"b\\n\"\n",
            ),
        ];
        let compile_fail = [CompileFail {
            name: "borrow".into(),
            source: PathBuf::from("/c/examples/compile_fail/borrow.rs"),
            stderr: PathBuf::from("/c/examples/compile_fail/borrow.stderr"),
            error_code: "E0373".into(),
        }];
        let course = Course {
            root: Path::new("/c"),
            examples: &examples,
            compile_fail: &compile_fail,
        };
        expand_page(&course, page, input)
    }

    #[test]
    fn an_example_with_a_twin_becomes_two_tabs() {
        let out = expand(
            "threads/a.md",
            "Before.\n\n{{#example hello:main}}\n\nAfter.\n",
        )
        .unwrap();
        assert_eq!(
            out,
            "Before.\n\n\
             {{#tabs global=\"language\" }}\n{{#tab name=\"Rust\" }}\n\
             <p class=\"example-file\">File <code>examples/hello.rs</code> · run it with <code>cargo run --example hello</code></p>\n\n\
             ```rust\n{{#rustdoc_include ../../examples/hello.rs:main}}\n```\n\n{{#endtab }}\n\
             {{#tab name=\"Python\" }}\n\
             <p class=\"example-file\">File <code>examples/hello.py</code> · run it with <code>python3 examples/hello.py</code></p>\n\n\
             ```python\n{{#include ../../examples/hello.py:main}}\n```\n\n{{#endtab }}\n{{#endtabs }}\n\
             \n\nAfter.\n"
        );
    }

    #[test]
    fn an_example_without_a_twin_says_why() {
        let out = expand("intro.md", "{{#example solo}}").unwrap();
        assert_eq!(
            out,
            "<p class=\"example-file\">File <code>examples/solo.rs</code> · run it with <code>cargo run --example solo</code></p>\n\n\
             ```rust\n{{#rustdoc_include ../examples/solo.rs}}\n```\n\n\
             <p class=\"no-twin\">No Python twin: no &quot;borrow&quot; in Python</p>\n"
        );
    }

    #[test]
    fn an_output_marks_what_varies_and_names_both_commands() {
        let out = expand("threads/a.md", "{{#output hello}}").unwrap();
        assert_eq!(
            out,
            "<figure class=\"example-output\">\n<figcaption>Output of <code>cargo run --example hello</code> \
             and of its Python twin <code>python3 examples/hello.py</code>, recorded from a real run; \
             the lines with a bar can come in another order on every run; … stands for what differs \
             between runs or machines.</figcaption>\n\
             \n<pre><code>start\n<span class=\"any-order\">w 0: hi\nw 1: hi</span>\ntook … ms\n</code></pre>\n\n\
             </figure>\n"
        );
    }

    #[test]
    fn an_output_shows_stderr_the_exit_status_and_a_differing_twin() {
        let out = expand("a.md", "{{#output solo}}").unwrap();
        assert_eq!(
            out,
            "<figure class=\"example-output\">\n<figcaption>Output of <code>cargo run --example solo</code>, \
             recorded from a real run.</figcaption>\n\
             \n<pre><code>x &lt;y&gt; &amp; z\n</code></pre>\n\n\
             <p class=\"output-note\">and on stderr:</p>\n\
             \n<pre><code>oops\n</code></pre>\n\n\
             <p class=\"output-note\">exit status 101.</p>\n</figure>\n"
        );
        let differs = expand("a.md", "{{#output differs}}").unwrap();
        assert!(differs.contains("<p class=\"output-note\">The Python twin differs: names</p>"));
        assert!(!differs.contains("python3 examples/differs.py"));
    }

    #[test]
    fn a_compile_fail_program_shows_rustc_s_error() {
        let out = expand("threads/move.md", "{{#compile_fail borrow}}").unwrap();
        assert_eq!(
            out,
            "<p class=\"example-file\">File <code>examples/compile_fail/borrow.rs</code> · does not compile \
             (<code>E0373</code>); see for yourself with <code>cargo xtask compile-fail borrow</code></p>\n\n\
             ```rust,compile_fail\n{{#rustdoc_include ../../examples/compile_fail/borrow.rs}}\n```\n\n\
             <p class=\"compiler-says\">What <code>rustc</code> says (generated from a real build):</p>\n\n\
             ```text\n{{#include ../../examples/compile_fail/borrow.stderr}}\n```\n"
        );
    }

    #[test]
    fn mdbook_s_own_and_escaped_directives_are_left_alone() {
        let input = "```rust\n{{#include ../x.rs:main}}\n```\n\\{{#example hello}}\n{{#tabs }}{{#endtabs }}\n";
        assert_eq!(expand("a.md", input).unwrap(), input);
    }

    #[test]
    fn every_bad_directive_of_a_page_is_reported() {
        let errors =
            expand("a.md", "{{#example nope}} {{#output}} {{#exmaple hello}}").unwrap_err();
        assert_eq!(
            errors,
            [
                "no example examples/nope.rs",
                "{{#output}} needs a name",
                "unknown directive {{#exmaple}}"
            ]
        );
    }
}
