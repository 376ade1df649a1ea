//! Which type a panic's payload has depends on how the panic started, and a
//! downcast must look at the value inside the payload's Box, never at the Box.
use std::any::Any;
use std::panic;
use std::thread;

const DISK: u16 = 2;

/// Runs `job` on a thread of its own and returns the payload of its panic.
fn payload_of(job: fn() -> u16) -> Box<dyn Any + Send> {
    thread::spawn(job)
        .join()
        .expect_err("every job here panics")
}

// ANCHOR: types
/// Runs `job`, which panics, and says which type its panic's payload has.
fn report(code: &str, job: fn() -> u16) {
    let payload = payload_of(job);
    let kind = if payload.is::<&str>() {
        "&'static str"
    } else if payload.is::<String>() {
        "String"
    } else {
        "another type"
    };
    println!("{code:<42} leaves a {kind}");
}
// ANCHOR_END: types

// ANCHOR: message
/// The panic's message, if its payload is one of the two string types.
fn message(payload: &(dyn Any + Send)) -> Option<&str> {
    if let Some(text) = payload.downcast_ref::<&str>() {
        Some(text)
    } else {
        payload.downcast_ref::<String>().map(String::as_str)
    }
}
// ANCHOR_END: message

fn main() {
    // These panics are on purpose: a hook that prints nothing keeps stderr quiet.
    panic::set_hook(Box::new(|_| {}));

    // ANCHOR: jobs
    report(r#"panic!("disk full")"#, || panic!("disk full"));
    report(r#"panic!("disk {DISK} full")"#, || {
        panic!("disk {DISK} full")
    });
    report("1u16.checked_sub(2).unwrap()", || {
        1u16.checked_sub(2).unwrap()
    });
    report(r#"1u16.checked_sub(2).expect("no underflow")"#, || {
        1u16.checked_sub(2).expect("no underflow")
    });
    report(r#""http".parse::<u16>().unwrap()"#, || {
        "http".parse::<u16>().unwrap()
    });
    // ANCHOR_END: jobs

    // ANCHOR: coercion
    let payload = payload_of(|| panic!("disk full"));
    // A method call looks through the Box, at the `&str` inside it.
    println!(
        "payload.downcast_ref::<&str>() = {:?}",
        payload.downcast_ref::<&str>()
    );
    // `&*payload` is a reference to the value inside the Box: what `message` wants.
    println!("message(&*payload)             = {:?}", message(&*payload));
    // `&payload` is a reference to the Box itself. A Box is an `Any` too, so this
    // compiles, and `message` then asks the Box whether it is a string: never.
    println!("message(&payload)              = {:?}", message(&payload));
    // ANCHOR_END: coercion
}
