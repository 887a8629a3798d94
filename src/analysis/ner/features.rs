//! The features of the entity tagger: what it sees of each word.
//!
//! Every feature is a string of a named group ("w=Putin", "w-1=president") hashed to a
//! bucket of the weight table, so the model needs no vocabulary. The groups are listed in
//! [`Group`]; each can be switched off when training to measure what it brings on the dev
//! data (`newsmark train-ner --without GROUP`).
//!
//! Only words that can be part of a name are scored (see [`is_candidate`]): capitalised
//! words, words written after `@` or `#`, lower-case name particles between capitalised
//! words ("Museum *of* Flight", "Ludwig *van* Beethoven") and hyphenated pieces of a
//! capitalised word ("Jong-*un*"). Everything else is outside any name, which keeps the
//! cost proportional to the names in the text.

use super::super::lexicon::{
    demonym, is_calendar_word, is_first_name, is_function_word, lowercase, place, PlaceKind,
    EVENT_HEADS, ORG_HEADS, PLACE_HEADS, TITLES,
};
use super::super::tokens::Token;
use rustc_hash::FxHashSet;
use std::borrow::Cow;

/// Bumped whenever a feature changes meaning, so that a model trained on other features is
/// refused instead of marking garbage.
pub const FEATURE_VERSION: u32 = 2;

/// Feature groups, each switchable for ablation. The discriminant is hashed into every
/// feature of the group, so two groups never share a weight by construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    /// The word as written and lower-cased.
    Word = 1,
    /// Letter-class shape ("Xxx", "X.X.", "Xdd") and capitalisation flags.
    Shape,
    /// Prefixes and suffixes of the lower-cased word.
    Affix,
    /// The two words on each side, their shapes, and the punctuation between.
    Context,
    /// Word pairs: previous + this, this + next.
    Bigram,
    /// Place gazetteer (single words and runs of up to four words), first names.
    Gazetteer,
    /// Closed-class cues: titles before a name, organisation, place and event head words
    /// later in the same capitalised run, nationality adjectives, calendar words.
    Cues,
    /// Position: sentence start, headline, Title Case heading; length of the capitalised
    /// run and the word's place in it.
    Position,
    /// What the whole article set says about the word: used in lower case elsewhere,
    /// capitalised inside a sentence elsewhere, the last word of a longer name elsewhere;
    /// and whether the training text writes it in lower case (a common word).
    Document,
}

impl Group {
    pub const ALL: [Group; 9] = [
        Group::Word,
        Group::Shape,
        Group::Affix,
        Group::Context,
        Group::Bigram,
        Group::Gazetteer,
        Group::Cues,
        Group::Position,
        Group::Document,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Group::Word => "word",
            Group::Shape => "shape",
            Group::Affix => "affix",
            Group::Context => "context",
            Group::Bigram => "bigram",
            Group::Gazetteer => "gazetteer",
            Group::Cues => "cues",
            Group::Position => "position",
            Group::Document => "document",
        }
    }

    pub fn from_name(name: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.name() == name)
    }
}

/// Which groups are on (all, unless an ablation turns some off).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Groups(u32);

impl Groups {
    pub const ALL: Groups = Groups(u32::MAX);

    pub fn without(self, g: Group) -> Groups {
        Groups(self.0 & !(1 << g as u32))
    }

    pub fn has(self, g: Group) -> bool {
        self.0 & (1 << g as u32) != 0
    }

    /// The bit mask, as the model file records it.
    pub fn bits(self) -> u32 {
        self.0
    }

    pub fn from_bits(bits: u32) -> Groups {
        Groups(bits)
    }
}

/// Lower-case particles that may stand inside a name between capitalised words.
const PARTICLES: &[&str] = &[
    "al", "and", "bin", "da", "de", "del", "della", "der", "di", "du", "el", "for", "ibn", "la",
    "le", "of", "on", "the", "van", "von", "y",
];

/// A sorted list of hashed words, read in place from the model file: the words that the
/// training text writes in lower case (see `train::common_lower`).
#[derive(Debug, Clone, Copy, Default)]
pub struct WordList<'m>(&'m [u8]);

