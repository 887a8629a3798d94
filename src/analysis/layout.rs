//! Page layout: which lines of a scraped article are its headline, subheadings, standfirst,
//! body, captions, and which are site chrome (boilerplate).
//!
//! Scraped text arrives as lines. Each non-empty line is a block; a block is classified from
//! general cues that hold across news sites, not from any one site's wording:
//! - navigation vocabulary ("Share", "Related", "Source link", "Published on", …);
//! - length and punctuation (a one- or two-word line without sentence punctuation is chrome;
//!   a short line without final punctuation in the body is a subheading);
//! - position (short unpunctuated lines between the headline and the first paragraph are
//!   kickers, keyword lines and site taglines; a tail that starts with an "end of article"
//!   marker and holds no full paragraph is related-article teasers);
//! - teaser shape (a line cut off with "..." and the headline just above it).

use super::lexicon::WordSet;
use crate::text::Span;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Title,
    Subheading,
    Standfirst,
    Body,
    Caption,
    Boilerplate,
}

impl BlockKind {
    /// Blocks whose sentences are claims.
    pub fn holds_claims(self) -> bool {
        matches!(
            self,
            BlockKind::Standfirst | BlockKind::Body | BlockKind::Caption
        )
    }

    /// Blocks that are article content (everything but chrome).
    pub fn is_content(self) -> bool {
        self != BlockKind::Boilerplate
    }
}

/// One line of the article (trimmed), in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
}

/// Phrases that make up a whole line of site chrome, compared case-insensitively after
/// trimming punctuation. These are the generic controls and labels of news pages.
static CHROME_LINES: WordSet = WordSet::new(&[
    "share",
    "share post",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "share via",
    "tweet",
    "email",
    "print",
    "copy link",
    "related",
    "related posts",
    "related articles",
    "related stories",
    "related news",
    "related topics",
    "popular",
    "most popular",
    "most read",
    "trending",
    "trending now",
    "more like this",
    "more from",
    "more stories",
    "more news",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended stories",
    "recommended for you",
    "read more",
    "read next",
    "also read",
    "see also",
    "source link",
    "source",
    "exit mobile version",
    "connect with us",
    "follow us",
    "subscribe",
    "sign up",
    "sign in",
    "log in",
    "login",
    "register",
    "menu",
    "search",
    "home",
    "skip to content",
    "skip to main content",
    "advertisement",
    "sponsored",
    "sponsored content",
    "comments",
    "leave a comment",
    "leave a reply",
    "published",
    "published on",
    "updated",
    "updated on",
    "date",
    "posted",
    "posted on",
    "by",
    "tags",
    "topics",
    "categories",
    "category",
    "filed under",
    "latest news",
    "breaking news",
    "top stories",
    "editor's picks",
    "editor’s picks",
    "listen to this article",
    "watch",
    "watch video",
    "video",
    "photo",
    "photos",
    "gallery",
    "newsletter",
    "all rights reserved",
    "cookie policy",
    "privacy policy",
    "terms of use",
    "contact us",
    "about us",
    "back to top",
    "next article",
    "previous article",
    "next post",
    "previous post",
    "on",
]);

/// Words that start a chrome line whatever follows ("Also read: …", "Site icon …").
const CHROME_PREFIXES: &[&str] = &[
    "also read",
    "read more",
    "read also",
    "see also",
    "site icon",
    "related:",
    "watch:",
    "listen:",
    "click here",
    "subscribe to",
    "sign up for",
    "follow us on",
    "follow our",
    "for more videos",
    "for more news",
    "for more updates",
    "download our app",
    "list of ",
    "share this",
    "copyright",
    "©",
    "photo:",
    "image:",
    "credit:",
];

/// Lines after which the rest of a page is usually not the article.
static TAIL_MARKERS: WordSet = WordSet::new(&[
    "also read",
    "related",
    "related posts",
    "related articles",
    "related stories",
    "more like this",
    "more from",
    "more stories",
    "you may also like",
    "you might also like",
    "read more",
    "read next",
    "source link",
    "share post",
    "share",
    "share this article",
    "popular",
    "most popular",
    "most read",
    "trending",
    "recommended",
    "recommended stories",
    "watch",
    "watch video",
    "exit mobile version",
    "comments",
    "leave a reply",
    "tags",
]);

