//! Any input, however broken, loads and analyses without a panic, and every span the analysis reports indexes
//! the text exactly (the contract's offset invariant), with nothing in it that could drive a terminal.

use liseuse::article::{self, Format, sanitize};
use liseuse::{AnalysisOptions, Analyzer, Span};
use proptest::prelude::*;

fn check_span(text: &str, chars: &[char], span: Span) {
    assert!(
        span.char_start <= span.char_end && span.char_end <= chars.len(),
        "{span:?}"
    );
    assert!(text.is_char_boundary(span.byte_start) && text.is_char_boundary(span.byte_end));
    let by_chars: String = chars[span.char_start..span.char_end].iter().collect();
    assert_eq!(by_chars, span.text(text), "{span:?}");
}

fn load_and_analyse(article: &liseuse::Article) {
    assert!(!article.text.chars().any(sanitize::is_forbidden));
    let analysis = Analyzer::new().analyze(article, &AnalysisOptions::default());
    let text = article.text.as_str();
    let chars: Vec<char> = text.chars().collect();
    for block in &article.blocks {
        check_span(text, &chars, block.span);
    }
    for e in &analysis.entities {
        check_span(text, &chars, e.span);
    }
    for q in &analysis.quotes {
        check_span(text, &chars, q.span);
        if let Some(s) = &q.speaker {
            check_span(text, &chars, s.span);
        }
    }
    for t in &analysis.timeline {
        check_span(text, &chars, t.span);
        assert!(t.from <= t.to);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        for hint in [None, Some(Format::Text), Some(Format::Html), Some(Format::Json), Some(Format::Markdown)] {
            if let Ok(article) = article::load_bytes(&bytes, hint) {
                load_and_analyse(&article);
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "(?s).{0,1500}") {
        for format in [Format::Text, Format::Html, Format::Json, Format::Markdown] {
            let article = article::load_str(&text, format, None);
            load_and_analyse(&article);
        }
    }

    #[test]
    fn news_like_text_never_panics(
        words in proptest::collection::vec(
            prop_oneof![
                Just("«"), Just("»"), Just("\""), Just("“"), Just("”"), Just(":"), Just("M."), Just("le"),
                Just("Xi Jinping"), Just("a déclaré"), Just("selon"), Just("du 20 au 22 mars"), Just("hier"),
                Just("la semaine prochaine"), Just("2023"), Just("\n"), Just("\n> À lire aussi : "), Just("l'"),
                Just("Organisation de coopération de Shanghai (OCS)"), Just("a-t-il"), Just("."), Just("31/02/2023"),
                Just("\u{a0}"), Just("\u{202f}"), Just("é\u{301}"), Just("ce vendredi 17 mars"), Just("said"),
            ],
            0..120,
        )
    ) {
        let text = words.join(" ");
        load_and_analyse(&article::load_str(&text, Format::Text, None));
    }
}
