//! Direct quotes and who said them.
//!
//! **Finding quotes.** Curly and straight, double and single quotation marks, « », and
//! the marks of typeset and tokenised text (`` `` … '' ``, `` ` … ' ``, `'' … ''`), paired by
//! function: mixed pairs (`"…”`, `"…''`) and a closing mark typed as an opening one
//! (`“…“`) close too. Only the outermost pair of nested quotes is a quote. A closing ’ or '
//! counts only where it cannot be an apostrophe. A quote left open at the end of a
//! paragraph runs to the end of it when the next paragraph opens with a quotation mark
//! (the convention for quotes spanning paragraphs); else it runs over the next lines to
//! its closing mark (text written one sentence per line); an unclosed quote in the last
//! paragraph runs to the end.
//!
//! **Attributing them.** In the sentence(s) around the quote, outside any quotation:
//! - a speech verb right after the quote with its subject ("…,” Zelensky said) or object
//!   ("…,” said top aide Yury Ushakov);
//! - a speech verb before the quote, close to it, and its subject ("Ushakov was blunt:",
//!   "Kallas called this week “pivotal”"); "according to X";
//! - a pronoun subject refers to the last named speaker;
//! - an indefinite source ("a Russian official") is reported as written, unless a named
//!   person is quoted elsewhere in the article with the same words;
//! - a quote that makes up its own sentence continues the previous quote's speaker;
//! - a quote in a headline or subheading condenses a body quote: it takes the speaker of
//!   the body quote that shares most of its words.
//!
//! A short quote with no speech verb near it is a scare quote: no speaker.

use super::entities::{Entity, EntityType};
use super::lexicon::{
    first_name_gender, is_first_name, is_function_word, lowercase, Gender, SPEECH_VERBS,
};
use super::tokens::Token;
use crate::text::Span;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Reported words, full or partial.
    Direct,
    /// A term set off in quotation marks with no speaker.
    Scare,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Byte span including the quotation marks.
    pub span: Span,
    /// Canonical name (or description) of the source, `None` for scare quotes.
    pub speaker: Option<String>,
    pub kind: QuoteKind,
    /// Why the quote has its speaker, or why it has none: the cue the attribution followed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Cue>,
    /// Byte span of the words the cue points at: the name, pronoun or description of the
    /// speaker as this sentence (or the one it continues) gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention: Option<Span>,
}

impl Quote {
    /// What a reader is told about the quote: its kind, its speaker, and the cue with the
    /// words that name the speaker where they differ from the name ("He" for "Yury
    /// Ushakov"). `text` is the article the quote's spans point into.
    pub fn describe(&self, text: &str) -> String {
        let cue = self
            .cue
            .as_ref()
            .map(|c| format!(" · cue: {}", c.describe()))
            .unwrap_or_default();
        match (&self.kind, &self.speaker) {
            (QuoteKind::Scare, _) => format!("scare quote (no speaker){cue}"),
            (_, Some(s)) => {
                let named = self
                    .mention
                    .and_then(|m| m.slice(text))
                    .filter(|m| m != s)
                    .map(|m| format!(" (“{m}”)"))
                    .unwrap_or_default();
                format!("quote · speaker: {s}{named}{cue}")
            }
            (_, None) => format!("quote · speaker unknown{cue}"),
        }
    }
}

/// The evidence an attribution rests on, shown with the quote so a reader can check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "by", content = "word")]
pub enum Cue {
    /// A speech verb before or after the quote, as written in lower case ("said", "told").
    Verb(String),
    /// "according to X".
    AccordingTo,
    /// A clause naming the speaker, then a colon: "Ushakov was blunt: “…”".
    Colon,
    /// The sentence before ends in a colon and names the speaker ("… issued this statement:").
    Introduction,
    /// A quote that is a sentence of its own, going on from the quote before it.
    Continuation,
    /// A quote that is a sentence of its own after a sentence of reported speech.
    ReportedSpeech,
    /// A quote that is a sentence of its own, attributed by the sentence after it ("“…”
    /// She said …").
    NextSentence,
    /// A headline quote, credited to the body quote that shares most of its words.
    Headline,
    /// No speaker: a quoted title of a work or name of a thing.
    Title,
    /// No speaker: a "so-called" name or a short term set off without a speech verb.
    Term,
}

impl Cue {
    /// How the cue reads in a mark's details.
    pub fn describe(&self) -> String {
        match self {
            Cue::Verb(w) => format!("“{w}”"),
            Cue::AccordingTo => "“according to”".to_string(),
            Cue::Colon => "a colon after the speaker".to_string(),
            Cue::Introduction => "the sentence that introduces it".to_string(),
            Cue::Continuation => "continues the quote before".to_string(),
            Cue::ReportedSpeech => "follows reported speech".to_string(),
            Cue::NextSentence => "the sentence after it".to_string(),
            Cue::Headline => "the body quote a headline condenses".to_string(),
            Cue::Title => "a title".to_string(),
            Cue::Term => "a term".to_string(),
        }
    }
}

/// A unit of text the attribution looks at: a sentence of prose or a whole heading.
#[derive(Debug, Clone, Copy)]
pub struct Unit {
    pub span: Span,
    pub heading: bool,
}

fn is_letter_or_digit(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// The closing mark a `` `` `` opening expects: two apostrophes (`''`), the convention of
/// typeset and tokenised text ("`` We won, '' he said").
const CLOSE_BACKTICKS: char = '\u{E000}';
/// The closing mark of a quote opened by two apostrophes used as a double mark.
const CLOSE_APOSTROPHES: char = '\u{E001}';
/// The closing mark a single `` ` `` expects: an apostrophe.
const CLOSE_BACKTICK: char = '\u{E002}';

/// Offset of the opening mark of a quote that was already open when the paragraph began.
const CARRIED: usize = usize::MAX;

/// What scanning one paragraph found.
#[derive(Debug, Default)]
struct BlockQuotes {
    /// Quotes opened and closed in the paragraph.
    spans: Vec<Span>,
    /// The outermost quote left open at the end of the paragraph: its opening mark's
    /// offset ([`CARRIED`] for one carried in) and the mark that would close it.
    open: Option<(usize, char)>,
    /// Where a quote carried in from an earlier paragraph closed (byte offset after the mark).
    carried_end: Option<usize>,
}

/// Quote spans in one paragraph. `carried` is the closing mark of a quote still open from
/// an earlier line of the same paragraph ("one sentence per line" text), if any.
fn quotes_in_block(text: &str, block: Span, carried: Option<char>) -> BlockQuotes {
    let mut found = BlockQuotes::default();
    let Some(region) = block.slice(text) else {
        return found;
    };
    // Stack of (closing mark expected, byte offset of the opening mark).
    let mut stack: Vec<(char, usize)> = carried.map(|m| (m, CARRIED)).into_iter().collect();
    let mut prev: Option<char> = None;
    let mut iter = region.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let before = prev.replace(c);
        if !matches!(c, '“' | '”' | '‘' | '’' | '"' | '\'' | '«' | '»' | '`') {
            continue;
        }
        let prev = before;
        let mut next = iter.peek().map(|&(_, x)| x);
        // Two backticks or two apostrophes make one double mark.
        let doubled = matches!(c, '`' | '\'') && next == Some(c);
        if doubled {
            iter.next();
            next = iter.peek().map(|&(_, x)| x);
        }
        let width = if doubled { 2 } else { c.len_utf8() };
        let opens_here = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/“‘\"«:`".contains(p));
        let close = |stack: &mut Vec<(char, usize)>, found: &mut BlockQuotes, mark: char| {
            let Some(pos) = stack.iter().rposition(|&(m, _)| m == mark) else {
                return false;
            };
            let (_, start) = stack.get(pos).copied().unwrap_or((mark, 0));
            stack.truncate(pos);
            if stack.is_empty() {
                let end = block.start + i + width;
                if start == CARRIED {
                    found.carried_end = Some(end);
                } else {
                    found.spans.push(Span::new(block.start + start, end));
                }
            }
            true
        };
        let is_open =
            |stack: &Vec<(char, usize)>, mark: char| stack.iter().any(|&(m, _)| m == mark);
        match c {
            '“' => {
                // A closing mark typed as an opening one: “ right after the quoted words.
                if !opens_here && is_open(&stack, '”') {
                    close(&mut stack, &mut found, '”');
                } else {
                    stack.push(('”', i));
                }
            }
            '«' => stack.push(('»', i)),
            '‘' => stack.push(('’', i)),
            // Mixed pairs close too: "…” and “…".
            '”' => {
                let _ = close(&mut stack, &mut found, '”') || close(&mut stack, &mut found, '"');
            }
            '»' => {
                close(&mut stack, &mut found, '»');
            }
            '`' if doubled => {
                // "`` … ``": the second pair closes when it does not open new words.
                if is_open(&stack, CLOSE_BACKTICKS) && !(opens_here && is_letter_or_digit(next)) {
                    close(&mut stack, &mut found, CLOSE_BACKTICKS);
                } else {
                    stack.push((CLOSE_BACKTICKS, i));
                }
            }
            '`' => stack.push((CLOSE_BACKTICK, i)),
            '\'' if doubled => {
                let closed = close(&mut stack, &mut found, CLOSE_BACKTICKS)
                    || close(&mut stack, &mut found, CLOSE_APOSTROPHES)
                    || close(&mut stack, &mut found, '"');
                if !closed && opens_here {
                    stack.push((CLOSE_APOSTROPHES, i));
                }
            }
            // An apostrophe has a letter after it ("haven’t") or closes a plural
            // possessive; ’ closes a quote only when one is open.
            '’' if !is_letter_or_digit(next) && is_open(&stack, '’') => {
                close(&mut stack, &mut found, '’');
            }
            '"' => {
                let open_double = is_open(&stack, '"') || is_open(&stack, '”');
                if open_double && !(opens_here && is_letter_or_digit(next)) {
                    let _ =
                        close(&mut stack, &mut found, '"') || close(&mut stack, &mut found, '”');
                } else if opens_here {
                    stack.push(('"', i));
                }
            }
            '\'' => {
                if !is_letter_or_digit(next) && is_open(&stack, CLOSE_BACKTICK) {
                    close(&mut stack, &mut found, CLOSE_BACKTICK);
                } else if !is_letter_or_digit(next) && is_open(&stack, '\'') {
                    close(&mut stack, &mut found, '\'');
                } else if opens_here && is_letter_or_digit(next) && !is_letter_or_digit(prev) {
                    stack.push(('\'', i));
                }
            }
            _ => {}
        }
    }
    found.open = stack.first().copied().map(|(m, at)| (at, m));
    found
}

