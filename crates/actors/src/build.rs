//! Drafts: mentions under construction. Atoms are composed into drafts sentence by
//! sentence (composition, titles, organisation names); `people` adds names learned in
//! the document; `coref` resolves what needs an earlier mention or the context.

use aras_dict::{FormRole, Kind as DKind};

use crate::atoms::{self, Atom};
use crate::words::{honorific, FORMER, NO_GAP, ORG_WORDS, STOP_CAPS};
use crate::{coref, people, ActorContext, Kind, Mention, ResolvedBy};
use aras_lex::{words, Doc, Tok};

/// The CoNLL-style type of a named part of a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ner {
    Per,
    Org,
    Loc,
}

/// What a draft still needs from the rest of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Need {
    Nothing,
    /// A sector with no country: the sentence's or the document's country.
    Context,
    /// "the ministry": an earlier mention with the same sector and head word, else
    /// the context.
    Definite {
        head: String,
    },
    /// "its armed forces": the pronoun's antecedent gives the country.
    PossPron {
        pron: String,
    },
    /// A pronoun.
    Pronoun {
        pron: String,
    },
    /// "the country".
    TheCountry,
    /// A surname alone: the latest earlier person with that surname.
    Surname,
}

/// A mention under construction.
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    pub t0: usize,
    pub t1: usize,
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub kind: Kind,
    pub name: Option<String>,
    pub role: Option<String>,
    pub resolved_by: ResolvedBy,
    pub antecedent: Option<usize>,
    pub need: Need,
    /// Named parts for the NER evaluation: byte spans and types.
    pub parts: Vec<(usize, usize, Ner)>,
    /// The dictionary form role of a single-atom draft (country names vs adjectives).
    pub form_role: Option<FormRole>,
    /// A plural group of people or a body ("police", "officials").
    pub plural: bool,
    pub former: bool,
    pub title: bool,
}

impl Draft {
    pub fn new(t0: usize, t1: usize, kind: Kind, resolved_by: ResolvedBy) -> Draft {
        Draft {
            t0,
            t1,
            code: String::new(),
            country: None,
            sector: None,
            kind,
            name: None,
            role: None,
            resolved_by,
            antecedent: None,
            need: Need::Nothing,
            parts: Vec::new(),
            form_role: None,
            plural: false,
            former: false,
            title: false,
        }
    }

    /// Sets country and sector and the code made of them.
    pub fn set_code(&mut self, country: Option<&str>, sector: Option<&str>) {
        self.country = country.map(str::to_string);
        self.sector = sector.map(str::to_string);
        self.code = compose_code(country, sector);
    }

    /// Marks a former office: the country alone.
    pub fn make_former(&mut self) {
        self.former = true;
        if let Some(c) = self.country.clone() {
            if self.kind == Kind::Person && self.sector.as_deref() != Some("MIL") {
                self.sector = None;
                self.code = c;
            }
        }
    }
}

/// country + sector; a bare sector when the country is unknown.
pub(crate) fn compose_code(country: Option<&str>, sector: Option<&str>) -> String {
    match (country, sector) {
        (Some(c), Some(s)) => format!("{c}{s}"),
        (Some(c), None) => c.to_string(),
        (None, Some(s)) => s.to_string(),
        (None, None) => String::new(),
    }
}

/// A finished mention with its named parts.
pub(crate) struct Final {
    pub mention: Mention,
    pub parts: Vec<(usize, usize, Ner)>,
}

/// Sectors whose agents are groups of people rather than bodies.
const PEOPLE_SECTORS: &[&str] = &["CVL", "REF", "LAB", "AGR", "HLH", "ELI", "CRM", "UAF"];

/// Agent words that take the sector of the agent before them ("police spokesman").
const GENERIC_AGENTS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "leader",
    "leaders",
    "chief",
    "head",
    "senior official",
    "senior officials",
];

