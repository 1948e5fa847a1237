//! Measures the entity recogniser alone: load time of the embedded data, then throughput over the text files
//! of the folders given (read into memory first), single-threaded, the fastest of a few passes.
//!
//! ```text
//! cargo run --release --example ner_speed -- ../shared/data/ner/winer-fr-dev
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::Instant;

use liseuse::analysis::Document;
use liseuse::analysis::entities::{self, Recognizer};
use liseuse::article::{Format, Lang, load_str};

#[path = "common/corpus.rs"]
mod corpus;

fn main() {
    let started = Instant::now();
    let model =
        liseuse::analysis::entities::Model::from_bytes(include_bytes!("../assets/ner/fr.model"));
    eprintln!(
        "model alone: {:.1} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    drop(model);
    let started = Instant::now();
    let recognizer = Recognizer::for_language(Lang::Fr).expect("the embedded model loads");
    eprintln!("load: {:.1} ms", started.elapsed().as_secs_f64() * 1000.0);
    let _ = recognizer;
    let mut files = Vec::new();
    for dir in std::env::args().skip(1) {
        files.extend(corpus::txt_files(Path::new(&dir), &|_| true));
    }
    let articles: Vec<_> = files
        .iter()
        .map(|p| {
            load_str(
                &std::fs::read_to_string(p).unwrap(),
                Format::Text,
                Some(Lang::Fr),
            )
        })
        .collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    // The machine may be shared: the fastest of a few passes is the one least disturbed.
    let mut best = f64::INFINITY;
    let mut found = 0;
    for _ in 0..PASSES {
        let started = Instant::now();
        found = 0;
        for a in &articles {
            let doc = Document::new(a);
            found += entities::find(&doc, Lang::Fr).len();
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    eprintln!(
        "{} files, {bytes} bytes, {found} entities in {best:.3} s (fastest of {PASSES} passes): {:.1} MB/s \
         (tokenising included)",
        articles.len(),
        bytes as f64 / best / 1e6
    );
}

const PASSES: usize = 5;
