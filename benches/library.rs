//! Library indexing: a generated library of 10,000 articles (the bundled samples in their four formats, copied
//! into 100 folders of 100 files in a temporary folder) indexed as the reader does it — on the indexing thread,
//! entries received over its channel — then sorted newest first for the list. The goal is under 2 s.
//!
//! Run with `cargo bench --bench library`; divan prints the median time.

#![allow(clippy::expect_used)]

use std::path::PathBuf;

use liseuse::library::index::{IndexEvent, newest_first, spawn_indexer};
use liseuse::library::{self, LibraryEntry};

fn main() {
    divan::main();
}

const ARTICLES: usize = 10_000;

/// Writes the library: each file a copy of one of the samples, under a name of its own.
fn generate() -> tempfile::TempDir {
    let samples_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    let samples: Vec<(PathBuf, Vec<u8>)> = library::article_paths(&samples_dir)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| std::fs::read(&p).ok().map(|bytes| (p, bytes)))
        .collect();
    assert!(
        !samples.is_empty(),
        "no sample in {}",
        samples_dir.display()
    );
    let dir = tempfile::tempdir().expect("temporary folder");
    for i in 0..ARTICLES {
        let (path, bytes) = &samples[i % samples.len()];
        let folder = dir.path().join(format!("{:03}", i / 100));
        if i % 100 == 0 {
            std::fs::create_dir_all(&folder).expect("folder");
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("txt");
        std::fs::write(folder.join(format!("article-{i:05}.{ext}")), bytes).expect("write");
    }
    dir
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn index_10000_articles(bencher: divan::Bencher) {
    let dir = generate();
    let dirs = vec![dir.path().to_path_buf()];
    bencher.bench(|| {
        let mut entries: Vec<LibraryEntry> = spawn_indexer(dirs.clone())
            .iter()
            .filter_map(|event| match event {
                IndexEvent::Entry(entry) => Some(entry),
                IndexEvent::Done => None,
            })
            .collect();
        entries.sort_by(newest_first);
        assert_eq!(entries.len(), ARTICLES);
        entries
    });
}
