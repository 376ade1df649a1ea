//! A thread that returns a `Result` gives `join()` three outcomes: `Ok(Ok(v))`
//! it worked, `Ok(Err(e))` it reported an error, `Err(payload)` it panicked.
use std::thread;

fn parse_reading(text: &str) -> Result<u32, String> {
    let value: u32 = text.trim().parse().map_err(|e| format!("{text:?}: {e}"))?;
    // A bug we have not found yet: a reading of 0 makes this divide by zero.
    Ok(1000 / value)
}

fn main() {
    // ANCHOR: main
    let inputs = ["250", "abc", "0"];
    let handles: Vec<_> = inputs
        .iter()
        .map(|&text| thread::spawn(move || parse_reading(text)))
        .collect();

    for (text, handle) in inputs.iter().zip(handles) {
        match handle.join() {
            Ok(Ok(value)) => println!("{text}: worked, {value}"),
            Ok(Err(error)) => println!("{text}: reported an error: {error}"),
            Err(payload) => {
                let message = payload
                    .downcast_ref::<&str>()
                    .copied()
                    .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
                    .unwrap_or("(not a string)");
                println!("{text}: panicked: {message}");
            }
        }
    }
    // ANCHOR_END: main
}
