//! Quantities in a sentence: percentages, fractions, money, counts, ranges and changes,
//! with their qualifier. Offsets are relative to the sentence text.

use crate::number::{atoms, Atom};
use crate::{Direction, Quantity};
use regex::Regex;
use std::sync::LazyLock;

/// A quantity found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// Value span: qualifier, quantity and (for counts) unit.
    pub start: usize,
    pub end: usize,
    pub quantity: Quantity,
    pub qualifier: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Class {
    None,
    Percent,
    Points,
    Money,
    Count,
}

static CURRENCY_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?P<c>US\s?\$|U\.S\.\s?\$|A\$|AU\$|C\$|CA\$|HK\$|S\$|NZ\$|NT\$|R\$|Rs\.?|\$|€|£|¥|₹|₪|₽|(?:USD|EUR|GBP|JPY|CNY|RMB|CHF|INR|AUD|CAD|HKD|SGD|MYR)\b)\s?$",
    )
    .expect("currency prefix")
});

static CURRENCY_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^\s*(?:(?P<adj>US|U\.S\.|American|Hong\ Kong|Singapore|Australian|Canadian|New\ Zealand|Taiwan|Taiwanese|Indian|Pakistani|Philippine|Mexican|Swiss|Jordanian|Iraqi|Kuwaiti|Saudi|Iranian|Israeli|Malaysian|Thai|Chinese|Japanese|South\ Korean|Russian|Turkish|Egyptian|Brazilian|Argentine|new)\s+)?
        (?P<cur>dollars?|ringgit|euros?|yen|yuan|renminbi|pounds?(?:\s+sterling)?|sterling|rupees?|rupiah|baht|pesos?|roubles?|rubles?|francs?|(?:deutsche\s+)?marks|won|dinars?|riyals?|rials?|rand|shekels?|lira|liras|manat|dirhams?|kroner|kronor|krona|zlotys?|forint|hryvnias?|naira|shillings?|dong|taka|reais|real|kina|kwacha|cedis?|birr|afghanis?|tenge|lari|dram|lei|leu|leva|kuna|korun[ay]|leones?|USD|EUR|GBP|JPY|CNY|RMB|CHF|INR)\b",
    )
    .expect("currency suffix")
});

static PERCENT_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?P<pp>percentage[\s-]points?)|%|percent\b|per\s?cent\b|pct\b)")
        .expect("percent suffix")
});

static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)\b(?P<q>more\s+than|less\s+than|fewer\s+than|over|under|nearly|almost|about|around|roughly|approximately|some|at\s+least|at\s+most|up\s+to|as\s+(?:many|much|few|little)\s+as|close\s+to|just\s+(?:over|under)|well\s+(?:over|above|below|under)|an\s+estimated|estimated|only|just|a\s+record|upwards\s+of|in\s+excess\s+of|barely|above|below)\s+$",
    )
    .expect("qualifier")
});

static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)\b(?P<v>up|down|rose|rises|rise|rising|risen|fell|fallen|falls|fall|falling|dropped|drops|drop|dropping|declined|declines|declining|increased|increases|increasing|decreased|decreases|decreasing|gained|gains|gaining|lost|loses|losing|slipped|slips|slid|slides|dipped|dips|jumped|jumps|surged|surges|soared|soars|plunged|plunges|plummeted|tumbled|tumbles|climbed|climbs|grew|grows|grown|growing|shrank|shrinks|shrunk|contracted|contracts|eased|eases|edged\s+(?:up|down|higher|lower)|added|adds|shed|sheds|advanced|advances|retreated|slumped|rallied|widened|narrowed|cut|cuts|raised|raises|lowered|boosted|reduced|lifted|hiked|trimmed|slashed|(?:an?\s+)?(?:increase|decrease|rise|fall|drop|decline|gain|loss|growth|jump|cut|reduction)\s+of)(?:\s+by|(?:\s+[\w’']+){1,3}\s+by)?\s+$",
    )
    .expect("change")
});

static FRACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \b(?P<num>a|one|two|three|four|five|six|seven|eight|nine)[-\x20](?P<den>halves|half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\b
      | \b(?P<half>half)\b
      | \b(?P<a>one|two|three|four|five|\d{1,2})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b",
    )
    .expect("fraction")
});

