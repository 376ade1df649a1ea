//! The hung program's threads in the learner's terms: who waits on what, at
//! which lines of the learner's file (innermost first, each with its source
//! line), and the pattern the waits make, when they make a known one.

use super::Thread;
use super::waits::{self, Wait};
use std::collections::BTreeMap;
use std::path::Path;

/// What the stacks of a timed-out test program showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hang {
    /// Threads that wait alike, grouped, in a stable order.
    pub groups: Vec<Group>,
    /// What the waits add up to, when they match a known pattern.
    pub pattern: Option<&'static str>,
}

/// One or more threads that wait on the same thing at the same lines.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Group {
    pub wait: Wait,
    /// `thread 'NAME'`, `the test's thread`, or empty for unnamed threads.
    pub who: String,
    /// The lines of the learner's file, innermost first: `FILE:LINE` and
    /// the source line.
    pub yours: Vec<(String, String)>,
    /// Where the test's own code waits, when the thread is in no line of
    /// the learner's file.
    pub in_test: Option<String>,
    pub count: usize,
}

/// What makes threads one group: their wait, who, the learner's lines, and
/// the test's line.
type GroupKey = (Wait, String, Vec<(String, String)>, Option<String>);

/// The files a frame can be in that the verdict names, relative to the
/// repository's root.
pub struct Files<'a> {
    pub root: &'a Path,
    /// The graded file.
    pub yours: &'a str,
    /// The exercise's tests.
    pub tests: &'a str,
}

impl Hang {
    /// The stacks of process `pid` while `test` was running.
    pub fn from_threads(threads: &[Thread], pid: u32, test: Option<&str>, files: &Files) -> Hang {
        let main_name = threads
            .iter()
            .find(|t| t.tid == pid)
            .map(|t| t.name.clone());
        let mut grouped: BTreeMap<GroupKey, usize> = BTreeMap::new();
        let mut runtime_only = false;
        for thread in threads {
            let wait = waits::classify_thread(&thread.frames, thread.busy);
            let yours = lines_in(thread, files.yours, files);
            let in_test = lines_in(thread, files.tests, files).into_iter().next();
            // The first thread is the test harness's (its frames map to the
            // tests file's line 1); it only waits for the test's thread.
            if yours.is_empty() && (in_test.is_none() || thread.tid == pid) {
                // The test harness, or a runtime's own threads.
                runtime_only |= wait == Wait::Runtime;
                continue;
            }
            let is_test_thread = thread
                .frames
                .iter()
                .any(|f| test.is_some_and(|t| f.function.ends_with(&format!("::{t}"))))
                || (thread.tid != pid
                    && test
                        .is_some_and(|t| !thread.name.is_empty() && t.starts_with(&thread.name)));
            let inherited = Some(&thread.name) == main_name.as_ref()
                || test.is_some_and(|t| !thread.name.is_empty() && t.starts_with(&thread.name));
            let who = if is_test_thread && in_test.is_some() && yours.is_empty() {
                "the test's thread".to_owned()
            } else if inherited || thread.name.is_empty() {
                String::new()
            } else {
                format!("thread '{}'", thread.name)
            };
            let in_test = if yours.is_empty() {
                in_test.map(|(at, _)| at)
            } else {
                None
            };
            *grouped.entry((wait, who, yours, in_test)).or_default() += 1;
        }
        let groups: Vec<Group> = grouped
            .into_iter()
            .map(|((wait, who, yours, in_test), count)| Group {
                wait,
                who,
                yours,
                in_test,
                count,
            })
            .collect();
        let pattern = pattern(&groups, runtime_only);
        Hang { groups, pattern }
    }

    /// The lines of the verdict that say where each thread waits.
    pub fn render(&self) -> String {
        let mut text = String::new();
        for group in &self.groups {
            text.push_str(&format!("  {}\n", group.heading()));
            for (at, source) in &group.yours {
                text.push_str(&format!("      {at}   {source}\n"));
            }
        }
        if self.groups.is_empty() {
            text.push_str("  no thread was in your code or in the test's\n");
        }
        if let Some(pattern) = self.pattern {
            text.push('\n');
            text.push_str(pattern);
        }
        text.trim_end().to_owned()
    }

    /// Whether the verdict names line `line` of the graded file `yours`.
    pub fn names_line(&self, yours: &str, line: usize) -> bool {
        let at = format!("{yours}:{line}");
        self.groups
            .iter()
            .any(|g| g.yours.iter().any(|(location, _)| *location == at))
    }
}

impl Group {
    fn heading(&self) -> String {
        let words = self.wait.words();
        let mut heading = if !self.who.is_empty() {
            format!("{} {words}", self.who)
        } else if self.count == 1 {
            format!("1 thread {words}")
        } else {
            format!("{} threads {}", self.count, plural(words))
        };
        if let Some(at) = &self.in_test {
            heading.push_str(&format!("   (in the test, {at})"));
        }
        heading
    }
}

