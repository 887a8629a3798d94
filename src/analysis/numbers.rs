//! Numbers: every numeric expression with a kind, a normalised value and a unit.
//!
//! Digits ("5,660", "2.5"), spelled-out numbers ("five", "twenty-one", "tens of
//! thousands"), percentages, percentage points, ranges ("25,000 to 30,000"), money, areas,
//! durations ("five hours", "five-hour"), ages ("73-year-old"), hyphenated counts
//! ("28-point"), ordinals, years, dates, months, weekdays and clock times. Approximators
//! ("nearly", "more than", "late") belong to the span and are reported as the qualifier.
//!
//! Values: a number, `[low, high]` for ranges and vague magnitudes, or an ISO 8601 string
//! for dates ("2025-12-02", "2025-11", "2022") and times ("00:00"). Weekdays and months
//! without a year are resolved against an **anchor date**: the latest full date written in
//! the article set (news reports date their events). A weekday is taken to be the one in
//! the window from four days before the anchor to two days after it, since news mostly
//! reports the past week and the next few days.

use crate::text::Span;
use regex::RegexSet;
use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberKind {
    Percent,
    Count,
    Money,
    Area,
    Duration,
    Date,
    Time,
    Age,
    Ordinal,
    Range,
    Other,
}

/// A normalised value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Range([f64; 2]),
    Iso(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    pub span: Span,
    pub kind: NumberKind,
    pub value: Option<Value>,
    pub unit: Option<String>,
    /// The approximator kept in the span ("nearly", "more than"), if any.
    pub qualifier: Option<String>,
}

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// 0 = Monday … 6 = Sunday.
    fn weekday(self) -> i64 {
        (self.to_days() + 3).rem_euclid(7)
    }

    fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    fn valid(self) -> bool {
        (1..=12).contains(&self.month)
            && (1..=31).contains(&self.day)
            && Date::from_days(self.to_days()) == self
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| *m == w || w.len() >= 3 && m.starts_with(w) && (w.len() == 3 || w == "sept"))
        .map(|i| i as u32 + 1)
}

const UNITS_0_19: [&str; 20] = [
    "zero",
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
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const ORDINALS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// The value of a spelled-out number ("five", "twenty-one", "two hundred", "a dozen").
fn word_value(s: &str) -> Option<f64> {
    let s = s.to_lowercase();
    let mut total = 0f64;
    let mut current = 0f64;
    let mut any = false;
    for w in s.split([' ', '-']).filter(|w| !w.is_empty() && *w != "and") {
        if let Some(v) = UNITS_0_19.iter().position(|u| *u == w) {
            current += v as f64;
        } else if let Some(v) = TENS.iter().position(|u| *u == w) {
            current += (v as f64 + 2.0) * 10.0;
        } else if w == "a" || w == "an" {
            current += 1.0;
        } else if w == "dozen" {
            current = current.max(1.0) * 12.0;
        } else if w == "hundred" {
            current = current.max(1.0) * 100.0;
        } else if let Some(m) = scale(w) {
            total += current.max(1.0) * m;
            current = 0.0;
        } else if w == "half" {
            current += 0.5;
        } else {
            return None;
        }
        any = true;
    }
    any.then_some(total + current)
}

fn scale(w: &str) -> Option<f64> {
    match w {
        "thousand" | "k" => Some(1e3),
        "million" | "m" | "mn" => Some(1e6),
        "billion" | "bn" | "b" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        _ => None,
    }
}

/// The value of a number written in digits, words or both ("5,660", "2.5 million").
fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let mut parts = s.splitn(2, ' ');
    let head = parts.next()?;
    let tail = parts.next();
    let digits: String = head.chars().filter(|c| *c != ',').collect();
    if let Ok(v) = digits.parse::<f64>() {
        return match tail {
            Some(t) => scale(&t.to_lowercase()).map(|m| v * m),
            None => Some(v),
        };
    }
    word_value(s)
}

const NUM_WORD: &str = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozen|a hundred|a thousand|a million|a billion)";
const NUM_DIGIT: &str = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)";
const APPROX: &str = r"(?:nearly|almost|about|around|roughly|approximately|some|over|under|more than|less than|fewer than|at least|at most|up to|just over|just under|close to|as many as|as much as|as few as|upwards of)";

