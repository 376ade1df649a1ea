//! What one thread waits on, read from its frames: the innermost frame of a
//! blocking std, crossbeam or tokio call says it (a lock, a receive, a
//! join…); a thread in none of them that is not in a system call is
//! running.

use super::Frame;

/// What a thread was doing when the tests were stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Wait {
    Lock,
    ReadLock,
    WriteLock,
    Receive,
    Send,
    Join,
    Condvar,
    Barrier,
    Sleep,
    Park,
    /// Inside tokio's runtime with nothing to run: every task awaits.
    Runtime,
    /// In a system call no rule above names.
    Other,
    /// Not waiting: running (or yielding) in a loop.
    Running,
}

impl Wait {
    /// In plain words, after "thread X".
    pub fn words(self) -> &'static str {
        match self {
            Wait::Lock => "waits for a lock",
            Wait::ReadLock => "waits for a read lock",
            Wait::WriteLock => "waits for a write lock",
            Wait::Receive => "waits to receive from a channel",
            Wait::Send => "waits to send on a full channel",
            Wait::Join => "waits in join()",
            Wait::Condvar => "waits on a Condvar",
            Wait::Barrier => "waits at a barrier",
            Wait::Sleep => "sleeps",
            Wait::Park => "is parked",
            Wait::Runtime => "waits in tokio's runtime",
            Wait::Other => "waits in a system call",
            Wait::Running => "is running (a loop?)",
        }
    }

    pub fn is_lock(self) -> bool {
        matches!(self, Wait::Lock | Wait::ReadLock | Wait::WriteLock)
    }
}

/// What a thread does: the rules below, except that a thread that used CPU
/// time just before the capture is running, wherever gdb caught it. Ten
/// seconds into a hang, a thread that waits uses none; a busy loop can be
/// caught inside a system call, or inside a receive that returns at once
/// (a closed channel), and would otherwise look waiting.
pub fn classify_thread(frames: &[Frame], busy: bool) -> Wait {
    if busy {
        Wait::Running
    } else {
        classify(frames)
    }
}

/// The rules, innermost frame first: the first frame that matches one says
/// what the thread waits on.
pub fn classify(frames: &[Frame]) -> Wait {
    let names: Vec<String> = frames.iter().map(qualified).collect();
    if names.iter().any(|name| yields(name)) {
        return Wait::Running;
    }
    // Parking is how most of std's blocking calls wait (a channel's receive
    // parks its thread): it counts only when no caller says more.
    let calls: Vec<Wait> = names
        .iter()
        .filter_map(|name| blocking_call(name))
        .collect();
    if let Some(wait) = calls.iter().find(|&&w| w != Wait::Park).or(calls.first()) {
        return *wait;
    }
    match frames.first() {
        Some(f) if in_system_call(f) => Wait::Other,
        _ => Wait::Running,
    }
}

/// A frame's function as `crate::module::function`, lower case, without
/// generic arguments or symbol hash. Inlined frames often carry only the
/// bare name (`recv<()>`), so the module comes from the source file then:
/// `…/library/std/src/sync/mpsc.rs` → `std::sync::mpsc`,
/// `…/tokio-1.48.0/src/runtime/park.rs` → `tokio::runtime::park`.
pub fn qualified(frame: &Frame) -> String {
    let bare = without_generics(&frame.function);
    let bare = match bare.rsplit_once("::") {
        Some((path, last)) if is_symbol_hash(last) => path.to_owned(),
        _ => bare,
    };
    let module = frame.file.as_deref().and_then(module_of);
    let name = match module {
        Some(module) if !bare.contains("::") => format!("{module}::{bare}"),
        _ => bare,
    };
    name.to_lowercase()
}

