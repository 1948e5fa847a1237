//! Trains the entity tagger of `src/analysis/entities` on brat-annotated news (WiNER-fr) and writes
//! `fr.model` and `names.tsv` (the names seen in the training data, a gazetteer).
//!
//! ```text
//! cargo run --release --example train_ner -- --out assets/ner \
//!     --train ../shared/data/ner/winer-fr-dev/2016 --train ../shared/data/ner/winer-fr-dev/2017
//! ```
//!
//! Options: `--train DIR` (repeatable), `--eval DIR` (score a held-out folder with the full recogniser,
//! rules included), `--pred FILE` (write the `--eval` predictions as JSON Lines for `eval/score.py`),
//! `--holdout N` (hold out every Nth training document and score it), `--epochs N` (default 10),
//! `--out DIR` (write the model there), `--keep N` (keep the N strongest features, default 52000, so that the
//! table stays small enough for the processor's cache). Training is deterministic: the same data and options give the same
//! bytes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::needless_range_loop)]

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::path::{Path, PathBuf};

use liseuse::analysis::Document;
use liseuse::analysis::entities::features::{
    TAGS, TokenDigest, digest_document, static_features, tag_features,
};
use liseuse::analysis::entities::model::viterbi;
use liseuse::analysis::entities::{
    EntityKind, Gazetteer, Model, NameKind, Recognizer, base_gazetteer_sources,
};
use liseuse::article::{Article, Lang, load_path};

#[path = "common/corpus.rs"]
mod corpus;

/// Feature hashes are already well mixed: hash them as they are.
#[derive(Default)]
struct Identity(u64);
impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!()
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
type FeatureMap = HashMap<u64, usize, BuildHasherDefault<Identity>>;

struct Options {
    train: Vec<PathBuf>,
    eval: Option<PathBuf>,
    pred: Option<PathBuf>,
    holdout: usize,
    epochs: usize,
    out: Option<PathBuf>,
    keep: usize,
}

fn parse_args() -> Options {
    let mut o = Options {
        train: Vec::new(),
        eval: None,
        pred: None,
        holdout: 0,
        epochs: 10,
        out: None,
        keep: 52_000,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--train" => o.train.push(value().into()),
            "--eval" => o.eval = Some(value().into()),
            "--pred" => o.pred = Some(value().into()),
            "--holdout" => o.holdout = value().parse().unwrap(),
            "--epochs" => o.epochs = value().parse().unwrap(),
            "--out" => o.out = Some(value().into()),
            "--keep" => o.keep = value().parse().unwrap(),
            _ => panic!("unknown option {a}"),
        }
    }
    assert!(!o.train.is_empty(), "--train DIR is required");
    o
}

/// One annotated document: the article and its gold mentions (byte ranges, kinds).
struct Annotated {
    path: PathBuf,
    article: Article,
    gold: Vec<(usize, usize, NameKind)>,
}

fn load(dir: &Path) -> Vec<Annotated> {
    corpus::txt_files(dir, &|p| p.with_extension("ann").exists())
        .into_iter()
        .map(|path| {
            let article = load_path(&path).unwrap();
            let text = &article.text;
            let mut byte_of_char: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            byte_of_char.push(text.len());
            let ann = std::fs::read_to_string(path.with_extension("ann")).unwrap();
            let mut spans = Vec::new();
            for line in ann.lines().filter(|l| l.starts_with('T')) {
                let mut cols = line.split('\t');
                let info = cols.nth(1).unwrap_or("");
                let Some((kind, rest)) = info.split_once(' ') else {
                    continue;
                };
                let kind = match kind {
                    "Person" => NameKind::Person,
                    "Location" => NameKind::Place,
                    "Organization" => NameKind::Organization,
                    _ => continue,
                };
                if rest.contains(';') {
                    continue;
                }
                let mut it = rest.split(' ').map(|n| n.parse::<usize>().unwrap());
                let (s, e) = (it.next().unwrap(), it.next().unwrap());
                if e < byte_of_char.len() {
                    spans.push((byte_of_char[s], byte_of_char[e], kind));
                }
            }
            // Outermost spans only, as the scorer does.
            let mut gold: Vec<(usize, usize, NameKind)> = spans
                .iter()
                .filter(|a| !spans.iter().any(|b| b != *a && b.0 <= a.0 && a.1 <= b.1))
                .copied()
                .collect();
            gold.sort_by_key(|g| (g.0, g.1, g.2 as u8));
            gold.dedup();
            Annotated {
                path,
                article,
                gold,
            }
        })
        .collect()
}

