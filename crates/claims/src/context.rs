//! The context of a quantity in its sentence: measure, subject, source and the span of
//! the clause that states it.

use crate::find::{find, Found};
use crate::{Claim, ClaimSource, Quantity};
use aras_lex::{is_possessive, words};
use aras_nlp::model::{Analysis, AnalyzedWord};
use aras_text::Sentence;

/// Auxiliaries and common verbs: a subject noun phrase ends before one of them.
const VERBS: &[&str] = &[
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "shall",
    "does",
    "did",
    "do",
    "became",
    "become",
    "becomes",
    "remains",
    "remained",
    "accounts",
    "accounted",
    "account",
    "supplies",
    "supply",
    "supplied",
    "provides",
    "provide",
    "provided",
    "makes",
    "made",
    "make",
    "rose",
    "rises",
    "fell",
    "falls",
    "grew",
    "grows",
    "jumped",
    "dropped",
    "dipped",
    "slipped",
    "climbed",
    "tumbled",
    "gained",
    "lost",
    "reached",
    "reaches",
    "totalled",
    "totaled",
    "totals",
    "stood",
    "stands",
    "hit",
    "hits",
    "topped",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "estimated",
    "estimates",
    "showed",
    "shows",
    "show",
    "found",
    "finds",
    "announced",
    "added",
    "noted",
    "holds",
    "held",
    "controls",
    "controlled",
    "owns",
    "owned",
    "produces",
    "produced",
    "exported",
    "receives",
    "received",
    "spends",
    "spent",
    "employs",
    "represents",
    "represented",
    "sold",
    "sells",
    "bought",
    "buys",
    "pays",
    "paid",
    "earns",
    "earned",
    "needs",
    "wants",
    "plans",
    "planned",
    "expects",
    "expected",
    "hosts",
    "hosted",
    "contributes",
    "contributed",
    "generates",
    "generated",
    "covers",
    "covered",
    "killed",
    "kills",
    "sent",
    "sends",
    "deployed",
    "deploys",
    "won",
    "wins",
    "took",
    "takes",
    "gave",
    "gives",
    "got",
    "gets",
    "imported",
    "arrested",
    "fled",
    "left",
    "lead",
    "leads",
    "led",
    "came",
    "comes",
    "went",
    "goes",
    "put",
    "puts",
    "saw",
    "sees",
    "set",
    "sets",
    "seized",
    "captured",
    "wounded",
    "injured",
    "displaced",
    "pledged",
    "pledges",
    "promised",
    "offered",
    "offers",
    "approved",
    "approves",
    "allocated",
    "signed",
    "signs",
    "agreed",
    "cost",
    "costs",
    "worth",
    "dominate",
    "dominates",
    "outnumbered",
    "outnumber",
    "traded",
    "trades",
    "closed",
    "opened",
    "ended",
    "ends",
    "go",
    "goes",
    "went",
    "come",
    "remain",
    "belong",
    "belongs",
    "live",
    "lives",
    "depend",
    "depends",
    "used",
    "get",
    "want",
    "lacks",
    "own",
    "receive",
    "earn",
    "spend",
    "voted",
    "oppose",
    "opposes",
    "opposed",
    "backed",
    "believe",
    "believes",
    "think",
    "thinks",
    "live",
    "die",
    "died",
    "fled",
    "flee",
    "returned",
    "posted",
    "posts",
    "recorded",
    "records",
    "registered",
    "rising",
    "falling",
];

/// Participles and adjectives in -ed that do sit inside noun phrases.
const ADJ_ED: &[&str] = &[
    "armed",
    "united",
    "related",
    "advanced",
    "detailed",
    "unidentified",
    "unnamed",
    "alleged",
    "so-called",
    "disputed",
    "occupied",
    "elected",
    "retired",
    "limited",
    "skilled",
    "unemployed",
    "displaced",
    "detained",
    "wounded",
    "injured",
    "embattled",
    "unprecedented",
    "sophisticated",
    "combined",
    "registered",
    "listed",
    "estimated",
    "expected",
    "planned",
    "proposed",
    "reported",
    "renewed",
    "armoured",
    "armored",
    "need",
    "speed",
];

