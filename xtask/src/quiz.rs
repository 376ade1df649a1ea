//! The "Check yourself" quizzes: `quizzes/CHAPTER-PAGE.toml` belongs to
//! `src/CHAPTER/PAGE.md` (one folder, so that every quiz has a name of its
//! own: mdbook-quiz keeps a reader's answers under the file's stem), in
//! mdbook-quiz's format, and the preprocessor puts
//! it at the end of its page (mdbook-quiz renders it). This module says which
//! pages need one and checks every quiz file, so that an answer a program
//! can give is the program's:
//!
//! - `course.compiles = "NAME"`: the answer says whether program NAME
//!   compiles (`It compiles…` / `It does not compile…`), and it must agree
//!   with the program: an example compiles, `examples/compile_fail/NAME.rs`
//!   does not (and an error code the answer names must be the one declared).
//! - `course.prints = "NAME"`: every answer is a ```text block that example
//!   NAME's checked expectation accepts, every distractor one it rejects.
//!
//! Only multiple-choice questions: mdbook-quiz checks a "Tracing" question by
//! compiling its program with a bare `rustc` (edition 2015, no crates, no
//! time limit), and that program would be code typed into the quiz, not a
//! file the test suite runs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mdbook_quiz_schema::{Markdown, MultipleChoiceAnswerFormat, Question, Quiz};

use course_kit::diagnostic::Diagnostic;

use crate::examples::{CompileFail, Example};
use crate::expect::text_matches;

/// Where the quizzes live, from the root.
pub const QUIZ_DIR: &str = "quizzes";

/// How many questions a quiz has: short enough to take at the end of a page.
pub const QUESTIONS: std::ops::RangeInclusive<usize> = 2..=5;

/// Whether the page (relative to `src/`) teaches, and so ends with a quiz:
/// every page but the title page, the chapters' openings and the exercises.
pub fn teaches(page: &str) -> bool {
    let name = page.rsplit('/').next().unwrap_or(page);
    page.contains('/')
        && !matches!(name, "index.md" | "exercises.md")
        && !page.contains("/exercises/")
}

/// The quiz file of a page: `threads/spawn-join.md` → `quizzes/threads-spawn-join.toml`.
pub fn quiz_file(page: &str) -> String {
    format!(
        "{QUIZ_DIR}/{}.toml",
        page.trim_end_matches(".md").replace('/', "-")
    )
}

/// The `{{#quiz …}}` line mdbook-quiz expands, with the path relative to the
/// page's folder (as mdbook-quiz reads it), under a heading of its own.
pub fn quiz_section(page: &str) -> String {
    let depth = page.matches('/').count() + 1;
    format!(
        "\n\n## Check yourself\n\n{{{{#quiz {}{}}}}}\n",
        "../".repeat(depth),
        quiz_file(page)
    )
}

/// The programs a quiz may point at.
pub struct Programs<'a> {
    pub examples: &'a [Example],
    pub compile_fail: &'a [CompileFail],
}

/// Checks every quiz against the pages (`pages`: every page the summary
/// lists, relative to `src/`) and the programs; all problems at once.
pub fn check(root: &Path, pages: &[String], programs: &Programs<'_>) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut ids: BTreeMap<String, PathBuf> = BTreeMap::new();
    for page in pages.iter().filter(|page| teaches(page)) {
        let file = root.join(quiz_file(page));
        match std::fs::read_to_string(&file) {
            Ok(text) => problems.extend(
                check_quiz(&text, programs, &mut ids, &file)
                    .into_iter()
                    .map(|(line, why)| Diagnostic::at(&file, line, why)),
            ),
            Err(_) => problems.push(Diagnostic::file(
                root.join("src").join(page),
                format!(
                    "this page teaches but has no quiz: write {} (2 to 5 questions; see CONTRIBUTING.md)",
                    quiz_file(page)
                ),
            )),
        }
    }
    let wanted: Vec<PathBuf> = pages
        .iter()
        .filter(|page| teaches(page))
        .map(|page| root.join(quiz_file(page)))
        .collect();
    // mdbook-quiz keeps a reader's answers under the file's name: two pages
    // with one quiz name would show each other's answers.
    for (index, file) in wanted.iter().enumerate() {
        if wanted[..index].contains(file) {
            problems.push(Diagnostic::file(
                file,
                "two teaching pages map to this one quiz file: rename one of them",
            ));
        }
    }
    for stray in quiz_files(&root.join(QUIZ_DIR)) {
        if !wanted.contains(&stray) {
            problems.push(Diagnostic::file(
                &stray,
                "belongs to no teaching page: the quiz of src/CHAPTER/PAGE.md is quizzes/CHAPTER-PAGE.toml",
            ));
        }
    }
    problems
}

