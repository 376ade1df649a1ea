// expect: failed
// message: only 1 of 4 words were being measured at the same time
// "Fixed" by removing the threads: it compiles and computes the right
// numbers, one at a time.

pub fn measure_all(words: Vec<String>, measure: fn(&str) -> usize) -> Vec<usize> {
    words.iter().map(|word| measure(word)).collect()
}

pub fn count_together(threads: usize, work: fn() -> usize) -> usize {
    (0..threads).map(|_| work()).sum()
}
