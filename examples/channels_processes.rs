//! Between processes a value crosses as bytes: this program starts a copy of itself
//! as a child process and talks to it through pipes, in a text format it chooses.

// ANCHOR: main
use std::env;
use std::io::{BufRead, BufReader, Write};
use std::process::{self, Command, Stdio};

/// The child: read lists of numbers, one per line, and answer each with the
/// list plus one more number and the child's process id.
fn child() {
    for line in std::io::stdin().lock().lines() {
        let mut numbers: Vec<u32> = line
            .unwrap()
            .split(',')
            .map(|n| n.parse().unwrap())
            .collect();
        numbers.push(numbers.len() as u32 + 1);
        let text: Vec<String> = numbers.iter().map(u32::to_string).collect();
        println!("{} {}", text.join(","), process::id());
    }
}

fn main() {
    if env::args().nth(1).as_deref() == Some("child") {
        return child();
    }
    let mut child = Command::new(env::current_exe().unwrap())
        .arg("child")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let numbers = vec![1, 2, 3];

    // "Sending" is writing bytes: the child gets a copy, never our Vec.
    let mut to_child = child.stdin.take().unwrap();
    let line: Vec<String> = numbers.iter().map(u32::to_string).collect();
    writeln!(to_child, "{}", line.join(",")).unwrap();
    drop(to_child); // closing the pipe is the child's "no more input"

    let mut reply = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut reply)
        .unwrap();
    let (list, pid) = reply.trim().split_once(' ').unwrap();
    println!(
        "child answered [{}]; our list is still {numbers:?}",
        list.replace(',', ", ")
    );
    let other = if pid != process::id().to_string() {
        "yes"
    } else {
        "no"
    };
    println!("the child ran in another process: {other}");
    println!(
        "child exited with code {}",
        child.wait().unwrap().code().unwrap()
    );
}
// ANCHOR_END: main
