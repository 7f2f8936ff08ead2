//! The gazetteer: populated places with coordinates (`dict/places.tsv`),
//! found in text by the same matcher as the actor dictionary.

use std::path::Path;

use crate::dictionary::{EntryId, Matcher};
use crate::error::{DictError, ErrorKind};
use crate::format::{derived_country, parse_raw, FormRole, Kind, RawLine};

/// The generated gazetteer of the repository (`tools/gazetteer/build_places.py`),
/// embedded at compile time.
pub const BUILTIN_PLACES: (&str, &str) =
    ("dict/places.tsv", include_str!("../../../dict/places.tsv"));

/// The index of a place in a [`Gazetteer`] (the file order: by population for
/// the builtin file, so a lower id is a larger place).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(u32);

impl PlaceId {
    /// The position of the place in load order.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One place: a line of a gazetteer file with its attributes read.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Its id in the gazetteer.
    pub id: PlaceId,
    /// The name (the first form).
    pub name: String,
    /// The country: ISO 3166-1 alpha-3 as in `dict/countries.tsv` (Kosovo
    /// `KSV`); empty for a place without one.
    pub country: String,
    /// Latitude in degrees (WGS84), `lat=`.
    pub lat: f64,
    /// Longitude in degrees (WGS84), `lon=`.
    pub lon: f64,
    /// Population (`pop=`); none for regions.
    pub population: Option<u64>,
    /// The first-level division (`admin1=`: a US state's postal code, a UK
    /// nation `ENG`...), where the file gives one.
    pub admin1: Option<String>,
    /// True for a first-level division (`feature=admin1`: a US state) rather
    /// than a populated place.
    pub region: bool,
    /// The GeoNames id (`geonames=`).
    pub geonames: Option<u32>,
    /// The candidate countries of a name shared by places of comparable size
    /// in several countries (`ambiguous=`, comma-separated alpha-3 codes,
    /// largest place first); empty when the name is not ambiguous.
    pub ambiguous: Vec<String>,
}

/// A place mention: a byte span and the places whose forms it matches.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMatch<'g> {
    /// Byte offset of the first byte (on a char boundary).
    pub start: usize,
    /// Byte offset one past the last byte (on a char boundary).
    pub end: usize,
    /// Every place with a form that matches here, largest first (file order).
    /// More than one means the mention is ambiguous; the gazetteer's policy
    /// keeps at most one place per country for a form.
    pub candidates: Vec<&'g Place>,
}

impl<'g> PlaceMatch<'g> {
    /// The matched text.
    pub fn text<'t>(&self, haystack: &'t str) -> &'t str {
        &haystack[self.start..self.end]
    }

    /// The most populous candidate: the place to use when the context does
    /// not decide.
    pub fn place(&self) -> &'g Place {
        self.candidates[0]
    }

    /// The candidate countries, largest place first, each once.
    pub fn countries(&self) -> Vec<&'g str> {
        let mut out: Vec<&str> = Vec::with_capacity(self.candidates.len());
        for p in &self.candidates {
            if !out.contains(&p.country.as_str()) {
                out.push(&p.country);
            }
        }
        out
    }

    /// The country when every candidate is in the same one.
    pub fn country(&self) -> Option<&'g str> {
        let first = self.candidates[0].country.as_str();
        self.candidates
            .iter()
            .all(|p| p.country == first)
            .then_some(first)
    }

    /// True when the candidates are in more than one country.
    pub fn is_ambiguous(&self) -> bool {
        self.country().is_none()
    }
}

/// A gazetteer: places with coordinates, their forms compiled by the
/// matcher of [`Dictionary`](crate::Dictionary), so that mentions follow the
/// dictionary's rules (whole words, capitalisation, apostrophes, diacritics,
/// longest leftmost). The lines are read by the dictionary's line parser;
/// no [`Entry`](crate::Entry) is kept, only the [`Place`] values.
///
/// ```
/// let g = aras_dict::Gazetteer::builtin()?;
/// let text = "Police fired tear gas at demonstrators in Nairobi.";
/// let m = &g.find(text)[0];
/// assert_eq!((m.text(text), m.country()), ("Nairobi", Some("KEN")));
/// assert!((m.place().lat - -1.28).abs() < 0.01);
/// let tripoli = &g.find("Tripoli")[0];
/// assert_eq!(tripoli.countries(), ["LBY", "LBN"]); // ambiguous: both kept
/// # Ok::<(), aras_dict::DictError>(())
/// ```
///
/// A gazetteer is immutable, `Send + Sync` and cheap to clone.
#[derive(Clone)]
pub struct Gazetteer {
    matcher: Matcher,
    places: Vec<Place>,
    /// For each matcher entry (a line), its place, or [`STOP`] for a stop
    /// phrase.
    slots: Vec<u32>,
}

