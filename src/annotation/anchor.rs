//! Re-anchoring: finding the passage an annotation quotes in a text that may not be the one
//! it was made on (a corrected version, a reprint, the same wire copy on another site).
//!
//! Three steps, each tried only when the one before finds nothing:
//! 1. **Position**: the quote is still at the recorded code-point position, and its context
//!    agrees (or the text is known to be the very one annotated).
//! 2. **Exact quote**: every occurrence of the quote is scored by how well the text around it
//!    matches the recorded prefix and suffix and how near it is to the old position; the
//!    best wins. Repeats of a sentence are told apart this way.
//! 3. **Approximate quote**: the passage most like the quote, found by edit distance, if it is
//!    like enough, keeps the context around it, and states the same numbers and the same
//!    negation. Below that the annotation is an orphan — kept and listed, never attached to a
//!    look-alike sentence ("12 dead on Monday" is not "14 dead on Tuesday").

use super::{Position, Quote};
use crate::text::{Offsets, Span};

/// How a passage was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Position,
    Quote,
    Approximate,
}

impl Method {
    pub fn describe(self) -> &'static str {
        match self {
            Method::Position => "at its recorded position",
            Method::Quote => "by its exact quote",
            Method::Approximate => "by a close match of its quote",
        }
    }
}

/// Where an annotation lands: UTF-8 bytes of the text, half-open.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Anchor {
    pub span: Span,
    pub method: Method,
    /// 0–1: how well quote and context match (1 for an exact quote in its exact context).
    pub score: f64,
}

// Weights of the parts of a match, as in Hypothesis's `match-quote.ts`: the quote matters
// most, the context on each side next, the old position only breaks ties.
const QUOTE_WEIGHT: f64 = 50.0;
const PREFIX_WEIGHT: f64 = 20.0;
const SUFFIX_WEIGHT: f64 = 20.0;
const POSITION_WEIGHT: f64 = 2.0;

/// An approximate match must keep at least this share of the quote (1 − edits / length):
/// a corrected typo or a changed word in a sentence passes, a different sentence does not.
pub const MIN_QUOTE_SIMILARITY: f64 = 0.8;

/// An approximate match must also keep this much of its context on average: an edited
/// sentence stays between its old neighbours, a look-alike elsewhere does not.
pub const MIN_CONTEXT_SIMILARITY: f64 = 0.5;

/// The recorded position is trusted (when the quote matches there) if the context there is
/// at least this similar; otherwise the quote is looked for everywhere.
const POSITION_CONTEXT: f64 = 0.5;

/// Two approximate candidates this close in score are a tie, and a tie is an orphan: there
/// is no telling which one the annotator meant.
const TIE: f64 = 0.02;

/// Quotes shorter than this are not matched approximately: a few letters match too much.
const MIN_APPROXIMATE_CHARS: usize = 12;
/// Nor longer than this: the edit-distance table grows with the quote's length.
const MAX_APPROXIMATE_CHARS: usize = 4000;

/// At most this many exact occurrences are scored (a one-word quote in a long text).
const MAX_OCCURRENCES: usize = 10_000;

/// Find the passage. `same_text` says the text is the one annotated (its hash matched).
pub fn anchor(
    text: &str,
    offsets: &Offsets<'_>,
    quote: &Quote,
    position: Option<Position>,
    same_text: bool,
) -> Option<Anchor> {
    if quote.exact.is_empty() {
        return None;
    }
    let expected = position.and_then(|p| offsets.span_in_bytes(Span::new(p.start, p.end)));
    if let Some(span) = expected {
        if span.slice(text) == Some(quote.exact.as_str()) {
            let (p, s) = context(text, span, quote);
            if same_text || (p + s) / 2.0 >= POSITION_CONTEXT {
                return Some(Anchor {
                    span,
                    method: Method::Position,
                    score: total(1.0, p, s, 1.0),
                });
            }
        }
    }
    let hint = expected.map(|s| s.start);
    exact(text, quote, hint).or_else(|| approximate(text, quote, hint))
}

