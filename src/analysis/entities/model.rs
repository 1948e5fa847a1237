//! The averaged-perceptron weights: an open-addressing table from feature hash to one quantised weight per
//! tag, read from the bytes the training command writes (`assets/ner/fr.model`), and greedy left-to-right
//! decoding where each token sees the two tags chosen before it.
//!
//! File format (little-endian): `LSNER1\0\0`, tag count (u32), slot count (u32, a power of two), scale
//! (f32, unused at run time: scores are compared, not interpreted), `slots` keys (u32, 0 = empty), then
//! `slots × tags` weights (i16).

use super::features::{
    TAGS, TokenDigest, allowed, lexical_tag_features, static_features, transition_feature,
};

const MAGIC: &[u8; 8] = b"LSNER1\0\0";

/// One slot of the table: the key and its weights side by side, so that a lookup touches one cache line.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: u32,
    weights: [i16; TAGS],
}

/// Trained weights.
#[derive(Clone, Debug)]
pub struct Model {
    slots: Vec<Slot>,
    mask: usize,
    /// One bit per feature key (hashed again): most features of a text are absent from the model, and this
    /// small filter, which stays in the processor's cache, rejects them without a walk through the table.
    filter: Vec<u64>,
    /// The weights of the features that depend on the previous tag alone, per previous tag.
    transitions: [[i32; TAGS]; TAGS],
}

/// Size of the presence filter in bits (128 KiB).
const FILTER_BITS: usize = 1 << 20;

#[inline]
fn filter_bit(key: u32) -> usize {
    (key >> 1) as usize & (FILTER_BITS - 1)
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
        let mut table: Vec<Slot> = bytes[20..keys_end]
            .chunks_exact(4)
            .map(|c| Slot {
                key: u32::from_le_bytes([c[0], c[1], c[2], c[3]]),
                weights: [0; TAGS],
            })
            .collect();
        for (slot, row) in table
            .iter_mut()
            .zip(bytes[keys_end..weights_end].chunks_exact(2 * TAGS))
        {
            for (w, c) in slot.weights.iter_mut().zip(row.chunks_exact(2)) {
                *w = i16::from_le_bytes([c[0], c[1]]);
            }
        }
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for slot in &table {
            if slot.key != 0 {
                let bit = filter_bit(slot.key);
                filter[bit / 64] |= 1 << (bit % 64);
            }
        }
        let mut model = Model {
            filter,
            slots: table,
            mask: slots - 1,
            transitions: [[0; TAGS]; TAGS],
        };
        for prev in 0..TAGS {
            let mut row = [0; TAGS];
            model.add(transition_feature(prev), &mut row);
            model.transitions[prev] = row;
        }
        Some(model)
    }

    /// Serialises weights (feature hash, one weight per tag), quantising them to i16. Deterministic: the
    /// table depends only on the set of features, not on their order.
    pub fn to_bytes(features: &[(u64, [f32; TAGS])]) -> Vec<u8> {
        let mut sorted: Vec<&(u64, [f32; TAGS])> = features.iter().collect();
        sorted.sort_by_key(|(h, _)| *h);
        // A load of at most one half keeps linear probing short.
        let slots = (sorted.len() * 2).next_power_of_two().max(16);
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
        let bit = filter_bit(key);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return;
        }
        let mut slot = hash as usize & self.mask;
        loop {
            let entry = &self.slots[slot];
            if entry.key == key {
                for (s, w) in scores.iter_mut().zip(&entry.weights) {
                    *s += i32::from(*w);
                }
                return;
            }
            if entry.key == 0 {
                return;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// Tags a sentence (its token digests): the best sequence of tags under the BIO constraints.
    pub fn tag(&self, tokens: &[TokenDigest], features: &mut Vec<u64>, tags: &mut Vec<usize>) {
        viterbi(
            tokens.len(),
            |i, scores| {
                static_features(tokens, i, features);
                let mut sum = [0i32; TAGS];
                for &f in features.iter() {
                    self.add(f, &mut sum);
                }
                for (s, v) in scores.iter_mut().zip(sum) {
                    *s = v as f32;
                }
            },
            |i, prev, scores| {
                let mut sum = self.transitions[prev];
                for f in lexical_tag_features(tokens, i, prev) {
                    self.add(f, &mut sum);
                }
                for (s, v) in scores.iter_mut().zip(sum) {
                    *s = v as f32;
                }
            },
            tags,
        );
    }
}

/// First-order Viterbi decoding: `emit(i, scores)` sets the scores of token `i`'s tags from the features
/// that ignore the previous tag, `transit(i, prev, scores)` those that depend on it. The sequence starts
/// after an `O`. Ties go to the lower tag (so to `O`).
#[allow(clippy::needless_range_loop)] // tags index several tables at once
pub fn viterbi(
    n: usize,
    mut emit: impl FnMut(usize, &mut [f32; TAGS]),
    mut transit: impl FnMut(usize, usize, &mut [f32; TAGS]),
    tags: &mut Vec<usize>,
) {
    tags.clear();
    if n == 0 {
        return;
    }
    let mut back = vec![[0u8; TAGS]; n];
    let mut best = [f32::NEG_INFINITY; TAGS];
    let mut local = [0f32; TAGS];
    let mut moves = [0f32; TAGS];
    emit(0, &mut local);
    transit(0, 0, &mut moves);
    for t in 0..TAGS {
        if allowed(0, t) {
            best[t] = local[t] + moves[t];
        }
    }
    for i in 1..n {
        emit(i, &mut local);
        let mut next = [f32::NEG_INFINITY; TAGS];
        for prev in 0..TAGS {
            if best[prev] == f32::NEG_INFINITY {
                continue;
            }
            transit(i, prev, &mut moves);
            for t in 0..TAGS {
                if !allowed(prev, t) {
                    continue;
                }
                let score = best[prev] + moves[t] + local[t];
                if score > next[t] {
                    next[t] = score;
                    back[i][t] = prev as u8;
                }
            }
        }
        best = next;
    }
    let mut last = 0;
    for t in 1..TAGS {
        if best[t] > best[last] {
            last = t;
        }
    }
    tags.resize(n, 0);
    tags[n - 1] = last;
    for i in (1..n).rev() {
        tags[i - 1] = back[i][tags[i]] as usize;
    }
}
