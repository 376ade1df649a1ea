//! `cargo grade` at the command line, against a course of one exercise
//! (`tests/fixture/`, copied to a scratch folder per test): what a learner
//! sees from not started to failed to passed, the hint counter, `reset`, a
//! remembered verdict that an edit invalidates, and Ctrl-C leaving no
//! process behind, with and without `--watch`.

use course_kit::{limits, run};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

const EXERCISE: &str = "exercises/demo/demo_add.rs";

/// A fresh copy of the fixture course.
fn course(test: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("grader-cli-{}-{test}", std::process::id()));
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

fn grader(root: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_grader"));
    command
        .current_dir(root)
        .env("COURSE_ROOT", root)
        .env("NO_COLOR", "1")
        .env_remove("CARGO_TARGET_DIR")
        .stdin(Stdio::null());
    command
}

/// Runs `cargo grade ARGS` under the limit for building an exercise (it
/// may build one); returns its exit code and what it printed.
fn grade(root: &Path, args: &[&str]) -> (i32, String) {
    let limit = limits::get().grader.build;
    let done = run::run::<()>(
        grader(root).args(args),
        limits::secs(limit),
        run::Output::Separate(run::Keep::MIB),
    )
    .unwrap();
    assert!(
        done.exit != run::Exit::TimedOut,
        "`cargo grade {}` timed out after {limit} s (crates/course-kit/limits.toml, [grader] build)",
        args.join(" ")
    );
    let text = done.out.text() + &done.err.text();
    (done.exit.code().unwrap_or(-1), text)
}

fn write_answer(root: &Path, body: &str) {
    let path = root.join(EXERCISE);
    let text = fs::read_to_string(&path).unwrap();
    let start = text
        .find("    todo!")
        .or_else(|| text.find("    a "))
        .unwrap();
    let end = start + text[start..].find('\n').unwrap();
    fs::write(
        &path,
        format!("{}    {body}{}", &text[..start], &text[end..]),
    )
    .unwrap();
}

#[track_caller]
fn says(text: &str, wanted: &str) {
    assert!(text.contains(wanted), "wanted {wanted:?} in:\n{text}");
}