fn kind_code(k: NameKind) -> usize {
    k as usize
}

/// The names of a set of documents with their most frequent kind, as `NAME<TAB>KIND` lines (sorted).
fn names_tsv(docs: &[&Annotated]) -> String {
    let mut counts: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for d in docs {
        for &(s, e, k) in &d.gold {
            let name = &d.article.text[s..e];
            if name.chars().count() < 2
                || !name.chars().next().is_some_and(|c| c.is_uppercase())
                || name.contains('\n')
            {
                continue;
            }
            counts.entry(name).or_default()[kind_code(k)] += 1;
        }
    }
    let mut out = String::from(
        "# Names seen in the training data (WiNER-fr, annotations CC BY 4.0, texts CC BY 2.5 Wikinews),\n\
         # with their most frequent kind. Written by examples/train_ner.rs.\n",
    );
    for (name, c) in counts {
        let best = (0..3).max_by_key(|&k| (c[k], 3 - k)).unwrap();
        let kind = [NameKind::Person, NameKind::Place, NameKind::Organization][best];
        out.push_str(&format!("{name}\t{}\n", kind.name()));
    }
    out
}

/// A sentence ready for training: its digests and gold tags.
struct Sentence {
    digests: Vec<TokenDigest>,
    tags: Vec<usize>,
}

fn sentences(d: &Annotated, gazetteer: &Gazetteer, misaligned: &mut usize) -> Vec<Sentence> {
    let doc = Document::new(&d.article);
    let hits = gazetteer.find(&doc);
    let digests = digest_document(&doc, &hits);
    let mut tags = vec![0usize; doc.tokens.len()];
    for &(s, e, k) in &d.gold {
        let inside: Vec<usize> = (0..doc.tokens.len())
            .filter(|&i| doc.tokens[i].start >= s && doc.tokens[i].end <= e)
            .collect();
        let aligned = inside.first().is_some_and(|&i| doc.tokens[i].start == s)
            && inside.last().is_some_and(|&i| doc.tokens[i].end == e);
        if !aligned {
            *misaligned += 1;
        }
        for (n, &i) in inside.iter().enumerate() {
            tags[i] = 1 + 2 * kind_code(k) + usize::from(n > 0);
        }
    }
    doc.sentences
        .iter()
        .map(|s| Sentence {
            digests: digests[s.tokens.clone()].to_vec(),
            tags: tags[s.tokens.clone()].to_vec(),
        })
        .collect()
}

struct Perceptron {
    index: FeatureMap,
    weights: Vec<[f32; TAGS]>,
    /// Sums of `step × update`, for averaging (Daumé's trick).
    updates: Vec<[f64; TAGS]>,
    step: f64,
}

impl Perceptron {
    fn score(&self, features: &[u64], scores: &mut [f32; TAGS]) {
        for f in features {
            if let Some(&r) = self.index.get(f) {
                for (s, w) in scores.iter_mut().zip(&self.weights[r]) {
                    *s += w;
                }
            }
        }
    }

    fn update(&mut self, features: &[u64], gold: usize, guess: usize) {
        for &f in features {
            let r = *self.index.entry(f).or_insert_with(|| {
                self.weights.push([0.0; TAGS]);
                self.updates.push([0.0; TAGS]);
                self.weights.len() - 1
            });
            self.weights[r][gold] += 1.0;
            self.weights[r][guess] -= 1.0;
            self.updates[r][gold] += self.step;
            self.updates[r][guess] -= self.step;
        }
    }

    fn update_one(&mut self, features: &[u64], tag: usize, delta: f32) {
        for &f in features {
            let r = *self.index.entry(f).or_insert_with(|| {
                self.weights.push([0.0; TAGS]);
                self.updates.push([0.0; TAGS]);
                self.weights.len() - 1
            });
            self.weights[r][tag] += delta;
            self.updates[r][tag] += self.step * delta as f64;
        }
    }

