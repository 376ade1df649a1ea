//! `cargo grade --watch [NAME]`: grades an exercise again each time its file
//! is saved (events are debounced, so an editor's burst of writes grades
//! once). Without NAME, whichever exercise was saved is graded. On a
//! terminal the screen is cleared before each grading, as rustlings does, so
//! that what is shown is only the latest verdict.

use crate::list;
use crate::manifest::{Exercise, Manifest, Repo};
use crate::ui;
use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

const DEBOUNCE: Duration = Duration::from_millis(250);

/// When a file was last written, and its size. Watchers also report files
/// being opened (the build reads the exercise), which must not regrade:
/// a save changes this, a read does not.
type Stamp = Option<(SystemTime, u64)>;

fn stamp(path: &Path) -> Stamp {
    let meta = fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// The stamps of an exercise's own file and its tests.
fn stamps(repo: &Repo, ex: &Exercise) -> (Stamp, Stamp) {
    (stamp(&repo.learner_file(ex)), stamp(&repo.tests_file(ex)))
}

pub fn watch(repo: &Repo, manifest: &Manifest, only: Option<&Exercise>) -> ExitCode {
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = match new_debouncer(DEBOUNCE, tx) {
        Ok(debouncer) => debouncer,
        Err(e) => {
            eprintln!("Cannot watch files: {e}");
            return ExitCode::FAILURE;
        }
    };
    let folder = repo.root.join("exercises");
    if let Err(e) = debouncer.watcher().watch(&folder, RecursiveMode::Recursive) {
        eprintln!("Cannot watch {}: {e}", repo.rel(&folder));
        return ExitCode::FAILURE;
    }

    let mut graded: HashMap<&str, (Stamp, Stamp)> = manifest
        .exercises
        .iter()
        .map(|ex| (ex.name.as_str(), stamps(repo, ex)))
        .collect();
    clear_screen();
    match only {
        Some(ex) => {
            list::one(repo, manifest, ex, false);
        }
        None => {
            list::overview(repo, manifest, false);
        }
    }
    let waiting = || {
        let what = only.map_or("an exercise".to_owned(), |ex| {
            repo.rel(&repo.learner_file(ex))
        });
        println!(
            "\n{}",
            ui::dim(&format!("Watching: save {what} to grade it. Ctrl-C stops."))
        );
    };
    waiting();

    for result in rx {
        let events = match result {
            Ok(events) => events,
            Err(e) => {
                eprintln!("Watching failed: {e}");
                continue;
            }
        };
        let changed: BTreeSet<&str> = events
            .iter()
            .filter_map(|event| exercise_of(repo, manifest, &event.path))
            .filter(|name| only.is_none_or(|ex| ex.name == *name))
            .collect();
        let mut any = false;
        for name in changed {
            let ex = manifest.find(name).expect("names come from the manifest");
            let now = stamps(repo, ex);
            if graded.get(name) == Some(&now) {
                continue;
            }
            graded.insert(name, now);
            if !any {
                clear_screen();
            } else {
                println!("\n{}", ui::dim(&"─".repeat(60)));
            }
            any = true;
            list::one(repo, manifest, ex, false);
        }
        if any {
            waiting();
        }
    }
    ExitCode::SUCCESS
}

/// Clears the terminal and its scrollback (`ESC[H ESC[2J ESC[3J`, what
/// rustlings writes); nothing when the output is not a terminal.
fn clear_screen() {
    if std::io::stdout().is_terminal() {
        print!("\u{1b}[H\u{1b}[2J\u{1b}[3J");
        let _ = std::io::stdout().flush();
    }
}

/// The exercise that a changed file belongs to: its own file or its tests.
fn exercise_of<'m>(repo: &Repo, manifest: &'m Manifest, path: &Path) -> Option<&'m str> {
    manifest
        .exercises
        .iter()
        .find(|ex| path == repo.learner_file(ex) || path == repo.tests_file(ex))
        .map(|ex| ex.name.as_str())
}
