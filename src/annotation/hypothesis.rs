//! Hypothesis's JSON: the client's export (`{"annotations": […]}`) and the API's search
//! result (`{"rows": […]}`). Each annotation has `uri`, `text` (the note), `tags` and
//! `target: [{source, selector: [TextQuoteSelector, TextPositionSelector, …]}]`.
//!
//! A tag "confirmed" or "disputed" (any letter case) becomes the verdict; other tags are
//! kept in the note. Replies and page notes are not about a passage and are listed as
//! skipped. Hypothesis files carry many fields newsmark has no use for (permissions,
//! links, moderation flags); they are ignored, but the fields that are read must have the
//! right type. Hypothesis counts positions in UTF-16 units of the rendered page, so its
//! `TextPositionSelector` is only a hint: the quote decides.

use super::json::{
    expect_obj, expect_str, kind, one_or_many, opt_str, read_position, read_quote, read_time,
    Document, ImportError, Loc,
};
use super::{Annotation, Creator, CreatorKind, Source, Verdict};
use serde_json::{Map, Value};

/// A Hypothesis export or search result.
pub fn parse(m: &Map<String, Value>) -> Result<Document, ImportError> {
    let loc = Loc::new("the file");
    let key = if m.contains_key("annotations") {
        "annotations"
    } else {
        "rows"
    };
    let Some(items) = m.get(key).and_then(Value::as_array) else {
        return loc.field(key).fail(format!(
            "expected a list of annotations, found {}",
            m.get(key).map_or_else(|| "nothing".into(), kind)
        ));
    };
    let exporter = opt_str(m, "export_userid", &loc)?;
    parse_rows(items, exporter)
}

/// A list of Hypothesis annotations.
pub fn parse_rows(items: &[Value], exporter: Option<&str>) -> Result<Document, ImportError> {
    let mut doc = Document {
        format: "Hypothesis",
        ..Document::default()
    };
    let mut seen = std::collections::HashSet::new();
    for (i, item) in items.iter().enumerate() {
        let n = i + 1;
        let base = Loc::new(format!("annotation {n}"));
        let m = expect_obj(item, &base)?;
        let id = match m.get("id") {
            Some(v) => expect_str(v, &base.field("id"))?,
            None => return base.fail("it has no \"id\""),
        };
        let loc = Loc::new(format!("annotation {n} ({id})"));
        if !seen.insert(id.to_string()) {
            return loc
                .field("id")
                .fail("another annotation in the file has the same id");
        }
        if let Some(refs) = m.get("references") {
            let Some(refs) = refs.as_array() else {
                return loc
                    .field("references")
                    .fail(format!("expected a list, found {}", kind(refs)));
            };
            if !refs.is_empty() {
                doc.skipped.push(format!("annotation {n} is a reply"));
                continue;
            }
        }
        if let Some(a) = annotation(m, id, &loc, exporter)? {
            doc.annotations.push(a);
        } else {
            doc.skipped.push(format!(
                "annotation {n} is a page note, not about a passage"
            ));
        }
    }
    Ok(doc)
}

fn annotation(
    m: &Map<String, Value>,
    id: &str,
    loc: &Loc,
    exporter: Option<&str>,
) -> Result<Option<Annotation>, ImportError> {
    let uri = opt_str(m, "uri", loc)?;
    let note = opt_str(m, "text", loc)?.unwrap_or("").trim().to_string();
    let mut verdict = None;
    let mut others = Vec::new();
    if let Some(tags) = m.get("tags") {
        let Some(tags) = tags.as_array() else {
            return loc
                .field("tags")
                .fail(format!("expected a list of tags, found {}", kind(tags)));
        };
        for (i, t) in tags.iter().enumerate() {
            let word = expect_str(t, &loc.field("tags").index(i))?;
            match Verdict::from_word(word) {
                Some(v) if verdict.is_some_and(|old| old != v) => {
                    return loc
                        .field("tags")
                        .fail("the annotation is tagged both confirmed and disputed")
                }
                Some(v) => verdict = Some(v),
                None if !word.trim().is_empty() => others.push(word.trim().to_string()),
                None => {}
            }
        }
    }
    let note = match (note.is_empty(), others.is_empty()) {
        (_, true) => note,
        (true, false) => format!("Tags: {}", others.join(", ")),
        (false, false) => format!("{note}\n\nTags: {}", others.join(", ")),
    };
    let Some(target) = m.get("target") else {
        return loc.fail("it has no \"target\"");
    };
    let targets = one_or_many(target);
    let mut quote = None;
    let mut position = None;
    let mut source_iri = uri.map(str::to_string);
    for (i, t) in targets {
        let tloc = i.map_or_else(|| loc.field("target"), |i| loc.field("target").index(i));
        let tm = expect_obj(t, &tloc)?;
        if let Some(s) = opt_str(tm, "source", &tloc)? {
            source_iri = Some(s.to_string());
        }
        let Some(selectors) = tm.get("selector") else {
            continue;
        };
        for (j, s) in one_or_many(selectors) {
            let sloc = j.map_or_else(
                || tloc.field("selector"),
                |j| tloc.field("selector").index(j),
            );
            let sm = expect_obj(s, &sloc)?;
            match opt_str(sm, "type", &sloc)? {
                Some("TextQuoteSelector") => {
                    let q = read_quote(sm, &sloc)?;
                    if !q.exact.trim().is_empty() {
                        quote = Some(q);
                    }
                }
                Some("TextPositionSelector") => position = Some(read_position(sm, &sloc)?),
                _ => {}
            }
        }
    }
    let Some(quote) = quote else { return Ok(None) };
    if verdict.is_none() && note.is_empty() {
        return Ok(None);
    }
    let (created, updated) = (read_time(m, "created", loc)?, read_time(m, "updated", loc)?);
    let user = opt_str(m, "user", loc)?.or(exporter);
    let display = match m.get("user_info") {
        // Hypothesis writes `"display_name": null` for users who never set one.
        Some(Value::Object(info)) if info.get("display_name").is_some_and(Value::is_null) => None,
        Some(Value::Object(info)) => opt_str(info, "display_name", &loc.field("user_info"))?,
        _ => None,
    };
    let name = display.map(str::to_string).or_else(|| {
        user.map(|u| {
            u.trim_start_matches("acct:")
                .split('@')
                .next()
                .unwrap_or(u)
                .to_string()
        })
    });
    let label = match m.get("document").and_then(|d| d.get("title")) {
        Some(Value::Array(titles)) => titles.first().and_then(Value::as_str).map(str::to_string),
        Some(Value::String(t)) => Some(t.clone()),
        _ => None,
    };
    let iri = if id.contains(':') {
        id.to_string()
    } else {
        format!("https://hypothes.is/a/{id}")
    };
    Ok(Some(Annotation {
        id: iri,
        source: Source {
            id: source_iri.unwrap_or_else(|| "urn:newsmark:unknown-source".into()),
            sha256: None,
            label,
        },
        quote,
        position,
        verdict,
        note,
        creator: user.map(|u| Creator {
            id: Some(u.to_string()),
            kind: CreatorKind::Person,
            name,
        }),
        extensions: Default::default(),
        original: Default::default(),
        via: None,
        created: created.or(updated).unwrap_or(0.0),
        modified: updated.or(created).unwrap_or(0.0),
    }))
}
