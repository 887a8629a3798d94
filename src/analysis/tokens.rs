//! Word tokens with the facts the recognisers need: capitalisation, possessives, acronyms,
//! what separates a token from the next, and whether it opens a sentence.

use crate::text::Span;

/// One word of the text. Hyphens split words ("US-Ukraine" is two tokens), a possessive
/// "’s" is left out of the token but remembered, and dotted acronyms ("U.S.") keep their
/// dots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'t> {
    pub span: Span,
    pub text: &'t str,
    /// The token ended in a possessive "’s" / "'s" (or a bare "’" after a plural "s").
    pub possessive: bool,
    /// First in its sentence (after any opening quotes or brackets).
    pub sentence_initial: bool,
    /// Only a single space (or nothing) separates this token from the next one, so the
    /// two may belong to the same name.
    pub joined_to_next: bool,
    /// A hyphen joins this token to the next ("US-Ukraine").
    pub hyphen_to_next: bool,
    /// A hyphen joins this token to the previous one ("pro-Ukrainian").
    pub hyphen_from_prev: bool,
}

impl Token<'_> {
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all upper case ("EU", "AFP", "U.S.").
    pub fn is_all_caps(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && self
                .text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    }

    pub fn is_numeric(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_ascii_digit())
    }

    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '’' || c == '\''
}

/// Length in bytes of a dotted acronym at the start of `s` ("U.S.", "a.m."): two or more
/// single letters each followed by a period, not followed by another letter.
fn dotted_acronym_len(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let mut pairs = 0;
    let mut end = 0;
    loop {
        match (chars.next(), chars.next()) {
            (Some((_, l)), Some((j, '.'))) if l.is_alphabetic() => {
                pairs += 1;
                end = j + 1;
            }
            _ => break,
        }
    }
    let next = s.get(end..).and_then(|r| r.chars().next());
    (pairs >= 2 && next.is_none_or(|c| !c.is_alphabetic())).then_some(end)
}

/// The tokens of an article's content, all in one vector, with each paragraph's range.
#[derive(Debug, Clone, Default)]
pub struct ArticleTokens<'t> {
    pub all: Vec<Token<'t>>,
    pub blocks: Vec<std::ops::Range<usize>>,
}

impl<'t> ArticleTokens<'t> {
    /// Tokenise the given paragraphs (sorted spans) of `text`.
    pub fn new(text: &'t str, blocks: &[Span], sentence_starts: &[usize]) -> Self {
        // About one token per six bytes of English text.
        let mut all = Vec::with_capacity(blocks.iter().map(Span::len).sum::<usize>() / 6 + 1);
        let mut ranges = Vec::with_capacity(blocks.len());
        for b in blocks {
            let start = all.len();
            tokenize_into(text, *b, sentence_starts, &mut all);
            ranges.push(start..all.len());
        }
        ArticleTokens {
            all,
            blocks: ranges,
        }
    }

    /// The tokens of paragraph `i`.
    pub fn block(&self, i: usize) -> Option<&[Token<'t>]> {
        self.blocks.get(i).and_then(|r| self.all.get(r.clone()))
    }

    pub fn iter_blocks(&self) -> impl Iterator<Item = &[Token<'t>]> {
        self.blocks
            .iter()
            .map(|r| self.all.get(r.clone()).unwrap_or(&[]))
    }
}

