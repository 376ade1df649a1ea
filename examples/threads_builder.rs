//! `thread::Builder` names a thread and sets its stack size before it starts;
//! `thread::current()` tells any code which thread is running it.
use std::thread;

/// Prints the name of whichever thread calls it.
fn report(role: &str) {
    let me = thread::current();
    // Threads started with plain `spawn` have no name.
    let name = me.name().unwrap_or("<unnamed>");
    println!("{role}: running on thread '{name}'");
}

fn main() -> std::io::Result<()> {
    report("main");

    let named = thread::Builder::new()
        .name("parser".to_string())
        // Ask for 256 KiB of stack instead of the default (2 MiB today).
        .stack_size(256 * 1024)
        // Unlike thread::spawn, Builder::spawn returns an io::Result:
        // the OS may refuse to create a thread, and `?` passes that on.
        .spawn(|| report("worker"))?;
    named.join().unwrap();

    let unnamed = thread::spawn(|| report("helper"));
    unnamed.join().unwrap();

    // Every thread also has a ThreadId, unique for the life of the process.
    let worker_id = thread::spawn(|| thread::current().id()).join().unwrap();
    let verdict = if worker_id == thread::current().id() {
        "the same"
    } else {
        "different"
    };
    println!("main and worker ids are {verdict}");
    Ok(())
}
