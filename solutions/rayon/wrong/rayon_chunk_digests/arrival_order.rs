// expect: failed
// message: the digests must come back in the order of the chunks
// Pushes each digest into a shared Vec as it is done: parallel, but in the
// order the chunks finish.

use std::sync::Mutex;

use rayon::prelude::*;

pub fn chunk_digests<F>(data: &[u8], chunk_len: usize, digest: F) -> Vec<u64>
where
    F: Fn(&[u8]) -> u64 + Sync,
{
    let digests = Mutex::new(Vec::new());
    data.par_chunks(chunk_len).for_each(|chunk| {
        let d = digest(chunk);
        digests.lock().unwrap().push(d);
    });
    digests.into_inner().unwrap()
}
