//! W3C Web Annotation JSON-LD: writing newsmark's annotations as an `AnnotationCollection`,
//! and reading annotations back from any file that follows the model.
//!
//! The form written (one annotation per tagged claim):
//!
//! ```json
//! { "id": "urn:newsmark:annotation:<sha256>:<claim id>:<reader>", "type": "Annotation",
//!   "motivation": "oa:assessing",
//!   "body": [ { "type": "TextualBody", "purpose": "tagging", "value": "disputed" },
//!             { "type": "TextualBody", "purpose": "commenting", "value": "…", "format": "text/plain" } ],
//!   "target": { "source": { "id": "urn:sha256:<sha256>", "type": "Text", "format": "text/plain", "label": "bbc.txt" },
//!               "selector": [ { "type": "TextQuoteSelector", "exact": "…", "prefix": "…", "suffix": "…" },
//!                             { "type": "TextPositionSelector", "start": 120, "end": 181 } ] },
//!   "creator": { "id": "urn:uuid:…", "type": "Person", "name": "…" },
//!   "created": "2026-11-21T09:30:00.000Z", "modified": "2026-11-21T09:31:12.500Z" }
//! ```
//!
//! The source's IRI carries the content hash, so the file stays within the Web Annotation
//! context and needs no context of its own; `<reader>` is the creator's UUID (see
//! [`super::reader_key`]), so two readers' tags on one claim are two annotations. With texts
//! embedded, the first annotation of each article also carries the article's text as its
//! source's `value`; the other annotations name the same source by its `id`.
//!
//! Reading follows the vocabulary's rule that implementations MUST ignore what they do not
//! understand: unknown properties, selectors, body types and contexts next to `anno.jsonld`
//! are passed over (extension properties, with a colon or defined by an inline context,
//! are kept on the annotation). An annotation that is valid but cannot be placed on a
//! passage (a page note, a body that is only a link) is skipped with its reason while the
//! rest of the file imports. What the model defines must still have the type the model
//! gives it: a malformed value, a cut-off file or a text that does not match its hash stops
//! the import with a message that says which annotation, which property and what is wrong.

use super::json::{
    at, expect_obj, expect_str, kind, not_a_date, one_or_many, opt_str, read_position, read_quote,
    read_time, shorten, Document, EmbeddedText, ImportError, Loc,
};
use super::timestamps::{parse_rfc3339, to_rfc3339};
use super::{sha_of_iri, Annotation, Creator, CreatorKind, Position, Quote, Source, Verdict};
use crate::text::{sha256_hex, Offsets};
use serde_json::{json, Map, Value};

/// The JSON-LD context of the Web Annotation model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The motivation of a verdict, as a compact IRI: the copies of `anno.jsonld` that many
/// consumers bundle predate the term `assessing` (the W3C added it to the served context in
/// 2021) and would expand the bare word to a wrong IRI; `oa:assessing` is right under both.
pub const MOTIVATION: &str = "oa:assessing";

/// The label of an exported collection.
const LABEL: &str = "newsmark annotations";

/// The terms of the Web Annotation JSON-LD context (`anno.jsonld`) that may appear as
/// properties. Anything else must be an extension IRI (containing a colon).
const VOCABULARY: &[&str] = &[
    "@context",
    "id",
    "type",
    "motivation",
    "purpose",
    "body",
    "bodyValue",
    "target",
    "source",
    "selector",
    "state",
    "scope",
    "refinedBy",
    "startSelector",
    "endSelector",
    "renderedVia",
    "creator",
    "generator",
    "rights",
    "audience",
    "canonical",
    "via",
    "stylesheet",
    "homepage",
    "email",
    "email_sha1",
    "cached",
    "sourceDate",
    "sourceDateStart",
    "sourceDateEnd",
    "created",
    "modified",
    "generated",
    "value",
    "conformsTo",
    "format",
    "language",
    "processingLanguage",
    "textDirection",
    "exact",
    "prefix",
    "suffix",
    "start",
    "end",
    "name",
    "nickname",
    "label",
    "accessibility",
    "styleClass",
    "first",
    "last",
    "next",
    "prev",
    "partOf",
    "items",
    "startIndex",
    "total",
];

/// A property that JSON-LD also lets a file write as a keyword: `id` as `@id`, `type` as
/// `@type` (the context aliases them).
fn keyword<'v>(m: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    m.get(key).or_else(|| match key {
        "id" => m.get("@id"),
        "type" => m.get("@type"),
        _ => None,
    })
}

/// Whether a `type` value (one name or a list) includes `name`.
fn has_type(m: &Map<String, Value>, name: &str) -> bool {
    match keyword(m, "type") {
        Some(Value::String(s)) => s == name,
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str() == Some(name)),
        _ => false,
    }
}

