//! Capturing a running program's stacks with gdb in batch mode, and reading
//! gdb's `thread apply all bt` text into [`Thread`]s.
//!
//! Why gdb: it is a well-kept, packaged tool that attaches with ptrace,
//! demangles Rust names, resolves inlined frames and source lines from the
//! debug information the test program already has, and detaches on exit,
//! leaving the program as it was. Its text is stable enough to read line by
//! line (`Thread N (… (LWP tid) "name"):` then `#k function (…) at file:line`).

use super::{Frame, Thread};
use course_kit::run::{self as kit, Exit, Keep, Output};
use std::io;
use std::process::Command;
use std::time::Duration;

/// How long gdb may take to attach and print every stack.
pub fn capture_limit() -> Duration {
    course_kit::limits::secs(course_kit::limits::get().grader.stack_capture)
}

/// Lets the grader (this process) and what it starts trace `command`'s
/// process once it runs.
///
/// On a Linux with Yama's `ptrace_scope` = 1 (most desktops), a process may
/// trace only its descendants: gdb, the grader's child, would be refused on
/// its sibling, the test program. The test program declares the grader its
/// tracer (`prctl(PR_SET_PTRACER)`, before `exec`; Yama keeps the exception
/// for the process, and allows the declared tracer's descendants), so gdb
/// may attach. Without Yama the call fails with EINVAL and changes nothing.
#[cfg(target_os = "linux")]
pub fn let_the_grader_trace(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    let grader = std::process::id() as libc::c_ulong;
    // SAFETY: prctl is async-signal-safe and touches no memory of ours;
    // its result is deliberately ignored (no Yama: nothing to declare).
    unsafe {
        command.pre_exec(move || {
            libc::prctl(libc::PR_SET_PTRACER, grader, 0, 0, 0);
            Ok(())
        });
    }
}

/// Elsewhere (macOS) there is no Yama to ask; whether gdb may attach is
/// the system's business, and a refusal ends as "not shown: why".
#[cfg(not(target_os = "linux"))]
pub fn let_the_grader_trace(_command: &mut Command) {}

/// The stacks of every thread of process `pid`, or why they could not be
/// read, in a few words.
pub fn capture(pid: u32, limit: Duration) -> Result<Vec<Thread>, String> {
    capture_with(&gdb_program(), pid, limit)
}

/// How long the threads' CPU time is watched before the capture.
const BUSY_WINDOW: Duration = Duration::from_millis(300);

/// Each thread's CPU time so far, in clock ticks, from /proc.
fn cpu_ticks(pid: u32) -> std::collections::HashMap<u32, u64> {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return Default::default();
    };
    tasks
        .filter_map(Result::ok)
        .filter_map(|task| {
            let tid: u32 = task.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(task.path().join("stat")).ok()?;
            // After the command's closing parenthesis: state is field 3,
            // utime and stime are fields 14 and 15.
            let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
            let ticks =
                fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
            Some((tid, ticks))
        })
        .collect()
}

fn capture_with(gdb: &std::ffi::OsStr, pid: u32, limit: Duration) -> Result<Vec<Thread>, String> {
    let before = cpu_ticks(pid);
    std::thread::sleep(BUSY_WINDOW);
    let after = cpu_ticks(pid);
    let mut threads = stacks(gdb, pid, limit)?;
    for thread in &mut threads {
        thread.busy = matches!(
            (before.get(&thread.tid), after.get(&thread.tid)),
            (Some(a), Some(b)) if b > a
        );
    }
    Ok(threads)
}

