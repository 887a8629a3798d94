//! Named entities: people, organisations, places, and OTHER (nationalities, events).
//!
//! Names are found and typed by the learned tagger of [`super::ner`]; this module then
//! looks at the whole article set, as a reader does (non-local features in the sense of
//! Ratinov & Roth 2009):
//! 1. **Full names and surnames.** A person's later mentions by surname alone ("Ushakov"
//!    after "Yuri Ushakov") are that person, even where the surname alone looks like a town.
//! 2. **One type per name.** Every mention of the same name takes the type its mentions
//!    agree on, weighted by how sure the tagger was of each.
//! 3. **Canonical names.** Places take their gazetteer name ("U.S." → "United States");
//!    surnames their full name.

use super::lexicon::{demonym, is_first_name, place, PlaceKind, SPEECH_VERBS, TITLES};
use super::ner::model::{Model, LABELS};
use super::ner::{self, label_type, type_label, BlockInfo};
use super::tokens::ArticleTokens;
use crate::text::Span;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Org,
    Place,
    Other,
}

impl EntityType {
    /// The type as exports and the page's `data-entity-type` write it.
    pub fn code(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Place => "PLACE",
            EntityType::Other => "OTHER",
        }
    }

    /// The type in words, for readers.
    pub fn label(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Org => "organisation",
            EntityType::Place => "place",
            EntityType::Other => "other",
        }
    }
}

/// One mention of a named entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Byte span of the name as written, without titles or a possessive "’s".
    pub span: Span,
    pub kind: EntityType,
    /// The name that unifies this entity's spellings within the article set.
    pub canonical: String,
}

/// Recognise the entities of every article of a set with `model`. `tokens[i]` holds the
/// content blocks of article `i`, `info[i]` what the tagger needs to know of each block.
pub fn recognize_set<'t>(
    model: &Model,
    texts: &[&'t str],
    tokens: &[ArticleTokens<'t>],
    info: &[Vec<BlockInfo>],
) -> Vec<Vec<Entity>> {
    let tagged = ner::tag_set(model, texts, tokens, info);
    let mut mentions: Vec<Mention<'t>> = tagged
        .iter()
        .filter_map(|t| {
            let block = tokens.get(t.article)?.block(t.block)?;
            let toks = block.get(t.a..t.b)?;
            let (first, last) = (toks.first()?, toks.last()?);
            let text = texts.get(t.article)?;
            let span = Span::new(first.span.start, last.span.end);
            Some(Mention {
                article: t.article,
                span,
                text: span.slice(text)?,
                last_word: last.text,
                words: toks.len(),
                kind: t.kind,
                scores: t.scores,
                canonical: None,
                parts: toks.iter().map(|t| (t.span, t.text)).collect(),
                after_article: after_article(text, span),
                speaks: speaks(text, span),
            })
        })
        .collect();
    for m in mentions.iter_mut() {
        strip_titles(m);
    }
    split_run_together(&mut mentions);
    for m in mentions.iter_mut() {
        // Nationality and regional adjectives ("Ukrainian", "European") name no place or
        // group of their own: OTHER, as in GUM and CoNLL (MISC).
        if m.words == 1 && demonym(m.text).is_some() {
            m.kind = EntityType::Other;
            m.scores = [0; LABELS];
            if let Some(o) = m.scores.get_mut(usize::from(type_label(EntityType::Other))) {
                *o = SURE_VOTE as i32;
            }
        }
    }
    link_surnames(&mut mentions);
    vote(&mut mentions);
    let mut out: Vec<Vec<Entity>> = vec![Vec::new(); texts.len()];
    for m in mentions {
        let canonical = m.canonical.unwrap_or_else(|| match m.kind {
            EntityType::Place => listed_place(m.text)
                .map_or(m.text, |p| p.canonical)
                .to_string(),
            _ => m.text.to_string(),
        });
        if let Some(list) = out.get_mut(m.article) {
            list.push(Entity {
                span: m.span,
                kind: m.kind,
                canonical,
            });
        }
    }
    for list in &mut out {
        list.sort_by_key(|e| e.span);
        list.dedup_by_key(|e| e.span);
    }
    out
}

/// The gazetteer's place of this name. A city's alternate names are other-language names
/// of one word ("Kiev"); a phrase that matches one ("White House", a name of Casablanca)
/// is something else.
fn listed_place(name: &str) -> Option<super::lexicon::Place> {
    place(name).filter(|p| p.kind != PlaceKind::City || !name.contains(' '))
}

/// One name as the tagger found it, while the set-level passes work on it.
#[derive(Debug, Clone)]
struct Mention<'t> {
    article: usize,
    span: Span,
    text: &'t str,
    last_word: &'t str,
    words: usize,
    kind: EntityType,
    scores: [i32; LABELS],
    canonical: Option<String>,
    /// The words of the name.
    parts: Vec<(Span, &'t str)>,
    /// Right after an article ("the Kremlin", "a Reuters report"): no person's name.
    after_article: bool,
    /// The subject of a verb of saying ("the Kremlin said"): someone who speaks.
    speaks: bool,
}

/// Whether the word before `span` is an article: English does not put one before a
/// person's name ("the Kremlin said", but not "the Putin said").
fn after_article(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() == before.len() {
        return false;
    }
    let word = trimmed
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    matches!(word, "the" | "The" | "a" | "A" | "an" | "An")
}

/// Whether the name at `span` speaks: the subject of a verb of saying ("X said", "X has
/// said") or the source after "according to".
fn speaks(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("").trim_end();
    if before.len() >= 12
        && before
            .get(before.len() - 12..)
            .is_some_and(|w| w.eq_ignore_ascii_case("according to"))
    {
        return true;
    }
    let mut words = text
        .get(span.end..)
        .unwrap_or("")
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty());
    let mut next = words.next();
    // An auxiliary may come first ("has said"); a word glued to the name ("'s") is none.
    if next.is_some_and(|w| matches!(w, "has" | "had" | "have" | "also" | "would" | "will")) {
        next = words.next();
    }
    next.is_some_and(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphabetic());
        w.starts_with(char::is_alphabetic) && SPEECH_VERBS.contains_lower(w)
    })
}

