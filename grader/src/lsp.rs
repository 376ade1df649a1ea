//! `cargo grade lsp`: lets rust-analyzer see the exercises, as rustlings'
//! `lsp` command does. The exercises are no part of the course's cargo
//! workspace (each one compiles on its own), so an editor opened on the
//! repository sees none of them. This writes `exercises/rust-project.json`,
//! rust-analyzer's description of a project that cargo does not build: the
//! support crate, and for each exercise its file as crate `exercise` and its
//! tests depending on it. An exercise with dependencies (tokio, rayon…) is
//! described by its generated cargo package instead, which cargo resolves.

use crate::manifest::{Manifest, Repo};
use crate::package::{self, Subject};
use serde_json::{Value, json};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The rust-project.json text for `manifest`, with paths relative to
/// `exercises/` (where the file goes).
pub fn project_json(repo: &Repo, manifest: &Manifest, sysroot: &Path) -> Value {
    let exercises = repo.root.join("exercises");
    let relative = |path: PathBuf| {
        path.strip_prefix(&exercises)
            .unwrap_or(&path)
            .display()
            .to_string()
    };
    let mut crates = vec![json!({
        "display_name": "exercise_support",
        "root_module": relative(repo.support_dir().join("src/lib.rs")),
        "edition": "2024",
        "deps": [],
        "cfg": [],
        "is_workspace_member": true,
    })];
    for ex in manifest
        .exercises
        .iter()
        .filter(|ex| ex.dependencies.is_empty())
    {
        let lib = crates.len();
        crates.push(json!({
            "display_name": "exercise",
            "root_module": relative(repo.learner_file(ex)),
            "edition": "2024",
            "deps": [],
            "cfg": [],
            "is_workspace_member": true,
        }));
        crates.push(json!({
            "display_name": ex.name,
            "root_module": relative(repo.tests_file(ex)),
            "edition": "2024",
            "deps": [
                { "crate": lib, "name": "exercise" },
                { "crate": 0, "name": "exercise_support" },
            ],
            // So that rust-analyzer analyses the `#[test]` functions.
            "cfg": ["test"],
            "is_workspace_member": true,
        }));
    }
    json!({
        "sysroot": sysroot.display().to_string(),
        "sysroot_src": sysroot.join("lib/rustlib/src/rust/library").display().to_string(),
        "crates": crates,
    })
}

pub fn lsp(repo: &Repo, manifest: &Manifest) -> ExitCode {
    let sysroot = course_kit::run::query(Command::new("rustc").args(["--print", "sysroot"]))
        .ok()
        .map(|out| out.trim().to_owned())
        .filter(|s| !s.is_empty());
    let Some(sysroot) = sysroot else {
        eprintln!("Cannot run `rustc --print sysroot`: is Rust installed and on PATH?");
        return ExitCode::FAILURE;
    };
    let sysroot = PathBuf::from(sysroot);
    let path = repo.root.join("exercises/rust-project.json");
    let text = serde_json::to_string_pretty(&project_json(repo, manifest, &sysroot))
        .expect("JSON values serialise");
    if let Err(e) = fs::write(&path, text + "\n") {
        eprintln!("Cannot write {}: {e}", repo.rel(&path));
        return ExitCode::FAILURE;
    }
    println!("Wrote {} for rust-analyzer.", repo.rel(&path));
    let mut linked = vec!["Cargo.toml".to_owned(), repo.rel(&path)];
    for ex in manifest
        .exercises
        .iter()
        .filter(|ex| !ex.dependencies.is_empty())
    {
        let dir = package::package_dir(repo, ex, &Subject::Learner);
        let written = fs::create_dir_all(&dir).and_then(|()| {
            let text = package::manifest_text(repo, ex, &Subject::Learner, &repo.learner_file(ex))
                .map_err(std::io::Error::other)?;
            fs::write(dir.join("Cargo.toml"), text)
        });
        match written {
            Ok(()) => linked.push(repo.rel(&dir.join("Cargo.toml"))),
            Err(e) => eprintln!("{}: cannot write its package: {e}", ex.name),
        }
    }
    if !sysroot.join("lib/rustlib/src/rust/library").is_dir() {
        println!(
            "rust-analyzer also needs the standard library's source: `rustup component add rust-src`."
        );
    }
    println!(
        "\nrust-analyzer reads it when it is told to. In VS Code, put this in \
         .vscode/settings.json (other editors have the same setting, `linkedProjects`):\n"
    );
    let setting = json!({ "rust-analyzer.linkedProjects": linked });
    println!(
        "{}",
        serde_json::to_string_pretty(&setting).expect("JSON values serialise")
    );
    println!(
        "\nThen restart rust-analyzer. Run `cargo grade lsp` again after adding exercises \
         (the file lists them)."
    );
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_exercise_is_a_crate_and_its_tests_depend_on_it() {
        let repo = Repo {
            root: PathBuf::from("/course"),
        };
        let manifest = Manifest::parse(
            "[[exercises]]\nname = \"threads_sum_five\"\nchapter = \"threads\"\ntitle = \"t\"\nhints = [\"h\"]\n\
             [[exercises]]\nname = \"async_fetch\"\nchapter = \"async\"\ntitle = \"t\"\nhints = [\"h\"]\ndependencies = [\"tokio\"]\n",
        )
        .unwrap();
        let json = project_json(&repo, &manifest, Path::new("/rust"));
        assert_eq!(json["sysroot_src"], "/rust/lib/rustlib/src/rust/library");
        let crates = json["crates"].as_array().unwrap();
        // The support crate, then the one exercise without dependencies: its
        // file and its tests.
        assert_eq!(crates.len(), 3);
        assert_eq!(crates[0]["root_module"], "support/src/lib.rs");
        assert_eq!(crates[1]["root_module"], "threads/threads_sum_five.rs");
        assert_eq!(
            crates[2]["root_module"],
            "threads/tests/threads_sum_five.rs"
        );
        assert_eq!(
            crates[2]["deps"],
            json!([{ "crate": 1, "name": "exercise" }, { "crate": 0, "name": "exercise_support" }])
        );
        assert_eq!(crates[2]["cfg"], json!(["test"]));
    }
}