fn stacks(gdb: &std::ffi::OsStr, pid: u32, limit: Duration) -> Result<Vec<Thread>, String> {
    let mut command = Command::new(gdb);
    command.args(["-nx", "-batch", "-p", &pid.to_string()]);
    for setting in [
        "set pagination off",
        "set width 0",
        "set print frame-arguments none",
        "set print address off",
        "thread apply all bt",
    ] {
        command.args(["-ex", setting]);
    }
    let finished: kit::Finished = match kit::run(&mut command, limit, Output::Separate(Keep::MIB)) {
        Ok(finished) => finished,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err("gdb is not installed (Debian/Ubuntu: `sudo apt-get install gdb`)".into());
        }
        Err(e) => return Err(format!("gdb could not start: {e}")),
    };
    if finished.exit == Exit::TimedOut {
        return Err(format!("gdb took longer than {} s", limit.as_secs()));
    }
    let threads = parse(&finished.out.text());
    if threads.is_empty() {
        let why = finished
            .err
            .text()
            .lines()
            .find(|l| l.contains("ptrace") || l.contains("ermission") || l.contains("No such"))
            .map(|l| l.trim().to_owned())
            .unwrap_or_else(|| format!("gdb printed no stack ({})", finished.exit));
        return Err(why);
    }
    Ok(threads)
}

/// `$COURSE_GDB` (a maintainer's way to try the fallbacks by hand: a
/// missing or too slow gdb), else `gdb` from the PATH.
fn gdb_program() -> std::ffi::OsString {
    std::env::var_os("COURSE_GDB").unwrap_or_else(|| "gdb".into())
}

/// Reads `thread apply all bt`'s output.
pub fn parse(text: &str) -> Vec<Thread> {
    let mut threads: Vec<Thread> = Vec::new();
    for line in text.lines() {
        if let Some((tid, name)) = thread_heading(line) {
            threads.push(Thread {
                tid,
                name,
                frames: Vec::new(),
                busy: false,
            });
        } else if let (Some(thread), Some(frame)) = (threads.last_mut(), frame(line)) {
            thread.frames.push(frame);
        }
    }
    threads
}

/// `Thread 3 (Thread 0x7f… (LWP 26876) "transfer 2"):` → (26876, "transfer 2").
fn thread_heading(line: &str) -> Option<(u32, String)> {
    let rest = line.strip_prefix("Thread ")?;
    let after_lwp = &rest[rest.find("(LWP ")? + 5..];
    let tid = after_lwp[..after_lwp.find(')')?].trim().parse().ok()?;
    let name = match (rest.find(") \""), rest.rfind("\"):")) {
        (Some(start), Some(end)) if start + 3 <= end => rest[start + 3..end].to_owned(),
        _ => String::new(),
    };
    Some((tid, name))
}