    fn train(&mut self, data: &[Sentence], epochs: usize) {
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = 0x2545_F491_4F6C_DD1Du64;
        let mut features = Vec::new();
        for epoch in 0..epochs {
            // Fisher–Yates with xorshift64: the same order on every run.
            for i in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(i, (rng % (i as u64 + 1)) as usize);
            }
            let (mut errors, mut total) = (0, 0);
            let mut guess = Vec::new();
            for &n in &order {
                let s = &data[n];
                viterbi(
                    s.digests.len(),
                    |i, scores| {
                        static_features(&s.digests, i, &mut features);
                        *scores = [0.0; TAGS];
                        self.score(&features, scores);
                    },
                    |i, prev, scores| {
                        *scores = [0.0; TAGS];
                        self.score(&tag_features(&s.digests, i, prev), scores);
                    },
                    &mut guess,
                );
                self.step += 1.0;
                for i in 0..s.digests.len() {
                    let gold_prev = if i == 0 { 0 } else { s.tags[i - 1] };
                    let guess_prev = if i == 0 { 0 } else { guess[i - 1] };
                    total += 1;
                    if guess[i] == s.tags[i] && gold_prev == guess_prev {
                        continue;
                    }
                    if guess[i] != s.tags[i] {
                        errors += 1;
                        static_features(&s.digests, i, &mut features);
                        self.update(&features, s.tags[i], guess[i]);
                    }
                    let gold_moves = tag_features(&s.digests, i, gold_prev);
                    let guess_moves = tag_features(&s.digests, i, guess_prev);
                    self.update_one(&gold_moves, s.tags[i], 1.0);
                    self.update_one(&guess_moves, guess[i], -1.0);
                }
            }
            eprintln!(
                "epoch {}: {errors} errors in {total} tokens, {} features",
                epoch + 1,
                self.weights.len()
            );
        }
    }

    /// The averaged weights of the `keep` strongest features (by their largest weight), sorted by hash.
    fn averaged(&self, keep: usize) -> Vec<(u64, [f32; TAGS])> {
        let mut out = Vec::new();
        for (&f, &r) in &self.index {
            let mut w = [0f32; TAGS];
            for t in 0..TAGS {
                w[t] = (self.weights[r][t] as f64 - self.updates[r][t] / self.step) as f32;
            }
            if w.iter().any(|x| x.abs() >= 0.01) {
                out.push((f, w));
            }
        }
        let strength = |w: &[f32; TAGS]| w.iter().fold(0f32, |m, x| m.max(x.abs()));
        out.sort_by(|a, b| {
            strength(&b.1)
                .total_cmp(&strength(&a.1))
                .then(a.0.cmp(&b.0))
        });
        out.truncate(keep);
        out.sort_by_key(|(f, _)| *f);
        out
    }
}

fn kind_label(k: EntityKind) -> Option<usize> {
    match k {
        EntityKind::Person => Some(0),
        EntityKind::Place => Some(1),
        EntityKind::Organization => Some(2),
        _ => None,
    }
}