/// The `type` names of an object, checked to be text.
fn types<'v>(m: &'v Map<String, Value>, loc: &Loc) -> Result<Vec<&'v str>, ImportError> {
    let Some(t) = keyword(m, "type") else {
        return Ok(Vec::new());
    };
    one_or_many(t)
        .into_iter()
        .map(|(i, v)| expect_str(v, &at(&loc.field("type"), i)))
        .collect()
}

/// Terms an inline context defines (`{"confidence": "https://…#confidence"}`), by term.
type Terms = std::collections::BTreeMap<String, String>;

/// The extension properties of an object, to keep: properties with a colon (an IRI or a
/// compact IRI such as `skos:prefLabel`) as written, and terms an inline context defines
/// under their IRI. Other unknown properties mean nothing in JSON-LD and are ignored.
fn extensions(m: &Map<String, Value>, terms: &Terms) -> std::collections::BTreeMap<String, Value> {
    m.iter()
        .filter(|(k, _)| !VOCABULARY.contains(&k.as_str()) && !k.starts_with('@'))
        .filter_map(|(k, v)| {
            let key = if k.contains(':') {
                k.clone()
            } else {
                terms.get(k)?.clone()
            };
            Some((key, v.clone()))
        })
        .collect()
}

fn is_anno_context(s: &str) -> bool {
    s == CONTEXT || s == "https://www.w3.org/ns/anno.jsonld"
}

/// Check that `anno.jsonld` is the context (or one of them, in any place), and return the
/// terms any inline context next to it defines.
fn read_context(m: &Map<String, Value>, loc: &Loc) -> Result<Terms, ImportError> {
    let mut terms = Terms::new();
    let ok = match m.get("@context") {
        Some(Value::String(s)) => is_anno_context(s),
        Some(Value::Array(a)) => {
            for c in a.iter().filter_map(Value::as_object) {
                for (term, def) in c {
                    let iri = match def {
                        Value::String(iri) => Some(iri.as_str()),
                        Value::Object(d) => d.get("@id").and_then(Value::as_str),
                        _ => None,
                    };
                    if let Some(iri) = iri.filter(|i| i.contains(':')) {
                        terms.insert(term.clone(), iri.to_string());
                    }
                }
            }
            a.iter().filter_map(Value::as_str).any(is_anno_context)
        }
        Some(other) => {
            return loc
                .field("@context")
                .fail(format!("expected {CONTEXT:?}, found {}", kind(other)))
        }
        None => {
            return loc.fail(format!(
                "the \"@context\" is missing; a Web Annotation file names {CONTEXT:?}"
            ))
        }
    };
    if ok {
        Ok(terms)
    } else {
        loc.field("@context")
            .fail(format!("expected {CONTEXT:?} among its values"))
    }
}

/// Read a W3C Web Annotation file: a collection, a page, one annotation or a list of them.
pub(crate) fn read(value: &Value) -> Result<Document, ImportError> {
    match value {
        Value::Object(m) => {
            let loc = Loc::new("the file");
            let terms = read_context(m, &loc)?;
            if has_type(m, "AnnotationCollection") {
                read_collection(m, &loc, terms)
            } else if has_type(m, "AnnotationPage") {
                let mut reader = Reader::with_terms(terms);
                reader.page(m, &loc, 0)?;
                reader.finish()
            } else if has_type(m, "Annotation") {
                let mut reader = Reader::with_terms(terms);
                reader.annotation(m, 1)?;
                reader.finish()
            } else {
                Err(ImportError::NotAnnotations(format!(
                    "its type is {}, not AnnotationCollection, AnnotationPage or Annotation",
                    m.get("type").map_or_else(|| "missing".to_string(), kind)
                )))
            }
        }
        Value::Array(items) => {
            let mut reader = Reader::default();
            for (i, item) in items.iter().enumerate() {
                let n = i + 1;
                let m = expect_obj(item, &Loc::new(format!("annotation {n}")))?;
                reader.terms = read_context(m, &Loc::new(format!("annotation {n}")))?;
                reader.annotation(m, n)?;
            }
            reader.finish()
        }
        other => Err(ImportError::NotAnnotations(format!(
            "the file holds {}, not an object or a list",
            kind(other)
        ))),
    }
}

fn read_collection(
    m: &Map<String, Value>,
    loc: &Loc,
    terms: Terms,
) -> Result<Document, ImportError> {
    let mut reader = Reader::with_terms(terms);
    if let Some(g) = m.get("generated") {
        let when = expect_str(g, &loc.field("generated"))?;
        reader.generated = Some(
            parse_rfc3339(when)
                .map_or_else(|| loc.field("generated").fail(not_a_date(when)), Ok)?,
        );
    }
    match m.get("first") {
        None => {}
        Some(Value::Object(page)) => reader.page(page, &loc.field("first"), 0)?,
        Some(Value::String(iri)) => {
            return loc.field("first").fail(format!(
            "the first page is only a link ({iri}); newsmark reads pages written out in the file"
        ))
        }
        Some(other) => {
            return loc
                .field("first")
                .fail(format!("expected an AnnotationPage, found {}", kind(other)))
        }
    }
    let doc = reader.finish()?;
    if let Some(total) = m.get("total") {
        let Some(n) = total.as_u64() else {
            return loc
                .field("total")
                .fail(format!("expected a whole number, found {}", kind(total)));
        };
        let read = doc.annotations.len() + doc.skipped.len();
        if u64::try_from(read).ok() != Some(n) {
            return loc.field("total").fail(format!("the collection says it has {n} annotations but the file holds {read}; it may be cut off"));
        }
    }
    Ok(doc)
}