const MONTHS: &[&str] = &[
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
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words before a number that make it an identifier or a position, not a quantity.
const IDENT_BEFORE: &[&str] = &[
    "page",
    "p.",
    "pp.",
    "no.",
    "no",
    "nos.",
    "number",
    "room",
    "flight",
    "route",
    "article",
    "resolution",
    "chapter",
    "section",
    "paragraph",
    "verse",
    "line",
    "level",
    "grade",
    "category",
    "phase",
    "stage",
    "round",
    "season",
    "episode",
    "volume",
    "vol.",
    "issue",
    "version",
    "model",
    "type",
    "highway",
    "road",
    "bus",
    "platform",
    "gate",
    "terminal",
    "ward",
    "district",
    "zone",
    "lot",
    "item",
    "clause",
    "rule",
    "amendment",
    "act",
    "bill",
    "channel",
    "track",
    "game",
    "match",
    "day",
    "week",
    "year",
    "aged",
    "age",
    "ages",
    "apollo",
    "boeing",
    "airbus",
    "su",
    "mig",
    "f",
    "t",
    "ak",
    "#",
    "tel",
    "tel.",
    "fax",
    "phone",
    "ext",
    "ext.",
    "box",
    "suite",
    "floor",
    "block",
    "building",
    "hall",
    "unit",
    "division",
    "brigade",
    "battalion",
    "regiment",
    "corps",
    "army",
    "fleet",
    "squadron",
    "world",
    "top",
    "g",
    "covid",
    "uss",
    "article",
    "articles",
    "under",
];

/// Determiners and other words before a number that make it a definite or ordinal
/// reference ("the two countries", "the past 35 years"), not a stated count.
const DET_BEFORE: &[&str] = &[
    "the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "whose", "both",
    "first", "last", "next", "past", "top", "other", "every", "each", "of", "those", "were",
    "aged", "than", "and", "or", "to", "from",
];

/// Time units: durations and ages belong to the time-expression stage.
const TIME_UNITS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "century",
    "centuries",
    "times",
    "time",
    "o'clock",
    "ones",
    "nights",
    "night",
    "mornings",
    "evenings",
    "weekends",
    "quarters",
    "years-old",
    "yrs",
    "hrs",
    "mins",
    "millennia",
];

/// Irregular or unit-like plural heads.
const UNIT_WORDS: &[&str] = &[
    "people",
    "police",
    "personnel",
    "staff",
    "children",
    "men",
    "women",
    "cattle",
    "livestock",
    "sheep",
    "fish",
    "aircraft",
    "feet",
    "km",
    "kg",
    "mw",
    "gw",
    "kwh",
    "bpd",
    "mph",
    "sq",
    "ha",
    "mt",
    "tonnes",
    "tons",
    "militia",
    "infantry",
    "crew",
    "youth",
    "poultry",
    "deer",
    "offspring",
    "clergy",
    "electorate",
    "cavalry",
    "folk",
];

/// Words ending in -s that are not plural nouns.
const NOT_PLURAL: &[&str] = &[
    "was",
    "has",
    "is",
    "this",
    "its",
    "as",
    "us",
    "his",
    "hers",
    "yes",
    "always",
    "perhaps",
    "besides",
    "whereas",
    "towards",
    "afterwards",
    "ours",
    "theirs",
    "thus",
    "less",
    "unless",
    "across",
    "plus",
    "minus",
    "versus",
    "does",
    "goes",
    "says",
    "news",
    "series",
    "means",
    "whereas",
    "sometimes",
    "nevertheless",
    "various",
    "previous",
    "famous",
    "serious",
    "numerous",
    "ves",
    "overseas",
    "tens",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "percents",
];

/// Words that end a unit phrase before its head.
const UNIT_STOP: &[&str] = &[
    "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "for", "from", "by", "with",
    "than", "as", "that", "which", "who", "were", "was", "is", "are", "be", "been", "has", "have",
    "had", "will", "would", "more", "less", "per", "each", "said", "says", "this", "these",
    "those", "it", "they", "he", "she", "we", "i", "you", "but", "if", "when", "while", "after",
    "before", "since", "into", "over", "under", "between", "against", "across", "during", "not",
    "no", "so", "also", "only", "just", "percent", "points", "out", "up", "down", "ago", "later",
    "earlier",
];

pub(crate) fn lower_words_before(s: &str, n: usize) -> Vec<String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    words[words.len().saturating_sub(n)..]
        .iter()
        .map(|w| w.to_lowercase())
        .collect()
}

fn prev_word(s: &str) -> String {
    lower_words_before(s, 1).pop().unwrap_or_default()
}

fn next_word(s: &str) -> String {
    s.split_whitespace().next().unwrap_or("").to_lowercase()
}

