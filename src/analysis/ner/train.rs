//! Training the entity model: the averaged structured perceptron (Collins 2002) over the
//! records of `data/ner/train`, deterministic (same data and settings → the same bytes).
//!
//! Each block (paragraph) is one sequence. Words that cannot be part of a name are fixed
//! to label 0, exactly as when tagging, so the model learns only where it is used. The
//! weights are averaged over every update (Daumé's trick: `w − u/c`), then quantised to one
//! signed byte each with one scale for the whole table.

use super::corpus::Record;
use super::features::{BlockView, Groups, SetWords, WordCache, WordList};
use super::model::{self, LABELS};
use super::{type_label, BlockInfo};
use crate::analysis::tokens::ArticleTokens;
use crate::analysis::{layout, sentences};
use crate::text::Span;

/// The settings of one training run; recorded next to the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The weight table has 2^bits rows.
    pub bits: u32,
    pub epochs: u32,
    /// Seed of the order in which sequences are visited each epoch.
    pub seed: u64,
    pub groups: Groups,
    /// Quanta added to every name label when decoding (see [`model::Model`]).
    pub name_bias: i32,
    /// How many attribution examples to add (see [`attribution_examples`]).
    pub attribution_examples: usize,
    /// Quantised weights of at most this many quanta are set to zero (see `quantise`).
    pub prune: u8,
    /// How many perceptrons, each with its own order of visits, are averaged into the
    /// model (see [`train`]).
    pub runs: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bits: 18,
            epochs: 15,
            seed: 0x6e65_7773_6d61_726b,
            groups: Groups::ALL,
            name_bias: 15,
            attribution_examples: 3000,
            prune: 3,
            runs: 4,
        }
    }
}

/// The tokens of a whole text with the block facts the tagger uses, found as the analysis
/// finds them for an article: the layout's lines and kinds, the sentence splitter's starts.
/// Lines the layout calls chrome are kept here: labelled text is all content.
pub fn prepare(text: &str) -> (ArticleTokens<'_>, Vec<BlockInfo>) {
    let blocks = layout::layout(text);
    let mut starts: Vec<usize> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut info = Vec::new();
    for b in &blocks {
        starts.push(b.span.start);
        starts.extend(sentences::split(text, b.span).iter().map(|s| s.start));
        spans.push(b.span);
        info.push(BlockInfo::of(text, b));
    }
    starts.sort_unstable();
    starts.dedup();
    (ArticleTokens::new(text, &spans, &starts), info)
}

/// One sequence: per token, its features (empty where it cannot be a name) and gold label.
struct Sequence {
    features: Vec<Option<Vec<u32>>>,
    gold: Vec<u8>,
}

fn sequences(records: &[&Record], groups: Groups, mask: u32, common: WordList) -> Vec<Sequence> {
    let mut out = Vec::new();
    for r in records {
        let (tokens, info) = prepare(&r.text);
        let gold = r.byte_entities();
        let set = SetWords::new(tokens.iter_blocks()).with_common(common);
        let mut cache = WordCache::default();
        for (bi, block) in tokens.iter_blocks().enumerate() {
            let bin = info.get(bi).copied().unwrap_or_default();
            let view = BlockView::new(&r.text, block, bin.heading, bin.title_case);
            let mut seq = Sequence {
                features: Vec::with_capacity(block.len()),
                gold: Vec::with_capacity(block.len()),
            };
            for (i, t) in block.iter().enumerate() {
                if view.is_candidate(i) {
                    let mut f = Vec::with_capacity(48);
                    view.features(i, &set, &mut cache, groups, &mut f);
                    f.iter_mut().for_each(|h| *h &= mask);
                    let label = gold
                        .iter()
                        .find(|(s, _)| s.contains(&t.span))
                        .map_or(0, |(_, k)| type_label(*k));
                    seq.features.push(Some(f));
                    seq.gold.push(label);
                } else {
                    seq.features.push(None);
                    seq.gold.push(0);
                }
            }
            if seq.features.iter().any(Option::is_some) {
                out.push(seq);
            }
        }
    }
    out
}

/// xorshift64*: a fixed, seedable order of visits.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Weights with their running sums for averaging.
struct Averaged {
    w: Vec<i32>,
    u: Vec<i64>,
}

