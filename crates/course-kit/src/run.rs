//! The one child-process runner of the tooling.
//!
//! Every child runs in a process group of its own, under a time limit. On
//! timeout the whole group is killed (the process and anything it started),
//! so a deadlock ends as a verdict instead of a hung tool. If the tool itself
//! is interrupted (Ctrl-C, SIGTERM), the handler of
//! [`kill_children_on_interrupt`] kills every running group first: children
//! live in their own groups, so the terminal's Ctrl-C would not reach them.
//! After a child ends, its output readers get a bounded grace period, so a
//! grandchild that left the group and still holds the pipe cannot hang us.

use std::io::{self, Read};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

/// How a child process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// It exited by itself with this code.
    Code(i32),
    /// A signal ended it (not ours): SIGABRT after a stack overflow, SIGSEGV…
    Signal(i32),
    /// It ran past the time limit and was killed.
    TimedOut,
}

impl Exit {
    pub fn success(self) -> bool {
        self == Exit::Code(0)
    }

    /// The exit code, `None` when a signal or the time limit ended it.
    pub fn code(self) -> Option<i32> {
        match self {
            Exit::Code(code) => Some(code),
            _ => None,
        }
    }
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exit::Code(code) => write!(f, "exit code {code}"),
            Exit::Signal(signal) => write!(f, "killed by {}", signal_name(*signal)),
            Exit::TimedOut => f.write_str("timed out"),
        }
    }
}

/// Looks at every whole line of a captured stream as it arrives, including
/// the lines that the head/tail capture later drops. The grader keeps
/// libtest's verdict lines this way; `()` looks at nothing.
pub trait LineObserver: Default + Clone + Send + 'static {
    fn line(&mut self, line: &str);
}

impl LineObserver for () {
    fn line(&mut self, _: &str) {}
}

/// Longer lines are cut before an observer sees them.
const LONGEST_LINE: usize = 4096;

/// At most `head` bytes from the start and `tail` bytes from the end of a
/// stream, how many bytes there were in all, and the observer that saw every
/// line.
#[derive(Debug, Default, Clone)]
pub struct Capture<O = ()> {
    head: Vec<u8>,
    tail: Vec<u8>,
    head_cap: usize,
    tail_cap: usize,
    total: u64,
    /// The line being read, up to [`LONGEST_LINE`] bytes.
    line: Vec<u8>,
    pub observer: O,
}

impl<O: LineObserver> Capture<O> {
    pub fn new(head_cap: usize, tail_cap: usize) -> Self {
        Capture {
            head_cap,
            tail_cap,
            ..Capture::default()
        }
    }

    pub fn push(&mut self, mut bytes: &[u8]) {
        self.scan(bytes);
        self.total += bytes.len() as u64;
        let room = self.head_cap - self.head.len();
        let into_head = room.min(bytes.len());
        self.head.extend_from_slice(&bytes[..into_head]);
        bytes = &bytes[into_head..];
        if bytes.is_empty() || self.tail_cap == 0 {
            return;
        }
        self.tail.extend_from_slice(bytes);
        // Trim in bulk, not on every write, to keep this linear.
        if self.tail.len() > 2 * self.tail_cap {
            let excess = self.tail.len() - self.tail_cap;
            self.tail.drain(..excess);
        }
    }

    fn scan(&mut self, bytes: &[u8]) {
        for chunk in bytes.split_inclusive(|b| *b == b'\n') {
            let (text, ends) = match chunk.strip_suffix(b"\n") {
                Some(text) => (text, true),
                None => (chunk, false),
            };
            let room = LONGEST_LINE.saturating_sub(self.line.len());
            self.line.extend_from_slice(&text[..text.len().min(room)]);
            if ends {
                let line = String::from_utf8_lossy(&self.line).into_owned();
                self.line.clear();
                self.observer.line(&line);
            }
        }
    }
}

impl<O> Capture<O> {
    /// Bytes dropped from the middle.
    pub fn cut(&self) -> u64 {
        self.total - self.head.len() as u64 - self.tail_kept().len() as u64
    }

    pub fn total(&self) -> u64 {
        self.total
    }

    fn tail_kept(&self) -> &[u8] {
        let start = self.tail.len().saturating_sub(self.tail_cap);
        &self.tail[start..]
    }

