//! `thread::scope` lets threads borrow local variables: every thread spawned in the
//! scope is joined before `scope` returns, so no borrow can outlive its data.
use std::thread;

fn main() {
    // Plain local data on main's stack: no Arc, no clone, no 'static needed.
    let words = ["apple", "kiwi", "banana", "fig", "plum"];
    let mut longest = "";

    let (short_words, letters) = thread::scope(|s| {
        // Two threads read `words` through shared borrows at the same time.
        let short = s.spawn(|| words.iter().filter(|w| w.len() <= 4).count());
        let letters = s.spawn(|| words.iter().map(|w| w.len()).sum::<usize>());
        // A third thread borrows `longest` mutably; no other thread touches it.
        // The key (length, word) breaks ties the same way as the Python twin:
        // on equal keys `max_by_key` keeps the last, Python's `max` the first.
        s.spawn(|| {
            longest = words
                .iter()
                .copied()
                .max_by_key(|w| (w.len(), *w))
                .unwrap_or("")
        });
        // Handles can still be joined to get results...
        (short.join().unwrap(), letters.join().unwrap())
    }); // ...and any thread not joined yet is joined here, before scope returns.

    println!("words of 4 letters or fewer: {short_words}");
    println!("letters in all words: {letters}");
    println!("longest word: {longest}");
    println!("main still owns all {} words", words.len());
}
