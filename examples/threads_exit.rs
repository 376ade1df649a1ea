//! `std::process::exit` ends the whole process from any thread, at once: no destructor
//! runs, on that thread or any other, and the `join` that main is waiting in never returns.
use std::process;
use std::thread;

/// Prints a line when it is dropped, the way clean-up code in a destructor would run.
struct Cleanup(&'static str);

impl Drop for Cleanup {
    fn drop(&mut self) {
        println!("{}: cleaned up", self.0);
    }
}

fn main() {
    let _main_cleanup = Cleanup("main");
    let worker = thread::spawn(|| {
        let _worker_cleanup = Cleanup("worker");
        println!("worker: giving up, exiting with status 3");
        // No newline: this text is still in stdout's buffer when exit is called.
        print!("worker: a line without its newline");
        process::exit(3);
    });
    worker.join().unwrap(); // never returns: the process ends while main waits here
    println!("main: the worker has ended"); // never printed
}