/// Fold a line for vocabulary lookups: lower case, outer punctuation and spaces removed.
fn fold(line: &str) -> String {
    line.trim()
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace() || c == '|')
        .to_lowercase()
}

fn words(line: &str) -> usize {
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// True when the line ends like a sentence: `.`, `?`, `!` or `…`, possibly inside closing
/// quotes or brackets.
pub fn ends_like_sentence(line: &str) -> bool {
    // Closing marks, also set off by a space as tokenised text writes them ("sad. ''").
    let core = line.trim_end_matches(|c: char| c.is_whitespace() || "”’\"')]»".contains(c));
    core.ends_with(['.', '?', '!', '…'])
}

/// Per line: a double quotation mark is open in it or was left open by the lines above
/// (“ ” « » `` '' pair by direction; a straight " toggles). Marks that do not pair
/// within six lines are taken as stray.
fn quotation_open<T: AsRef<str>>(lines: &[T]) -> Vec<bool> {
    const MAX_OPEN_LINES: usize = 6;
    let mut out = Vec::with_capacity(lines.len());
    let mut open_since: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        let line = line.as_ref();
        if open_since.is_some_and(|s| i - s > MAX_OPEN_LINES) {
            open_since = None;
        }
        let mut here = open_since.is_some();
        let mut open = open_since.is_some();
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            let twice = |c: char, chars: &mut std::iter::Peekable<std::str::Chars>| {
                chars.next_if_eq(&c).is_some()
            };
            let (opens, closes) = match c {
                '“' | '«' => (true, false),
                '”' | '»' => (false, true),
                '`' if twice('`', &mut chars) => (true, false),
                '\'' if twice('\'', &mut chars) => (false, true),
                '"' => (!open, open),
                _ => (false, false),
            };
            if opens {
                open = true;
                here = true;
            } else if closes {
                open = false;
                here = true;
            }
        }
        out.push(here);
        open_since = match (open, open_since) {
            (true, Some(s)) => Some(s),
            (true, None) => Some(i),
            (false, _) => None,
        };
    }
    out
}

fn is_truncated_teaser(line: &str) -> bool {
    let t = line.trim_end();
    (t.ends_with("...") || t.ends_with('…')) && words(t) >= 3
}

/// Longest line (in words) that vocabulary rules look at: chrome lines are short.
const CHROME_MAX_WORDS: usize = 25;

fn is_chrome_line(line: &str, folded: &str, n_words: usize) -> bool {
    if n_words > CHROME_MAX_WORDS {
        return false;
    }
    if folded.is_empty() {
        return true;
    }
    if CHROME_LINES.contains(folded) {
        return true;
    }
    let lower = line.trim().to_lowercase();
    if CHROME_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // A bare label ending in a colon ("Date:", "Share post:").
    if line.trim_end().ends_with(':') && n_words <= 3 {
        return true;
    }
    // Calls to action that carry a web address.
    if (lower.contains("http://") || lower.contains("https://") || lower.contains("www."))
        && n_words <= 25
        && (lower.contains("check")
            || lower.contains("follow")
            || lower.contains("subscribe")
            || lower.contains("visit")
            || lower.contains("channel")
            || lower.contains("click"))
    {
        return true;
    }
    // A single word with no sentence punctuation: a section label or widget title
    // ("World", "Trending"). Two words may already be a subheading ("On NATO").
    n_words <= 1 && !ends_like_sentence(line)
}

/// A line of tags or keywords: two or more words, every one capitalised, with no function
/// word, digit or punctuation ("Poutine Witkoff Meeting Kremlin"). A dateline or byline has
/// a digit, a comma or a lower-case word, and a subheading reads as a phrase.
fn is_keyword_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() >= 2
        && words.iter().all(|w| {
            w.chars().all(char::is_alphabetic)
                && w.chars().next().is_some_and(char::is_uppercase)
                && !crate::analysis::lexicon::is_function_word_ci(w)
        })
}