/// What a rule reads from a match: kind, value and unit, or `None` to reject the match.
type Read = Option<(NumberKind, Option<Value>, Option<String>)>;

/// One pattern: its regex (compiled on first use) and how to read a match.
struct Rule {
    pattern: String,
    re: OnceLock<Option<Regex>>,
    read: fn(&Caps, &Resolve) -> Read,
    /// Earlier rules win ties between matches of the same length.
    priority: u8,
}

impl Rule {
    /// The compiled regex; `None` only if the pattern is invalid (a test compiles all).
    ///
    /// Built without the literal prefilters the `regex` crate would derive: extracting
    /// them from these large alternations was most of the compile time (and so of the cold
    /// start), and on long inputs the [`rule_set`] pass does that job.
    fn re(&self) -> Option<&Regex> {
        self.re
            .get_or_init(|| {
                Regex::builder()
                    .configure(Regex::config().auto_prefilter(false).onepass(false))
                    .build(&self.pattern)
                    .ok()
            })
            .as_ref()
    }

    /// Every match in `hay`, with its groups.
    fn captures<'s, 'h: 's>(&'s self, hay: &'h str) -> impl Iterator<Item = Caps<'h>> + 's {
        self.re()
            .into_iter()
            .flat_map(move |re| re.captures_iter(hay))
            .map(move |caps| Caps { caps, hay })
    }
}

/// One match of a rule and its named groups.
struct Caps<'h> {
    caps: Captures,
    hay: &'h str,
}

impl<'h> Caps<'h> {
    /// The text of the group `name`, if it took part in the match.
    fn name(&self, name: &str) -> Option<&'h str> {
        let span = self.caps.get_group_by_name(name)?;
        self.hay.get(span.range())
    }

    /// The byte range of the whole match.
    fn whole(&self) -> Option<std::ops::Range<usize>> {
        self.caps.get_match().map(|m| m.range())
    }
}

/// What value resolution needs beyond the match, and how to search.
pub struct Resolve {
    pub anchor: Option<Date>,
    /// Pick the rules that can match a paragraph with one pass of a `RegexSet` first.
    /// The set costs as much to compile as the rules themselves (about 15 ms), and saves
    /// about 40 ms per MB of text, so it is worth it only on long inputs.
    pub prefilter: bool,
}

/// From how many bytes of text on the set of rules pays for its compilation.
const PREFILTER_FROM_BYTES: usize = 512 * 1024;

impl Resolve {
    /// How to read the numbers of a set of texts: dates relative to the latest full date
    /// any of them writes, and with the prefilter if they are long.
    pub fn for_texts(texts: &[&str]) -> Self {
        Resolve {
            anchor: anchor_date(texts),
            prefilter: texts.iter().map(|t| t.len()).sum::<usize>() >= PREFILTER_FROM_BYTES,
        }
    }
}

fn cap<'h>(c: &Caps<'h>, name: &str) -> Option<&'h str> {
    c.name(name)
}

fn num_of(c: &Caps, name: &str) -> Option<f64> {
    cap(c, name).and_then(parse_number)
}

fn singular(unit: &str) -> String {
    let u = unit.to_lowercase();
    let u = u.trim_end_matches('s');
    u.to_string()
}

/// All rules. Each compiles on first use, which is most of the cold start of a short
/// article (about 15 ms for the 21 rules).
fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(build_rules)
}

/// Compile the rules, last first: a thread that would otherwise wait for the numbers
/// shares the compiling with the thread that reads them in order.
pub fn prepare_from_the_end() {
    for rule in rules().iter().rev() {
        let _ = rule.re();
    }
}

/// One set of every rule's pattern, compiled on first use (see [`Resolve::prefilter`]).
fn rule_set() -> Option<&'static RegexSet> {
    static SET: OnceLock<Option<RegexSet>> = OnceLock::new();
    SET.get_or_init(|| RegexSet::new(rules().iter().map(|r| r.pattern.as_str())).ok())
        .as_ref()
}

