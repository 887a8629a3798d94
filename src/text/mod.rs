//! Spans and offset units: the one place where offsets change unit.
//!
//! Inside newsmark every span is a pair of UTF-8 **byte** offsets into the exact article
//! text, half-open (`start..end`), always on character boundaries. Anything that leaves the
//! program (the CLI's JSON, exported annotations) speaks in Unicode **code points**, the unit
//! of the W3C Web Annotation `TextPositionSelector`. The DOM speaks UTF-16; that conversion
//! also lives here so no other module counts characters by hand.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A half-open range of UTF-8 byte offsets into one text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text under the span, or `None` when the span is out of range or off a boundary.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The span with leading and trailing white space removed.
    pub fn trim(&self, text: &str) -> Span {
        match self.slice(text) {
            Some(s) => {
                let lead = s.len() - s.trim_start().len();
                let trail = s.len() - s.trim_end().len();
                if lead == s.len() {
                    Span::new(self.start, self.start)
                } else {
                    Span::new(self.start + lead, self.end - trail)
                }
            }
            None => *self,
        }
    }
}

/// How many characters lie between two code-point checkpoints. A trade-off between memory
/// (one `usize` per checkpoint) and the cost of a lookup (counting at most this many
/// characters): 64 keeps the table at 1/8 of an ASCII text's size and lookups cheap.
const CHECKPOINT_EVERY: usize = 64;

/// Converts byte offsets of one text into code-point (and UTF-16) offsets and back.
#[derive(Debug, Clone)]
pub struct Offsets<'t> {
    text: &'t str,
    /// `checkpoints[i]` is the byte offset of code point `i * CHECKPOINT_EVERY`.
    checkpoints: Vec<usize>,
    chars: usize,
}

impl<'t> Offsets<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT_EVERY + 1);
        let mut chars = 0;
        for (byte, _) in text.char_indices() {
            if chars % CHECKPOINT_EVERY == 0 {
                checkpoints.push(byte);
            }
            chars += 1;
        }
        Offsets {
            text,
            checkpoints,
            chars,
        }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// The code-point offset of a byte offset. A byte offset inside a character counts
    /// as that character's start; one past the end counts as the end.
    pub fn char_of_byte(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let block = self
            .checkpoints
            .partition_point(|&b| b <= byte)
            .saturating_sub(1);
        let base_byte = self.checkpoints.get(block).copied().unwrap_or(0);
        let rest = self.text.get(base_byte..).unwrap_or("");
        let within = rest
            .char_indices()
            .take_while(|&(b, c)| base_byte + b + c.len_utf8() <= byte)
            .count();
        block * CHECKPOINT_EVERY + within
    }

    /// The byte offset of a code-point offset, or `None` past the end of the text.
    pub fn byte_of_char(&self, cp: usize) -> Option<usize> {
        if cp == self.chars {
            return Some(self.text.len());
        }
        if cp > self.chars {
            return None;
        }
        let base_byte = *self.checkpoints.get(cp / CHECKPOINT_EVERY)?;
        let rest = self.text.get(base_byte..)?;
        rest.char_indices()
            .nth(cp % CHECKPOINT_EVERY)
            .map(|(b, _)| base_byte + b)
    }

    /// A byte span as a code-point span.
    pub fn span_in_chars(&self, span: Span) -> Span {
        Span::new(self.char_of_byte(span.start), self.char_of_byte(span.end))
    }

    /// A code-point span as a byte span, or `None` when it does not fit the text.
    pub fn span_in_bytes(&self, span: Span) -> Option<Span> {
        if span.start > span.end {
            return None;
        }
        Some(Span::new(
            self.byte_of_char(span.start)?,
            self.byte_of_char(span.end)?,
        ))
    }
}

/// Length of a string in UTF-16 code units, the unit of DOM ranges and JS string indices.
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Lower-case hex SHA-256 of the exact bytes: the content hash that identifies an article.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        for nibble in [b >> 4, b & 0x0f] {
            out.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
        }
    }
    out
}

