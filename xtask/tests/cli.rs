//! `cargo xtask` at the command line, against a course of one chapter and
//! one example (`tests/fixture/`, copied to a scratch folder per test):
//! what `bless` and `check-book` print, and Ctrl-C on `cargo xtask test` and
//! SIGTERM on `cargo xtask book` leaving no process behind.

use course_kit::limits;
use course_kit::run as kit;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// A fresh copy of the fixture course.
fn course(test: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("xtask-cli-{}-{test}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture"),
        &root,
    );
    root
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn xtask(root: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_xtask"));
    command
        .current_dir(root)
        .env("COURSE_ROOT", root)
        .env_remove("CARGO_TARGET_DIR")
        .stdin(Stdio::null());
    command
}

/// Runs `cargo xtask ARGS` under the limit for a command that builds first:
/// its exit code, stdout and stderr.
fn run(root: &Path, args: &[&str]) -> (i32, String, String) {
    let limit = limits::get().xtask.build;
    let done = kit::run::<()>(
        xtask(root).args(args),
        limits::secs(limit),
        kit::Output::Separate(kit::Keep::MIB),
    )
    .unwrap();
    assert!(
        done.exit != kit::Exit::TimedOut,
        "`cargo xtask {}` timed out after {limit} s (crates/course-kit/limits.toml, [xtask] build)",
        args.join(" ")
    );
    (
        done.exit.code().unwrap_or(-1),
        done.out.text(),
        done.err.text(),
    )
}

#[track_caller]
fn says(text: &str, wanted: &str) {
    assert!(text.contains(wanted), "wanted {wanted:?} in:\n{text}");
}

#[test]
fn bless_writes_the_expectation_from_a_real_run_and_checks_the_twin() {
    let root = course("bless");
    let expected = root.join("examples/hello.expected.toml");
    let blessed = fs::read_to_string(&expected).unwrap();
    fs::remove_file(&expected).unwrap();

    let (code, out, err) = run(&root, &["bless", "hello"]);
    assert_eq!(code, 0, "{out}{err}");
    says(&out, "hello: wrote examples/hello.expected.toml — read it:");
    says(&out, "+worker 1: hello");
    says(&out, "hello: the Python twin matches");
    assert_eq!(fs::read_to_string(&expected).unwrap(), blessed);

    let (code, out, _) = run(&root, &["bless", "hello"]);
    assert_eq!(code, 0);
    says(&out, "hello: up to date");

    // The twin prints something else: bless says so, and how.
    let twin = root.join("examples/hello.py");
    let text = fs::read_to_string(&twin).unwrap();
    fs::write(&twin, text.replace("main: done", "main: finished")).unwrap();
    let (_, out, _) = run(&root, &["bless", "hello"]);
    says(&out, "hello: the Python twin does NOT match");
    says(&out, "+main: finished");

    let (code, _, err) = run(&root, &["bless", "nope"]);
    assert_eq!(code, 1);
    says(&err, "no example examples/nope.rs; there are: hello");
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn check_book_names_each_problem_by_file_and_line() {
    let root = course("check-book");
    let (code, out, err) = run(&root, &["check-book"]);
    assert_eq!(code, 0, "{out}{err}");
    says(&out, "book check: 1 chapters, no problem found");

    // Typed-in code on a page, an exercise page among them (a page in a
    // folder, as the exercises' are), and an example no page shows.
    let page = root.join("src/hello.md");
    let text = fs::read_to_string(&page).unwrap();
    fs::write(
        &page,
        text.replace("{{#example hello}}", "```rust\nfn main() {}\n```"),
    )
    .unwrap();
    fs::create_dir_all(root.join("src/exercises")).unwrap();
    fs::write(
        root.join("src/exercises/demo.md"),
        "# Demo\n\nThe task:\n\n```rust\n{{#include ../../examples/hello.rs}}\nlet typed_in = 1;\n```\n",
    )
    .unwrap();
    let summary = root.join("src/SUMMARY.md");
    let text = fs::read_to_string(&summary).unwrap();
    fs::write(&summary, text + "- [Demo](exercises/demo.md)\n").unwrap();

    let (code, out, err) = run(&root, &["check-book"]);
    assert_eq!(code, 1, "{out}{err}");
    says(&err, "src/hello.md:5: inline code block (rust)");
    says(&err, "src/exercises/demo.md:5: inline code block (rust)");
    says(
        &err,
        "examples/hello.rs: no chapter shows this example; add {{#example hello}} to a page",
    );
    assert!(!err.contains(&root.display().to_string()), "{err}");
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn misplaced_example_files_are_named_relative_to_the_root() {
    let root = course("layout");
    fs::write(root.join("examples/stray.py"), "print('stray')\n").unwrap();
    fs::write(root.join("examples/hello.expected.toml"), "stdout = 1\n").unwrap();
    let (code, out, err) = run(&root, &["check-book"]);
    assert_eq!(code, 1, "{out}{err}");
    says(
        &err,
        "examples/stray.py: a Python twin without examples/stray.rs",
    );
    says(
        &err,
        "examples/hello.expected.toml: malformed expectation: ",
    );
    assert!(!err.contains(&root.display().to_string()), "{err}");
    fs::remove_dir_all(root).unwrap();
}

/// Waits (as a guard, never a measurement) until `path` holds a pid.
fn wait_for_pid(path: &Path, child: &mut Child) -> i32 {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(text) = fs::read_to_string(path)
            && let Some(Ok(pid)) = text.split_whitespace().next().map(str::parse)
        {
            return pid;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("xtask ended ({status}) before its child started");
        }
        assert!(Instant::now() < deadline, "the child never started");
        thread::sleep(Duration::from_millis(50));
    }
}

/// Is `pid` gone (or a zombie waiting for its reaper)?
fn gone(pid: i32) -> bool {
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit_once(") ")
            .is_some_and(|(_, rest)| rest.starts_with('Z')),
    }
}