fn build_rules() -> Vec<Rule> {
    {
        let num = format!(
            r"(?:{NUM_DIGIT}(?:\s(?:thousand|million|billion|trillion|bn|mn))?|{NUM_WORD}(?:\s(?:hundred|thousand|million|billion))?)"
        );
        let month = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)";
        let q = format!(r"(?:(?P<q>{APPROX})\s)?");
        // ASCII word boundaries: a Unicode `\b` keeps the regex engine off its fast DFA on
        // text with curly quotes and dashes, which is most news text.
        let mk = |p: &str, read, priority| Rule {
            pattern: p.replace(r"\b", r"(?-u:\b)"),
            re: OnceLock::new(),
            read,
            priority,
        };
        vec![
            // Full dates: "December 2, 2025", "2 December 2025", "2025-12-02".
            mk(
                &format!(
                    r"\b(?P<m>{month})\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<y>(?:19|20)\d{{2}})\b"
                ),
                read_full_date,
                0,
            ),
            mk(
                &format!(r"\b(?P<d>\d{{1,2}})\s(?P<m>{month})\s(?P<y>(?:19|20)\d{{2}})\b"),
                read_full_date,
                0,
            ),
            mk(
                r"\b(?P<y>(?:19|20)\d{2})-(?P<mn>\d{2})-(?P<d>\d{2})\b",
                read_iso_date,
                0,
            ),
            // Month and year, month and day, month alone (with "late", "early", "mid").
            mk(
                &format!(
                    r"\b(?:(?P<q>late|early|mid|mid-)\s?)?(?P<m>{month})\s(?P<y>(?:19|20)\d{{2}})\b"
                ),
                read_month_year,
                1,
            ),
            mk(
                &format!(r"\b(?P<m>{month})\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"),
                read_month_day,
                1,
            ),
            mk(
                &format!(r"\b(?:(?P<q>late|early|mid)\s)?(?P<m>{month})\b"),
                read_month,
                2,
            ),
            mk(
                r"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
                read_weekday,
                2,
            ),
            // Times of day.
            mk(r"\b(?P<t>midnight|noon|midday)\b", read_named_time, 2),
            mk(
                r"\b(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s?(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)",
                read_clock,
                1,
            ),
            // Ages.
            mk(
                &format!(r"(?i)\b(?P<n>{NUM_DIGIT}|{NUM_WORD})-year-old\b"),
                read_age,
                0,
            ),
            // Percentages and percentage points.
            mk(
                &format!(r"(?i)\b{q}(?P<n>{num})\s?(?P<u>%|percentage points?|per\s?cent)"),
                read_percent,
                0,
            ),
            // Areas.
            mk(
                &format!(
                    r"(?i)\b{q}(?P<n>{num})\s(?P<u>sq(?:uare|\.)?\s?(?:km|kilomet(?:er|re)s?|miles?|mi|metres|meters|m)|km2|km²|hectares?|acres?)\b"
                ),
                read_area,
                0,
            ),
            // Money.
            mk(
                &format!(
                    r"(?i){q}(?P<c>[$€£¥₽])\s?(?P<n>{NUM_DIGIT}(?:\s?(?:thousand|million|billion|trillion|bn|mn|m|k)\b)?)"
                ),
                read_money_symbol,
                0,
            ),
            mk(
                &format!(
                    r"(?i)\b{q}(?P<n>{num})\s(?P<c>dollars|euros|pounds|rubles|roubles|hryvnias?|yuan|yen|rupees)\b"
                ),
                read_money_word,
                0,
            ),
            // Ranges.
            mk(
                &format!(
                    r"(?i)\b(?:between\s)?(?P<a>{NUM_DIGIT})\s?(?:to|-|–|and)\s?(?P<b>{NUM_DIGIT})\b"
                ),
                read_range,
                1,
            ),
            // Vague magnitudes: "tens of thousands", "hundreds", "dozens of".
            mk(
                r"(?i)\b(?P<v>tens of thousands|hundreds of thousands|tens of millions|hundreds of millions|thousands|hundreds|dozens|millions|billions)\b",
                read_magnitude,
                2,
            ),
            // Durations: "five hours", "nearly four years", "five-hour".
            mk(
                &format!(
                    r"(?i)\b{q}(?P<n>{NUM_DIGIT}|{NUM_WORD}|a|an)[\s-](?P<u>seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)\b"
                ),
                read_duration,
                1,
            ),
            // Hyphenated counts: "28-point", "12-member".
            mk(
                &format!(r"(?i)\b(?P<n>{NUM_DIGIT}|{NUM_WORD})-(?P<u>[a-z]+)\b"),
                read_compound,
                2,
            ),
            // Ordinals.
            mk(
                r"(?i)\b(?P<o>\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)\b",
                read_ordinal,
                3,
            ),
            // Years on their own.
            mk(r"\b(?P<y>(?:19|20)\d{2})\b", read_year, 3),
            // Plain numbers.
            mk(&format!(r"(?i)\b{q}(?P<n>{num})\b"), read_count, 4),
        ]
    }
}

