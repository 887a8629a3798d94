//! The annotation model: a reader's verdict and note on one claim, and the portable form
//! they take when they leave newsmark.
//!
//! Inside the app a tag is keyed by (article content hash, claim id) — see
//! [`crate::store::tags`]. On the way out it becomes an [`Annotation`]: the claim's text as a
//! quote with some context, its place in code points, and the article's identity. That is
//! what [`w3c`] writes as W3C Web Annotation JSON-LD, what [`import::parse`] reads back
//! (W3C files with [`w3c`], Hypothesis exports with [`hypothesis`], both with the readers
//! and errors of [`json`]), what [`anchor`] places in a text that may have been edited,
//! and what [`plan`] sorts into new, present, conflicting and unplaceable before anything
//! is stored. [`claimreview`] writes the schema.org form fact-checkers publish.

pub mod anchor;
pub mod claimreview;
pub mod hypothesis;
pub mod import;
pub mod json;
pub mod plan;
pub mod timestamps;
pub mod w3c;

use crate::analysis::Claim;
use crate::text::{is_sha256_hex, Offsets, Span};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Confirmed,
    Disputed,
}

impl Verdict {
    /// The word used in exports and tags ("confirmed").
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Confirmed => "confirmed",
            Verdict::Disputed => "disputed",
        }
    }

    /// The verdict a tag word names, in any letter case; `None` for any other word.
    pub fn from_word(word: &str) -> Option<Verdict> {
        match word.trim().to_lowercase().as_str() {
            "confirmed" => Some(Verdict::Confirmed),
            "disputed" => Some(Verdict::Disputed),
            _ => None,
        }
    }
}

/// Who made an annotation. Tags made in this browser have no creator stored: they are
/// exported under the reader's own profile.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Creator {
    /// An IRI (`urn:uuid:…`, `acct:…`, `https://…`), if the creator has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `Person`, `Organization` or `Software`.
    pub kind: CreatorKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CreatorKind {
    Person,
    Organization,
    Software,
}

impl CreatorKind {
    pub fn name(self) -> &'static str {
        match self {
            CreatorKind::Person => "Person",
            CreatorKind::Organization => "Organization",
            CreatorKind::Software => "Software",
        }
    }

    pub fn from_name(name: &str) -> Option<CreatorKind> {
        match name {
            "Person" => Some(CreatorKind::Person),
            "Organization" => Some(CreatorKind::Organization),
            "Software" => Some(CreatorKind::Software),
            _ => None,
        }
    }
}

impl Creator {
    /// A creator known by nothing: neither an id nor a name (what a file that names no
    /// creator gives).
    pub fn is_unknown(&self) -> bool {
        self.id.is_none() && self.name.is_none()
    }

    /// What to call the creator in the page.
    pub fn display(&self) -> &str {
        self.name
            .as_deref()
            .or(self.id.as_deref())
            .unwrap_or("someone")
    }
}

/// A reader's judgement of one claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    pub verdict: Option<Verdict>,
    #[serde(default)]
    pub note: String,
    /// Milliseconds since the Unix epoch.
    pub modified: f64,
    /// When the tag was first made (ms since the Unix epoch); `None` in tags stored before
    /// this was recorded, which export their `modified` time instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<f64>,
    /// Who made it, for a tag that came from someone else's file; `None` for the reader's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<Creator>,
    /// Other readers' tags on the same claim, kept side by side with this one (each names
    /// its creator; at most one per reader).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub others: Vec<Tag>,
    /// For a tag read from a file: the id the annotation had there, written back as `via`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// For a tag read from a W3C file: the annotation's own properties (bodies, creators,
    /// dates, rights, generator, …) as the file wrote them, so that exporting it again
    /// gives them back unchanged; see [`Annotation::original`].
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub original: serde_json::Map<String, serde_json::Value>,
    /// Extension properties the file gave the annotation (see [`Annotation::extensions`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extensions: BTreeMap<String, serde_json::Value>,
}

