//! `cargo grade reset NAME`: puts the original stub back, only after the
//! learner says yes at a terminal, and keeps what it replaced in
//! `exercises/.backups/`.

use crate::grade;
use crate::manifest::{Exercise, Repo};
use std::fs;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

pub fn reset(repo: &Repo, ex: &Exercise) -> ExitCode {
    let file = repo.learner_file(ex);
    let shown = repo.rel(&file);
    let stub = match grade::stub_text(repo, ex) {
        Ok(stub) => stub,
        Err(why) => {
            eprintln!("Cannot make the stub: {why}");
            return ExitCode::FAILURE;
        }
    };
    let current = fs::read_to_string(&file).ok();
    if current
        .as_deref()
        .is_some_and(|text| crate::stub::is_untouched(text, &stub))
    {
        println!("{shown} is already the original stub: nothing to reset.");
        return ExitCode::SUCCESS;
    }
    let backup = current.as_ref().map(|_| backup_path(repo, ex));

    let question = match &backup {
        Some(backup) => format!(
            "Replace {shown} with the original stub? Your version will be kept as {}.",
            repo.rel(backup)
        ),
        None => format!("{shown} does not exist. Restore the original stub?"),
    };
    if !io::stdin().is_terminal() {
        eprintln!(
            "{question}\nRefusing: `reset` asks before it replaces anything, and there is no terminal to ask on. Nothing changed."
        );
        return ExitCode::FAILURE;
    }
    print!("{question} [y/N] ");
    let _ = io::stdout().flush();
    let mut answer = String::new();
    match io::stdin().lock().read_line(&mut answer) {
        Ok(0) | Err(_) => {
            println!("\nNo answer: nothing changed.");
            return ExitCode::FAILURE;
        }
        Ok(_) => {}
    }
    if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
        println!("Nothing changed.");
        return ExitCode::SUCCESS;
    }

    if let (Some(text), Some(backup)) = (&current, &backup) {
        let saved = backup
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::write(backup, text))
            .and_then(|()| fs::read_to_string(backup));
        if saved.ok().as_ref() != Some(text) {
            eprintln!(
                "Could not save your version to {}: nothing changed.",
                repo.rel(backup)
            );
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = file
        .parent()
        .map_or(Ok(()), fs::create_dir_all)
        .and_then(|()| fs::write(&file, &stub))
    {
        eprintln!("Could not write {shown}: {e}");
        return ExitCode::FAILURE;
    }
    match &backup {
        Some(backup) => println!(
            "{shown} is the original stub again; your version is in {}.",
            repo.rel(backup)
        ),
        None => println!("{shown} is the original stub again."),
    }
    ExitCode::SUCCESS
}

/// `exercises/.backups/CHAPTER/NAME.SECONDS.rs`, never one that exists.
fn backup_path(repo: &Repo, ex: &Exercise) -> PathBuf {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let dir = repo.backup_dir().join(&ex.chapter);
    let mut path = dir.join(format!("{}.{seconds}.rs", ex.name));
    let mut n = 1;
    while path.exists() {
        path = dir.join(format!("{}.{seconds}-{n}.rs", ex.name));
        n += 1;
    }
    path
}