fn read_full_date(c: &Caps, _: &Resolve) -> Read {
    let date = Date {
        year: cap(c, "y")?.parse().ok()?,
        month: month_number(cap(c, "m")?)?,
        day: cap(c, "d")?.parse().ok()?,
    };
    Some((
        NumberKind::Date,
        date.valid().then(|| Value::Iso(date.iso())),
        None,
    ))
}

fn read_iso_date(c: &Caps, _: &Resolve) -> Read {
    let date = Date {
        year: cap(c, "y")?.parse().ok()?,
        month: cap(c, "mn")?.parse().ok()?,
        day: cap(c, "d")?.parse().ok()?,
    };
    date.valid()
        .then(|| (NumberKind::Date, Some(Value::Iso(date.iso())), None))
}

fn read_month_year(c: &Caps, _: &Resolve) -> Read {
    let m = month_number(cap(c, "m")?)?;
    let y: i32 = cap(c, "y")?.parse().ok()?;
    Some((
        NumberKind::Date,
        Some(Value::Iso(format!("{y:04}-{m:02}"))),
        None,
    ))
}

/// The year of a month named without one: the latest such month not after the anchor.
fn year_of_month(month: u32, anchor: Option<Date>) -> Option<i32> {
    let a = anchor?;
    Some(if month <= a.month { a.year } else { a.year - 1 })
}

fn read_month_day(c: &Caps, r: &Resolve) -> Read {
    let m = month_number(cap(c, "m")?)?;
    let d: u32 = cap(c, "d")?.parse().ok()?;
    if d == 0 || d > 31 {
        return None;
    }
    let value = year_of_month(m, r.anchor)
        .map(|y| Date {
            year: y,
            month: m,
            day: d,
        })
        .filter(|d| d.valid())
        .map(|d| Value::Iso(d.iso()));
    Some((NumberKind::Date, value, None))
}

fn read_month(c: &Caps, r: &Resolve) -> Read {
    let word = cap(c, "m")?;
    // "May" is also a verb: only a capitalised "May" that does not start a clause
    // before a verb-like word counts; the regex already requires the capital.
    if word == "May" {
        return None;
    }
    let m = month_number(word)?;
    let value = year_of_month(m, r.anchor).map(|y| Value::Iso(format!("{y:04}-{m:02}")));
    Some((NumberKind::Date, value, None))
}

fn read_weekday(c: &Caps, r: &Resolve) -> Read {
    let w = cap(c, "w")?.to_lowercase();
    let target = WEEKDAYS.iter().position(|d| *d == w)? as i64;
    let value = r.anchor.map(|a| {
        let base = a.to_days();
        let day = (-4..=2)
            .map(|off| base + off)
            .find(|d| Date::from_days(*d).weekday() == target)
            .unwrap_or(base);
        Value::Iso(Date::from_days(day).iso())
    });
    Some((NumberKind::Date, value, None))
}

fn read_named_time(c: &Caps, _: &Resolve) -> Read {
    let t = match cap(c, "t")?.to_lowercase().as_str() {
        "midnight" => "00:00",
        _ => "12:00",
    };
    Some((NumberKind::Time, Some(Value::Iso(t.to_string())), None))
}