/// Titles are not part of a name ("President Trump" → "Trump"), as in GUM, CrossNER and
/// the seeds' labels; some training sources include them, so the tagger sometimes does.
fn strip_titles(m: &mut Mention) {
    if m.kind != EntityType::Person {
        return;
    }
    // Titles, with the nationality or place they are of: "President", "Russian President",
    // "US Secretary", "Prime Minister".
    let mut leading = 0;
    for (k, (_, w)) in m.parts.iter().enumerate() {
        if TITLES.contains_lower(w.trim_end_matches('.')) {
            leading = k + 1;
        } else if demonym(w).is_none() && place(w).is_none() {
            break;
        }
    }
    if leading == 0 || leading >= m.parts.len() {
        return;
    }
    let Some(&(first, _)) = m.parts.get(leading) else {
        return;
    };
    let cut = first.start.saturating_sub(m.span.start);
    if let Some(rest) = m.text.get(cut..) {
        m.parts.drain(..leading);
        m.span = Span::new(first.start, m.span.end);
        m.text = rest;
        m.words = m.parts.len();
    }
}

/// Two names written one after the other ("told Macron Kyiv prioritises") look like one
/// name to the tagger. A name written only once whose every word stands alone as a name
/// elsewhere in the set is split into those names.
fn split_run_together(mentions: &mut Vec<Mention>) {
    let mut count: HashMap<&str, usize> = HashMap::default();
    let mut alone: HashMap<&str, (EntityType, [i32; LABELS])> = HashMap::default();
    for m in mentions.iter() {
        *count.entry(m.text).or_insert(0) += 1;
        if m.words == 1 {
            alone.entry(m.text).or_insert((m.kind, m.scores));
        }
    }
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        let split = m.words >= 2
            && count.get(m.text) == Some(&1)
            && m.parts.iter().all(|(_, w)| alone.contains_key(w));
        if !split {
            out.push(m);
            continue;
        }
        for (span, w) in &m.parts {
            let Some(&(kind, scores)) = alone.get(w) else {
                continue;
            };
            out.push(Mention {
                article: m.article,
                span: *span,
                text: w,
                last_word: w,
                words: 1,
                kind,
                scores,
                canonical: None,
                parts: vec![(*span, w)],
                after_article: m.after_article && span.start == m.span.start,
                speaks: m.speaks && span.end == m.span.end,
            });
        }
    }
    *mentions = out;
}

