//! The whole analysis on arbitrary text read as a plain-text article: no panic, and every span it reports
//! indexes the text in chars as in bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liseuse::article::{self, Format};
use liseuse::{AnalysisOptions, Analyzer, Span};

fn check(text: &str, span: Span) {
    let by_chars: String = text.chars().skip(span.char_start).take(span.char_end - span.char_start).collect();
    assert_eq!(by_chars, span.text(text));
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let article = article::load_str(text, Format::Text, None);
    let options = AnalysisOptions { reference_date: chrono_free_date(), today: chrono_free_date() };
    let analysis = Analyzer::new().analyze(&article, &options);
    for e in &analysis.entities {
        check(&article.text, e.span);
    }
    for q in &analysis.quotes {
        check(&article.text, q.span);
        if let Some(s) = &q.speaker {
            check(&article.text, s.span);
        }
    }
    for t in &analysis.timeline {
        check(&article.text, t.span);
        assert!(t.from <= t.to);
    }
});

/// A fixed reference date, so that runs are reproducible.
fn chrono_free_date() -> Option<liseuse::analysis::NaiveDate> {
    liseuse::analysis::NaiveDate::from_ymd_opt(2023, 3, 17)
}