/// Words that end a noun phrase (prepositions, conjunctions, relative pronouns, ...).
const NP_STOP: &[&str] = &[
    "according",
    "which",
    "that",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "and",
    "or",
    "but",
    "as",
    "than",
    "from",
    "in",
    "to",
    "for",
    "on",
    "at",
    "by",
    "with",
    "since",
    "during",
    "between",
    "after",
    "before",
    "over",
    "under",
    "into",
    "against",
    "across",
    "through",
    "until",
    "despite",
    "because",
    "if",
    "although",
    "though",
    "including",
    "excluding",
    "compared",
    "not",
    "also",
    "now",
    "then",
    "still",
    "already",
    "only",
    "about",
    "around",
    "per",
    "versus",
    "like",
    "among",
    "amid",
    "via",
    "toward",
    "towards",
    "up",
    "down",
];

/// Boundaries of clauses, read backwards from a quantity.
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "where", "while", "whereas", "but", "because", "although",
    "though", "when", "if", "said", "says", "say", "told", "adding", "saying", "and",
];

const DATA_WORDS: &[&str] = &[
    "data",
    "figures",
    "statistics",
    "estimates",
    "estimate",
    "report",
    "survey",
    "study",
    "numbers",
    "analysis",
    "calculations",
    "count",
    "tally",
    "poll",
    "census",
    "research",
    "records",
    "report",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
];

const DETS: &[&str] = &["the", "a", "an", "this", "that", "these", "those"];

fn is_punct(w: &str) -> bool {
    !w.chars().any(|c| c.is_alphanumeric())
}

/// One sentence with quantities in it, read through the shared view.
struct Ctx<'a> {
    sent: aras_lex::Sent<'a>,
}

impl<'a> Ctx<'a> {
    fn len(&self) -> usize {
        self.sent.len()
    }