fn read_clock(c: &Caps, _: &Resolve) -> Read {
    let mut h: u32 = cap(c, "h")?.parse().ok()?;
    let mi: u32 = cap(c, "mi").map_or(Some(0), |m| m.parse().ok())?;
    let pm = cap(c, "ap")?.to_lowercase().starts_with('p');
    if h == 0 || h > 12 || mi > 59 {
        return None;
    }
    if pm && h != 12 {
        h += 12;
    } else if !pm && h == 12 {
        h = 0;
    }
    Some((
        NumberKind::Time,
        Some(Value::Iso(format!("{h:02}:{mi:02}"))),
        None,
    ))
}

fn read_age(c: &Caps, _: &Resolve) -> Read {
    Some((
        NumberKind::Age,
        num_of(c, "n").map(Value::Number),
        Some("year".into()),
    ))
}

fn read_percent(c: &Caps, _: &Resolve) -> Read {
    let u = cap(c, "u")?.to_lowercase();
    let unit = if u.starts_with("percentage") {
        "percentage point"
    } else {
        "%"
    };
    Some((
        NumberKind::Percent,
        num_of(c, "n").map(Value::Number),
        Some(unit.into()),
    ))
}

fn read_area(c: &Caps, _: &Resolve) -> Read {
    let u = cap(c, "u")?.to_lowercase();
    let unit = if u.contains("mi") && !u.contains("kilomet") && !u.contains("km") {
        "mi2"
    } else if u.starts_with("hectare") {
        "ha"
    } else if u.starts_with("acre") {
        "acre"
    } else if u.contains("km") || u.contains("kilomet") {
        "km2"
    } else {
        "m2"
    };
    Some((
        NumberKind::Area,
        num_of(c, "n").map(Value::Number),
        Some(unit.into()),
    ))
}

fn currency(sym: &str) -> &'static str {
    match sym.to_lowercase().as_str() {
        "$" | "dollars" => "USD",
        "€" | "euros" => "EUR",
        "£" | "pounds" => "GBP",
        "¥" | "yen" => "JPY",
        "yuan" => "CNY",
        "₽" | "rubles" | "roubles" => "RUB",
        "hryvnia" | "hryvnias" => "UAH",
        "rupees" => "INR",
        _ => "",
    }
}

fn read_money_symbol(c: &Caps, _: &Resolve) -> Read {
    let n = cap(c, "n")?;
    let compact = n.replace(' ', "");
    let (digits, mult) = match compact.to_lowercase() {
        s if s.ends_with("trillion") => (
            compact.get(..compact.len() - 8).unwrap_or("").to_string(),
            1e12,
        ),
        s if s.ends_with("billion") => (
            compact.get(..compact.len() - 7).unwrap_or("").to_string(),
            1e9,
        ),
        s if s.ends_with("million") => (
            compact.get(..compact.len() - 7).unwrap_or("").to_string(),
            1e6,
        ),
        s if s.ends_with("thousand") => (
            compact.get(..compact.len() - 8).unwrap_or("").to_string(),
            1e3,
        ),
        s if s.ends_with("bn") => (
            compact.get(..compact.len() - 2).unwrap_or("").to_string(),
            1e9,
        ),
        s if s.ends_with("mn") => (
            compact.get(..compact.len() - 2).unwrap_or("").to_string(),
            1e6,
        ),
        s if s.ends_with('m') => (
            compact.get(..compact.len() - 1).unwrap_or("").to_string(),
            1e6,
        ),
        s if s.ends_with('k') => (
            compact.get(..compact.len() - 1).unwrap_or("").to_string(),
            1e3,
        ),
        _ => (compact.clone(), 1.0),
    };
    let v = parse_number(&digits).map(|v| v * mult);
    Some((
        NumberKind::Money,
        v.map(Value::Number),
        Some(currency(cap(c, "c")?).into()),
    ))
}

fn read_money_word(c: &Caps, _: &Resolve) -> Read {
    Some((
        NumberKind::Money,
        num_of(c, "n").map(Value::Number),
        Some(currency(cap(c, "c")?).into()),
    ))
}