/// A stand-in for a tool: writes its pid and its child's to `mark`, then
/// waits for the child, which sleeps for 5 minutes.
fn fake_tool(dir: &Path, name: &str, mark: &Path) {
    fs::create_dir_all(dir).unwrap();
    let path = dir.join(name);
    fs::write(
        &path,
        format!(
            "#!/bin/sh\nsleep 300 &\necho \"$$ $!\" > {mark}.tmp\nmv {mark}.tmp {mark}\nwait\n",
            mark = mark.display()
        ),
    )
    .unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
}

/// Starts xtask, waits for the fake tool, sends `signal`, and checks that
/// neither the tool nor its child survive xtask.
fn signal_leaves_nothing_running(mut command: Command, mark: &Path, signal: i32) {
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_pid(mark, &mut child);
    let pids: Vec<i32> = fs::read_to_string(mark)
        .unwrap()
        .split_whitespace()
        .map(|p| p.parse().unwrap())
        .collect();
    // SAFETY: kill(2) on the xtask this test started.
    unsafe {
        libc::kill(child.id() as i32, signal);
    }
    let status = child.wait().unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !pids.iter().all(|p| gone(*p)) && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(50));
    }
    let survivors: Vec<i32> = pids.iter().copied().filter(|p| !gone(*p)).collect();
    for pid in &survivors {
        // SAFETY: kill(2) on the fake tool this test started.
        unsafe {
            libc::kill(*pid, libc::SIGKILL);
        }
    }
    assert!(
        survivors.is_empty(),
        "still running after xtask ended: {survivors:?}"
    );
    assert_eq!(status.code(), Some(128 + signal), "{status}");
}

#[test]
fn ctrl_c_on_test_leaves_no_process_running() {
    let root = course("interrupt-test");
    let bin = root.join("fake-bin");
    let mark = root.join("cargo-pid");
    // `cargo xtask test` starts with `cargo fmt`: here, a cargo that hangs.
    fake_tool(&bin, "cargo", &mark);
    let mut command = xtask(&root);
    let path = std::env::var_os("PATH").unwrap_or_default();
    let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&path)));
    command.arg("test").env("PATH", path.unwrap());
    signal_leaves_nothing_running(command, &mark, libc::SIGINT);
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn sigterm_on_book_stops_mdbook_too() {
    let root = course("interrupt-book");
    let cache = root.join("cache");
    let mark = root.join("mdbook-pid");
    // The pinned tools, as `cargo xtask book` looks for them in its cache:
    // an mdbook that serves for ever, and preprocessors that are never run.
    for (tool, version, binary) in xtask::tools::CARGO_TOOLS {
        fake_tool(
            &cache.join(format!("tools/{tool}-{version}/bin")),
            binary,
            &mark,
        );
    }
    // A port that is free now (another test run may hold 3000).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut command = xtask(&root);
    command
        .args(["book", "--port", &port.to_string()])
        .env("COURSE_CACHE_DIR", &cache);
    signal_leaves_nothing_running(command, &mark, libc::SIGTERM);
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let root = course("port-in-use");
    let held = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = held.local_addr().unwrap().port().to_string();
    let (code, _, err) = run(&root, &["book", "--port", &port]);
    assert_eq!(code, 1);
    says(&err, &format!("cannot serve on 127.0.0.1:{port}"));
    says(&err, "choose another port: `cargo xtask book --port");
    assert!(!err.contains("panicked"), "{err}");
    fs::remove_dir_all(root).unwrap();
}

/// `cargo xtask … | head -1` and `| true`: every command that prints ends
/// quietly when the reader of its output goes away, with no panic and no
/// backtrace (the fix is the SIGPIPE arm of course-kit's handler).
#[test]
fn a_closed_output_ends_every_command_quietly() {
    let root = course("closed-output");
    let limit = limits::get().xtask.build;
    let commands: [&[&str]; 5] = [
        &["--help"],
        &["test", "--help"],
        &["check-book"],
        &["bless", "hello"],
        &["compile-fail", "nonexistent"],
    ];
    for args in commands {
        for lines in [0, 1] {
            if let Err(problem) = kit::check_ends_quietly_when_output_closes(
                xtask(&root).args(args),
                lines,
                limits::secs(limit),
            ) {
                panic!(
                    "`cargo xtask {}`: {problem}\n(limit: crates/course-kit/limits.toml, [xtask] build)",
                    args.join(" ")
                );
            }
        }
    }
    fs::remove_dir_all(root).unwrap();
}