impl Tag {
    /// A tag made here and now.
    pub fn new(verdict: Option<Verdict>, note: impl Into<String>, at: f64) -> Tag {
        Tag {
            verdict,
            note: note.into(),
            modified: at,
            created: Some(at),
            creator: None,
            others: Vec::new(),
            via: None,
            original: serde_json::Map::new(),
            extensions: BTreeMap::new(),
        }
    }

    /// Nothing at all on the claim: this tag says nothing and no other reader's does.
    pub fn is_blank(&self) -> bool {
        self.is_empty() && self.others.iter().all(Tag::is_empty)
    }

    /// Every reader's tag on the claim with what it says: this one (unless it is empty)
    /// and the others.
    pub fn all_readers(&self) -> impl Iterator<Item = &Tag> {
        std::iter::once(self)
            .filter(|t| !t.is_empty())
            .chain(self.others.iter().filter(|t| !t.is_empty()))
    }

    /// The tag of the reader `key` (see [`reader_key`]) on this claim, if any; `me` is the
    /// creator of tags that name none.
    pub fn of_reader(&self, key: &str, me: &Creator) -> Option<&Tag> {
        self.all_readers().find(|t| t.reader(me) == key)
    }

    /// Whose tag this is, as a key (see [`reader_key`]); `me` made the tags that name no
    /// creator. A tag read from a file that named no creator at all is its own unknown
    /// author's, told apart by the annotation it came from.
    pub fn reader(&self, me: &Creator) -> String {
        match &self.creator {
            Some(c) if c.is_unknown() => {
                short_hash(&format!("unknown:{}", self.via.as_deref().unwrap_or("")))
            }
            Some(c) => reader_key(c),
            None => reader_key(me),
        }
    }

    /// Put `tag` (by its creator; `me` for none) in its place: it replaces that reader's
    /// tag, or takes this claim's own place if that is empty, or joins the others.
    pub fn with_reader(mut self, tag: Tag, me: &Creator) -> Tag {
        let key = tag.reader(me);
        let mine = |t: &Tag| t.reader(me) == key;
        let mut tag = tag;
        tag.others.clear();
        if self.is_empty() || mine(&self) {
            let others = std::mem::take(&mut self.others);
            tag.others = others.into_iter().filter(|t| !mine(t)).collect();
            return tag;
        }
        self.others.retain(|t| !mine(t));
        self.others.push(tag);
        self
    }

    /// When the tag was first made; tags stored before that was recorded give their last
    /// change instead.
    pub fn first_made(&self) -> f64 {
        self.created.unwrap_or(self.modified)
    }

    /// A tag that says nothing: no verdict and no note.
    pub fn is_empty(&self) -> bool {
        self.verdict.is_none() && self.note.trim().is_empty()
    }

    /// Whether two tags say the same thing, whoever made them and whenever.
    pub fn says_same(&self, other: &Tag) -> bool {
        self.verdict == other.verdict && self.note.trim() == other.note.trim()
    }
}

/// The tags of one article, by claim id.
pub type ArticleTags = BTreeMap<String, Tag>;

/// The passage an annotation is about, as the W3C `TextQuoteSelector` gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

/// Where the passage was: code points, half-open (the W3C `TextPositionSelector`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub start: usize,
    pub end: usize,
}

/// The article an annotation is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The IRI the annotation's target names as its `source`.
    pub id: String,
    /// Lower-case hex SHA-256 of the exact text annotated, when the file records it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// A name for readers: the file name or the page title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// One annotation in its portable form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// An IRI that identifies the annotation.
    pub id: String,
    pub source: Source,
    pub quote: Quote,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    pub verdict: Option<Verdict>,
    #[serde(default)]
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<Creator>,
    /// Extension properties the file gave the annotation, by IRI or compact IRI
    /// (`skos:prefLabel`, `https://…#confidence`): kept so that an export gives them back.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extensions: BTreeMap<String, serde_json::Value>,
    /// The annotation's own W3C properties as a file wrote them (`motivation`, `body`,
    /// `bodyValue`, `creator`, `created`, `modified`, `generator`, `generated`, `rights`,
    /// `audience`, `canonical`, `via`, `stylesheet`), written back on export in place of
    /// newsmark's own rendering; empty for tags made in newsmark.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub original: serde_json::Map<String, serde_json::Value>,
    /// The id of the annotation this one was made from (another tool's, or a colleague's
    /// file), written as `via`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// Milliseconds since the Unix epoch.
    pub created: f64,
    pub modified: f64,
}