/// `h` and 16 hex digits: the hash rustc's legacy mangling appends.
fn is_symbol_hash(segment: &str) -> bool {
    segment.len() == 17
        && segment.starts_with('h')
        && segment[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// The Rust module a source file of std or of a crate from the registry is.
fn module_of(file: &str) -> Option<String> {
    let (krate, path) = if let Some(i) = file.find("library/") {
        file[i + "library/".len()..].split_once("/src/")?
    } else {
        let (dir, path) = file.rsplit_once("/src/")?;
        let dir = dir.rsplit('/').next()?;
        // `tokio-1.48.0` → `tokio`.
        let krate = dir.rsplit_once('-').map_or(dir, |(name, _)| name);
        (krate, path)
    };
    let path = path.trim_end_matches(".rs").trim_end_matches("/mod");
    Some(format!(
        "{}::{}",
        krate.replace('-', "_"),
        path.replace('/', "::")
    ))
}

/// A spin loop's marks: the thread runs, even if it was caught in a call.
fn yields(name: &str) -> bool {
    (name.starts_with("std::thread") && name.ends_with("::yield_now"))
        || name.starts_with("core::hint::spin_loop")
}

fn blocking_call(name: &str) -> Option<Wait> {
    let has = |part: &str| name.contains(part);
    let method = name.rsplit("::").next().unwrap_or(name);
    // tokio first: its own Mutex, channels and joins are futures, never on a
    // stack; a runtime thread with nothing to do parks in these.
    if name.starts_with("tokio::runtime") && (has("park") || has("block_on")) {
        return Some(Wait::Runtime);
    }
    if !(name.starts_with("std::") || name.starts_with("crossbeam")) {
        return None;
    }
    let channel = has("mpsc") || has("mpmc") || has("channel");
    Some(match method {
        "lock" | "lock_contended" if has("mutex") => Wait::Lock,
        "read" | "read_contended" if has("rwlock") => Wait::ReadLock,
        "write" | "write_contended" if has("rwlock") => Wait::WriteLock,
        "recv" | "recv_timeout" | "next" | "recv_deadline" if channel => Wait::Receive,
        "send" | "send_timeout" if channel => Wait::Send,
        "join" if has("thread") => Wait::Join,
        "scope" if has("thread::scoped") => Wait::Join,
        "wait" | "wait_while" | "wait_timeout" | "wait_timeout_while" if has("condvar") => {
            Wait::Condvar
        }
        "wait" if has("barrier") => Wait::Barrier,
        "sleep" | "sleep_ms" if has("std::thread") => Wait::Sleep,
        "park" | "park_timeout" if has("std::thread") => Wait::Park,
        _ => return None,
    })
}

/// `a::B<c::D<e>>::f<g>` → `a::B::f`: generic arguments hold `::` too.
fn without_generics(function: &str) -> String {
    let mut depth = 0usize;
    function
        .chars()
        .filter(|&c| {
            match c {
                '<' => depth += 1,
                '>' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect()
}

/// Whether the innermost frame is a C library call that blocks: a lock, a
/// sleep, a join, or waiting for input or a connection (a socket's
/// `accept` or `recv`, a pipe's `read`), which no std rule above names.
fn in_system_call(frame: &Frame) -> bool {
    let function = frame.function.as_str();
    // Names a Rust function could have too count only without a Rust
    // source file: in glibc (its `sysdeps/` sources, or no debug information).
    let in_libc = frame
        .file
        .as_deref()
        .is_none_or(|file| file.contains("sysdeps/"));
    let socket_or_process = [
        "accept", "recv", "connect", "wait4", "waitpid", "select", "ppoll",
    ];
    if in_libc
        && socket_or_process
            .iter()
            .any(|name| function.starts_with(name))
    {
        return true;
    }
    [
        "__libc_accept",
        "__libc_recv",
        "__libc_connect",
        "__GI___libc_read",
        "__GI___poll",
        "syscall",
        "__futex",
        "futex",
        "epoll_wait",
        "poll",
        "__poll",
        "read",
        "__libc_read",
        "nanosleep",
        "clock_nanosleep",
        "__GI___clock_nanosleep",
        "pthread_cond",
        "__pthread_clockjoin",
        "pthread_join",
        "sched_yield",
    ]
    .iter()
    .any(|name| function.starts_with(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(functions: &[&str]) -> Vec<Frame> {
        functions
            .iter()
            .map(|f| Frame {
                function: (*f).to_owned(),
                file: None,
                line: None,
            })
            .collect()
    }

    #[test]
    fn a_busy_thread_is_running_wherever_it_was_caught() {
        let at = |function: &str| Frame {
            function: function.to_owned(),
            file: None,
            line: None,
        };
        let in_syscall = [at("syscall"), at("x::spin")];
        assert_eq!(classify_thread(&in_syscall, false), Wait::Other);
        assert_eq!(classify_thread(&in_syscall, true), Wait::Running);
        let locked = [
            at("syscall"),
            at("std::sync::poison::mutex::Mutex<u8>::lock<u8>"),
        ];
        assert_eq!(classify_thread(&locked, false), Wait::Lock);
        assert_eq!(classify_thread(&locked, true), Wait::Running);
    }

    #[test]
    fn an_inlined_frame_takes_its_module_from_its_file() {
        let at = |function: &str, file: &str| Frame {
            function: function.to_owned(),
            file: Some(file.to_owned()),
            line: Some(1),
        };
        let frames = [
            at("syscall", "../sysdeps/unix/sysv/linux/x86_64/syscall.S"),
            at(
                "std::thread::thread::Thread::park",
                "library/std/src/thread/thread.rs",
            ),
            at("recv<()>", "/rustc/5980/library/std/src/sync/mpmc/list.rs"),
            at(
                "std::sync::mpsc::Receiver<T>::recv::h2b9fc6b098aefc0c",
                "/rustc/5980/library/std/src/sync/mpsc.rs",
            ),
            at("{closure#0}", "/course/exercises/shared/tests/x.rs"),
        ];
        assert_eq!(qualified(&frames[2]), "std::sync::mpmc::list::recv");
        assert_eq!(qualified(&frames[3]), "std::sync::mpsc::receiver::recv");
        assert_eq!(classify(&frames), Wait::Receive);
        let condvar = [at(
            "wait_while<usize, x>",
            "/rustc/1/library/std/src/sync/poison/condvar.rs",
        )];
        assert_eq!(classify(&condvar), Wait::Condvar);
        let tokio = at(
            "park",
            "/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/tokio-1.48.0/src/runtime/park.rs",
        );
        assert_eq!(qualified(&tokio), "tokio::runtime::park::park");
    }

    #[test]
    fn the_innermost_blocking_call_says_what_a_thread_waits_on() {
        let cases = [
            (
                &[
                    "syscall",
                    "std::sys::sync::mutex::futex::Mutex::lock_contended",
                    "std::sync::poison::mutex::Mutex<u32>::lock<u32>",
                    "bank::Bank::transfer",
                ][..],
                Wait::Lock,
            ),
            (
                &[
                    "syscall",
                    "std::thread::thread::Thread::park",
                    "std::sync::mpmc::list::Channel<u32>::recv<u32>",
                    "std::sync::mpmc::Receiver<u32>::recv<u32>",
                    "std::sync::mpsc::Receiver<alloc::vec::Vec<u64>>::recv<alloc::vec::Vec<u64>>",
                    "std::sync::mpsc::{impl#15}::next<u32>",
                    "x::collect",
                ],
                Wait::Receive,
            ),
            (
                &[
                    "__futex_abstimed_wait_common64",
                    "__pthread_clockjoin_ex",
                    "std::sys::thread::unix::Thread::join",
                    "std::thread::join_handle::JoinInner<()>::join<()>",
                    "std::thread::JoinHandle<()>::join<()>",
                ],
                Wait::Join,
            ),
            (
                &["syscall", "std::sync::barrier::Barrier::wait"],
                Wait::Barrier,
            ),
            (
                &["syscall", "std::thread::thread::Thread::park", "x::wait"],
                Wait::Park,
            ),
            (
                &["syscall", "std::sync::poison::condvar::Condvar::wait<bool>"],
                Wait::Condvar,
            ),
            (
                &["clock_nanosleep", "std::thread::functions::sleep"],
                Wait::Sleep,
            ),
            (
                &["core::sync::atomic::atomic_load<bool>", "x::spin"],
                Wait::Running,
            ),
            (
                &[
                    "sched_yield",
                    "std::thread::functions::yield_now",
                    "x::spin",
                ],
                Wait::Running,
            ),
            (&["x::spin"], Wait::Running),
            (&["epoll_wait", "mio::poll::Poll::poll"], Wait::Other),
            (
                &["accept4", "std::net::tcp::TcpListener::accept", "x::serve"],
                Wait::Other,
            ),
            (
                &["__libc_recv", "std::net::tcp::TcpStream::read", "x::handle"],
                Wait::Other,
            ),
            (
                &[
                    "syscall",
                    "tokio::runtime::park::Inner::park",
                    "tokio::runtime::park::CachedParkThread::block_on<F>",
                ],
                Wait::Runtime,
            ),
        ];
        for (stack, wait) in cases {
            let stack: &[&str] = stack;
            assert_eq!(classify(&frames(stack)), wait, "{stack:?}");
        }
    }
}