fn opens_with_quote(text: &str, block: Span) -> bool {
    block
        .slice(text)
        .is_some_and(|s| s.starts_with(['“', '"', '‘', '«', '`']) || s.starts_with("''"))
}

/// How many following lines a quote left open at the end of a line may continue over
/// before its closing mark ("one sentence per line" text quoting several sentences).
const MAX_CARRIED_LINES: usize = 6;

/// Every quote of an article: spans only.
///
/// A quote left open at the end of a paragraph:
/// - runs to the end of it when the next paragraph opens with a quotation mark (the
///   convention for a quote that continues into the next paragraph);
/// - else continues over the following lines (up to [`MAX_CARRIED_LINES`]) to the mark
///   that closes it, as in text written one sentence per line;
/// - else, in the last paragraph of the text, runs to its end when it holds a few words
///   (an unclosed final quote); otherwise it is a stray mark and no quote.
pub fn find_spans(text: &str, blocks: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    // The next paragraph to scan, and the closing mark of a quote carried into it.
    let mut i = 0;
    let mut carried: Option<(usize, char)> = None;
    while let Some(block) = blocks.get(i) {
        let found = quotes_in_block(text, *block, carried.map(|(_, m)| m));
        if let (Some((start, _)), Some(end)) = (carried, found.carried_end) {
            out.push(Span::new(start, end));
        }
        carried = None;
        out.extend(&found.spans);
        i += 1;
        let Some((at, mark)) = found.open.filter(|&(at, _)| at != CARRIED) else {
            continue;
        };
        let start = block.start + at;
        if blocks
            .get(i)
            .is_some_and(|next| opens_with_quote(text, *next))
        {
            out.push(Span::new(start, block.end));
        } else if let Some(closes) = closing_line(text, blocks, i, mark) {
            // Whatever the lines in between hold is inside this quote.
            i = closes;
            carried = Some((start, mark));
        } else if i == blocks.len()
            && text
                .get(start..block.end)
                .is_some_and(|s| s.split_whitespace().count() >= 3)
        {
            out.push(Span::new(start, block.end));
        }
    }
    out.sort();
    out
}

/// The first of the paragraphs from `from` on (at most [`MAX_CARRIED_LINES`]) in which a
/// quote carried in with closing `mark` closes. The paragraphs must follow one another
/// with only white space between (no page chrome left out of the content in between).
fn closing_line(text: &str, blocks: &[Span], from: usize, mark: char) -> Option<usize> {
    for j in from..blocks.len().min(from + MAX_CARRIED_LINES) {
        let (Some(prev), Some(b)) = (j.checked_sub(1).and_then(|p| blocks.get(p)), blocks.get(j))
        else {
            return None;
        };
        if !text
            .get(prev.end..b.start)
            .is_some_and(|gap| gap.chars().all(char::is_whitespace))
        {
            return None;
        }
        if quotes_in_block(text, *b, Some(mark)).carried_end.is_some() {
            return Some(j);
        }
    }
    None
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we"];

/// Words that open a description of a person ("her nephew", "the spokesman").
const DETERMINERS: &[&str] = &["the", "a", "an", "her", "his", "their", "its", "our", "my"];

/// Whom a subject pronoun may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Referent {
    /// "he": a person not known to be a woman.
    Man,
    /// "she": a person not known to be a man.
    Woman,
    /// "it": the organisation named last ("A statement from Waitrose said …" then
    /// "“…,” it added").
    Organisation,
    /// "they", "we": the person named last.
    Anyone,
}

/// Whom a lower-case subject pronoun may refer to.
fn referent(lower: &str) -> Referent {
    match lower {
        "he" => Referent::Man,
        "she" => Referent::Woman,
        "it" => Referent::Organisation,
        _ => Referent::Anyone,
    }
}

/// How many of the people last named a "he" or "she" may reach back to.
const ANTECEDENTS: usize = 4;

/// Note that `who` spoke or was named last.
fn remember<'a>(recent: &mut Vec<(&'a str, EntityType)>, who: (&'a str, EntityType)) {
    recent.retain(|r| r.0 != who.0);
    recent.push(who);
    if recent.len() > ANTECEDENTS {
        recent.remove(0);
    }
}

/// Whom a pronoun refers to: the person named last, skipping those whose first name says
/// another gender than the pronoun's ("she" after "Mark Roesler" reaches back to "Bettie
/// Page"). A name without a known gender fits any pronoun.
fn antecedent<'a>(
    recent: &[(&'a str, EntityType)],
    gender: Option<Gender>,
) -> Option<(&'a str, EntityType)> {
    let Some(gender) = gender else {
        return recent.last().copied();
    };
    recent
        .iter()
        .rev()
        .find(|(name, _)| name_gender(name).is_none_or(|g| g == gender))
        .copied()
}

/// The gender of a person's name by its first given name ("W. Mark Felt" by "Mark").
fn name_gender(name: &str) -> Option<Gender> {
    name.split_whitespace()
        .find(|w| is_first_name(w))
        .and_then(first_name_gender)
}
/// Nouns that describe a source without naming it ("a Russian official").
/// Nouns that, after "the", stand for an organisation named before ("Kraft Foods …" then
/// "“…,” the company said").
const ORG_ANAPHORS: &[&str] = &[
    "company",
    "firm",
    "agency",
    "group",
    "organisation",
    "organization",
    "ministry",
    "department",
    "club",
    "team",
    "bank",
    "newspaper",
    "network",
    "union",
    "retailer",
    "airline",
    "broadcaster",
    "studio",
    "university",
    "hospital",
    "council",
    "commission",
    "committee",
    "foundation",
    "charity",
    "channel",
    "manufacturer",
    "carrier",
];

const SOURCE_NOUNS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "aide",
    "diplomat",
    "diplomats",
    "leader",
    "minister",
    "president",
    "envoy",
    "negotiator",
    "negotiators",
    "adviser",
    "advisor",
    "statement",
    "ministry",
    "government",
    "people",
];
/// Words that may stand between a subject and its verb ("Putin repeatedly said").
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "also",
    "then",
    "later",
    "again",
    "once",
    "repeatedly",
    "previously",
    "earlier",
    "now",
    "would",
    "will",
    "could",
    "did",
    "had",
    "reportedly",
    "publicly",
    "privately",
    "separately",
    "only",
    "just",
    "further",
    "not",
    "been",
    "being",
    "be",
    "often",
    "never",
    "always",
    "sometimes",
    "still",
    "may",
    "might",
    "should",
    "must",
];
/// Verbs whose object is the one spoken to, not the speaker ("told France Info").
const LISTENER_VERBS: &[&str] = &[
    "told", "tell", "tells", "telling", "informed", "assured", "reminded",
];
/// How far before a short label after a possessive a speech verb may stand and still
/// credit it.
const LABEL_VERB_DISTANCE: usize = 6;
/// Determiners of a definite description that may stand for a named person.
const ROLE_DETERMINERS: &[&str] = &["the", "his", "her", "their"];
/// Source nouns that are also titles given with a name ("President X", "Minister X"):
/// "the president said" is the president named before.
const ROLE_TITLES: &[&str] = &[
    "president",
    "minister",
    "leader",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "aide",
    "negotiator",
];
/// How many of the last people named a definite description looks back over.
const ROLE_LOOKBACK: usize = 12;
/// Prepositions that open a phrase of where, when or how after a speech verb.
const PLACE_PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "to", "during", "from", "via", "through", "after", "before", "into", "over",
    "outside", "inside",
];
/// Words before a short quote that make it a noun phrase, a label: "other “midnight
/// rules”", "such “reforms”". (Not "the" or "a": reported speech quotes noun phrases
/// too, its verb far back: "saying that it remains the “biggest challenge”".)
const LABEL_DETERMINERS: &[&str] = &["other", "its", "their", "these", "those", "such"];
/// Works whose titles are quoted: "the book “…”", "his memoir, “…”".
const WORK_NOUNS: &[&str] = &[
    "book",
    "books",
    "novel",
    "memoir",
    "memoirs",
    "autobiography",
    "biography",
    "film",
    "films",
    "movie",
    "movies",
    "documentary",
    "album",
    "song",
    "songs",
    "single",
    "show",
    "series",
    "sitcom",
    "play",
    "musical",
    "opera",
    "poem",
    "episode",
    "column",
    "essay",
    "painting",
    "exhibition",
    "titled",
    "entitled",
];
/// Most words an apposition between a subject and its verb may have.
const MAX_APPOSITION_WORDS: usize = 14;
/// How many words before a quote a speech verb may stand and still introduce it: a
/// reported clause ("He said Putin reacted … including the “territorial problem”") can
/// be long, so this spans most of a sentence.
const MAX_VERB_DISTANCE: usize = 30;
/// Words between a quote and a later verb that show the verb belongs to a new clause
/// ("…”, with Zelenskyy saying …").
const CLAUSE_BREAKS: &[&str] = &[
    "with", "and", "but", "while", "as", "after", "before", "when", "which", "who",
];

