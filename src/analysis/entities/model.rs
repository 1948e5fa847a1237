//! The averaged-perceptron weights: an open-addressing table from feature hash to one quantised weight per
//! tag, read from the bytes the training command writes (`assets/ner/fr.model`), and first-order Viterbi
//! decoding. A token's scores split in two: those of its own features (its word, shape, affixes, flags, and
//! its moves from each previous tag), computed once per distinct token digest of a document ([`TagCache`]),
//! and those of its context features, summed per occurrence.
//!
//! File format (little-endian): `LSNER1\0\0`, tag count (u32), slot count (u32, a power of two), scale
//! (f32, unused at run time: scores are compared, not interpreted), `slots` keys (u32, 0 = empty), then
//! `slots × tags` weights (i16).

use super::features::{
    MAX_GAZETTEER_CODE, NEIGHBOURS, TAGS, TokenDigest, allowed, context_features,
    gazetteer_pair_features, mix, neighbour_features, own_features, shape_tag_feature,
    transition_feature, word_tag_feature,
};
use super::memo::Memo;

const MAGIC: &[u8; 8] = b"LSNER1\0\0";

/// Lanes of a score vector: one per tag and one left at zero, so that adding a feature's weights is two
/// whole vector operations (the slot keeps its size: the key's alignment padded it to 20 bytes anyway).
const LANES: usize = 8;

/// Integer scores, one lane per tag.
type Sums = [i32; LANES];

/// One slot of the table: the key and its weights side by side, so that a lookup touches one cache line.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: u32,
    weights: [i16; LANES],
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
    transitions: [Sums; TAGS],
    /// What a missing neighbour at each of [`NEIGHBOURS`] gives (the padding's features).
    padding: [Sums; 4],
    /// The weights of the gazetteer pair features, per (left code, code, right code), a code past the edge of
    /// the sentence being `MAX_GAZETTEER_CODE + 1` (see [`gazetteer_pair_index`]).
    gazetteer_pairs: Vec<Sums>,
}

/// Codes a side of a gazetteer pair can take: every code, and the sentence's edge.
const SIDES: usize = MAX_GAZETTEER_CODE as usize + 2;