/// Whether `s` is a content hash as [`sha256_hex`] writes it: 64 lower-case hex digits.
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `s` cut to at most `chars` characters, with "…" when something was cut: for naming a
/// long value in a message or a list.
pub fn shorten(s: &str, chars: usize) -> String {
    match s.char_indices().nth(chars) {
        None => s.to_string(),
        Some((end, _)) => format!("{}…", s.get(..end).unwrap_or(s)),
    }
}

/// The first `hex_digits` lower-case hex digits of the SHA-256 of `text` with its white space
/// folded: runs of white space count as one space, and leading and trailing white space as
/// none. Two renderings of the same sentence hash alike.
pub fn folded_sha256_prefix(text: &str, hex_digits: usize) -> String {
    let mut hasher = Sha256::new();
    let already_folded = !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text.contains(|c: char| c.is_whitespace() && c != ' ');
    if already_folded {
        hasher.update(text.as_bytes());
    } else {
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                hasher.update(b" ");
            }
            hasher.update(word.as_bytes());
        }
    }
    let digest = hasher.finalize();
    let mut out = String::with_capacity(hex_digits);
    for b in digest.iter().take(hex_digits.div_ceil(2)) {
        for nibble in [b >> 4, b & 0x0f] {
            if out.len() < hex_digits {
                out.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
            }
        }
    }
    out
}

/// The byte offset of the character boundary at or before `byte`.
pub fn floor_boundary(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while b > 0 && !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_and_shortened_values() {
        assert!(is_sha256_hex(&sha256_hex(b"x")));
        assert!(!is_sha256_hex(&sha256_hex(b"x").to_uppercase()));
        assert!(!is_sha256_hex("abc"));
        assert_eq!(shorten("Émile Zola", 5), "Émile…");
        assert_eq!(shorten("Zola", 5), "Zola");
        assert_eq!(shorten("Zolas", 5), "Zolas");
    }

    #[test]
    fn code_points_and_bytes_round_trip() {
        let text = "“No” – Iouri é 日本 🦀 end".repeat(20);
        let off = Offsets::new(&text);
        assert_eq!(off.char_len(), text.chars().count());
        for (cp, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(off.char_of_byte(byte), cp, "byte {byte}");
            assert_eq!(off.byte_of_char(cp), Some(byte), "cp {cp}");
        }
        assert_eq!(off.byte_of_char(off.char_len()), Some(text.len()));
        assert_eq!(off.byte_of_char(off.char_len() + 1), None);
        assert_eq!(off.char_of_byte(text.len()), off.char_len());
    }

    #[test]
    fn byte_inside_a_character_maps_to_its_start() {
        let text = "a“b";
        let off = Offsets::new(text);
        assert_eq!(off.char_of_byte(2), 1);
        assert_eq!(off.char_of_byte(4), 2);
    }

    #[test]
    fn empty_text() {
        let off = Offsets::new("");
        assert_eq!(off.char_len(), 0);
        assert_eq!(off.char_of_byte(0), 0);
        assert_eq!(off.byte_of_char(0), Some(0));
        assert_eq!(off.byte_of_char(1), None);
    }

    #[test]
    fn trim_and_slice() {
        let text = "  ab  ";
        assert_eq!(Span::new(0, 6).trim(text), Span::new(2, 4));
        assert_eq!(Span::new(0, 2).trim(text), Span::new(0, 0));
        assert_eq!(Span::new(0, 9).slice(text), None);
        assert_eq!(utf16_len("a🦀"), 3);
        assert_eq!(floor_boundary("a“", 2), 1);
    }

    #[test]
    fn folded_hash_ignores_spacing() {
        let a = folded_sha256_prefix("  The sky\n is   blue. ", 12);
        assert_eq!(a, folded_sha256_prefix("The sky is blue.", 12));
        assert_eq!(a, sha256_hex(b"The sky is blue.").get(..12).unwrap_or(""));
        assert_eq!(folded_sha256_prefix("x", 5).len(), 5);
    }

    #[test]
    fn sha256_of_known_input() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
