//! TABARI/PETRARCH agent dictionaries → aras `agent` lines.
//!
//! `PHRASE {PLURALS} [~CODE]`: `~CODE` is a sector added after the actor code
//! (`~GOV` → code `GOV`), `CODE~` one put before it (`NGO~`, written with
//! `note=prefix code`). Plurals are expanded into explicit forms:
//! - `{}` → no plural; `{A B}` → those plurals;
//! - otherwise the regular plural of the last word, PETRARCH's rules made a
//!   little more English: consonant + `Y` → `IES`; `S`, `X`, `Z`, `CH`, `SH`
//!   → `ES`; else `S`. A last word that already looks plural (ends in `S` but
//!   not `SS`/`US`/`IS`, or ends in `MEN`) gets none.
//!
//! Substitution markers `!NAME! = A, B, C` define sets; a phrase containing
//! `!NAME!` expands to one form per member, without plurals.

use std::collections::HashMap;

use crate::common::{has_reserved, lower_form, phrase_words, split_comment};
use crate::ledger::{Ledger, XmlComment};
use crate::{Format, ImportReport};

/// The regular plural of a phrase (its last word), or `None` when the phrase
/// already looks plural.
pub(crate) fn regular_plural(phrase: &str) -> Option<String> {
    let words = phrase_words(phrase);
    let last = words.last()?.to_string();
    let up = last.to_uppercase();
    if up.ends_with("MEN")
        || (up.ends_with('S') && !up.ends_with("SS") && !up.ends_with("US") && !up.ends_with("IS"))
    {
        return None;
    }
    let lower = last.chars().any(|c| c.is_lowercase());
    let suffix = |s: &str| {
        if lower {
            s.to_lowercase()
        } else {
            s.to_string()
        }
    };
    let chars: Vec<char> = up.chars().collect();
    let n = chars.len();
    let plural =
        if n >= 2 && chars[n - 1] == 'Y' && !matches!(chars[n - 2], 'A' | 'E' | 'I' | 'O' | 'U') {
            format!("{}{}", &last[..last.len() - 1], suffix("IES"))
        } else if up.ends_with('S')
            || up.ends_with('X')
            || up.ends_with('Z')
            || up.ends_with("CH")
            || up.ends_with("SH")
        {
            format!("{last}{}", suffix("ES"))
        } else {
            format!("{last}{}", suffix("S"))
        };
    let mut all: Vec<String> = words[..words.len() - 1]
        .iter()
        .map(|w| w.to_string())
        .collect();
    all.push(plural);
    Some(all.join(" "))
}

fn expand_markers(
    phrase: &str,
    markers: &HashMap<String, Vec<String>>,
) -> Result<Vec<String>, String> {
    let Some(a) = phrase.find('!') else {
        return Ok(vec![phrase.to_string()]);
    };
    let Some(b_rel) = phrase[a + 1..].find('!') else {
        return Err("substitution marker without closing '!'".to_string());
    };
    let b = a + 1 + b_rel;
    let name = &phrase[a + 1..b];
    let Some(members) = markers.get(name) else {
        return Err(format!("undefined substitution marker !{name}!"));
    };
    let tails = expand_markers(&phrase[b + 1..], markers)?;
    let mut out = Vec::new();
    for m in members {
        for t in &tails {
            out.push(format!("{}{}{}", &phrase[..a], m, t));
        }
    }
    Ok(out)
}