/// The slot of a stop phrase.
const STOP: u32 = u32::MAX;

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.places.len())
            .field("patterns", &self.matcher.pattern_count())
            .finish()
    }
}

/// A place's `case=` attribute and forms, borrowed from its line.
type PlaceForms<'a> = (Option<&'a str>, Vec<(&'a str, FormRole)>);

impl Gazetteer {
    /// The gazetteer shipped in the repository (`dict/places.tsv`), embedded.
    pub fn builtin() -> Result<Gazetteer, DictError> {
        Gazetteer::from_sources(&[BUILTIN_PLACES])
    }

    /// Reads a gazetteer file (the dictionary format, every entry a `place`
    /// with `lat=` and `lon=`, or a stop phrase: an `agent` with code `-`).
    pub fn from_path(path: impl AsRef<Path>) -> Result<Gazetteer, DictError> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| DictError::new(&name, 0, ErrorKind::Io(e.to_string())))?;
        Gazetteer::from_sources(&[(&name, &text)])
    }

    /// Builds a gazetteer from `(name, text)` sources; any bad line is an
    /// error naming `name:line`.
    ///
    /// ```
    /// let g = aras_dict::Gazetteer::from_sources(&[(
    ///     "p.tsv",
    ///     "KEN\tplace\tNairobi\tlat=-1.28333;lon=36.81667;pop=4397073;geonames=184745\n",
    /// )])?;
    /// assert_eq!(g.lookup("nairobi")[0].population, Some(4_397_073));
    /// let err = aras_dict::Gazetteer::from_sources(&[("p.tsv", "KEN\tplace\tNairobi\n")]);
    /// assert_eq!(err.unwrap_err().to_string(), "p.tsv:1: place `Nairobi`: missing lat=");
    /// # Ok::<(), aras_dict::DictError>(())
    /// ```
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Gazetteer, DictError> {
        let mut places = Vec::new();
        let mut slots = Vec::new();
        // Each line's case attribute and forms, borrowed from the sources.
        let mut forms: Vec<PlaceForms<'_>> = Vec::new();
        for (name, text) in sources {
            for (i, line) in text.lines().enumerate() {
                let err = |kind| DictError::new(name, i + 1, kind);
                // The dictionary's own line parser, without copying the fields.
                let Some(raw) = parse_raw(line).map_err(err)? else {
                    continue;
                };
                if raw.kind == Kind::Agent && raw.code.is_empty() {
                    // A stop phrase, as in the actor dictionary: matched only
                    // to shadow a place's form inside it ("Hong Kong").
                    slots.push(STOP);
                } else {
                    let id = PlaceId(places.len() as u32);
                    places.push(place_of(&raw, id).map_err(err)?);
                    slots.push(id.0);
                }
                let case = raw.attrs.iter().find(|(k, _)| *k == "case").map(|(_, v)| v);
                let case = case.and_then(|v| match v.as_ref() {
                    "exact" => Some("exact"),
                    "insensitive" => Some("insensitive"),
                    _ => None,
                });
                forms.push((case, raw.forms));
            }
        }
        let total = forms.iter().map(|(_, f)| f.len()).sum();
        let matcher = Matcher::build(
            forms.iter().map(|(case, f)| (*case, f.iter().copied())),
            total,
        )?;
        Ok(Gazetteer {
            matcher,
            places,
            slots,
        })
    }

    /// The number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when there are no places.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// A place by id.
    pub fn place(&self, id: PlaceId) -> &Place {
        &self.places[id.index()]
    }

    /// All places in load order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The number of distinct patterns in the automata (forms and their
    /// apostrophe, case and diacritic variants).
    pub fn pattern_count(&self) -> usize {
        self.matcher.pattern_count()
    }

    /// The heap bytes of the automata.
    pub fn automaton_bytes(&self) -> usize {
        self.matcher.automaton_bytes()
    }

    /// Finds place mentions in `text`, with the matching rules of
    /// [`Dictionary::find`](crate::Dictionary::find). Offsets are bytes. A
    /// stop phrase of the file (a name in `dict/` that contains a place's
    /// form: "Hong Kong", "Sri Lanka") wins as the longer match and is then
    /// dropped, so that it hides the place inside it (Kong, Lanka).
    ///
    /// ```
    /// let g = aras_dict::Gazetteer::builtin().unwrap();
    /// let text = "Mobile phones were seized in Tabriz.";
    /// let found: Vec<_> = g.find(text).iter().map(|m| (m.text(text), m.place().country.as_str())).collect();
    /// assert_eq!(found, [("Tabriz", "IRN")]);
    /// ```
    pub fn find(&self, text: &str) -> Vec<PlaceMatch<'_>> {
        self.matcher
            .find(text)
            .into_iter()
            .filter_map(|m| {
                let candidates: Vec<&Place> = m
                    .entries
                    .iter()
                    .filter_map(|&id| self.place_of_entry(id))
                    .collect();
                // A stop phrase's match is dropped with the places inside it.
                (!candidates.is_empty()).then_some(PlaceMatch {
                    start: m.start,
                    end: m.end,
                    candidates,
                })
            })
            .collect()
    }

    /// The places with a form spelt `name` (ASCII case-insensitive, with the
    /// apostrophe and diacritic variants of matching; no capitalisation rule),
    /// largest first.
    ///
    /// ```
    /// let g = aras_dict::Gazetteer::builtin().unwrap();
    /// let p = g.lookup("Tabriz");
    /// assert_eq!((p[0].country.as_str(), p.len()), ("IRN", 1));
    /// assert!(g.lookup("Gondor").is_empty());
    /// ```
    pub fn lookup(&self, name: &str) -> Vec<&Place> {
        self.matcher
            .lookup(name)
            .into_iter()
            .filter_map(|id| self.place_of_entry(id))
            .collect()
    }

    /// The number of stop phrases (see [`find`](Self::find)).
    pub fn stop_phrases(&self) -> usize {
        self.slots.iter().filter(|&&s| s == STOP).count()
    }

    fn place_of_entry(&self, id: EntryId) -> Option<&Place> {
        match self.slots[id.index()] {
            STOP => None,
            i => Some(&self.places[i as usize]),
        }
    }
}