fn read_range(c: &Caps, _: &Resolve) -> Read {
    let a = num_of(c, "a")?;
    let b = num_of(c, "b")?;
    // "2024-25" and scores are not ranges of quantities; require low < high.
    if a >= b {
        return None;
    }
    Some((NumberKind::Range, Some(Value::Range([a, b])), None))
}

fn read_magnitude(c: &Caps, _: &Resolve) -> Read {
    let v = match cap(c, "v")?.to_lowercase().as_str() {
        "tens of thousands" => [1e4, 99_999.0],
        "hundreds of thousands" => [1e5, 999_999.0],
        "tens of millions" => [1e7, 99_999_999.0],
        "hundreds of millions" => [1e8, 999_999_999.0],
        "thousands" => [1e3, 9_999.0],
        "hundreds" => [100.0, 999.0],
        "dozens" => [24.0, 99.0],
        "millions" => [1e6, 9_999_999.0],
        _ => [1e9, 9_999_999_999.0],
    };
    Some((NumberKind::Count, Some(Value::Range(v)), None))
}

fn read_duration(c: &Caps, _: &Resolve) -> Read {
    let unit = singular(cap(c, "u")?);
    let unit = if unit == "centurie" {
        "century".to_string()
    } else {
        unit
    };
    Some((
        NumberKind::Duration,
        num_of(c, "n").map(Value::Number),
        Some(unit),
    ))
}

fn read_compound(c: &Caps, _: &Resolve) -> Read {
    let u = cap(c, "u")?.to_lowercase();
    // "one-sided", "two-thirds" and the like are words, not counts.
    if [
        "sided", "thirds", "third", "quarters", "way", "off", "time", "on",
    ]
    .contains(&u.as_str())
        || word_value(&u).is_some()
    {
        return None;
    }
    Some((
        NumberKind::Count,
        num_of(c, "n").map(Value::Number),
        Some(u),
    ))
}

fn read_ordinal(c: &Caps, _: &Resolve) -> Read {
    let o = cap(c, "o")?.to_lowercase();
    let v = ORDINALS
        .iter()
        .position(|w| *w == o)
        .map(|v| v as f64)
        .or_else(|| {
            o.trim_end_matches(|ch: char| ch.is_alphabetic())
                .parse::<f64>()
                .ok()
        })
        .or((o == "twentieth").then_some(20.0));
    Some((NumberKind::Ordinal, v.map(Value::Number), None))
}

fn read_year(c: &Caps, _: &Resolve) -> Read {
    Some((
        NumberKind::Date,
        Some(Value::Iso(cap(c, "y")?.to_string())),
        None,
    ))
}

fn read_count(c: &Caps, _: &Resolve) -> Read {
    Some((NumberKind::Count, num_of(c, "n").map(Value::Number), None))
}

/// Words after which "one" is a pronoun, not a number ("no one", "the one").
const ONE_AS_PRONOUN_BEFORE: &[&str] = &[
    "no", "the", "this", "that", "which", "any", "every", "each", "someone", "anyone",
];