    fn w(&self, i: usize) -> &'a str {
        self.sent.form(i)
    }

    fn lw(&self, i: usize) -> &str {
        self.sent.lower(i)
    }

    /// First token starting at or after `pos`.
    fn tok_from(&self, pos: usize) -> usize {
        self.sent
            .tokens
            .iter()
            .position(|t| t.start >= pos)
            .unwrap_or(self.len())
    }

    /// An adverb in -ly ("currently", "reportedly"): not part of a subject noun phrase.
    fn adverb(&self, i: usize) -> bool {
        let w = self.w(i);
        w.chars().next().is_some_and(|c| c.is_lowercase())
            && w.len() > 4
            && w.ends_with("ly")
            && !matches!(
                w,
                "family"
                    | "supply"
                    | "assembly"
                    | "monopoly"
                    | "ally"
                    | "rally"
                    | "anomaly"
                    | "italy"
            )
    }

    fn span(&self, a: usize, b: usize) -> (usize, usize) {
        self.sent.span(a, b)
    }

    fn is_verb_form(&self, i: usize) -> bool {
        let w = self.w(i);
        let l = w.to_lowercase();
        if VERBS.contains(&l.as_str()) {
            return true;
        }
        let lower = w.chars().next().is_some_and(|c| c.is_lowercase());
        lower && l.len() > 4 && l.ends_with("ed") && !ADJ_ED.contains(&l.as_str())
    }

    /// Like [`Ctx::is_verb_form`], but a form after a determiner or possessive is a noun ("the cost").
    fn verbish(&self, i: usize) -> bool {
        self.is_verb_form(i)
            && !(i > 0 && (DETS.contains(&self.lw(i - 1)) || is_possessive(self.w(i - 1))))
    }

    /// A noun phrase forward from `i`: tokens `i..j`, or `None` when empty.
    fn np_forward(&self, i: usize, max: usize) -> Option<(usize, usize)> {
        let mut j = i;
        while j < self.len() && j - i < max {
            let w = self.w(j);
            let l = w.to_lowercase();
            if is_possessive(w) {
                j += 1;
                continue;
            }
            if (is_punct(w) && w != "-" && w != "&")
                || NP_STOP.contains(&l.as_str())
                || (j > i && self.verbish(j))
            {
                break;
            }
            // a plural head ends a noun phrase: "Kenya's tea exports | go to Pakistan"
            if j > i
                && l != "of"
                && !l.ends_with('s')
                && w.chars().all(|c| c.is_lowercase())
                && self.plural_head(j - 1)
            {
                break;
            }
            j += 1;
        }
        // no trailing determiners or hyphens
        while j > i && (DETS.contains(&self.lw(j - 1)) || self.w(j - 1) == "-") {
            j -= 1;
        }
        (j > i).then_some((i, j))
    }

    /// A noun phrase ending just before `end`, scanning back at most `max` tokens.
    fn np_backward(&self, end: usize, max: usize) -> Option<(usize, usize)> {
        let mut i = end;
        while i > 0 && end - i < max {
            let w = self.w(i - 1);
            let l = w.to_lowercase();
            if is_possessive(w) {
                i -= 1;
                continue;
            }
            if (is_punct(w) && w != "-" && w != "&")
                || NP_STOP.contains(&l.as_str())
                || self.verbish(i - 1)
            {
                break;
            }
            if l.ends_with("ing") && i >= 2 && VERBS.contains(&self.lw(i - 2)) {
                break;
            }
            if CLAUSE_WORDS.contains(&l.as_str()) {
                break;
            }
            i -= 1;
        }
        (i < end).then_some((i, end))
    }

    /// The possessor of a noun phrase ("Baku" in "Baku’s weapons imports"), possessive dropped.
    fn possessor(&self, np: (usize, usize)) -> Option<(usize, usize)> {
        let p = (np.0..np.1).find(|&k| is_possessive(self.w(k)))?;
        let mut a = np.0;
        while a < p && DETS.contains(&self.lw(a)) {
            a += 1;
        }
        (a < p).then_some((a, p))
    }

    fn plural_head(&self, i: usize) -> bool {
        let w = self.w(i);
        w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && w.chars().all(|c| c.is_lowercase())
    }

    fn is_boundary(&self, i: usize) -> bool {
        let w = self.w(i);
        matches!(
            w,
            "," | ";" | ":" | "“" | "”" | "\"" | "(" | ")" | "--" | "—" | "–"
        ) || CLAUSE_WORDS.contains(&w.to_lowercase().as_str())
    }

    /// The start of the clause holding token `q`, and its subject when it has one before
    /// `q`. A clause that opens with a verb or participle ("…, supplying more than half",
    /// "…, which processes 90,000 barrels") takes the subject of the clause before it.
    fn clause(&self, q: usize) -> (usize, Option<(usize, usize)>) {
        let mut end = q;
        let mut first_start: Option<usize> = None;
        let mut walked = false;
        for _ in 0..10 {
            let mut b = end;
            while b > 0 && !self.is_boundary(b - 1) {
                b -= 1;
            }
            let cs = b;
            let fcs = *first_start.get_or_insert(cs);
            if cs == end {
                // empty: the quantity opens its clause, or a boundary token
                if end == q || cs == 0 {
                    return (fcs, None);
                }
                if matches!(self.w(cs - 1), "(" | "“" | "\"" | "”" | ";" | ":") || !walked {
                    return (fcs, None);
                }
                end = cs - 1;
                continue;
            }
            let l = self.lw(cs);
            let lower = self.w(cs).chars().next().is_some_and(|c| c.is_lowercase());
            if lower && (l.ends_with("ing") || self.verbish(cs)) && cs > 0 {
                walked = true;
                end = cs;
                continue;
            }
            if NP_STOP.contains(&l) {
                return (fcs, None);
            }
            // "…, which processes 90,000 barrels": a relative clause whose subject is the antecedent
            if lower && cs > 0 && matches!(self.lw(cs - 1), "which" | "who" | "that") && !walked {
                let has_verb = (cs..end).any(|k| self.verbish(k));
                if !has_verb {
                    walked = true;
                    end = cs;
                    continue;
                }
            }
            let mut j = cs;
            while j < end && !self.verbish(j) && !is_punct(self.w(j)) {
                j += 1;
            }
            if j == end && walked {
                // antecedent of a relative or participle clause: "Baku’s refinery, which …"
                return (cs.min(fcs), Some((cs, end)));
            }
            if j >= q || j == cs || j == end || is_punct(self.w(j)) {
                return (fcs, None);
            }
            let mut e = j;
            while e > cs && self.adverb(e - 1) {
                e -= 1;
            }
            return (cs.min(fcs), (e > cs).then_some((cs, e)));
        }
        (first_start.unwrap_or(q), None)
    }

    /// Subject from the dependency analysis: `nsubj` of the nearest governing predicate.
    fn clause_subject_syntax(&self, q: usize) -> Option<Option<(usize, usize)>> {
        let a = self.sent.parsed().then_some(self.sent.words)?;
        let n = a.len();
        let head = |k: usize| -> Option<usize> {
            let h = a[k].head as usize;
            (h > 0 && h <= n).then(|| h - 1)
        };
        let mut cur = q;
        for _ in 0..n {
            if let Some(s) =
                (0..n).find(|&k| head(k) == Some(cur) && a[k].deprel.starts_with("nsubj"))
            {
                let (lo, hi) = subtree(a, s);
                if lo <= q && q <= hi {
                    return Some(None);
                }
                return Some(Some((lo, hi + 1)));
            }
            match head(cur) {
                Some(h) if !a[cur].deprel.starts_with("acl") && a[cur].deprel != "ccomp" => cur = h,
                _ => return Some(None),
            }
        }
        Some(None)
    }

    /// The end of the clause that holds tokens up to `last` (exclusive index).
    fn clause_end(&self, last: usize) -> usize {
        let mut j = last;
        while j < self.len() {
            let w = self.w(j);
            if matches!(w, "," | ";" | ":" | "(" | "“" | "”" | "\"" | "--" | "—") {
                break;
            }
            if is_punct(w) && j + 1 == self.len() {
                break;
            }
            j += 1;
        }
        j.max(last)
    }

    fn sources(&self, quantities: &[(usize, usize)]) -> Vec<(ClaimSource, usize)> {
        let mut out = Vec::new();
        let n = self.len();
        let inside_q = |a: usize, b: usize| {
            let (sa, sb) = self.span(a, b);
            quantities.iter().any(|&(qa, qb)| qa < sb && sa < qb)
        };
        let mut i = 0;
        while i < n {
            let l = self.lw(i);
            // according to X
            if l == "according" && i + 1 < n && self.lw(i + 1) == "to" {
                let mut a = i + 2;
                a = self.skip_data_words(a);
                while a < n && DETS.contains(&self.lw(a)) {
                    a += 1;
                }
                if let Some((s, e)) = self.source_np(a) {
                    if !inside_q(s, e) {
                        out.push((self.mk_source(s, e, "according to"), i));
                    }
                }
                i += 2;
                continue;
            }
            // data from X, figures released by X
            if DATA_WORDS.contains(&l) && i + 1 < n {
                let mut k = i + 1;
                if matches!(
                    self.lw(k),
                    "released" | "published" | "compiled" | "issued" | "provided" | "gathered"
                ) {
                    k += 1;
                }
                if k < n && matches!(self.lw(k), "from" | "by") {
                    let mut a = k + 1;
                    while a < n && DETS.contains(&self.lw(a)) {
                        a += 1;
                    }
                    if let Some((s, e)) = self.source_np(a) {
                        if !inside_q(s, e) {
                            let cue = format!("{} {}", l, self.lw(k));
                            out.push((self.mk_source(s, e, &cue), i));
                            i = e;
                            continue;
                        }
                    }
                }
            }
            if words().claim_report().contains(l) {
                let needs_that = words().claim_needs_that().contains(l);
                let that_after = i + 1 < n && self.lw(i + 1) == "that";
                let passive = i > 0
                    && matches!(
                        self.lw(i - 1),
                        "was" | "is" | "were" | "are" | "be" | "been" | "being"
                    );
                let q_before = quantities
                    .iter()
                    .any(|&(qa, _)| qa < self.sent.tokens[i].start);
                let noun =
                    i > 0 && (is_possessive(self.w(i - 1)) || DETS.contains(&self.lw(i - 1)));
                if (!needs_that || that_after || q_before) && !passive && !noun {
                    // X said / X's data show
                    let before = self.source_backward(i).filter(|&(a, b)| !inside_q(a, b));
                    let before = before.map(|(a, b)| {
                        let mut a = a;
                        while a < b && DETS.contains(&self.lw(a)) {
                            a += 1;
                        }
                        (a, b)
                    });
                    match before {
                        Some((a, b)) if a < b && !matches!(self.lw(a), "it" | "there") => {
                            let last = self.lw(b - 1);
                            if DATA_WORDS.contains(&last) && b - a >= 2 {
                                // "World Bank data show", "the ministry's figures showed"
                                let mut e = b - 1;
                                if is_possessive(self.w(e - 1)) {
                                    e -= 1;
                                }
                                if e > a {
                                    out.push((self.mk_source(a, e, &format!("{last} {l}")), i));
                                }
                            } else if !DATA_WORDS.contains(&last) || b - a >= 1 {
                                out.push((self.mk_source(a, b, l), i));
                            }
                        }
                        _ => {
                            // inverted: ", said Victor Wan, analyst at …"
                            let opens = i == 0 || matches!(self.w(i - 1), "," | "”" | "\"" | "’");
                            if opens && i + 1 < n {
                                let mut a = i + 1;
                                while a < n && DETS.contains(&self.lw(a)) {
                                    a += 1;
                                }
                                if let Some((s, e)) = self.source_np(a) {
                                    if !inside_q(s, e) {
                                        out.push((self.mk_source(s, e, l), i));
                                    }
                                }
                            }
                        }
                    }
                }
            }
            i += 1;
        }
        out
    }

    /// The noun phrase before a reporting verb, prepositional phrases included
    /// ("Officials in the port city of Marenza said").
    fn source_backward(&self, v: usize) -> Option<(usize, usize)> {
        let mut i = v;
        while i > 0 && v - i < 12 {
            let w = self.w(i - 1);
            let l = w.to_lowercase();
            if is_possessive(w) {
                i -= 1;
                continue;
            }
            let prep = matches!(
                l.as_str(),
                "of" | "in" | "at" | "for" | "from" | "with" | "on"
            );
            if prep && i < v && i >= 2 && !is_punct(self.w(i - 2)) && !self.verbish(i - 2) {
                i -= 1;
                continue;
            }
            if (is_punct(w) && w != "-" && w != "&")
                || NP_STOP.contains(&l.as_str())
                || self.verbish(i - 1)
                || CLAUSE_WORDS.contains(&l.as_str())
            {
                break;
            }
            i -= 1;
        }
        // never start on a preposition
        while i < v
            && matches!(
                self.lw(i),
                "of" | "in" | "at" | "for" | "from" | "with" | "on"
            )
        {
            i += 1;
        }
        (i < v).then_some((i, v))
    }

    fn skip_data_words(&self, a: usize) -> usize {
        let n = self.len();
        let mut k = a;
        while k < n
            && (DETS.contains(&self.lw(k))
                || matches!(
                    self.lw(k),
                    "official" | "latest" | "new" | "preliminary" | "government"
                ))
        {
            k += 1;
        }
        if k < n && DATA_WORDS.contains(&self.lw(k)) {
            let mut j = k + 1;
            if j < n
                && matches!(
                    self.lw(j),
                    "released" | "published" | "compiled" | "issued" | "provided"
                )
            {
                j += 1;
            }
            if j < n && matches!(self.lw(j), "from" | "by" | "of") {
                return j + 1;
            }
        }
        a
    }

    /// A source name forward from `a`: capitalised names run through "of", "for", "and".
    fn source_np(&self, a: usize) -> Option<(usize, usize)> {
        let n = self.len();
        let mut j = a;
        while j < n && j - a < 12 {
            let w = self.w(j);
            let l = w.to_lowercase();
            if is_possessive(w) {
                j += 1;
                continue;
            }
            if is_punct(w) && w != "-" && w != "&" {
                break;
            }
            // "of", "for", "and" continue a capitalised name ("Institute for Strategic Studies")
            if matches!(l.as_str(), "of" | "for" | "and" | "on" | "de")
                && j > a
                && self
                    .w(j - 1)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase())
                && j + 1 < n
                && self
                    .w(j + 1)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase())
            {
                j += 1;
                continue;
            }
            if NP_STOP.contains(&l.as_str()) || (j > a && self.verbish(j)) {
                break;
            }
            j += 1;
        }
        (j > a).then_some((a, j))
    }

    fn mk_source(&self, a: usize, b: usize, cue: &str) -> ClaimSource {
        let (s, e) = self.span(a, b);
        ClaimSource {
            name: self.sent.text[s..e].to_string(),
            start: s,
            end: e,
            cue: cue.to_string(),
        }
    }
}