impl Annotation {
    /// Whether two annotations say the same about the same passage, however their files
    /// wrote it (an orphan exported and read back is the same orphan).
    pub fn same_as(&self, other: &Annotation) -> bool {
        self.id == other.id
            && self.source.id == other.source.id
            && self.quote == other.quote
            && self.verdict == other.verdict
            && self.note == other.note
    }

    /// The tag this annotation asks for.
    pub fn tag(&self) -> Tag {
        Tag {
            verdict: self.verdict,
            note: self.note.clone(),
            modified: self.modified,
            created: Some(self.created),
            creator: self.creator.clone(),
            others: Vec::new(),
            via: self.via.clone().or_else(|| Some(self.id.clone())),
            original: self.original.clone(),
            extensions: self.extensions.clone(),
        }
    }
}

/// How many code points of context a quote carries on each side: enough to tell repeats of
/// a short sentence apart, short enough to survive edits nearby (Hypothesis uses 32 too).
pub const CONTEXT_CHARS: usize = 32;

/// An article as the annotation code needs it.
#[derive(Debug, Clone, Copy)]
pub struct ArticleRef<'a> {
    pub file: &'a str,
    /// What to call the article in messages: its headline, or the file name.
    pub title: &'a str,
    pub text: &'a str,
    pub sha256: &'a str,
    pub claims: &'a [Claim],
}

/// The IRI newsmark gives an article: its content hash, so that two readers with the same
/// text name it the same way whatever they called the file.
pub fn source_iri(sha256: &str) -> String {
    format!("urn:sha256:{sha256}")
}

/// The content hash a `urn:sha256:` IRI names, if it is one.
pub fn sha_of_iri(iri: &str) -> Option<&str> {
    iri.strip_prefix("urn:sha256:").filter(|s| is_sha256_hex(s))
}

/// The IRI of one reader's annotation of one claim of one article. Derived, not random, so
/// that exporting the same tags twice gives the same document; the reader is part of it, so
/// two readers' tags on one claim stay two annotations when their files are merged.
pub fn annotation_iri(sha256: &str, claim: &str, reader: &Creator) -> String {
    annotation_iri_of_key(sha256, claim, &reader_key(reader))
}

/// [`annotation_iri`] for a reader's key (see [`Tag::reader`]).
fn annotation_iri_of_key(sha256: &str, claim: &str, key: &str) -> String {
    format!("urn:newsmark:annotation:{sha256}:{claim}:{key}")
}

/// A short, IRI-safe name for a creator: the UUID of a `urn:uuid:` id, else a hash of the
/// id (or of the name, for a creator with no id).
pub fn reader_key(reader: &Creator) -> String {
    if let Some(uuid) = reader
        .id
        .as_deref()
        .and_then(|id| id.strip_prefix("urn:uuid:"))
        .filter(|u| !u.is_empty() && u.chars().all(|c| c.is_ascii_hexdigit() || c == '-'))
    {
        return uuid.to_ascii_lowercase();
    }
    let basis = match (&reader.id, &reader.name) {
        (Some(id), _) => format!("id:{id}"),
        (None, Some(name)) => format!("name:{name}"),
        (None, None) => "anonymous".to_string(),
    };
    short_hash(&basis)
}

/// A reader key made from text: the first 16 hex digits of its SHA-256.
fn short_hash(basis: &str) -> String {
    crate::text::sha256_hex(basis.as_bytes())
        .get(..16)
        .unwrap_or("")
        .to_string()
}

/// The quote selector of a span of a text: the exact text and up to [`CONTEXT_CHARS`] code
/// points either side.
pub fn quote_of(text: &str, span: Span) -> Quote {
    let exact = span.slice(text).unwrap_or("").to_string();
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    let prefix_start = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let prefix = before.get(prefix_start..).unwrap_or("").to_string();
    let suffix: String = after.chars().take(CONTEXT_CHARS).collect();
    Quote {
        exact,
        prefix,
        suffix,
    }
}

