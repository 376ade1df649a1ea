//! Builds one exercise on its own: a throwaway cargo package under
//! `target/grader/packages/NAME/WHAT/` whose library is the file under test
//! (the learner's, the solution, the stub or a wrong answer, always as crate
//! `exercise`) and whose one test target is the exercise's tests. All of them
//! share one build directory, `target/grader/build`, so nothing is compiled
//! twice, and a file that does not compile stops only its own exercise.
//! A loom exercise's package is built a second time with `--cfg loom`, into
//! `target/grader/build-loom`, so that the flag does not invalidate the
//! first build directory's cache.

use crate::manifest::{Exercise, Repo};
use crate::run::{self, Exit, Keep, Streams};
use course_kit::package::{Package, Target, root_dependencies, write_if_changed};
use serde_json::Value;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// A first build can compile dependencies (tokio, rayon): be generous
/// (crates/course-kit/limits.toml).
fn build_timeout() -> Duration {
    course_kit::limits::secs(course_kit::limits::get().grader.build)
}

/// Which of a package's two builds: as it is, or with `--cfg loom`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    Std,
    Loom,
}

/// The environment variables a loom run reads (loom's `model::Builder`):
/// the grader sets the bound and clears the rest, so that a learner's shell
/// cannot change what is checked.
pub const LOOM_SETTINGS: [&str; 8] = [
    "LOOM_MAX_PREEMPTIONS",
    "LOOM_MAX_BRANCHES",
    "LOOM_MAX_PERMUTATIONS",
    "LOOM_MAX_DURATION",
    "LOOM_CHECKPOINT_FILE",
    "LOOM_CHECKPOINT_INTERVAL",
    "LOOM_LOCATION",
    "LOOM_LOG",
];

/// How many preemptions loom allows in one execution, counted over all its
/// threads (not per thread): the bound loom's documentation recommends,
/// enough for a handover between two threads, and it keeps a run to seconds.
pub const LOOM_MAX_PREEMPTIONS: &str = "3";

/// What is being built as the exercise's library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// The learner's file in `exercises/`.
    Learner,
    /// The reference solution.
    Solution,
    /// The stub made from the solution (not the learner's copy of it).
    Stub,
    /// A known-wrong answer, by its file stem.
    Wrong(String),
}

impl Subject {
    fn folder(&self) -> String {
        match self {
            Subject::Learner => "learner".to_owned(),
            Subject::Solution => "solution".to_owned(),
            Subject::Stub => "stub".to_owned(),
            Subject::Wrong(kind) => format!("wrong-{kind}"),
        }
    }
}

#[derive(Debug)]
pub enum Built {
    /// The test program, ready to run.
    TestProgram(PathBuf),
    /// rustc's errors, as it renders them, and its closing note (which
    /// names `rustc --explain`).
    CompileError {
        errors: Vec<String>,
        explain: Option<String>,
    },
    /// Cargo could not build for a reason that is not a compile error.
    Trouble(String),
}

/// A build, and the warnings rustc gave about the file under test (never
/// about the tests): shown to the learner, never part of the verdict.
#[derive(Debug)]
pub struct Build {
    pub built: Built,
    pub warnings: Vec<String>,
}

/// Where the generated package for `subject` lives.
pub fn package_dir(repo: &Repo, ex: &Exercise, subject: &Subject) -> PathBuf {
    repo.work_dir()
        .join("packages")
        .join(&ex.name)
        .join(subject.folder())
}

/// The generated package: the file under test as library `exercise`, the
/// exercise's tests as its one test target, the support crate as a
/// dev-dependency, and the root `Cargo.toml`'s versions of the crates the
/// exercise may use (`course_kit::package`, shared with xtask).
pub fn package(
    repo: &Repo,
    ex: &Exercise,
    subject: &Subject,
    lib: &Path,
) -> Result<Package, String> {
    let mut package = Package::new(
        format!("Made by `cargo grade` for `{}`", ex.name),
        format!("grade-{}-{}", ex.name, subject.folder()),
    );
    package.lib = Some(Target::new("exercise", lib));
    package
        .tests
        .push(Target::new(&ex.name, repo.tests_file(ex)));
    let mut support = toml::Table::new();
    support.insert(
        "path".into(),
        repo.support_dir().display().to_string().into(),
    );
    package
        .dev_dependencies
        .insert("exercise-support".into(), support.into());
    if !ex.dependencies.is_empty() {
        package.dependencies = root_dependencies(&repo.layout(), Some(&ex.dependencies))
            .map_err(|why| format!("exercise `{}`: {why}", ex.name))?;
    }
    // Line tables only: backtraces then name the learner's line, and
    // building and linking stay faster than with full debug info.
    package.debug = Some("line-tables-only".into());
    Ok(package)
}