/// A single word that is the last word of a person's full name in the same article (else
/// anywhere in the set) is that person, with the full name as canonical; the most frequent
/// full name wins (longer names break ties).
fn link_surnames(mentions: &mut [Mention]) {
    let mut by_article: HashMap<(usize, &str), HashMap<&str, usize>> = HashMap::default();
    let mut in_set: HashMap<&str, HashMap<&str, usize>> = HashMap::default();
    let mut full_counts: HashMap<&str, usize> = HashMap::default();
    for m in mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person && m.words >= 2)
    {
        *full_counts.entry(m.text).or_insert(0) += 1;
    }
    // A full name is sure when it opens with a known first name or is written twice;
    // "told Macron Kyiv prioritises" is one tagger mistake, not a person called Kyiv.
    let sure = |m: &Mention| {
        m.parts.first().is_some_and(|(_, w)| is_first_name(w))
            || full_counts.get(m.text).copied().unwrap_or(0) >= 2
    };
    for m in mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person && m.words >= 2 && sure(m))
    {
        *by_article
            .entry((m.article, m.last_word))
            .or_default()
            .entry(m.text)
            .or_insert(0) += 1;
        *in_set
            .entry(m.last_word)
            .or_default()
            .entry(m.text)
            .or_insert(0) += 1;
    }
    let best = |names: &HashMap<&str, usize>| -> Option<String> {
        names
            .iter()
            .max_by_key(|(n, c)| (**c, n.len(), **n))
            .map(|(n, _)| (*n).to_string())
    };
    for m in mentions.iter_mut() {
        if m.kind == EntityType::Person && m.words >= 2 {
            m.canonical = Some(m.text.to_string());
            continue;
        }
        if m.words != 1 {
            continue;
        }
        // A country or a city of a million is not taken for a surname.
        if place(m.text).is_some_and(|p| p.size >= 3) {
            continue;
        }
        let full = by_article
            .get(&(m.article, m.text))
            .or_else(|| in_set.get(m.text))
            .and_then(best);
        if let Some(full) = full {
            m.kind = EntityType::Person;
            m.canonical = Some(full);
        }
    }
}

/// Every mention of the same name (same words) takes the type whose summed scores over
/// all its mentions in the set are highest; surnames linked to a full name stay people.
fn vote(mentions: &mut [Mention]) {
    let mut totals: HashMap<&str, [i64; LABELS]> = HashMap::default();
    let mut not_a_person: HashSet<&str> = HashSet::default();
    let mut not_a_place: HashSet<&str> = HashSet::default();
    for m in mentions.iter() {
        if m.after_article && m.canonical.is_none() {
            not_a_person.insert(m.text);
        }
        // A name that speaks and is no place the gazetteer knows is not a place: "the
        // Pentagon said" is the ministry. A listed place that speaks stays a place.
        if m.speaks && listed_place(m.text).is_none() {
            not_a_place.insert(m.text);
        }
        let t = totals.entry(m.text).or_insert([0; LABELS]);
        for (s, v) in t.iter_mut().zip(m.scores) {
            *s += i64::from(v);
        }
        // A decided surname counts as a sure vote for a person.
        if m.canonical.is_some() && m.kind == EntityType::Person {
            if let Some(p) = t.get_mut(usize::from(type_label(EntityType::Person))) {
                *p += SURE_VOTE;
            }
        }
    }
    for (name, t) in totals.iter_mut() {
        let vetoed = [
            (EntityType::Person, not_a_person.contains(name)),
            (EntityType::Place, not_a_place.contains(name)),
        ];
        for (kind, veto) in vetoed {
            if let (true, Some(p)) = (veto, t.get_mut(usize::from(type_label(kind)))) {
                *p = i64::MIN;
            }
        }
    }
    for m in mentions.iter_mut() {
        let Some(t) = totals.get(m.text) else {
            continue;
        };
        let best =
            (1..LABELS as u8).max_by_key(|&l| t.get(usize::from(l)).copied().unwrap_or(i64::MIN));
        if let Some(kind) = best.and_then(label_type) {
            m.kind = kind;
        }
        // A country or a city of a million named alone is that place, even where it acts
        // ("Kyiv said"): a metonymy, not a person.
        if m.kind == EntityType::Person
            && m.words == 1
            && m.canonical.is_none()
            && place(m.text).is_some_and(|p| p.size >= 3)
        {
            m.kind = EntityType::Place;
        }
    }
}

/// The weight of a surname linked to a full name in the vote, in model quanta: larger
/// than any one word's scores, so the link decides unless many mentions disagree.
const SURE_VOTE: i64 = 400;

#[cfg(test)]
mod tests {
    use super::*;

    fn ents(text: &str) -> Vec<(String, EntityType, String)> {
        // One body paragraph, with its sentences as the analysis finds them.
        let all = Span::new(0, text.len());
        let mut starts = vec![0];
        starts.extend(
            super::super::sentences::split(text, all)
                .iter()
                .map(|s| s.start),
        );
        let toks = ArticleTokens::new(text, &[all], &starts);
        let model = ner::builtin().unwrap();
        let r = recognize_set(model, &[text], &[toks], &[vec![BlockInfo::default()]]);
        r.into_iter()
            .flatten()
            .map(|e| {
                (
                    e.span.slice(text).unwrap_or("").to_string(),
                    e.kind,
                    e.canonical,
                )
            })
            .collect()
    }

    fn has(list: &[(String, EntityType, String)], name: &str, kind: EntityType) -> bool {
        list.iter().any(|(n, k, _)| n == name && *k == kind)
    }

