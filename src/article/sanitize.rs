//! Turning untrusted bytes into text that cannot drive a terminal.
//!
//! Escape sequences of every family (CSI, OSC, DCS, SOS, PM, APC, and two-byte ESC sequences, in their 7-bit
//! and 8-bit C1 forms) are removed whole, other C0 and C1 control characters are dropped but for newline and tab,
//! and bidirectional formatting characters are dropped so that no line can be displayed reordered. Ordinary text
//! comes through unchanged, so offsets into a clean plain-text file still index the file.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind, Result};

/// Decodes raw input: UTF-8 (with or without a byte-order mark), or UTF-16 (with a byte-order mark, or
/// without one when every other byte of the start is NUL, as in ASCII-range UTF-16 text). Input that is not
/// UTF-8 and holds no valid multi-byte UTF-8 sequence at all is read as Windows-1252 (a superset of Latin-1),
/// the other legacy encoding French articles come in; otherwise invalid UTF-8 sequences become U+FFFD. Binary
/// data (NUL bytes in text that is not UTF-16, or mostly control bytes) is refused. The result has its line
/// ends normalised to `\n` and is sanitised.
pub fn decode(bytes: &[u8]) -> Result<String> {
    Ok(text(&decode_unsanitized(bytes)?).into_owned())
}

/// Decodes raw input as [`decode`] does, but leaves control characters in: structured formats (HTML, JSON,
/// Markdown) are parsed first and sanitise every string they take, so that an escape sequence in the markup
/// cannot swallow the markup that follows it.
pub(crate) fn decode_unsanitized(bytes: &[u8]) -> Result<String> {
    let decoded: String = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        decode_utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        decode_utf16(rest, u16::from_be_bytes)
    } else if let Some(little_endian) = utf16_without_bom(bytes) {
        decode_utf16(
            bytes,
            if little_endian {
                u16::from_le_bytes
            } else {
                u16::from_be_bytes
            },
        )
    } else {
        if looks_binary(bytes) {
            return Err(ErrorKind::Binary.into());
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) if !has_utf8_sequence(bytes) => windows_1252(bytes),
            Err(_) => String::from_utf8_lossy(bytes).into_owned(),
        }
    };
    Ok(normalize_line_ends(&decoded).into_owned())
}

/// UTF-16 without a byte-order mark: in the first bytes, NUL in every odd (little-endian) or every even
/// (big-endian) position and in no other, as ASCII-range text encoded in UTF-16 is. `Some(true)` for
/// little-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 8 {
        return None;
    }
    let (mut even_nul, mut odd_nul) = (0, 0);
    for pair in head.chunks_exact(2) {
        even_nul += usize::from(pair[0] == 0);
        odd_nul += usize::from(pair[1] == 0);
    }
    let units = head.len() / 2;
    // Most units ASCII (their high byte NUL), and no unit NUL whole in the text's low bytes.
    if odd_nul * 10 >= units * 9 && even_nul == 0 {
        Some(true)
    } else if even_nul * 10 >= units * 9 && odd_nul == 0 {
        Some(false)
    } else {
        None
    }
}

/// Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence: text that has one is UTF-8 with
/// a few broken bytes, text that has none but has bytes above 0x7F is in a single-byte encoding.
fn has_utf8_sequence(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => return !s.is_ascii(),
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                if !valid.is_ascii() {
                    return true;
                }
                match e.error_len() {
                    Some(n) => rest = &after[n..],
                    None => return false,
                }
            }
        }
    }
}

/// The characters of Windows-1252 bytes 0x80 to 0x9F (the rest of the code page is Latin-1, i.e. the byte's
/// own code point); its five unassigned bytes become U+FFFD.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
    '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}',
    'ž', 'Ÿ',
];

fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// Normalises line ends to `\n` and sanitises: what plain text goes through before it is loaded.
pub fn prepare(input: &str) -> Cow<'_, str> {
    match normalize_line_ends(input) {
        Cow::Borrowed(s) => text(s),
        Cow::Owned(s) => Cow::Owned(text(&s).into_owned()),
    }
}

fn decode_utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| word([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Binary when the start holds a NUL byte, or mostly bytes that are neither text nor UTF-8.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
        .count();
    head.len() >= 32 && controls * 10 > head.len()
}

fn normalize_line_ends(s: &str) -> Cow<'_, str> {
    if s.contains('\r') {
        Cow::Owned(s.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Whether a character is a bidirectional formatting control (embeddings, overrides, isolates and marks).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether a character may never reach the terminal: a control character other than newline and tab, or a
/// bidirectional control.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// Removes escape sequences, control characters (but newline and tab) and bidi controls.
pub fn text(input: &str) -> Cow<'_, str> {
    if !input.chars().any(is_forbidden) {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1B}' => match chars.peek().copied() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_string(&mut chars);
                }
                // A two-character escape (ESC 7, ESC c, ESC ( B…): drop its final character too.
                Some(next) if (' '..='~').contains(&next) => {
                    chars.next();
                    // ESC ( B and the like carry one more character.
                    if (' '..='/').contains(&next) {
                        chars.next_if(|c| (' '..='~').contains(c));
                    }
                }
                _ => {}
            },
            '\u{9B}' => skip_csi(&mut chars),
            '\u{9D}' | '\u{90}' | '\u{98}' | '\u{9E}' | '\u{9F}' => skip_string(&mut chars),
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Skips the parameters and final byte of a control sequence.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7E}').contains(&c) {
            return;
        }
        // A sequence broken by text that cannot belong to it ends there.
        if !('\u{20}'..='\u{3F}').contains(&c) {
            return;
        }
    }
}

