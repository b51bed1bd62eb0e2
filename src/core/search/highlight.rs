//! Marking the words a search matched, as plain text segments (never markup).

use super::normalize::for_each_token;
use super::SearchQuery;

/// A run of text, matched by the search or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The original text of the run.
    pub text: String,
    /// True when the run is a matched word (or adjacent matched words).
    pub matched: bool,
}

/// Splits `text` into runs, marking the words that positive search terms match: words that start
/// with a plain term, and the words of a phrase.
///
/// ```
/// use pressline::core::search::{highlight, SearchQuery};
/// let runs = highlight("War crimes in Ukraine", &SearchQuery::parse("ukr"));
/// assert_eq!(runs.last().unwrap().text, "Ukraine");
/// assert!(runs.last().unwrap().matched);
/// ```
pub fn highlight(text: &str, query: &SearchQuery) -> Vec<Segment> {
    let positive: Vec<_> = query.terms.iter().filter(|term| !term.negated).collect();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    if !positive.is_empty() {
        for_each_token(text, |range, word| {
            let hit = positive.iter().any(|term| {
                if term.is_prefix() {
                    word.starts_with(term.words[0].as_str())
                } else {
                    term.words.iter().any(|phrase_word| phrase_word == word)
                }
            });
            if hit {
                match ranges.last_mut() {
                    // Join neighbours separated only by spaces: "war crimes" is one mark.
                    Some(last) if text[last.1..range.start].trim().is_empty() => last.1 = range.end,
                    _ => ranges.push((range.start, range.end)),
                }
            }
        });
    }
    let mut segments = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for (start, end) in ranges {
        if start > at {
            segments.push(Segment {
                text: text[at..start].to_owned(),
                matched: false,
            });
        }
        segments.push(Segment {
            text: text[start..end].to_owned(),
            matched: true,
        });
        at = end;
    }
    if at < text.len() || segments.is_empty() {
        segments.push(Segment {
            text: text[at..].to_owned(),
            matched: false,
        });
    }
    segments
}