/// Capitalised words of a line that also stand in `other`: a site's name repeated in its
/// tagline ("Occasional Digest - a story for you" after "Site icon Occasional Digest").
fn repeats_site_name(line: &str, other: &str) -> bool {
    let names: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() >= 3)
        .collect();
    names.len() >= 2
        && names
            .iter()
            .all(|n| other.split_whitespace().any(|o| o == *n))
}

fn is_tail_marker(folded: &str) -> bool {
    TAIL_MARKERS.contains(folded)
        || folded.starts_with("also read")
        || folded.starts_with("read more")
        || folded.starts_with("related:")
}

/// A line too long and too much like prose to be a headline: text pasted without one
/// opens with its first paragraph. Headlines run to some 20 words and rarely end in a
/// full stop; a line of 30 words or more that ends like a sentence is prose.
fn is_long_paragraph(line: &str, n_words: usize) -> bool {
    n_words >= LONGEST_HEADLINE_WORDS && ends_like_sentence(line)
}

/// See [`is_long_paragraph`].
const LONGEST_HEADLINE_WORDS: usize = 30;

/// A full paragraph: enough words and sentence punctuation, and not a cut-off teaser.
fn is_full_paragraph(line: &str) -> bool {
    words(line) >= 12 && ends_like_sentence(line) && !is_truncated_teaser(line)
}

/// A photo caption: ends with a bracketed or parenthesised credit naming an agency or
/// photographer ("… [Name/Agency via AFP]", "(Photo: Reuters)").
fn is_caption(line: &str) -> bool {
    let t = line.trim_end();
    let Some(open) = t.rfind(['[', '(']) else {
        return false;
    };
    let credit = t.get(open..).unwrap_or("");
    (credit.ends_with(']') || credit.ends_with(')'))
        && (credit.contains('/')
            || credit.to_lowercase().contains("photo")
            || credit.contains(" via ")
            || credit.to_lowercase().contains("getty"))
        && words(line) >= 8
}

/// The site-name suffix of a headline ("Headline | Section News", "Headline - Site"), as a
/// byte offset where the suffix starts (at the separator), if there is one.
fn title_suffix_start(line: &str) -> Option<usize> {
    let pipe = line.rfind(" | ").map(|i| i + 1);
    pipe.filter(|&i| words(line.get(i..).unwrap_or("")) <= 6)
}

/// Lines of a text as trimmed byte spans, skipping blank lines.
pub fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('\n') {
        out.push(Span::new(start, i));
        start = i + 1;
    }
    out.push(Span::new(start, text.len()));
    out.into_iter()
        .map(|s| s.trim(text))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Classify every non-empty line of the article.
