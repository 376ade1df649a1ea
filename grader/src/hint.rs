//! `cargo grade hint NAME`: the next hint, one at a time. How many were
//! shown is remembered under `target/grader/state/`.

use crate::manifest::{Exercise, Repo};
use crate::state;
use crate::ui;
use std::process::ExitCode;

pub fn next(repo: &Repo, ex: &Exercise) -> ExitCode {
    let total = ex.hints.len();
    let shown = state::hints_shown(repo, ex);
    let solution_page = crate::book::page_name(repo, &repo.solution_page(ex));
    if shown >= total {
        println!(
            "{}\n",
            ui::bold(&format!(
                "All {total} hints for {} were shown; here they are again:",
                ex.name
            ))
        );
        for (i, hint) in ex.hints.iter().enumerate() {
            println!(
                "{}\n{}\n",
                ui::dim(&format!("Hint {}:", i + 1)),
                indent(hint)
            );
        }
        println!("Still stuck? {solution_page} explains a solution.");
        return ExitCode::SUCCESS;
    }
    let number = shown + 1;
    println!(
        "{}\n\n{}\n",
        ui::bold(&format!("Hint {number} of {total} for {}:", ex.name)),
        indent(&ex.hints[shown])
    );
    if number < total {
        println!("Another: `cargo grade hint {}`.", ex.name);
    } else {
        println!("That was the last hint. {solution_page} explains a solution.");
    }
    state::set_hints_shown(repo, ex, number);
    ExitCode::SUCCESS
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
