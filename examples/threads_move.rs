//! A `move` closure takes ownership of what it uses, so the new thread owns its data.
//! Clone first if main still needs a value; a thread can hand ownership back through `join`.
use std::thread;

fn main() {
    let guests = vec![
        String::from("Grace"),
        String::from("Ada"),
        String::from("Barbara"),
    ];

    // The first thread gets its own copy, so `guests` stays usable in main.
    let copy = guests.clone();
    let counter = thread::spawn(move || copy.iter().map(String::len).sum::<usize>());

    // The second thread takes `guests` itself, sorts it and returns it.
    let sorter = thread::spawn(move || {
        let mut names = guests;
        names.sort();
        names
    });
    // `guests` now belongs to the sorter thread; using it here would not compile:
    // println!("{guests:?}"); // error[E0382]: borrow of moved value: `guests`

    println!("letters in all names: {}", counter.join().unwrap());
    let guests = sorter.join().unwrap(); // ownership comes back to main
    println!("sorted guests: {}", guests.join(", "));
}