/// The annotations of an article's tags, in the order of the claims. Tags whose claim is
/// not in the article are left out (they cannot be quoted). `me` is the reader, the creator
/// of the tags that name none.
pub fn annotations_of(
    article: ArticleRef<'_>,
    tags: &ArticleTags,
    me: &Creator,
) -> Vec<Annotation> {
    let offsets = Offsets::new(article.text);
    article
        .claims
        .iter()
        .flat_map(|claim| {
            tags.get(&claim.id)
                .into_iter()
                .flat_map(Tag::all_readers)
                .map(move |tag| (claim, tag))
        })
        .map(|(claim, tag)| {
            let chars = offsets.span_in_chars(claim.span);
            Annotation {
                id: annotation_iri_of_key(article.sha256, &claim.id, &tag.reader(me)),
                source: Source {
                    id: source_iri(article.sha256),
                    sha256: Some(article.sha256.to_string()),
                    label: Some(article.file.to_string()),
                },
                quote: quote_of(article.text, claim.span),
                position: Some(Position {
                    start: chars.start,
                    end: chars.end,
                }),
                verdict: tag.verdict,
                note: tag.note.trim().to_string(),
                creator: tag.creator.clone(),
                extensions: tag.extensions.clone(),
                original: tag.original.clone(),
                via: tag.via.clone(),
                created: tag.first_made(),
                modified: tag.modified,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_carry_context_in_code_points() {
        let text = "Café ünïcode prefix runs long enough here. The claim. Then more text after it follows on.";
        let start = text.find("The claim.").unwrap();
        let q = quote_of(text, Span::new(start, start + "The claim.".len()));
        assert_eq!(q.exact, "The claim.");
        assert_eq!(q.prefix.chars().count(), CONTEXT_CHARS);
        assert!(text.get(..start).unwrap().ends_with(&q.prefix));
        assert_eq!(q.suffix, " Then more text after it follows");
        let q0 = quote_of(text, Span::new(0, 5));
        assert_eq!((q0.exact.as_str(), q0.prefix.as_str()), ("Café", ""));
    }

    #[test]
    fn verdict_words() {
        assert_eq!(Verdict::from_word(" Disputed "), Some(Verdict::Disputed));
        assert_eq!(Verdict::from_word("maybe"), None);
        assert_eq!(
            sha_of_iri(&source_iri(&"a".repeat(64))),
            Some("a".repeat(64).as_str())
        );
        assert_eq!(sha_of_iri("urn:sha256:XYZ"), None);
    }

    #[test]
    fn annotation_ids_name_the_reader() {
        let person = |id: Option<&str>, name: Option<&str>| Creator {
            id: id.map(str::to_string),
            kind: CreatorKind::Person,
            name: name.map(str::to_string),
        };
        let sha = "a".repeat(64);
        let ana = person(
            Some("urn:uuid:0F8FAD5B-D9CB-469F-A165-70867728950E"),
            Some("Ana"),
        );
        let ben = person(Some("urn:uuid:7c9e6679-7425-40de-944b-e07fc1f90ae7"), None);
        assert_eq!(
            annotation_iri(&sha, "c1", &ana),
            format!("urn:newsmark:annotation:{sha}:c1:0f8fad5b-d9cb-469f-a165-70867728950e")
        );
        assert_ne!(
            annotation_iri(&sha, "c1", &ana),
            annotation_iri(&sha, "c1", &ben)
        );
        // Ids that are not UUIDs, names alone and nobody at all still give distinct keys.
        let acct = person(Some("acct:sam@hypothes.is"), None);
        let named = person(None, Some("Sam"));
        let nobody = person(None, None);
        let keys: std::collections::BTreeSet<String> = [&acct, &named, &nobody]
            .iter()
            .map(|c| reader_key(c))
            .collect();
        assert_eq!(keys.len(), 3);
        assert!(keys
            .iter()
            .all(|k| k.len() == 16 && k.chars().all(|c| c.is_ascii_hexdigit())));
        // A malformed uuid is hashed rather than copied into the IRI.
        assert_eq!(reader_key(&person(Some("urn:uuid:a b>"), None)).len(), 16);
    }
}
