//! The search box's little language: words match as prefixes, `"quoted phrases"` match in
//! order, and `-word` or `-"a phrase"` exclude.

use super::normalize::tokens;

/// A parsed search: every positive term must match, no negated term may.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// The terms, in the order typed.
    pub terms: Vec<Term>,
}

/// One term of a search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The folded words: one for a plain word, several for a phrase.
    pub words: Vec<String>,
    /// True for `"quoted"` text: the words must appear in this order, whole.
    pub phrase: bool,
    /// True for `-excluded` terms.
    pub negated: bool,
}

impl Term {
    /// True for a plain positive word, which matches any word it starts (typing "ukr" finds
    /// "Ukraine"). Phrases and exclusions match whole words.
    pub fn is_prefix(&self) -> bool {
        !self.phrase && !self.negated
    }
}

impl SearchQuery {
    /// Parses what was typed. Never fails: an unclosed quote runs to the end, stray `-` and
    /// punctuation are ignored.
    ///
    /// ```
    /// use pressline_core::search::SearchQuery;
    /// let query = SearchQuery::parse(r#"war "energy infrastructure" -belarus"#);
    /// assert_eq!(query.terms.len(), 3);
    /// assert!(query.terms[1].phrase && query.terms[2].negated);
    /// ```
    pub fn parse(text: &str) -> Self {
        let mut terms = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            rest = &rest[start..];
            let negated = rest.starts_with('-');
            if negated {
                rest = &rest[1..];
            }
            let (chunk, phrase) = if let Some(quoted) = rest.strip_prefix('"') {
                let end = quoted.find('"').unwrap_or(quoted.len());
                let chunk = &quoted[..end];
                rest = quoted.get(end + 1..).unwrap_or("");
                (chunk, true)
            } else {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                let chunk = &rest[..end];
                rest = &rest[end..];
                (chunk, false)
            };
            let words = tokens(chunk);
            if words.is_empty() {
                continue;
            }
            if phrase {
                terms.push(Term {
                    words,
                    phrase,
                    negated,
                });
            } else {
                // "war-crimes" or "Russia/Ukraine" typed as one chunk: each word must match.
                terms.extend(words.into_iter().map(|word| Term {
                    words: vec![word],
                    phrase: false,
                    negated,
                }));
            }
        }
        Self { terms }
    }

    /// True when there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when some term must match (not only exclusions).
    pub fn has_positive_terms(&self) -> bool {
        self.terms.iter().any(|term| !term.negated)
    }
}