fn is_plural_head(w: &str) -> bool {
    let l = w.to_lowercase();
    if UNIT_WORDS.contains(&l.as_str()) {
        return true;
    }
    if NOT_PLURAL.contains(&l.as_str()) || TIME_UNITS.contains(&l.as_str()) {
        return false;
    }
    l.len() >= 3
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !l.ends_with("is")
        && !l.ends_with("'s")
        && !l.ends_with("’s")
        && l.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// Words of `s` from its beginning (span relative to `s`), up to `max`, stopping at
/// anything that is not a word.
fn words_ahead(s: &str, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    let b = s.as_bytes();
    while out.len() < max {
        let ws = i;
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        if i == ws || i >= b.len() {
            break;
        }
        let st = i;
        for (k, c) in s[i..].char_indices() {
            if c.is_alphabetic() || c == '-' || c == '\'' {
                i = st + k + c.len_utf8();
            } else {
                break;
            }
        }
        if i == st {
            break;
        }
        out.push((st, i));
    }
    out
}

/// The counted thing after a number: "troops", "land border crossings", "barrels a day".
fn unit_after(s: &str, from: usize, n: f64) -> Option<usize> {
    let rest = &s[from..];
    let ws = words_ahead(rest, 5);
    let mut head = None;
    for (k, &(a, b)) in ws.iter().enumerate().take(4) {
        let w = &rest[a..b];
        let l = w.to_lowercase();
        if UNIT_STOP.contains(&l.as_str()) || TIME_UNITS.contains(&l.as_str()) {
            break;
        }
        if n > 1.0 && is_plural_head(w) {
            head = Some(k);
            break;
        }
        // a modifier must look like one: not an -ly adverb, not a verb form ending in -ing
        if l.ends_with("ly") || l.ends_with("ing") {
            break;
        }
    }
    let k = head?;
    let mut end = from + ws[k].1;
    // rate: "barrels a day", "tonnes per year"
    static RATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\s+(?:a|per|each|every|an)\s+(?:day|year|month|week|hour|annum|minute|second)\b",
        )
        .expect("rate")
    });
    if let Some(m) = RATE.find(&s[end..]) {
        end += m.end();
    }
    Some(end)
}

fn currency_code(sym: &str, adj: Option<&str>) -> String {
    let sym = sym.trim();
    let adj = adj.map(|a| a.to_lowercase());
    let l = sym.to_lowercase();
    let l = l.split_whitespace().collect::<Vec<_>>().join(" ");
    let code = match (adj.as_deref(), l.as_str()) {
        (Some("hong kong"), _) if l.starts_with("dollar") => "HKD",
        (Some("singapore"), _) if l.starts_with("dollar") => "SGD",
        (Some("australian"), _) if l.starts_with("dollar") => "AUD",
        (Some("canadian"), _) if l.starts_with("dollar") => "CAD",
        (Some("new zealand"), _) if l.starts_with("dollar") => "NZD",
        (Some("taiwan" | "taiwanese"), _) if l.starts_with("dollar") => "TWD",
        (Some("indian"), _) if l.starts_with("rupee") => "INR",
        (Some("pakistani"), _) if l.starts_with("rupee") => "PKR",
        (Some("philippine"), _) if l.starts_with("peso") => "PHP",
        (Some("mexican"), _) if l.starts_with("peso") => "MXN",
        (Some("swiss"), _) if l.starts_with("franc") => "CHF",
        (Some("jordanian"), _) if l.starts_with("dinar") => "JOD",
        (Some("iraqi"), _) if l.starts_with("dinar") => "IQD",
        (Some("kuwaiti"), _) if l.starts_with("dinar") => "KWD",
        (Some("saudi"), _) if l.starts_with("riyal") => "SAR",
        (Some("iranian"), _) if l.starts_with("rial") => "IRR",
        (Some("israeli" | "new"), _) if l.starts_with("shekel") => "ILS",
        (Some("egyptian"), _) if l.starts_with("pound") => "EGP",
        (Some("turkish"), _) if l.starts_with("lira") => "TRY",
        (Some("south korean"), _) if l == "won" => "KRW",
        (Some("chinese"), _) if l == "yuan" || l == "renminbi" => "CNY",
        (Some("russian"), _) if l.starts_with("ruble") || l.starts_with("rouble") => "RUB",
        (_, "$" | "us$" | "us $" | "u.s.$" | "u.s. $" | "usd" | "dollar" | "dollars") => "USD",
        (_, "a$" | "au$" | "aud") => "AUD",
        (_, "c$" | "ca$" | "cad") => "CAD",
        (_, "hk$" | "hkd") => "HKD",
        (_, "s$" | "sgd") => "SGD",
        (_, "nz$") => "NZD",
        (_, "nt$") => "TWD",
        (_, "r$" | "reais" | "real") => "BRL",
        (_, "€" | "eur" | "euro" | "euros") => "EUR",
        (
            _,
            "£" | "gbp" | "pound" | "pounds" | "pound sterling" | "pounds sterling" | "sterling",
        ) => "GBP",
        (_, "¥" | "jpy" | "yen") => "JPY",
        (_, "cny" | "rmb" | "yuan" | "renminbi") => "CNY",
        (_, "₹" | "inr") => "INR",
        (_, "₪" | "shekel" | "shekels") => "ILS",
        (_, "₽" | "rouble" | "roubles" | "ruble" | "rubles") => "RUB",
        (_, "chf") => "CHF",
        (_, "myr" | "ringgit") => "MYR",
        (_, "rupiah") => "IDR",
        (_, "baht") => "THB",
        (_, "won") => "KRW",
        (_, "manat") => "AZN",
        (_, "hryvnia" | "hryvnias") => "UAH",
        (_, "naira") => "NGN",
        (_, "rand") => "ZAR",
        (_, "zloty" | "zlotys") => "PLN",
        (_, "forint") => "HUF",
        (_, "dong") => "VND",
        (_, "taka") => "BDT",
        (_, "lira" | "liras") => "TRY",
        (_, "dirham" | "dirhams") => "AED",
        _ => "",
    };
    if code.is_empty() {
        match adj {
            Some(a) => format!("{a} {l}"),
            None => l,
        }
    } else {
        code.to_string()
    }
}