/// What one target says before the texts of the whole file are known.
struct Pending {
    annotation: Annotation,
    quote: Option<Quote>,
    index: usize,
}

#[derive(Default)]
struct Reader {
    pending: Vec<Pending>,
    texts: Vec<EmbeddedText>,
    skipped: Vec<String>,
    ignored: Vec<String>,
    generated: Option<f64>,
    count: usize,
    /// Terms the file's inline contexts define.
    terms: Terms,
}

/// How many pages a collection may chain: far more than any real export, few enough that a
/// hostile chain cannot keep the page busy.
const MAX_PAGES: usize = 10_000;

impl Reader {
    fn with_terms(terms: Terms) -> Reader {
        Reader {
            terms,
            ..Reader::default()
        }
    }

    fn page(
        &mut self,
        page: &Map<String, Value>,
        loc: &Loc,
        depth: usize,
    ) -> Result<(), ImportError> {
        if !has_type(page, "AnnotationPage") {
            return loc.fail("expected an object of type AnnotationPage");
        }
        let Some(items) = page.get("items") else {
            return loc.fail("the page has no \"items\"");
        };
        let Some(items) = items.as_array() else {
            return loc.field("items").fail(format!(
                "expected a list of annotations, found {}",
                kind(items)
            ));
        };
        for item in items {
            self.count += 1;
            let n = self.count;
            let m = expect_obj(item, &Loc::new(format!("annotation {n}")))?;
            self.annotation(m, n)?;
        }
        match page.get("next") {
            None => Ok(()),
            Some(Value::Object(next)) if depth < MAX_PAGES => self.page(next, &loc.field("next"), depth + 1),
            Some(Value::Object(_)) => loc.field("next").fail(format!("more than {MAX_PAGES} pages")),
            Some(Value::String(iri)) => loc.field("next").fail(format!("the next page is only a link ({iri}); newsmark reads pages written out in the file")),
            Some(other) => loc.field("next").fail(format!("expected an AnnotationPage, found {}", kind(other))),
        }
    }

    fn annotation(&mut self, m: &Map<String, Value>, n: usize) -> Result<(), ImportError> {
        let base = Loc::new(format!("annotation {n}"));
        let id = match keyword(m, "id") {
            Some(v) => expect_str(v, &base.field("id"))?,
            None => return base.fail("it has no \"id\""),
        };
        let loc = Loc::new(format!("annotation {n} ({})", shorten(id)));
        if !id.contains(':') {
            return loc.field("id").fail(format!("{id:?} is not an IRI"));
        }
        if !types(m, &loc)?.contains(&"Annotation") {
            return loc.field("type").fail("expected \"Annotation\"");
        }
        if let Some(mv) = m.get("motivation") {
            for (i, v) in one_or_many(mv) {
                expect_str(v, &at(&loc.field("motivation"), i))?;
            }
        }

        let (verdict, note, unread) = read_bodies(m, &loc)?;
        let creator = match m.get("creator") {
            Some(c) => read_creator(c, &loc.field("creator"))?,
            None => None,
        };
        let created = read_time(m, "created", &loc)?;
        let modified = read_time(m, "modified", &loc)?;
        let Some(target) = m.get("target") else {
            return loc.fail("it has no \"target\"");
        };
        // Several targets: the first passage newsmark can place is the one tagged.
        let mut placeable = None;
        let mut why_not = Vec::new();
        let targets = one_or_many(target);
        let count = targets.len();
        for (k, (i, target)) in targets.into_iter().enumerate() {
            match self.target(target, &at(&loc.field("target"), i))? {
                Ok(found) => {
                    placeable = Some(found);
                    if k + 1 < count {
                        self.ignored.push(format!(
                            "annotation {n} ({}): {} more target(s) after the one placed",
                            shorten(id),
                            count - k - 1
                        ));
                    }
                    break;
                }
                Err(reason) => why_not.push(reason),
            }
        }
        let Some((source, quote, position)) = placeable else {
            let reason = why_not.join("; ");
            self.skipped
                .push(format!("annotation {n} ({}): {reason}", shorten(id)));
            return Ok(());
        };
        if verdict.is_none() && note.is_empty() {
            let why = if unread.is_empty() {
                "it has neither a verdict nor a note".to_string()
            } else {
                format!(
                    "it has neither a verdict nor a note that newsmark reads ({})",
                    unread.join("; ")
                )
            };
            self.skipped
                .push(format!("annotation {n} ({}): {why}", shorten(id)));
            return Ok(());
        }
        for part in &unread {
            self.ignored
                .push(format!("annotation {n} ({}): {part}", shorten(id)));
        }
        let fallback = self.generated.unwrap_or(0.0);
        let annotation = Annotation {
            id: id.to_string(),
            source,
            quote: quote.clone().unwrap_or(Quote {
                exact: String::new(),
                prefix: String::new(),
                suffix: String::new(),
            }),
            position,
            verdict,
            note,
            creator,
            extensions: extensions(m, &self.terms),
            original: original(m),
            via: None,
            created: created.or(modified).unwrap_or(fallback),
            modified: modified.or(created).unwrap_or(fallback),
        };
        self.pending.push(Pending {
            annotation,
            quote,
            index: n,
        });
        Ok(())
    }