impl<'m> WordList<'m> {
    /// `bytes` holds little-endian u32 hashes ([`word_hash`]) in ascending order.
    pub fn new(bytes: &'m [u8]) -> Self {
        WordList(bytes.get(..bytes.len() / 4 * 4).unwrap_or(&[]))
    }

    pub fn len(&self) -> usize {
        self.0.len() / 4
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn at(&self, i: usize) -> u32 {
        self.0
            .get(i * 4..i * 4 + 4)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u32::from_le_bytes)
    }

    pub fn contains(&self, word: &str) -> bool {
        let h = word_hash(word);
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.at(mid).cmp(&h) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

/// The bytes of a [`WordList`] of sorted `hashes`, as the model file stores them.
pub fn word_list_bytes(hashes: &[u32]) -> Vec<u8> {
    hashes.iter().flat_map(|h| h.to_le_bytes()).collect()
}

/// The hash under which a (lower-case) word is stored in a [`WordList`].
pub fn word_hash(word: &str) -> u32 {
    FeatureHash(0x811c_9dc5).str(word).finish()
}

/// What the article set says about words, gathered once before tagging.
#[derive(Debug, Default)]
pub struct SetWords<'t> {
    /// Words the training text writes in lower case: common words, whatever the set says.
    common: WordList<'t>,
    /// Words used in lower case somewhere in the set.
    lower: FxHashSet<Cow<'t, str>>,
    /// Words written capitalised somewhere other than at a sentence start.
    inner_capitalised: FxHashSet<&'t str>,
    /// Words that end a capitalised run of two or more words opened by a first name or a
    /// title ("Barack Obama", "President Obama"): surnames.
    surnames: FxHashSet<&'t str>,
}

impl<'t> SetWords<'t> {
    /// Gather from the token blocks of every article of the set.
    pub fn new<'a>(blocks: impl IntoIterator<Item = &'a [Token<'t>]>) -> Self
    where
        't: 'a,
    {
        let mut w = SetWords::default();
        for block in blocks {
            for (i, t) in block.iter().enumerate() {
                let first = t.text.chars().next();
                if first.is_some_and(char::is_lowercase) {
                    w.lower.insert(Cow::Borrowed(t.text));
                } else if first.is_some_and(char::is_uppercase) {
                    if !t.sentence_initial {
                        w.inner_capitalised.insert(t.text);
                    }
                    let prev = i.checked_sub(1).and_then(|p| block.get(p));
                    let opens_name = prev.is_some_and(|p| {
                        p.joined_to_next
                            && (is_first_name(p.text)
                                || TITLES.contains_lower(p.text.trim_end_matches('.')))
                    });
                    let next_capitalised = block
                        .get(i + 1)
                        .is_some_and(|n| t.joined_to_next && n.is_capitalised());
                    if opens_name && !next_capitalised && !t.is_all_caps() {
                        w.surnames.insert(t.text);
                    }
                }
            }
        }
        w
    }

    /// Use `common` as the list of words that are common in lower case.
    pub fn with_common(self, common: WordList<'t>) -> Self {
        SetWords { common, ..self }
    }

    fn used_lower(&self, lower: &str) -> bool {
        self.lower.contains(lower)
    }
}

/// Whether token `i` of a block can be part of a name (see the module docs).
pub fn is_candidate(text: &str, block: &[Token], i: usize) -> bool {
    let Some(t) = block.get(i) else { return false };
    let prev = i.checked_sub(1).and_then(|p| block.get(p));
    let next = block.get(i + 1);
    // The pronoun "I" is no name; a capital I right after a capitalised word is a regnal
    // or ordinal number inside one ("Elizabeth I", "World War I").
    if t.text == "I" {
        return prev.is_some_and(|p| {
            p.is_capitalised() && p.joined_to_next && !is_function_word(&lowercase(p.text))
        });
    }
    if t.is_capitalised() || after_sigil(text, block, i) {
        return true;
    }
    // "Jong-un", "al-Assad".
    if t.hyphen_from_prev && prev.is_some_and(Token::is_capitalised)
        || t.hyphen_to_next && next.is_some_and(Token::is_capitalised)
    {
        return true;
    }
    PARTICLES.contains(&t.text)
        && prev.is_some_and(|p| p.is_capitalised() && p.joined_to_next)
        && next.is_some_and(|n| n.is_capitalised() && t.joined_to_next)
}

/// The token is written right after `@` or `#` (a handle or hashtag).
fn after_sigil(text: &str, block: &[Token], i: usize) -> bool {
    let Some(t) = block.get(i) else { return false };
    let before = text.get(..t.span.start).unwrap_or("");
    let prev_end = i
        .checked_sub(1)
        .and_then(|p| block.get(p))
        .map_or(0, |p| p.span.end);
    t.span.start > prev_end && (before.ends_with('@') || before.ends_with('#'))
}

/// Streaming FNV-1a over the bytes of one feature, finished with a mixer so that the low
/// bits (the bucket) depend on every byte. Fixed and platform-independent: the model file
/// is trained natively and read in wasm32.
#[derive(Clone, Copy)]
struct FeatureHash(u32);

impl FeatureHash {
    fn new(group: Group, tag: u8) -> Self {
        FeatureHash(0x811c_9dc5).byte(group as u8).byte(tag)
    }