#[derive(Debug, Clone)]
struct Cand {
    atom: Atom,
    class: Class,
    /// span start (currency prefix included) and end (suffix or unit included)
    start: usize,
    end: usize,
    currency: String,
    unit: String,
}

fn classify(s: &str, a: &Atom) -> Cand {
    let before = &s[..a.start];
    let after = &s[a.end..];
    let mut c = Cand {
        atom: a.clone(),
        class: Class::None,
        start: a.start,
        end: a.end,
        currency: String::new(),
        unit: String::new(),
    };
    if let Some(m) = PERCENT_SUFFIX.captures(after) {
        c.class = if m.name("pp").is_some() {
            Class::Points
        } else {
            Class::Percent
        };
        c.end = a.end + m.get(0).expect("m").end();
        return c;
    }
    if let Some(m) = CURRENCY_PREFIX.captures(before) {
        if !a.word {
            let sym = m.name("c").expect("c");
            c.class = Class::Money;
            c.start = sym.start();
            c.currency = currency_code(sym.as_str(), None);
            // "$5 million dollars" is rare; "US$ 1.5 billion" is covered by the prefix
            return c;
        }
    }
    if let Some(m) = CURRENCY_SUFFIX.captures(after) {
        let cur = m.name("cur").expect("cur").as_str();
        let is_weight = cur.to_lowercase().starts_with("pound")
            && next_word(&after[m.get(0).expect("m").end()..]) == "of";
        let is_won = cur == "won" && !a.scaled && m.name("adj").is_none();
        if !is_weight && !is_won {
            c.class = Class::Money;
            c.end = a.end + m.get(0).expect("m").end();
            c.currency = currency_code(cur, m.name("adj").map(|x| x.as_str()));
            return c;
        }
    }
    if let Some(end) = unit_after(s, a.end, a.value) {
        c.class = Class::Count;
        c.end = end;
        c.unit = s[a.end..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        return c;
    }
    if a.scaled && !a.word {
        c.class = Class::Count;
    }
    c
}

/// Whether a count candidate is a stated count and not a year, date, age, identifier or definite reference.
fn count_ok(s: &str, c: &Cand, qualified: bool) -> bool {
    let a = &c.atom;
    let before = &s[..a.start];
    let pw = prev_word(before);
    let pw = pw.trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '.' && ch != '#');
    if a.value == 1.0 && !a.scaled {
        return false;
    }
    // "China's four other main cities": a definite reference
    if !qualified && (before.trim_end().ends_with("'s") || before.trim_end().ends_with("’s")) {
        return false;
    }
    if a.yearlike && !qualified {
        return false;
    }
    if MONTHS.contains(&pw)
        || MONTHS.contains(&next_word(&s[a.end..]).trim_matches(|ch: char| !ch.is_alphabetic()))
    {
        return false;
    }
    if IDENT_BEFORE.contains(&pw) {
        return false;
    }
    if !qualified && DET_BEFORE.contains(&pw) && !(a.scaled && pw == "of") {
        return false;
    }
    // capitalised word right before a digit number: a name ("Resolution 1701", "Windows 95")
    if !a.word && !qualified {
        if let Some(w) = before.split_whitespace().last() {
            let first = w.chars().next().unwrap_or(' ');
            let at_start = before.trim_end().len() == w.len();
            if first.is_uppercase() && !at_start && w.chars().all(|ch| ch.is_alphabetic()) {
                return false;
            }
        }
    }
    true
}