/// The generated package's `Cargo.toml`. A loom exercise's also has loom
/// as its `cfg(loom)` dependency, and declares `cfg(loom)` to rustc's
/// `unexpected_cfgs` lint, which would otherwise warn about every
/// `#[cfg(loom)]` in the learner's file.
pub fn manifest_text(
    repo: &Repo,
    ex: &Exercise,
    subject: &Subject,
    lib: &Path,
) -> Result<String, String> {
    let text = package(repo, ex, subject, lib)?.manifest();
    if !ex.loom {
        return Ok(text);
    }
    let version = loom_version(&repo.layout().cargo_lock())?;
    Ok(with_loom(&text, &version))
}

/// `text`, a generated manifest (a comment line, then TOML), with loom.
fn with_loom(text: &str, version: &str) -> String {
    let (comment, body) = text.split_once('\n').unwrap_or(("", text));
    let mut doc: toml::Table = toml::from_str(body).expect("a generated manifest parses");
    let mut deps = toml::Table::new();
    deps.insert("loom".into(), version.into());
    let mut cfg = toml::Table::new();
    cfg.insert("dependencies".into(), deps.into());
    let mut target = toml::Table::new();
    target.insert("cfg(loom)".into(), cfg.into());
    doc.insert("target".into(), target.into());
    let mut lint = toml::Table::new();
    lint.insert("level".into(), "warn".into());
    lint.insert("check-cfg".into(), vec!["cfg(loom)"].into());
    let mut rust = toml::Table::new();
    rust.insert("unexpected_cfgs".into(), lint.into());
    let mut lints = toml::Table::new();
    lints.insert("rust".into(), rust.into());
    doc.insert("lints".into(), lints.into());
    let body = toml::to_string(&doc).expect("a table always serializes");
    format!("{comment}\n{body}")
}

/// The version of loom in `lock` (the root `Cargo.lock`, which the course's
/// own loom tests, crates/primitives, resolved): the one version to use.
pub fn loom_version(lock: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(lock)
        .map_err(|e| format!("cannot read {}: {e}", lock.display()))?;
    let lock: toml::Table = toml::from_str(&text).map_err(|e| format!("Cargo.lock: {e}"))?;
    lock.get("package")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .find(|package| package.get("name").and_then(toml::Value::as_str) == Some("loom"))
        .and_then(|package| package.get("version")?.as_str())
        .map(str::to_owned)
        .ok_or_else(|| {
            "the root Cargo.lock lists no loom, which a loom exercise needs \
             (crates/primitives depends on it)"
                .to_owned()
        })
}

/// The build directory of a flavor: the loom one apart, since a change of
/// `RUSTFLAGS` makes cargo rebuild everything in a directory.
pub fn target_dir(repo: &Repo, flavor: Flavor) -> PathBuf {
    match flavor {
        Flavor::Std => repo.work_dir().join("build"),
        Flavor::Loom => repo.work_dir().join("build-loom"),
    }
}

/// Writes the package's `Cargo.toml`, and the root `Cargo.lock` when it
/// uses crates (the same versions as the course's own examples), touching
/// only what changed, so cargo's fingerprints stay fresh.
fn write_package(repo: &Repo, ex: &Exercise, dir: &Path, manifest: &str) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    write_if_changed(&dir.join("Cargo.toml"), manifest)?;
    if (!ex.dependencies.is_empty() || ex.loom)
        && let Ok(lock) = std::fs::read_to_string(repo.layout().cargo_lock())
    {
        write_if_changed(&dir.join("Cargo.lock"), &lock)?;
    }
    Ok(())
}