pub fn layout(text: &str) -> Vec<Block> {
    let lines = lines(text);
    let line_text = |s: &Span| s.slice(text).unwrap_or("");
    let word_counts: Vec<usize> = lines.iter().map(|s| words(line_text(s))).collect();
    // Folded (lower-case, trimmed) forms of the short lines, for vocabulary lookups.
    let folded: Vec<String> = lines
        .iter()
        .zip(&word_counts)
        .map(|(s, &n)| {
            if n <= CHROME_MAX_WORDS {
                fold(line_text(s))
            } else {
                String::new()
            }
        })
        .collect();
    let mut kinds: Vec<Option<BlockKind>> = lines
        .iter()
        .zip(&folded)
        .zip(&word_counts)
        .enumerate()
        .map(|(i, ((s, f), &n))| {
            // A two-word first line is a short headline ("Harbour reopens"), not a label.
            let short_headline = i == 0
                && n == 2
                && !CHROME_LINES.contains(f)
                && !line_text(s).trim_end().ends_with(':');
            (!short_headline && is_chrome_line(line_text(s), f, n))
                .then_some(BlockKind::Boilerplate)
        })
        .collect();

    // Teasers: a cut-off line and the headline right above it. A line that quotes, or
    // that a quotation opened above runs through, trails off in someone's words ("Use of
    // force was inevitable ..."): that is no teaser.
    let texts: Vec<&str> = lines.iter().map(line_text).collect();
    let quoting = quotation_open(&texts);
    for i in 0..lines.len() {
        let quoted = quoting.get(i).copied().unwrap_or(false);
        if !quoted && lines.get(i).map(line_text).is_some_and(is_truncated_teaser) {
            if let Some(k) = kinds.get_mut(i) {
                *k = Some(BlockKind::Boilerplate);
            }
            if i > 0 {
                if let (Some(k), Some(prev)) = (kinds.get_mut(i - 1), lines.get(i - 1)) {
                    if !ends_like_sentence(line_text(prev)) || words(line_text(prev)) < 15 {
                        *k = Some(BlockKind::Boilerplate);
                    }
                }
            }
        }
    }

    // The tail: from the last end-of-article marker that is followed by no full paragraph.
    let last_full = lines
        .iter()
        .enumerate()
        .rfind(|(i, s)| kinds.get(*i) == Some(&None) && is_full_paragraph(line_text(s)))
        .map(|(i, _)| i);
    if let Some(marker) = (0..lines.len()).find(|&i| {
        folded.get(i).is_some_and(|f| is_tail_marker(f)) && last_full.is_none_or(|f| f < i)
    }) {
        for k in kinds.iter_mut().skip(marker) {
            *k = Some(BlockKind::Boilerplate);
        }
    }

    let mut blocks = Vec::with_capacity(lines.len());
    let mut title_seen = false;
    let mut body_started = false;
    for ((span, kind), &n_words) in lines.iter().zip(kinds).zip(&word_counts) {
        let line = line_text(span);
        if let Some(k) = kind {
            blocks.push(Block {
                span: *span,
                kind: k,
            });
            continue;
        }
        // The first content line is the headline, unless it is prose: then there is none.
        let headline = !title_seen && !is_long_paragraph(line, n_words);
        title_seen = true;
        if headline {
            match title_suffix_start(line) {
                Some(cut) => {
                    let head = Span::new(span.start, span.start + cut).trim(text);
                    blocks.push(Block {
                        span: head,
                        kind: BlockKind::Title,
                    });
                    blocks.push(Block {
                        span: Span::new(span.start + cut, span.end),
                        kind: BlockKind::Boilerplate,
                    });
                }
                None => blocks.push(Block {
                    span: *span,
                    kind: BlockKind::Title,
                }),
            }
            continue;
        }
        let sentence_like = ends_like_sentence(line);
        let kind = if is_caption(line) {
            BlockKind::Caption
        } else if !body_started {
            if sentence_like || n_words >= 12 {
                // The first paragraph-like line after the headline: a standfirst when it
                // is short, or unpunctuated, or a full paragraph follows that is not it.
                body_started = true;
                BlockKind::Body
            } else if is_keyword_line(line)
                || blocks.iter().any(|b: &Block| {
                    b.kind == BlockKind::Boilerplate
                        && b.span
                            .slice(text)
                            .is_some_and(|o| repeats_site_name(line, o))
                })
            {
                // Keyword lines and the site's tagline between headline and body.
                BlockKind::Boilerplate
            } else {
                // Datelines, bylines, kickers and captions between headline and body are
                // content: their names are marked, but they are not claims.
                BlockKind::Subheading
            }
        } else if sentence_like || n_words >= 15 {
            BlockKind::Body
        } else {
            BlockKind::Subheading
        };
        blocks.push(Block { span: *span, kind });
    }
    // A "subheading" with no content after it heads nothing: it is a widget title or a
    // call to action at the end of the page.
    for b in blocks.iter_mut().rev() {
        match b.kind {
            BlockKind::Subheading => b.kind = BlockKind::Boilerplate,
            BlockKind::Boilerplate => {}
            _ => break,
        }
    }
    mark_standfirst(text, &mut blocks);
    blocks
}