pub(crate) struct Builder<'a, 'd> {
    pub doc: Doc<'a>,
    pub atoms: Vec<Atom<'d>>,
    /// Atom index starting at each token, if any.
    pub atom_at: Vec<Option<usize>>,
    /// Token covered by a draft.
    pub covered: Vec<bool>,
    pub drafts: Vec<Draft>,
    /// For each sentence, the country of the wire dateline heading its paragraph
    /// ([`crate::dateline`]), if any.
    pub dateline_country: Vec<Option<String>>,
    /// For each sentence, whether it is in title case ([`Builder::headline`]): computed
    /// once, so that asking for every candidate costs nothing (issue 16: a 20 MB line
    /// was rescanned for each of its candidates).
    pub headline_sent: Vec<bool>,
}

pub(crate) fn run(
    text: &str,
    sentences: &[aras_text::Sentence],
    syntax: Option<&[aras_nlp::model::Analysis<'_>]>,
    ctx: &ActorContext,
) -> Vec<Final> {
    let doc = Doc::new(text, sentences, syntax);
    let atoms = atoms::find(&doc, ctx.dictionary, ctx.document_date);
    let mut atom_at = vec![None; doc.toks.len()];
    for (i, a) in atoms.iter().enumerate() {
        atom_at[a.t0] = Some(i);
    }
    let covered = vec![false; doc.toks.len()];
    let mut b = Builder {
        doc,
        atoms,
        atom_at,
        covered,
        drafts: Vec::new(),
        dateline_country: Vec::new(),
        headline_sent: Vec::new(),
    };
    b.headline_sent = (0..b.doc.sents.len())
        .map(|s| b.headline_of_sentence(s))
        .collect();
    b.org_names();
    for s in 0..b.doc.sents.len() {
        b.compose_sentence(s);
    }
    people::learn(&mut b);
    b.datelines();
    coref::resolve(&mut b);
    b.finish()
}

impl Builder<'_, '_> {
    /// Finds the datelines that open paragraphs: their mentions are dropped (a dateline
    /// names where a story is told from, not an actor) and their country becomes the
    /// context country of the sentences up to the next dateline.
    fn datelines(&mut self) {
        let mut current: Option<String> = None;
        let mut prev_end = 0;
        for s in 0..self.doc.sents.len() {
            let (s0, s1) = self.doc.sents[s];
            let starts_paragraph = s == 0
                || self
                    .doc
                    .toks
                    .get(s0)
                    .and_then(|t| self.doc.text.get(prev_end..t.start))
                    .is_some_and(|gap| gap.contains('\n'));
            if s1 > s0 {
                prev_end = self.doc.toks[s1 - 1].end;
            }
            if starts_paragraph {
                if let Some((a, e)) = crate::dateline::at(&self.doc, s0, s1) {
                    current = None;
                    for d in &mut self.drafts {
                        if d.t0 < e && d.t1 > a {
                            if current.is_none() {
                                current = d.country.clone();
                            }
                            d.t1 = d.t0;
                        }
                    }
                }
            }
            self.dateline_country.push(current.clone());
        }
    }

    fn tok(&self, t: usize) -> Option<&Tok<'_>> {
        self.doc.toks.get(t)
    }

    pub fn push(&mut self, d: Draft) {
        for c in &mut self.covered[d.t0..d.t1] {
            *c = true;
        }
        self.drafts.push(d);
    }

    /// Byte span of a token range.
    pub fn bytes(&self, t0: usize, t1: usize) -> (usize, usize) {
        (self.doc.toks[t0].start, self.doc.toks[t1 - 1].end)
    }

    /// Capitalised names that end in an organisation word ("Carnegie Russia Eurasia
    /// Center", "Bank of England", "University of Tehran") and that the dictionary
    /// does not know as a whole: an organisation with code "" unless the name holds
    /// an agent (then composition codes it: "Central Bank of Iran").
    fn org_names(&mut self) {
        const CONNECT: &[&str] = &["of", "for", "and", "the", "on", "&", "de", "du", "des"];
        let n = self.doc.toks.len();
        let mut t = 0;
        while t < n {
            let ok_start = |t: usize| {
                let x = &self.doc.toks[t];
                x.cap() && x.is_word() && !x.is(STOP_CAPS)
            };
            if !ok_start(t) {
                t += 1;
                continue;
            }
            let sent_end = self.doc.sent_end(t);
            let mut e = t + 1;
            let mut last_cap = t + 1;
            while e < sent_end {
                let x = &self.doc.toks[e];
                if x.cap() && (x.is_word() || x.text == "&") {
                    e += 1;
                    last_cap = e;
                } else if x.is(CONNECT) && !x.cap() {
                    e += 1;
                } else {
                    break;
                }
            }
            let end = last_cap;
            let len = end - t;
            if len >= 2 {
                let last = self.doc.toks[end - 1].text;
                let first = self.doc.toks[t].text;
                let second = self.doc.toks[t + 1].text;
                let org_end = ORG_WORDS.contains(&last);
                let org_start = ORG_WORDS.contains(&first) && second == "of";
                // Atoms are in text order: those that overlap [t, end).
                let lo = self.atoms.partition_point(|a| a.t1 <= t);
                let inside: Vec<usize> = (lo..self.atoms.len())
                    .take_while(|&i| self.atoms[i].t0 < end)
                    .collect();
                let whole = inside
                    .iter()
                    .any(|&i| self.atoms[i].t0 <= t && self.atoms[i].t1 >= end);
                let blocked = inside.iter().any(|&i| {
                    let a = &self.atoms[i];
                    a.is_agent()
                        || matches!(a.kind(), DKind::Person | DKind::Organization)
                        || a.t0 < t
                        || a.t1 > end
                });
                let only_agents = inside.iter().all(|&i| {
                    let a = &self.atoms[i];
                    a.t0 >= t
                        && a.t1 <= end
                        && matches!(a.kind(), DKind::Agent | DKind::Country | DKind::Place)
                });
                let agents: Vec<usize> = inside
                    .iter()
                    .copied()
                    .filter(|&i| self.atoms[i].is_agent())
                    .collect();
                if (org_end || org_start) && !whole && blocked && only_agents && !agents.is_empty()
                {
                    // A named body with a country and an agent: "Central Bank of Iran",
                    // "Supreme Court of Israel" → country + the head agent's sector.
                    let head = if org_start {
                        agents[0]
                    } else {
                        agents[agents.len() - 1]
                    };
                    let sector = self.atoms[head].sector().map(str::to_string);
                    let country = inside
                        .iter()
                        .find_map(|&i| self.atoms[i].country().map(str::to_string));
                    for &i in &inside {
                        let a0 = self.atoms[i].t0;
                        self.atom_at[a0] = None;
                    }
                    let mut d = Draft::new(t, end, Kind::Organization, ResolvedBy::Dictionary);
                    d.set_code(country.as_deref(), sector.as_deref());
                    if country.is_none() {
                        d.need = Need::Context;
                        d.resolved_by = ResolvedBy::Context;
                    }
                    let (s, e2) = self.bytes(t, end);
                    d.parts.push((s, e2, Ner::Org));
                    d.name = Some(self.doc.span_text(t, end).to_string());
                    self.push(d);
                    t = end;
                    continue;
                }
                if (org_end || org_start) && !whole && !blocked {
                    for &i in &inside {
                        let a0 = self.atoms[i].t0;
                        self.atom_at[a0] = None;
                    }
                    let mut d = Draft::new(t, end, Kind::Organization, ResolvedBy::Context);
                    let (s, e2) = self.bytes(t, end);
                    d.parts.push((s, e2, Ner::Org));
                    d.name = Some(self.doc.span_text(t, end).to_string());
                    self.push(d);
                    t = end;
                    continue;
                }
            }
            t += 1;
        }
    }

    fn atom(&self, t: usize) -> Option<&Atom<'_>> {
        if *self.covered.get(t)? {
            return None;
        }
        self.atom_at[t].map(|i| &self.atoms[i])
    }

    fn atom_idx(&self, t: usize) -> Option<usize> {
        if *self.covered.get(t)? {
            return None;
        }
        self.atom_at[t]
    }

    fn compose_sentence(&mut self, s: usize) {
        let (s0, s1) = self.doc.sents[s];
        let mut t = s0;
        while t < s1 {
            if self.covered[t] {
                t += 1;
                continue;
            }
            let next = match self.atom_idx(t) {
                Some(ai) => self.build_atom(ai, s1),
                None => self.honorific(t, s1),
            };
            t = next.max(t + 1);
        }
    }

    /// An honorific or abbreviated title before a name ("Gen. X", "Mr. X").
    fn honorific(&mut self, t: usize, s1: usize) -> usize {
        let x = &self.doc.toks[t];
        let Some(sector) = honorific(x.text) else {
            return t + 1;
        };
        let Some((n1, person)) = self.name_after(t + 1, s1) else {
            return t + 1;
        };
        let mut d = Draft::new(t, n1, Kind::Person, ResolvedBy::Title);
        d.title = true;
        d.role = sector.map(|_| x.text.to_string());
        self.fill_title_person(&mut d, t + 1, n1, person, None, sector);
        self.push(d);
        n1
    }

    /// A name after a title: a dictionary person, or 1-4 capitalised words that no
    /// atom covers.
    pub fn name_after(&self, t: usize, s1: usize) -> Option<(usize, Option<usize>)> {
        if t >= s1 {
            return None;
        }
        if let Some(ai) = self.atom_idx(t) {
            let a = &self.atoms[ai];
            return (a.kind() == DKind::Person && a.t1 <= s1).then_some((a.t1, Some(ai)));
        }
        let mut e = t;
        while e < s1 && e - t < 4 {
            let x = &self.doc.toks[e];
            if !(x.cap() && x.is_word() && !x.is(STOP_CAPS))
                || self.covered[e]
                || self.atom_at[e].is_some()
                || (self.doc.has_syntax(e) && !matches!(x.upos, "PROPN" | "X" | "NOUN"))
            {
                break;
            }
            e += 1;
        }
        (e > t).then_some((e, None))
    }

    /// Codes a title + name person: the dictionary's code for a known person, else
    /// the title's country (explicit, or from the context later) and sector.
    fn fill_title_person(
        &self,
        d: &mut Draft,
        n0: usize,
        n1: usize,
        person: Option<usize>,
        country: Option<&str>,
        sector: Option<&str>,
    ) {
        let (s, e) = self.bytes(n0, n1);
        d.parts.push((s, e, Ner::Per));
        if let Some(pi) = person {
            let p = &self.atoms[pi];
            d.name = Some(p.entry.name.clone());
            d.set_code(p.entry.country.as_deref(), p.entry.sector.as_deref());
            d.resolved_by = ResolvedBy::Dictionary;
            if d.role.is_none() {
                d.role = p.entry.role.clone();
            }
            if p.former {
                d.make_former();
            }
        } else {
            d.name = Some(self.doc.span_text(n0, n1).to_string());
            d.set_code(country, sector);
            d.resolved_by = ResolvedBy::Title;
            if country.is_none() && sector.is_some() {
                d.need = Need::Context;
            }
        }
    }

    /// Builds the draft that begins with atom `ai`; returns the next token.
    fn build_atom(&mut self, ai: usize, s1: usize) -> usize {
        let a = self.atoms[ai].clone();
        let prev =
            a.t0.checked_sub(1)
                .filter(|&p| p >= self.doc.sent_start(a.t0))
                .map(|p| self.doc.toks[p].lower());
        let former = prev.as_deref().is_some_and(|p| FORMER.contains(&p))
            || (a.t0 >= 1 && self.doc.toks[a.t0 - 1].text.eq_ignore_ascii_case("ex-"));

        // "ethnic Azeri(s)": a group, not the state.
        if prev.as_deref() == Some("ethnic")
            && a.entry.kind == DKind::Country
            && matches!(a.role, FormRole::Adj | FormRole::Demonym)
        {
            let mut d = Draft::new(a.t0 - 1, a.t1, Kind::Group, ResolvedBy::Dictionary);
            d.name = Some(self.doc.span_text(a.t0 - 1, a.t1).to_string());
            self.push(d);
            return a.t1;
        }

        // Modifier + agent: "Azerbaijani police", "Iran's Foreign Ministry",
        // "Aliyev's military".
        let org_code = (a.kind() == DKind::Organization && !a.entry.code.is_empty())
            .then(|| a.entry.code.clone());
        if let Some(c) = a.country().map(str::to_string).or_else(|| org_code.clone()) {
            let poss = self.tok(a.t1).is_some_and(|x| x.is_possessive());
            let glued_title = self
                .atom_idx(a.t1)
                .is_some_and(|bi| self.atoms[bi].is_title() && !self.doc.toks[a.t1].cap());
            let can_modify = match a.kind() {
                DKind::Country => a.role != FormRole::Demonym,
                DKind::Organization => poss || glued_title,
                DKind::Person => poss,
                DKind::Place => poss || a.role == FormRole::Adj,
                _ => false,
            };
            if can_modify {
                let j = a.t1 + usize::from(poss);
                if let Some((bi, gap_former)) = self.agent_after(j, s1) {
                    let (agent_end, sector, title, plural, generic) = self.agent_group(bi, s1);
                    let mut d =
                        Draft::new(a.t0, agent_end, Kind::Organization, ResolvedBy::Dictionary);
                    let sector = if generic && a.sector().is_some() && a.kind() != DKind::Country {
                        a.sector().map(str::to_string)
                    } else {
                        sector
                    };
                    match &org_code {
                        // An organisation's own people: "IDF general", "Mossad's chief".
                        Some(oc) => {
                            d.code = oc.clone();
                            d.country = a.country().map(str::to_string);
                            d.sector = a.entry.sector.clone();
                        }
                        None => d.set_code(Some(&c), sector.as_deref()),
                    }
                    let sector = d.sector.clone();
                    let c = d.country.clone().unwrap_or_default();
                    d.kind = agent_kind(title, sector.as_deref());
                    d.title = title;
                    d.plural = plural;
                    d.parts.extend(self.atom_parts(&a));
                    let b0 = self.atoms[bi].t0;
                    d.parts.extend(self.cap_agent_part(b0, agent_end));
                    if title {
                        d.role = Some(self.doc.span_text(b0, agent_end).to_string());
                    }
                    let former = former || gap_former;
                    let cc = (!c.is_empty()).then_some(c.as_str());
                    let end = self.maybe_title_name(&mut d, agent_end, s1, cc, sector.as_deref());
                    if former {
                        d.make_former();
                    }
                    if a.kind() == DKind::Person || a.kind() == DKind::Organization {
                        d.resolved_by = ResolvedBy::Dictionary;
                    }
                    self.push(d);
                    return end;
                }
            }
        }

        if a.is_agent() {
            return self.build_agent(ai, s1, former, prev.as_deref());
        }

        // A single atom.
        let mut d = Draft::new(a.t0, a.t1, Kind::Country, ResolvedBy::Dictionary);
        d.kind = match a.kind() {
            DKind::Country if a.role == FormRole::City => Kind::Place,
            DKind::Country => Kind::Country,
            DKind::Place => Kind::Place,
            DKind::Organization => Kind::Organization,
            DKind::Person => Kind::Person,
            DKind::Group | DKind::Agent => Kind::Group,
        };
        d.code = a.entry.code.clone();
        d.country = a.country().map(str::to_string);
        d.sector = match a.kind() {
            DKind::Group => None,
            _ => a.entry.sector.clone(),
        };
        d.name = Some(a.entry.name.clone());
        d.role = a.entry.role.clone();
        d.form_role = Some(a.role);
        d.plural = matches!(a.kind(), DKind::Group) || a.role == FormRole::Demonym;
        d.parts.extend(self.atom_parts(&a));
        if a.former || (former && a.kind() == DKind::Person) {
            if let Some(r) = &d.role {
                d.role = Some(format!("former {r}"));
            }
            d.make_former();
        }
        // A person in the dictionary under a surname: coreference with the full name
        // is recorded later (the code stays the dictionary's).
        let end = a.t1;
        self.push(d);
        end
    }

    /// An agent (after a possessive or an adjective) within two modifier words:
    /// returns the agent's atom and whether a "former" stands in the gap.
    fn agent_after(&self, j: usize, s1: usize) -> Option<(usize, bool)> {
        let mut k = j;
        let mut former = false;
        while k < s1 && k <= j + 2 {
            if let Some(bi) = self.atom_idx(k) {
                return self.atoms[bi].is_agent().then_some((bi, former));
            }
            let x = &self.doc.toks[k];
            let lw = x.lower();
            if !x.is_word() || x.cap() || NO_GAP.contains(&lw.as_str()) {
                return None;
            }
            // Participles may stand between ("Iranian-backed militias", "Israeli occupying
            // forces"); a finite verb ends the phrase ("Moscow expelled three diplomats").
            if self.doc.has_syntax(k)
                && !(matches!(x.upos, "ADJ" | "NOUN" | "ADV" | "NUM")
                    || (x.upos == "VERB" && matches!(x.xpos, "VBN" | "VBG")))
            {
                return None;
            }
            former |= FORMER.contains(&lw.as_str());
            k += 1;
        }
        None
    }

    /// An agent and the agents glued to it ("state TV broadcaster", "police
    /// spokesman"): (end token, sector, title?, plural?, generic?).
    fn agent_group(&self, bi: usize, s1: usize) -> (usize, Option<String>, bool, bool, bool) {
        let b = &self.atoms[bi];
        let mut end = b.t1;
        let mut sector = b.sector().map(str::to_string);
        let mut title = b.is_title();
        let mut last_text = self.doc.span_text(b.t0, b.t1).to_lowercase();
        let first_generic = GENERIC_AGENTS.contains(&last_text.as_str());
        while end < s1 {
            let Some(ci) = self.atom_idx(end) else { break };
            let c = &self.atoms[ci];
            if !c.is_agent() {
                break;
            }
            let txt = self.doc.span_text(c.t0, c.t1).to_lowercase();
            if !GENERIC_AGENTS.contains(&txt.as_str()) {
                sector = c.sector().map(str::to_string);
            }
            title = c.is_title();
            last_text = txt;
            end = c.t1;
        }
        let plural = last_text.ends_with('s')
            || matches!(
                last_text.as_str(),
                "police" | "military" | "people" | "clergy"
            );
        (end, sector, title, plural, first_generic && end == b.t1)
    }

    /// An agent standing alone: complements, titles, pronoun possessors, definite
    /// descriptions, or the context.
    fn build_agent(&mut self, bi: usize, s1: usize, former: bool, prev: Option<&str>) -> usize {
        let b = self.atoms[bi].clone();
        let (end, sector, title, plural, _) = self.agent_group(bi, s1);
        let mut d = Draft::new(
            b.t0,
            end,
            agent_kind(title, sector.as_deref()),
            ResolvedBy::Dictionary,
        );
        d.title = title;
        d.plural = plural;
        d.parts.extend(self.cap_agent_part(b.t0, end));
        if title {
            d.role = Some(self.doc.span_text(b.t0, end).to_string());
        }
        // IGO agents (peacekeepers) keep their own code.
        if b.entry.code.starts_with("IGO") {
            d.code = b.entry.code.clone();
            d.sector = b.entry.sector.clone();
            self.push(d);
            return end;
        }
        // Agent + of/in + country: "the president of Azerbaijan", "the government in
        // Tehran".
        if let Some((c, cend)) = self.country_complement(end, s1) {
            d.set_code(Some(&c), sector.as_deref());
            d.t1 = cend;
            if let Some(a) = self.atoms.iter().find(|a| a.t1 == cend && a.t0 > end) {
                d.parts.extend(self.atom_parts(a));
            }
            let end2 = self.maybe_title_name(&mut d, cend, s1, Some(&c), sector.as_deref());
            if former {
                d.make_former();
            }
            self.push(d);
            return end2;
        }
        d.set_code(None, sector.as_deref());
        let end2 = self.maybe_title_name(&mut d, end, s1, None, sector.as_deref());
        if d.name.is_some() {
            if former {
                d.make_former();
            }
            self.push(d);
            return end2;
        }
        // A possessive pronoun before: "its armed forces".
        if let Some(p) = prev {
            if matches!(p, "his" | "her" | "its" | "their") {
                d.t0 -= 1;
                d.need = Need::PossPron {
                    pron: p.to_string(),
                };
                d.resolved_by = ResolvedBy::Coreference;
                self.push(d);
                return end;
            }
        }
        if (!title && self.adjectival(end, s1)) || self.headline(b.t0) {
            return end;
        }
        if matches!(prev, Some("the" | "this" | "that")) && !plural {
            let head = self.doc.toks[end - 1].lower();
            d.need = Need::Definite { head };
        } else {
            d.need = Need::Context;
        }
        d.resolved_by = ResolvedBy::Context;
        d.former = former;
        self.push(d);
        end
    }

    /// A bare agent used as a modifier: "military support", "refugee flows".
    fn adjectival(&self, end: usize, s1: usize) -> bool {
        let last = &self.doc.toks[end - 1];
        if self.doc.has_syntax(end - 1) {
            return matches!(last.deprel, "amod" | "compound");
        }
        let Some(x) = self.tok(end).filter(|_| end < s1) else {
            return false;
        };
        let w = x.lower();
        x.is_word()
            && !x.cap()
            && self.atom_idx(end).is_none()
            && !NO_GAP.contains(&w.as_str())
            && !words().actor_speech().contains(&w)
            && !w.ends_with("ed")
            && !w.ends_with("ly")
    }

    /// A title-case or all-caps line (a headline).
    pub fn headline(&self, t: usize) -> bool {
        self.headline_sent[self.doc.toks[t].sent]
    }

    fn headline_of_sentence(&self, s: usize) -> bool {
        let (s0, s1) = self.doc.sents[s];
        let words: Vec<_> = self.doc.toks[s0..s1]
            .iter()
            .filter(|x| x.is_word())
            .collect();
        let caps = words.iter().filter(|x| x.cap()).count();
        words.len() >= 3 && caps * 10 >= words.len() * 8
    }

    /// "of|in [the] COUNTRY" after an agent: the country and the end token.
    fn country_complement(&self, t: usize, s1: usize) -> Option<(String, usize)> {
        let x = self.tok(t)?;
        if t >= s1 || !x.is(&["of", "in"]) {
            return None;
        }
        let mut k = t + 1;
        if self.tok(k).is_some_and(|y| y.text == "the") {
            k += 1;
        }
        let a = self.atom(k)?;
        if a.kind() == DKind::Country
            && !matches!(a.role, FormRole::Adj | FormRole::Demonym)
            && a.t1 <= s1
        {
            return Some((a.country()?.to_string(), a.t1));
        }
        None
    }

    /// A title followed by a name: extends the draft into a person.
    fn maybe_title_name(
        &self,
        d: &mut Draft,
        end: usize,
        s1: usize,
        country: Option<&str>,
        sector: Option<&str>,
    ) -> usize {
        if !d.title {
            return end;
        }
        let Some((n1, person)) = self.name_after(end, s1) else {
            return end;
        };
        // "the president Tuesday", "the minister In": a lone capitalised word right
        // after a lowercase title is a name only if no verb-like word follows it in
        // lowercase title position; keep it simple: lowercase titles need a person
        // atom or two capitalised words.
        let title_cap = self.doc.toks[end - 1].cap();
        if !title_cap && person.is_none() && n1 - end < 2 {
            return end;
        }
        d.t1 = n1;
        d.kind = Kind::Person;
        d.need = Need::Nothing;
        self.fill_title_person(d, end, n1, person, country, sector);
        n1
    }

    /// The NER part of a dictionary atom.
    pub fn atom_parts(&self, a: &Atom) -> Option<(usize, usize, Ner)> {
        let ner = match a.kind() {
            DKind::Country => match a.role {
                FormRole::Adj | FormRole::Demonym => return None,
                _ => Ner::Loc,
            },
            DKind::Place => match a.role {
                FormRole::Adj | FormRole::Demonym => return None,
                _ => Ner::Loc,
            },
            DKind::Organization => Ner::Org,
            DKind::Person => Ner::Per,
            DKind::Group => return None,
            DKind::Agent => return self.cap_agent_part(a.t0, a.t1),
        };
        if !self.doc.text[a.start..a.end]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            return None;
        }
        Some((a.start, a.end, ner))
    }

    /// An agent written with capitals ("Foreign Ministry") is an organisation's name.
    fn cap_agent_part(&self, t0: usize, t1: usize) -> Option<(usize, usize, Ner)> {
        let words: Vec<&Tok> = self.doc.toks[t0..t1]
            .iter()
            .filter(|x| x.is_word())
            .collect();
        if words.len() >= 2 && words.iter().all(|x| x.cap()) {
            let (s, e) = self.bytes(t0, t1);
            return Some((s, e, Ner::Org));
        }
        None
    }

    fn finish(self) -> Vec<Final> {
        let text = self.doc.text;
        let mut order: Vec<usize> = (0..self.drafts.len()).collect();
        order.sort_by_key(|&i| (self.drafts[i].t0, self.drafts[i].t1));
        // Drafts are already in text order after coref; keep only valid ones.
        let mut out = Vec::with_capacity(self.drafts.len());
        let mut new_index = vec![usize::MAX; self.drafts.len()];
        let mut last_end = 0;
        for &i in &order {
            let d = &self.drafts[i];
            if d.t0 >= d.t1 || d.t1 > self.doc.toks.len() {
                continue;
            }
            let (s, e) = (self.doc.toks[d.t0].start, self.doc.toks[d.t1 - 1].end);
            if s < last_end {
                continue;
            }
            last_end = e;
            new_index[i] = out.len();
            let antecedent = d
                .antecedent
                .map(|a| new_index.get(a).copied().unwrap_or(usize::MAX))
                .filter(|&a| a < out.len());
            out.push(Final {
                mention: Mention {
                    start: s,
                    end: e,
                    text: text[s..e].to_string(),
                    code: d.code.clone(),
                    country: d.country.clone(),
                    sector: d.sector.clone(),
                    kind: d.kind,
                    name: d.name.clone(),
                    role: d.role.clone(),
                    resolved_by: d.resolved_by,
                    antecedent,
                },
                parts: d.parts.clone(),
            });
        }
        out
    }
}

/// The kind of an agent mention.
pub(crate) fn agent_kind(title: bool, sector: Option<&str>) -> Kind {
    if title {
        Kind::Person
    } else if sector.is_some_and(|s| PEOPLE_SECTORS.contains(&s)) {
        Kind::Group
    } else {
        Kind::Organization
    }
}