impl Averaged {
    fn new(n: usize) -> Self {
        Averaged {
            w: vec![0; n],
            u: vec![0; n],
        }
    }

    fn update(&mut self, i: usize, delta: i32, c: i64) {
        if let (Some(w), Some(u)) = (self.w.get_mut(i), self.u.get_mut(i)) {
            *w += delta;
            *u += c * i64::from(delta);
        }
    }

    fn averaged(&self, c: i64) -> Vec<f64> {
        self.w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| f64::from(w) - u as f64 / c as f64)
            .collect()
    }
}

const T: usize = LABELS + 1;

/// Train a model file from `records` with `settings`; `progress` hears of each epoch
/// (with the mistakes of every run added up).
///
/// `settings.runs` perceptrons are trained, each visiting the sequences in its own order
/// (seeded from `settings.seed`), and their averaged weights are averaged again (parameter
/// mixing). One run's typing depends a good deal on the order it happened to see: over
/// four seeds a single run ranged from 0.78 to 0.81 F1 on `dev/gum`; the mixture is what
/// every run agrees on. The runs share the sequences and go two at a time, natively.
pub fn train(
    records: &[&Record],
    settings: &Settings,
    progress: &mut dyn FnMut(u32, usize),
) -> Vec<u8> {
    let mask = (1u32 << settings.bits) - 1;
    let common = common_lower(records);
    let common_bytes = super::features::word_list_bytes(&common);
    let extra = attribution_examples(records, settings.attribution_examples, settings.seed);
    let mut all: Vec<&Record> = records.to_vec();
    all.extend(extra.iter());
    let data = sequences(&all, settings.groups, mask, WordList::new(&common_bytes));
    let runs = settings.runs.max(1);
    let seeds: Vec<u64> = (0..u64::from(runs))
        .map(|k| {
            settings
                .seed
                .wrapping_add(k.wrapping_mul(0x9e37_79b9_7f4a_7c15))
        })
        .collect();
    let mut results: Vec<Run> = Vec::with_capacity(seeds.len());
    for pair in seeds.chunks(2) {
        let done: Vec<Run> = std::thread::scope(|scope| {
            let handles: Vec<_> = pair
                .iter()
                .map(|&seed| {
                    let data = &data;
                    scope.spawn(move || run(data, settings, seed))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|_| Run::default()))
                .collect()
        });
        results.extend(done);
    }
    for epoch in 0..settings.epochs {
        let mistakes = results
            .iter()
            .filter_map(|r| r.mistakes.get(epoch as usize))
            .sum();
        progress(epoch + 1, mistakes);
    }
    let mix = |pick: fn(&Run) -> &Vec<f64>| -> Vec<f64> {
        let mut sum = vec![0.0f64; results.first().map_or(0, |r| pick(r).len())];
        for r in &results {
            for (s, w) in sum.iter_mut().zip(pick(r)) {
                *s += w;
            }
        }
        let n = results.len().max(1) as f64;
        sum.iter_mut().for_each(|s| *s /= n);
        sum
    };
    let emit = mix(|r| &r.emit);
    let trans = mix(|r| &r.trans);
    quantise(settings, &emit, &trans, &common)
}

