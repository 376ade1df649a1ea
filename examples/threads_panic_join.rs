//! When a thread panics, `join()` returns `Err` with the panic's payload, a
//! `Box<dyn Any + Send>`; downcasting it to `&str` or `String` recovers the message.
use std::any::Any;
use std::thread;

/// A panic's payload is whatever `panic!` was given: a `&'static str` for a plain
/// literal, a `String` when the message was formatted.
fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        format!("a &str: {text}")
    } else if let Some(text) = payload.downcast_ref::<String>() {
        format!("a String: {text}")
    } else {
        "of some other type".to_string()
    }
}

/// Runs `work` on a thread named `name`, waits for it and reports how it ended.
fn run_job(name: &str, work: fn() -> u16) {
    let handle = thread::Builder::new()
        .name(name.to_string())
        .spawn(work)
        .expect("the OS should let us start a thread");
    match handle.join() {
        Ok(port) => println!("{name}: returned {port}"),
        // `payload` is a Box; `&*payload` looks inside it, not at the Box itself.
        Err(payload) => println!("{name}: panicked, payload is {}", panic_message(&*payload)),
    }
}

fn default_port() -> u16 {
    8080
}

fn port_from_missing_file() -> u16 {
    panic!("no config file");
}

fn port_out_of_range() -> u16 {
    let port: u32 = 70_000;
    u16::try_from(port).unwrap_or_else(|_| panic!("port {port} is out of range"))
}

fn main() {
    // One job at a time, so the panic reports on stderr come out in a fixed order.
    run_job("job-1", default_port);
    run_job("job-2", port_from_missing_file);
    run_job("job-3", port_out_of_range);
    println!("main: still running after two panics");
}
