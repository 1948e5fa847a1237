//! The json loader on arbitrary bytes: it returns an article or an error, never panics, and every block span
//! indexes the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liseuse::article::{self, Format};

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = article::load_bytes(data, Some(Format::Json)) {
        for block in &article.blocks {
            assert_eq!(
                article.text.chars().skip(block.span.char_start).take(block.span.char_end - block.span.char_start).collect::<String>(),
                block.span.text(&article.text)
            );
        }
    }
});