    /// The passage a target names, or why there is none newsmark can place (`Ok(Err)`:
    /// the annotation is skipped); a malformed value refuses the file.
    fn target(&mut self, target: &Value, loc: &Loc) -> Result<Result<Placed, String>, ImportError> {
        let m = match target {
            Value::String(iri) => {
                return Ok(Err(format!(
                    "the target is only the article ({}), with no passage to place",
                    shorten(iri)
                )))
            }
            other => expect_obj(other, loc)?,
        };
        let Some(source) = m.get("source") else {
            // A whole resource (a web page, an image) or a set of them (Composite, List,
            // Independents, Choice): valid targets, with no passage of a text in them.
            let what = match (
                types(m, loc)?.first(),
                keyword(m, "id").and_then(Value::as_str),
            ) {
                (Some(t), _) if matches!(*t, "Composite" | "List" | "Independents" | "Choice") => {
                    format!("the target is a set of resources ({t}), not a passage of one text")
                }
                (_, Some(iri)) => format!(
                    "the target is a whole resource ({}), with no passage to place",
                    shorten(iri)
                ),
                _ => "the target names no source, so there is no passage to place".to_string(),
            };
            return Ok(Err(what));
        };
        // Files written by newsmark before the hash moved to the source IRI alone recorded it
        // as a state value "sha256:…"; other states (TimeState, HttpRequestState) say nothing
        // newsmark uses.
        let mut sha = None;
        if let Some(state) = m.get("state") {
            for (i, s) in one_or_many(state) {
                let sloc = at(&loc.field("state"), i);
                let Some(sm) = s.as_object() else { continue };
                if let Some(h) = sm
                    .get("value")
                    .and_then(Value::as_str)
                    .and_then(|v| v.strip_prefix("sha256:"))
                {
                    if !crate::text::is_sha256_hex(h) {
                        return sloc.field("value").fail(format!(
                            "{:?} is not a SHA-256 hash (64 lower-case hex digits)",
                            shorten(h)
                        ));
                    }
                    sha = Some(h.to_string());
                }
            }
        }
        let source = self.source(source, &loc.field("source"), sha)?;
        let Some(selector) = m.get("selector") else {
            return Ok(Err(
                "the target has no selector, so there is no passage to place".into(),
            ));
        };
        let mut found = Found::default();
        for (i, s) in one_or_many(selector) {
            read_selector(s, &at(&loc.field("selector"), i), false, &mut found)?;
        }
        if found.quote.is_none() && found.position.is_none() && found.relative {
            return Ok(Err(format!("the target's only position counts inside a region ({}) of another format, not in the text", found.unread.join(", "))));
        }
        if found.quote.is_none() && found.position.is_none() {
            let unread = if found.unread.is_empty() {
                String::new()
            } else {
                format!(" (only {})", found.unread.join(", "))
            };
            return Ok(Err(format!("the target has no selector of the text newsmark can read{unread}, so there is no passage to place")));
        }
        Ok(Ok((source, found.quote, found.position)))
    }

    fn source(&mut self, v: &Value, loc: &Loc, sha: Option<String>) -> Result<Source, ImportError> {
        match v {
            Value::String(iri) => {
                let sha = sha.or_else(|| sha_of_iri(iri).map(str::to_string));
                Ok(Source {
                    id: iri.clone(),
                    sha256: sha,
                    label: None,
                })
            }
            Value::Object(m) => {
                let id = match keyword(m, "id") {
                    Some(v) => expect_str(v, &loc.field("id"))?.to_string(),
                    None => return loc.fail("the source has no \"id\""),
                };
                let label = opt_str(m, "label", loc)?.map(str::to_string);
                let named = sha.or_else(|| sha_of_iri(&id).map(str::to_string));
                let sha = match opt_str(m, "value", loc)? {
                    Some(text) => {
                        let actual = sha256_hex(text.as_bytes());
                        if let Some(named) = named.as_ref().filter(|n| **n != actual) {
                            return loc.field("value").fail(format!("the embedded text does not match the hash the annotation names (sha256:{named})"));
                        }
                        if !self.texts.iter().any(|t| t.sha256 == actual) {
                            self.texts.push(EmbeddedText {
                                sha256: actual.clone(),
                                label: label.clone(),
                                text: text.to_string(),
                            });
                        }
                        Some(actual)
                    }
                    None => named,
                };
                Ok(Source {
                    id,
                    sha256: sha,
                    label,
                })
            }
            other => loc.fail(format!(
                "expected the article's IRI or an object, found {}",
                kind(other)
            )),
        }
    }

