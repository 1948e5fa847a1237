//! Analysis throughput over a corpus of generated article text.

fn main() {
    divan::main();
}

#[divan::bench]
fn analyse_sample(bencher: divan::Bencher) {
    let input = include_str!("../assets/articles/01-port-de-brest.txt").repeat(100);
    let article = liseuse::article::load_str(&input, liseuse::Format::Text, None);
    let analyzer = liseuse::Analyzer::new();
    let options = liseuse::AnalysisOptions::default();
    bencher
        .counter(divan::counter::BytesCount::of_str(&input))
        .bench(|| analyzer.analyze(&article, &options));
}
