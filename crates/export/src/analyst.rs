//! The event tables analysts already have readers for: GDELT 2.0's event table
//! ([`GDELT_COLUMNS`], 61 columns) and ICEWS coded event data ([`ICEWS_COLUMNS`], 20
//! columns), both tab-separated as their own files are, filled with our values where we
//! have them and left empty where we do not (README "Exports" lists every gap).
//!
//! Neither format quotes or escapes, so a tab, CR or LF inside a text becomes a space:
//! a reader that splits on tabs and lines always finds every column.

use std::collections::BTreeMap;
use std::io::Write;

use aras_relations::EventRow;
use jiff::civil::Date;

use crate::ExportError;

/// GDELT 2.0 event table columns, in the order of its files (the names of the GDELT
/// 2.0 codebook and of the BigQuery table `gdeltv2.events`).
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// ICEWS coded event data columns, in the order of its `.tab` files.
pub const ICEWS_COLUMNS: [&str; 20] = [
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
];

/// CAMEO religion codes that begin a religion (`CHR`, `MOS`); the code after one is its
/// denomination (`CHRCTH`, `MOSSHI`). From the CAMEO 1.1b3 codebook and `dict/groups.tsv`.
const RELIGIONS: &[&str] = &[
    "ADR", "ATH", "BAH", "BUD", "CHR", "CON", "HIN", "ITR", "JAN", "JEW", "MAN", "MOS", "NRM",
    "SHN", "SIK", "TAO", "YAZ", "ZRO",
];

/// A CAMEO actor code split into GDELT's fields: `PSEREBHMS` is country `PSE`, type
/// `REB`, known group `HMS`; `IGOUNOHCR` type `IGO`, known group `UNO` (then `HCR`,
/// which has no field); `IRNMOSSHI` country `IRN`, religion `MOS`, denomination `SHI`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorParts {
    pub country: Option<String>,
    pub known_group: Option<String>,
    /// Always `None`: our codes carry no ethnic code (`dict/groups.tsv` codes ethnic
    /// groups by their country).
    pub ethnic: Option<String>,
    pub religion1: Option<String>,
    pub religion2: Option<String>,
    pub types: [Option<String>; 3],
}

/// Splits `code` into 3-letter parts: a leading country code of `countries` (the codes
/// of `dict/countries.tsv`) or CAMEO region, religions and their denominations, sector (type) codes of
/// [`aras_dict::SECTOR_CODES`] up to three, and the first other part as the known group.
pub fn split_actor_code(code: &str, countries: &BTreeMap<String, String>) -> ActorParts {
    let parts: Vec<&str> = (0..code.len() / 3)
        .filter_map(|i| code.get(i * 3..i * 3 + 3))
        .collect();
    let mut out = ActorParts::default();
    let mut rest = parts.as_slice();
    if let Some((first, tail)) = rest.split_first() {
        let place = countries.contains_key(*first) || aras_dict::REGION_CODES.contains(first);
        if place && !aras_dict::is_sector_code(first) {
            out.country = Some(first.to_string());
            rest = tail;
        }
    }
    let mut after_religion = false;
    for part in rest {
        let religion = RELIGIONS.contains(part);
        if religion && out.religion1.is_none() {
            out.religion1 = Some(part.to_string());
            after_religion = true;
            continue;
        }
        if after_religion && out.religion2.is_none() && !aras_dict::is_sector_code(part) {
            out.religion2 = Some(part.to_string());
            after_religion = false;
            continue;
        }
        after_religion = false;
        if aras_dict::is_sector_code(part) {
            if let Some(slot) = out.types.iter_mut().find(|t| t.is_none()) {
                *slot = Some(part.to_string());
            }
        } else if out.known_group.is_none() {
            out.known_group = Some(part.to_string());
        }
    }
    out
}

/// A text field for a format without quoting: tab, CR and LF become spaces.
fn field(text: &str) -> String {
    text.replace(['\t', '\r', '\n'], " ")
}

fn opt(text: Option<&str>) -> String {
    text.map(field).unwrap_or_default()
}