/// Where the weights of a token's gazetteer pair features are in [`Model::gazetteer_pairs`]; `None` for a
/// code out of range (computed on the spot).
#[inline]
fn gazetteer_pair_index(left: Option<u8>, code: u8, right: Option<u8>) -> Option<usize> {
    let side = |g: Option<u8>| g.map_or(SIDES - 1, usize::from);
    let (l, c, r) = (side(left), usize::from(code), side(right));
    (l < SIDES && c < SIDES - 1 && r < SIDES).then(|| (l * (SIDES - 1) + c) * SIDES + r)
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
                weights: [0; LANES],
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
            transitions: [[0; LANES]; TAGS],
            padding: [[0; LANES]; 4],
            gazetteer_pairs: Vec::new(),
        };
        for prev in 0..TAGS {
            let mut row = [0; LANES];
            model.add(transition_feature(prev), &mut row);
            model.transitions[prev] = row;
        }
        for (k, &offset) in NEIGHBOURS.iter().enumerate() {
            let mut row = [0; LANES];
            neighbour_features(offset, None, |f| model.add(f, &mut row));
            model.padding[k] = row;
        }
        let sides = || (0..=MAX_GAZETTEER_CODE).map(Some).chain([None]);
        let mut pairs = Vec::with_capacity(SIDES * SIDES * (SIDES - 1));
        for left in sides() {
            for code in 0..=MAX_GAZETTEER_CODE {
                for right in sides() {
                    debug_assert_eq!(gazetteer_pair_index(left, code, right), Some(pairs.len()));
                    let mut row = [0; LANES];
                    for f in gazetteer_pair_features(left, code, right) {
                        model.add(f, &mut row);
                    }
                    pairs.push(row);
                }
            }
        }
        model.gazetteer_pairs = pairs;
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
    fn add(&self, hash: u64, scores: &mut Sums) {
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

    /// Tags a sentence (its token digests): the best sequence of tags under the BIO constraints. `cache`
    /// keeps the scores of the token digests already seen, for the sentences that follow: one per document
    /// (or longer), and only ever with this model.
    pub fn tag(&self, tokens: &[TokenDigest], cache: &mut TagCache, tags: &mut Vec<usize>) {
        cache.rows.clear();
        for d in tokens {
            let row = cache.row(self, d);
            cache.rows.push(row);
        }
        let TagCache { rows, digests, .. } = &*cache;
        let scores = &digests.values;
        let n = tokens.len();
        viterbi(
            n,
            |i, out| {
                let mut sum = scores[rows[i] as usize].own;
                for (k, &offset) in NEIGHBOURS.iter().enumerate() {
                    let j = i as isize + offset;
                    let from = if (0..n as isize).contains(&j) {
                        &scores[rows[j as usize] as usize].as_neighbour[k]
                    } else {
                        &self.padding[k]
                    };
                    add_sums(&mut sum, from);
                }
                let left = i.checked_sub(1).map(|j| tokens[j].gazetteer);
                let right = tokens.get(i + 1).map(|d| d.gazetteer);
                let code = tokens[i].gazetteer;
                match gazetteer_pair_index(left, code, right) {
                    Some(at) => add_sums(&mut sum, &self.gazetteer_pairs[at]),
                    None => {
                        for f in gazetteer_pair_features(left, code, right) {
                            self.add(f, &mut sum);
                        }
                    }
                }
                context_features(tokens, i, |f| self.add(f, &mut sum));
                for (o, v) in out.iter_mut().zip(sum) {
                    *o = v as f32;
                }
            },
            |i, prev, out| *out = scores[rows[i] as usize].moves[prev],
            tags,
        );
    }

    /// The scores that depend on a token's digest alone; `shapes` are the weights of the shape features
    /// of its moves, per previous tag.
    fn token_scores(&self, d: &TokenDigest, shapes: &[Sums; TAGS]) -> TokenScores {
        let mut own = [0; LANES];
        own_features(std::slice::from_ref(d), 0, |f| self.add(f, &mut own));
        let mut moves = [[0f32; TAGS]; TAGS];
        for (prev, row) in moves.iter_mut().enumerate() {
            let mut sum = self.transitions[prev];
            add_sums(&mut sum, &shapes[prev]);
            self.add(word_tag_feature(d.lower, prev), &mut sum);
            for (o, v) in row.iter_mut().zip(sum) {
                *o = v as f32;
            }
        }
        let mut as_neighbour = [[0; LANES]; 4];
        for (row, &offset) in as_neighbour.iter_mut().zip(&NEIGHBOURS) {
            neighbour_features(offset, Some(d), |f| self.add(f, row));
        }
        TokenScores {
            own,
            moves,
            as_neighbour,
        }
    }

    /// The weights of the shape features of the moves into a token of this short shape, per previous tag.
    fn shape_moves(&self, short_shape: u64) -> [Sums; TAGS] {
        let mut rows = [[0; LANES]; TAGS];
        for (prev, row) in rows.iter_mut().enumerate() {
            self.add(shape_tag_feature(short_shape, prev), row);
        }
        rows
    }
}

#[inline]
fn add_sums(sum: &mut Sums, other: &Sums) {
    for (s, o) in sum.iter_mut().zip(other) {
        *s += o;
    }
}

/// What the tagger knows of a token from its digest alone: the weights of its own features, the scores of
/// the moves into each tag from each previous tag, and what it gives as the neighbour of another token at
/// each of [`NEIGHBOURS`].
#[derive(Clone, Copy, Debug)]
struct TokenScores {
    own: Sums,
    moves: [[f32; TAGS]; TAGS],
    as_neighbour: [Sums; 4],
}

/// The scores of the distinct token digests met so far, so that a word that comes back (function words,
/// punctuation, the names the article is about) costs the tagger only the features it shares with its
/// neighbours, and the weights of the short shapes met (a few dozen per document).
#[derive(Clone, Debug, Default)]
pub struct TagCache {
    digests: Memo<TokenDigest, TokenScores>,
    shapes: Memo<u64, [Sums; TAGS]>,
    /// The row in `digests` of each token of the sentence being tagged.
    rows: Vec<u32>,
}

impl TagCache {
    /// A cache for a document of `tokens` tokens (at most that many distinct digests).
    pub fn with_capacity(tokens: usize) -> TagCache {
        TagCache {
            digests: Memo::with_capacity(tokens),
            shapes: Memo::default(),
            rows: Vec::new(),
        }
    }

