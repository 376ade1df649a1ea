//! Tests for `rayon_chunk_digests`. `cargo grade rayon_chunk_digests` runs
//! them against your `exercises/rayon/rayon_chunk_digests.rs`.

use exercise::chunk_digests;
use exercise_support::{Rendezvous, ReverseFinish};
use std::panic::{self, AssertUnwindSafe};

/// A simple digest: FNV-1a, 64 bits.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn data(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 + i / 3) as u8).collect()
}

#[test]
fn one_digest_per_chunk_in_order() {
    let data = data(10_000);
    let got = chunk_digests(&data, 1_000, fnv);
    let expected: Vec<u64> = data.chunks(1_000).map(fnv).collect();
    assert_eq!(
        got, expected,
        "the digests must come back in the order of the chunks"
    );
}

#[test]
fn the_last_shorter_chunk_counts() {
    let data = data(10);
    let got = chunk_digests(&data, 4, |chunk: &[u8]| chunk.len() as u64);
    // Which digests first, then their order: an answer that loses the order
    // is told so, not that it lost the last chunk.
    let mut lengths = got.clone();
    lengths.sort_unstable();
    assert_eq!(lengths, [2, 4, 4], "the last, shorter chunk has a digest too");
    assert_eq!(
        got,
        [4, 4, 2],
        "the digests must come back in the order of the chunks"
    );
    assert_eq!(
        chunk_digests(&[], 4, fnv),
        Vec::<u64>::new(),
        "no data, no chunks"
    );
}

#[test]
fn the_order_holds_when_the_chunks_finish_last_to_first() {
    // Six chunks on six threads; chunk 5 finishes first, chunk 0 last.
    let relay = ReverseFinish::new(6);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(6)
        .build()
        .unwrap();
    let data = data(60);
    let got = pool.install(|| {
        chunk_digests(&data, 10, |chunk: &[u8]| {
            let index = position(&data, chunk);
            relay.finish(index);
            index as u64
        })
    });
    assert_eq!(
        got,
        [0, 1, 2, 3, 4, 5],
        "the digests must come back in the order of the chunks, however they finish"
    );
}

/// Which chunk of 10 bytes `chunk` is, from where it starts in `data`.
fn position(data: &[u8], chunk: &[u8]) -> usize {
    (chunk.as_ptr() as usize - data.as_ptr() as usize) / 10
}

#[test]
fn the_chunks_are_digested_in_parallel() {
    let meeting = Rendezvous::new(2, "chunks", "being digested");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let data = data(20);
    let got = pool.install(|| {
        chunk_digests(&data, 10, |chunk: &[u8]| {
            meeting.meet();
            fnv(chunk)
        })
    });
    // This test is about running at the same time; another one checks the order.
    let mut got = got;
    got.sort();
    let mut expected = vec![fnv(&data[..10]), fnv(&data[10..])];
    expected.sort();
    assert_eq!(got, expected, "two chunks, two digests");
}

#[test]
fn a_chunk_length_of_zero_panics() {
    assert_eq!(
        chunk_digests(&[1, 2, 3], 3, |chunk: &[u8]| chunk.len() as u64),
        [3],
        "3 bytes in chunks of 3: one chunk"
    );
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| chunk_digests(&[1, 2, 3], 0, fnv)));
    assert!(
        outcome.is_err(),
        "chunks of 0 bytes cannot cover any data: it must panic"
    );
}
