//! A stack overflow is not a panic: Rust aborts the whole process, every thread with it.
//! The program runs itself a second time, as a child process, to show how that child ends.
use std::env;
use std::hint::black_box;
use std::io::{self, Write};
use std::process::{Command, ExitStatus};
use std::thread;

/// Calls itself until the thread's stack runs out (the test on `n` never holds).
fn depth(n: u64) -> u64 {
    if n == u64::MAX {
        n
    } else {
        1 + depth(black_box(n + 1))
    }
}

// ANCHOR: child
fn child() {
    println!("child: starting a worker that recurses without end");
    let worker = thread::Builder::new()
        .name("deep".to_string())
        .stack_size(64 * 1024)
        .spawn(|| depth(0))
        .expect("the OS should let us start a thread");
    let result = worker.join(); // never returns: the overflow ends the whole process
    println!("child: join returned {result:?}"); // never printed
}
// ANCHOR_END: child

/// How a child process ended: its exit status, or the signal that killed it.
fn describe(status: ExitStatus) -> String {
    #[cfg(unix)]
    if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(&status) {
        return format!("was killed by signal {signal}");
    }
    match status.code() {
        Some(code) => format!("exited with status {code}"),
        None => "ended without an exit status".to_string(),
    }
}

fn main() -> io::Result<()> {
    if env::args().nth(1).as_deref() == Some("child") {
        child();
        return Ok(());
    }
    // ANCHOR: parent
    let run = Command::new(env::current_exe()?).arg("child").output()?;
    io::stdout().write_all(&run.stdout)?;
    io::stderr().write_all(&run.stderr)?; // the child's report, passed on
    println!("parent: the child {}", describe(run.status));
    // ANCHOR_END: parent
    Ok(())
}