fn place_of(e: &RawLine<'_>, id: PlaceId) -> Result<Place, ErrorKind> {
    let name = e.forms[0].0;
    let bad = |msg: String| ErrorKind::BadPlace(name.to_string(), msg);
    if e.kind != Kind::Place {
        return Err(ErrorKind::NotAPlace(e.kind.to_string()));
    }
    let coord = |key: &str, limit: f64| -> Result<f64, ErrorKind> {
        let v = e.attr(key).ok_or_else(|| bad(format!("missing {key}=")))?;
        match v.parse::<f64>() {
            Ok(x) if x.is_finite() && x.abs() <= limit => Ok(x),
            _ => Err(bad(format!(
                "{key}={v} is not a number in [-{limit}, {limit}]"
            ))),
        }
    };
    let lat = coord("lat", 90.0)?;
    let lon = coord("lon", 180.0)?;
    let population = match e.attr("pop") {
        None => None,
        Some(v) => Some(
            v.parse::<u64>()
                .map_err(|_| bad(format!("pop={v} is not a whole number")))?,
        ),
    };
    let geonames = match e.attr("geonames") {
        None => None,
        Some(v) => Some(
            v.parse::<u32>()
                .map_err(|_| bad(format!("geonames={v} is not a GeoNames id")))?,
        ),
    };
    let ambiguous = match e.attr("ambiguous") {
        None => Vec::new(),
        Some(v) => {
            let codes: Vec<String> = v.split(',').map(|c| c.trim().to_string()).collect();
            if codes
                .iter()
                .any(|c| c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()))
            {
                return Err(bad(format!(
                    "ambiguous={v}: expected comma-separated alpha-3 country codes"
                )));
            }
            codes
        }
    };
    let country = match e.attr("country") {
        Some(c) => c.to_string(),
        None => derived_country(e.kind, e.code).unwrap_or_default(),
    };
    Ok(Place {
        id,
        name: name.to_string(),
        country,
        lat,
        lon,
        population,
        admin1: e.attr("admin1").map(str::to_string),
        region: e.attr("feature") == Some("admin1"),
        geonames,
        ambiguous,
    })
}