/// A standfirst (dek) is the first content line after the headline when it is followed by
/// another body paragraph and is either unpunctuated or a single sentence repeated later.
fn mark_standfirst(text: &str, blocks: &mut [Block]) {
    let mut content = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind.is_content())
        .map(|(i, b)| (i, *b));
    let Some((_, first)) = content.next() else {
        return;
    };
    if first.kind != BlockKind::Title {
        return;
    }
    let Some((i, dek)) = content.next() else {
        return;
    };
    let Some((_, next)) = content.next() else {
        return;
    };
    if dek.kind != BlockKind::Body || next.kind != BlockKind::Body {
        return;
    }
    let dek_text = dek.span.slice(text).unwrap_or("");
    let later = text.get(next.span.start..).unwrap_or("");
    let repeated = later.contains(dek_text);
    if repeated || !ends_like_sentence(dek_text) {
        if let Some(b) = blocks.get_mut(i) {
            b.kind = BlockKind::Standfirst;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, BlockKind)> {
        layout(text)
            .into_iter()
            .map(|b| (b.span.slice(text).unwrap_or("").to_string(), b.kind))
            .collect()
    }

    #[test]
    fn sentence_ends_inside_closing_marks() {
        for line in [
            "It was sad.",
            "“It was sad.”",
            "`` Her passing is very sad. ''",
            "(He left.) ",
            "Why? '",
        ] {
            assert!(ends_like_sentence(line), "{line}");
        }
        for line in ["Power cuts spread", "`` Australia, ''", "Results:"] {
            assert!(!ends_like_sentence(line), "{line}");
        }
    }

    #[test]
    fn datelines_bylines_and_short_lines_are_content() {
        let text = "Storm closes ports along the coast\n\nSaturday, April 4, 2009\n\nBy Jane Doe\n\n\
                    MOSCOW, Dec 2 (Reuters) - Ports along the coast closed on Tuesday as the storm moved north, officials said.\n\n\
                    On NATO\n\nThe alliance met in Brussels on Wednesday to discuss the storm and its damage to the fleet.\n\n\
                    Results\n\nSpain 2 Italy 1\n\nFrance 0 Germany 0\n\nThe next round is played on Sunday in Madrid and in Lyon.";
        let k = kinds(text);
        let kind_of = |line: &str| k.iter().find(|(l, _)| l == line).map(|(_, k)| *k);
        for line in [
            "Saturday, April 4, 2009",
            "By Jane Doe",
            "On NATO",
            "Spain 2 Italy 1",
            "France 0 Germany 0",
        ] {
            assert!(
                kind_of(line).is_some_and(BlockKind::is_content),
                "{line}: {k:?}"
            );
        }
        assert_eq!(
            kind_of("Results"),
            Some(BlockKind::Boilerplate),
            "a one-word label"
        );
        let a = crate::analysis::analyze(text);
        let names: Vec<&str> = a
            .entities
            .iter()
            .filter_map(|e| e.span.slice(text))
            .collect();
        for name in ["Jane Doe", "Spain", "Italy", "Germany"] {
            assert!(names.contains(&name), "{name} not marked: {names:?}");
        }
    }

    #[test]
    fn text_that_opens_with_prose_has_no_headline() {
        // Pasted without its headline: the first line is the first paragraph.
        let first = "Iron is an essential element the body requires to produce hemoglobin, \
                     the protein in red blood cells that carries oxygen to the tissues. The \
                     current waiting period between donations is eight weeks.";
        let k = kinds(&format!("{first}\n\nShort line after it"));
        assert_eq!(k[0], (first.into(), BlockKind::Body), "{k:?}");
        assert!(k.iter().all(|(_, kind)| *kind != BlockKind::Title), "{k:?}");
        // A long headline that does not end like a sentence is still one.
        let k = kinds("Mayor of Springfield resigns after the council rejects her budget for a third time in a row and calls for new elections in the spring of next year\n\nThe mayor resigned on Monday after the council rejected her budget.");
        assert_eq!(k[0].1, BlockKind::Title, "{k:?}");
    }

    #[test]
    fn keyword_lines_before_the_body_are_chrome() {
        let k = kinds("Talks end without a deal\n\nSummit Talks Moscow Envoy\n\nThe talks ended on Tuesday without a deal, both sides said after five hours.");
        assert_eq!(k[1].1, BlockKind::Boilerplate, "{k:?}");
    }

    #[test]
    fn headline_suffix_and_chrome() {
        let text = "Site icon Daily Paper\n\nMayor resigns over budget | City News\n\n\
                    Daily Paper - news for you\n\nThe mayor of Springfield resigned on Monday after the council rejected her budget for the third time.\n\n\
                    Share post:\n\nPopular";
        let k = kinds(text);
        assert_eq!(k[0].1, BlockKind::Boilerplate);
        assert_eq!(k[1], ("Mayor resigns over budget".into(), BlockKind::Title));
        assert_eq!(k[2], ("| City News".into(), BlockKind::Boilerplate));
        assert_eq!(
            k[3].1,
            BlockKind::Boilerplate,
            "tagline between headline and body"
        );
        assert_eq!(k[4].1, BlockKind::Body);
        assert_eq!(k[5].1, BlockKind::Boilerplate);
        assert_eq!(k[6].1, BlockKind::Boilerplate);
    }

    #[test]
    fn a_quotation_that_trails_off_is_no_teaser() {
        // Text written one sentence a line: a quotation runs over three lines, one of
        // them cut off with "...".
        let text = "Navy defends raid\n\
                    The admiral said his force had done nothing wrong on the high seas that week.\n\
                    “The ship was under the command of pirates.\n\
                    Use of force was inevitable ...\n\
                    We acted in self-defence,” the admiral said.\n\
                    Haldeman: “Yes, sir. He knows everything ...\n\
                    If we move on him, he will talk.”\n";
        let k = kinds(text);
        assert!(
            k.iter().all(|(_, kind)| *kind != BlockKind::Boilerplate),
            "{k:?}"
        );
        // A line cut off with "..." outside any quotation still is one.
        let k = kinds("Storm hits coast\n\nA storm hit the coast on Friday, cutting power to thousands of homes across the region.\n\n\
                       Floods close roads\n\nHeavy rain closed several roads in the north of the...");
        assert_eq!(k.last().map(|l| l.1), Some(BlockKind::Boilerplate), "{k:?}");
    }

    #[test]
    fn subheadings_and_teaser_tail() {
        let text = "Storm hits coast\n\nA storm hit the coast on Friday, cutting power to thousands of homes across the region.\n\n\
                    Power cuts spread\n\nEngineers said repairs would take several days to complete in the worst hit areas.\n\n\
                    Related\n\nFloods close roads\n\nHeavy rain closed several roads in the north of the...";
        let k = kinds(text);
        assert_eq!(k[2], ("Power cuts spread".into(), BlockKind::Subheading));
        assert_eq!(k[3].1, BlockKind::Body);
        assert!(
            k[4..]
                .iter()
                .all(|(_, kind)| *kind == BlockKind::Boilerplate),
            "{k:?}"
        );
    }

    #[test]
    fn unpunctuated_standfirst() {
        let text = "Talks end without a deal\nNegotiators from both sides say they will return next week to continue the talks on trade\nThe talks ended on Friday evening without any agreement on tariffs.";
        let k = kinds(text);
        assert_eq!(k[1].1, BlockKind::Standfirst);
        assert_eq!(k[2].1, BlockKind::Body);
    }

    #[test]
    fn caption_with_credit() {
        let text = "Headline here today\n\nThe minister met farmers on Monday in the capital of the province.\n\nThe minister speaks to farmers in the capital on Monday [John Smith/Reuters]\n\nShe promised new subsidies for the sector.";
        assert_eq!(kinds(text)[2].1, BlockKind::Caption);
    }

    #[test]
    fn empty_and_blank_input() {
        assert!(layout("").is_empty());
        assert!(layout("\n\n  \n").is_empty());
    }

    #[test]
    fn a_two_word_first_line_is_a_headline() {
        let text =
            "Harbour reopens\n\nThe port reopened on Friday after the storm.\n\nShare\n\nMore news";
        let k: Vec<BlockKind> = layout(text).iter().map(|b| b.kind).collect();
        assert_eq!(
            k,
            [
                BlockKind::Title,
                BlockKind::Body,
                BlockKind::Boilerplate,
                BlockKind::Boilerplate
            ]
        );
    }
}