fn fraction_value(c: &regex::Captures<'_>) -> Option<f64> {
    fn small(w: &str) -> Option<f64> {
        let w = w.to_lowercase();
        match w.as_str() {
            "a" | "one" => Some(1.0),
            "two" => Some(2.0),
            "three" => Some(3.0),
            "four" => Some(4.0),
            "five" => Some(5.0),
            "six" => Some(6.0),
            "seven" => Some(7.0),
            "eight" => Some(8.0),
            "nine" => Some(9.0),
            "ten" => Some(10.0),
            _ => w.parse().ok(),
        }
    }
    if c.name("half").is_some() {
        return Some(0.5);
    }
    if let (Some(num), Some(den)) = (c.name("num"), c.name("den")) {
        let d = den.as_str().to_lowercase();
        let dv = if d.starts_with("hal") {
            2.0
        } else if d.starts_with("third") {
            3.0
        } else if d.starts_with("quarter") {
            4.0
        } else if d.starts_with("fifth") {
            5.0
        } else if d.starts_with("sixth") {
            6.0
        } else if d.starts_with("eighth") {
            8.0
        } else {
            10.0
        };
        return Some(small(num.as_str())? / dv);
    }
    let (a, b) = (small(c.name("a")?.as_str())?, small(c.name("b")?.as_str())?);
    (b > a && a > 0.0).then_some(a / b)
}

fn fractions(s: &str) -> Vec<(usize, usize, f64)> {
    let mut out = Vec::new();
    for c in FRACTION.captures_iter(s) {
        let m = c.get(0).expect("m");
        let Some(v) = fraction_value(&c) else {
            continue;
        };
        let before = &s[..m.start()];
        let after = &s[m.end()..];
        let pw = prev_word(before);
        let nw = next_word(after);
        let plural_num = c
            .name("num")
            .is_some_and(|n| !matches!(n.as_str().to_lowercase().as_str(), "a" | "one"));
        let det_after = matches!(
            nw.as_str(),
            "of" | "the"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "all"
                | "those"
                | "these"
                | "this"
                | "that"
        );
        if c.name("half").is_some() {
            if matches!(
                pw.as_str(),
                "and"
                    | "first"
                    | "second"
                    | "latter"
                    | "other"
                    | "the"
                    | "this"
                    | "last"
                    | "next"
                    | "a"
                    | "one"
                    | "in"
            ) || !det_after
            {
                continue;
            }
        } else if c.name("num").is_some() {
            if pw == "and" || pw == "the" || (!plural_num && !det_after) {
                continue;
            }
            // "two-thirds" needs something after it: "of", a determiner or a noun ("majority")
            if plural_num && nw.is_empty() {
                continue;
            }
        } else {
            let b = c.name("b").expect("b").as_str();
            if b.len() == 4 && b.bytes().all(|x| x.is_ascii_digit()) {
                continue;
            }
        }
        out.push((m.start(), m.end(), v));
    }
    out
}

fn make(class: Class, v: f64, cand: &Cand) -> Quantity {
    match class {
        Class::Percent => Quantity::Percent(v),
        Class::Points => Quantity::PercentagePoints(v),
        Class::Money => Quantity::Money {
            amount: v,
            currency: cand.currency.clone(),
        },
        Class::Count | Class::None => Quantity::Count {
            n: v,
            unit: cand.unit.clone(),
        },
    }
}

fn qualifier_before(s: &str, at: usize) -> Option<(usize, String)> {
    let m = QUALIFIER.captures(&s[..at])?;
    let q = m.name("q").expect("q");
    Some((
        q.start(),
        q.as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
    ))
}

