//! Small tables the entity recogniser fills per document: an open-addressing table from keys to rows of
//! values, and a fast hash for the strings and numbers it is keyed by (std's SipHash resists attacks these
//! tables do not face, at several times the cost).

/// An open-addressing table from keys (with their hash, computed by the caller) to rows of `values`.
#[derive(Clone, Debug)]
pub struct Memo<K, V> {
    /// Row + 1 of each key, 0 for an empty bucket; a power of two long.
    buckets: Vec<u32>,
    hashes: Vec<u64>,
    pub keys: Vec<K>,
    pub values: Vec<V>,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo {
            buckets: Vec::new(),
            hashes: Vec::new(),
            keys: Vec::new(),
            values: Vec::new(),
        }
    }
}

impl<K: PartialEq, V> Memo<K, V> {
    #[inline]
    pub fn find(&self, key: &K, hash: u64) -> Option<u32> {
        if self.buckets.is_empty() {
            return None;
        }
        let mask = self.buckets.len() - 1;
        let mut b = hash as usize & mask;
        loop {
            let row = self.buckets[b];
            if row == 0 {
                return None;
            }
            if self.keys[row as usize - 1] == *key {
                return Some(row - 1);
            }
            b = (b + 1) & mask;
        }
    }

    /// Adds a key that [`Memo::find`] did not find; returns its row.
    pub fn insert(&mut self, key: K, hash: u64, value: V) -> u32 {
        if 2 * (self.keys.len() + 1) > self.buckets.len() {
            let size = (2 * self.buckets.len()).max(64);
            self.buckets = vec![0; size];
            for (row, &h) in self.hashes.iter().enumerate() {
                Self::put(&mut self.buckets, h, row as u32);
            }
        }
        let row = self.keys.len() as u32;
        Self::put(&mut self.buckets, hash, row);
        self.hashes.push(hash);
        self.keys.push(key);
        self.values.push(value);
        row
    }

    fn put(buckets: &mut [u32], hash: u64, row: u32) {
        let mask = buckets.len() - 1;
        let mut b = hash as usize & mask;
        while buckets[b] != 0 {
            b = (b + 1) & mask;
        }
        buckets[b] = row + 1;
    }
}

impl<K: PartialEq, V> Memo<K, V> {
    /// The row of `key`, adding it with the value `make` gives if it is new.
    #[inline]
    pub fn row_or_insert_with(&mut self, key: K, hash: u64, make: impl FnOnce() -> V) -> u32 {
        match self.find(&key, hash) {
            Some(row) => row,
            None => self.insert(key, hash, make()),
        }
    }
}

/// A fast hash of bytes (FxHash's multiply-rotate over 8-byte words), finished so that the low bits, which
/// pick the bucket, depend on every input bit.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
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

/// A hasher for keys that are already well-mixed 64-bit hashes: one multiplication spreads them over the
/// high bits hashbrown's control bytes use.
#[derive(Clone, Copy, Debug, Default)]
pub struct HashedKey(u64);

impl std::hash::Hasher for HashedKey {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(bytes);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(26);
    }
}

/// A set of 64-bit hashes.
pub type HashSet64 = std::collections::HashSet<u64, std::hash::BuildHasherDefault<HashedKey>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memo_finds_what_it_holds() {
        let mut memo: Memo<&str, usize> = Memo::default();
        let words = ["le", "la", "les", "Paris", "", "la", "maire", "le"];
        let mut rows = Vec::new();
        for w in words {
            // A poor hash, so that keys share buckets and the probing is exercised.
            let hash = w.len() as u64;
            rows.push(memo.row_or_insert_with(w, hash, || w.len()));
        }
        assert_eq!(rows, [0, 1, 2, 3, 4, 1, 5, 0]);
        assert_eq!(memo.keys, ["le", "la", "les", "Paris", "", "maire"]);
        assert_eq!(memo.find(&"Lyon", 4), None);
        // Well past the first sizes of the table, with many keys per bucket.
        let mut big: Memo<u64, u64> = Memo::default();
        for n in 0..1000u64 {
            assert_eq!(big.row_or_insert_with(n, n % 7, || 2 * n), n as u32);
        }
        assert_eq!(big.find(&999, 999 % 7), Some(999));
        assert_eq!(big.values[999], 1998);
        assert_eq!(big.find(&1000, 1000 % 7), None);
    }

    #[test]
    fn byte_hashes_differ_for_close_strings() {
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
        let mut hashes: Vec<u64> = words.iter().map(|w| hash_bytes(w.as_bytes())).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), words.len());
    }
}