/// Find the numbers in `span` of `text`.
pub fn find(text: &str, span: Span, resolve: &Resolve) -> Vec<NumberMention> {
    let Some(region) = span.slice(text) else {
        return Vec::new();
    };
    // (priority of the rule, the mention it read)
    let mut cands: Vec<(u8, NumberMention)> = Vec::new();
    let all = rules();
    let matching: Vec<&Rule> = match resolve.prefilter.then(rule_set).flatten() {
        Some(set) => set
            .matches(region)
            .iter()
            .filter_map(|i| all.get(i))
            .collect(),
        None => all.iter().collect(),
    };
    for rule in matching {
        for c in rule.captures(region) {
            let Some(m) = c.whole() else { continue };
            let Some((kind, value, unit)) = (rule.read)(&c, resolve) else {
                continue;
            };
            let s = Span::new(span.start + m.start, span.start + m.end);
            let qualifier = c.name("q").map(str::to_string);
            cands.push((
                rule.priority,
                NumberMention {
                    span: s,
                    kind,
                    value,
                    unit,
                    qualifier,
                },
            ));
        }
    }
    // Longest match first, then the more specific rule; keep the ones that do not overlap.
    cands.sort_by(|(pa, a), (pb, b)| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(pa.cmp(pb))
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut taken: Vec<Span> = Vec::new();
    let mut out = Vec::new();
    for (_, mention) in cands {
        let (s, kind) = (mention.span, mention.kind);
        if taken.iter().any(|t| t.overlaps(&s)) {
            continue;
        }
        let matched = s.slice(text).unwrap_or("");
        let before = text.get(..s.start).unwrap_or("").trim_end();
        let prev_word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        let word_before_is_glued = text
            .get(..s.start)
            .is_some_and(|b| b.ends_with(|c: char| c.is_alphanumeric() || c == '-'));
        if word_before_is_glued {
            continue;
        }
        if kind == NumberKind::Count
            && matched.eq_ignore_ascii_case("one")
            && ONE_AS_PRONOUN_BEFORE.contains(&prev_word.as_str())
        {
            continue;
        }
        // A bare "a"/"an" duration ("a year") is too vague to mark.
        if kind == NumberKind::Duration
            && (matched.to_lowercase().starts_with("a ")
                || matched.to_lowercase().starts_with("an "))
        {
            continue;
        }
        taken.push(s);
        out.push(mention);
    }
    out.sort_by_key(|n| n.span);
    out
}

/// The anchor date of a set of texts: the latest valid full date written in any of them.
pub fn anchor_date(texts: &[&str]) -> Option<Date> {
    let rules = rules();
    let mut best: Option<Date> = None;
    for text in texts {
        for rule in rules
            .iter()
            .filter(|r| r.priority == 0 && r.pattern.contains("P<d>") && r.pattern.contains("P<y>"))
        {
            for c in rule.captures(text) {
                let month = cap(&c, "m")
                    .and_then(month_number)
                    .or_else(|| cap(&c, "mn").and_then(|m| m.parse().ok()));
                let (Some(y), Some(m), Some(d)) = (
                    cap(&c, "y").and_then(|y| y.parse().ok()),
                    month,
                    cap(&c, "d").and_then(|d| d.parse().ok()),
                ) else {
                    continue;
                };
                let date = Date {
                    year: y,
                    month: m,
                    day: d,
                };
                if date.valid() && best.is_none_or(|b| date > b) {
                    best = Some(date);
                }
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_compiles() {
        for rule in rules() {
            assert!(rule.re().is_some(), "{}", rule.pattern);
        }
        assert!(rule_set().is_some());
    }

    #[test]
    fn the_prefilter_changes_nothing_but_speed() {
        for seed in crate::seeds::SEEDS {
            let text = seed.text;
            let all = Span::new(0, text.len());
            let plain = Resolve::for_texts(&[text]);
            assert!(!plain.prefilter, "a seed is short");
            let filtered = Resolve {
                prefilter: true,
                ..Resolve::for_texts(&[text])
            };
            assert_eq!(find(text, all, &plain), find(text, all, &filtered));
        }
        let long = "x".repeat(PREFILTER_FROM_BYTES);
        assert!(Resolve::for_texts(&[&long]).prefilter);
    }

    fn nums(text: &str) -> Vec<(String, NumberKind, Option<Value>, Option<String>)> {
        let r = Resolve {
            anchor: Some(Date {
                year: 2025,
                month: 12,
                day: 2,
            }),
            prefilter: false,
        };
        find(text, Span::new(0, text.len()), &r)
            .into_iter()
            .map(|n| {
                (
                    n.span.slice(text).unwrap_or("").to_string(),
                    n.kind,
                    n.value,
                    n.unit,
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, NumberKind, Option<Value>, Option<String>) {
        let v = nums(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.into_iter().next().unwrap()
    }

    macro_rules! t {
        ($name:ident, $text:expr, $span:expr, $kind:ident, $value:expr) => {
            #[test]
            fn $name() {
                let (s, k, v, _) = one($text);
                assert_eq!(s, $span);
                assert_eq!(k, NumberKind::$kind);
                assert_eq!(v, $value);
            }
        };
    }

    fn n(v: f64) -> Option<Value> {
        Some(Value::Number(v))
    }
    fn iso(s: &str) -> Option<Value> {
        Some(Value::Iso(s.into()))
    }
    fn r(a: f64, b: f64) -> Option<Value> {
        Some(Value::Range([a, b]))
    }

    t!(
        digits_with_separators,
        "Russia launched 5,660 missiles.",
        "5,660",
        Count,
        n(5660.0)
    );
    t!(decimals, "It grew 2.5 times.", "2.5", Count, n(2.5));
    t!(
        spelled_duration,
        "talks lasted five hours",
        "five hours",
        Duration,
        n(5.0)
    );
    t!(
        approximate_duration,
        "lasted nearly five hours",
        "nearly five hours",
        Duration,
        n(5.0)
    );
    t!(
        hyphen_duration,
        "after a five-hour meeting",
        "five-hour",
        Duration,
        n(5.0)
    );
    t!(
        percent_sign,
        "about 19% of Ukraine",
        "about 19%",
        Percent,
        n(19.0)
    );
    t!(
        percent_word,
        "more than 19 percent of it",
        "more than 19 percent",
        Percent,
        n(19.0)
    );
    t!(
        percentage_point,
        "up one percentage point",
        "one percentage point",
        Percent,
        n(1.0)
    );
    t!(
        area,
        "seized 701 sq km in a month",
        "701 sq km",
        Area,
        n(701.0)
    );
    t!(
        area_words,
        "roughly 5,000 square kilometers of land",
        "roughly 5,000 square kilometers",
        Area,
        n(5000.0)
    );
    t!(
        range,
        "estimates of 25,000 to 30,000 per month",
        "25,000 to 30,000",
        Range,
        r(25000.0, 30000.0)
    );
    t!(
        magnitude,
        "causing tens of thousands of casualties",
        "tens of thousands",
        Count,
        r(10000.0, 99999.0)
    );
    t!(age, "The 73-year-old said", "73-year-old", Age, n(73.0));
    t!(
        compound,
        "a leaked 28-point draft",
        "28-point",
        Count,
        n(28.0)
    );
    t!(
        money,
        "a $1.5 billion deal",
        "$1.5 billion",
        Money,
        n(1.5e9)
    );
    t!(
        full_date,
        "on December 2, 2025 in Moscow",
        "December 2, 2025",
        Date,
        iso("2025-12-02")
    );
    t!(
        month_year,
        "in February 2022 it began",
        "February 2022",
        Date,
        iso("2022-02")
    );
    t!(
        late_month,
        "in late October it said",
        "late October",
        Date,
        iso("2025-10")
    );
    t!(
        weekday_before,
        "to resign Friday",
        "Friday",
        Date,
        iso("2025-11-28")
    );
    t!(
        weekday_after,
        "as early as Wednesday",
        "Wednesday",
        Date,
        iso("2025-12-03")
    );
    t!(
        midnight,
        "ended after midnight",
        "midnight",
        Time,
        iso("00:00")
    );
    t!(
        clock,
        "at 3:30 p.m. local time",
        "3:30 p.m.",
        Time,
        iso("15:30")
    );
    t!(year, "since 2022 at least", "2022", Date, iso("2022"));
    t!(ordinal, "the first major move", "first", Ordinal, n(1.0));
    t!(ordinal_digits, "the 21st century", "21st", Ordinal, n(21.0));
    t!(
        twenty_one,
        "twenty-one people",
        "twenty-one",
        Count,
        n(21.0)
    );

    #[test]
    fn pronoun_one_is_not_a_number() {
        assert!(nums("no one came and the one who did left").is_empty());
    }

    #[test]
    fn anchor_is_the_latest_full_date() {
        let a = anchor_date(&["on March 3, 2024 and", "met on December 2, 2025 [photo]"]);
        assert_eq!(
            a,
            Some(Date {
                year: 2025,
                month: 12,
                day: 2
            })
        );
        assert_eq!(anchor_date(&["no dates here"]), None);
    }

    #[test]
    fn calendar_arithmetic() {
        let d = Date {
            year: 2025,
            month: 12,
            day: 2,
        };
        assert_eq!(d.weekday(), 1, "Tuesday");
        assert_eq!(Date::from_days(d.to_days()), d);
        assert!(!Date {
            year: 2025,
            month: 2,
            day: 30
        }
        .valid());
    }
}
