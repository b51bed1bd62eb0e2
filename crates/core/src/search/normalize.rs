//! Text folding for search: lower case, no diacritics, the same for the dataset and the query.

use std::ops::Range;

/// Folds text the way the index does: lower-cased, diacritics removed (Latin, Greek, Cyrillic
/// `ё й ї ґ ў`, Arabic vowel marks and letter variants), apostrophes inside words dropped, and
/// words joined by single spaces.
///
/// ```
/// use pressline_core::search::fold;
/// assert_eq!(fold("Café  ZÜRICH!"), "cafe zurich");
/// assert_eq!(fold("Київ"), "киів");
/// assert_eq!(fold("Russia’s"), "russias");
/// ```
pub fn fold(text: &str) -> String {
    tokens(text).join(" ")
}

/// The folded words of `text`, in order.
pub fn tokens(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_token(text, |_, word| words.push(word.to_owned()));
    words
}

/// Calls `visit` with each word's byte range in `text` and its folded form. Apostrophes between
/// letters join (`п’ять` is one word); everything that is not a letter or digit separates.
pub fn for_each_token(text: &str, mut visit: impl FnMut(Range<usize>, &str)) {
    let mut word = String::new();
    let mut start = None;
    let mut end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let joins = is_apostrophe(c)
            && start.is_some()
            && chars.peek().is_some_and(|&(_, next)| is_word_char(next));
        if is_word_char(c) || joins {
            start.get_or_insert(at);
            end = at + c.len_utf8();
            if !joins {
                push_folded(c, &mut word);
            }
        } else if let Some(begin) = start.take() {
            if !word.is_empty() {
                visit(begin..end, &word);
            }
            word.clear();
        }
    }
    if let Some(begin) = start {
        if !word.is_empty() {
            visit(begin..end, &word);
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks that fold away (Latin combining diacritics, Arabic harakat and tatweel).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

fn push_folded(c: char, out: &mut String) {
    // Fast paths for the scripts most text is in; the general path below gives the same result.
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'А'..='Я' => {
            let lower = char::from_u32(c as u32 + 0x20).expect("Cyrillic lower case");
            out.push(if lower == 'й' { 'и' } else { lower });
            return;
        }
        'а'..='и' | 'к'..='я' => {
            out.push(c);
            return;
        }
        _ => {}
    }
    if is_mark(c) {
        return;
    }
    for lower in c.to_lowercase() {
        match base_letter(lower) {
            Some(base) => out.push_str(base),
            None => out.push(lower),
        }
    }
}

/// The plain letter(s) behind a lower-case letter with a diacritic, if it has one.
fn base_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' | 'ǎ' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        // Greek tonos and dialytika.
        'ά' => "α",
        'έ' => "ε",
        'ή' => "η",
        'ί' | 'ϊ' | 'ΐ' => "ι",
        'ό' => "ο",
        'ύ' | 'ϋ' | 'ΰ' => "υ",
        'ώ' => "ω",
        // Cyrillic letters readers often type without their marks.
        'ё' => "е",
        'й' => "и",
        'ї' => "і",
        'ґ' => "г",
        'ў' => "у",
        // Arabic letter variants searched as their base letter.
        'أ' | 'إ' | 'آ' | 'ٱ' => "ا",
        'ى' | 'ئ' => "ي",
        'ؤ' => "و",
        'ة' => "ه",
        _ => return None,
    })
}