/// Everything in `quizzes/` (files and folders alike: the folder is flat).
fn quiz_files(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    found.sort();
    found
}

/// One quiz file's problems, each with its line (1-based; 1 for the file).
fn check_quiz(
    text: &str,
    programs: &Programs<'_>,
    ids: &mut BTreeMap<String, PathBuf>,
    file: &Path,
) -> Vec<(usize, String)> {
    let quiz: Quiz = match toml::from_str(text) {
        Ok(quiz) => quiz,
        Err(e) => return vec![(1, format!("not a quiz in mdbook-quiz's format: {e}"))],
    };
    // The same text as plain TOML, for the course's own keys.
    let raw: toml::Table = toml::from_str(text).unwrap_or_default();
    let raw_questions = raw
        .get("questions")
        .and_then(|q| q.as_array())
        .cloned()
        .unwrap_or_default();
    let mut problems = Vec::new();
    if !QUESTIONS.contains(&quiz.questions.len()) {
        problems.push((
            1,
            format!(
                "{} questions: a quiz has {} to {}",
                quiz.questions.len(),
                QUESTIONS.start(),
                QUESTIONS.end()
            ),
        ));
    }
    for (index, (question, raw)) in quiz.questions.iter().zip(&raw_questions).enumerate() {
        let line = question_line(text, index);
        let mut say = |why: String| problems.push((line, format!("question {}: {why}", index + 1)));
        let Question::MultipleChoice(choice) = question else {
            say("only MultipleChoice questions (see xtask/src/quiz.rs for why)".into());
            continue;
        };
        let fields = &choice.0;
        match &fields.id {
            None => say("no id: give it one (mdbook-quiz would write one into the file)".into()),
            Some(id) => {
                if let Some(other) = ids.insert(id.clone(), file.to_path_buf()) {
                    say(format!("id {id:?} is also used in {}", other.display()));
                }
            }
        }
        if fields
            .context
            .as_ref()
            .is_none_or(|c| c.0.trim().is_empty())
        {
            say("no context: say why the answer is right, shown after answering".into());
        }
        let answers: Vec<&str> = match &fields.answer.answer {
            MultipleChoiceAnswerFormat::Single(answer) => vec![answer.0.as_str()],
            MultipleChoiceAnswerFormat::Multi(answers) => {
                answers.iter().map(|a| a.0.as_str()).collect()
            }
        };
        let distractors: Vec<&str> = fields
            .prompt
            .distractors
            .iter()
            .map(|d| d.0.as_str())
            .collect();
        if distractors.is_empty() {
            say("no distractors: a multiple-choice question needs wrong options".into());
        }
        let course = raw.get("course").and_then(|c| c.as_table());
        let prints = course
            .and_then(|c| c.get("prints"))
            .and_then(|v| v.as_str());
        let compiles = course
            .and_then(|c| c.get("compiles"))
            .and_then(|v| v.as_str());
        if let Some(key) = course.and_then(|c| {
            c.keys()
                .find(|k| !matches!(k.as_str(), "prints" | "compiles"))
        }) {
            say(format!(
                "unknown key course.{key}: course.prints or course.compiles"
            ));
        }
        // Code on a page comes from a file: a quiz may show program output
        // (checked below), never a program typed into it.
        let mut texts: Vec<(&str, &Markdown)> = vec![("the prompt", &fields.prompt.prompt)];
        texts.extend(fields.context.iter().map(|c| ("the context", c)));
        let options: Vec<&str> = answers.iter().chain(&distractors).copied().collect();
        for (what, markdown) in &texts {
            if markdown.0.contains("```") {
                say(format!(
                    "{what} holds a code block: show programs on the page, through their files"
                ));
            }
        }
        if prints.is_none() && options.iter().any(|o| o.contains("```")) {
            say("an option holds a code block: only a course.prints question shows output".into());
        }
        if let Some(name) = prints {
            problems_of_prints(
                name,
                &fields.prompt.prompt.0,
                &answers,
                &distractors,
                programs,
            )
            .into_iter()
            .for_each(&mut say);
        }
        if let Some(name) = compiles {
            problems_of_compiles(
                name,
                &fields.prompt.prompt.0,
                &answers,
                &distractors,
                programs,
            )
            .into_iter()
            .for_each(&mut say);
        }
    }
    problems
}

/// The line of the `index`th `[[questions]]`.
fn question_line(text: &str, index: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.trim() == "[[questions]]")
        .nth(index)
        .map_or(1, |(n, _)| n + 1)
}

/// The text inside a ```text block, or `None` if the option is not one.
fn output_block(option: &str) -> Option<String> {
    let inner = option
        .trim()
        .strip_prefix("```text\n")?
        .strip_suffix("```")?;
    Some(inner.to_owned())
}