/// `#5  0x… in dl::lock_pair (...) at src/main.rs:6` (the address only on
/// frames that are not inlined, and none with `print address off`).
fn frame(line: &str) -> Option<Frame> {
    let rest = line.strip_prefix('#')?;
    let rest = rest
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start();
    let rest = match rest.strip_prefix("0x") {
        Some(address) => address.split_once(" in ")?.1,
        None => rest,
    };
    let (head, location) = match rest.rsplit_once(" at ") {
        Some((head, location)) => (head, Some(location)),
        None => (rest.split(" from ").next().unwrap_or(rest), None),
    };
    let function = head.split(" (").next().unwrap_or(head).trim().to_owned();
    let (file, line) = match location.and_then(|l| l.rsplit_once(':')) {
        Some((file, line)) => (Some(file.to_owned()), line.trim().parse().ok()),
        None => (None, None),
    };
    Some(Frame {
        function,
        file,
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"[New LWP 26875]
__futex_abstimed_wait_common64 (private=128) at ./nptl/futex-internal.c:57
Thread 3 (Thread 0x7f1de58226c0 (LWP 26876) "transfer 2"):
#0  syscall () at ../sysdeps/unix/sysv/linux/x86_64/syscall.S:38
#1  0x00005565ab35e2f6 in std::sys::pal::unix::futex::futex_wait () at library/std/src/sys/pal/unix/futex.rs:73
#4  std::sync::poison::mutex::Mutex<u32>::lock<u32> (...) at /rustc/5980/library/std/src/sync/poison/mutex.rs:492
#5  dl::lock_pair (...) at /tmp/dl/src/main.rs:6
#19 0x00007f1de5b308ec in clone3 () from /lib/x86_64-linux-gnu/libc.so.6

Thread 1 (Thread 0x7f1de5a246c0 (LWP 26874) "dl"):
#0  0x00007f1de5b308ec in clone3 ()
"#;

    #[test]
    fn reads_threads_and_frames() {
        let threads = parse(SAMPLE);
        assert_eq!(threads.len(), 2);
        assert_eq!(
            (threads[0].tid, threads[0].name.as_str()),
            (26876, "transfer 2")
        );
        assert_eq!((threads[1].tid, threads[1].name.as_str()), (26874, "dl"));
        let frames = &threads[0].frames;
        assert_eq!(frames.len(), 5);
        assert_eq!(
            frames[2].function,
            "std::sync::poison::mutex::Mutex<u32>::lock<u32>"
        );
        assert_eq!(frames[3].function, "dl::lock_pair");
        assert_eq!(frames[3].file.as_deref(), Some("/tmp/dl/src/main.rs"));
        assert_eq!(frames[3].line, Some(6));
        assert_eq!(
            (frames[4].function.as_str(), frames[4].file.as_ref()),
            ("clone3", None)
        );
        assert_eq!(threads[1].frames[0].function, "clone3");
    }

    /// The real thing: gdb reads the stack of a sibling process (a child of
    /// this test, as the test program is the grader's), as whoever runs the
    /// tests. `cargo xtask test` installs gdb before this step.
    #[test]
    fn reads_the_stack_of_a_sleeping_sibling() {
        let mut command = Command::new("sleep");
        command.arg("30");
        let_the_grader_trace(&mut command);
        let mut child = command.spawn().expect("sleep starts");
        std::thread::sleep(Duration::from_millis(200));
        let captured = capture(child.id(), Duration::from_secs(30));
        let _ = child.kill();
        let _ = child.wait();
        let threads = captured.unwrap_or_else(|why| panic!("gdb could not read the stack: {why}"));
        assert_eq!(threads.len(), 1, "{threads:?}");
        assert_eq!(threads[0].tid, child.id());
        assert!(
            threads[0]
                .frames
                .iter()
                .any(|f| f.function.contains("sleep")),
            "{threads:?}"
        );
    }

    #[test]
    fn a_spinning_child_is_busy_and_a_sleeping_one_is_not() {
        // A counting loop that ends by itself (about 20 s), should the test
        // die before it kills it.
        let mut spinning = Command::new("sh")
            .args(["-c", "i=0; while [ $i -lt 20000000 ]; do i=$((i+1)); done"])
            .spawn()
            .expect("sh starts");
        let mut sleeping = Command::new("sleep")
            .arg("30")
            .spawn()
            .expect("sleep starts");
        let before = (cpu_ticks(spinning.id()), cpu_ticks(sleeping.id()));
        std::thread::sleep(BUSY_WINDOW);
        let after = (cpu_ticks(spinning.id()), cpu_ticks(sleeping.id()));
        for child in [&mut spinning, &mut sleeping] {
            let _ = child.kill();
            let _ = child.wait();
        }
        let grew = |a: &std::collections::HashMap<u32, u64>,
                    b: &std::collections::HashMap<u32, u64>| {
            a.iter().any(|(tid, t)| b.get(tid).is_some_and(|u| u > t))
        };
        assert!(
            grew(&before.0, &after.0),
            "the busy loop used no CPU: {before:?} {after:?}"
        );
        assert!(
            !grew(&before.1, &after.1),
            "sleep used CPU: {before:?} {after:?}"
        );
    }

    #[test]
    fn a_missing_gdb_is_said_in_one_line() {
        let gdb = std::ffi::OsStr::new("/nonexistent/gdb");
        let why = capture_with(gdb, std::process::id(), Duration::from_secs(5)).unwrap_err();
        assert!(why.contains("gdb is not installed"), "{why}");
    }
}
