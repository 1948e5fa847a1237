//! Telling French from English by the function words a text uses.

use serde::Serialize;

/// The languages the analysis knows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "fr" | "fra" | "fre" | "french" | "français" => Ok(Lang::Fr),
            "en" | "eng" | "english" | "anglais" => Ok(Lang::En),
            other => Err(format!("unknown language '{other}' (expected fr or en)")),
        }
    }
}

const FRENCH: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "dans", "pour", "que", "qui",
    "sur", "au", "aux", "pas", "avec", "il", "elle", "ont", "sont", "été", "ce", "cette", "selon",
    "mais", "par", "à",
];
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "in", "is", "was", "that", "for", "on", "with", "as", "by", "at",
    "from", "he", "she", "it", "are", "were", "has", "have", "said", "this", "which", "an", "be",
    "not", "but", "will",
];

/// The language of a text: French unless English function words clearly dominate (French comes first here, and
/// an empty or undecidable text is read as French).
pub fn detect(text: &str) -> Lang {
    let (mut fr, mut en) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        let lower = word.to_lowercase();
        if FRENCH.contains(&lower.as_str()) {
            fr += 1;
        }
        if ENGLISH.contains(&lower.as_str()) {
            en += 1;
        }
    }
    if en > fr { Lang::En } else { Lang::Fr }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french_and_english() {
        assert_eq!(
            detect("Le président a déclaré que la visite aura lieu."),
            Lang::Fr
        );
        assert_eq!(
            detect("The president said that the visit will take place."),
            Lang::En
        );
        assert_eq!(detect("l'Élysée"), Lang::Fr);
        assert_eq!(detect(""), Lang::Fr);
    }
}