fn total(quote: f64, prefix: f64, suffix: f64, position: f64) -> f64 {
    (QUOTE_WEIGHT * quote
        + PREFIX_WEIGHT * prefix
        + SUFFIX_WEIGHT * suffix
        + POSITION_WEIGHT * position)
        / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT)
}

/// How near a candidate is to where the passage was, 0–1.
fn nearness(text: &str, start: usize, hint: Option<usize>) -> f64 {
    hint.map_or(0.0, |h| {
        1.0 - (start.abs_diff(h) as f64 / text.len().max(1) as f64).min(1.0)
    })
}

/// Similarity of the recorded prefix and suffix to the text around a span, each 0–1.
fn context(text: &str, span: Span, quote: &Quote) -> (f64, f64) {
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    let p = if quote.prefix.is_empty() {
        1.0
    } else {
        let n = quote.prefix.chars().count();
        let start = before
            .char_indices()
            .rev()
            .nth(n.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        strsim::normalized_levenshtein(before.get(start..).unwrap_or(""), &quote.prefix)
    };
    let s = if quote.suffix.is_empty() {
        1.0
    } else {
        let n = quote.suffix.chars().count();
        let end = after.char_indices().nth(n).map_or(after.len(), |(i, _)| i);
        strsim::normalized_levenshtein(after.get(..end).unwrap_or(""), &quote.suffix)
    };
    (p, s)
}

fn exact(text: &str, quote: &Quote, hint: Option<usize>) -> Option<Anchor> {
    let mut best: Option<(f64, Span)> = None;
    for (start, m) in text
        .match_indices(quote.exact.as_str())
        .take(MAX_OCCURRENCES)
    {
        let span = Span::new(start, start + m.len());
        let (p, s) = context(text, span, quote);
        let score = total(1.0, p, s, nearness(text, start, hint));
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, span));
        }
    }
    best.map(|(score, span)| Anchor {
        span,
        method: Method::Quote,
        score,
    })
}

/// Whether two words differ only by a slip of spelling: equal, or (without digits, four
/// letters or more) one letter added, dropped, changed or swapped with its neighbour.
/// "reopend"/"reopened", "harbour"/"harbor" and "theatre"/"theater" pass; "Monday"/"Sunday",
/// "12"/"14" and "Tuesday"/"Thursday" do not.
fn near_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.chars().chain(b.chars()).any(|c| c.is_numeric()) {
        return false;
    }
    let longest = a.chars().count().max(b.chars().count());
    longest >= 4 && strsim::damerau_levenshtein(a, b) <= 1
}

/// Lower-case words, a hyphenated word as one ("re-open" is "reopen").
fn word_list(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\u{2010}')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `candidate` says what `quote` says in the same words, give or take spelling,
/// punctuation, spacing, letter case and hyphenation. A changed figure, a name or date put
/// in place of another, or a word added or dropped ("not", "reportedly") makes it another
/// statement.
pub fn same_wording(quote: &str, candidate: &str) -> bool {
    let (a, b) = (word_list(quote), word_list(candidate));
    if a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| near_word(x, y)) {
        return true;
    }
    // "re-open" and "reopen" are two words and one: compare the letters alone.
    a.concat() == b.concat()
}

/// Lower-case words of three letters or more: the cheap filter before edit distance.
fn words(s: &str) -> std::collections::HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