    /// Check what needs the whole file (positions against embedded texts), fill in quotes
    /// given only by position, and return the document.
    fn finish(self) -> Result<Document, ImportError> {
        let mut annotations = Vec::with_capacity(self.pending.len());
        let mut seen = std::collections::HashSet::new();
        for p in self.pending {
            let loc = Loc::new(format!(
                "annotation {} ({})",
                p.index,
                shorten(&p.annotation.id)
            ));
            if !seen.insert(p.annotation.id.clone()) {
                return loc
                    .field("id")
                    .fail("another annotation in the file has the same id");
            }
            let text = p
                .annotation
                .source
                .sha256
                .as_ref()
                .and_then(|sha| self.texts.iter().find(|t| &t.sha256 == sha));
            let mut a = p.annotation;
            if let (Some(pos), Some(t)) = (a.position, text) {
                let offsets = Offsets::new(&t.text);
                let len = offsets.char_len();
                if pos.end > len {
                    return loc.fail(format!("TextPositionSelector end {} is past the end of the article ({len} characters)", pos.end));
                }
                if p.quote.is_none() {
                    let span = offsets.span_in_bytes(crate::text::Span::new(pos.start, pos.end));
                    a.quote = span.map(|s| super::quote_of(&t.text, s)).unwrap_or(a.quote);
                }
            }
            // A passage given only by position and not in the file's texts is read from the
            // open article it names when the import is planned, or skipped there.
            annotations.push(a);
        }
        Ok(Document {
            annotations,
            texts: self.texts,
            skipped: self.skipped,
            ignored: self.ignored,
            format: "W3C Web Annotation",
        })
    }
}

/// A target's article and passage.
type Placed = (Source, Option<Quote>, Option<Position>);

/// What the selectors of one target give.
#[derive(Default)]
struct Found {
    quote: Option<Quote>,
    position: Option<Position>,
    /// The selector types passed over, for the reason when nothing usable is left.
    unread: Vec<String>,
    /// A position inside a refined region was passed over.
    relative: bool,
}

/// Read one selector: a `TextQuoteSelector`, a `TextPositionSelector`, a `FragmentSelector`
/// with an RFC 5147 `char=` range, or any other selector whose `refinedBy` holds one of
/// those. Inside a refined selector positions count from the start of the region, not of
/// the text, so only quotes are taken there (`inside`). Other selector types are ignored.
fn read_selector(
    s: &Value,
    sloc: &Loc,
    inside: bool,
    found: &mut Found,
) -> Result<(), ImportError> {
    let Some(sm) = s.as_object() else {
        found.unread.push(kind(s));
        return Ok(());
    };
    let t = types(sm, sloc)?;
    if t.contains(&"TextQuoteSelector") {
        let q = read_quote(sm, sloc)?;
        if q.exact.trim().is_empty() {
            return sloc.field("exact").fail("the quoted passage is empty");
        }
        found.quote = Some(q);
    } else if t.contains(&"TextPositionSelector") {
        let p = read_position(sm, sloc)?;
        if inside {
            found.relative = true;
        } else {
            found.position = Some(p);
        }
    } else if let Some(p) = t
        .contains(&"FragmentSelector")
        .then(|| char_fragment(sm))
        .flatten()
    {
        if !inside {
            found.position = Some(p);
        }
    } else {
        found.unread.push(t.first().map_or_else(
            || "a selector with no type".to_string(),
            |t| (*t).to_string(),
        ));
    }
    if let Some(refined) = sm.get("refinedBy") {
        for (i, r) in one_or_many(refined) {
            read_selector(r, &at(&sloc.field("refinedBy"), i), true, found)?;
        }
    }
    Ok(())
}

/// The range of a `FragmentSelector` for plain text (RFC 5147, `char=10,42`), if it is one.
fn char_fragment(sm: &Map<String, Value>) -> Option<Position> {
    let value = sm.get("value")?.as_str()?;
    let conforms = sm.get("conformsTo").and_then(Value::as_str).unwrap_or("");
    if !conforms.is_empty() && !conforms.contains("rfc5147") {
        return None;
    }
    // "char=10,42" possibly followed by ";length=…" or integrity checks.
    let range = value.strip_prefix("char=")?.split(';').next()?;
    let (a, b) = range.split_once(',')?;
    let (start, end) = (
        a.trim().parse::<usize>().ok()?,
        b.trim().parse::<usize>().ok()?,
    );
    (start < end).then_some(Position { start, end })
}

