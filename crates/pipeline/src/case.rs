//! CASE 2021 task 2 snippets (ACLED-style event types) as a check of the event coder on
//! short news text nobody tuned for: per family of types, the share of snippets in which
//! aras codes a factual event of a fitting CAMEO root, and how many disaster snippets it
//! codes as violence (a crane collapse is not an attack).
//!
//! The families and their fitting roots are ours (the CASE types are ACLED's, not CAMEO's):
//!
//! | family | CASE types | fitting roots |
//! |---|---|---|
//! | violence | ARMED_CLASH, ATTACK, AIR_STRIKE, ART_MISS_ATTACK, GRENADE, SUIC_BOMB, REM_EXPLOS, CHEM_WEAP, DISR_WEAP, SEX_VIOL, ABDUCT_DISSAP, GOV_REGAINS_TERIT, NON_STATE_ACTOR_OVERTAKES_TER | 18, 19, 20 |
//! | protest | PEACE_PROTEST, VIOL_DEMONSTR, PROTEST_WITH_INTER | 14 |
//! | force against protest | FORCE_AGAINST_PROTEST, MOB_VIOL | 14, 17, 18, 19 |
//! | arrest and seizure | ARREST, PROPERTY_DISTRUCT | 17 (18 for destruction) |
//! | diplomacy and agreement | DIPLO, AGREEMENT | 01 to 08 |
//! | disaster (must not be violence) | NATURAL_DISASTER, MAN_MADE_DISASTER | none: a factual 18–20 is an error |
//!
//! ORG_CRIME, ATTRIB, OTHER, CHANGE_TO_GROUP_ACT, HQ_ESTABLISHED and NON_VIOL_TERRIT_TRANSFER
//! are not scored.

use std::collections::BTreeMap;
use std::path::Path;

use aras_ingest::Document;

use crate::Engine;

/// A family of CASE types and the CAMEO roots that fit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Family {
    Violence,
    Protest,
    ForceAgainstProtest,
    ArrestSeizure,
    Diplomacy,
    Disaster,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::Violence => "violence",
            Family::Protest => "protest",
            Family::ForceAgainstProtest => "force against protest",
            Family::ArrestSeizure => "arrest and seizure",
            Family::Diplomacy => "diplomacy and agreement",
            Family::Disaster => "disaster (coded as violence)",
        }
    }

    /// The family of a CASE type, if it is scored.
    pub fn of(case_type: &str) -> Option<Family> {
        Some(match case_type {
            "ARMED_CLASH"
            | "ATTACK"
            | "AIR_STRIKE"
            | "ART_MISS_ATTACK"
            | "GRENADE"
            | "SUIC_BOMB"
            | "REM_EXPLOS"
            | "CHEM_WEAP"
            | "DISR_WEAP"
            | "SEX_VIOL"
            | "ABDUCT_DISSAP"
            | "GOV_REGAINS_TERIT"
            | "NON_STATE_ACTOR_OVERTAKES_TER" => Family::Violence,
            "PEACE_PROTEST" | "VIOL_DEMONSTR" | "PROTEST_WITH_INTER" => Family::Protest,
            "FORCE_AGAINST_PROTEST" | "MOB_VIOL" => Family::ForceAgainstProtest,
            "ARREST" | "PROPERTY_DISTRUCT" => Family::ArrestSeizure,
            "DIPLO" | "AGREEMENT" => Family::Diplomacy,
            "NATURAL_DISASTER" | "MAN_MADE_DISASTER" => Family::Disaster,
            _ => return None,
        })
    }

    /// Whether a factual event of `root` fits the family (for disasters: is the error).
    pub fn fits(self, root: u8) -> bool {
        match self {
            Family::Violence | Family::Disaster => (18..=20).contains(&root),
            Family::Protest => root == 14,
            Family::ForceAgainstProtest => matches!(root, 14 | 17 | 18 | 19),
            Family::ArrestSeizure => matches!(root, 17 | 18),
            Family::Diplomacy => (1..=8).contains(&root),
        }
    }
}

/// One snippet as the file gives it.
#[derive(Debug, Clone)]
pub struct Snippet {
    pub id: String,
    pub text: String,
    pub case_type: String,
}

/// Reads the task-2 TSV (`id<TAB>EventSnippet<TAB>SubType`, a header line).
pub fn read_snippets(path: &Path) -> std::io::Result<Vec<Snippet>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut c = l.split('\t');
            Some(Snippet {
                id: c.next()?.to_string(),
                text: c.next()?.to_string(),
                case_type: c.next()?.trim().to_string(),
            })
        })
        .collect())
}

/// One scored snippet.
#[derive(Debug, Clone)]
pub struct SnippetOutcome {
    pub id: String,
    pub family: Family,
    pub case_type: String,
    pub text: String,
    /// A factual event of a fitting root was coded (for disasters: one of root 18–20).
    pub hit: bool,
    /// What was coded: `SOURCE->TARGET CODE modality` per event.
    pub coded: Vec<String>,
}

/// Codes one snippet; `None` for types that are not scored.
pub fn score_snippet(engine: &Engine, s: &Snippet) -> Option<SnippetOutcome> {
    let family = Family::of(&s.case_type)?;
    let doc = Document {
        id: s.id.clone(),
        title: None,
        date: None,
        source: None,
        url: None,
        lang: None,
        text: s.text.clone(),
        origin: Default::default(),
    };
    let reading = crate::read(engine, &doc);
    let hit = reading
        .events
        .iter()
        .any(|e| e.is_factual() && family.fits(e.root().number()));
    let coded = reading
        .events
        .iter()
        .map(|e| {
            let side = |r: &Option<aras_events::Role>| {
                r.as_ref().map_or("-", |r| r.code.as_str()).to_string()
            };
            format!(
                "{}->{} {} {}{}",
                side(&e.source),
                side(&e.target),
                e.cameo,
                e.modality,
                if e.negated { " negated" } else { "" }
            )
        })
        .collect();
    Some(SnippetOutcome {
        id: s.id.clone(),
        family,
        case_type: s.case_type.clone(),
        text: s.text.clone(),
        hit,
        coded,
    })
}

/// Hits and totals per family.
pub fn by_family(outcomes: &[SnippetOutcome]) -> BTreeMap<Family, (usize, usize)> {
    let mut out: BTreeMap<Family, (usize, usize)> = BTreeMap::new();
    for o in outcomes {
        let e = out.entry(o.family).or_default();
        e.0 += usize::from(o.hit);
        e.1 += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_and_fitting_roots() {
        assert_eq!(Family::of("AIR_STRIKE"), Some(Family::Violence));
        assert_eq!(Family::of("PEACE_PROTEST"), Some(Family::Protest));
        assert_eq!(Family::of("ATTRIB"), None);
        assert!(Family::Protest.fits(14) && !Family::Protest.fits(19));
        assert!(
            Family::Disaster.fits(19),
            "a disaster coded as violence is the error counted"
        );
        assert!(Family::Diplomacy.fits(4) && !Family::Diplomacy.fits(11));
    }
}