fn approximate(text: &str, quote: &Quote, hint: Option<usize>) -> Option<Anchor> {
    let pattern: Vec<char> = quote.exact.chars().collect();
    if pattern.len() < MIN_APPROXIMATE_CHARS || pattern.len() > MAX_APPROXIMATE_CHARS {
        return None;
    }
    let wanted = words(&quote.exact);
    let mut candidates: Vec<(f64, Span)> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let here = line_start;
        line_start += line.len();
        let shared = words(line).intersection(&wanted).count();
        if wanted.is_empty() || (shared as f64) < 0.5 * wanted.len() as f64 {
            continue;
        }
        let Some((cost, span)) = best_substring(&pattern, line) else {
            continue;
        };
        let span = Span::new(here + span.start, here + span.end);
        let similarity = 1.0 - cost as f64 / pattern.len() as f64;
        let Some(found) = span.slice(text) else {
            continue;
        };
        if similarity < MIN_QUOTE_SIMILARITY || !same_wording(&quote.exact, found) {
            continue;
        }
        let (p, s) = context(text, span, quote);
        if (p + s) / 2.0 < MIN_CONTEXT_SIMILARITY {
            continue;
        }
        candidates.push((
            total(similarity, p, s, nearness(text, span.start, hint)),
            span,
        ));
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    match candidates.as_slice() {
        [] => None,
        [(a, _), (b, other), ..]
            if a - b < TIE && !candidates.first().is_some_and(|(_, s)| s.overlaps(other)) =>
        {
            None
        }
        [(score, span), ..] => Some(Anchor {
            span: *span,
            method: Method::Approximate,
            score: *score,
        }),
    }
}

