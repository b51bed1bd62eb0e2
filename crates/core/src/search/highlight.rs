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
/// use pressline_core::search::{highlight, SearchQuery};
/// let runs = highlight("War crimes in Ukraine", &SearchQuery::parse("ukr"));
/// assert_eq!(runs.last().unwrap().text, "Ukraine");
/// assert!(runs.last().unwrap().matched);
/// ```
pub fn highlight(text: &str, query: &SearchQuery) -> Vec<Segment> {
    let ranges = matched_ranges(text, query);
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

/// The byte ranges of `text` that positive search terms match, in order; neighbours separated
/// only by spaces are one range ("war crimes" is one mark).
fn matched_ranges(text: &str, query: &SearchQuery) -> Vec<(usize, usize)> {
    let positive: Vec<_> = query.terms.iter().filter(|term| !term.negated).collect();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    if positive.is_empty() {
        return ranges;
    }
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
                Some(last) if text[last.1..range.start].trim().is_empty() => last.1 = range.end,
                _ => ranges.push((range.start, range.end)),
            }
        }
    });
    ranges
}

/// What a card shows of a long text: the text itself, or, when the search's first match lies
/// past the first `lead` characters (beyond the few lines a card shows), the text from the
/// start of the sentence holding that match, after an ellipsis. A sentence that itself starts
/// far before the match is cut at a word a short way before it.
///
/// ```
/// use pressline_core::search::{excerpt, SearchQuery};
/// let text = "A long opening sentence about many things. Mariupol theatre was hit.";
/// assert_eq!(excerpt(text, &SearchQuery::parse("theatre"), 20), "… Mariupol theatre was hit.");
/// assert_eq!(excerpt(text, &SearchQuery::parse("opening"), 20), text);
/// ```
pub fn excerpt<'a>(text: &'a str, query: &SearchQuery, lead: usize) -> std::borrow::Cow<'a, str> {
    // How far before the match a cut inside one long sentence starts.
    const CONTEXT: usize = 40;
    let Some(&(start, _)) = matched_ranges(text, query).first() else {
        return text.into();
    };
    if text[..start].chars().count() <= lead {
        return text.into();
    }
    let before = &text[..start];
    let sentence = before
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?' | '\n' | '。' | '؟')
                && before[i + c.len_utf8()..].starts_with(char::is_whitespace)
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let from = if before[sentence..].chars().count() <= CONTEXT * 2 {
        sentence
    } else {
        // The last word start at least CONTEXT characters before the match.
        let window = before
            .char_indices()
            .rev()
            .nth(CONTEXT)
            .map_or(0, |(i, _)| i);
        before[..window]
            .rfind(char::is_whitespace)
            .map_or(window, |i| i + 1)
            .max(sentence)
    };
    format!("… {}", text[from..].trim_start()).into()
}
