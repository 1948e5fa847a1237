//! A fast hash for the analysers' own tables, keyed by words and by hashes they computed: std's SipHash
//! resists collision attacks these tables do not face (their keys come from one article at a time), at
//! several times the cost per lookup.

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0xf135_7aea_2e62_a9c5;

/// A hash of bytes (FxHash's multiply-rotate over 8-byte words), finished so that the low bits, which pick
/// a bucket, depend on every input bit.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut word = [0; 8];
        word.copy_from_slice(w);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let mut last = [0; 8];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    h = (h.rotate_left(5) ^ u64::from_le_bytes(last)).wrapping_mul(K);
    h ^ (h >> 29)
}

/// [`hash_bytes`] as a [`Hasher`], for std's maps and sets.
#[derive(Clone, Copy, Debug, Default)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = (self.0.rotate_left(5) ^ hash_bytes(bytes)).wrapping_mul(K);
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        let h = (self.0.rotate_left(5) ^ n).wrapping_mul(K);
        self.0 = h ^ (h >> 29);
    }
}

/// Builds [`FastHasher`]s: `HashMap<K, V, FastHash>`.
pub type FastHash = BuildHasherDefault<FastHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn close_inputs_hash_apart() {
        let words = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "abcdefgh",
            "abcdefgi",
            "abcdefghi",
            "abcdefgh\0",
        ];
        let hashes: HashSet<u64> = words.iter().map(|w| hash_bytes(w.as_bytes())).collect();
        assert_eq!(hashes.len(), words.len());
        let numbers: HashSet<u64> = (0..1000u64)
            .map(|n| {
                let mut h = FastHasher::default();
                h.write_u64(n);
                h.finish() & 0xfff
            })
            .collect();
        // Consecutive numbers spread over the low bits (a bucket index), not onto a few values.
        assert!(numbers.len() > 700, "{}", numbers.len());
    }

    #[test]
    fn maps_with_the_fast_hash_work() {
        let mut map: std::collections::HashMap<String, usize, FastHash> = Default::default();
        for (n, w) in ["le", "la", "les", "le", "Paris"].iter().enumerate() {
            map.entry(w.to_string()).or_insert(n);
        }
        assert_eq!(map.len(), 4);
        assert_eq!(map.get("le"), Some(&0));
        assert_eq!(map.get("Paris"), Some(&4));
    }
}
