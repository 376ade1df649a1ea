//! A stable fingerprint of files and strings: what `cargo grade verify`
//! and `cargo xtask test` remember checks under, so that a check whose
//! inputs did not change since it last passed is not run again.

use std::fs;
use std::path::Path;

/// FNV-1a over a sequence of byte strings, each one closed by a separator so
/// that ("ab", "c") and ("a", "bc") differ. Stable from one build to the next.
#[derive(Debug, Clone, Copy)]
pub struct Hasher(u64);

impl Default for Hasher {
    fn default() -> Self {
        Self::new()
    }
}

impl Hasher {
    pub fn new() -> Self {
        Hasher(0xcbf2_9ce4_8422_2325)
    }

    pub fn feed(&mut self, bytes: &[u8]) {
        for byte in bytes.iter().chain(&[0xff]) {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// A file's name and contents (nothing, for a missing file).
    pub fn feed_file(&mut self, path: &Path) {
        self.feed(path.as_os_str().as_encoded_bytes());
        self.feed(&fs::read(path).unwrap_or_default());
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}