/// "waits for" → "wait for", "is running" → "are running".
fn plural(words: &str) -> String {
    let (verb, rest) = words.split_once(' ').unwrap_or((words, ""));
    let verb = match verb {
        "is" => "are".to_owned(),
        v => v.strip_suffix('s').unwrap_or(v).to_owned(),
    };
    format!("{verb} {rest}").trim_end().to_owned()
}

/// The frames of `thread` in `file`, innermost first, as `FILE:LINE` with
/// the source line; a line that several inlined frames share, once.
fn lines_in(thread: &Thread, file: &str, files: &Files) -> Vec<(String, String)> {
    let source = std::fs::read_to_string(files.root.join(file)).unwrap_or_default();
    let mut lines: Vec<(String, String)> = Vec::new();
    for frame in &thread.frames {
        let (Some(path), Some(line)) = (&frame.file, frame.line) else {
            continue;
        };
        if !Path::new(path).ends_with(file) {
            continue;
        }
        let at = format!("{file}:{line}");
        if lines.last().is_some_and(|(last, _)| *last == at) {
            continue;
        }
        let text = source
            .lines()
            .nth((line as usize).saturating_sub(1))
            .unwrap_or_default()
            .trim()
            .to_owned();
        lines.push((at, text));
    }
    lines
}

const BUSY: &str = "A thread is running, not waiting: most likely a loop whose end never comes \
(it waits for a flag, a count or a channel that nothing changes, or never checks it again), or \
work far slower than the time limit allows. Check what ends the loop; to wait for another thread, \
block (recv, join, a Condvar) instead of spinning.";
const LOCK_ORDER: &str = "Two or more threads wait for locks and nothing else runs. Most often, \
threads take the same locks in different orders: each holds one and waits for another's, for \
ever. Take the locks in one order everywhere (for example the lower index first). If they are, \
look for a thread that holds a lock while it waits for something else, or locks one it already \
holds.";
const ONE_LOCK: &str = "One thread waits for a lock and no other thread runs that could let it \
go. Often that thread holds the lock itself: a thread that locks a Mutex it already holds waits \
for itself (std's Mutex is not re-entrant). Drop the first guard, or pass the locked value \
along, before locking again. Otherwise, find the thread that holds the lock and what it waits \
for.";
const JOIN: &str = "A thread waits in join() for a thread that is itself waiting: if what that \
thread waits for comes only after the join (a message, an unlock, a dropped Sender), each waits \
for the other. Send, unlock or drop first, then join.";
const RECEIVE: &str = "A thread waits for a message that never comes. A receive returns when a \
message arrives or when every Sender is dropped (`for x in rx` ends only then), so a Sender is \
still alive: in a thread that is stuck itself, or in one that never drops it, perhaps the \
receiving thread or one that waits for it. Drop each Sender (`drop(tx)`) once its last message \
is sent.";
const CONDVAR: &str = "A thread waits on a Condvar for a state it never sees: nothing changes \
that state, or what changes it does not notify, or the change came before the wait and nothing \
checked for it. Notify on every path that changes the state (a Drop too), and wait with \
wait_while (or in a loop) that checks the state before each wait.";
pub const RUNTIME: &str = "No thread is in your code, and tokio's runtime waits for work: a task \
awaits something that never comes (a permit, a message, a lock). A waiting task is on no \
thread's stack, so its line cannot be shown: look for an .await whose wake-up depends on \
something that never happens.";