#[test]
fn from_not_started_to_failed_to_passed() {
    let root = course("verdicts");
    let (code, text) = grade(&root, &[]);
    assert_eq!(code, 0, "{text}");
    says(&text, "demo_add  not started");
    says(&text, "0 of 1 passed, 0 failed, 1 not started");

    let (code, text) = grade(&root, &["demo_add"]);
    assert_eq!(code, 1, "{text}");
    says(&text, "✗ demo_add: not started");
    says(&text, "not yet implemented: add a and b");

    write_answer(&root, "a * b");
    let (code, text) = grade(&root, &["demo_add"]);
    assert_eq!(code, 1, "{text}");
    says(&text, "✗ demo_add: failed");
    says(&text, "got: 6");
    says(&text, "expected: 5");

    // A path, as tab completion gives it, names the exercise too.
    write_answer(&root, "a + b");
    let (code, text) = grade(&root, &[EXERCISE]);
    assert_eq!(code, 0, "{text}");
    says(&text, "✓ demo_add: passed");

    let (_, text) = grade(&root, &[]);
    says(&text, "✓ demo_add  passed");
    says(&text, "1 of 1 passed");

    // The remembered verdict belongs to the file as it was: an edit after
    // the pass makes the overview grade it again.
    write_answer(&root, "a * b");
    let (_, text) = grade(&root, &[]);
    says(&text, "✗ demo_add  failed");
    says(&text, "0 of 1 passed, 1 failed");
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn hints_come_one_at_a_time_and_reset_keeps_a_backup() {
    let root = course("hints");
    let (_, text) = grade(&root, &["hint", "demo_add"]);
    says(&text, "Hint 1 of 2 for demo_add");
    says(&text, "First hint");
    let (_, text) = grade(&root, &["hint", "demo_add"]);
    says(&text, "Hint 2 of 2 for demo_add");
    says(&text, "That was the last hint");
    let (_, text) = grade(&root, &["hint"]);
    says(&text, "All 2 hints for demo_add were shown");

    let stub = fs::read_to_string(root.join(EXERCISE)).unwrap();
    write_answer(&root, "a + b");
    let mine = fs::read_to_string(root.join(EXERCISE)).unwrap();
    let (code, text) = grade(&root, &["reset", "demo_add", "--yes"]);
    assert_eq!(code, 0, "{text}");
    says(&text, "is the original stub again");
    assert_eq!(fs::read_to_string(root.join(EXERCISE)).unwrap(), stub);
    let backups: Vec<_> = fs::read_dir(root.join("exercises/.backups/demo"))
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(backups, vec![mine]);
    fs::remove_dir_all(root).unwrap();
}

/// Waits (as a guard, never a measurement) until `path` holds a process id.
fn wait_for_pid(path: &Path, child: &mut Child) -> i32 {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Ok(text) = fs::read_to_string(path)
            && let Ok(pid) = text.trim().parse()
        {
            return pid;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the grader ended ({status}) before the tests started");
        }
        assert!(Instant::now() < deadline, "the tests never started");
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

/// The test program hangs (its answer never returns) and writes its pid to
/// a mark file; Ctrl-C (SIGINT) on the grader must take it down too.
fn interrupt_leaves_nothing_running(test: &str, args: &[&str]) {
    let root = course(test);
    // An answer that never returns: the tests would run to the 60 s limit.
    write_answer(&root, "loop { std::thread::park(); }");
    let info = root.join("exercises/info.toml");
    let manifest = fs::read_to_string(&info).unwrap();
    fs::write(
        &info,
        manifest.replace("timeout_secs = 10", "timeout_secs = 60"),
    )
    .unwrap();
    let mark = root.join("test-pid");
    let mut child = grader(&root)
        .args(args)
        .env("DEMO_MARK", &mark)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let test_pid = wait_for_pid(&mark, &mut child);
    // SAFETY: kill(2) on the grader we started.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGINT);
    }
    let status = child.wait().unwrap();
    // The grader's handler sent SIGKILL before exiting; give the kernel a
    // moment to deliver it (a guard against a slow machine, not a measure).
    let deadline = Instant::now() + Duration::from_secs(10);
    while !gone(test_pid) && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(50));
    }
    let survived = !gone(test_pid);
    if survived {
        // SAFETY: kill(2) on the test program this test started.
        unsafe {
            libc::kill(test_pid, libc::SIGKILL);
        }
    }
    assert!(
        !survived,
        "the test program {test_pid} still ran after the grader ended"
    );
    assert_eq!(status.code(), Some(128 + libc::SIGINT), "{status}");
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn ctrl_c_on_grading_leaves_no_process_running() {
    interrupt_leaves_nothing_running("interrupt", &["demo_add"]);
}

#[test]
fn ctrl_c_on_watch_leaves_no_process_running() {
    interrupt_leaves_nothing_running("interrupt-watch", &["--watch", "demo_add"]);
}

/// `cargo grade … | head -1` and `| true`: every command that prints ends
/// quietly when the reader of its output goes away, with no panic and no
/// backtrace (the grader once panicked with "failed printing to stdout:
/// Broken pipe"; the fix is the SIGPIPE arm of course-kit's handler).
#[test]
fn a_closed_output_ends_every_command_quietly() {
    let root = course("closed-output");
    let limit = limits::get().grader.build;
    let commands: [&[&str]; 7] = [
        &[],
        &["list"],
        &["demo_add"],
        &["hint"],
        &["hint", "demo_add"],
        &["verify"],
        &["--help"],
    ];
    for args in commands {
        for lines in [0, 1] {
            if let Err(problem) = run::check_ends_quietly_when_output_closes(
                grader(&root).args(args),
                lines,
                limits::secs(limit),
            ) {
                panic!(
                    "`cargo grade {}`: {problem}\n(limit: crates/course-kit/limits.toml, [grader] build)",
                    args.join(" ")
                );
            }
        }
    }
    fs::remove_dir_all(root).unwrap();
}
