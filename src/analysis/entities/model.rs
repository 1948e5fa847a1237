//! The averaged-perceptron weights: an open-addressing table from feature hash to one quantised weight per
//! tag, read from the bytes the training command writes (`assets/ner/fr.model`), and greedy left-to-right
//! decoding where each token sees the two tags chosen before it.
//!
//! File format (little-endian): `LSNER1\0\0`, tag count (u32), slot count (u32, a power of two), scale
//! (f32, unused at run time: scores are compared, not interpreted), `slots` keys (u32, 0 = empty), then
//! `slots × tags` weights (i16).

use super::features::{TAGS, TokenDigest, allowed, static_features, tag_features};

const MAGIC: &[u8; 8] = b"LSNER1\0\0";

/// Trained weights.
#[derive(Clone, Debug)]
pub struct Model {
    keys: Vec<u32>,
    weights: Vec<i16>,
    mask: usize,
}

#[inline]
fn key_of(hash: u64) -> u32 {
    ((hash >> 32) as u32) | 1
}

impl Model {
    /// Reads a model; `None` if the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let header = bytes.get(..20)?;
        if &header[..8] != MAGIC {
            return None;
        }
        let u32_at = |at: usize| -> Option<u32> {
            Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
        };
        if u32_at(8)? as usize != TAGS {
            return None;
        }
        let slots = u32_at(12)? as usize;
        if !slots.is_power_of_two() {
            return None;
        }
        let keys_end = 20 + 4 * slots;
        let weights_end = keys_end + 2 * slots * TAGS;
        if bytes.len() != weights_end {
            return None;
        }
        let keys = bytes[20..keys_end]
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let weights = bytes[keys_end..weights_end]
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Some(Model {
            keys,
            weights,
            mask: slots - 1,
        })
    }

    /// Serialises weights (feature hash, one weight per tag), quantising them to i16. Deterministic: the
    /// table depends only on the set of features, not on their order.
    pub fn to_bytes(features: &[(u64, [f32; TAGS])]) -> Vec<u8> {
        let mut sorted: Vec<&(u64, [f32; TAGS])> = features.iter().collect();
        sorted.sort_by_key(|(h, _)| *h);
        // Linear probing stays short up to a load of about 0.8.
        let slots = (sorted.len() * 5 / 4 + 1).next_power_of_two().max(16);
        let mask = slots - 1;
        let max = sorted
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(1e-6);
        let scale = 32767.0 / max;
        let mut keys = vec![0u32; slots];
        let mut weights = vec![0i16; slots * TAGS];
        for (hash, w) in sorted {
            let mut slot = *hash as usize & mask;
            while keys[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key_of(*hash);
            for (t, w) in w.iter().enumerate() {
                weights[slot * TAGS + t] = (w * scale).round().clamp(-32767.0, 32767.0) as i16;
            }
        }
        let mut out = Vec::with_capacity(20 + slots * (4 + 2 * TAGS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(TAGS as u32).to_le_bytes());
        out.extend_from_slice(&(slots as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for w in weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Adds the weights of a feature to `scores`.
    #[inline]
    fn add(&self, hash: u64, scores: &mut [i32; TAGS]) {
        let key = key_of(hash);
        let mut slot = hash as usize & self.mask;
        loop {
            let k = self.keys[slot];
            if k == key {
                let row = &self.weights[slot * TAGS..slot * TAGS + TAGS];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += i32::from(*w);
                }
                return;
            }
            if k == 0 {
                return;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// Tags a sentence (its token digests), greedily from left to right.
    pub fn tag(&self, tokens: &[TokenDigest], features: &mut Vec<u64>, tags: &mut Vec<usize>) {
        tags.clear();
        let (mut prev, mut prev2) = (0, 0);
        for i in 0..tokens.len() {
            static_features(tokens, i, features);
            let mut scores = [0i32; TAGS];
            for &f in features.iter() {
                self.add(f, &mut scores);
            }
            for f in tag_features(tokens, i, prev, prev2) {
                self.add(f, &mut scores);
            }
            let best = best_allowed(&scores, prev);
            tags.push(best);
            prev2 = prev;
            prev = best;
        }
    }
}

/// The highest-scoring tag that may follow `prev` (the first on ties, so `O` wins a tie).
pub fn best_allowed<T: PartialOrd + Copy>(scores: &[T; TAGS], prev: usize) -> usize {
    let mut best = 0;
    for t in 1..TAGS {
        if allowed(prev, t) && scores[t] > scores[best] {
            best = t;
        }
    }
    best
}
