// expect: failed
// message: the last, shorter chunk has a digest too
// par_chunks_exact leaves out the last chunk when it is shorter.

use rayon::prelude::*;

pub fn chunk_digests<F>(data: &[u8], chunk_len: usize, digest: F) -> Vec<u64>
where
    F: Fn(&[u8]) -> u64 + Sync,
{
    data.par_chunks_exact(chunk_len).map(&digest).collect()
}