/// How many of the quotes after a headline are candidates for the body quote it condenses:
/// enough for any article's own quotes, and a bound that keeps a long text linear.
const HEADLINE_QUOTE_LOOKAHEAD: usize = 60;

/// Who the words of one sentence position refer to.
#[derive(Debug, Clone, PartialEq)]
///
/// Each carries the span of the words that name the source where the cue found them: the
/// name, the pronoun or the description.
enum Source<'a> {
    Named(&'a str, EntityType, Span),
    /// "he", "she", "it", "they", "we", by whom they may refer to.
    Pronoun(Referent, Span),
    /// A description with an indefinite article ("a senior official"): reported as written,
    /// unless a named speaker is quoted saying the same words.
    Indefinite(String, Span),
    Description(String, Span),
}

impl Source<'_> {
    fn named(e: &Entity) -> Source<'_> {
        Source::Named(e.canonical.as_str(), e.kind, e.span)
    }

    fn mention(&self) -> Span {
        match self {
            Source::Named(_, _, m)
            | Source::Pronoun(_, m)
            | Source::Indefinite(_, m)
            | Source::Description(_, m) => *m,
        }
    }
}

struct Ctx<'a> {
    text: &'a str,
    tokens: &'a [Token<'a>],
    entities: &'a [Entity],
    /// Per token: inside a quotation.
    quoted: Vec<bool>,
    /// Per token: a speech verb outside any quotation.
    speech: Vec<bool>,
    /// Per token: index of the entity that contains it.
    entity: Vec<Option<usize>>,
}