fn change_before(s: &str, at: usize) -> Option<Direction> {
    let m = CHANGE.captures(&s[..at])?;
    let v = m.name("v").expect("v").as_str().to_lowercase();
    let down = [
        "down",
        "fell",
        "fallen",
        "fall",
        "drop",
        "declin",
        "decreas",
        "lost",
        "los",
        "slip",
        "slid",
        "dip",
        "plung",
        "plummet",
        "tumbl",
        "shr",
        "trim",
        "slash",
        "contract",
        "eas",
        "shed",
        "retreat",
        "slump",
        "narrow",
        "cut",
        "lower",
        "reduc",
        "edged down",
        "edged lower",
        "an decrease",
        "a fall",
        "a drop",
        "a decline",
        "a loss",
        "a cut",
        "a reduction",
    ];
    let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
    let core = v.trim_start_matches("a ").trim_start_matches("an ");
    if down
        .iter()
        .any(|d| core.starts_with(d.trim_start_matches("a ").trim_start_matches("an ")))
        && !core.starts_with("rais")
    {
        Some(Direction::Down)
    } else {
        Some(Direction::Up)
    }
}

/// "0.2 percent higher", "3 percent down".
fn change_after(rest: &str) -> Option<Direction> {
    match next_word(rest).trim_matches(|c: char| !c.is_alphabetic()) {
        "higher" | "up" | "more" => Some(Direction::Up),
        "lower" | "down" | "less" => Some(Direction::Down),
        _ => None,
    }
}

/// All quantities of a sentence, in order, not overlapping.
pub(crate) fn find(s: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let fracs = fractions(s);
    let cands: Vec<Cand> = atoms(s)
        .into_iter()
        .filter(|a| !fracs.iter().any(|&(fs, fe, _)| a.start < fe && fs < a.end))
        .map(|a| classify(s, &a))
        .collect();

    let mut i = 0;
    while i < cands.len() {
        let c = &cands[i];
        // ranges: "10-20 percent", "between 10 and 20 percent", "$1 million to $2 million"
        if let Some(n) = cands.get(i + 1) {
            let sep = s.get(c.end..n.start).map_or("?", str::trim);
            let between = prev_word(&s[..c.start]) == "between";
            let joinable = matches!(sep, "-" | "–" | "to") || (sep == "and" && between);
            let same = c.class == n.class
                || c.class == Class::None
                || (c.class == Class::Count && c.unit.is_empty());
            if joinable && n.class != Class::None && same && !(n.atom.yearlike && c.atom.yearlike) {
                let class = n.class;
                let q = Quantity::Range {
                    low: Box::new(make(class, c.atom.value, n)),
                    high: Box::new(make(class, n.atom.value, n)),
                };
                let mut start = c.start;
                let mut qualifier = None;
                if between {
                    start = s[..c.start].trim_end().len() - "between".len();
                } else if let Some((qs, q)) = qualifier_before(s, c.start) {
                    start = qs;
                    qualifier = Some(q);
                }
                let q = match change_before(s, start) {
                    Some(d) if !between => Quantity::Change {
                        direction: d,
                        by: Box::new(q),
                    },
                    _ => q,
                };
                if class != Class::Count || count_ok(s, n, true) {
                    out.push(Found {
                        start,
                        end: n.end,
                        quantity: q,
                        qualifier,
                    });
                }
                i += 2;
                continue;
            }
        }
        i += 1;
        if c.class == Class::None {
            continue;
        }
        let qual = qualifier_before(s, c.start);
        if c.class == Class::Count && !count_ok(s, c, qual.is_some()) {
            continue;
        }
        let (start, qualifier) = match qual {
            Some((qs, q)) => (qs, Some(q)),
            None => (c.start, None),
        };
        let mut q = make(c.class, c.atom.value, c);
        if let Some(d) = change_before(s, start).or_else(|| change_after(&s[c.end..])) {
            q = Quantity::Change {
                direction: d,
                by: Box::new(q),
            };
        }
        out.push(Found {
            start,
            end: c.end,
            quantity: q,
            qualifier,
        });
    }
    for (fs, fe, v) in fracs {
        let (start, qualifier) = match qualifier_before(s, fs) {
            Some((qs, q)) => (qs, Some(q)),
            None => (fs, None),
        };
        if out.iter().any(|f| f.start < fe && start < f.end) {
            continue;
        }
        out.push(Found {
            start,
            end: fe,
            quantity: Quantity::Fraction(v),
            qualifier,
        });
    }
    out.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut kept: Vec<Found> = Vec::with_capacity(out.len());
    for f in out {
        if kept.last().is_none_or(|k| k.end <= f.start) {
            kept.push(f);
        }
    }
    kept
}
