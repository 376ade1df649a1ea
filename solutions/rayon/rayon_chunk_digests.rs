//! Exercise `rayon_chunk_digests`: one digest per fixed-size chunk of a
//! buffer, computed in parallel with `par_chunks`, in the chunks' order.
//!
//! Grade it: `cargo grade rayon_chunk_digests`. Stuck? `cargo grade hint rayon_chunk_digests`.

// BEGIN SOLUTION (stub: )
use rayon::prelude::*;
// END SOLUTION

/// Cuts `data` into chunks of `chunk_len` bytes (the last one may be
/// shorter), computes `digest` of each chunk in parallel, and returns the
/// digests in the order of the chunks: the digest of `data[0..chunk_len]`
/// first.
///
/// In Python: `list(pool.map(digest, [data[i:i + n] for i in range(0, len(data), n)]))`.
///
/// Panics if `chunk_len` is 0.
pub fn chunk_digests<F>(data: &[u8], chunk_len: usize, digest: F) -> Vec<u64>
where
    F: Fn(&[u8]) -> u64 + Sync,
{
    // Your code: one parallel iterator over the chunks, mapped through
    // `digest`, collected.
    // BEGIN SOLUTION (stub: todo!("digest the chunks in parallel, keeping their order"))
    // par_chunks panics on a chunk size of 0, as the standard chunks does.
    // `&digest` is a shared reference: F is Sync, so the threads can all use it.
    data.par_chunks(chunk_len).map(&digest).collect()
    // END SOLUTION
}
