//! Sentence splitting: every sentence of the article's prose is a claim.
//!
//! A sentence ends at `.`, `?`, `!` or `…` (plus any closing quotes or brackets) when white
//! space and then a capital letter, a digit or an opening quote follow. Abbreviations
//! ("Dr.", "Gen.", "Jan."), initials ("John F. Kennedy") and dotted acronyms ("U.S.") do
//! not end a sentence, except that a dotted acronym does when the next word is one that
//! typically opens a sentence ("… talks with the U.S. The meeting …").

use super::lexicon::WordSet;
use crate::text::Span;

/// Abbreviations that are followed by a period but do not end a sentence. Titles, months,
/// and common Latin and business forms, lower-cased without the final period.
static ABBREVIATIONS: WordSet = WordSet::new(&[
    "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
    "cmdr", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "st", "mt", "ft",
    "jr", "sr", "messrs", "mme", "mlle", "inc", "corp", "ltd", "co", "bros", "plc", "llc", "vs",
    "v", "etc", "approx", "est", "dept", "univ", "assn", "ave", "blvd", "rd", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "e.g", "i.e", "cf", "al", "ca", "op", "ed", "eds",
    // Titles as American news style abbreviates them ("Dist. Atty. Steve Cooley",
    // "Asst. Chief", "Cpl. Ann Lee").
    "dist", "atty", "asst", "dep", "cpl", "pvt", "cdr", "brig", "sens", "reps", "govs", "msgr",
]);

/// Abbreviations that only abbreviate before a number ("No. 5", "p. 12"); elsewhere the
/// same letters are a word ("he said no.").
const NUMERIC_ABBREVIATIONS: &[&str] = &["no", "nos", "vol", "fig", "pp", "p", "art", "sec", "ch"];

/// Words that open sentences and rarely follow an acronym inside one. After "U.S." such a
/// word means the acronym ended the sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "However",
    "Meanwhile",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "If",
    "Yet",
    "So",
];

fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '"' | '\'' | '«' | '(' | '[')
}

fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | '»' | ')' | ']')
}

/// The word (letters and inner periods) that ends right before byte `end`.
fn word_before(text: &str, end: usize) -> &str {
    let head = text.get(..end).unwrap_or("");
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    head.get(start..).unwrap_or("")
}

/// The word that starts at byte `start` (letters only).
fn word_after(text: &str, start: usize) -> &str {
    let tail = text.get(start..).unwrap_or("");
    let end = tail
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(tail.len());
    tail.get(..end).unwrap_or("")
}

/// Whether a period at `dot` (byte offset) belongs to an abbreviation, an initial or an
/// acronym that does not end the sentence when followed by the word at `next`.
fn period_is_not_final(text: &str, dot: usize, next: usize) -> bool {
    let word = word_before(text, dot);
    let word = word.trim_start_matches(['.', '-']);
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower) {
        return true;
    }
    if NUMERIC_ABBREVIATIONS.contains(&lower.as_str()) {
        return text
            .get(next..)
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
    }
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    // An initial: a single capital letter ("F." in "John F. Kennedy").
    if letters.len() == 1 && letters.iter().all(|c| c.is_uppercase()) {
        return true;
    }
    // A dotted acronym ("U.S", "U.N", "a.m"): not final unless a sentence opener follows.
    if word.contains('.') && letters.len() <= 4 && word.split('.').all(|p| p.chars().count() <= 1) {
        return !SENTENCE_OPENERS.contains(&word_after(text, next));
    }
    false
}