    /// The row of a digest, computing its scores the first time.
    fn row(&mut self, model: &Model, d: &TokenDigest) -> u32 {
        let hash = mix(d.cased, u64::from(d.flags) | u64::from(d.gazetteer) << 16);
        if let Some(row) = self.digests.find(d, hash) {
            return row;
        }
        let shape = match self.shapes.find(&d.short_shape, d.short_shape) {
            Some(row) => row,
            None => {
                let rows = model.shape_moves(d.short_shape);
                self.shapes.insert(d.short_shape, d.short_shape, rows)
            }
        };
        let scores = model.token_scores(d, &self.shapes.values[shape as usize]);
        self.digests.insert(*d, hash, scores)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Document;
    use crate::analysis::entities::features::{
        digest_document, lexical_tag_features, static_features,
    };
    use crate::analysis::entities::{FR_MODEL, Gazetteer, NAMES, base_gazetteer_sources};
    use crate::article::{Format, Lang, load_str};

    /// Texts with repeated words in changing positions and cases, names, acronyms, quotes and numbers.
    const TEXTS: &[&str] = &[
        "Le maire de Rennes, Paul Durand, a reçu mardi les élus de la Région Bretagne. « Le projet avance », \
         a dit M. Durand. LE PROJET coûtera 12 millions d'euros selon la Caisse des dépôts (CDC).",
        "La CDC a confirmé. Durand et Martin iront à Nantes puis à Brest ; à Brest, le maire les attend.",
        "",
        "Paris",
        "« Non. » Non ? NON !",
    ];

    fn digests(text: &str) -> (Vec<TokenDigest>, Vec<std::ops::Range<usize>>) {
        let article = load_str(text, Format::Text, Some(Lang::Fr));
        let doc = Document::new(&article);
        let mut sources = base_gazetteer_sources(Lang::Fr);
        sources.push(NAMES);
        let hits = Gazetteer::from_tsv(sources).find(&doc);
        let sentences = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
        (digest_document(&doc, &hits), sentences)
    }

    /// Decoding as the training command scores: every static feature summed per token, the tag features
    /// per previous tag, nothing remembered.
    fn reference_tags(model: &Model, tokens: &[TokenDigest]) -> Vec<usize> {
        let mut features = Vec::new();
        let mut tags = Vec::new();
        viterbi(
            tokens.len(),
            |i, out| {
                static_features(tokens, i, &mut features);
                let mut sum = [0; LANES];
                for &f in &features {
                    model.add(f, &mut sum);
                }
                for (o, v) in out.iter_mut().zip(sum) {
                    *o = v as f32;
                }
            },
            |i, prev, out| {
                let mut sum = model.transitions[prev];
                for f in lexical_tag_features(tokens, i, prev) {
                    model.add(f, &mut sum);
                }
                for (o, v) in out.iter_mut().zip(sum) {
                    *o = v as f32;
                }
            },
            &mut tags,
        );
        tags
    }

    #[test]
    fn own_and_context_features_make_the_static_features() {
        for text in TEXTS {
            let (tokens, _) = digests(text);
            let mut all = Vec::new();
            for i in 0..tokens.len() {
                static_features(&tokens, i, &mut all);
                let mut split = Vec::new();
                // The token's own features see nothing but its digest.
                own_features(std::slice::from_ref(&tokens[i]), 0, |f| split.push(f));
                let own = split.len();
                context_features(&tokens, i, |f| split.push(f));
                for offset in NEIGHBOURS {
                    let j = i as isize + offset;
                    let neighbour = usize::try_from(j).ok().and_then(|j| tokens.get(j));
                    neighbour_features(offset, neighbour, |f| split.push(f));
                }
                let left = i.checked_sub(1).map(|j| tokens[j].gazetteer);
                let right = tokens.get(i + 1).map(|d| d.gazetteer);
                split.extend(gazetteer_pair_features(left, tokens[i].gazetteer, right));
                assert_eq!(own, 18, "{text:?} token {i}");
                all.sort_unstable();
                split.sort_unstable();
                assert_eq!(all, split, "{text:?} token {i}");
            }
        }
    }

    #[test]
    fn remembered_scores_give_the_tags_of_a_full_decoding() {
        let model = Model::from_bytes(FR_MODEL).expect("the embedded model loads");
        // One cache across all texts: digests met in an earlier text are reused in later ones.
        let mut cache = TagCache::default();
        let mut tags = Vec::new();
        let (mut tagged, mut total) = (0, 0);
        for text in TEXTS {
            let (tokens, sentences) = digests(text);
            total += tokens.len();
            for range in sentences {
                let sentence = &tokens[range];
                model.tag(sentence, &mut cache, &mut tags);
                assert_eq!(tags, reference_tags(&model, sentence), "{text:?}");
                tagged += usize::from(tags.iter().any(|&t| t != 0));
            }
        }
        assert!(
            tagged >= 3,
            "the texts have names: {tagged} sentences tagged"
        );
        // "Brest", "à", "le", "maire", "Durand", "CDC"… come back: fewer rows than tokens.
        let rows = cache.digests.keys.len();
        assert!(rows < total, "{rows} of {total}");
    }
}