/// Scores the full recogniser on documents, printing P/R/F1 per type; optionally writes JSON Lines.
fn evaluate(recognizer: &Recognizer, docs: &[&Annotated], pred: Option<&Path>) {
    let mut counts = [[0usize; 3]; 3]; // [type][gold, pred, exact]
    let mut lines = String::new();
    for d in docs {
        let doc = Document::new(&d.article);
        let found = recognizer.find(&doc, Lang::Fr);
        let mut entities = Vec::new();
        for e in &found {
            let b = e.span.bytes();
            if let Some(t) = kind_label(e.kind) {
                counts[t][1] += 1;
                if d.gold
                    .iter()
                    .any(|g| g.0 == b.start && g.1 == b.end && kind_code(g.2) == t)
                {
                    counts[t][2] += 1;
                }
            }
            let c = e.span.chars();
            entities.push(serde_json::json!({"start": c.start, "end": c.end,
                "text": e.span.text(&d.article.text), "kind": e.kind, "canonical": e.canonical}));
        }
        for g in &d.gold {
            counts[kind_code(g.2)][0] += 1;
        }
        lines.push_str(&serde_json::json!({"path": d.path, "entities": entities}).to_string());
        lines.push('\n');
    }
    let prf = |c: [usize; 3]| {
        let p = c[2] as f64 / c[1].max(1) as f64;
        let r = c[2] as f64 / c[0].max(1) as f64;
        (
            p,
            r,
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
        )
    };
    let mut all = [0; 3];
    for (t, name) in ["PER", "LOC", "ORG"].iter().enumerate() {
        let (p, r, f) = prf(counts[t]);
        eprintln!(
            "{name}  gold {:5} pred {:5}  P {p:.3} R {r:.3} F1 {f:.3}",
            counts[t][0], counts[t][1]
        );
        for k in 0..3 {
            all[k] += counts[t][k];
        }
    }
    let (p, r, f) = prf(all);
    eprintln!(
        "all  gold {:5} pred {:5}  P {p:.3} R {r:.3} F1 {f:.3}",
        all[0], all[1]
    );
    if let Some(path) = pred {
        std::fs::write(path, lines).unwrap();
    }
}

fn main() {
    let options = parse_args();
    let mut all: Vec<Annotated> = Vec::new();
    for dir in &options.train {
        all.extend(load(dir));
    }
    let is_held = |i: usize| options.holdout > 0 && i % options.holdout == options.holdout - 1;
    let train: Vec<&Annotated> = (0..all.len())
        .filter(|&i| !is_held(i))
        .map(|i| &all[i])
        .collect();
    let held: Vec<&Annotated> = (0..all.len())
        .filter(|&i| is_held(i))
        .map(|i| &all[i])
        .collect();
    eprintln!(
        "{} training documents, {} held out",
        train.len(),
        held.len()
    );

    // Gazetteer features on training documents come from the names of the other folds, so that the
    // model learns how far to trust a name it has not seen annotated in that very document.
    const FOLDS: usize = 5;
    let mut data = Vec::new();
    let mut misaligned = 0;
    for fold in 0..FOLDS {
        let others: Vec<&Annotated> = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .map(|(_, d)| *d)
            .collect();
        let names = names_tsv(&others);
        let mut sources = base_gazetteer_sources(Lang::Fr);
        sources.push(&names);
        let gazetteer = Gazetteer::from_tsv(sources);
        for (i, d) in train.iter().enumerate() {
            if i % FOLDS == fold {
                data.extend(sentences(d, &gazetteer, &mut misaligned));
            }
        }
    }
    eprintln!(
        "{} sentences, {misaligned} gold spans not on token boundaries",
        data.len()
    );
    let mut perceptron = Perceptron {
        index: FeatureMap::default(),
        weights: Vec::new(),
        updates: Vec::new(),
        step: 0.0,
    };
    perceptron.train(&data, options.epochs);
    let weights = perceptron.averaged(options.keep);
    let bytes = Model::to_bytes(&weights);
    eprintln!(
        "{} features kept, model {} bytes",
        weights.len(),
        bytes.len()
    );
    let names = names_tsv(&train);
    let model = Model::from_bytes(&bytes).expect("the model just written reads back");
    let mut sources = base_gazetteer_sources(Lang::Fr);
    sources.push(&names);
    let recognizer = Recognizer::new(model, Gazetteer::from_tsv(sources));
    if !held.is_empty() {
        eprintln!("-- held-out training documents");
        let pred = if options.eval.is_none() {
            options.pred.as_deref()
        } else {
            None
        };
        evaluate(&recognizer, &held, pred);
    }
    if let Some(dir) = &options.eval {
        let docs = load(dir);
        let refs: Vec<&Annotated> = docs.iter().collect();
        eprintln!("-- {}", dir.display());
        evaluate(&recognizer, &refs, options.pred.as_deref());
    }
    if let Some(out) = &options.out {
        std::fs::write(out.join("fr.model"), &bytes).unwrap();
        std::fs::write(out.join("names.tsv"), names).unwrap();
        eprintln!("wrote {}", out.display());
    }
}
