//! Standard input's path: the format sniffed from arbitrary bytes, then loaded.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liseuse::article;

fuzz_target!(|data: &[u8]| {
    let _ = article::load_bytes(data, None);
});