    fn byte(self, b: u8) -> Self {
        FeatureHash((self.0 ^ u32::from(b)).wrapping_mul(0x0100_0193))
    }

    fn str(self, s: &str) -> Self {
        s.bytes().fold(self, FeatureHash::byte)
    }

    fn char(self, c: char) -> Self {
        let mut buf = [0u8; 4];
        self.str(c.encode_utf8(&mut buf))
    }

    fn shape(self, word: &str) -> Self {
        let mut h = self;
        shape_into(word, |c| h = h.char(c));
        h
    }

    fn gap(self, gap: &str) -> Self {
        let mut h = self;
        gap_class_into(gap, |c| h = h.char(c));
        h
    }

    fn finish(self) -> u32 {
        let mut h = self.0;
        h ^= h >> 16;
        h = h.wrapping_mul(0x85eb_ca6b);
        h ^= h >> 13;
        h = h.wrapping_mul(0xc2b2_ae35);
        h ^ (h >> 16)
    }
}

/// Letter-class shape: upper X, lower x, digit d, other characters as they are; a class
/// repeated more than twice in a row is written twice ("Putin" → "Xxx", "USA" → "XX"), so
/// shapes generalise over word length. Each character of the shape goes to `emit`.
fn shape_into(word: &str, mut emit: impl FnMut(char)) {
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
        } else {
            run = 1;
            last = k;
        }
        if run <= 2 {
            emit(k);
        }
    }
}

#[cfg(test)]
fn shape(word: &str) -> String {
    let mut out = String::new();
    shape_into(word, |c| out.push(c));
    out
}

/// The punctuation between two tokens, as classes: spaces "_", a line break "n", other
/// characters as they are; at most three, each to `emit`.
fn gap_class_into(gap: &str, mut emit: impl FnMut(char)) {
    let mut last = None;
    let mut n = 0;
    for c in gap.chars() {
        let k = match c {
            '\n' => 'n',
            c if c.is_whitespace() => '_',
            '“' | '”' | '"' | '«' | '»' => 'q',
            '‘' | '’' | '\'' => 'a',
            '–' | '—' => '-',
            c => c,
        };
        if last == Some(k) {
            continue;
        }
        emit(k);
        last = Some(k);
        n += 1;
        if n >= 3 {
            break;
        }
    }
}

#[cfg(test)]
fn gap_class(gap: &str) -> String {
    let mut out = String::new();
    gap_class_into(gap, |c| out.push(c));
    out
}

/// The features of each distinct word that depend on the word alone, hashed once per
/// article set: most names recur, and these are most of a word's features.
#[derive(Debug, Default)]
pub struct WordCache<'t> {
    words: rustc_hash::FxHashMap<&'t str, Box<[u32]>>,
}

