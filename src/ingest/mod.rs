//! Turning a reader's own material into article text: pasted text, and `.txt`, `.md` and
//! `.html` files.
//!
//! The analysis reads plain text laid out as the seeds are: a headline on the first line,
//! then paragraphs separated by blank lines. Everything here produces that shape, and
//! nothing here runs or loads anything: HTML arrives as an already parsed, inert tree
//! ([`html::Node`]; the browser's `DOMParser` or, natively, html5ever builds it) and only
//! its text is kept.

pub mod html;
pub mod markdown;

/// The largest file newsmark takes in: beyond this a browser tab would struggle to show
/// the article at all, and the text is almost certainly not one news report.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

/// What kind of document a file holds, from its name (and for names without a known
/// extension, from its first bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format of a file called `name` that starts with `head`.
    pub fn detect(name: &str, head: &[u8]) -> Format {
        let lower = name.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
        match ext {
            "html" | "htm" | "xhtml" => Format::Html,
            "md" | "markdown" | "mdown" => Format::Markdown,
            "txt" | "text" => Format::Text,
            _ => {
                let start =
                    String::from_utf8_lossy(head.get(..head.len().min(512)).unwrap_or(head))
                        .trim_start()
                        .to_ascii_lowercase();
                if start.starts_with("<!doctype html") || start.starts_with("<html") {
                    Format::Html
                } else {
                    Format::Text
                }
            }
        }
    }
}

/// Why a file or a paste could not become an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    #[error("{name} is empty")]
    Empty { name: String },
    #[error("{name} is {size} bytes; newsmark takes files up to {max} bytes", max = MAX_BYTES)]
    TooLarge { name: String, size: usize },
    #[error("{name} is not text (it holds binary data at byte {at}); newsmark reads .txt, .md and .html files")]
    Binary { name: String, at: usize },
    #[error("{name} holds no article text that newsmark could find")]
    NoText { name: String },
}

/// Bytes of a file as text: UTF-8 (with or without a byte-order mark), or UTF-16 with a
/// byte-order mark. Invalid UTF-8 sequences become U+FFFD rather than failing the file,
/// but NUL bytes mean the file is not text at all.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, IngestError> {
    if bytes.len() > MAX_BYTES {
        return Err(IngestError::TooLarge {
            name: name.to_string(),
            size: bytes.len(),
        });
    }
    let text = match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(name, rest)?,
        _ => utf8(name, bytes)?,
    };
    Ok(text)
}

fn utf8(name: &str, bytes: &[u8]) -> Result<String, IngestError> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(IngestError::Binary {
            name: name.to_string(),
            at,
        });
    }
    Ok(String::from_utf8_lossy(bytes).into_owned())
}

fn utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| {
        read([
            p.first().copied().unwrap_or(0),
            p.get(1).copied().unwrap_or(0),
        ])
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Plain text with its line breaks made uniform and its paragraphs separated by blank
/// lines, as the analysis expects. Control characters other than line breaks and tabs
/// go; white space at line ends goes.
pub fn normalise_text(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(unified.len());
    for line in unified.split('\n') {
        let clean: String = line
            .chars()
            .filter(|c| !c.is_control() || *c == '\t')
            .map(|c| {
                if matches!(c, '\u{2028}' | '\u{2029}') {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        out.push_str(clean.trim_end());
        out.push('\n');
    }
    // At most one blank line in a row, none at the start or the end.
    let mut folded = String::with_capacity(out.len());
    let mut blank_run = 0;
    for line in out.lines() {
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !folded.is_empty() {
            folded.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        folded.push_str(line);
    }
    folded
}

/// An article ready to analyse: a name for the list and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ingested {
    pub name: String,
    pub text: String,
}

/// The article in a text or Markdown file. HTML needs a parsed tree: see [`from_html`].
pub fn from_text(name: &str, format: Format, raw: &str) -> Result<Ingested, IngestError> {
    let text = match format {
        Format::Markdown => markdown::to_text(raw),
        Format::Text | Format::Html => normalise_text(raw),
    };
    finish(name, text)
}

/// The article in a parsed HTML document: its headline and body, without page chrome.
pub fn from_html(name: &str, document: &html::Node) -> Result<Ingested, IngestError> {
    finish(name, html::article_text(document))
}

fn finish(name: &str, text: String) -> Result<Ingested, IngestError> {
    if text.trim().is_empty() {
        return Err(IngestError::NoText {
            name: name.to_string(),
        });
    }
    Ok(Ingested {
        name: name.to_string(),
        text,
    })
}

/// A name for pasted text: its first line, shortened.
pub fn paste_name(text: &str) -> String {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("Pasted text");
    let mut name: String = first.chars().take(60).collect();
    if first.chars().count() > 60 {
        name.push('…');
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names_and_content() {
        assert_eq!(Format::detect("a.HTML", b""), Format::Html);
        assert_eq!(Format::detect("notes.md", b"# x"), Format::Markdown);
        assert_eq!(Format::detect("a.txt", b"<html>"), Format::Text);
        assert_eq!(
            Format::detect("download", b"  <!DOCTYPE html><html>"),
            Format::Html
        );
        assert_eq!(Format::detect("download", b"Plain words"), Format::Text);
    }

    #[test]
    fn decoding_handles_boms_bad_bytes_and_binary() {
        assert_eq!(decode("a", b"\xEF\xBB\xBFHello").unwrap(), "Hello");
        assert_eq!(decode("a", b"caf\xE9").unwrap(), "caf\u{FFFD}");
        assert_eq!(decode("a", b"\xFF\xFEH\x00i\x00").unwrap(), "Hi");
        assert_eq!(decode("a", b"\xFE\xFF\x00H\x00i").unwrap(), "Hi");
        assert_eq!(
            decode("img.png", b"\x89PNG\x00\x01"),
            Err(IngestError::Binary {
                name: "img.png".into(),
                at: 4
            })
        );
    }

    #[test]
    fn text_is_normalised_to_paragraphs() {
        let raw = "Headline\r\n\r\n\r\n\r\nFirst para.  \r\nSecond\u{0007} line.\n\n\n";
        assert_eq!(normalise_text(raw), "Headline\n\nFirst para.\nSecond line.");
        assert_eq!(
            from_text("x.txt", Format::Text, " \n\t\n"),
            Err(IngestError::NoText {
                name: "x.txt".into()
            })
        );
    }

    #[test]
    fn pasted_text_is_named_by_its_first_line() {
        assert_eq!(
            paste_name("\n\n  Storm hits coast  \nBody"),
            "Storm hits coast"
        );
        assert_eq!(paste_name(""), "Pasted text");
        assert!(paste_name(&"x".repeat(100)).ends_with('…'));
    }
}