/// `cargo test --no-run` of the package in `dir`, for `flavor`.
fn build_command(repo: &Repo, dir: &Path, flavor: Flavor) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    let format = if crate::ui::color() {
        "--message-format=json-diagnostic-rendered-ansi"
    } else {
        "--message-format=json"
    };
    command
        .args(["test", "--no-run", "--offline", format, "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target_dir(repo, flavor))
        .env("CARGO_TERM_COLOR", "never")
        .env("CARGO_TERM_PROGRESS_WHEN", "never");
    match flavor {
        // Both forms: cargo prefers the encoded one when it is set.
        Flavor::Loom => command
            .env("RUSTFLAGS", "--cfg loom")
            .env("CARGO_ENCODED_RUSTFLAGS", "--cfg\u{1f}loom"),
        // None of the shell's: an exported `RUSTFLAGS="--cfg loom"` would
        // make the first, ordinary build the loom one.
        Flavor::Std => command
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS"),
    };
    command
}

/// `cargo fetch` of the package in `dir`: downloads what its `Cargo.lock`
/// names and this machine lacks. An ordinary build never downloads loom (a
/// `cfg(loom)` dependency), so the first loom build may need this.
fn fetch_command(dir: &Path) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .args(["fetch", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .current_dir(dir)
        .env("CARGO_TERM_COLOR", "never")
        .env("CARGO_TERM_PROGRESS_WHEN", "never");
    command
}

/// Whether cargo's complaint about an `--offline` build is that a package
/// is not on this machine (not downloaded yet), rather than anything else.
fn missing_offline(complaint: &str) -> bool {
    complaint.contains("--offline")
        && (complaint.contains("no matching package named")
            || complaint.contains("failed to download")
            || complaint.contains("attempting to make an HTTP request"))
}

/// What to say when a package is missing and `cargo fetch` could not get
/// it: most likely, no network.
fn fetch_failed(complaint: &str, fetch: &str) -> String {
    format!(
        "Building needs a crate that is not on this machine yet, and downloading it failed \
         (is there a network connection?). With a network, run `cargo fetch` in the \
         course's folder (it downloads every crate the course uses, loom included), then \
         grade again.\n\nThe build said:\n{complaint}\n\n`cargo fetch` said:\n{fetch}"
    )
}

/// Builds the tests of `ex` against `lib` (not running them).
pub fn build(repo: &Repo, ex: &Exercise, subject: &Subject, lib: &Path) -> io::Result<Build> {
    build_flavor(repo, ex, subject, lib, Flavor::Std)
}

/// Builds them as [`build`] does, for `flavor`.
pub fn build_flavor(
    repo: &Repo,
    ex: &Exercise,
    subject: &Subject,
    lib: &Path,
    flavor: Flavor,
) -> io::Result<Build> {
    let trouble = |why: String| Build {
        built: Built::Trouble(why),
        warnings: Vec::new(),
    };
    let dir = package_dir(repo, ex, subject);
    let manifest = match manifest_text(repo, ex, subject, lib) {
        Ok(manifest) => manifest,
        Err(why) => return Ok(trouble(why)),
    };
    write_package(repo, ex, &dir, &manifest)?;
    let build = build_once(repo, &dir, flavor)?;
    // Offline, a crate never downloaded (loom, before the first loom build)
    // is missing: fetch it, once, and build again.
    if let Built::Trouble(why) = &build.built
        && missing_offline(why)
    {
        let fetched = run::run(
            fetch_command(&dir),
            build_timeout(),
            Streams::Separate,
            Keep {
                head: 1 << 20,
                tail: 1 << 20,
            },
        )?;
        if fetched.exit != Exit::Code(0) {
            let said = match fetched.exit {
                Exit::TimedOut => format!(
                    "it took longer than {} s and was stopped",
                    build_timeout().as_secs()
                ),
                _ => repo.shorten(&cargo_complaint(&fetched.err.text())),
            };
            return Ok(trouble(fetch_failed(why, &said)));
        }
        return build_once(repo, &dir, flavor);
    }
    Ok(build)
}

/// One `cargo test --no-run` of the package in `dir`, and what it said.
fn build_once(repo: &Repo, dir: &Path, flavor: Flavor) -> io::Result<Build> {
    let trouble = |why: String| Build {
        built: Built::Trouble(why),
        warnings: Vec::new(),
    };
    let command = build_command(repo, dir, flavor);
    let finished = run::run(
        command,
        build_timeout(),
        Streams::Separate,
        Keep {
            head: 8 << 20,
            tail: 1 << 20,
        },
    )?;
    if finished.exit == Exit::TimedOut {
        return Ok(trouble(format!(
            "building took longer than {} s and was stopped",
            build_timeout().as_secs()
        )));
    }
    let parsed = parse_messages(&finished.out.text());
    let warnings = parsed.warnings.iter().map(|w| repo.shorten(w)).collect();
    let built = if !parsed.errors.is_empty() {
        Built::CompileError {
            errors: parsed.errors.iter().map(|e| repo.shorten(e)).collect(),
            explain: parsed.explain,
        }
    } else {
        match (finished.exit, parsed.test_program) {
            (Exit::Code(0), Some(program)) => Built::TestProgram(program),
            _ => Built::Trouble(repo.shorten(&cargo_complaint(&finished.err.text()))),
        }
    };
    Ok(Build { built, warnings })
}

/// What a `cargo --message-format=json` build said that matters here.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Messages {
    /// Rendered compiler errors, in order, without the closing "aborting
    /// due to N errors".
    pub errors: Vec<String>,
    /// rustc's closing notes: "Some errors have detailed explanations: …" and
    /// "For more information about this error, try `rustc --explain E0373`."
    pub explain: Option<String>,
    /// Rendered warnings about the file under test (crate `exercise`), not
    /// the "N warnings emitted" summary.
    pub warnings: Vec<String>,
    /// The test executable, once built.
    pub test_program: Option<PathBuf>,
}

pub fn parse_messages(json_lines: &str) -> Messages {
    let mut messages = Messages::default();
    for line in json_lines.lines() {
        let Ok(value) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        match value["reason"].as_str() {
            Some("compiler-message") => {
                let message = &value["message"];
                let level = message["level"].as_str().unwrap_or_default();
                let text = message["message"].as_str().unwrap_or_default();
                let Some(rendered) = message["rendered"].as_str() else {
                    continue;
                };
                let rendered = rendered.trim_end().to_owned();
                if level.starts_with("error") {
                    if !text.starts_with("aborting due to") {
                        messages.errors.push(rendered);
                    }
                } else if level == "failure-note" {
                    let explain = messages.explain.get_or_insert_with(String::new);
                    if !explain.is_empty() {
                        explain.push('\n');
                    }
                    explain.push_str(&rendered);
                } else if level == "warning"
                    && value["target"]["name"] == "exercise"
                    && !(text.ends_with("warnings emitted") || text.ends_with("warning emitted"))
                {
                    messages.warnings.push(rendered);
                }
            }
            Some("compiler-artifact") => {
                let is_test = value["target"]["kind"]
                    .as_array()
                    .is_some_and(|kinds| kinds.iter().any(|k| k == "test"));
                if is_test && let Some(program) = value["executable"].as_str() {
                    messages.test_program = Some(PathBuf::from(program));
                }
            }
            _ => {}
        }
    }
    messages
}

/// Cargo's own complaint (not a compiler message): its `error:` lines and
/// what follows them, or its last lines.
fn cargo_complaint(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().collect();
    let start = lines
        .iter()
        .position(|line| line.starts_with("error"))
        .unwrap_or(lines.len().saturating_sub(15));
    let complaint = lines[start..]
        .iter()
        .take(30)
        .copied()
        .collect::<Vec<_>>()
        .join("\n");
    if complaint.trim().is_empty() {
        "cargo failed without saying why".to_owned()
    } else {
        complaint
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Manifest;
    use std::fs;

    fn exercise(dependencies: &str) -> Exercise {
        let manifest = Manifest::parse(&format!(
            "[[exercises]]\nname = \"threads_sum_five\"\nchapter = \"threads\"\ntitle = \"t\"\nhints = [\"h\"]\n{dependencies}"
        ))
        .unwrap();
        manifest.exercises[0].clone()
    }

    #[test]
    fn the_package_builds_the_given_file_as_crate_exercise() {
        let repo = Repo {
            root: PathBuf::from("/course"),
        };
        let ex = exercise("");
        let text = manifest_text(&repo, &ex, &Subject::Learner, &repo.learner_file(&ex)).unwrap();
        let parsed: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(parsed["lib"]["name"].as_str(), Some("exercise"));
        assert_eq!(
            parsed["lib"]["path"].as_str(),
            Some("/course/exercises/threads/threads_sum_five.rs")
        );
        assert_eq!(
            parsed["test"][0]["path"].as_str(),
            Some("/course/exercises/threads/tests/threads_sum_five.rs")
        );
        assert_eq!(
            parsed["dev-dependencies"]["exercise-support"]["path"].as_str(),
            Some("/course/exercises/support")
        );
        assert!(parsed.contains_key("workspace"));
    }

    #[test]
    fn dependencies_come_from_the_root_manifest() {
        let root = std::env::temp_dir().join(format!("grader-deps-{}", std::process::id()));
        fs::create_dir_all(&root).unwrap();
        fs::write(
            root.join("Cargo.toml"),
            "[dependencies]\ntokio = { version = \"1\", features = [\"full\"] }\n",
        )
        .unwrap();
        let repo = Repo { root: root.clone() };
        let ex = exercise("dependencies = [\"tokio\"]");
        let text = manifest_text(&repo, &ex, &Subject::Solution, Path::new("/x.rs")).unwrap();
        let parsed: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(
            parsed["dependencies"]["tokio"]["version"].as_str(),
            Some("1")
        );
        let missing = exercise("dependencies = [\"rayon\"]");
        let why =
            manifest_text(&repo, &missing, &Subject::Solution, Path::new("/x.rs")).unwrap_err();
        assert!(why.contains("`rayon`"), "{why}");
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn a_loom_exercise_gets_loom_for_cfg_loom_at_the_locked_version() {
        let root = std::env::temp_dir().join(format!("grader-loom-{}", std::process::id()));
        fs::create_dir_all(&root).unwrap();
        fs::write(
            root.join("Cargo.lock"),
            "version = 4\n\n[[package]]\nname = \"generator\"\nversion = \"0.8.11\"\n\n\
             [[package]]\nname = \"loom\"\nversion = \"0.7.3\"\n",
        )
        .unwrap();
        let repo = Repo { root: root.clone() };
        let ex = exercise("loom = true");
        let text = manifest_text(&repo, &ex, &Subject::Learner, Path::new("/x.rs")).unwrap();
        assert!(text.starts_with("# Made by `cargo grade`"), "{text}");
        let parsed: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(
            parsed["target"]["cfg(loom)"]["dependencies"]["loom"].as_str(),
            Some("0.7.3")
        );
        let lint = &parsed["lints"]["rust"]["unexpected_cfgs"];
        assert_eq!(lint["check-cfg"][0].as_str(), Some("cfg(loom)"));
        assert_eq!(parsed["lib"]["name"].as_str(), Some("exercise"));
        // Not for the others; and no loom in the lock is an error, not a guess.
        let plain = manifest_text(&repo, &exercise(""), &Subject::Learner, Path::new("/x.rs"));
        let plain: toml::Table = toml::from_str(&plain.unwrap()).unwrap();
        assert!(!plain.contains_key("target") && !plain.contains_key("lints"));
        fs::write(root.join("Cargo.lock"), "version = 4\n").unwrap();
        let why = manifest_text(&repo, &ex, &Subject::Learner, Path::new("/x.rs")).unwrap_err();
        assert!(why.contains("lists no loom"), "{why}");
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn the_loom_build_has_its_own_directory_and_flag() {
        let repo = Repo {
            root: PathBuf::from("/course"),
        };
        let env = |flavor| {
            let command = build_command(&repo, Path::new("/p"), flavor);
            command
                .get_envs()
                .map(|(k, v)| (k.to_owned(), v.map(ToOwned::to_owned)))
                .collect::<std::collections::HashMap<_, _>>()
        };
        let loom = env(Flavor::Loom);
        assert_eq!(
            loom[std::ffi::OsStr::new("CARGO_TARGET_DIR")].as_deref(),
            Some(std::ffi::OsStr::new("/course/target/grader/build-loom"))
        );
        assert_eq!(
            loom[std::ffi::OsStr::new("RUSTFLAGS")].as_deref(),
            Some(std::ffi::OsStr::new("--cfg loom"))
        );
        let std = env(Flavor::Std);
        assert_eq!(
            std[std::ffi::OsStr::new("CARGO_TARGET_DIR")].as_deref(),
            Some(std::ffi::OsStr::new("/course/target/grader/build"))
        );
        // Removed, not inherited: the shell's flags cannot make it a loom build.
        for flags in ["RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS"] {
            assert_eq!(std[std::ffi::OsStr::new(flags)], None, "{flags}");
        }
    }

    #[test]
    fn a_crate_missing_offline_is_fetched_and_its_failure_says_what_to_run() {
        let never_downloaded = "error: no matching package named `loom` found\n\
            location searched: crates.io index\n\
            As a reminder, you're using offline mode (--offline) which can sometimes cause \
            surprising resolution failures";
        assert!(missing_offline(never_downloaded));
        let not_in_cache = "error: failed to download `loom v0.7.3`\n\nCaused by:\n  \
            attempting to make an HTTP request, but --offline was specified";
        assert!(missing_offline(not_in_cache));
        assert!(!missing_offline("error: could not compile `exercise`"));
        let command = fetch_command(Path::new("/p"));
        let args: Vec<_> = command.get_args().collect();
        assert_eq!(args, ["fetch", "--manifest-path", "/p/Cargo.toml"]);
        let said = fetch_failed(never_downloaded, "error: failed to query the index");
        assert!(
            said.contains("run `cargo fetch` in the course's folder"),
            "{said}"
        );
        assert!(said.contains("no matching package named `loom`"), "{said}");
        assert!(said.ends_with("error: failed to query the index"), "{said}");
    }

    #[test]
    fn reads_errors_and_the_test_program_from_cargo_json() {
        let json = r#"{"reason":"compiler-message","target":{"name":"exercise"},"message":{"level":"warning","message":"unused variable: `x`","rendered":"warning: unused variable: `x`\n"}}
{"reason":"compiler-message","target":{"name":"threads_sum_five"},"message":{"level":"warning","message":"unused import","rendered":"warning: in the tests, not the learner's\n"}}
{"reason":"compiler-message","target":{"name":"exercise"},"message":{"level":"warning","message":"1 warning emitted","rendered":"warning: 1 warning emitted\n"}}
{"reason":"compiler-message","target":{"name":"exercise"},"message":{"level":"failure-note","message":"For more information about this error, try `rustc --explain E0308`.","rendered":"For more information about this error, try `rustc --explain E0308`.\n"}}
{"reason":"compiler-message","message":{"level":"error","message":"mismatched types","rendered":"error[E0308]: mismatched types\n --> a.rs:1:1\n"}}
{"reason":"compiler-message","message":{"level":"error","message":"aborting due to 1 previous error","rendered":"error: aborting\n"}}
{"reason":"compiler-artifact","target":{"kind":["lib"]},"executable":null}
{"reason":"compiler-artifact","target":{"kind":["test"]},"executable":"/t/build/debug/deps/x-123"}
not json
{"reason":"build-finished","success":true}"#;
        assert_eq!(
            parse_messages(json),
            Messages {
                errors: vec!["error[E0308]: mismatched types\n --> a.rs:1:1".to_owned()],
                explain: Some(
                    "For more information about this error, try `rustc --explain E0308`."
                        .to_owned()
                ),
                warnings: vec!["warning: unused variable: `x`".to_owned()],
                test_program: Some(PathBuf::from("/t/build/debug/deps/x-123")),
            }
        );
    }
}
