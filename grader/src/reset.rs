//! `cargo grade reset NAME`: puts the original stub back, only after the
//! learner says yes at a terminal (or gave `--yes`), and keeps what it
//! replaced in `exercises/.backups/`.

use crate::grade;
use crate::manifest::{Exercise, Repo};
use std::fs;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

pub fn reset(repo: &Repo, ex: &Exercise, yes: bool) -> ExitCode {
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
    if !yes {
        if !io::stdin().is_terminal() {
            eprintln!(
                "{question}\nRefusing: `reset` asks before it replaces anything, and there is no \
                 terminal to ask on. Nothing changed. (`cargo grade reset --yes {}` does not ask.)",
                ex.name
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

/// `exercises/.backups/CHAPTER/NAME.2026-11-23T03-40-12.rs` (local time),
/// never one that exists.
pub fn backup_path(repo: &Repo, ex: &Exercise) -> PathBuf {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let stamp = timestamp(seconds);
    let dir = repo.backup_dir().join(&ex.chapter);
    let mut path = dir.join(format!("{}.{stamp}.rs", ex.name));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{}.{stamp}-{n}.rs", ex.name));
        n += 1;
    }
    path
}

/// `2026-11-23T03-40-12`: local time where the system says what it is,
/// else UTC; no `:`, which some file systems refuse.
fn timestamp(seconds: u64) -> String {
    let (mut y, mut mo, mut d, mut h, mut mi, mut s) = civil(seconds);
    #[cfg(unix)]
    {
        let time = seconds as libc::time_t;
        // SAFETY: `localtime_r` writes only to the `tm` we give it.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        if !unsafe { libc::localtime_r(&time, &mut tm) }.is_null() {
            (y, mo, d) = (
                i64::from(tm.tm_year) + 1900,
                tm.tm_mon as u32 + 1,
                tm.tm_mday as u32,
            );
            (h, mi, s) = (tm.tm_hour as u32, tm.tm_min as u32, tm.tm_sec as u32);
        }
    }
    format!("{y:04}-{mo:02}-{d:02}T{h:02}-{mi:02}-{s:02}")
}

/// UTC date and time of a Unix time (Howard Hinnant's `civil_from_days`).
fn civil(seconds: u64) -> (i64, u32, u32, u32, u32, u32) {
    let days = (seconds / 86_400) as i64;
    let rest = seconds % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        year,
        month,
        day,
        (rest / 3600) as u32,
        (rest / 60 % 60) as u32,
        (rest % 60) as u32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates() {
        assert_eq!(civil(0), (1970, 1, 1, 0, 0, 0));
        // 2026-11-23T03:40:12Z
        assert_eq!(civil(1_795_405_212), (2026, 11, 23, 3, 40, 12));
        assert_eq!(civil(951_782_400), (2000, 2, 29, 0, 0, 0));
    }

    #[test]
    fn a_timestamp_reads_as_a_date() {
        let stamp = timestamp(1_795_405_212);
        assert_eq!(stamp.len(), "2026-11-23T03-40-12".len(), "{stamp}");
        assert!(stamp.starts_with("2026-11-2"), "{stamp}");
        assert!(!stamp.contains(':'));
    }
}