/// One block (paragraph) prepared for feature extraction.
pub struct BlockView<'a, 't> {
    pub text: &'t str,
    pub tokens: &'a [Token<'t>],
    /// A headline or subheading.
    pub heading: bool,
    /// A heading in Title Case, where capitals say little.
    pub title_case: bool,
    lower: Vec<Cow<'t, str>>,
    candidate: Vec<bool>,
    /// Per token: the length of the longest place name (of up to four words) that covers
    /// it, and whether the token opens it.
    place_run: Vec<(u8, bool, Option<PlaceKind>)>,
    /// Per token: the capitalised run it is in, as (index in run, run length).
    run: Vec<(u8, u8)>,
}

/// Most words a gazetteer run may have ("Bosnia and Herzegovina", "Rio de Janeiro").
const MAX_PLACE_WORDS: usize = 4;

impl<'a, 't> BlockView<'a, 't> {
    pub fn new(text: &'t str, tokens: &'a [Token<'t>], heading: bool, title_case: bool) -> Self {
        let lower: Vec<Cow<'t, str>> = tokens.iter().map(|t| lowercase(t.text)).collect();
        let candidate: Vec<bool> = (0..tokens.len())
            .map(|i| is_candidate(text, tokens, i))
            .collect();
        // Capitalised runs: candidates joined by a single space or a hyphen.
        let mut run = vec![(0u8, 1u8); tokens.len()];
        let mut i = 0;
        while i < tokens.len() {
            if !candidate.get(i).copied().unwrap_or(false) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < tokens.len()
                && candidate.get(j + 1).copied().unwrap_or(false)
                && tokens
                    .get(j)
                    .is_some_and(|t| t.joined_to_next || t.hyphen_to_next)
                && !tokens.get(j + 1).is_some_and(|t| t.sentence_initial)
            {
                j += 1;
            }
            let len = (j - i + 1).min(255) as u8;
            for (k, r) in run.iter_mut().enumerate().take(j + 1).skip(i) {
                *r = ((k - i).min(255) as u8, len);
            }
            i = j + 1;
        }
        let mut place_run = vec![(0u8, false, None); tokens.len()];
        for start in 0..tokens.len() {
            if !candidate.get(start).copied().unwrap_or(false) {
                continue;
            }
            let (pos, len) = run.get(start).copied().unwrap_or((0, 1));
            let room = usize::from(len - pos).min(MAX_PLACE_WORDS);
            for n in (1..=room).rev() {
                let (Some(first), Some(last)) = (tokens.get(start), tokens.get(start + n - 1))
                else {
                    continue;
                };
                let Some(name) = text.get(first.span.start..last.span.end) else {
                    continue;
                };
                if let Some(p) = place(name) {
                    for k in start..start + n {
                        if let Some(slot) = place_run.get_mut(k) {
                            if slot.0 < n as u8 {
                                *slot = (n as u8, k == start, Some(p.kind));
                            }
                        }
                    }
                    break;
                }
            }
        }
        BlockView {
            text,
            tokens,
            heading,
            title_case,
            lower,
            candidate,
            place_run,
            run,
        }
    }

    pub fn is_candidate(&self, i: usize) -> bool {
        self.candidate.get(i).copied().unwrap_or(false)
    }

    fn lower(&self, i: isize) -> &str {
        if i < 0 {
            return "<s>";
        }
        self.lower.get(i as usize).map_or("</s>", |c| c.as_ref())
    }

    /// The text between token `i - 1` and token `i` (the block edge at either end).
    fn gap_before(&self, i: usize) -> &str {
        let start = i
            .checked_sub(1)
            .and_then(|p| self.tokens.get(p))
            .map(|t| t.span.end);
        let end = self.tokens.get(i).map(|t| t.span.start);
        match (start, end) {
            (Some(s), Some(e)) => self.text.get(s..e).unwrap_or(""),
            (None, _) => "^",
            (_, None) => "$",
        }
    }

    /// The hashed features of token `i`, appended to `out`. The features of the word
    /// alone come from `cache` once the word has been seen in the set.
    pub fn features(
        &self,
        i: usize,
        set: &SetWords,
        cache: &mut WordCache<'t>,
        groups: Groups,
        out: &mut Vec<u32>,
    ) {
        let Some(t) = self.tokens.get(i) else { return };
        match cache.words.get(t.text) {
            Some(own) => out.extend_from_slice(own),
            None => {
                let start = out.len();
                self.own_features(i, set, groups, out);
                cache
                    .words
                    .insert(t.text, out.get(start..).unwrap_or(&[]).into());
            }
        }
        self.context_features(i, set, groups, out);
    }

    /// The features of token `i` that depend on its word alone: the same for every
    /// occurrence of the word in the set, so callers may compute them once per word.
    pub fn own_features(&self, i: usize, set: &SetWords, groups: Groups, out: &mut Vec<u32>) {
        if let Some(t) = self.tokens.get(i) {
            word_features(t.text, self.lower(i as isize), set, groups, out);
        }
    }

    /// The features of token `i` that depend on where it stands.
    pub fn context_features(&self, i: usize, set: &SetWords, groups: Groups, out: &mut Vec<u32>) {
        let Some(t) = self.tokens.get(i) else { return };
        let ii = i as isize;
        let w = t.text;
        let l = self.lower(ii);
        let mut push = |h: FeatureHash| out.push(h.finish());
        push(FeatureHash::new(Group::Word, b'b'));
        let sentence_start = t.sentence_initial;
        // The context words stop at a sentence start.
        let prev = |k: isize| -> &str {
            let mut j = ii;
            for _ in 0..k {
                if self
                    .tokens
                    .get(j as usize)
                    .is_some_and(|t| t.sentence_initial)
                {
                    return "<s>";
                }
                j -= 1;
            }
            self.lower(j)
        };
        let next = |k: usize| -> &str {
            if self
                .tokens
                .get(i + 1..=i + k)
                .is_some_and(|ts| ts.iter().any(|t| t.sentence_initial))
            {
                return "</s>";
            }
            self.lower(ii + k as isize)
        };
        if groups.has(Group::Shape) {
            let flags = [
                t.is_all_caps(),
                t.possessive,
                t.hyphen_from_prev,
                t.hyphen_to_next,
                w.contains('.'),
            ];
            for (k, f) in flags.iter().enumerate() {
                if *f {
                    push(FeatureHash::new(Group::Shape, b'f').byte(k as u8));
                }
            }
        }
        if groups.has(Group::Context) {
            push(FeatureHash::new(Group::Context, b'1').str(prev(1)));
            push(FeatureHash::new(Group::Context, b'2').str(prev(2)));
            push(FeatureHash::new(Group::Context, b'3').str(next(1)));
            push(FeatureHash::new(Group::Context, b'4').str(next(2)));
            let shape_at = |h: FeatureHash, j: isize| match j
                .try_into()
                .ok()
                .and_then(|j: usize| self.tokens.get(j))
            {
                Some(t) => h.shape(t.text),
                None => h.str("-"),
            };
            if !sentence_start {
                push(shape_at(FeatureHash::new(Group::Context, b'5'), ii - 1));
            }
            if next(1) != "</s>" {
                push(shape_at(FeatureHash::new(Group::Context, b'6'), ii + 1));
            }
            push(FeatureHash::new(Group::Context, b'7').gap(self.gap_before(i)));
            push(FeatureHash::new(Group::Context, b'8').gap(self.gap_before(i + 1)));
            // What stands around the whole capitalised run and its last word, seen from
            // every word of it: "the *Korean* People's Army said" types "Korean" by "army"
            // and "said" as much as "Army" is.
            let (pos, len) = self.run.get(i).copied().unwrap_or((0, 1));
            if len > 1 {
                let start = ii - isize::from(pos);
                let end = start + isize::from(len);
                // A run never crosses a sentence start (see `new`).
                let opens = |j: isize| {
                    usize::try_from(j)
                        .ok()
                        .and_then(|j| self.tokens.get(j))
                        .is_some_and(|t| t.sentence_initial)
                };
                let before = if opens(start) {
                    "<s>"
                } else {
                    self.lower(start - 1)
                };
                let after = if opens(end) { "</s>" } else { self.lower(end) };
                push(FeatureHash::new(Group::Context, b'B').str(before));
                push(FeatureHash::new(Group::Context, b'A').str(after));
                push(FeatureHash::new(Group::Context, b'H').str(self.lower(end - 1)));
            }
        }
        if groups.has(Group::Bigram) {
            push(
                FeatureHash::new(Group::Bigram, b'p')
                    .str(prev(1))
                    .byte(b' ')
                    .str(l),
            );
            push(
                FeatureHash::new(Group::Bigram, b'n')
                    .str(l)
                    .byte(b' ')
                    .str(next(1)),
            );
        }
        if groups.has(Group::Gazetteer) {
            if let Some(&(n, opens, Some(kind))) = self.place_run.get(i) {
                push(
                    FeatureHash::new(Group::Gazetteer, b'g')
                        .byte(n.min(3))
                        .byte(u8::from(opens))
                        .byte(kind as u8),
                );
            }
            if i.checked_sub(1)
                .and_then(|p| self.tokens.get(p))
                .is_some_and(|p| is_first_name(p.text))
                && !sentence_start
            {
                push(FeatureHash::new(Group::Gazetteer, b'F'));
            }
        }
        if groups.has(Group::Cues) {
            if !sentence_start && TITLES.contains(prev(1).trim_end_matches('.')) {
                push(FeatureHash::new(Group::Cues, b't'));
            }
            // Head words later in the same capitalised run: "Korean People's Army".
            let (pos, len) = self.run.get(i).copied().unwrap_or((0, 1));
            let run_end = i + usize::from(len - pos);
            for j in i..run_end.min(i + 5) {
                let lj = self.lower(j as isize);
                let d = (j - i).min(3) as u8;
                if ORG_HEADS.contains(lj) {
                    push(FeatureHash::new(Group::Cues, b'o').byte(d));
                }
                if PLACE_HEADS.contains(lj) {
                    push(FeatureHash::new(Group::Cues, b'p').byte(d));
                }
                if EVENT_HEADS.contains(lj) {
                    push(FeatureHash::new(Group::Cues, b'e').byte(d));
                }
            }
        }
        if groups.has(Group::Position) {
            let (pos, len) = self.run.get(i).copied().unwrap_or((0, 1));
            let place_in_run = match (pos, len) {
                (_, 1) => b'S',
                (0, _) => b'B',
                (p, n) if p + 1 == n => b'E',
                _ => b'I',
            };
            push(
                FeatureHash::new(Group::Position, b'r')
                    .byte(place_in_run)
                    .byte(len.min(4)),
            );
            let at = [sentence_start, self.heading, self.title_case];
            for (k, f) in at.iter().enumerate() {
                if *f {
                    push(FeatureHash::new(Group::Position, b'a').byte(k as u8));
                }
            }
        }
        if groups.has(Group::Document) && set.common.contains(l) {
            push(
                FeatureHash::new(Group::Document, b'k')
                    .byte(u8::from(sentence_start || self.title_case)),
            );
        }
        if groups.has(Group::Document) && set.used_lower(l) {
            push(
                FeatureHash::new(Group::Document, b'l')
                    .byte(u8::from(sentence_start || self.title_case)),
            );
        }
    }
}

/// The features of a word on its own (`l` is its lower case): the same wherever it stands.
fn word_features(w: &str, l: &str, set: &SetWords, groups: Groups, out: &mut Vec<u32>) {
    let mut push = |h: FeatureHash| out.push(h.finish());
    if groups.has(Group::Word) {
        push(FeatureHash::new(Group::Word, b'w').str(w));
        push(FeatureHash::new(Group::Word, b'l').str(l));
    }
    if groups.has(Group::Shape) {
        push(FeatureHash::new(Group::Shape, b's').shape(w));
    }
    if groups.has(Group::Affix) {
        let ends: Vec<usize> = l
            .char_indices()
            .map(|(b, _)| b)
            .skip(1)
            .chain([l.len()])
            .collect();
        let chars = ends.len();
        for n in 1..=3usize.min(chars) {
            let end = ends.get(n - 1).copied().unwrap_or(l.len());
            push(
                FeatureHash::new(Group::Affix, b'p')
                    .byte(n as u8)
                    .str(l.get(..end).unwrap_or("")),
            );
        }
        for n in 2..=4usize.min(chars) {
            let start = if n == chars {
                0
            } else {
                ends.get(chars - n - 1).copied().unwrap_or(0)
            };
            push(
                FeatureHash::new(Group::Affix, b'x')
                    .byte(n as u8)
                    .str(l.get(start..).unwrap_or("")),
            );
        }
    }
    if groups.has(Group::Gazetteer) && is_first_name(w) {
        push(FeatureHash::new(Group::Gazetteer, b'f'));
    }
    if groups.has(Group::Cues) {
        if TITLES.contains(l.trim_end_matches('.')) {
            push(FeatureHash::new(Group::Cues, b'T'));
        }
        if demonym(w).is_some() {
            push(FeatureHash::new(Group::Cues, b'd'));
        }
        if is_calendar_word(w) {
            push(FeatureHash::new(Group::Cues, b'c'));
        }
        if is_function_word(l) {
            push(FeatureHash::new(Group::Cues, b'w'));
        }
    }
    if groups.has(Group::Document) {
        if set.inner_capitalised.contains(w) {
            push(FeatureHash::new(Group::Document, b'c'));
        }
        if set.surnames.contains(w) {
            push(FeatureHash::new(Group::Document, b's'));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize_into;
    use crate::text::Span;

    fn tokens(text: &str) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        tokenize_into(text, Span::new(0, text.len()), &[0], &mut out);
        out
    }

    #[test]
    fn the_pronoun_i_is_no_candidate() {
        let text = "Then I said that Elizabeth I was queen.";
        let toks = tokens(text);
        let at = |w: &str| toks.iter().rposition(|t| t.text == w).unwrap_or(usize::MAX);
        let first_i = toks
            .iter()
            .position(|t| t.text == "I")
            .unwrap_or(usize::MAX);
        assert!(!is_candidate(text, &toks, first_i));
        assert!(
            is_candidate(text, &toks, at("I")),
            "regnal number after a name"
        );
        assert!(is_candidate(text, &toks, at("Elizabeth")));
    }

    #[test]
    fn shapes_and_gaps() {
        assert_eq!(shape("Putin"), "Xxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("G20"), "Xdd");
        assert_eq!(shape("McDonald"), "XxXxx");
        assert_eq!(gap_class(", “"), ",_q");
        assert_eq!(gap_class("  "), "_");
        assert_eq!(gap_class(" (\n"), "_(n");
    }

    #[test]
    fn candidates() {
        let cases: &[(&str, &[&str])] = &[
            ("the Museum of Flight opened", &["Museum", "of", "Flight"]),
            ("Kim Jong-un spoke", &["Kim", "Jong", "un"]),
            ("said al-Rashid today", &["al", "Rashid"]),
            ("thanks @newsdesk and #Gaza", &["newsdesk", "Gaza"]),
            ("one of the best", &[]),
        ];
        for (text, want) in cases {
            let t = tokens(text);
            let got: Vec<&str> = (0..t.len())
                .filter(|&i| is_candidate(text, &t, i))
                .map(|i| t[i].text)
                .collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn features_are_stable_and_groups_switch_off() {
        let text = "Senator John Smith met Lee in Seoul.";
        let t = tokens(text);
        let set = SetWords::new([t.as_slice()]);
        let view = BlockView::new(text, &t, false, false);
        let mut all = Vec::new();
        view.features(2, &set, &mut WordCache::default(), Groups::ALL, &mut all);
        let mut again = Vec::new();
        view.features(2, &set, &mut WordCache::default(), Groups::ALL, &mut again);
        assert_eq!(all, again);
        let mut fewer = Vec::new();
        view.features(
            2,
            &set,
            &mut WordCache::default(),
            Groups::ALL.without(Group::Affix),
            &mut fewer,
        );
        assert!(fewer.len() < all.len());
        assert!(fewer.iter().all(|f| all.contains(f)));
        assert!(
            set.surnames.contains("Smith"),
            "a first name opens the name"
        );
        assert!(!set.surnames.contains("John"));
        assert_eq!(view.place_run[6].0, 1, "Seoul is in the gazetteer");
    }
}
