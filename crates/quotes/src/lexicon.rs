//! Word lists: verbs of saying, words that end a name, heads of organisations and of
//! person descriptions, titles. All lowercase; callers lowercase the token. The verbs of
//! saying and reporting and the titles are data (`lexicon/words.txt`, `aras_lex::words()`).

use aras_lex::words;

/// How strongly a verb introduces speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// Verbs of saying proper: `said`, `told`, `warned`, `added`.
    Speech,
    /// Verbs that report an attitude or a characterisation (`called it “a farce”`,
    /// `expressing “concern”`): enough for a partial quote of some length, not for a
    /// one-to-three-word term.
    Report,
}

const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("says", "say"),
    ("saying", "say"),
    ("told", "tell"),
    ("tells", "tell"),
    ("telling", "tell"),
    ("wrote", "write"),
    ("written", "write"),
    ("writes", "write"),
    ("writing", "write"),
    ("admitted", "admit"),
    ("admitting", "admit"),
    ("quipped", "quip"),
    ("quipping", "quip"),
    ("dubbed", "dub"),
    ("dubbing", "dub"),
    ("slammed", "slam"),
    ("slamming", "slam"),
    ("labelled", "label"),
    ("labelling", "label"),
    ("sang", "sing"),
    ("sings", "sing"),
];

/// The lemma of a regular inflected form, if it is one of `list`.
fn regular<'a>(w: &str, list: &[&'a str]) -> Option<&'a str> {
    let find = |stem: &str| list.iter().copied().find(|l| *l == stem);
    if let Some(l) = find(w) {
        return Some(l);
    }
    let mut cands: Vec<String> = Vec::new();
    for &(suf, rep) in aras_lex::SUFFIXES.iter().chain(&[("d", "")]) {
        if let Some(stem) = w.strip_suffix(suf) {
            cands.push(format!("{stem}{rep}"));
        }
    }
    cands.iter().find_map(|c| find(c))
}

/// The cue and lemma of a verb form of saying or reporting (lowercase input).
pub(crate) fn cue(w: &str) -> Option<(Cue, &'static str)> {
    if let Some(&(_, l)) = IRREGULAR.iter().find(|(f, _)| *f == w) {
        let kind = if words().quote_speech().contains(l) {
            Cue::Speech
        } else {
            Cue::Report
        };
        return Some((kind, l));
    }
    if w.len() < 3 {
        return None;
    }
    let inflected = w.ends_with("ed") || w.ends_with("ing");
    if !inflected && words().quote_nounish().contains(w.trim_end_matches('s')) {
        return None;
    }
    if let Some(l) = regular(w, words().quote_speech().as_slice()) {
        // Bare nouns that look like verbs of saying are still verbs here; the callers
        // look at the neighbours.
        return Some((Cue::Speech, l));
    }
    regular(w, words().quote_report().as_slice()).map(|l| (Cue::Report, l))
}

/// Is this form of a cue verb a participle or gerund (`saying`, `expressing`)?
pub(crate) fn is_ing(w: &str) -> bool {
    w.ends_with("ing")
}

/// Words that never belong to a speaker's noun phrase.
pub(crate) fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "who"
            | "whom"
            | "whose"
            | "which"
            | "that"
            | "when"
            | "where"
            | "while"
            | "as"
            | "because"
            | "but"
            | "or"
            | "if"
            | "than"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "without"
            | "to"
            | "into"
            | "during"
            | "after"
            | "before"
            | "since"
            | "about"
            | "over"
            | "under"
            | "via"
            | "per"
            | "through"
            | "across"
            | "against"
            | "among"
            | "told"
            | "so"
            | "not"
            | "yet"
            | "though"
            | "although"
            | "there"
            | "here"
            | "now"
            | "then"
            | "today"
            | "yesterday"
            | "tonight"
            | "tomorrow"
            | "ago"
            | "last"
            | "earlier"
            | "later"
            | "recently"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "is"
            | "was"
            | "were"
            | "are"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "also"
            | "again"
            | "once"
            | "still"
            | "even"
            | "just"
            | "only"
            | "however"
    )
}

