// expect: failed
// message: only 1 of 2 chunks were being digested at the same time
// The right digests in the right order, one chunk after another: `chunks`
// where `par_chunks` belongs.

pub fn chunk_digests<F>(data: &[u8], chunk_len: usize, digest: F) -> Vec<u64>
where
    F: Fn(&[u8]) -> u64 + Sync,
{
    data.chunks(chunk_len).map(&digest).collect()
}