    #[test]
    fn titles_are_cut_and_types_found() {
        let e = ents(
            "Russian President Vladimir Putin met US envoy Steve Witkoff in Moscow on Tuesday.",
        );
        assert!(has(&e, "Vladimir Putin", EntityType::Person), "{e:?}");
        assert!(has(&e, "Steve Witkoff", EntityType::Person), "{e:?}");
        assert!(has(&e, "Moscow", EntityType::Place), "{e:?}");
        assert!(has(&e, "US", EntityType::Place), "{e:?}");
        assert!(
            !e.iter()
                .any(|(n, _, _)| n.contains("President") || n == "Tuesday"),
            "{e:?}"
        );
    }

    #[test]
    fn surnames_link_to_full_names() {
        let e = ents("Kremlin aide Yuri Ushakov spoke. Later Ushakov said the talks were useful.");
        let u: Vec<_> = e.iter().filter(|(n, _, _)| n == "Ushakov").collect();
        assert_eq!(u.len(), 1, "{e:?}");
        assert_eq!(u[0].1, EntityType::Person);
        assert_eq!(u[0].2, "Yuri Ushakov");
    }

    #[test]
    fn a_surname_that_is_a_town_stays_the_person() {
        // Bury is a town in England; introduced by full name, it is the person throughout.
        let e = ents(
            "Chancellor Anna Bury arrived late. Bury said the budget would pass, and Bury left.",
        );
        assert!(
            e.iter()
                .filter(|(n, _, _)| n == "Bury")
                .all(|(_, k, c)| *k == EntityType::Person && c == "Anna Bury"),
            "{e:?}"
        );
    }

    #[test]
    fn articles_and_verbs_of_saying_are_read() {
        let t = "Then the Pentagon said no. A Reuters report, and Moscow has said yes, \
                 according to Tass.";
        let at = |w: &str| {
            let s = t.find(w).unwrap();
            Span::new(s, s + w.len())
        };
        assert!(after_article(t, at("Pentagon")) && speaks(t, at("Pentagon")));
        assert!(after_article(t, at("Reuters")) && !speaks(t, at("Reuters")));
        assert!(!after_article(t, at("Moscow")) && speaks(t, at("Moscow")));
        assert!(!after_article(t, at("Then")) && !speaks(t, at("Then")));
        assert!(speaks(t, at("Tass")));
    }

    #[test]
    fn a_name_after_the_is_no_person_and_one_that_speaks_no_place() {
        // Whatever the tagger makes of each mention on its own, the set agrees on an
        // organisation: it takes an article and it speaks, and no gazetteer lists it.
        let e = ents(
            "Officials at the Pentagon met on Monday. Later the Pentagon said talks would \
             resume, and Pentagon spokesman Sean Parnell confirmed the date.",
        );
        let p: Vec<_> = e.iter().filter(|(n, _, _)| n == "Pentagon").collect();
        assert!(!p.is_empty(), "{e:?}");
        assert!(p.iter().all(|(_, k, _)| *k == EntityType::Org), "{e:?}");
    }

    #[test]
    fn titles_are_not_part_of_names() {
        let e = ents("On Monday, President Trump spoke to reporters about the deal.");
        assert!(has(&e, "Trump", EntityType::Person), "{e:?}");
    }

    #[test]
    fn nationality_adjectives_are_other() {
        let e = ents("Ukrainian troops held the line, the Ukrainian army said in Kyiv.");
        assert!(
            e.iter()
                .filter(|(n, _, _)| n == "Ukrainian")
                .all(|(_, k, _)| *k == EntityType::Other),
            "{e:?}"
        );
        assert!(has(&e, "Kyiv", EntityType::Place), "{e:?}");
    }

    #[test]
    fn a_city_alternate_name_does_not_rename_a_phrase() {
        let e = ents("Officials at the White House said the talks in Washington went well.");
        assert!(
            e.iter()
                .filter(|(n, _, _)| n == "White House")
                .all(|(_, _, c)| c == "White House"),
            "{e:?}"
        );
    }

    #[test]
    fn type_codes_match_the_serialised_form() {
        for t in [
            EntityType::Person,
            EntityType::Org,
            EntityType::Place,
            EntityType::Other,
        ] {
            assert_eq!(serde_json::to_value(t).unwrap(), t.code());
        }
    }

    #[test]
    fn unknown_hyphen_compound_stays_whole() {
        let e = ents("Rain flooded the Emilia-Romagna region on Monday.");
        assert!(e.iter().any(|(n, _, _)| n == "Emilia-Romagna"), "{e:?}");
    }

    #[test]
    fn hyphen_between_two_places_splits() {
        let e = ents("The US-Ukraine talks in Geneva went on.");
        assert!(
            has(&e, "US", EntityType::Place) && has(&e, "Ukraine", EntityType::Place),
            "{e:?}"
        );
    }
}