/// Tokenise `span` of `text`, appending to `out`. `sentence_starts` are the byte offsets
/// where sentences begin (sorted); a token is sentence-initial when no other token lies
/// between it and a start.
pub fn tokenize_into<'t>(
    text: &'t str,
    span: Span,
    sentence_starts: &[usize],
    out: &mut Vec<Token<'t>>,
) {
    let Some(region) = span.slice(text) else {
        return;
    };
    let first_token = out.len();
    let mut iter = region.char_indices().peekable();
    let first_start = sentence_starts.partition_point(|&s| s < span.start);
    let mut starts = sentence_starts
        .get(first_start..)
        .unwrap_or(&[])
        .iter()
        .copied()
        .peekable();
    let mut pending_start = true;
    while let Some((i, c)) = iter.next() {
        if !is_word_char(c) {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let dot_follows = region.as_bytes().get(i + c.len_utf8()) == Some(&b'.');
        if let Some(len) = region
            .get(i..)
            .filter(|_| dot_follows)
            .and_then(dotted_acronym_len)
        {
            end = i + len;
            while iter.peek().is_some_and(|&(j, _)| j < end) {
                iter.next();
            }
        } else {
            // Word characters and internal apostrophes ("O’Brien", "haven’t").
            while let Some(&(j, d)) = iter.peek() {
                let continues = is_word_char(d)
                    || is_apostrophe(d)
                        && region
                            .get(j + d.len_utf8()..)
                            .and_then(|r| r.chars().next())
                            .is_some_and(char::is_alphabetic);
                if !continues {
                    break;
                }
                end = j + d.len_utf8();
                iter.next();
            }
        }
        let mut word = region.get(start..end).unwrap_or("");
        let mut possessive = false;
        for suffix in ["’s", "'s", "’S", "'S"] {
            if let Some(stem) = word.strip_suffix(suffix) {
                if !stem.is_empty() {
                    word = stem;
                    possessive = true;
                    break;
                }
            }
        }
        let word_end = start + word.len();
        // A bare apostrophe after a plural: "residents’ exit".
        let next_char = region.get(end..).and_then(|r| r.chars().next());
        if !possessive && word.ends_with('s') && next_char.is_some_and(is_apostrophe) {
            let after = region
                .get(end + next_char.map_or(0, char::len_utf8)..)
                .and_then(|r| r.chars().next());
            if after.is_none_or(|a| !a.is_alphanumeric()) {
                possessive = true;
            }
        }
        let abs = span.start + start;
        while starts.peek().is_some_and(|&s| s <= abs) {
            starts.next();
            pending_start = true;
        }
        // A capital after a colon opens a clause ("Zelensky: Sovereignty non-negotiable").
        let before = region
            .get(..start)
            .unwrap_or("")
            .trim_end_matches(['“', '"', '‘', '\'', ' ']);
        if before.ends_with(':') {
            pending_start = true;
        }
        let gap_to_next = region.get(end..).unwrap_or("");
        let joined_to_next = gap_to_next.starts_with(' ')
            && gap_to_next
                .get(1..)
                .and_then(|r| r.chars().next())
                .is_some_and(is_word_char);
        let hyphen_to_next = gap_to_next.starts_with('-')
            && gap_to_next
                .get(1..)
                .and_then(|r| r.chars().next())
                .is_some_and(is_word_char);
        let hyphen_from_prev = out.len() > first_token
            && out
                .last()
                .is_some_and(|p: &Token| p.hyphen_to_next && p.span.end + 1 == abs);
        out.push(Token {
            span: Span::new(abs, span.start + word_end),
            text: word,
            possessive,
            sentence_initial: pending_start,
            joined_to_next: joined_to_next && !possessive,
            hyphen_to_next,
            hyphen_from_prev,
        });
        pending_start = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokenize<'t>(text: &'t str, span: Span, sentence_starts: &[usize]) -> Vec<Token<'t>> {
        let mut out = Vec::new();
        tokenize_into(text, span, sentence_starts, &mut out);
        out
    }

    fn toks(text: &str) -> Vec<Token<'_>> {
        tokenize(text, Span::new(0, text.len()), &[0])
    }

    #[test]
    fn words_possessives_acronyms_hyphens() {
        let t = toks("U.S. envoy Witkoff’s US-Ukraine talks haven’t ended; residents’ exit.");
        let words: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "U.S.",
                "envoy",
                "Witkoff",
                "US",
                "Ukraine",
                "talks",
                "haven’t",
                "ended",
                "residents",
                "exit"
            ]
        );
        assert!(t[0].sentence_initial && !t[1].sentence_initial);
        assert!(t[2].possessive && !t[2].joined_to_next);
        assert!(t[3].hyphen_to_next && t[4].hyphen_from_prev);
        assert!(t[8].possessive);
        assert!(t[0].is_all_caps() && t[3].is_all_caps() && !t[2].is_all_caps());
    }

    #[test]
    fn sentence_final_acronym_and_period() {
        let t = toks("talks with the U.S. Then more.");
        assert_eq!(t[3].text, "U.S.");
        assert_eq!(t[4].text, "Then");
        let t = toks("He met Putin. Then left.");
        assert_eq!(t[2].text, "Putin");
    }

    #[test]
    fn sentence_starts_mark_tokens() {
        let text = "One two. “Three four.";
        let t = tokenize(text, Span::new(0, text.len()), &[0, 9]);
        assert!(t[0].sentence_initial && !t[1].sentence_initial && t[2].sentence_initial);
    }
}