impl<'a> Ctx<'a> {
    /// Per-token facts computed in one pass each (tokens, quotes and entities are sorted).
    fn new(
        text: &'a str,
        tokens: &'a [Token<'a>],
        entities: &'a [Entity],
        quotes: &[Span],
    ) -> Self {
        let mut quoted = Vec::with_capacity(tokens.len());
        let mut entity = Vec::with_capacity(tokens.len());
        let (mut qi, mut ei) = (0, 0);
        for t in tokens {
            while quotes.get(qi).is_some_and(|q| q.end <= t.span.start) {
                qi += 1;
            }
            quoted.push(
                quotes
                    .get(qi)
                    .is_some_and(|q| q.start <= t.span.start && t.span.end <= q.end),
            );
            while entities.get(ei).is_some_and(|e| e.span.end <= t.span.start) {
                ei += 1;
            }
            entity.push(
                entities
                    .get(ei)
                    .filter(|e| e.span.start <= t.span.start && t.span.end <= e.span.end)
                    .map(|_| ei),
            );
        }
        let speech = tokens
            .iter()
            .zip(&quoted)
            .map(|(t, q)| {
                !q && t.text.starts_with(|c: char| c.is_ascii_alphabetic())
                    && SPEECH_VERBS.contains_lower(t.text)
            })
            .collect();
        Ctx {
            text,
            tokens,
            entities,
            quoted,
            speech,
            entity,
        }
    }

    /// The entity that contains token `k`.
    /// The first name outside quotes among tokens `range` that `fits` (given the entity
    /// and the index of the token it was found at).
    fn first_named(
        &self,
        range: std::ops::Range<usize>,
        fits: impl Fn(&Entity, usize) -> bool,
    ) -> Option<&Entity> {
        range.into_iter().find_map(|k| {
            self.entity_at(k)
                .filter(|e| !self.in_quote(k) && fits(e, k))
        })
    }

    fn entity_at(&self, k: usize) -> Option<&Entity> {
        self.entity
            .get(k)
            .copied()
            .flatten()
            .and_then(|i| self.entities.get(i))
    }

    fn in_quote(&self, k: usize) -> bool {
        self.quoted.get(k).copied().unwrap_or(false)
    }

    /// Indices of the tokens inside `span` (tokens are sorted).
    fn token_range(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.end <= span.end);
        a..b.max(a)
    }

    /// Whom the pronoun at `k` may refer to.
    fn referent(&self, k: usize) -> Referent {
        self.tokens
            .get(k)
            .map_or(Referent::Anyone, |t| referent(&t.text.to_lowercase()))
    }

    fn is_pronoun(&self, k: usize) -> bool {
        self.tokens
            .get(k)
            .is_some_and(|t| PRONOUNS.iter().any(|p| t.text.eq_ignore_ascii_case(p)))
    }

    /// Tokens `range` outside quotes are in Title Case: every word of four letters or
    /// more capitalised.
    fn title_case(&self, range: std::ops::Range<usize>) -> bool {
        range
            .filter(|&k| !self.in_quote(k))
            .filter_map(|k| self.tokens.get(k))
            .filter(|t| t.text.chars().count() >= 4 && t.text.chars().all(char::is_alphabetic))
            .all(|t| t.is_capitalised())
    }

    /// A word for a work of art or writing among the few words right before a quote
    /// ("the 2005 book “…”", "his memoir, “…”"): the quote is its title.
    fn names_a_work(&self, before: std::ops::Range<usize>) -> bool {
        before
            .rev()
            .take(3)
            .take_while(|&k| !self.in_quote(k) && !self.is_speech_verb(k))
            .any(|k| WORK_NOUNS.contains(&&*self.lower(k)))
    }

    /// The pronoun at `k` as a source.
    fn pronoun(&self, k: usize) -> Option<Source<'a>> {
        let t = self.tokens.get(k)?;
        self.is_pronoun(k)
            .then(|| Source::Pronoun(self.referent(k), t.span))
    }

    fn lower(&self, k: usize) -> std::borrow::Cow<'_, str> {
        self.tokens
            .get(k)
            .map(|t| lowercase(t.text))
            .unwrap_or_default()
    }

    fn is_speech_verb(&self, k: usize) -> bool {
        self.speech.get(k).copied().unwrap_or(false)
    }

    /// The source a speech verb at `k` reports, looking only at tokens in `sentence`
    /// (indices in order) up to byte `limit`: its subject; for a participle after a comma
    /// or a coordinated verb, the subject of an earlier speech verb in the sentence or the
    /// first source the sentence names (a person before anything else); else the named
    /// object after it.
    fn source_of_verb(
        &self,
        k: usize,
        sentence: std::ops::Range<usize>,
        limit: usize,
    ) -> Option<Source<'_>> {
        let verb = self.lower(k);
        let participle_after_comma = verb.ends_with("ing")
            && k.checked_sub(1)
                .and_then(|p| self.tokens.get(p))
                .zip(self.tokens.get(k))
                .is_some_and(|(p, v)| {
                    self.text
                        .get(p.span.end..v.span.start)
                        .is_some_and(|g| g.contains(','))
                });
        if !participle_after_comma {
            if let Some(s) = self.subject_before(k) {
                return Some(s);
            }
        }
        let earlier = sentence.start..k.min(sentence.end).max(sentence.start);
        for j in earlier.clone().rev() {
            if self.is_speech_verb(j) {
                if let Some(s) = self.subject_before(j) {
                    return Some(s);
                }
            }
        }
        let mut first_other = None;
        for j in earlier {
            if self.in_quote(j) {
                continue;
            }
            match self.entity_at(j) {
                Some(e) if e.kind == EntityType::Person => return Some(Source::named(e)),
                Some(e) if e.kind != EntityType::Other && first_other.is_none() => {
                    first_other = Some(Source::named(e));
                }
                _ if first_other.is_none() && self.is_pronoun(j) => {
                    first_other = self.pronoun(j);
                }
                _ => {}
            }
        }
        first_other.or_else(|| self.object_after(k, limit))
    }

    /// The subject that ends right before token `k` (skipping auxiliaries and adverbs).
    fn subject_before(&self, k: usize) -> Option<Source<'_>> {
        let mut j = k;
        while j > 0 {
            let w = self.lower(j - 1);
            if AUXILIARIES.contains(&&*w) || w.ends_with("ly") && w.len() > 4 {
                j -= 1;
            } else {
                break;
            }
        }
        let ti = j.checked_sub(1)?;
        let t = self.tokens.get(ti)?;
        if self.in_quote(ti) {
            return None;
        }
        // A comma between the word and the verb: the word closes an apposition or a
        // parenthesis ("Hugh Hefner, the magazine's founder, said"; "her agent, Mark
        // Roesler, said"; "Trump, speaking in Washington, called …").
        let verb_start = self.tokens.get(j).map_or(t.span.end, |v| v.span.start);
        if self
            .text
            .get(t.span.end..verb_start)
            .is_some_and(|g| g.contains(','))
        {
            return self.around_apposition(ti);
        }
        // A gap with punctuation (other than a closing quote) breaks the subject.
        if let Some(e) = self.entity_at(ti) {
            if e.kind != EntityType::Other {
                return Some(Source::named(e));
            }
        }
        let w = t.text.to_lowercase();
        if PRONOUNS.contains(&w.as_str()) {
            return Some(Source::Pronoun(referent(&w), t.span));
        }
        // "the company said": the organisation named last, as "it said" would be.
        if ORG_ANAPHORS.contains(&w.as_str()) && ti > 0 && self.lower(ti - 1) == "the" {
            let the = self.tokens.get(ti - 1)?.span;
            return Some(Source::Pronoun(
                Referent::Organisation,
                Span::new(the.start, t.span.end),
            ));
        }
        // "the sheriff said": the person the article named with that title or role.
        if let Some(s) = self.role(ti) {
            return Some(s);
        }
        if SOURCE_NOUNS.contains(&w.as_str()) {
            // Walk back over the description to its determiner.
            let mut s = j - 1;
            while s > 0 && s + 6 > j {
                let d = self.lower(s - 1);
                if d == "a" || d == "an" {
                    let start = self.tokens.get(s - 1)?.span.start;
                    return Some(Source::Indefinite(
                        self.text.get(start..t.span.end)?.to_string(),
                        Span::new(start, t.span.end),
                    ));
                }
                if d == "the" || d == "its" || d == "his" || d == "her" {
                    break;
                }
                let (Some(prev), Some(cur)) = (self.tokens.get(s - 1), self.tokens.get(s)) else {
                    break;
                };
                if self.in_quote(s - 1)
                    || self
                        .text
                        .get(prev.span.end..cur.span.start)
                        .is_some_and(|g| g.trim() != "")
                {
                    break;
                }
                s -= 1;
            }
            while s + 1 < j && ["and", "or", "but"].contains(&&*self.lower(s)) {
                s += 1;
            }
            let start = self.tokens.get(s)?.span.start;
            let desc = self.text.get(start..t.span.end)?.to_string();
            return Some(Source::Description(desc, Span::new(start, t.span.end)));
        }
        None
    }

    /// The subject of a verb whose subject ends at token `end` with an apposition set
    /// off by commas: the name before the apposition ("Hugh Hefner, the magazine's
    /// founder,"), else a name that makes up the apposition ("her agent, Mark Roesler,").
    fn around_apposition(&self, end: usize) -> Option<Source<'_>> {
        let gap_has_comma = |a: usize| {
            let (Some(x), Some(y)) = (self.tokens.get(a), self.tokens.get(a + 1)) else {
                return false;
            };
            self.text
                .get(x.span.end..y.span.start)
                .is_some_and(|g| g.contains(','))
        };
        let breaks = |a: usize| {
            let (Some(x), Some(y)) = (self.tokens.get(a), self.tokens.get(a + 1)) else {
                return true;
            };
            y.sentence_initial
                || self.in_quote(a)
                || self
                    .text
                    .get(x.span.end..y.span.start)
                    .is_some_and(|g| g.contains([';', ':', '.', '(', ')', '"', '“', '”']))
        };
        // The comma that opens the apposition: at most MAX_APPOSITION_WORDS words back.
        let mut open = None;
        for a in (end.saturating_sub(MAX_APPOSITION_WORDS)..end).rev() {
            if breaks(a) {
                return None;
            }
            if gap_has_comma(a) {
                open = Some(a);
                break;
            }
        }
        let before = open?;
        if let Some(e) = self
            .entity_at(before)
            .filter(|e| matches!(e.kind, EntityType::Person | EntityType::Org))
        {
            return Some(Source::named(e));
        }
        // The apposition is one name (with nothing but a determiner before the comma).
        let first = self.entity_at(before + 1)?;
        let same = self.entity_at(end).is_some_and(|e| std::ptr::eq(e, first));
        (same && first.kind == EntityType::Person).then(|| Source::named(first))
    }

    /// The named source within a few words after token `k` ("said top aide X", "said
    /// Sheriff's Deputy X", "said South Richmond Hill resident X"): the last person of the
    /// phrase, else its first organisation. Verbs whose object is the
    /// listener ("told CNN") have none.
    fn object_after(&self, k: usize, limit: usize) -> Option<Source<'_>> {
        let verb = self.lower(k);
        if LISTENER_VERBS.contains(&&*verb) {
            return None;
        }
        // "added on Twitter", "said in a statement to Reuters": the phrase after the verb
        // tells where or how, not who ("according to X" names the source).
        if verb != "according" && PLACE_PREPOSITIONS.contains(&&*self.lower(k + 1)) {
            return None;
        }
        let mut org = None;
        let mut person = None;
        for j in k + 1..(k + 10).min(self.tokens.len()) {
            let Some(t) = self.tokens.get(j) else { break };
            if self.in_quote(j) || t.span.end > limit {
                break;
            }
            let gap_before = self
                .tokens
                .get(j - 1)
                .and_then(|p| self.text.get(p.span.end..t.span.start))
                .unwrap_or("");
            if j > k + 1 && gap_before.contains([',', ';', ':']) {
                // "said her nephew, Ravi Singh": a description opened by a determiner,
                // then the name it describes right after the comma.
                let described = person.is_none()
                    && org.is_none()
                    && gap_before.trim() == ","
                    && DETERMINERS.contains(&&*self.lower(k + 1))
                    && self.entity_at(j).is_some_and(|e| {
                        e.kind == EntityType::Person && e.span.start == t.span.start
                    });
                if !described {
                    break;
                }
            }
            match self.entity_at(j) {
                Some(e) if e.kind == EntityType::Person => person = Some(Source::named(e)),
                Some(e) if e.kind == EntityType::Org && org.is_none() => {
                    org = Some(Source::named(e))
                }
                _ => {}
            }
        }
        // "said his brother", "said the sheriff": the person named with that role.
        person.or(org).or_else(|| {
            (k + 2..k + 5)
                .take_while(|&j| self.tokens.get(j).is_some_and(|t| t.span.end <= limit))
                .find_map(|j| self.role(j))
        })
    }

    /// A transcript's speaker label, "Haldeman: “…”": one to three capitalised words and
    /// nothing else before the colon, the surname of a person the article names in full
    /// (the tagger may miss a lone surname at the start of a line).
    fn speaker_label(&self, before: std::ops::Range<usize>) -> Option<Source<'a>> {
        if before.is_empty() || before.len() > 3 {
            return None;
        }
        if !before
            .clone()
            .all(|k| self.tokens.get(k).is_some_and(|t| t.is_capitalised()))
        {
            return None;
        }
        let last = self.tokens.get(before.end - 1)?;
        let first = self.tokens.get(before.start)?;
        let person = self.entities.iter().find(|e| {
            e.kind == EntityType::Person
                && e.canonical.split_whitespace().count() >= 2
                && e.canonical.split_whitespace().last() == Some(last.text)
        })?;
        Some(Source::Named(
            person.canonical.as_str(),
            EntityType::Person,
            Span::new(first.span.start, last.span.end),
        ))
    }

    /// A definite description ending at token `ti` ("the sheriff", "his older brother"),
    /// resolved to the person named before it with that title or role: right before the
    /// name ("Genesee County Sheriff Robert J. Pickell") or in an apposition after it
    /// ("John Banky, Ben's older brother,"). The nearest such person, among the last
    /// [`ROLE_LOOKBACK`] named.
    fn role(&self, ti: usize) -> Option<Source<'a>> {
        let noun = self.tokens.get(ti)?;
        let lower_word = |j: usize| {
            self.tokens.get(j).is_some_and(|t| {
                !self.in_quote(j)
                    && t.text
                        .chars()
                        .all(|c| c.is_alphabetic() && c.is_lowercase())
            })
        };
        // The description ends here: no lower-case word of it follows.
        if !lower_word(ti) || lower_word(ti + 1) && !self.is_speech_verb(ti + 1) {
            return None;
        }
        let det = (ti.saturating_sub(3)..ti)
            .rev()
            .take_while(|&j| lower_word(j))
            .find(|&j| ROLE_DETERMINERS.contains(&&*self.lower(j)))?;
        // Nouns and adjectives only: "the peace process and warned" is no description.
        let function_word = |j: usize| {
            let w = self.lower(j);
            CLAUSE_BREAKS.contains(&&*w)
                || AUXILIARIES.contains(&&*w)
                || PRONOUNS.contains(&&*w)
                || [
                    "or", "of", "to", "in", "on", "at", "for", "by", "from", "that",
                ]
                .contains(&&*w)
        };
        if (det + 1..=ti).any(function_word) {
            return None;
        }
        let start = self.tokens.get(det)?.span.start;
        let word = self.lower(ti);
        if SOURCE_NOUNS.contains(&&*word) && !ROLE_TITLES.contains(&&*word) {
            return None;
        }
        let holds = |e: &Entity| {
            let r = self.token_range(e.span);
            let title = (r.start.saturating_sub(3)..r.start).any(|j| self.lower(j) == word);
            let opens_apposition = self
                .tokens
                .get(r.end)
                .and_then(|t| self.text.get(e.span.end..t.span.start))
                .is_some_and(|g| g.trim() == ",");
            let apposition = opens_apposition
                && (r.end..r.end + 8)
                    .take_while(|&j| {
                        j == r.end
                            || self
                                .tokens
                                .get(j - 1)
                                .zip(self.tokens.get(j))
                                .and_then(|(a, b)| self.text.get(a.span.end..b.span.start))
                                .is_some_and(|g| !g.contains([',', '.', ';', ':']))
                    })
                    .any(|j| self.lower(j) == word);
            title || apposition
        };
        let upto = self.entities.partition_point(|e| e.span.end <= start);
        let holder = self
            .entities
            .get(..upto)?
            .iter()
            .rev()
            .filter(|e| e.kind == EntityType::Person)
            .take(ROLE_LOOKBACK)
            .find(|e| holds(e))?;
        Some(Source::Named(
            holder.canonical.as_str(),
            EntityType::Person,
            Span::new(start, noun.span.end),
        ))
    }
}

