//! Small tables the entity recogniser fills per document: an open-addressing table from keys to rows of
//! values, and a set of hashes.

use crate::analysis::hash::FastHash;
pub use crate::analysis::hash::hash_bytes;

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
    /// A table with room for `n` keys: filled without moving its rows (each reallocation of a growing
    /// table copies them all, through cache lines that then push out the model's).
    pub fn with_capacity(n: usize) -> Self {
        Memo {
            buckets: vec![0; (2 * n).next_power_of_two().max(64)],
            hashes: Vec::with_capacity(n),
            keys: Vec::with_capacity(n),
            values: Vec::with_capacity(n),
        }
    }

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

/// A set of 64-bit hashes.
pub type HashSet64 = std::collections::HashSet<u64, FastHash>;

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
}