fn problems_of_prints(
    name: &str,
    prompt: &str,
    answers: &[&str],
    distractors: &[&str],
    programs: &Programs<'_>,
) -> Vec<String> {
    let Some(example) = programs.examples.iter().find(|e| e.name == name) else {
        return vec![format!("course.prints names {name:?}, which is no example")];
    };
    let mut problems = Vec::new();
    if !prompt.contains(&format!("`{name}`")) {
        problems.push(format!("the prompt must name the program as `{name}`"));
    }
    let expected = example.expected.for_rust().stdout;
    for (option, should_match) in answers
        .iter()
        .map(|a| (a, true))
        .chain(distractors.iter().map(|d| (d, false)))
    {
        let Some(output) = output_block(option) else {
            problems.push(format!(
                "each option of a course.prints question is a ```text block of output; this one is not: {option:?}"
            ));
            continue;
        };
        match (text_matches(&expected, &output), should_match) {
            (true, false) => problems.push(format!(
                "a distractor is an output that {name} can print (its expectation accepts it):\n{output}"
            )),
            (false, true) => problems.push(format!(
                "an answer is an output that {name} cannot print (its expectation, {}, rejects it):\n{output}",
                example.expected_path.display()
            )),
            _ => {}
        }
    }
    problems
}

const COMPILES: &str = "It compiles";
const DOES_NOT_COMPILE: &str = "It does not compile";