fn day_number(day: Date) -> String {
    format!("{:04}{:02}{:02}", day.year(), day.month(), day.day())
}

/// GDELT's FractionDate: the year plus the share of it gone by at the start of the day
/// (`(day of year - 1) / days in year`), four decimals.
fn fraction_date(day: Date) -> String {
    let share = f64::from(day.day_of_year() - 1) / f64::from(day.days_in_year());
    format!("{:.4}", f64::from(day.year()) + share)
}

/// GDELT's EventBaseCode: the three-digit code a four-digit code refines (`1056` →
/// `105`); the code itself otherwise.
fn base_code(cameo: &str) -> &str {
    cameo.get(..3).unwrap_or(cameo)
}

/// Writes `rows` as a GDELT 2.0 event table: tab-separated, one line per row, no header
/// (as GDELT's own `.export.CSV` files) unless `header`.
pub fn write_events_gdelt<W: Write>(
    rows: &[EventRow],
    header: bool,
    mut out: W,
) -> Result<(), ExportError> {
    let countries = aras_dict::country_names();
    if header {
        writeln!(out, "{}", GDELT_COLUMNS.join("\t"))?;
    }
    let mut line: Vec<String> = Vec::with_capacity(GDELT_COLUMNS.len());
    for r in rows {
        line.clear();
        let day = r.when();
        line.push(r.cluster_id.to_string());
        line.push(day.map(day_number).unwrap_or_default());
        line.push(
            day.map(|d| format!("{:04}{:02}", d.year(), d.month()))
                .unwrap_or_default(),
        );
        line.push(day.map(|d| format!("{:04}", d.year())).unwrap_or_default());
        line.push(day.map(fraction_date).unwrap_or_default());
        for (code, text) in [
            (r.source_code.as_deref(), r.source_text.as_deref()),
            (r.target_code.as_deref(), r.target_text.as_deref()),
        ] {
            let parts = code
                .map(|c| split_actor_code(c, &countries))
                .unwrap_or_default();
            line.push(opt(code));
            line.push(opt(text));
            for part in [
                &parts.country,
                &parts.known_group,
                &parts.ethnic,
                &parts.religion1,
                &parts.religion2,
                &parts.types[0],
                &parts.types[1],
                &parts.types[2],
            ] {
                line.push(opt(part.as_deref()));
            }
        }
        line.push(String::new()); // IsRootEvent: we do not know the lead paragraph
        line.push(r.cameo.as_str().to_string());
        line.push(base_code(r.cameo.as_str()).to_string());
        line.push(r.root.to_string());
        line.push(r.quad_class.number().to_string());
        line.push(r.goldstein.to_string());
        line.push(r.n_reports.to_string());
        line.push(r.n_sources.to_string());
        line.push(r.n_documents.to_string());
        line.push(String::new()); // AvgTone: no tone analysis
                                  // Actor1Geo_* and Actor2Geo_*: actors are not placed.
        line.extend(std::iter::repeat_n(String::new(), 16));
        // ActionGeo_*: where the event happened, when known.
        let located = r.location_lat.is_some() && r.location_lon.is_some();
        let geo_type = if located {
            "4" // a place in the world (GDELT's WORLDCITY)
        } else if r.location_country.is_some() {
            "1" // a country only
        } else {
            ""
        };
        line.push(geo_type.to_string());
        line.push(opt(r.location_text.as_deref()));
        line.push(opt(r.location_country.as_deref()));
        line.push(String::new()); // ADM1
        line.push(String::new()); // ADM2
        line.push(r.location_lat.map(|v| v.to_string()).unwrap_or_default());
        line.push(r.location_lon.map(|v| v.to_string()).unwrap_or_default());
        line.push(String::new()); // FeatureID
        line.push(
            r.published
                .map(|d| format!("{}000000", day_number(d)))
                .unwrap_or_default(),
        );
        line.push(opt(r.url.as_deref()));
        debug_assert_eq!(line.len(), GDELT_COLUMNS.len());
        writeln!(out, "{}", line.join("\t"))?;
    }
    out.flush()?;
    Ok(())
}