/// One quote as the attribution found it, before speakers are resolved to names.
struct Found<'a> {
    span: Span,
    source: Option<Source<'a>>,
    scare: bool,
    heading: bool,
    /// A title or term by the words around it: no headline condensing makes it speech.
    label: bool,
    cue: Option<Cue>,
}

/// Attribute the quotes of one article. `units` are its sentences and headings in order,
/// `tokens` all its tokens in order.
pub fn attribute(
    text: &str,
    spans: &[Span],
    units: &[Unit],
    tokens: &[Token],
    entities: &[Entity],
) -> Vec<Quote> {
    let ctx = Ctx::new(text, tokens, entities, spans);
    let unit_of = |pos: usize| {
        let i = units
            .partition_point(|u| u.span.start <= pos)
            .checked_sub(1)?;
        units
            .get(i)
            .filter(|u| pos < u.span.end.max(u.span.start + 1))
            .map(|_| i)
    };
    let mut result: Vec<Found> = Vec::new();
    // The people who spoke or were named last, the latest at the end, for "he" and "she".
    let mut recent: Vec<(&str, EntityType)> = Vec::new();
    // The organisation that spoke or was named last, for "it".
    let mut recent_org: Option<&str> = None;
    let mut last_quote_unit: Option<(usize, Option<Source>)> = None;
    // Who a later "he" or "she" most likely means, sentence by sentence: the person who is
    // the subject of a speech verb, else the first person the sentence names.
    // Token range of every unit, in one merge pass (units and tokens are both sorted).
    let mut unit_tokens: Vec<std::ops::Range<usize>> = Vec::with_capacity(units.len());
    let mut k = 0;
    for u in units {
        while ctx
            .tokens
            .get(k)
            .is_some_and(|t| t.span.start < u.span.start)
        {
            k += 1;
        }
        let start = k;
        let mut end = k;
        while ctx
            .tokens
            .get(end)
            .is_some_and(|t| t.span.end <= u.span.end)
        {
            end += 1;
        }
        unit_tokens.push(start..end);
    }
    // Per unit: who speaks in it, a named person or a pronoun that stands for one.
    let mut unit_speakers: Vec<Option<Source>> = vec![None; units.len()];
    let mut unit_orgs: Vec<Option<&str>> = vec![None; units.len()];
    // Per unit: its first speech verb (token index), if it reports words at all.
    let unit_verbs: Vec<Option<usize>> = unit_tokens
        .iter()
        .map(|r| r.clone().find(|&k| ctx.is_speech_verb(k)))
        .collect();
    for (ui, idx) in unit_tokens.iter().enumerate() {
        let idx = idx.clone();
        let by_verb = idx
            .clone()
            .filter(|&k| ctx.is_speech_verb(k))
            .find_map(|k| match ctx.subject_before(k) {
                Some(s @ Source::Named(_, EntityType::Person, _)) => Some(s),
                // "She said Ben and his wife …": she, not Ben.
                Some(s @ Source::Pronoun(Referent::Man | Referent::Woman, _)) => Some(s),
                _ => None,
            });
        let first_person = || {
            ctx.first_named(idx.clone(), |e, _| e.kind == EntityType::Person)
                .map(Source::named)
        };
        if let Some(slot) = unit_speakers.get_mut(ui) {
            *slot = by_verb.or_else(first_person);
        }
        if let Some(slot) = unit_orgs.get_mut(ui) {
            // Not the one spoken to ("told The Associated Press").
            let listener = |k: usize| {
                (1..=2).any(|d| {
                    k.checked_sub(d)
                        .is_some_and(|p| LISTENER_VERBS.contains(&&*ctx.lower(p)))
                })
            };
            *slot = ctx
                .first_named(idx.clone(), |e, k| {
                    e.kind == EntityType::Org
                        && e.span.start == ctx.tokens.get(k).map_or(0, |t| t.span.start)
                        && !listener(k)
                })
                .map(|e| e.canonical.as_str());
        }
    }
    let mut next_unit_with_speaker_update = 0;
    for q in spans {
        let (Some(first_unit), Some(last_unit)) =
            (unit_of(q.start), unit_of(q.end.saturating_sub(1)))
        else {
            continue;
        };
        // Bring the running "last speaker" up to this sentence.
        while next_unit_with_speaker_update < first_unit {
            if let Some(Some(Source::Named(n, k, _))) =
                unit_speakers.get(next_unit_with_speaker_update)
            {
                remember(&mut recent, (n, *k));
            }
            if let Some(Some(o)) = unit_orgs.get(next_unit_with_speaker_update) {
                recent_org = Some(*o);
            }
            next_unit_with_speaker_update += 1;
        }
        let heading = units.get(first_unit).is_some_and(|u| u.heading);
        let window = Span::new(
            units.get(first_unit).map_or(q.start, |u| u.span.start),
            units.get(last_unit).map_or(q.end, |u| u.span.end),
        );
        // Token index ranges: the sentence(s), the part before the quote, the part after.
        let in_window = match (unit_tokens.get(first_unit), unit_tokens.get(last_unit)) {
            (Some(a), Some(b)) => a.start..b.end.max(a.start),
            _ => ctx.token_range(window),
        };
        let window_tokens = ctx.tokens.get(in_window.clone()).unwrap_or(&[]);
        let before = in_window.start
            ..in_window.start + window_tokens.partition_point(|t| t.span.end <= q.start);
        let after_start = in_window.start + window_tokens.partition_point(|t| t.span.start < q.end);
        let after = after_start..in_window.end.max(after_start);
        let mut source: Option<Source> = None;
        let mut cue: Option<Cue> = None;
        let short = q.slice(text).is_some_and(|s| {
            s.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
                <= 3
        });
        let mut has_verb = false;
        // After the quote: "…,” Zelensky said" / "…,” said Ushakov" / "…,” he added", or
        // further on in a sentence the quote opens ("“No compromise” was reached …, a
        // Russian official has said").
        let after_close = after.start
            ..after
                .clone()
                .find(|&k| ctx.in_quote(k))
                .unwrap_or(after.end);
        let next_quote_start = spans
            .get(spans.partition_point(|s| s.start < q.end))
            .filter(|s| s.start < window.end)
            .map(|s| s.start);
        let quote_opens_sentence = before.is_empty();
        let verb_after = after_close
            .clone()
            .position(|k| ctx.is_speech_verb(k))
            .filter(|&pos| {
                let k = after_close.start + pos;
                let broken = after_close
                    .clone()
                    .take(pos)
                    .any(|j| CLAUSE_BREAKS.contains(&&*ctx.lower(j)));
                // A verb that leads straight into another quote introduces that one instead.
                let words_to_next = next_quote_start.map(|ns| {
                    after
                        .clone()
                        .filter(|&j| j > k && ctx.tokens.get(j).is_some_and(|t| t.span.end <= ns))
                        .count()
                });
                // Right between two quotes, though, it serves both: "“…,” he says, “…”"
                // (but "“…”, he stressed that “…”" introduces the second).
                let between = pos <= 1 && words_to_next == Some(0);
                (pos <= 3 || quote_opens_sentence)
                    && !broken
                    && (between || words_to_next.is_none_or(|n| n > 3))
            });
        if let Some(pos) = verb_after {
            let k = after_close.start + pos;
            has_verb = true;
            cue = Some(Cue::Verb(ctx.lower(k).into_owned()));
            source = if pos == 0 {
                ctx.object_after(k, window.end)
            } else {
                ctx.subject_before(k)
            };
            if source.is_none() {
                source = ctx.object_after(k, window.end);
            }
        }
        // Before the quote: the nearest speech verb, close enough to introduce it.
        if source.is_none() {
            // A short label right after a possessive or a determiner ("Russia’s “shadow
            // fleet”", "other “midnight rules”", "the “beta” release") is a term, credited
            // to a speaker only by a speech verb close to it.
            let possessive_label = before.clone().last().is_some_and(|j| {
                ctx.tokens.get(j).is_some_and(|t| t.possessive)
                    || LABEL_DETERMINERS.contains(&&*ctx.lower(j))
            }) && short;
            for (distance, k) in before.clone().rev().take(MAX_VERB_DISTANCE).enumerate() {
                if possessive_label && distance > LABEL_VERB_DISTANCE {
                    break;
                }
                if ctx.is_speech_verb(k) {
                    has_verb = true;
                    let verb = ctx.lower(k);
                    source = if verb == "according" {
                        cue = Some(Cue::AccordingTo);
                        ctx.object_after(k, q.start)
                    } else {
                        cue = Some(Cue::Verb(verb.into_owned()));
                        ctx.source_of_verb(k, before.clone(), q.start)
                    };
                    break;
                }
            }
            // "Ushakov was blunt:" / "Putin to Witkoff:" — a name right before a colon.
            if source.is_none() {
                let gap = text.get(window.start..q.start).unwrap_or("").trim_end();
                if gap.ends_with(':') {
                    has_verb = true;
                    cue = Some(Cue::Colon);
                    // People speak before organisations, organisations before places:
                    // "On the 19% of Ukraine under Russian control, Ushakov was blunt:".
                    let subject = [EntityType::Person, EntityType::Org, EntityType::Place]
                        .into_iter()
                        .find_map(|kind| ctx.first_named(before.clone(), |e, _| e.kind == kind))
                        .map(Source::named);
                    source = subject
                        .or_else(|| {
                            (!before.is_empty())
                                .then(|| ctx.pronoun(before.start))
                                .flatten()
                        })
                        .or_else(|| ctx.speaker_label(before.clone()));
                }
            }
        }
        let whole_sentence = before.is_empty() && after_close.is_empty();
        let words = q.slice(text).map_or(0, |s| s.split_whitespace().count());
        let mut continues = false;
        if source.is_none() && whole_sentence {
            // A sentence that ends in a colon introduces it ("General Manager A.J. Smith
            // issued the following statement:"): that sentence's speaker, else the first
            // person or organisation it names. (The layout may take such a line for a
            // subheading; it introduces the quote all the same.)
            let prev = first_unit.checked_sub(1);
            let introduced = prev.and_then(|p| units.get(p)).filter(|u| {
                u.span
                    .slice(text)
                    .is_some_and(|s| s.trim_end().ends_with(':'))
            });
            if introduced.is_some() {
                let named = prev.and_then(|p| unit_speakers.get(p)).cloned().flatten();
                let first_named = || {
                    let range = prev.and_then(|p| unit_tokens.get(p))?.clone();
                    ctx.first_named(range, |e, _| {
                        matches!(e.kind, EntityType::Person | EntityType::Org)
                    })
                    .map(Source::named)
                };
                if let Some(s) = named.or_else(first_named) {
                    source = Some(s);
                    cue = Some(Cue::Introduction);
                    continues = true;
                }
            }
        }
        if source.is_none() && whole_sentence {
            // A quote that is its own sentence continues the previous quote.
            // Not across a sentence that attributes other words ("Lon Wood … said he met
            // Ben …"): that sentence's speaker goes on instead (below).
            let attribution_between = |from: usize| {
                (from + 1..first_unit).any(|u| unit_verbs.get(u).copied().flatten().is_some())
            };
            if let Some((prev_unit, prev_src)) = &last_quote_unit {
                if first_unit <= prev_unit + 2 && !attribution_between(*prev_unit) {
                    source = prev_src.clone();
                    cue = Some(Cue::Continuation);
                    continues = true;
                }
            }
            // Or the sentence of reported speech right before it ("…, he said." then the
            // quote): its speaker goes on.
            if source.is_none() {
                let prev = first_unit.checked_sub(1);
                let reported = prev
                    .and_then(|p| unit_verbs.get(p).copied().flatten())
                    .and_then(|k| ctx.tokens.get(k));
                if let Some(verb) =
                    reported.filter(|_| !prev.and_then(|p| units.get(p)).is_some_and(|u| u.heading))
                {
                    source = match prev.and_then(|p| unit_speakers.get(p)).cloned().flatten() {
                        Some(s) => Some(s),
                        None => Some(Source::Pronoun(Referent::Anyone, verb.span)),
                    };
                    cue = Some(Cue::ReportedSpeech);
                    continues = true;
                }
            }
            // Or the sentence after it opens with its speaker and a speech verb ("“…”
            // She said Ben and his wife …").
            if source.is_none() {
                let next = unit_tokens
                    .get(last_unit + 1)
                    .filter(|_| !units.get(last_unit + 1).is_some_and(|u| u.heading));
                if let Some(r) = next {
                    let opening = r.start..(r.start + 4).min(r.end);
                    let by = opening
                        .clone()
                        .find(|&k| ctx.is_speech_verb(k))
                        .and_then(|k| {
                            // The subject is all that comes before the verb.
                            let s = ctx.subject_before(k)?;
                            let subject_start = ctx.token_range(s.mention()).start;
                            (subject_start == r.start).then_some(s)
                        });
                    if let Some(s) = by {
                        source = Some(s);
                        cue = Some(Cue::NextSentence);
                        continues = true;
                    }
                }
            }
        }
        // A title or a so-called name inside a sentence is no one's words: "the epic “Australia,”",
        // "the so-called “Teflon Don”", "commonly known as the “genius grant.”"
        // (A speech verb right next to it still makes it words: "replied “Absolutely not,”".)
        let verb_beside = before
            .clone()
            .rev()
            .take(2)
            .chain(after_close.clone().take(2))
            .any(|k| ctx.is_speech_verb(k));
        // A heading in sentence case shows a title as plainly as a sentence does; in a
        // Title Case heading every quote looks like one.
        let title_shows = !heading || !ctx.title_case(in_window.clone());
        let title = is_title_like(q.slice(text).unwrap_or("")) && !verb_beside
            || ctx.names_a_work(before.clone());
        let label =
            !quote_opens_sentence && title_shows && (title || so_called(&ctx, before.clone()));
        if label {
            source = None;
            has_verb = false;
            continues = false;
        }
        let scare = source.is_none() && !has_verb && !continues && words <= 4 && !heading
            || source.is_none() && !quote_opens_sentence && title_shows && title
            || label;
        if scare {
            cue = Some(if title { Cue::Title } else { Cue::Term });
        }
        if let Some(Source::Pronoun(who, m)) = source {
            source = match who {
                Referent::Organisation => recent_org.map(|n| (n, EntityType::Org)),
                Referent::Anyone => antecedent(&recent, None),
                Referent::Woman => antecedent(&recent, Some(Gender::Female)),
                Referent::Man => antecedent(&recent, Some(Gender::Male)),
            }
            .map(|(n, k)| Source::Named(n, k, m));
        }
        if let Some(Source::Named(n, k, _)) = &source {
            match k {
                EntityType::Person => remember(&mut recent, (n, *k)),
                EntityType::Org => recent_org = Some(n),
                _ => {}
            }
        }
        // A title or term is no one's words: the next quote continues the one before it.
        if !scare {
            last_quote_unit = Some((last_unit, source.clone()));
        }
        result.push(Found {
            span: *q,
            source,
            scare,
            heading,
            label,
            cue,
        });
    }
    // An unnamed source keeps its description, unless a named person is quoted elsewhere
    // in the article with every content word of its quote ("“No compromise” was reached,
    // a Russian official said" and later "Ushakov: ‘No compromise’ …"). The next named
    // speaker alone is no evidence: a description is never replaced by a nearby name.
    let words: Vec<Vec<String>> = result
        .iter()
        .map(|f| content_words(f.span.slice(text).unwrap_or("")))
        .collect();
    let same_words = |i: usize| -> Option<&str> {
        let mine = words.get(i).filter(|w| !w.is_empty())?;
        result
            .iter()
            .zip(&words)
            .enumerate()
            .find_map(|(j, (f, theirs))| match &f.source {
                Some(Source::Named(n, EntityType::Person, _))
                    if j != i && mine.iter().all(|w| theirs.contains(w)) =>
                {
                    Some(*n)
                }
                _ => None,
            })
    };
    let resolved: Vec<Option<String>> = result
        .iter()
        .enumerate()
        .map(|(i, f)| match &f.source {
            Some(Source::Named(n, _, _)) => Some((*n).to_string()),
            Some(Source::Indefinite(d, _)) => {
                Some(same_words(i).map_or_else(|| d.clone(), str::to_string))
            }
            Some(Source::Description(d, _)) => Some(d.clone()),
            Some(Source::Pronoun(..)) | None => None,
        })
        .collect();
    let mut quotes: Vec<Quote> = result
        .iter()
        .zip(resolved)
        .map(|(f, speaker)| {
            let speaker = speaker.filter(|_| !f.scare);
            Quote {
                span: f.span,
                kind: if f.scare {
                    QuoteKind::Scare
                } else {
                    QuoteKind::Direct
                },
                mention: f
                    .source
                    .as_ref()
                    .filter(|_| speaker.is_some())
                    .map(Source::mention),
                speaker,
                cue: f.cue.clone(),
            }
        })
        .collect();
    // Headline quotes condense a body quote: take the speaker of the body quote, among the
    // next few after the heading, that shares most of its words.
    let mut words: Vec<Option<Vec<String>>> = vec![None; quotes.len()];
    let mut words_of = |i: usize, quotes: &[Quote]| -> Vec<String> {
        match words.get_mut(i) {
            Some(Some(w)) => w.clone(),
            Some(slot) => {
                let w = content_words(quotes.get(i).and_then(|q| q.span.slice(text)).unwrap_or(""));
                *slot = Some(w.clone());
                w
            }
            None => Vec::new(),
        }
    };
    for i in 0..quotes.len() {
        if !result.get(i).is_some_and(|r| r.heading && !r.label) {
            continue;
        }
        let mine = words_of(i, &quotes);
        // Most shared words, then the nearest.
        let mut best: Option<(usize, std::cmp::Reverse<usize>)> = None;
        for j in i + 1..quotes.len().min(i + 1 + HEADLINE_QUOTE_LOOKAHEAD) {
            if result.get(j).is_none_or(|r| r.heading)
                || quotes.get(j).is_none_or(|q| q.speaker.is_none())
            {
                continue;
            }
            let theirs = words_of(j, &quotes);
            let shared = mine.iter().filter(|w| theirs.contains(w)).count();
            let candidate = (shared, std::cmp::Reverse(j));
            if shared > 0 && best.is_none_or(|b| candidate > b) {
                best = Some(candidate);
            }
        }
        let Some((_, std::cmp::Reverse(j))) = best else {
            continue;
        };
        let body = quotes.get(j).map(|b| (b.speaker.clone(), b.mention));
        if let (Some((speaker, mention)), Some(q)) = (body, quotes.get_mut(i)) {
            q.speaker = speaker;
            q.mention = mention;
            q.kind = QuoteKind::Direct;
            q.cue = Some(Cue::Headline);
        }
    }
    quotes
}

