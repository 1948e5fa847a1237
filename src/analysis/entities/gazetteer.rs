//! Lists of names with their kind, matched over a document with aho-corasick (leftmost-longest, whole tokens
//! only). A hit becomes a feature of the tagger, not a decision: "Paris" is usually a place, but not in
//! "Paris Saint-Germain".

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::analysis::text::Document;

/// The kinds a gazetteer name can have; the order gives the feature code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Person = 0,
    Place = 1,
    Organization = 2,
    Group = 3,
}

impl NameKind {
    pub fn parse(s: &str) -> Option<NameKind> {
        Some(match s {
            "person" => NameKind::Person,
            "place" => NameKind::Place,
            "organization" => NameKind::Organization,
            "group" => NameKind::Group,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            NameKind::Person => "person",
            NameKind::Place => "place",
            NameKind::Organization => "organization",
            NameKind::Group => "group",
        }
    }
}

/// A compiled list of names.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    matcher: Option<AhoCorasick>,
    kinds: Vec<NameKind>,
}

/// Gazetteer codes per token of a document (see [`super::features::TokenDigest::gazetteer`]), and the
/// matched token ranges with their kinds.
#[derive(Clone, Debug, Default)]
pub struct GazetteerHits {
    pub codes: Vec<u8>,
    pub names: Vec<(std::ops::Range<usize>, NameKind)>,
}

impl Gazetteer {
    /// Builds a gazetteer from `NAME<TAB>KIND` lines (`#` comments and blank lines skipped). Later lines
    /// do not override earlier ones for the same name.
    pub fn from_tsv<'a>(sources: impl IntoIterator<Item = &'a str>) -> Gazetteer {
        let mut seen = std::collections::HashSet::new();
        let mut names = Vec::new();
        let mut kinds = Vec::new();
        for source in sources {
            for line in source.lines() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                let Some((name, kind)) = line.split_once('\t') else {
                    continue;
                };
                let Some(kind) = NameKind::parse(kind.trim()) else {
                    continue;
                };
                if name.is_empty() || !seen.insert(name.to_string()) {
                    continue;
                }
                names.push(name.to_string());
                kinds.push(kind);
            }
        }
        Gazetteer::new(names, kinds)
    }

    /// Builds a gazetteer from names and their kinds (same lengths).
    pub fn new(names: Vec<String>, kinds: Vec<NameKind>) -> Gazetteer {
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .ok();
        Gazetteer { matcher, kinds }
    }

    /// The names found in a document on token boundaries.
    pub fn find(&self, doc: &Document<'_>) -> GazetteerHits {
        let mut hits = GazetteerHits {
            codes: vec![0; doc.tokens.len()],
            names: Vec::new(),
        };
        let Some(matcher) = &self.matcher else {
            return hits;
        };
        let tokens = &doc.tokens;
        for sentence in &doc.sentences {
            let range = sentence.start..sentence.end;
            for m in matcher.find_iter(&doc.text[range]) {
                let (start, end) = (sentence.start + m.start(), sentence.start + m.end());
                let first = tokens.partition_point(|t| t.start < start);
                let last = tokens.partition_point(|t| t.end < end);
                if first >= tokens.len()
                    || last >= tokens.len()
                    || tokens[first].start != start
                    || tokens[last].end != end
                {
                    continue;
                }
                let kind = self.kinds[m.pattern().as_usize()];
                for (n, code) in hits.codes[first..=last].iter_mut().enumerate() {
                    *code = 1 + 2 * kind as u8 + u8::from(n > 0);
                }
                hits.names.push((first..last + 1, kind));
            }
        }
        hits
    }
}