/// The verdict and note the bodies give, and the bodies passed over (links to bodies
/// elsewhere, bodies of other types). Tags that are not verdicts are kept in the note.
fn read_bodies(
    m: &Map<String, Value>,
    loc: &Loc,
) -> Result<(Option<Verdict>, String, Vec<String>), ImportError> {
    let mut unread = Vec::new();
    let mut links: Vec<String> = Vec::new();
    let mut verdict: Option<Verdict> = None;
    let mut notes: Vec<String> = Vec::new();
    let mut other_tags: Vec<String> = Vec::new();
    if let Some(v) = m.get("bodyValue") {
        notes.push(expect_str(v, &loc.field("bodyValue"))?.trim().to_string());
    }
    if let Some(body) = m.get("body") {
        for (i, b) in one_or_many(body) {
            let bloc = at(&loc.field("body"), i);
            let bm = match b {
                Value::String(iri) => {
                    unread.push(format!("a body that is only a link, {}", shorten(iri)));
                    links.push(iri.clone());
                    continue;
                }
                other => expect_obj(other, &bloc)?,
            };
            let t = types(bm, &bloc)?;
            // A Specific Resource whose source is a textual body: the source's text with
            // the Specific Resource's purpose.
            let specific_text = t
                .contains(&"SpecificResource")
                .then(|| bm.get("source").and_then(Value::as_object))
                .flatten()
                .filter(|src| src.get("value").is_some());
            let purpose_of_specific = specific_text.and(bm.get("purpose"));
            let bm = specific_text.unwrap_or(bm);
            let t = if specific_text.is_some() {
                types(bm, &bloc)?
            } else {
                t
            };
            let textual = t.contains(&"TextualBody") || specific_text.is_some();
            if !textual && (!t.is_empty() || bm.get("value").is_none()) {
                // A resource described by its id and type (a Video, a web page): valid, and
                // nothing newsmark can show as a verdict or a note.
                unread.push(match t.first() {
                    Some(t) => format!("a body of type {t}"),
                    None => "a body with no text".to_string(),
                });
                if let Some(iri) = keyword(bm, "id").and_then(Value::as_str) {
                    links.push(iri.to_string());
                }
                continue;
            }
            let value = match bm.get("value") {
                Some(v) => expect_str(v, &bloc.field("value"))?,
                None => return bloc.fail("the body has no \"value\""),
            };
            let purposes: Vec<&str> = match purpose_of_specific.or_else(|| bm.get("purpose")) {
                Some(p) => one_or_many(p)
                    .into_iter()
                    .map(|(i, v)| expect_str(v, &at(&bloc.field("purpose"), i)))
                    .collect::<Result<_, _>>()?,
                None => Vec::new(),
            };
            let tagging = purposes
                .iter()
                .any(|p| matches!(oa_term(p), "tagging" | "assessing" | "classifying"));
            match (tagging, Verdict::from_word(value)) {
                (true, Some(v)) => {
                    if verdict.is_some_and(|old| old != v) {
                        return bloc.fail("the annotation says both confirmed and disputed");
                    }
                    verdict = Some(v);
                }
                (true, None) if purposes.iter().any(|p| oa_term(p) == "tagging") => {
                    other_tags.push(value.trim().to_string())
                }
                _ => notes.push(value.trim().to_string()),
            }
        }
    }
    notes.retain(|n| !n.is_empty());
    other_tags.retain(|t| !t.is_empty());
    if !other_tags.is_empty() {
        notes.push(format!("Tags: {}", other_tags.join(", ")));
    }
    // An annotation whose only bodies are links (a comment kept on another page) keeps them
    // in its note rather than being lost; next to a verdict or a note they are passed over.
    if verdict.is_none() && notes.is_empty() && !links.is_empty() {
        notes.push(format!("Linked: {}", links.join(", ")));
        unread.clear();
    }
    Ok((verdict, notes.join("\n\n"), unread))
}

/// An agent class without its namespace: "foaf:Person" and "schema:Person" are "Person".
fn oa_agent(t: &str) -> &str {
    t.rsplit([':', '#', '/']).next().unwrap_or(t)
}

/// A motivation or purpose without its namespace: "oa:assessing" and
/// "http://www.w3.org/ns/oa#assessing" are "assessing".
fn oa_term(s: &str) -> &str {
    s.strip_prefix("oa:")
        .or_else(|| s.strip_prefix("http://www.w3.org/ns/oa#"))
        .unwrap_or(s)
}

