//! Whether a release's text holds a quotation, so the people it names are called what they are
//! on the page: "Quoted" beside a quote, "Spokesperson" when the listing cut the quote off
//! (summaries that end "…, said:").

/// Words a quoted passage needs before it counts as a quotation rather than a quoted term
/// (“filtration”).
const QUOTATION_WORDS: usize = 6;

/// Whether `text` (a summary, or a summary and a Markdown body) holds a quotation: a passage of
/// at least six words between quotation marks (“…”, "…", «…», „…“), or a Markdown block quote.
///
/// ```
/// use pressline_core::quote::holds_quotation;
/// assert!(!holds_quotation("Marie Struthers, Amnesty’s Director, said:"));
/// assert!(!holds_quotation("a process known as “filtration,” said:"));
/// assert!(holds_quotation("She said: “These attacks must stop now, and at once.”"));
/// assert!(holds_quotation("She said:\n\n> These attacks must stop."));
/// ```
pub fn holds_quotation(text: &str) -> bool {
    if text.lines().any(|line| line.trim_start().starts_with('>')) {
        return true;
    }
    let mut inside: Option<Vec<char>> = None;
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        if let Some(closers) = &inside {
            if closers.contains(&c) {
                if words >= QUOTATION_WORDS {
                    return true;
                }
                inside = None;
                continue;
            }
            if c.is_alphanumeric() {
                if !in_word {
                    words += 1;
                }
                in_word = true;
            } else {
                in_word = false;
            }
        } else if let Some(closers) = closing_marks(c) {
            inside = Some(closers.to_vec());
            words = 0;
            in_word = false;
        }
    }
    // A quotation running to the end of the text, its closing mark cut off with the rest.
    inside.is_some() && words >= QUOTATION_WORDS
}

/// The marks that close a quotation opened by `c`, if `c` opens one.
fn closing_marks(c: char) -> Option<&'static [char]> {
    match c {
        '“' => Some(&['”']),
        '"' => Some(&['"']),
        '«' => Some(&['»']),
        '„' => Some(&['“', '”']),
        '‘' => Some(&['’']),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::holds_quotation;

    #[test]
    fn the_seed_summaries_end_before_their_quote() {
        let summary = "Reacting to the news that Russian attacks on energy facilities in Ukraine \
            over recent days have led to a nationwide blackout in the country, Marie Struthers, \
            Amnesty International’s Director for Eastern Europe and Central Asia, said:";
        assert!(!holds_quotation(summary));
    }

    #[test]
    fn a_quoted_term_is_not_a_quotation() {
        assert!(!holds_quotation(
            "a practice known as “filtration,” and “deeply abusive” acts"
        ));
        assert!(!holds_quotation("the so-called 'referendums' were held"));
    }

    #[test]
    fn quotations_in_several_alphabets_and_marks_count() {
        assert!(holds_quotation(
            "Вона сказала: «Ці атаки мають негайно припинитися, і то зараз»."
        ));
        assert!(holds_quotation(
            "Sie sagte: „Diese Angriffe müssen sofort aufhören, und zwar jetzt.“"
        ));
        assert!(holds_quotation(
            "He said: \"Civilians must be protected at all times, without exception.\""
        ));
    }

    #[test]
    fn a_quotation_cut_off_at_the_end_still_counts() {
        assert!(holds_quotation(
            "She said: “The world cannot look away from what is happening in"
        ));
        assert!(!holds_quotation("She said: “The world"));
    }

    #[test]
    fn a_markdown_block_quote_counts() {
        assert!(holds_quotation("Intro.\n\n  > Stop the attacks."));
        assert!(!holds_quotation("Intro. 3 > 2 is a comparison."));
    }
}