/// The words that the training text mostly writes in lower case, as sorted hashes: seen in
/// lower case at least [`COMMON_MIN`] times and at least [`COMMON_RATIO`] times as often as
/// capitalised inside a sentence. A capitalised "Police" or "Investors" opening a sentence
/// is then known for a common word even when the set never writes it in lower case.
/// Words are split at white space with the punctuation around them trimmed.
pub fn common_lower(records: &[&Record]) -> Vec<u32> {
    let mut counts: rustc_hash::FxHashMap<String, (u32, u32)> = Default::default();
    for r in records {
        let mut sentence_start = true;
        for w in r.text.split_whitespace() {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            if let Some(first) = core.chars().next() {
                if first.is_lowercase() {
                    counts.entry(core.to_lowercase()).or_default().0 += 1;
                } else if first.is_uppercase() && !sentence_start {
                    counts.entry(core.to_lowercase()).or_default().1 += 1;
                }
            }
            sentence_start = w.ends_with(['.', '!', '?', ':', '"', '”']);
        }
    }
    let mut out: Vec<u32> = counts
        .into_iter()
        .filter(|(_, (lower, upper))| *lower >= COMMON_MIN && *lower >= COMMON_RATIO * *upper)
        .map(|(w, _)| super::features::word_hash(&w))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// See [`common_lower`]; chosen on the dev data (2/2 and 5/10 scored within 0.3 points).
const COMMON_MIN: u32 = 3;
const COMMON_RATIO: u32 = 4;

/// The averaged weights of one perceptron run and its mistakes per epoch.
#[derive(Default)]
struct Run {
    emit: Vec<f64>,
    trans: Vec<f64>,
    mistakes: Vec<usize>,
}

/// One averaged structured perceptron over `data`, visiting it in an order seeded by `seed`.
fn run(data: &[Sequence], settings: &Settings, seed: u64) -> Run {
    let mut emit = Averaged::new((1usize << settings.bits) * LABELS);
    let mut trans = Averaged::new(T * LABELS);
    let mut c: i64 = 1;
    let mut rng = Rng(seed | 1);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut per_epoch = Vec::with_capacity(settings.epochs as usize);
    for _ in 0..settings.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut mistakes = 0;
        for &k in &order {
            let Some(seq) = data.get(k) else { continue };
            let emissions: Vec<Option<[i32; LABELS]>> = seq
                .features
                .iter()
                .map(|f| {
                    f.as_ref().map(|f| {
                        let mut s = [0i32; LABELS];
                        for &h in f {
                            let row = h as usize * LABELS;
                            for (l, v) in s.iter_mut().enumerate() {
                                *v += emit.w.get(row + l).copied().unwrap_or(0);
                            }
                        }
                        s
                    })
                })
                .collect();
            let mut table = [[0i32; LABELS]; T];
            for (from, row) in table.iter_mut().enumerate() {
                for (to, v) in row.iter_mut().enumerate() {
                    *v = trans.w.get(from * LABELS + to).copied().unwrap_or(0);
                }
            }
            let pred = model::decode(&table, &emissions);
            if pred != seq.gold {
                mistakes += 1;
                let mut prev_g = LABELS;
                let mut prev_p = LABELS;
                for (i, f) in seq.features.iter().enumerate() {
                    let g = usize::from(seq.gold.get(i).copied().unwrap_or(0));
                    let p = usize::from(pred.get(i).copied().unwrap_or(0));
                    if g != p {
                        for &h in f.iter().flatten() {
                            let row = h as usize * LABELS;
                            emit.update(row + g, 1, c);
                            emit.update(row + p, -1, c);
                        }
                    }
                    if (prev_g, g) != (prev_p, p) {
                        trans.update(prev_g * LABELS + g, 1, c);
                        trans.update(prev_p * LABELS + p, -1, c);
                    }
                    prev_g = g;
                    prev_p = p;
                }
            }
            c += 1;
        }
        per_epoch.push(mistakes);
    }
    Run {
        emit: emit.averaged(c),
        trans: trans.averaged(c),
        mistakes: per_epoch,
    }
}

/// One scale for the whole table: the largest emission weight maps to ±127, so every
/// weight keeps its sign and relative size within a byte. Weights of at most
/// `settings.prune` quanta become zero: most of the table is such small noise, and zeros
/// compress (on the dev data, pruning at 3 quanta kept F1 and shrank the gzipped model
/// from 370 KB to 140 KB).
fn quantise(settings: &Settings, emit: &[f64], trans: &[f64], common: &[u32]) -> Vec<u8> {
    let max = emit.iter().fold(0.0f64, |m, w| m.max(w.abs())).max(1e-9);
    let scale = max / 127.0;
    let weights: Vec<i8> = emit
        .iter()
        .map(|w| {
            let q = (w / scale).round().clamp(-127.0, 127.0);
            if q.abs() <= f64::from(settings.prune) {
                0
            } else {
                q as i8
            }
        })
        .collect();
    let mut table = [[0i16; LABELS]; T];
    for (from, row) in table.iter_mut().enumerate() {
        for (to, v) in row.iter_mut().enumerate() {
            let w = trans.get(from * LABELS + to).copied().unwrap_or(0.0);
            *v = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
        }
    }
    model::encode(
        settings.groups,
        settings.bits,
        scale as f32,
        settings.name_bias,
        &table,
        &weights,
        common,
    )
}