/// The CAMEO event names of `lexicon/cameo.tsv`, by code.
fn cameo_names() -> BTreeMap<&'static str, &'static str> {
    const CAMEO_TSV: &str = include_str!("../../../lexicon/cameo.tsv");
    CAMEO_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            Some((cols.next()?, cols.next()?))
        })
        .collect()
}

/// Writes `rows` as ICEWS coded event data: tab-separated with ICEWS's header line.
pub fn write_events_icews<W: Write>(rows: &[EventRow], mut out: W) -> Result<(), ExportError> {
    let countries = aras_dict::country_names();
    let names = cameo_names();
    let country_name = |code: Option<&str>| -> String {
        code.map(|c| countries.get(c).map_or_else(|| field(c), |n| field(n)))
            .unwrap_or_default()
    };
    let sectors = |code: Option<&str>| -> String {
        let Some(code) = code else {
            return String::new();
        };
        let parts = split_actor_code(code, &countries);
        parts
            .types
            .iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(",")
    };
    writeln!(out, "{}", ICEWS_COLUMNS.join("\t"))?;
    for r in rows {
        let cameo = r.cameo.as_str();
        let line = [
            r.cluster_id.to_string(),
            r.when().map(|d| d.to_string()).unwrap_or_default(),
            opt(r.source_text.as_deref()),
            sectors(r.source_code.as_deref()),
            country_name(r.source_country.as_deref()),
            field(names.get(cameo).copied().unwrap_or_default()),
            cameo.to_string(),
            r.goldstein.to_string(),
            opt(r.target_text.as_deref()),
            sectors(r.target_code.as_deref()),
            country_name(r.target_country.as_deref()),
            field(&r.doc_id),
            String::new(), // Sentence Number: not kept per event
            opt(r.publication.as_deref()),
            opt(r.location_text.as_deref()),
            String::new(), // District
            String::new(), // Province
            country_name(r.location_country.as_deref()),
            r.location_lat.map(|v| v.to_string()).unwrap_or_default(),
            r.location_lon.map(|v| v.to_string()).unwrap_or_default(),
        ];
        writeln!(out, "{}", line.join("\t"))?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_split_as_gdelt_does() {
        let countries = aras_dict::country_names();
        let split = |c: &str| split_actor_code(c, &countries);
        let p = split("PSEREBHMS");
        assert_eq!(p.country.as_deref(), Some("PSE"));
        assert_eq!(p.types[0].as_deref(), Some("REB"));
        assert_eq!(p.known_group.as_deref(), Some("HMS"));
        let p = split("IGOUNO");
        assert_eq!(p.country, None);
        assert_eq!(p.types[0].as_deref(), Some("IGO"));
        assert_eq!(p.known_group.as_deref(), Some("UNO"));
        let p = split("ISRMIL");
        assert_eq!(p.country.as_deref(), Some("ISR"));
        assert_eq!(p.types[0].as_deref(), Some("MIL"));
        assert_eq!(p.known_group, None);
        let p = split("IRNMOSSHI");
        assert_eq!(p.country.as_deref(), Some("IRN"));
        assert_eq!(p.religion1.as_deref(), Some("MOS"));
        assert_eq!(p.religion2.as_deref(), Some("SHI"));
        let p = split("USAGOVMIL");
        assert_eq!(p.types[0].as_deref(), Some("GOV"));
        assert_eq!(p.types[1].as_deref(), Some("MIL"));
        assert_eq!(split(""), ActorParts::default());
    }

    #[test]
    fn fraction_dates() {
        assert_eq!(fraction_date(jiff::civil::date(2024, 1, 1)), "2024.0000");
        assert_eq!(fraction_date(jiff::civil::date(2023, 7, 2)), "2023.4986");
        assert_eq!(base_code("1056"), "105");
        assert_eq!(base_code("04"), "04");
    }

    #[test]
    fn text_fields_lose_tabs_and_newlines() {
        assert_eq!(field("a\tb\r\nc"), "a b  c");
    }
}