/// The pattern the waits make, by priority: a busy loop explains itself;
/// two lock waits are more telling than the join that waits for them.
fn pattern(groups: &[Group], runtime_only: bool) -> Option<&'static str> {
    let count = |test: &dyn Fn(&Group) -> bool| -> usize {
        groups.iter().filter(|g| test(g)).map(|g| g.count).sum()
    };
    let running = count(&|g| g.wait == Wait::Running && !g.yours.is_empty());
    let locks = count(&|g| g.wait.is_lock());
    let waiting = count(&|g| {
        matches!(
            g.wait,
            Wait::Lock
                | Wait::ReadLock
                | Wait::WriteLock
                | Wait::Receive
                | Wait::Send
                | Wait::Condvar
        )
    });
    let joins_in_yours = count(&|g| g.wait == Wait::Join && !g.yours.is_empty());
    if running > 0 {
        Some(BUSY)
    } else if locks >= 2 {
        Some(LOCK_ORDER)
    } else if joins_in_yours > 0 && waiting > 0 {
        Some(JOIN)
    } else if count(&|g| g.wait == Wait::Receive) > 0 {
        Some(RECEIVE)
    } else if count(&|g| g.wait == Wait::Condvar) > 0 {
        Some(CONDVAR)
    } else if locks == 1 {
        Some(ONE_LOCK)
    } else if groups.iter().all(|g| g.yours.is_empty())
        && (runtime_only || groups.iter().any(|g| g.wait == Wait::Runtime))
    {
        Some(RUNTIME)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::Frame;
    use super::*;

    fn frame(function: &str, at: Option<(&str, u32)>) -> Frame {
        Frame {
            function: function.to_owned(),
            file: at.map(|(f, _)| f.to_owned()),
            line: at.map(|(_, l)| l),
        }
    }

    fn thread(tid: u32, name: &str, frames: Vec<Frame>) -> Thread {
        Thread {
            tid,
            name: name.to_owned(),
            frames,
            busy: false,
        }
    }

    /// A small "learner's file" and "tests" in a temporary root.
    fn files(dir: &Path) -> Files<'_> {
        std::fs::create_dir_all(dir.join("ex/tests")).unwrap();
        std::fs::write(
            dir.join("ex/bank.rs"),
            "fn lock() {\n    m.lock().unwrap()\n}\nlet a = lock(from);\nlet b = lock(to);\n",
        )
        .unwrap();
        std::fs::write(dir.join("ex/tests/bank.rs"), "t1.join();\n").unwrap();
        Files {
            root: dir,
            yours: "ex/bank.rs",
            tests: "ex/tests/bank.rs",
        }
    }

    fn locked_at(line: u32, root: &Path) -> Vec<Frame> {
        let yours = root.join("ex/bank.rs").display().to_string();
        vec![
            frame("syscall", None),
            frame("std::sync::poison::mutex::Mutex<u64>::lock<u64>", None),
            frame("exercise::lock", Some((&yours, 2))),
            frame("exercise::transfer", Some((&yours, line))),
        ]
    }

    #[test]
    fn two_threads_waiting_for_locks_are_named_with_their_lines_and_the_lock_order_pattern() {
        let dir = std::env::temp_dir().join(format!("grader-hang-{}", std::process::id()));
        let files = files(&dir);
        let tests = dir.join("ex/tests/bank.rs").display().to_string();
        let threads = [
            thread(
                10,
                "bank-5f3a",
                vec![frame("std::sync::mpmc::Receiver<T>::recv<T>", None)],
            ),
            thread(
                11,
                "both_ways",
                vec![
                    frame("std::thread::JoinHandle<()>::join<()>", None),
                    frame("bank::both_ways", Some((&tests, 1))),
                ],
            ),
            thread(12, "both_ways", locked_at(4, &dir)),
            thread(13, "transfer 2", locked_at(5, &dir)),
        ];
        let hang = Hang::from_threads(&threads, 10, Some("both_ways"), &files);
        let text = hang.render();
        assert_eq!(hang.pattern, Some(LOCK_ORDER), "{text}");
        assert!(
            hang.names_line("ex/bank.rs", 4) && hang.names_line("ex/bank.rs", 5),
            "{text}"
        );
        assert!(!hang.names_line("ex/bank.rs", 3), "{text}");
        assert!(text.contains("1 thread waits for a lock\n      ex/bank.rs:2   m.lock().unwrap()\n      ex/bank.rs:4   let a = lock(from);"), "{text}");
        assert!(
            text.contains("thread 'transfer 2' waits for a lock"),
            "{text}"
        );
        assert!(
            text.contains("the test's thread waits in join()   (in the test, ex/tests/bank.rs:1)"),
            "{text}"
        );
        // The harness's own thread, in no file of ours, is not listed.
        assert!(!text.contains("receive"), "{text}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_pattern_follows_the_waits() {
        let group = |wait, yours: bool, count| Group {
            wait,
            who: String::new(),
            yours: if yours {
                vec![("f:1".into(), String::new())]
            } else {
                vec![]
            },
            in_test: None,
            count,
        };
        assert_eq!(pattern(&[group(Wait::Running, true, 1)], false), Some(BUSY));
        assert_eq!(
            pattern(&[group(Wait::Lock, true, 1)], false),
            Some(ONE_LOCK)
        );
        assert_eq!(
            pattern(&[group(Wait::Receive, true, 1)], false),
            Some(RECEIVE)
        );
        assert_eq!(
            pattern(
                &[group(Wait::Join, true, 1), group(Wait::Receive, true, 1)],
                false
            ),
            Some(JOIN)
        );
        assert_eq!(
            pattern(&[group(Wait::Condvar, true, 2)], false),
            Some(CONDVAR)
        );
        assert_eq!(pattern(&[], true), Some(RUNTIME));
        assert_eq!(pattern(&[group(Wait::Sleep, true, 1)], false), None);
        assert_eq!(plural("waits for a lock"), "wait for a lock");
        assert_eq!(plural("is running (a loop?)"), "are running (a loop?)");
    }
}
