//! Analysis throughput: the whole analysis (tokens, entities, quotes, timeline) of a corpus of over 1 MB made of
//! the bundled sample articles, each analysed as its own article, single-threaded.
//!
//! Run with `cargo bench --bench analysis`; divan prints the median time and bytes per second.

use liseuse::{AnalysisOptions, Analyzer, Article, article, library};

fn main() {
    divan::main();
}

/// At least 1 MB of articles: the samples, loaded once each and cloned until the corpus is large enough.
fn corpus() -> Vec<Article> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    let samples: Vec<Article> = library::article_paths(&dir)
        .unwrap_or_default()
        .iter()
        .filter_map(|p| article::load_path(p).ok())
        .collect();
    assert!(
        !samples.is_empty(),
        "no sample article in {}",
        dir.display()
    );
    let mut corpus = Vec::new();
    let mut bytes = 0;
    while bytes < 1_000_000 {
        for a in &samples {
            bytes += a.text.len();
            corpus.push(a.clone());
        }
    }
    corpus
}

#[divan::bench(sample_count = 20)]
fn analyse_corpus(bencher: divan::Bencher) {
    let corpus = corpus();
    let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
    let analyzer = Analyzer::new();
    let options = AnalysisOptions {
        reference_date: chrono::NaiveDate::from_ymd_opt(2024, 6, 1),
        today: chrono::NaiveDate::from_ymd_opt(2024, 6, 1),
    };
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            corpus
                .iter()
                .map(|a| analyzer.analyze(a, &options).entities.len())
                .sum::<usize>()
        });
}