/// Lower-cased words that carry a quote's meaning: three letters or more, not function
/// words.
/// A quote written like a title: at most eight words, every word of four letters or more
/// capitalised ("“The Boy from Oz.”", "“Twilight,”"). Titles of works and names of things
/// are Title Case; quoted speech almost never is.
fn is_title_like(quote: &str) -> bool {
    let words: Vec<&str> = quote
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    (1..=8).contains(&words.len())
        && !long.is_empty()
        && long
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !words
            .iter()
            .any(|w| PRONOUNS.contains(&w.to_lowercase().as_str()) || *w == "I")
}

/// The words right before a quote name it rather than quote anyone: "so-called", "known as".
fn so_called(ctx: &Ctx, before: std::ops::Range<usize>) -> bool {
    let last: Vec<String> = before
        .rev()
        .take(3)
        .map(|k| ctx.lower(k).into_owned())
        .collect();
    let w = |i: usize| last.get(i).map_or("", String::as_str);
    w(0) == "so-called"
        || w(0) == "called" && w(1) == "so"
        || (w(0) == "as" || w(1) == "as" && w(0) == "the") && (w(1) == "known" || w(2) == "known")
}

fn content_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !is_function_word(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        find_spans(text, &[Span::new(0, text.len())])
            .iter()
            .map(|s| s.slice(text).unwrap_or(""))
            .collect()
    }

    #[test]
    fn quote_marks() {
        assert_eq!(spans("He said “yes” and ‘no’ today."), ["“yes”", "‘no’"]);
        assert_eq!(
            spans("It wasn’t “the ‘real’ deal,” she said."),
            ["“the ‘real’ deal,”"]
        );
        assert_eq!(spans("The residents’ exit was “orderly”."), ["“orderly”"]);
        assert_eq!(
            spans("He said \"we won\" and 'they lost'."),
            ["\"we won\"", "'they lost'"]
        );
        assert_eq!(spans("Unclosed “quote here."), Vec::<&str>::new());
        assert_eq!(spans("A 5'10\" man, the 1990s' end."), Vec::<&str>::new());
    }

    /// Mark styles of typeset and tokenised text, mixed and wrong-way pairs.
    #[test]
    fn other_mark_styles() {
        let cases: &[(&str, &[&str])] = &[
            ("`` We won, '' he said.", &["`` We won, ''"]),
            ("He called it ` a joke ' then.", &["` a joke '"]),
            ("''Two apostrophes,'' she said.", &["''Two apostrophes,''"]),
            ("\"Mixed pair,” he said.", &["\"Mixed pair,”"]),
            (
                "“Mixed the other way,\" he said.",
                &["“Mixed the other way,\""],
            ),
            ("\"Closed by two,'' he said.", &["\"Closed by two,''"]),
            (
                "“Wrong-way closing mark,“ he said.",
                &["“Wrong-way closing mark,“"],
            ),
            ("the film `` Australia, '' and more", &["`` Australia, ''"]),
            ("It's the players' ball, isn't it?", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(spans(text), *want, "{text}");
        }
    }

    /// One sentence per line: a quote of several sentences runs over lines to its
    /// closing mark; an unclosed quote in the last paragraph runs to its end.
    #[test]
    fn quotes_over_lines() {
        let text = "`` First sentence of it.\nSecond sentence, '' he said.\nNext line.";
        let mut blocks = Vec::new();
        let mut at = 0;
        for line in text.split('\n') {
            blocks.push(Span::new(at, at + line.len()));
            at += line.len() + 1;
        }
        let got: Vec<&str> = find_spans(text, &blocks)
            .iter()
            .map(|s| s.slice(text).unwrap_or(""))
            .collect();
        assert_eq!(got, ["`` First sentence of it.\nSecond sentence, ''"]);
        assert_eq!(
            spans("He ended: “We will not give up on this."),
            ["“We will not give up on this."]
        );
        // A stray mark never closed on the next lines is no quote, and hides none.
        let text = "A stray \" mark.\nNo quote.\n“Real,” he said.";
        let blocks = [
            Span::new(0, 15),
            Span::new(16, 25),
            Span::new(26, text.len()),
        ];
        let got: Vec<&str> = find_spans(text, &blocks)
            .iter()
            .map(|s| s.slice(text).unwrap_or(""))
            .collect();
        assert_eq!(got, ["“Real,”"]);
    }

    #[test]
    fn quote_spanning_paragraphs() {
        let text = "“First part of it.\n“Second part,” he said.";
        let nl = text.find('\n').unwrap_or(0);
        let blocks = [Span::new(0, nl), Span::new(nl + 1, text.len())];
        let got: Vec<&str> = find_spans(text, &blocks)
            .iter()
            .map(|s| s.slice(text).unwrap_or(""))
            .collect();
        assert_eq!(got, ["“First part of it.", "“Second part,”"]);
    }
}