/// Split one block of prose (`span` in `text`) into sentence spans, trimmed, in order.
pub fn split(text: &str, span: Span) -> Vec<Span> {
    let Some(block) = span.slice(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = span.start;
    // Terminal marks before this offset belong to a run already looked at.
    let mut resume = 0;
    for (off, mark) in block.match_indices(['.', '?', '!', '…']) {
        if off < resume {
            continue;
        }
        let single_period = mark == ".";
        let mut chars = block
            .get(off..)
            .unwrap_or("")
            .char_indices()
            .skip(1)
            .peekable();
        // The whole run of terminal punctuation and closing marks.
        let mut end = off + mark.len();
        let mut run = 1;
        while let Some(&(o, d)) = chars.peek() {
            if matches!(d, '.' | '?' | '!' | '…') || is_closing(d) {
                end = off + o + d.len_utf8();
                run += 1;
                chars.next();
            } else {
                break;
            }
        }
        resume = end;
        // White space, then the first character of what follows.
        let mut spaced = false;
        let mut next = None;
        let mut next_off = block.len();
        let mut after_next = None;
        while let Some((o, d)) = chars.next() {
            if d.is_whitespace() {
                spaced = true;
            } else {
                next = Some(d);
                next_off = off + o;
                after_next = chars.peek().map(|&(_, e)| e);
                break;
            }
        }
        if !spaced {
            continue;
        }
        let opens_sentence = match next {
            Some(d) if d.is_uppercase() || d.is_ascii_digit() => true,
            Some(d) if is_opening_quote(d) => {
                after_next.is_some_and(|e| e.is_uppercase() || e.is_ascii_digit() || e == '.')
            }
            _ => false,
        };
        let abbreviation = single_period
            && run == 1
            && period_is_not_final(text, span.start + off, span.start + next_off);
        if opens_sentence && !abbreviation {
            out.push(Span::new(start, span.start + end).trim(text));
            start = span.start + next_off;
            resume = next_off;
        }
    }
    let last = Span::new(start, span.end).trim(text);
    if !last.is_empty() {
        out.push(last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text).unwrap_or(""))
            .collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, [$($s:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                let want: Vec<&str> = vec![$($s),*];
                assert_eq!(sentences($text), want);
            }
        };
    }

    t!(
        plain,
        "One two. Three four! Five?",
        ["One two.", "Three four!", "Five?"]
    );
    t!(
        abbreviation_title,
        "Dr. Smith met Gen. Jones. They talked.",
        ["Dr. Smith met Gen. Jones.", "They talked."]
    );
    t!(
        abbreviated_titles,
        "said Dist. Atty. Steve Cooley. He fell ill. Then Asst. Chief Ann Lee left.",
        [
            "said Dist. Atty. Steve Cooley.",
            "He fell ill.",
            "Then Asst. Chief Ann Lee left."
        ]
    );
    t!(
        acronym_inside,
        "U.S. President Joe Biden spoke. He left.",
        ["U.S. President Joe Biden spoke.", "He left."]
    );
    t!(
        acronym_before_name,
        "talks with the U.S. Secretary of State went on.",
        ["talks with the U.S. Secretary of State went on."]
    );
    t!(
        acronym_ends_sentence,
        "He met officials from the U.S. The talks went well.",
        ["He met officials from the U.S.", "The talks went well."]
    );
    t!(
        initials,
        "John F. Kennedy was shot in 1963. It shocked the world.",
        ["John F. Kennedy was shot in 1963.", "It shocked the world."]
    );
    t!(
        decimals,
        "Growth was 2.5 percent. Prices rose.",
        ["Growth was 2.5 percent.", "Prices rose."]
    );
    t!(
        quote_ends_sentence,
        "“We are ready.” Putin said it twice.",
        ["“We are ready.”", "Putin said it twice."]
    );
    t!(
        quote_then_said,
        "“We are ready,” he said. Then he left.",
        ["“We are ready,” he said.", "Then he left."]
    );
    t!(
        split_inside_quote,
        "“Yesterday, he said no. Today, he threatens ports,” Sybiha wrote.",
        [
            "“Yesterday, he said no.",
            "Today, he threatens ports,” Sybiha wrote."
        ]
    );
    t!(
        next_opens_with_quote,
        "He spoke. “No compromise,” he said.",
        ["He spoke.", "“No compromise,” he said."]
    );
    t!(
        lowercase_after_period,
        "It cost 5 p.m. tickets. Fine.",
        ["It cost 5 p.m. tickets.", "Fine."]
    );
    t!(
        no_final_punctuation,
        "A headline without a period",
        ["A headline without a period"]
    );
    t!(
        month_abbreviation,
        "On Jan. 5 the court ruled. Appeals followed.",
        ["On Jan. 5 the court ruled.", "Appeals followed."]
    );
    t!(
        ellipsis,
        "He paused… Then he spoke.",
        ["He paused…", "Then he spoke."]
    );
    t!(empty, "", []);
}