/// The substring of `line` closest to `pattern` by edit distance (Sellers' algorithm: a
/// match may start and end anywhere in the line), as (edits, byte span of the line).
fn best_substring(pattern: &[char], line: &str) -> Option<(usize, Span)> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let n = chars.len();
    // Row i holds, for each end j in the line, the fewest edits turning pattern[..i] into a
    // substring ending at j, and the char index where that substring starts.
    let mut prev: Vec<(usize, usize)> = (0..=n).map(|j| (0, j)).collect();
    let mut row: Vec<(usize, usize)> = Vec::with_capacity(n + 1);
    for (i, &pc) in pattern.iter().enumerate() {
        row.clear();
        let mut left = (i + 1, 0);
        row.push(left);
        // `diagonal` is the cell above-left (prev[j - 1]), `up` the cell above (prev[j]).
        for ((&(_, tc), diagonal), up) in chars.iter().zip(&prev).zip(prev.iter().skip(1)) {
            let candidates = [
                (diagonal.0 + usize::from(pc != tc), diagonal.1),
                (up.0 + 1, up.1),
                (left.0 + 1, left.1),
            ];
            let cell = candidates.into_iter().min_by_key(|c| c.0).unwrap_or(left);
            row.push(cell);
            left = cell;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    let (end, &(cost, start)) = prev.iter().enumerate().skip(1).min_by_key(|(_, c)| c.0)?;
    let byte = |k: usize| chars.get(k).map_or(line.len(), |c| c.0);
    let span = Span::new(byte(start), byte(end));
    // Trim white space the alignment may have taken in at either end.
    Some((cost, span.trim(line)))
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::annotation::quote_of;

    fn quote_at(text: &str, needle: &str, nth: usize) -> (Quote, Position, Span) {
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        let span = Span::new(start, start + needle.len());
        let o = Offsets::new(text);
        let c = o.span_in_chars(span);
        (
            quote_of(text, span),
            Position {
                start: c.start,
                end: c.end,
            },
            span,
        )
    }

    fn place(text: &str, q: &Quote, p: Option<Position>) -> Option<Anchor> {
        anchor(text, &Offsets::new(text), q, p, false)
    }

    const ORIGINAL: &str = "Storm hits the coast\n\nThe river rose two metres overnight. Officials said 12 people died on Monday.\n\nRescue teams worked through the night. Officials said 12 people died on Monday.\n\nSchools will reopen on Friday, the mayor said.";

    #[test]
    fn same_text_is_placed_by_position() {
        let (q, p, span) = quote_at(ORIGINAL, "Officials said 12 people died on Monday.", 1);
        let a = place(ORIGINAL, &q, Some(p)).unwrap();
        assert_eq!((a.span, a.method), (span, Method::Position));
    }

    #[test]
    fn repeats_are_told_apart_by_context_after_an_insertion() {
        let (q, p, _) = quote_at(ORIGINAL, "Officials said 12 people died on Monday.", 1);
        let edited = ORIGINAL.replace("Storm hits the coast\n\n", "Storm hits the coast\n\nA new opening paragraph pushes everything down by some way.\n\n");
        let a = place(&edited, &q, Some(p)).unwrap();
        let second = edited.match_indices("Officials said").nth(1).unwrap().0;
        assert_eq!((a.span.start, a.method), (second, Method::Quote));
    }

    #[test]
    fn a_corrected_sentence_is_placed_approximately() {
        let (q, p, _) = quote_at(
            ORIGINAL,
            "Schools will reopen on Friday, the mayor said.",
            0,
        );
        let edited = ORIGINAL.replace(
            "Schools will reopen on Friday, the mayor said.",
            "Schools will re-open on Friday, the mayor said.",
        );
        let a = place(&edited, &q, Some(p)).unwrap();
        assert_eq!(a.method, Method::Approximate);
        assert_eq!(
            a.span.slice(&edited),
            Some("Schools will re-open on Friday, the mayor said.")
        );
    }

    #[test]
    fn a_look_alike_with_other_figures_is_an_orphan() {
        let (q, p, _) = quote_at(ORIGINAL, "Officials said 12 people died on Monday.", 0);
        let edited = ORIGINAL.replace(
            "Officials said 12 people died on Monday.",
            "Officials said 14 people died on Monday.",
        );
        assert_eq!(place(&edited, &q, Some(p)), None);
    }

    #[test]
    fn a_negated_sentence_is_an_orphan() {
        let (q, p, _) = quote_at(
            ORIGINAL,
            "Schools will reopen on Friday, the mayor said.",
            0,
        );
        let edited = ORIGINAL.replace("Schools will reopen", "Schools will not reopen");
        assert_eq!(place(&edited, &q, Some(p)), None);
    }

    #[test]
    fn a_look_alike_elsewhere_is_an_orphan() {
        let (q, p, _) = quote_at(ORIGINAL, "The river rose two metres overnight.", 0);
        // The sentence is gone; a similar one stands in another paragraph, between other
        // sentences.
        let edited = ORIGINAL
            .replace("The river rose two metres overnight. ", "")
            .replace(
                "Schools will reopen",
                "The river rose two metres over the night. Schools will reopen",
            );
        assert_eq!(place(&edited, &q, Some(p)), None);
    }

    #[test]
    fn a_vanished_quote_is_an_orphan() {
        let (q, _, _) = quote_at(ORIGINAL, "Rescue teams worked through the night.", 0);
        assert_eq!(place("Nothing of the kind here at all.", &q, None), None);
    }

    #[test]
    fn wording_tolerates_spelling_not_substance() {
        for (a, b, same) in [
            (
                "The harbour reopened on Tuesday.",
                "The harbor re-opened on Tuesday!",
                true,
            ),
            (
                "The harbour reopend on Tuesday.",
                "The harbour reopened on Tuesday.",
                true,
            ),
            (
                "The harbour reopened on Tuesday.",
                "The harbour reopened on Thursday.",
                false,
            ),
            (
                "Officials said 12 people died.",
                "Officials said 14 people died.",
                false,
            ),
            ("The mayor did resign.", "The mayor did not resign.", false),
            (
                "Police arrested the man on Monday.",
                "Police arrested the man on Sunday.",
                false,
            ),
            (
                "Police arrested the man.",
                "Police reportedly arrested the man.",
                false,
            ),
        ] {
            assert_eq!(same_wording(a, b), same, "{a} / {b}");
        }
    }

    #[test]
    fn best_substring_finds_the_edited_span() {
        let p: Vec<char> = "reopen on Friday".chars().collect();
        let (cost, span) = best_substring(&p, "Schools will re-open on Friday, they said").unwrap();
        assert_eq!(cost, 1);
        assert_eq!(
            span.slice("Schools will re-open on Friday, they said"),
            Some("re-open on Friday")
        );
    }
}