#[cfg(test)]
mod attribution_tests {
    use super::{Cue, QuoteKind};
    use crate::analysis::analyze;

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let a = analyze(text);
        a.quotes
            .iter()
            .map(|q| {
                (
                    q.span.slice(text).unwrap_or("").to_string(),
                    q.speaker.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn speech_verb_before_the_quote() {
        let s = speakers("Talks end in Moscow\n\nAlthough Yuri Ushakov described the talks as “very useful and constructive”, he stressed that “a lot of work lies ahead”.");
        assert_eq!(s[0].1.as_deref(), Some("Yuri Ushakov"), "{s:?}");
        assert_eq!(s[1].1.as_deref(), Some("Yuri Ushakov"), "{s:?}");
    }

    /// A quote's cue and the words its mention covers.
    type Evidence = (Option<Cue>, Option<String>);

    fn cues(text: &str) -> Vec<Evidence> {
        let text = format!("Headline about the budget\n\n{text}");
        analyze(&text)
            .quotes
            .iter()
            .map(|q| {
                let mention = q.mention.and_then(|m| m.slice(&text)).map(str::to_string);
                (q.cue.clone(), mention)
            })
            .collect()
    }

    #[test]
    fn each_quote_reports_its_cue_and_mention() {
        let verb = |w: &str| Some(Cue::Verb(w.to_string()));
        let some = |m: &str| Some(m.to_string());
        let table: &[(&str, Vec<Evidence>)] = &[
            (
                "“We will not give up,” Maria Lopez said on Tuesday.",
                vec![(verb("said"), some("Maria Lopez"))],
            ),
            (
                "“The plan works,” said Finance Minister Tom Baker.",
                vec![(verb("said"), some("Tom Baker"))],
            ),
            (
                "According to Maria Lopez, “the plan works”.",
                vec![(Some(Cue::AccordingTo), some("Maria Lopez"))],
            ),
            (
                "Maria Lopez was blunt: “The plan is dead.”",
                vec![(Some(Cue::Colon), some("Maria Lopez"))],
            ),
            (
                "In the north of Kansas, Maria Lopez was blunt: “We need help.”",
                vec![(Some(Cue::Colon), some("Maria Lopez"))],
            ),
            (
                "“We tried,” Maria Lopez said. “It did not work.”",
                vec![
                    (verb("said"), some("Maria Lopez")),
                    (Some(Cue::Continuation), some("Maria Lopez")),
                ],
            ),
            (
                "Maria Lopez spoke to the council on Monday. “We tried,” she said.",
                vec![(verb("said"), some("she"))],
            ),
            (
                "The mayor, Maria Lopez, issued the following statement:\n\n“We tried and failed.”",
                vec![(Some(Cue::Introduction), some("Maria Lopez"))],
            ),
            (
                "The plan was a “dead end” for the town.",
                vec![(Some(Cue::Term), None)],
            ),
            (
                "She starred in the film “The Long Road Home” last year.",
                vec![(Some(Cue::Title), None)],
            ),
            (
                "Lopez tells it in her 2019 memoir, “A Life in Numbers and the Long Road to Reform at City Hall.”",
                vec![(Some(Cue::Title), None)],
            ),
            (
                "Maria Lopez said on Monday that the city would scrap other “temporary fees” next year.",
                vec![(Some(Cue::Term), None)],
            ),
        ];
        for (text, want) in table {
            assert_eq!(&cues(text), want, "{text}");
        }
    }

    #[test]
    fn a_headline_quote_takes_the_cue_of_the_body_quote() {
        let text = "‘We will not give up’\n\n“We will not give up on the plan,” Maria Lopez said.";
        let a = analyze(text);
        let head = a.quotes.first().expect("a headline quote");
        assert_eq!(head.speaker.as_deref(), Some("Maria Lopez"));
        assert_eq!(head.cue, Some(Cue::Headline), "{head:?}");
        let detail = a.quotes.get(1).expect("a body quote").describe(text);
        assert_eq!(detail, "quote · speaker: Maria Lopez · cue: “said”");
    }

    #[test]
    fn attributions_between_and_around_quotes() {
        let who = |s: &str| Some(s.to_string());
        let table: &[(&str, Vec<Option<String>>)] = &[
            // One attribution between two quotes serves both.
            (
                "Maria Lopez took questions. “We tried,” she says, “and we will try again.”",
                vec![who("Maria Lopez"), who("Maria Lopez")],
            ),
            // Adverbs and modals between the subject and the verb.
            ("“We tried,” Tom Baker has often said.", vec![who("Tom Baker")]),
            // A sentence that attributes other words ends the run of continued quotes.
            (
                "“We tried,” Maria Lopez said. Tom Baker, who has led the council since 2019, said he would stay. “We will go on.”",
                vec![who("Maria Lopez"), who("Tom Baker")],
            ),
            // The pronoun that says, not the first name its sentence mentions.
            (
                "Maria Lopez spoke to the board. She said Tom Baker and his wife had left town. “They were happy here.”",
                vec![who("Maria Lopez")],
            ),
            // The sentence after a quote-only sentence attributes it.
            (
                "Maria Lopez met the board on Monday.\n\n“We were never told.”\n\nShe said the plan had been kept from the council.",
                vec![who("Maria Lopez")],
            ),
            // Where it was said is not who said it.
            ("“It is a great day,” the mayor added on Twitter.", vec![None]),
            // A definite description is the person named before with that title or role.
            (
                "Genesee County Sheriff Robert Pickell spoke on Monday. “He was calm,” the sheriff said.",
                vec![who("Robert Pickell")],
            ),
            (
                "John Banky, Ben's older brother, spoke briefly. “He could play any instrument,” said his brother.",
                vec![who("John Banky")],
            ),
            // No one named so: the description names no one.
            ("Talks went on. “We will wait,” the sheriff said.", vec![None]),
            // A transcript's speaker label: the surname of a person named in full.
            (
                "Reporters spoke with Mark Felt on the tapes.\n\nFelt: “Yes, sir. We know him.”",
                vec![who("Mark Felt")],
            ),
            // Not a description: "the plan and" before the verb.
            (
                "Tom Baker and Maria Lopez met. Maria Lopez, speaking in Rome, said she feared the council might lose interest in the plan and warned against talks held “behind the city’s back.”",
                vec![who("Maria Lopez")],
            ),
        ];
        for (text, want) in table {
            assert_eq!(&one(text), want, "{text}");
        }
    }

    #[test]
    fn a_title_in_a_sentence_case_headline_is_no_ones_words() {
        let text = "Maria Lopez, the city’s “Iron Lady”, steps down after ten years\n\n\
                    “I have done what I came to do,” Maria Lopez said on Monday.";
        let a = analyze(text);
        let head = a.quotes.first().expect("the headline quote");
        assert_eq!(head.kind, QuoteKind::Scare, "{head:?}");
        assert_eq!(head.cue, Some(Cue::Title));
        // In a Title Case headline every quote looks like a title: this one is words.
        let text = "Lopez: “We Will Not Give Up”\n\n“We will not give up,” Maria Lopez said.";
        let head = analyze(text)
            .quotes
            .into_iter()
            .next()
            .expect("the headline quote");
        assert_eq!(head.speaker.as_deref(), Some("Maria Lopez"), "{head:?}");
    }

    #[test]
    fn the_detail_shows_a_pronoun_beside_the_name_it_stands_for() {
        let text = "Budget talks\n\nMaria Lopez spoke on Monday. “We tried,” she said.";
        let a = analyze(text);
        let q = a.quotes.first().expect("a quote");
        assert_eq!(
            q.describe(text),
            "quote · speaker: Maria Lopez (“she”) · cue: “said”"
        );
    }

    fn one(text: &str) -> Vec<Option<String>> {
        speakers(&format!("Headline about the budget\n\n{text}"))
            .into_iter()
            .map(|(_, s)| s)
            .collect()
    }

    #[test]
    fn patterns() {
        // "…,” X said" and "…,” said title X".
        assert_eq!(
            one("“We will not back down,” Merkel said."),
            [Some("Merkel".into())]
        );
        assert_eq!(
            one("“It is over,” said finance minister Olaf Scholz."),
            [Some("Olaf Scholz".into())]
        );
        // Pronoun after a named speaker.
        assert_eq!(
            one("Angela Merkel spoke on Monday. “We are ready,” she said."),
            [Some("Angela Merkel".into())]
        );
        // "she" passes over a man named since to the woman named before.
        assert_eq!(
            one("Mary Jones founded the group in 1990. Her lawyer, Mark Roesler, spoke to reporters. “I never regretted it,” she said. “It went well,” he said."),
            [Some("Mary Jones".into()), Some("Mark Roesler".into())]
        );
        // A name the lists give no gender fits either pronoun.
        assert_eq!(
            one("Jordan Reyes spoke on Monday. “We are ready,” she said."),
            [Some("Jordan Reyes".into())]
        );
        // "the company" likewise.
        assert_eq!(
            one("Peter Guest worked at a plant run by Kraft Foods Inc. in Philadelphia. “This is a sad day for our family,” the company said in a statement."),
            [Some("Kraft Foods Inc".into())]
        );
        // "it" is the organisation named last, not the person.
        assert_eq!(
            one("Store manager Peter Guest was at home. A statement from Waitrose said the store would be rebuilt. “We regret any inconvenience,” it added."),
            [Some("Waitrose".into())]
        );
        // A description after the verb, then the name in apposition.
        assert_eq!(
            one("“We are shocked,” said her nephew, Ravi Singh, 32, of Coney Island."),
            [Some("Ravi Singh".into())]
        );
        // A sentence that ends in a colon introduces the quote after it.
        assert_eq!(
            one("General Manager Alan Smith issued the following statement on Monday:\n“We are disappointed. We take these issues very seriously.”"),
            [Some("Alan Smith".into())]
        );
        // A quote that is its own sentence continues the previous speaker.
        assert_eq!(
            one("“Prices will fall,” Jerome Powell said. “Not soon, though.”"),
            [Some("Jerome Powell".into()), Some("Jerome Powell".into())]
        );
        // An unnamed source is reported as such, not replaced by the next name ...
        assert_eq!(
            one("“No deal” was reached, a senior official said. “Talks continue,” said negotiator Maria Lopez."),
            [Some("a senior official".into()), Some("Maria Lopez".into())]
        );
        // ... unless a named speaker is quoted saying the same words.
        assert_eq!(
            one("“No deal” was reached, a senior official said. “No deal on borders,” said negotiator Maria Lopez."),
            [Some("Maria Lopez".into()), Some("Maria Lopez".into())]
        );
        // A term after a possessive is a scare quote.
        assert_eq!(one("Ships of Iran’s “ghost fleet” sailed on."), [None]);
    }

    /// Subjects set off by an apposition, the listener of "told", the modifiers and
    /// abbreviated titles before a name after the verb.
    #[test]
    fn appositions_listeners_and_modifiers() {
        let cases: &[(&str, &str)] = &[
            (
                "“Her work was iconic,” Hugh Hefner, the magazine's founder, said on Monday.",
                "Hugh Hefner",
            ),
            (
                "“She was a star,” her agent, Mark Roesler, said yesterday.",
                "Mark Roesler",
            ),
            (
                "“They fear nothing,” Gerard Benezat, the store's insurer, told France Info.",
                "Gerard Benezat",
            ),
            (
                "“It was a crime,” said Sheriff's Deputy Tim Brennan.",
                "Tim Brennan",
            ),
            (
                "“They came to visit,” said South Richmond Hill resident Maria Lopez.",
                "Maria Lopez",
            ),
            // Names with initials are whole.
            (
                "“The plan works for patients,” said J. James Rohack, the group's president.",
                "J. James Rohack",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(one(text), [Some((*want).to_string())], "{text}");
        }
    }

    /// Titles and so-called names are no one's words; a quote after a sentence of
    /// reported speech goes on with its speaker.
    #[test]
    fn titles_terms_and_reported_speech() {
        let kinds = |text: &str| -> Vec<(Option<String>, QuoteKind)> {
            // After a headline, so that the sentence is body text.
            let text = format!("Film news of the week\n\n{text}");
            analyze(&text)
                .quotes
                .into_iter()
                .map(|q| (q.speaker, q.kind))
                .collect()
        };
        for text in [
            "Jackman, who said he loved it, starred in the epic “Australia,” and then left.",
            "He spoke of John Gotti, the so-called “Teflon Don” of New York.",
            "She won a MacArthur Fellowship, commonly known as the “genius grant.”",
        ] {
            assert_eq!(kinds(text), [(None, QuoteKind::Scare)], "{text}");
        }
        // A speech verb beside a Title Case quote keeps it speech.
        assert_eq!(
            one("Asked about it, Matthew Brown replied “Absolutely Not.”"),
            [Some("Matthew Brown".into())]
        );
        assert_eq!(
            one("Angela Merkel praised the deal. Awards are not everything, she said. “Her work matters most.”"),
            [Some("Angela Merkel".into())]
        );
    }
}