/// The creator of an annotation: the first, when several are named.
fn read_creator(v: &Value, loc: &Loc) -> Result<Option<Creator>, ImportError> {
    let items = one_or_many(v);
    let Some((i, v)) = items.first() else {
        return Ok(None);
    };
    let loc = at(loc, *i);
    read_agent(v, &loc).map(Some)
}

fn read_agent(v: &Value, loc: &Loc) -> Result<Creator, ImportError> {
    match v {
        Value::String(iri) => Ok(Creator {
            id: Some(iri.clone()),
            kind: CreatorKind::Person,
            name: None,
        }),
        other => {
            let m = expect_obj(other, loc)?;
            // The model's agent classes; another class (the model only says SHOULD) is
            // read as a person's, the commonest kind of creator.
            let kind = types(m, loc)?
                .iter()
                .find_map(|t| CreatorKind::from_name(oa_agent(t)))
                .unwrap_or(CreatorKind::Person);
            let id = keyword(m, "id")
                .map(|v| expect_str(v, &loc.field("id")))
                .transpose()?
                .map(str::to_string);
            let name = match opt_str(m, "name", loc)? {
                Some(n) => Some(n.to_string()),
                None => opt_str(m, "nickname", loc)?.map(str::to_string),
            };
            Ok(Creator { id, kind, name })
        }
    }
}

/// The properties of an annotation that an export writes back as the file had them.
const KEPT: &[&str] = &[
    "motivation",
    "body",
    "bodyValue",
    "creator",
    "created",
    "modified",
    "generator",
    "generated",
    "rights",
    "audience",
    "canonical",
    "via",
    "stylesheet",
];

/// An annotation's own properties (see [`Annotation::original`]), with the motivations and
/// purposes that older copies of the context lack written as compact IRIs, and a textual
/// body that has both an IRI and a purpose written as the model's Specific Resource with
/// that purpose (the W3C test suite takes any body with an id for an External Web
/// Resource, which must not have a purpose).
fn original(m: &Map<String, Value>) -> Map<String, Value> {
    let mut out: Map<String, Value> = KEPT
        .iter()
        .filter_map(|k| Some((k.to_string(), m.get(*k)?.clone())))
        .collect();
    let compact = |v: &mut Value| match v {
        Value::String(s) if s == "assessing" => *v = json!(MOTIVATION),
        Value::Array(items) => {
            for i in items.iter_mut().filter(|i| i.as_str() == Some("assessing")) {
                *i = json!(MOTIVATION);
            }
        }
        _ => {}
    };
    if let Some(mv) = out.get_mut("motivation") {
        compact(mv);
    }
    if let Some(body) = out.get_mut("body") {
        let bodies: Vec<&mut Value> = match body {
            Value::Array(items) => items.iter_mut().collect(),
            one => vec![one],
        };
        for b in bodies {
            if let Some(p) = b.get_mut("purpose") {
                compact(p);
            }
            let identified_text =
                b.get("id").is_some() && b.get("value").is_some() && b.get("source").is_none();
            if identified_text {
                if let Some(bm) = b.as_object_mut() {
                    if let Some(purpose) = bm.remove("purpose") {
                        let inner = Value::Object(std::mem::take(bm));
                        bm.insert("type".into(), json!("SpecificResource"));
                        bm.insert("purpose".into(), purpose);
                        bm.insert("source".into(), inner);
                    }
                }
            }
        }
    }
    out
}

/// What an export contains and who it is from.
#[derive(Debug, Clone)]
pub struct ExportOptions<'a> {
    /// The reader: the creator of the tags made in this browser.
    pub me: &'a Creator,
    /// When the export is made (ms since the Unix epoch).
    pub generated: f64,
    /// Whether to carry each annotated article's text.
    pub embed_texts: bool,
}

fn creator_json(c: &Creator) -> Value {
    let mut m = Map::new();
    if let Some(id) = &c.id {
        m.insert("id".into(), json!(id));
    }
    m.insert("type".into(), json!(c.kind.name()));
    if let Some(name) = &c.name {
        m.insert("name".into(), json!(name));
    }
    Value::Object(m)
}

/// A property's values as JSON-LD compaction writes them: one value on its own, several as
/// a list, so that expanding and compacting an export gives it back unchanged.
fn compact_list(mut values: Vec<Value>) -> Value {
    if values.len() == 1 {
        values.pop().unwrap_or(Value::Null)
    } else {
        Value::Array(values)
    }
}

