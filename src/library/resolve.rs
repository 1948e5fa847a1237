//! Matching a related-article item to an article of the library: by address, or by title.
//!
//! Addresses are compared without their scheme, `www.`, trailing slash, fragment and tracking parameters.
//! Titles are compared folded (case, accents, punctuation and quotation marks removed), and a title matches
//! when its edit distance leaves a similarity of at least [`TITLE_SIMILARITY`], so a typo or a changed
//! punctuation mark still matches while a different headline does not.

/// The least similarity (1 − edit distance / length) at which two folded titles are the same title.
pub const TITLE_SIMILARITY: f64 = 0.9;

/// Query parameters that only track where a reader came from.
fn is_tracking_parameter(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.starts_with("utm_")
        || matches!(
            name.as_str(),
            "fbclid"
                | "gclid"
                | "dclid"
                | "msclkid"
                | "mc_cid"
                | "mc_eid"
                | "xtor"
                | "at_medium"
                | "at_campaign"
                | "ref"
                | "cmp"
                | "ito"
        )
}

/// An address reduced to what identifies the page.
pub fn normalize_url(url: &str) -> String {
    let url = url.trim();
    let without_fragment = url.split('#').next().unwrap_or("");
    let (base, query) = match without_fragment.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (without_fragment, None),
    };
    let lower = base.to_lowercase();
    let mut rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .or_else(|| lower.strip_prefix("//"))
        .unwrap_or(&lower);
    rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.trim_end_matches('/');
    let mut kept: Vec<&str> = query
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| !is_tracking_parameter(p.split('=').next().unwrap_or("")))
        .collect();
    kept.sort_unstable();
    if kept.is_empty() {
        rest.to_string()
    } else {
        format!("{rest}?{}", kept.join("&"))
    }
}

/// A title folded for comparison: lower case, accents removed, every run of punctuation, quotation marks and
/// spaces made one space.
pub fn normalize_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut space = true;
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(fold_accent(c));
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ÿ' | 'ý' => 'y',
        'ñ' => 'n',
        'œ' => 'o',
        'æ' => 'a',
        c => c,
    }
}

/// How alike two folded titles are, from 0 (nothing alike) to 1 (the same).
pub fn title_similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    1.0 - levenshtein(&a, &b) as f64 / longest as f64
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Whether two titles name the same article.
pub fn same_title(a: &str, b: &str) -> bool {
    same_folded_title(&normalize_title(a), &normalize_title(b))
}

/// [`same_title`] on titles already folded by [`normalize_title`].
pub(crate) fn same_folded_title(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    // Length alone can rule a pair out before the quadratic distance.
    let (la, lb) = (a.chars().count() as f64, b.chars().count() as f64);
    if la.min(lb) / la.max(lb) < TITLE_SIMILARITY {
        return false;
    }
    title_similarity(a, b) >= TITLE_SIMILARITY && words_close(a, b) && words_close(b, a)
}

/// Whether every word of `a` stands in `b`, or a word a typo away from it, but for one short word: a
/// headline that changes one content word ("français" → "américains") is another headline.
fn words_close(a: &str, b: &str) -> bool {
    let others: Vec<Vec<char>> = b.split(' ').map(|w| w.chars().collect()).collect();
    let mut short_missing = 0;
    for word in a.split(' ') {
        let word: Vec<char> = word.chars().collect();
        let allowed = if word.len() <= 4 { 1 } else { 2 };
        let found = others.iter().any(|other| {
            other.len().abs_diff(word.len()) <= allowed && levenshtein(&word, other) <= allowed
        });
        if !found {
            if word.len() > 3 || short_missing > 0 {
                return false;
            }
            short_missing += 1;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_variants_normalise_alike() {
        let base = normalize_url("https://exemple.fr/monde/article-1");
        for variant in [
            "http://exemple.fr/monde/article-1",
            "https://www.exemple.fr/monde/article-1/",
            "https://exemple.fr/monde/article-1?utm_source=rss&utm_medium=email",
            "https://EXEMPLE.fr/monde/article-1#comments",
            "https://exemple.fr/monde/article-1?fbclid=abc",
        ] {
            assert_eq!(normalize_url(variant), base, "{variant}");
        }
        assert_ne!(normalize_url("https://exemple.fr/monde/article-2"), base);
        assert_ne!(
            normalize_url("https://exemple.fr/monde/article-1?page=2"),
            base
        );
    }

    #[test]
    fn titles_match_through_typos_and_punctuation_only() {
        let title = "Ukraine : arrivée des premiers blindés français, certains sont déjà \"sur une ligne de front\"";
        let rows = [
            (
                "Ukraine : arrivée des premiers blindés français, certains sont déjà « sur une ligne de front »",
                true,
            ),
            (
                "UKRAINE: arrivee des premiers blindes francais, certains sont deja sur une ligne de front",
                true,
            ),
            (
                "Ukraine : arrivée des premiers blindés français, certains sont déja \"sur une ligne de fornt\"",
                true,
            ),
            (
                "Ukraine : arrivée des premiers blindés américains, certains sont déjà \"sur une ligne de front\"",
                false,
            ),
            ("Ukraine : arrivée des premiers blindés français", false),
            (
                "Russie : départ des derniers blindés, aucun n'est sur une ligne de front",
                false,
            ),
        ];
        for (other, want) in rows {
            assert_eq!(same_title(title, other), want, "{other}");
        }
        assert!(!same_title("", ""));
    }
}
