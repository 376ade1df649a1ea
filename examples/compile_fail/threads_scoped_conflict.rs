// Scoped threads still obey the borrowing rules: one thread may not read `status`
// while another thread changes it.
// expect-error: E0502
use std::thread;

fn main() {
    let mut status = String::from("starting");
    thread::scope(|s| {
        s.spawn(|| println!("reader sees: {status}"));
        s.spawn(|| status.push_str(", then running"));
    });
    println!("final status: {status}");
}