/// One annotation in the W3C form; `text` embeds the article's text in its source.
///
/// Read from a file, it keeps the properties the file gave it (bodies, creators, dates,
/// rights, …); made here, it gets newsmark's own. Either way the target is newsmark's, the
/// id it had elsewhere is written as `via`, and its extension properties go back out.
pub fn annotation_json(a: &Annotation, me: &Creator, text: Option<&str>) -> Value {
    let mut m = if a.original.is_empty() {
        own_properties(a, me)
    } else {
        a.original.clone()
    };
    m.insert("id".into(), json!(a.id));
    m.insert("type".into(), json!("Annotation"));
    m.insert("target".into(), target_json(a, text));
    if let Some(via) = a.via.as_ref().filter(|v| **v != a.id) {
        // The id it had, then any `via` its file already gave.
        let earlier = match m.remove("via") {
            Some(Value::Array(items)) => items,
            Some(one) => vec![one],
            None => Vec::new(),
        };
        let mut all = vec![json!(via)];
        all.extend(
            earlier
                .into_iter()
                .filter(|e| e.as_str() != Some(via.as_str())),
        );
        m.insert("via".into(), compact_list(all));
    }
    for (k, v) in &a.extensions {
        m.insert(k.clone(), v.clone());
    }
    Value::Object(m)
}

/// newsmark's own rendering of a tag: the verdict and note as bodies, its dates, its creator.
fn own_properties(a: &Annotation, me: &Creator) -> Map<String, Value> {
    let mut body = Vec::new();
    if let Some(v) = a.verdict {
        body.push(json!({ "type": "TextualBody", "purpose": "tagging", "value": v.name() }));
    }
    if !a.note.is_empty() {
        body.push(json!({ "type": "TextualBody", "purpose": "commenting", "value": a.note, "format": "text/plain" }));
    }
    let mut m = Map::new();
    m.insert("motivation".into(), json!(MOTIVATION));
    m.insert("body".into(), compact_list(body));
    // A tag made here always has its times; 0 marks one whose file gave none (a Hypothesis
    // row without dates), which is written without dates, not as 1970.
    if a.created > 0.0 || a.modified > 0.0 {
        m.insert("created".into(), json!(to_rfc3339(a.created)));
        m.insert("modified".into(), json!(to_rfc3339(a.modified)));
    }
    // A tag whose file named no creator is written without one, not credited to anyone.
    let creator = a.creator.as_ref().unwrap_or(me);
    if !creator.is_unknown() {
        m.insert("creator".into(), creator_json(creator));
    }
    m
}

/// The target as newsmark places it: the article by its hash, the claim by quote and
/// position; `text` embeds the article's text.
fn target_json(a: &Annotation, text: Option<&str>) -> Value {
    let mut source = Map::new();
    source.insert("id".into(), json!(a.source.id));
    source.insert("type".into(), json!("Text"));
    source.insert("format".into(), json!("text/plain"));
    if let Some(label) = &a.source.label {
        source.insert("label".into(), json!(label));
    }
    if let Some(text) = text {
        source.insert("value".into(), json!(text));
    }
    let mut selector = vec![
        json!({ "type": "TextQuoteSelector", "exact": a.quote.exact, "prefix": a.quote.prefix, "suffix": a.quote.suffix }),
    ];
    if let Some(p) = a.position {
        selector.push(json!({ "type": "TextPositionSelector", "start": p.start, "end": p.end }));
    }
    json!({ "source": source, "selector": compact_list(selector) })
}

/// The collection of annotations, in order. `texts` maps a content hash to the article
/// text to embed (used only with `embed_texts`).
pub fn export(
    annotations: &[Annotation],
    texts: &dyn Fn(&str) -> Option<String>,
    options: &ExportOptions<'_>,
) -> Value {
    let mut embedded = std::collections::HashSet::new();
    let items: Vec<Value> = annotations
        .iter()
        .map(|a| {
            let text = match (&a.source.sha256, options.embed_texts) {
                (Some(sha), true) if embedded.insert(sha.clone()) => texts(sha),
                _ => None,
            };
            annotation_json(a, options.me, text.as_deref())
        })
        .collect();
    // The id is derived from the annotations, so that the same tags export the same way.
    let mut ids = String::new();
    for a in annotations {
        ids.push_str(&a.id);
        ids.push('\n');
    }
    let id = format!(
        "urn:newsmark:export:{}",
        sha256_hex(ids.as_bytes()).get(..32).unwrap_or("")
    );
    let mut doc = json!({
        "@context": CONTEXT,
        "id": id,
        "type": "AnnotationCollection",
        "label": LABEL,
        "total": items.len(),
        "generator": { "type": "Software", "name": concat!("newsmark ", env!("CARGO_PKG_VERSION")) },
        "generated": to_rfc3339(options.generated),
    });
    // A page holds one or more annotations: an empty collection has none.
    if !items.is_empty() {
        let page = format!("{id}#page-1");
        if let Some(m) = doc.as_object_mut() {
            m.insert("last".into(), json!(page));
            m.insert(
                "first".into(),
                json!({
                    "id": page,
                    "type": "AnnotationPage",
                    "partOf": { "id": id, "label": LABEL, "total": items.len() },
                    "startIndex": 0,
                    "items": items,
                }),
            );
        }
    }
    doc
}