/// The training data files, in a fixed order, and the sources left out of training when
/// only data whose texts are not ShareAlike is wanted (see `data/ner/README.md`).
pub const TRAIN_FILES: [&str; 5] = ["btc", "crossner_politics", "gum", "wikigold", "wnut17"];
pub const DEV_FILES: [&str; 4] = ["gum", "uner_pud", "btc", "wnut17"];

/// Files whose contents decide the model's bytes besides the training data: the feature,
/// training and file-format code, the tokenizer, layout and sentence splitter that shape
/// the sequences, and the word lists and gazetteers the features consult.
pub const CODE_FILES: [&str; 9] = [
    "src/analysis/ner/features.rs",
    "src/analysis/ner/train.rs",
    "src/analysis/ner/model.rs",
    "src/analysis/tokens.rs",
    "src/analysis/layout.rs",
    "src/analysis/sentences.rs",
    "src/analysis/lexicon.rs",
    "data/places.tsv",
    "data/first_names.txt",
];

/// What a model was made from, as `data/model/ner.meta.json` records it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    pub model_sha256: String,
    pub format_version: u32,
    pub feature_version: u32,
    pub bits: u32,
    pub epochs: u32,
    pub seed: u64,
    pub name_bias: i32,
    pub attribution_examples: usize,
    pub prune: u8,
    pub runs: u32,
    /// Feature groups switched off (none for the shipped model).
    pub without: Vec<String>,
    /// `path → sha256` of every training file.
    pub data: std::collections::BTreeMap<String, String>,
    /// `path → sha256` of every file of [`CODE_FILES`].
    pub code: std::collections::BTreeMap<String, String>,
}

/// Hash every file of `paths` (relative to `root`).
pub fn hash_files(
    root: &std::path::Path,
    paths: impl IntoIterator<Item = String>,
) -> std::io::Result<std::collections::BTreeMap<String, String>> {
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(root.join(&p))?;
            Ok((p, crate::text::sha256_hex(&bytes)))
        })
        .collect()
}

/// The training files' paths relative to the repository root.
pub fn train_paths() -> impl Iterator<Item = String> {
    TRAIN_FILES
        .iter()
        .map(|f| format!("data/ner/train/{f}.jsonl"))
}

/// The record of what `model` was made from.
pub fn meta(root: &std::path::Path, settings: &Settings, model: &[u8]) -> std::io::Result<Meta> {
    Ok(Meta {
        model_sha256: crate::text::sha256_hex(model),
        format_version: model::FORMAT_VERSION,
        feature_version: super::features::FEATURE_VERSION,
        bits: settings.bits,
        epochs: settings.epochs,
        seed: settings.seed,
        name_bias: settings.name_bias,
        attribution_examples: settings.attribution_examples,
        prune: settings.prune,
        runs: settings.runs,
        without: super::features::Group::ALL
            .iter()
            .filter(|g| !settings.groups.has(**g))
            .map(|g| g.name().to_string())
            .collect(),
        data: hash_files(root, train_paths())?,
        code: hash_files(root, CODE_FILES.iter().map(|s| s.to_string()))?,
    })
}

/// Clauses written for the attribution examples: ordinary news statements with no names.
const CLAUSES: [&str; 16] = [
    "we will keep working until there is an agreement",
    "the talks were useful but much remains to be done",
    "nobody expected the decision to come so soon",
    "the figures speak for themselves",
    "there is no reason to panic",
    "this is a difficult day for everyone involved",
    "we have not received any request",
    "the plan will be published next week",
    "our position has not changed",
    "the investigation is still going on",
    "people deserve to know what happened",
    "it is too early to say",
    "we are ready to talk at any time",
    "the damage is worse than we thought",
    "prices will stay high for a while",
    "the team played well in the second half",
];