/// Adverbs and auxiliaries between a subject and its verb of saying.
pub(crate) fn is_skippable(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "later"
            | "then"
            | "further"
            | "again"
            | "previously"
            | "recently"
            | "once"
            | "has"
            | "had"
            | "have"
            | "would"
            | "will"
            | "is"
            | "was"
            | "were"
            | "are"
            | "did"
            | "does"
            | "reportedly"
            | "repeatedly"
            | "often"
            | "frequently"
            | "first"
            | "simply"
            | "flatly"
            | "publicly"
            | "privately"
            | "earlier"
            | "still"
            | "even"
            | "quickly"
            | "bluntly"
            | "angrily"
            | "just"
            | "already"
            | "never"
            | "been"
            | "could"
            | "might"
            | "may"
            | "should"
            | "can"
    ) || (w.len() > 4 && w.ends_with("ly"))
}

pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "this"
            | "that"
            | "these"
            | "those"
            | "another"
            | "one"
            | "two"
            | "three"
            | "several"
            | "some"
            | "many"
    )
}

/// Capitalised words that start a sentence without starting a name.
pub(crate) fn is_function_word(w: &str) -> bool {
    is_stop(w)
        || is_determiner(w)
        || is_pronoun(w).is_some()
        || matches!(
            w,
            "and"
                | "of"
                | "meanwhile"
                | "still"
                | "instead"
                | "indeed"
                | "also"
                | "yes"
                | "no"
                | "between"
                | "inside"
                | "outside"
                | "isolated"
                | "along"
                | "despite"
                | "unlike"
                | "like"
                | "according"
                | "asked"
                | "said"
                | "what"
                | "why"
                | "how"
                | "whatever"
                | "whenever"
                | "all"
                | "both"
                | "each"
                | "every"
                | "most"
                | "more"
                | "other"
                | "such"
                | "next"
                | "first"
                | "four"
                | "five"
                | "six"
                | "ten"
                | "dozens"
                | "hundreds"
                | "thousands"
                | "mr"
                | "mrs"
                | "ms"
                | "it's"
                | "i'm"
                | "we're"
                | "let"
                | "let's"
                | "dear"
                | "oh"
                | "well"
                | "please"
                | "thank"
                | "thanks"
                | "following"
                | "amid"
                | "toward"
                | "towards"
                | "whether"
                | "neither"
                | "either"
                | "nor"
                | "any"
                | "few"
        )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pron {
    Person,
    Thing,
    Plural,
    First,
}

pub(crate) fn is_pronoun(w: &str) -> Option<Pron> {
    match w {
        "he" | "she" | "him" | "her" => Some(Pron::Person),
        "it" => Some(Pron::Thing),
        "they" | "them" => Some(Pron::Plural),
        "i" | "we" | "me" | "us" | "you" => Some(Pron::First),
        _ => None,
    }
}

/// Head nouns of organisations.
pub(crate) fn is_org_head(w: &str) -> bool {
    matches!(
        w,
        "ministry"
            | "department"
            | "office"
            | "agency"
            | "service"
            | "government"
            | "council"
            | "committee"
            | "commission"
            | "party"
            | "campaign"
            | "center"
            | "centre"
            | "institute"
            | "university"
            | "company"
            | "corporation"
            | "corp"
            | "inc"
            | "group"
            | "union"
            | "bank"
            | "court"
            | "army"
            | "police"
            | "forces"
            | "military"
            | "administration"
            | "embassy"
            | "foundation"
            | "association"
            | "organization"
            | "organisation"
            | "board"
            | "bureau"
            | "network"
            | "coalition"
            | "alliance"
            | "league"
            | "parliament"
            | "congress"
            | "senate"
            | "kremlin"
            | "pentagon"
            | "authority"
            | "authorities"
            | "cabinet"
            | "presidency"
            | "secretariat"
            | "fund"
            | "federation"
            | "team"
            | "firm"
            | "newspaper"
            | "magazine"
            | "times"
            | "post"
            | "journal"
            | "press"
            | "news"
            | "television"
            | "channel"
            | "station"
            | "hospital"
            | "school"
            | "college"
            | "assembly"
            | "tribunal"
            | "regime"
            | "nations"
            | "movement"
            | "front"
            | "command"
            | "mission"
            | "delegation"
            | "watch"
            | "monitor"
            | "statement"
            | "report"
            | "navy"
            | "guard"
            | "guards"
            | "brigade"
            | "brigades"
            | "airlines"
            | "airline"
            | "club"
            | "society"
            | "institution"
            | "programme"
            | "program"
            | "observatory"
            | "caucus"
            | "initiative"
            | "project"
            | "unit"
            | "division"
            | "force"
            | "house"
            | "tv"
            | "radio"
            | "reuters"
            | "ap"
            | "afp"
            | "cnn"
            | "bbc"
            | "nato"
            | "un"
    )
}

/// Head nouns that describe a person (`a spokesman`, `the former ambassador`).
pub(crate) fn is_person_head(w: &str) -> bool {
    matches!(
        w,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "minister"
            | "ambassador"
            | "expert"
            | "analyst"
            | "president"
            | "secretary"
            | "director"
            | "leader"
            | "chief"
            | "governor"
            | "senator"
            | "candidate"
            | "aide"
            | "adviser"
            | "advisor"
            | "lawyer"
            | "attorney"
            | "professor"
            | "researcher"
            | "economist"
            | "diplomat"
            | "general"
            | "commander"
            | "mayor"
            | "premier"
            | "chancellor"
            | "king"
            | "queen"
            | "prince"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "ceo"
            | "founder"
            | "head"
            | "representative"
            | "congressman"
            | "congresswoman"
            | "lawmaker"
            | "legislator"
            | "strategist"
            | "pollster"
            | "manager"
            | "nominee"
            | "man"
            | "woman"
            | "witness"
            | "resident"
            | "source"
            | "fellow"
            | "scholar"
            | "author"
            | "activist"
            | "organizer"
            | "executive"
            | "member"
            | "prosecutor"
            | "judge"
            | "officer"
            | "sheriff"
            | "colonel"
            | "captain"
            | "sergeant"
            | "counterpart"
            | "envoy"
            | "negotiator"
            | "doctor"
            | "survivor"
            | "father"
            | "mother"
            | "son"
            | "daughter"
            | "wife"
            | "husband"
            | "friend"
            | "voter"
            | "supporter"
            | "critic"
            | "historian"
            | "scientist"
            | "teacher"
            | "student"
            | "owner"
            | "worker"
            | "farmer"
            | "soldier"
            | "commentator"
            | "host"
            | "journalist"
            | "reporter"
            | "editor"
            | "columnist"
            | "consultant"
            | "partner"
            | "deputy"
            | "speaker"
    )
}

/// Titles stripped off the front of a person's name (`Foreign Minister Ceyhun Bayramov`).
pub(crate) fn is_title(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    words().quote_titles().contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_forms() {
        for w in [
            "said",
            "says",
            "saying",
            "added",
            "adds",
            "told",
            "warned",
            "stated",
            "noted",
            "wrote",
            "asked",
            "explained",
            "insisted",
            "argued",
            "admitted",
            "tweeted",
            "replied",
        ] {
            assert_eq!(cue(w).map(|c| c.0), Some(Cue::Speech), "{w}");
        }
        for w in ["called", "describing", "expressed", "urges"] {
            assert_eq!(cue(w).map(|c| c.0), Some(Cue::Report), "{w}");
        }
        for w in ["drone", "the", "bases", "showed", "is"] {
            assert_eq!(cue(w), None, "{w}");
        }
    }
}