    /// The text kept, with a marker line where bytes were cut.
    pub fn text(&self) -> String {
        let mut text = String::from_utf8_lossy(&self.head).into_owned();
        let cut = self.cut();
        if cut > 0 {
            if !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&format!("[… {} cut …]\n", human_bytes(cut)));
        }
        text.push_str(&String::from_utf8_lossy(self.tail_kept()));
        text
    }
}

/// `1.5 MB`, `12 kB`, `300 bytes`.
pub fn human_bytes(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{} kB", bytes / 1_000),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// What a finished (or killed) child left behind.
#[derive(Debug)]
pub struct Finished<O = ()> {
    pub exit: Exit,
    /// stdout, or stdout and stderr interleaved as written when merged;
    /// empty when inherited.
    pub out: Capture<O>,
    /// stderr when kept apart; empty when merged or inherited.
    pub err: Capture<O>,
}

/// How much of each stream to keep.
#[derive(Debug, Clone, Copy)]
pub struct Keep {
    pub head: usize,
    pub tail: usize,
}

impl Keep {
    /// The first MiB of a stream: a runaway program cannot fill the memory.
    pub const MIB: Keep = Keep {
        head: 1 << 20,
        tail: 0,
    };
}

/// Where the child's output goes.
#[derive(Debug, Clone, Copy)]
pub enum Output {
    /// To the tool's own stdout and stderr (a step the user watches).
    Inherit,
    /// stdout and stderr into one capture, in the order written.
    Merged(Keep),
    /// stdout and stderr captured apart.
    Separate(Keep),
    /// stdout read until this many lines have come, then closed, as
    /// `| head -n LINES` does; with 0 it is closed before the child starts,
    /// as `| true` does. stderr captured. For the tests that check a tool
    /// ends quietly when the reader of its output goes away.
    ClosedAfter(usize),
}

/// The time limit of a run. `Until::Stopped` is for `mdbook serve` only,
/// the one child that runs until the user stops it (and dies with the tool).
#[derive(Debug, Clone, Copy)]
pub enum Until {
    TimeLimit(Duration),
    Stopped,
}

impl From<Duration> for Until {
    fn from(limit: Duration) -> Self {
        Until::TimeLimit(limit)
    }
}

/// The process groups running now, for the interrupt handler (0: a free
/// slot). Fixed-size and atomic, so the handler can read it safely.
static RUNNING_GROUPS: [AtomicI32; 64] = [const { AtomicI32::new(0) }; 64];

/// Installs a SIGINT/SIGTERM/SIGPIPE handler that kills every running
/// child's process group before the tool exits with 128 + the signal, as a
/// shell reports a program that a signal ended.
///
/// SIGPIPE: the reader of the tool's output went away (`cargo grade | head
/// -1`). Rust ignores SIGPIPE by default, so the next `println!` would panic
/// with "failed printing to stdout: Broken pipe" and a backtrace; here the
/// tool ends quietly instead, as other command-line tools do. Call this
/// first in `main`, before anything prints (`--help` included). Children
/// never get a pipe to write to from us (their stdin is null), so the only
/// pipes the tool writes to are its own stdout and stderr.
pub fn kill_children_on_interrupt() {
    // Read now: the handler may not parse the limits table.
    STOP_GRACE_MS.store(crate::limits::get().runner.stop_grace_ms, Ordering::SeqCst);
    let handler = on_signal as extern "C" fn(libc::c_int);
    // SAFETY: the handler only calls async-signal-safe functions.
    unsafe {
        libc::signal(libc::SIGINT, handler as libc::sighandler_t);
        libc::signal(libc::SIGTERM, handler as libc::sighandler_t);
        libc::signal(libc::SIGPIPE, handler as libc::sighandler_t);
    }
}

/// The interrupt handler. A signal that comes while a child is being
/// started, before its group is registered, would leave that child running:
/// it is kept for [`Spawning`] to act on once the group is registered.
extern "C" fn on_signal(signal: libc::c_int) {
    if SPAWNING.load(Ordering::SeqCst) > 0 {
        PENDING_SIGNAL.store(signal, Ordering::SeqCst);
        return;
    }
    stop_every_group_and_exit(signal);
}

/// SIGTERM to every registered group first, so that a child with children
/// of its own (the grader under `cargo xtask test`) stops them; SIGKILL
/// after the grace for whatever is left; then exit as the signal would.
/// Async-signal-safe: atomics, kill, nanosleep and _exit only.
fn stop_every_group_and_exit(signal: libc::c_int) -> ! {
    let mut any = false;
    for slot in &RUNNING_GROUPS {
        let group = slot.load(Ordering::SeqCst);
        if group > 0 {
            any = true;
            // SAFETY: kill is async-signal-safe and touches no memory.
            unsafe {
                libc::kill(-group, libc::SIGTERM);
            }
        }
    }
    if any {
        let grace = STOP_GRACE_MS.load(Ordering::SeqCst) as libc::c_long;
        let pause = libc::timespec {
            tv_sec: grace / 1000,
            tv_nsec: (grace % 1000) * 1_000_000,
        };
        // SAFETY: nanosleep is async-signal-safe; `pause` outlives the call.
        unsafe {
            libc::nanosleep(&pause, std::ptr::null_mut());
        }
    }
    for slot in &RUNNING_GROUPS {
        let group = slot.load(Ordering::SeqCst);
        if group > 0 {
            // SAFETY: as above.
            unsafe {
                libc::kill(-group, libc::SIGKILL);
            }
        }
    }
    // SAFETY: _exit is async-signal-safe.
    unsafe { libc::_exit(128 + signal) }
}

/// How many threads are between starting a child and registering its group.
static SPAWNING: AtomicI32 = AtomicI32::new(0);
/// An interrupt that came while one was; 0 if none.
static PENDING_SIGNAL: AtomicI32 = AtomicI32::new(0);

/// Held from just before a child is started until its group is registered:
/// an interrupt meanwhile waits, and is acted on when the last such guard
/// goes, so that the new child's group is stopped with the others.
struct Spawning;

impl Spawning {
    fn begin() -> Spawning {
        SPAWNING.fetch_add(1, Ordering::SeqCst);
        Spawning
    }
}

impl Drop for Spawning {
    fn drop(&mut self) {
        if SPAWNING.fetch_sub(1, Ordering::SeqCst) == 1 {
            let signal = PENDING_SIGNAL.swap(0, Ordering::SeqCst);
            if signal != 0 {
                stop_every_group_and_exit(signal);
            }
        }
    }
}

/// [runner] stop_grace_ms of the limits, for the interrupt handler.
static STOP_GRACE_MS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(500);

/// Registers a running group for the interrupt handler while alive.
struct Registered(Option<usize>);

impl Registered {
    fn new(group: i32) -> Registered {
        let slot = RUNNING_GROUPS.iter().position(|slot| {
            slot.compare_exchange(0, group, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
        });
        Registered(slot)
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Some(slot) = self.0 {
            RUNNING_GROUPS[slot].store(0, Ordering::SeqCst);
        }
    }
}

fn kill_group(child_id: u32) {
    signal_group(child_id, libc::SIGKILL);
}

fn signal_group(child_id: u32, signal: libc::c_int) {
    // SAFETY: sending a signal has no memory-safety preconditions. The child
    // led its own group (`process_group(0)`), so -pid names that group.
    unsafe {
        libc::kill(-(child_id as i32), signal);
    }
}

/// Reads `from` to its end into `capture`.
fn drain<O: LineObserver>(mut from: impl Read, capture: Arc<Mutex<Capture<O>>>) {
    let mut buf = vec![0; 64 * 1024];
    loop {
        match from.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => capture
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return,
        }
    }
}

/// Reads `from` until `lines` lines have come (or it ends), then drops it:
/// the child's next write finds no reader.
fn read_lines<O: LineObserver>(mut from: impl Read, lines: usize, capture: Arc<Mutex<Capture<O>>>) {
    let mut seen = 0;
    let mut byte = [0; 1];
    // A byte at a time, so that the capture holds exactly the lines asked
    // for; once they are in, the pipe closes and the child's next write
    // meets no reader.
    while seen < lines {
        match from.read(&mut byte) {
            Ok(0) => return,
            Ok(_) => {
                seen += usize::from(byte[0] == b'\n');
                capture
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(&byte);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return,
        }
    }
}

/// How long the output readers may go on after the child ended: a
/// grandchild that left the group could hold the pipe open for ever.
pub fn reader_grace() -> Duration {
    crate::limits::secs(crate::limits::get().runner.reader_grace)
}

/// Runs `command` to its end or until its time limit, whichever comes
/// first, with stdin closed.
pub fn run<O: LineObserver>(
    command: &mut Command,
    until: impl Into<Until>,
    output: Output,
) -> io::Result<Finished<O>> {
    run_with(command, until.into(), output, &mut |_| {})
}

/// [`run`], and when the time limit passes, `inspect` looks at the child
/// (given its pid) while it is still there, before its group is stopped:
/// the grader reads a hung test program's stacks this way. `inspect` must
/// bound its own time; whatever it starts is registered like any child, so
/// an interrupt stops it too. Its result is `None` if the child ended in
/// time.
pub fn run_inspecting<O: LineObserver, T>(
    command: &mut Command,
    limit: Duration,
    output: Output,
    inspect: impl FnOnce(u32) -> T,
) -> io::Result<(Finished<O>, Option<T>)> {
    let mut inspect = Some(inspect);
    let mut seen = None;
    let finished = run_with(command, Until::TimeLimit(limit), output, &mut |pid| {
        if let Some(inspect) = inspect.take() {
            seen = Some(inspect(pid));
        }
    })?;
    Ok((finished, seen))
}

fn run_with<O: LineObserver>(
    command: &mut Command,
    until: Until,
    output: Output,
    before_stop: &mut dyn FnMut(u32),
) -> io::Result<Finished<O>> {
    let keep = match output {
        Output::Inherit => Keep { head: 0, tail: 0 },
        Output::Merged(keep) | Output::Separate(keep) => keep,
        Output::ClosedAfter(_) => Keep::MIB,
    };
    let out = Arc::new(Mutex::new(Capture::<O>::new(keep.head, keep.tail)));
    let err = Arc::new(Mutex::new(Capture::<O>::new(keep.head, keep.tail)));
    command.stdin(Stdio::null());
    std::os::unix::process::CommandExt::process_group(command, 0);

    let mut readers = Vec::new();
    let spawning = Spawning::begin();
    let child: Child = match output {
        Output::Inherit => command.spawn()?,
        Output::Merged(_) => {
            let (reader, writer) = io::pipe()?;
            command.stdout(writer.try_clone()?).stderr(writer);
            let child = command.spawn();
            // Drop our copies of the write end, or the reader never sees EOF.
            command.stdout(Stdio::null()).stderr(Stdio::null());
            let child = child?;
            let capture = Arc::clone(&out);
            readers.push(thread::spawn(move || drain(reader, capture)));
            child
        }
        Output::Separate(_) => {
            command.stdout(Stdio::piped()).stderr(Stdio::piped());
            let mut child = command.spawn()?;
            if let Some(stream) = child.stdout.take() {
                let capture = Arc::clone(&out);
                readers.push(thread::spawn(move || drain(stream, capture)));
            }
            if let Some(stream) = child.stderr.take() {
                let capture = Arc::clone(&err);
                readers.push(thread::spawn(move || drain(stream, capture)));
            }
            child
        }
        Output::ClosedAfter(lines) => {
            let (reader, writer) = io::pipe()?;
            command.stdout(writer).stderr(Stdio::piped());
            let reader = if lines == 0 {
                drop(reader);
                None
            } else {
                Some(reader)
            };
            let child = command.spawn();
            command.stdout(Stdio::null()).stderr(Stdio::null());
            let mut child = child?;
            if let Some(stream) = reader {
                let capture = Arc::clone(&out);
                readers.push(thread::spawn(move || read_lines(stream, lines, capture)));
            }
            if let Some(stream) = child.stderr.take() {
                let capture = Arc::clone(&err);
                readers.push(thread::spawn(move || drain(stream, capture)));
            }
            child
        }
    };

    let id = child.id();
    let registered = Registered::new(id as i32);
    drop(spawning);
    let exit = wait(child, until, before_stop)?;
    // Whatever the child left running in its group goes too: it would hold
    // the pipe open and keep us waiting for the end of the output.
    kill_group(id);
    drop(registered);

    let (done_tx, done_rx) = mpsc::channel();
    thread::spawn(move || {
        for reader in readers {
            let _ = reader.join();
        }
        let _ = done_tx.send(());
    });
    let _ = done_rx.recv_timeout(reader_grace());
    let take = |capture: &Arc<Mutex<Capture<O>>>| {
        capture
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    };
    Ok(Finished {
        exit,
        out: take(&out),
        err: take(&err),
    })
}

/// For the command-line tests: runs `command` into a pipe that closes after
/// `lines` lines of its stdout (0: closed before it starts), with
/// `RUST_BACKTRACE=1` so that a panic would show. `Err` says what went
/// wrong: it timed out, panicked, printed a backtrace, or exited with 101.
pub fn check_ends_quietly_when_output_closes(
    command: &mut Command,
    lines: usize,
    limit: Duration,
) -> Result<(), String> {
    let what = format!("{command:?} with its output closed after {lines} line(s)");
    command.env("RUST_BACKTRACE", "1");
    let done: Finished = run(command, limit, Output::ClosedAfter(lines))
        .map_err(|e| format!("{what}: could not run: {e}"))?;
    let stderr = done.err.text();
    if done.exit == Exit::TimedOut {
        return Err(format!("{what} timed out after {} s", limit.as_secs()));
    }
    let panicked = ["panicked", "stack backtrace", "Broken pipe"]
        .iter()
        .any(|sign| stderr.contains(sign));
    if panicked || done.exit == Exit::Code(101) {
        return Err(format!(
            "{what} did not end quietly ({}):\n{stderr}",
            done.exit
        ));
    }
    Ok(())
}

/// A quick query of a tool (`rustc --print sysroot`, `cargo --version`):
/// its stdout when it exits with 0 within [`QUERY_LIMIT`], else an error
/// that says what happened (with its stderr).
pub fn query(command: &mut Command) -> io::Result<String> {
    let finished: Finished = run(command, QUERY_LIMIT, Output::Separate(Keep::MIB))?;
    if finished.exit.success() {
        Ok(finished.out.text())
    } else {
        Err(io::Error::other(format!(
            "{:?}: {}: {}",
            command,
            finished.exit,
            finished.err.text().trim()
        )))
    }
}

/// How long a quick query of a tool may take.
pub const QUERY_LIMIT: Duration = Duration::from_secs(60);

/// Waits for `child`; past the limit, lets `before_stop` look at it, then
/// kills its group and reaps it.
fn wait(mut child: Child, until: Until, before_stop: &mut dyn FnMut(u32)) -> io::Result<Exit> {
    let id = child.id();
    let limit = match until {
        Until::Stopped => return child.wait().map(exit_of),
        Until::TimeLimit(limit) => limit,
    };
    let (tx, rx) = mpsc::channel();
    let waiter = thread::spawn(move || {
        let _ = tx.send(child.wait());
    });
    let exit = match rx.recv_timeout(limit) {
        Ok(status) => exit_of(status?),
        Err(_) => {
            before_stop(id);
            // SIGTERM, so that a child with children of its own stops them;
            // then SIGKILL if it is still there after the grace.
            signal_group(id, libc::SIGTERM);
            let grace = Duration::from_millis(crate::limits::get().runner.stop_grace_ms);
            if rx.recv_timeout(grace).is_err() {
                kill_group(id);
                // The waiter reaps the killed child.
                let _ = rx.recv();
            }
            Exit::TimedOut
        }
    };
    let _ = waiter.join();
    Ok(exit)
}

fn exit_of(status: ExitStatus) -> Exit {
    if let Some(code) = status.code() {
        return Exit::Code(code);
    }
    if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(&status) {
        return Exit::Signal(signal);
    }
    Exit::Code(-1)
}

/// A signal's usual name, for messages.
pub fn signal_name(signal: i32) -> String {
    let name = match signal {
        6 => "SIGABRT",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        7 => "SIGBUS",
        8 => "SIGFPE",
        4 => "SIGILL",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        _ => return format!("signal {signal}"),
    };
    format!("{name} (signal {signal})")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An interrupt between starting a child and registering its group is
    /// kept for later, not acted on at once: acting at once would exit
    /// before the new group could be stopped (a fresh-clone run once left a
    /// fake `mdbook serve` running after SIGTERM, on a loaded machine).
    #[test]
    fn an_interrupt_while_a_child_starts_waits_for_its_registration() {
        let spawning = Spawning::begin();
        on_signal(libc::SIGTERM); // returns: a real one would have exited
        assert_eq!(PENDING_SIGNAL.swap(0, Ordering::SeqCst), libc::SIGTERM);
        drop(spawning); // nothing pending any more: does not exit
        assert_eq!(SPAWNING.load(Ordering::SeqCst), 0);
    }
    use std::time::Instant;

    #[derive(Debug, Default, Clone)]
    struct Count(usize);
    impl LineObserver for Count {
        fn line(&mut self, _: &str) {
            self.0 += 1;
        }
    }

    fn sh(script: &str) -> Command {
        let mut command = Command::new("sh");
        command.args(["-c", script]);
        command
    }

    #[test]
    fn a_closed_output_stops_the_writer_after_the_lines_asked_for() {
        // Past the first line nobody reads: the pipe fills, then closes, and
        // a write finds no reader: sh dies of SIGPIPE, as under `| head -1`.
        let done: Finished = run(
            &mut sh("echo one; while :; do echo two; done"),
            Duration::from_secs(10),
            Output::ClosedAfter(1),
        )
        .unwrap();
        assert_eq!(done.out.text(), "one\n");
        assert_eq!(done.exit, Exit::Signal(libc::SIGPIPE));
        let done: Finished = run(
            &mut sh("echo one"),
            Duration::from_secs(10),
            Output::ClosedAfter(0),
        )
        .unwrap();
        assert_eq!(done.exit, Exit::Signal(libc::SIGPIPE));
    }

    /// Is `pid` gone (or a zombie nobody has reaped yet)?
    fn gone(pid: &str) -> bool {
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            Err(_) => true,
            Ok(stat) => stat
                .rsplit_once(") ")
                .is_some_and(|(_, rest)| rest.starts_with('Z')),
        }
    }

    #[test]
    fn a_timeout_lets_a_child_stop_children_of_its_own() {
        // Like the grader under `cargo xtask test`: sh starts a sleeper in a
        // group of its own, and stops it when told to stop (SIGTERM). A
        // SIGKILL straight away would leave the sleeper running for ever.
        let pidfile = std::env::temp_dir().join(format!("kit-nested-{}", std::process::id()));
        let script = format!(
            "setsid sleep 300 & echo $! > {0}; trap 'kill $!; exit 0' TERM; wait",
            pidfile.display()
        );
        let done: Finished = run(
            &mut sh(&script),
            Duration::from_secs(1),
            Output::Separate(Keep::MIB),
        )
        .unwrap();
        assert_eq!(done.exit, Exit::TimedOut);
        let pid = std::fs::read_to_string(&pidfile).unwrap();
        let pid = pid.trim();
        let deadline = Instant::now() + Duration::from_secs(10);
        while !gone(pid) && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(20));
        }
        let survived = !gone(pid);
        if survived {
            // SAFETY: kill(2) on the sleeper this test started.
            unsafe {
                libc::kill(pid.parse().unwrap(), libc::SIGKILL);
            }
        }
        let _ = std::fs::remove_file(&pidfile);
        assert!(
            !survived,
            "the child's own child (pid {pid}) outlived the timeout"
        );
    }

    #[test]
    fn the_quiet_end_check_tells_a_quiet_end_from_a_panic() {
        let limit = Duration::from_secs(10);
        for lines in [0, 1] {
            check_ends_quietly_when_output_closes(&mut sh("echo one; echo two"), lines, limit)
                .unwrap();
            let panics =
                "echo \"thread 'main' panicked at src/main.rs:1:1:\" >&2; echo one; exit 101";
            let problem =
                check_ends_quietly_when_output_closes(&mut sh(panics), lines, limit).unwrap_err();
            assert!(problem.contains("did not end quietly"), "{problem}");
        }
        let problem = check_ends_quietly_when_output_closes(
            &mut sh("sleep 5"),
            0,
            Duration::from_millis(200),
        )
        .unwrap_err();
        assert!(problem.contains("timed out"), "{problem}");
    }

    #[test]
    fn capture_keeps_head_and_tail_and_counts_the_cut() {
        let mut capture = Capture::<()>::new(4, 3);
        for chunk in [&b"abc"[..], b"defgh", b"ijklmnop"] {
            capture.push(chunk);
        }
        assert_eq!(capture.total(), 16);
        assert_eq!(capture.cut(), 16 - 4 - 3);
        assert_eq!(capture.text(), "abcd\n[… 9 bytes cut …]\nnop");
    }

    #[test]
    fn the_observer_sees_every_line_even_the_cut_ones() {
        let mut capture = Capture::<Count>::new(5, 5);
        for _ in 0..1000 {
            capture.push(b"spam\n");
        }
        capture.push(b"half");
        assert_eq!(capture.observer.0, 1000);
    }

    #[test]
    fn capture_survives_a_flood() {
        let mut capture = Capture::<()>::new(10, 10);
        for _ in 0..10_000 {
            capture.push(&[b'x'; 1000]);
        }
        assert_eq!(capture.total(), 10_000_000);
        assert!(capture.text().contains("[… 10.0 MB cut …]"));
        assert!(capture.tail.len() <= 2 * 10 + 1000);
    }

    const KEEP: Keep = Keep {
        head: 1000,
        tail: 1000,
    };

    #[test]
    fn inspect_sees_a_timed_out_child_alive_and_a_quick_one_not_at_all() {
        let alive_when_inspected =
            |pid: u32| std::path::Path::new(&format!("/proc/{pid}")).exists();
        let (done, seen): (Finished, _) = run_inspecting(
            &mut sh("sleep 30"),
            Duration::from_millis(300),
            Output::Merged(Keep::MIB),
            alive_when_inspected,
        )
        .unwrap();
        assert_eq!((done.exit, seen), (Exit::TimedOut, Some(true)));
        let (done, seen): (Finished, _) = run_inspecting(
            &mut sh("true"),
            Duration::from_secs(30),
            Output::Merged(Keep::MIB),
            alive_when_inspected,
        )
        .unwrap();
        assert_eq!((done.exit, seen), (Exit::Code(0), None));
    }

    #[test]
    fn a_child_that_runs_too_long_is_killed_with_its_children() {
        let mut command = Command::new("sh");
        // The grandchild `sleep` would keep the pipe open if it survived.
        command.args(["-c", "echo started; sleep 30 & sleep 30"]);
        let started = Instant::now();
        let finished: Finished = run(
            &mut command,
            Duration::from_millis(300),
            Output::Merged(KEEP),
        )
        .unwrap();
        assert_eq!(finished.exit, Exit::TimedOut);
        assert_eq!(finished.out.text(), "started\n");
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn a_grandchild_that_leaves_the_group_cannot_hang_the_readers() {
        let mut command = Command::new("sh");
        // `setsid` puts the grandchild in a new session: killing our group
        // misses it, and it holds the pipe for 8 s. The child waits (on a
        // fifo) until the grandchild has left the group, then exits.
        command.args([
            "-c",
            "f=$(mktemp -u); mkfifo $f; \
             setsid sh -c \"echo left > $f; exec sleep 8\" & \
             read x < $f; rm $f; echo started; exit 0",
        ]);
        let started = Instant::now();
        let finished: Finished = run(
            &mut command,
            Duration::from_secs(20),
            Output::Separate(KEEP),
        )
        .unwrap();
        assert_eq!(finished.exit, Exit::Code(0));
        assert_eq!(finished.out.text(), "started\n");
        // A guard, not a measurement: without the grace period the readers
        // would wait for the grandchild's 8 s.
        assert!(started.elapsed() < Duration::from_secs(6));
    }

    #[test]
    fn merged_streams_keep_the_order_written() {
        let mut command = Command::new("sh");
        command.args(["-c", "echo one; echo two >&2; echo three; exit 3"]);
        let finished: Finished =
            run(&mut command, Duration::from_secs(20), Output::Merged(KEEP)).unwrap();
        assert_eq!(finished.exit, Exit::Code(3));
        assert_eq!(finished.out.text(), "one\ntwo\nthree\n");
    }

    #[test]
    fn separate_streams_stay_apart_and_a_signal_is_reported() {
        let mut command = Command::new("sh");
        command.args(["-c", "echo out; echo err >&2; kill -TERM $$"]);
        let finished: Finished = run(
            &mut command,
            Duration::from_secs(20),
            Output::Separate(KEEP),
        )
        .unwrap();
        assert_eq!(finished.exit, Exit::Signal(15));
        assert_eq!(finished.out.text(), "out\n");
        assert_eq!(finished.err.text(), "err\n");
    }
}