/// Sentence frames of attribution, the commonest shapes of news reporting, with slots:
/// `{Q}` a quoted clause, `{q}` a reported one, `{P}` a person, `{S}` the same person's
/// surname, `{O}` an organisation, `{L}` a place.
const FRAMES: [&str; 14] = [
    "“{Q},” {P} said.",
    "“{Q},” said {P}.",
    "“{Q},” {P} told {O}.",
    "{P} said {q}.",
    "“{Q},” {S} said, adding that {q}.",
    "According to {P}, {q}.",
    "{P}, a spokesperson for {O}, said {q}.",
    "“{Q},” the {O} said in a statement.",
    "{P} told reporters in {L} that {q}.",
    "{P} met officials in {L} on Monday. “{Q},” {S} said.",
    "“{Q}.” {S} added that {q}.",
    "Speaking in {L}, {S} said {q}.",
    "{O} officials said {q}, {P} told {O}.",
    "“{Q},” {P} wrote on social media.",
];

/// Attribution examples: the frames filled with clauses written here and with names taken
/// from the training records' own labels, so the tagger sees the shapes of quoted speech
/// that its training texts (tweets, encyclopedia articles, conversations) rarely show.
pub fn attribution_examples(records: &[&Record], count: usize, seed: u64) -> Vec<Record> {
    use super::super::entities::EntityType;
    let mut names: [Vec<String>; 3] = Default::default();
    for r in records {
        for (span, kind) in r.byte_entities() {
            let Some(name) = span.slice(&r.text) else {
                continue;
            };
            let words: Vec<&str> = name.split(' ').collect();
            let clean = words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
            });
            let slot = match kind {
                EntityType::Person if words.len() >= 2 && words.len() <= 3 => 0,
                EntityType::Org if words.len() <= 4 => 1,
                EntityType::Place if words.len() <= 3 => 2,
                _ => continue,
            };
            if clean {
                if let Some(list) = names.get_mut(slot) {
                    list.push(name.to_string());
                }
            }
        }
    }
    for list in &mut names {
        list.sort();
        list.dedup();
    }
    let [people, orgs, places] = &names;
    if people.is_empty() || orgs.is_empty() || places.is_empty() {
        return Vec::new();
    }
    let mut rng = Rng(seed | 1);
    let pick = |list: &[String], rng: &mut Rng| {
        list.get((rng.next() % list.len() as u64) as usize)
            .cloned()
            .unwrap_or_default()
    };
    let mut out = Vec::with_capacity(count);
    for n in 0..count {
        let frame = FRAMES
            .get((rng.next() % FRAMES.len() as u64) as usize)
            .copied()
            .unwrap_or("{P} said {q}.");
        let person = pick(people, &mut rng);
        let org = pick(orgs, &mut rng);
        let place = pick(places, &mut rng);
        let clause = CLAUSES
            .get((rng.next() % CLAUSES.len() as u64) as usize)
            .copied()
            .unwrap_or("it is too early to say");
        let surname = person.rsplit(' ').next().unwrap_or(&person).to_string();
        let mut text = String::new();
        let mut entities = Vec::new();
        let mut rest = frame;
        while let Some(open) = rest.find('{') {
            text.push_str(rest.get(..open).unwrap_or(""));
            let slot = rest.get(open + 1..open + 2).unwrap_or("");
            rest = rest.get(open + 3..).unwrap_or("");
            let (value, kind) = match slot {
                "Q" => {
                    let mut c = clause.chars();
                    (
                        c.next()
                            .map(|f| f.to_uppercase().chain(c).collect())
                            .unwrap_or_default(),
                        None,
                    )
                }
                "q" => (clause.to_string(), None),
                "P" => (person.clone(), Some("PERSON")),
                "S" => (surname.clone(), Some("PERSON")),
                "O" => (org.clone(), Some("ORG")),
                _ => (place.clone(), Some("PLACE")),
            };
            let start = text.chars().count();
            text.push_str(&value);
            if let Some(kind) = kind {
                entities.push(super::corpus::GoldEntity {
                    start,
                    end: text.chars().count(),
                    kind: kind.to_string(),
                    nested: false,
                });
            }
        }
        text.push_str(rest);
        out.push(Record {
            id: format!("attribution/{n}"),
            source: "attribution".into(),
            genre: String::new(),
            text,
            entities,
        });
    }
    out
}