fn problems_of_compiles(
    name: &str,
    prompt: &str,
    answers: &[&str],
    distractors: &[&str],
    programs: &Programs<'_>,
) -> Vec<String> {
    let failing = programs.compile_fail.iter().find(|p| p.name == name);
    let compiling = programs.examples.iter().any(|e| e.name == name);
    if failing.is_none() && !compiling {
        return vec![format!(
            "course.compiles names {name:?}, which is neither an example nor a program of examples/compile_fail/"
        )];
    }
    let mut problems = Vec::new();
    if !prompt.contains(&format!("`{name}`")) {
        problems.push(format!("the prompt must name the program as `{name}`"));
    }
    if answers.len() != 1 {
        problems.push("a course.compiles question has one answer".into());
    }
    let declared = failing.map(|p| p.error_code.as_str());
    let verdict_of = |option: &str| -> Option<bool> {
        if option.starts_with(DOES_NOT_COMPILE) {
            Some(false)
        } else if option.starts_with(COMPILES) {
            Some(true)
        } else {
            None
        }
    };
    let codes_in = |option: &str| -> Vec<String> {
        option
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| {
                w.len() == 5 && w.starts_with('E') && w[1..].chars().all(|c| c.is_ascii_digit())
            })
            .map(str::to_owned)
            .collect()
    };
    // Right: the verdict matches, and any error code named is the declared one.
    let right = |option: &str| -> Option<bool> {
        let says_compiles = verdict_of(option)?;
        Some(match declared {
            None => says_compiles,
            Some(code) => !says_compiles && codes_in(option).iter().all(|c| c == code),
        })
    };
    for (option, should_be_right) in answers
        .iter()
        .map(|a| (a, true))
        .chain(distractors.iter().map(|d| (d, false)))
    {
        match right(option) {
            None => problems.push(format!(
                "each option of a course.compiles question starts with {COMPILES:?} or {DOES_NOT_COMPILE:?}; this one does not: {option:?}"
            )),
            Some(is_right) if is_right != should_be_right => problems.push(format!(
                "{} {option:?} disagrees with the program: {name} {}",
                if should_be_right { "the answer" } else { "the distractor" },
                match declared {
                    Some(code) => format!("does not compile ({code}, examples/compile_fail/{name}.rs)"),
                    None => "compiles (it is an example the tests run)".to_owned(),
                }
            )),
            Some(_) => {}
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expect::ExpectationFile;

    fn programs() -> (Vec<Example>, Vec<CompileFail>) {
        let example = Example {
            name: "count".into(),
            rust: "/c/examples/count.rs".into(),
            python: None,
            expected_path: "/c/examples/count.expected.toml".into(),
            expected: ExpectationFile::parse(
                "stdout = \"[any order]\\nw 0: done\\nw 1: done\\n[end]\\ntotal = 2\\n\"",
            )
            .unwrap(),
        };
        let failing = CompileFail {
            name: "borrow".into(),
            source: "/c/examples/compile_fail/borrow.rs".into(),
            stderr: "/c/examples/compile_fail/borrow.stderr".into(),
            error_code: "E0373".into(),
        };
        (vec![example], vec![failing])
    }

    fn problems(quiz: &str) -> Vec<String> {
        let (examples, compile_fail) = programs();
        let programs = Programs {
            examples: &examples,
            compile_fail: &compile_fail,
        };
        check_quiz(quiz, &programs, &mut BTreeMap::new(), Path::new("q.toml"))
            .into_iter()
            .map(|(line, why)| format!("{line}: {why}"))
            .collect()
    }

    const GOOD: &str = r#"
[[questions]]
id = "t-1"
type = "MultipleChoice"
prompt.prompt = "Which of these can `count` print?"
prompt.distractors = ["```text\nw 0: done\ntotal = 2\n```"]
answer.answer = ["```text\nw 1: done\nw 0: done\ntotal = 2\n```", "```text\nw 0: done\nw 1: done\ntotal = 2\n```"]
context = "The workers finish in any order; the total comes after both."
course.prints = "count"

[[questions]]
id = "t-2"
type = "MultipleChoice"
prompt.prompt = "Does `borrow` compile?"
prompt.distractors = ["It compiles.", "It does not compile: E0499, two mutable borrows."]
answer.answer = "It does not compile: E0373, the closure may outlive the borrowed value."
context = "`thread::spawn` wants a `'static` closure."
course.compiles = "borrow"
"#;

    #[test]
    fn a_quiz_that_agrees_with_its_programs_passes() {
        assert_eq!(problems(GOOD), Vec::<String>::new());
    }

    #[test]
    fn an_answer_the_program_contradicts_is_named_with_its_line() {
        let wrong_output = GOOD.replace(
            "total = 2\\n```\", \"```text\\nw 0",
            "total = 3\\n```\", \"```text\\nw 0",
        );
        let found = problems(&wrong_output);
        assert!(
            found
                .iter()
                .any(|p| p
                    .starts_with("2: question 1: an answer is an output that count cannot print")),
            "{found:?}"
        );

        let can_print = GOOD.replace(
            "[\"```text\\nw 0: done\\ntotal = 2\\n```\"]",
            "[\"```text\\nw 0: done\\nw 1: done\\ntotal = 2\\n```\"]",
        );
        let found = problems(&can_print);
        assert!(
            found
                .iter()
                .any(|p| p.contains("a distractor is an output that count can print")),
            "{found:?}"
        );

        let compiles = GOOD.replace(
            "answer.answer = \"It does not compile: E0373",
            "answer.answer = \"It compiles: E0373",
        );
        let found = problems(&compiles);
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("11: question 2: the answer")
                    && p.contains("does not compile (E0373")),
            "{found:?}"
        );

        let other_code = GOOD.replace("It does not compile: E0373", "It does not compile: E0382");
        let found = problems(&other_code);
        assert!(found.iter().any(|p| p.contains("the answer")), "{found:?}");
    }

    #[test]
    fn shape_problems_are_named() {
        let found = problems(&GOOD.replace("id = \"t-2\"\n", ""));
        assert!(found.iter().any(|p| p.contains("no id")), "{found:?}");
        let found = problems(&GOOD.replace(
            "context = \"`thread::spawn` wants a `'static` closure.\"\n",
            "",
        ));
        assert!(found.iter().any(|p| p.contains("no context")), "{found:?}");
        let found = problems(&GOOD.replace(
            "Does `borrow` compile?",
            "Does it compile?\\n```rust\\nfn main() {}\\n```",
        ));
        assert!(
            found
                .iter()
                .any(|p| p.contains("the prompt holds a code block")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p.contains("must name the program as `borrow`")),
            "{found:?}"
        );
        let found =
            problems(&GOOD.replace("course.prints = \"count\"", "course.prints = \"nothing\""));
        assert!(
            found.iter().any(|p| p.contains("which is no example")),
            "{found:?}"
        );
        let one = GOOD.split("\n[[questions]]\nid = \"t-2\"").next().unwrap();
        assert!(
            problems(one)
                .iter()
                .any(|p| p.contains("1 questions: a quiz has 2 to 5"))
        );
        assert!(
            problems("questions = 3")
                .iter()
                .any(|p| p.contains("not a quiz in mdbook-quiz's format"))
        );
        let tracing = "[[questions]]\nid = \"x\"\ntype = \"Tracing\"\nprompt.program = \"fn main() {}\"\nanswer.doesCompile = true\nanswer.stdout = \"\"\n";
        assert!(
            problems(tracing)
                .iter()
                .any(|p| p.contains("only MultipleChoice"))
        );
    }

    #[test]
    fn which_pages_teach_and_where_their_quiz_goes() {
        assert!(teaches("threads/spawn-join.md"));
        assert!(!teaches("README.md"));
        assert!(!teaches("threads/index.md"));
        assert!(!teaches("threads/exercises.md"));
        assert!(!teaches("threads/exercises/threads_sum_five.md"));
        assert_eq!(
            quiz_file("threads/spawn-join.md"),
            "quizzes/threads-spawn-join.toml"
        );
        assert!(
            quiz_section("threads/spawn-join.md")
                .contains("{{#quiz ../../quizzes/threads-spawn-join.toml}}")
        );
    }
}