/// Skips a control string (OSC, DCS, SOS, PM, APC) up to its terminator: BEL, ST (ESC \ or U+009C), or, as
/// terminals do, the end of the line.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{07}' | '\u{9C}' => return,
            '\u{1B}' => {
                chars.next_if_eq(&'\\');
                return;
            }
            '\n' => return,
            _ => {}
        }
    }
}

/// Sanitises a metadata string and folds its white space (line breaks included) into single spaces.
pub fn clean_line(input: &str) -> String {
    let clean = text(input);
    let mut out = String::with_capacity(clean.len());
    for word in clean.split(|c: char| c.is_whitespace() && c != '\u{A0}' && c != '\u{202F}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A path as a message shows it: sanitised and on one line, since a file name is input too (a folder of articles
/// may hold a file named with an escape sequence).
pub fn display_path(path: &std::path::Path) -> String {
    clean_line(&path.display().to_string())
}

/// Decoding failure for a structured format, for loaders that need one.
pub(crate) fn parse_error(format: &'static str, message: impl Into<String>) -> Error {
    Error::parse(format, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        let s = "Le président « a déclaré » :\tbien.\n";
        assert!(matches!(text(s), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_are_removed_whole() {
        let rows = [
            ("a\u{1b}[2Jb", "ab"),                                      // CSI clear screen
            ("a\u{1b}[38;5;196mred\u{1b}[0m", "ared"),                  // SGR colours
            ("a\u{1b}]0;pwned\u{7}b", "ab"),                            // OSC 0 title, BEL
            ("a\u{1b}]52;c;aGVsbG8=\u{1b}\\b", "ab"),                   // OSC 52 clipboard, ST
            ("a\u{1b}]8;;http://x\u{1b}\\l\u{1b}]8;;\u{1b}\\b", "alb"), // OSC 8 link
            ("a\u{1b}Pq#0;2;0;0;0\u{1b}\\b", "ab"),                     // DCS sixel
            ("a\u{1b}_Gf=100;AAAA\u{1b}\\b", "ab"),                     // APC (kitty graphics)
            ("a\u{9b}31mb", "ab"),                                      // 8-bit CSI
            ("a\u{9d}2;t\u{9c}b", "ab"),                                // 8-bit OSC
            ("a\u{1b}cb", "ab"),                                        // RIS reset
            ("a\u{1b}(Bb", "ab"),                                       // charset designation
            ("a\u{1b}", "a"),                                           // lone ESC at the end
            ("a\u{7}\u{8}\u{0}\u{85}b", "ab"),                          // C0 and C1 controls
            ("a\u{202E}evil\u{202C}b", "aevilb"),                       // bidi override
            ("a\u{2067}x\u{2069}b", "axb"),                             // bidi isolate
            ("ligne\nsuivante\tcol", "ligne\nsuivante\tcol"),
        ];
        for (input, want) in rows {
            assert_eq!(text(input), want, "input {input:?}");
            assert!(!text(input).chars().any(is_forbidden));
        }
    }

    #[test]
    fn decode_handles_boms_line_ends_and_binary() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc\r\nd").unwrap(), "abc\nd");
        assert_eq!(decode(&[0xFF, 0xFE, b'h', 0, 0xE9, 0]).unwrap(), "hé");
        assert_eq!(decode(&[0xFE, 0xFF, 0, b'h', 0, 0xE9]).unwrap(), "hé");
        // No valid multi-byte sequence: Windows-1252. Some: UTF-8 with a broken byte.
        assert_eq!(decode(b"caf\xE9 \x93cr\xE8me\x94").unwrap(), "café “crème”");
        assert_eq!(decode(b"caf\xC3\xA9 \xE9").unwrap(), "café \u{FFFD}");
        // UTF-16 without a byte-order mark, either way round.
        assert_eq!(decode(b"B\0o\0n\0j\0o\0u\0r\0").unwrap(), "Bonjour");
        assert_eq!(decode(b"\0B\0o\0n\0j\0o\0u\0r").unwrap(), "Bonjour");
        assert!(matches!(
            decode(b"\x7FELF\x02\x01\x01\0\0\0").unwrap_err().kind(),
            ErrorKind::Binary
        ));
    }

    #[test]
    fn clean_line_folds_white_space() {
        assert_eq!(clean_line("  Un\n titre\u{1b}[1m  ici "), "Un titre ici");
    }
}