fn subtree(a: &[AnalyzedWord<'_>], root: usize) -> (usize, usize) {
    let n = a.len();
    let mut lo = root;
    let mut hi = root;
    for k in 0..n {
        let mut cur = k;
        for _ in 0..n {
            if cur == root {
                lo = lo.min(k);
                hi = hi.max(k);
                break;
            }
            let h = a[cur].head as usize;
            if h == 0 || h > n {
                break;
            }
            cur = h - 1;
        }
    }
    (lo, hi)
}

/// Verbs and prepositions right before a value that make the clause subject its measure:
/// "unemployment stood at 7.5 percent", "trading volume was 162 million shares".
const LEVEL_BEFORE: &[&str] = &[
    "was", "were", "is", "are", "at", "to", "reached", "totalled", "totaled", "hit", "topped",
    "of", "by", "be", "worth",
];

pub(crate) fn sentence_claims(
    text: &str,
    s: &Sentence,
    syntax: Option<&Analysis<'_>>,
    out: &mut Vec<Claim>,
) {
    let stext = &text[s.start..s.end];
    let found: Vec<Found> = find(stext);
    if found.is_empty() || s.tokens.is_empty() {
        return;
    }
    if s.tokens.iter().any(|t| text.get(t.start..t.end).is_none()) {
        return;
    }
    let ctx = Ctx {
        sent: aras_lex::Sent::new(text, &s.tokens, syntax.map(|a| a.words.as_slice())),
    };
    let abs: Vec<(usize, usize)> = found
        .iter()
        .map(|f| (s.start + f.start, s.start + f.end))
        .collect();
    let sources = ctx.sources(&abs);

    for (f, &(vs, ve)) in found.iter().zip(&abs) {
        let qi = ctx.tok_from(vs);
        let after = ctx.tok_from(ve);
        if qi >= ctx.len() {
            continue;
        }
        // measure: "of X" after the value (money also "in X", "worth of X")
        let mut measure: Option<(usize, usize)> = None;
        let is_money = matches!(&f.quantity, Quantity::Money { .. })
            || matches!(&f.quantity, Quantity::Change { by, .. } if matches!(**by, Quantity::Money { .. }));
        if after < ctx.len() {
            let l = ctx.lw(after);
            let mut k = after;
            if is_money && l == "worth" && k + 1 < ctx.len() && ctx.lw(k + 1) == "of" {
                k += 1;
            }
            let l = ctx.lw(k);
            if l == "of" || (is_money && l == "in") {
                measure = ctx.np_forward(k + 1, 10);
            } else if matches!(f.quantity, Quantity::Fraction(_)) && !is_punct(ctx.w(k)) {
                // "one in five residents of the old town", "half the population"
                measure = ctx.np_forward(k, 10);
            }
        }
        // "a turnout of 60 percent", "imports of $5 billion"
        let mut measure_before = false;
        if measure.is_none() && qi >= 2 && ctx.lw(qi - 1) == "of" {
            let prev = ctx.w(qi - 2);
            if prev.chars().all(|c| c.is_alphabetic())
                && !DETS.contains(&prev.to_lowercase().as_str())
            {
                if let Some(np) = ctx.np_backward(qi - 1, 6) {
                    // "declare the equivalent of": the noun phrase starts at its determiner
                    let mut a = (np.0 + 1..np.1)
                        .find(|&k| DETS.contains(&ctx.lw(k)))
                        .unwrap_or(np.0);
                    while a < np.1 && DETS.contains(&ctx.lw(a)) {
                        a += 1;
                    }
                    if a < np.1 && !ctx.verbish(np.1 - 1) {
                        measure = Some((a, np.1));
                        measure_before = true;
                    }
                }
            }
        }
        let (cs, heuristic_subject) = ctx.clause(qi);
        let subject_np = match ctx.clause_subject_syntax(qi) {
            Some(sy) => sy,
            None => heuristic_subject,
        };
        // no weekdays or "today" at either end: "prosecutors Friday", "Monday it"
        let subject_np = subject_np.map(|(mut a, mut b)| {
            let day = |k: usize| WEEKDAYS.contains(&ctx.lw(k));
            while a < b && day(a) {
                a += 1;
            }
            while b > a && day(b - 1) {
                b -= 1;
            }
            (a, b)
        });
        let subject_np = subject_np.filter(|&(a, b)| {
            a < b && b <= qi && (a..b).any(|k| ctx.w(k).chars().any(char::is_alphabetic))
        });
        let level = qi > 0 && LEVEL_BEFORE.contains(&ctx.lw(qi - 1));
        // "put the damage at $3 billion", "raised its forecast to 4 percent": the object is measured
        if measure.is_none()
            && qi >= 2
            && matches!(ctx.lw(qi - 1), "at" | "to")
            && ctx.w(qi - 2).chars().all(|c| c.is_alphabetic())
            && !ctx.verbish(qi - 2)
            && !NP_STOP.contains(&ctx.lw(qi - 2))
        {
            if let Some(np) = ctx.np_backward(qi - 1, 6) {
                if !ctx.verbish(np.0) {
                    measure = Some(np);
                    measure_before = true;
                }
            }
        }
        let mut subject: Option<(usize, usize)> = None;
        let mut measure_from_subject = false;
        if measure.is_none() && (matches!(f.quantity, Quantity::Change { .. }) || level) {
            if let Some(np) = subject_np {
                measure = Some(np);
                measure_from_subject = true;
            }
        }
        if let Some(np) = subject_np {
            subject = if measure_from_subject {
                ctx.possessor(np).or(Some(np))
            } else {
                Some(np)
            };
        }
        if subject.is_none() {
            subject = measure.and_then(|m| ctx.possessor(m));
        }
        if measure_before && subject.is_none() {
            subject = measure.and_then(|m| ctx.possessor(m));
        }

        // claim span: from the clause subject (or clause start) to the clause end
        let mut start_tok = cs.min(qi);
        if let Some(np) = subject_np {
            start_tok = start_tok.min(np.0);
        }
        if let Some(m) = measure {
            start_tok = start_tok.min(m.0);
        }
        let mut last = after;
        if let Some(m) = measure {
            last = last.max(m.1);
        }
        let end_tok = ctx.clause_end(last);
        let start = ctx.sent.tokens[start_tok].start.min(vs);
        let end = if end_tok > 0 {
            ctx.sent.tokens[end_tok - 1].end.max(ve)
        } else {
            ve
        };

        // source: "according to" first, then data cues, then the nearest reporting verb
        let source = sources
            .iter()
            .find(|(c, _)| c.cue == "according to")
            .or_else(|| sources.iter().find(|(c, _)| c.cue.contains(' ')))
            .or_else(|| sources.iter().min_by_key(|(_, k)| k.abs_diff(qi)))
            .map(|(c, _)| c.clone());

        let raw = &text[vs..ve];
        out.push(Claim {
            start,
            end,
            text: text[start..end].to_string(),
            value: normalise(raw),
            value_span: (vs, ve),
            quantity: f.quantity.clone(),
            qualifier: f.qualifier.clone(),
            measure: measure.map(|(a, b)| {
                let (x, y) = ctx.span(a, b);
                text[x..y].to_string()
            }),
            subject_span: subject.map(|(a, b)| ctx.span(a, b)),
            source,
        });
    }
}

fn normalise(raw: &str) -> String {
    let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s
        .replace("per cent", "percent")
        .replace("percentage-point", "percentage point");
    if let Some(p) = s.find('%') {
        let (a, b) = s.split_at(p);
        format!("{} percent{}", a.trim_end(), &b[1..])
    } else {
        s
    }
}