pub(crate) fn import_agents(text: &str, format: Format) -> ImportReport {
    let mut ledger = Ledger::new(text);
    let lines: Vec<&str> = ledger.lines().to_vec();
    let mut out = format!(
        "# imported by aras-import from a {} agent dictionary\n",
        format.name()
    );
    let mut entries = 0usize;
    let mut markers: HashMap<String, Vec<String>> = HashMap::new();
    let mut xml = XmlComment::default();

    for (idx, raw) in lines.iter().enumerate() {
        if xml.eat(raw.trim()) {
            ledger.ignored(idx);
            continue;
        }
        let (content, _) = split_comment(raw);
        let ct = content.trim();
        if ct.is_empty() {
            ledger.ignored(idx);
            continue;
        }
        if ct.starts_with('<') && ct.ends_with('>') && !ct.contains('[') {
            ledger.ignored(idx);
            continue;
        }
        // Substitution set: !PERSON! = MAN, MEN, WOMAN
        if ct.starts_with('!') && ct.contains('=') && !ct.contains('[') {
            let (lhs, rhs) = ct.split_once('=').unwrap_or((ct, ""));
            let name = lhs.trim().trim_matches('!');
            if name.is_empty() || lhs.trim().matches('!').count() != 2 {
                ledger.reject(idx, "substitution marker incorrectly defined");
                continue;
            }
            let members: Vec<String> = rhs
                .split(',')
                .map(|m| m.trim().to_string())
                .filter(|m| !m.is_empty())
                .collect();
            if members.is_empty() {
                ledger.reject(idx, "substitution marker with no members");
                continue;
            }
            markers.insert(name.to_string(), members);
            ledger.loaded(idx);
            continue;
        }
        let Some(open) = ct.find('[') else {
            ledger.reject(idx, "agent without a [code]");
            continue;
        };
        let Some(close_rel) = ct[open..].find(']') else {
            ledger.reject(idx, "unclosed '[' in code");
            continue;
        };
        let close = open + close_rel;
        let after = ct[close + 1..].trim();
        if !after.is_empty() {
            ledger.reject(idx, format!("unexpected text after code: '{after}'"));
            continue;
        }
        let code_raw = ct[open + 1..close].trim();
        let (code, prefix) = if let Some(c) = code_raw.strip_prefix('~') {
            (c, false)
        } else if let Some(c) = code_raw.strip_suffix('~') {
            (c, true)
        } else {
            ledger.reject(
                idx,
                format!("agent code '{code_raw}' has no '~' (neither ~CODE nor CODE~)"),
            );
            continue;
        };
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            ledger.reject(idx, format!("invalid agent code '{code_raw}'"));
            continue;
        }
        // aras's dictionaries take codes of 3-character groups (issue 16, found by
        // fuzzing: `[~CGOV]` in PETR.Validate.agents.txt made the converted file unloadable).
        if code.len() % 3 != 0 {
            ledger.reject(
                idx,
                format!(
                    "agent code '{code_raw}' is not made of 3-character groups (GOV, GOVMED, ...)"
                ),
            );
            continue;
        }
        let code = code.to_ascii_uppercase();
        let head = ct[..open].trim();
        // Explicit plurals in braces.
        let (phrase, plurals): (&str, Option<Vec<String>>) = match head.find('{') {
            None => (head, None),
            Some(b) => {
                let Some(e) = head[b..].find('}') else {
                    ledger.reject(idx, "missing '}' after plural");
                    continue;
                };
                let inside = &head[b + 1..b + e];
                let rest = head[b + e + 1..].trim();
                if !rest.is_empty() {
                    ledger.reject(idx, format!("unexpected text after plural: '{rest}'"));
                    continue;
                }
                (
                    head[..b].trim(),
                    Some(inside.split_whitespace().map(str::to_string).collect()),
                )
            }
        };
        if phrase_words(phrase).is_empty() {
            ledger.reject(idx, "no phrase before the code");
            continue;
        }
        let mut raw_forms: Vec<String> = Vec::new();
        if phrase.contains('!') {
            match expand_markers(phrase, &markers) {
                Ok(v) => raw_forms.extend(v),
                Err(e) => {
                    ledger.reject(idx, e);
                    continue;
                }
            }
        } else {
            raw_forms.push(phrase.to_string());
            match plurals {
                Some(p) => raw_forms.extend(p),
                None => raw_forms.extend(regular_plural(phrase)),
            }
        }
        let mut forms: Vec<String> = Vec::new();
        for f in raw_forms.iter().map(|f| lower_form(f)) {
            if !f.is_empty() && !forms.contains(&f) {
                forms.push(f);
            }
        }
        if forms.iter().any(|f| has_reserved(f)) {
            ledger.reject(
                idx,
                "phrase contains '|', '@', a tab or a control character",
            );
            continue;
        }
        let mut attrs = format!("sector={code}");
        if prefix {
            attrs.push_str(";note=prefix code");
        }
        out.push_str(&format!("{code}\tagent\t{}\t{attrs}\n", forms.join("|")));
        entries += 1;
        ledger.loaded(idx);
    }
    let (lines_read, lines_loaded, lines_ignored, rejected) = ledger.finish();
    ImportReport {
        entries,
        lines_read,
        lines_loaded,
        lines_ignored,
        rejected,
        output: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(regular_plural("ARMY").as_deref(), Some("ARMIES"));
        assert_eq!(regular_plural("CONGRESS").as_deref(), Some("CONGRESSES"));
        assert_eq!(
            regular_plural("FOREIGN_MINISTER").as_deref(),
            Some("FOREIGN MINISTERS")
        );
        assert_eq!(regular_plural("ENVOY").as_deref(), Some("ENVOYS"));
        assert_eq!(regular_plural("TROOPS"), None);
        assert_eq!(regular_plural("CHAIRMEN"), None);
    }
}
