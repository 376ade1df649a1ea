//! A pipeline of stages: each stage is a thread that reads from one channel and
//! writes to the next. Closing the first channel shuts down every stage in turn.

// ANCHOR: main
use std::sync::mpsc::{self, Receiver};
use std::thread;

const TEXT: [&str; 3] = [
    "channels connect threads",
    "each stage owns its receiver",
    "and a sender to the next stage",
];

// Each stage spawns its thread and returns the receiving end of its output.
// sync_channel(4): no stage can run more than 4 items ahead of the next one.

fn read_lines(lines: &'static [&'static str]) -> Receiver<&'static str> {
    let (tx, rx) = mpsc::sync_channel(4);
    thread::spawn(move || {
        for line in lines {
            tx.send(*line).unwrap();
        }
        // tx is dropped here: the next stage's loop will end.
    });
    rx
}

fn split_words(lines: Receiver<&'static str>) -> Receiver<&'static str> {
    let (tx, rx) = mpsc::sync_channel(4);
    thread::spawn(move || {
        for line in lines {
            for word in line.split_whitespace() {
                tx.send(word).unwrap();
            }
        }
    });
    rx
}

fn keep_long(words: Receiver<&'static str>, min_len: usize) -> Receiver<String> {
    let (tx, rx) = mpsc::sync_channel(4);
    thread::spawn(move || {
        for word in words.iter().filter(|w| w.len() >= min_len) {
            tx.send(word.to_uppercase()).unwrap();
        }
    });
    rx
}

fn main() {
    // Wiring the stages reads like a chain of generators in Python.
    let long_words = keep_long(split_words(read_lines(&TEXT)), 6);
    let mut count = 0;
    for word in long_words {
        println!("{word}");
        count += 1;
    }
    println!("{count} long words; every stage has closed its channel");
}
// ANCHOR_END: main
