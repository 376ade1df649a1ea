//! Tests for `threads_make_it_compile`. `cargo grade threads_make_it_compile`
//! runs them against your `exercises/threads/threads_make_it_compile.rs`.

use exercise::{count_together, measure_all};
use exercise_support::{Current, Rendezvous};

/// The meeting point of the running test, reached from plain `fn`s.
static MEETING: Current<Rendezvous> = Current::new();

fn measured_len(word: &str) -> usize {
    MEETING.get().meet();
    word.len()
}

/// Worth 7, not 1: a total that counts threads instead of adding what `work`
/// returned must not come out right by chance.
fn seven_units_of_work() -> usize {
    MEETING.get().meet();
    7
}

#[test]
fn measures_come_back_in_the_order_of_the_words() {
    let _meeting = MEETING.install(Rendezvous::new(4, "words", "being measured"));
    let words = ["a", "bbb", "cc", ""].map(String::from).to_vec();
    assert_eq!(
        measure_all(words, measured_len),
        [1, 3, 2, 0],
        "the lengths of \"a\", \"bbb\", \"cc\" and \"\", in that order"
    );
}

#[test]
fn no_words_no_measures() {
    let _meeting = MEETING.install(Rendezvous::new(1, "words", "being measured"));
    assert_eq!(measure_all(Vec::new(), measured_len), Vec::<usize>::new());
}

#[test]
fn the_counting_threads_run_at_the_same_time_and_every_unit_counts() {
    let _meeting = MEETING.install(Rendezvous::new(6, "threads", "counting"));
    assert_eq!(
        count_together(6, seven_units_of_work),
        42,
        "six threads each returned 7"
    );
}

#[test]
fn one_thread_counts_too() {
    let _meeting = MEETING.install(Rendezvous::new(1, "threads", "counting"));
    assert_eq!(
        count_together(1, seven_units_of_work),
        7,
        "one thread returned 7"
    );
}
