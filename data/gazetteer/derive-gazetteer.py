#!/usr/bin/env python3
# derive-gazetteer.py — build gazetteer.tsv from public data and our spellings
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage:
#   mkdir /tmp/csc && cd /tmp/csc && npm pack country-state-city && tar xzf country-state-city-*.tgz
#   data/gazetteer/derive-gazetteer.py /tmp/csc/package > data/gazetteer/gazetteer.tsv
#
# Inputs:
#   - the npm package country-state-city (3.2.1; GPL-3.0, its data from the
#     "countries-states-cities-database" project, ODbL): every country with
#     its ISO 3166-1 code and a centre; the provinces of Vietnam and Laos with
#     their Vietnamese names (diacritics) and centres; cities and towns of
#     Vietnam and Laos; the capitals of the neighbours.
#   - names.tsv beside this script, written by hand: the English spellings the
#     press uses, long official forms, demonyms, and the regions and features
#     (rivers, seas) no package lists; its coordinates are used only where the
#     package has no place of that name.
#   - VN_2025 below: which of the 34 provincial units of 2025 each of the 63
#     earlier provinces joined.
#
# The package's tarball is not kept in the repository: only this script and
# its output. Districts ("Huyện …", "Muang …") are left out on purpose: their
# names repeat across provinces and read as ordinary words in English text;
# the extractor finds them by "X district".

import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

# Vietnam's provinces after Resolution No. 202/2025/QH15 of the National
# Assembly (12 June 2025, in force 1 July 2025): 34 provincial units, 28
# provinces and 6 centrally run cities. Eleven kept their borders (Hanoi,
# Hue, Lai Chau, Dien Bien, Son La, Lang Son, Quang Ninh, Thanh Hoa, Nghe An,
# Ha Tinh, Cao Bang); every other earlier province joined the unit named
# first in its line. Hue had become a centrally run city in January 2025
# (Resolution No. 175/2024/QH15), replacing Thua Thien Hue province.
# Written from the published resolution; names as in names.tsv.
VN_2025 = {
    "Hanoi": [],
    "Hue": ["Thua Thien Hue"],
    "Lai Chau": [],
    "Dien Bien": [],
    "Son La": [],
    "Lang Son": [],
    "Quang Ninh": [],
    "Thanh Hoa": [],
    "Nghe An": [],
    "Ha Tinh": [],
    "Cao Bang": [],
    "Tuyen Quang": ["Ha Giang"],
    "Lao Cai": ["Yen Bai"],
    "Thai Nguyen": ["Bac Kan"],
    "Phu Tho": ["Vinh Phuc", "Hoa Binh"],
    "Bac Ninh": ["Bac Giang"],
    "Hung Yen": ["Thai Binh"],
    "Hai Phong": ["Hai Duong"],
    "Ninh Binh": ["Ha Nam", "Nam Dinh"],
    "Quang Tri": ["Quang Binh"],
    "Da Nang": ["Quang Nam"],
    "Quang Ngai": ["Kon Tum"],
    "Gia Lai": ["Binh Dinh"],
    "Khanh Hoa": ["Ninh Thuan"],
    "Lam Dong": ["Dak Nong", "Binh Thuan"],
    "Dak Lak": ["Phu Yen"],
    "Ho Chi Minh City": ["Binh Duong", "Ba Ria-Vung Tau"],
    "Dong Nai": ["Binh Phuoc"],
    "Tay Ninh": ["Long An"],
    "Can Tho": ["Soc Trang", "Hau Giang"],
    "Vinh Long": ["Ben Tre", "Tra Vinh"],
    "Dong Thap": ["Tien Giang"],
    "Ca Mau": ["Bac Lieu"],
    "An Giang": ["Kien Giang"],
}

# The capitals around Vietnam and Laos (and of ASEAN), looked up in the
# package's cities of that country.
CAPITALS = [
    ("Beijing", "CN"), ("Bangkok", "TH"), ("Phnom Penh", "KH"),
    ("Naypyidaw", "MM"), ("Kuala Lumpur", "MY"), ("Jakarta", "ID"),
    ("Manila", "PH"), ("Singapore", "SG"), ("Bandar Seri Begawan", "BN"),
    ("Dili", "TL"), ("Taipei", "TW"), ("Vientiane", "LA"), ("Hanoi", "VN"),
]

# The package's country names that are not how the news writes them.
COUNTRY_NAMES = {
    "AG": "Antigua and Barbuda", "BS": "Bahamas", "CI": "Côte d'Ivoire",
    "TL": "Timor-Leste", "FJ": "Fiji", "GM": "Gambia", "GG": "Guernsey",
    "HK": "Hong Kong", "MO": "Macau", "MK": "North Macedonia",
    "IM": "Isle of Man", "PS": "Palestine", "PG": "Papua New Guinea",
    "PN": "Pitcairn Islands", "KN": "Saint Kitts and Nevis",
    "VC": "Saint Vincent and the Grenadines", "SJ": "Svalbard and Jan Mayen",
    "SZ": "Eswatini", "TT": "Trinidad and Tobago", "TC": "Turks and Caicos Islands",
    "VA": "Vatican", "VG": "British Virgin Islands", "VI": "United States Virgin Islands",
    "WF": "Wallis and Futuna", "CG": "Republic of the Congo", "CV": "Cabo Verde",
    "BQ": "Caribbean Netherlands", "MF": "Saint Martin", "BL": "Saint Barthélemy",
    "SX": "Sint Maarten", "CC": "Cocos Islands", "GS": "South Georgia and the South Sandwich Islands",
}

# Territories whose names are ordinary English words ("a reunion", "a
# jersey"): a match would tag the word far more often than the place.
SKIP_COUNTRIES = {"RE", "JE"}

# Prefixes of the package's Vietnamese and Lao city names: a district
# ("Huyện", "Muang", "Ban" a village) is skipped; "Thành Phố" (city) and
# "Thị Xã" (town) are dropped from the name.
DISTRICT_PREFIXES = ("Huyện ", "Huyen ", "Quận ", "Quan ", "Ấp ", "Ap ", "Muang ", "Ban ", "Thị Trấn ")
TOWN_PREFIXES = ("Thành Phố ", "Thị Xã ", "Thi xa ")

# The package's city names that are not a place's name: a person
# (Savannakhet's official name honours Kaysone Phomvihane, and the man is
# named far more often), misspellings (names.tsv has the right forms).
SKIP_CITIES = {"Kaysone Phomvihane", "Kwang Binh", "Cho Dok", "Xam Nua", "Vangviang"}


def ascii_form(name):
    """Hà Nội -> Ha Noi: the spelling of English-language outlets."""
    name = name.replace("đ", "d").replace("Đ", "D").replace("Ð", "D")
    decomposed = unicodedata.normalize("NFD", name)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def fold(name):
    """The comparison key: no case, diacritics, spaces or punctuation
    (what mk_entity_key() does in the app)."""
    return "".join(c for c in ascii_form(name).lower() if c.isalnum())


class Place:
    def __init__(self, kind, name, lat, lon, variants=(), demonyms=(), country=""):
        self.kind, self.name, self.lat, self.lon = kind, name, lat, lon
        self.variants = list(variants)
        self.demonyms = list(demonyms)
        self.country = country
        self.joined = ""
        self.located = False  # coordinates from the package
        self.at_city = False  # … from its list of cities, not a state's centre

    def names(self):
        return [self.name] + self.variants

    def add_variant(self, name):
        name = name.strip()
        if name and name not in self.names():
            self.variants.append(name)

    def locate(self, lat, lon):
        self.lat, self.lon = float(lat), float(lon)
        self.located = True


# names.tsv's section headings that say which country the places in them
# are in ("# --- Vietnam: provinces ---").
SECTIONS = {"# --- Vietnam": "VN", "# --- Laos": "LA"}


def read_names(path):
    """names.tsv: kind, name, lat, lon, variants, demonyms; sections by comment."""
    places = []
    section = ""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# ---"):
                section = next((c for h, c in SECTIONS.items() if line.startswith(h)), "")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t") + [""] * 6
            kind, name, lat, lon, variants, demonyms = fields[:6]
            places.append(Place(kind, name, float(lat), float(lon),
                                [v for v in variants.split("|") if v],
                                [d for d in demonyms.split("|") if d],
                                section if kind != "country" else ""))
    return places


def index_by_fold(places, kinds):
    index = {}
    for place in places:
        if place.kind in kinds:
            for name in place.names():
                index.setdefault(fold(name), place)
    return index


def load(package, name):
    with open(os.path.join(package, "lib", "assets", name), encoding="utf-8") as f:
        return json.load(f)


def add_countries(places, countries):
    index = index_by_fold(places, {"country"})
    for country in countries:
        code = country["isoCode"]
        if code in SKIP_COUNTRIES or country["latitude"] is None:
            continue
        name = COUNTRY_NAMES.get(code, country["name"])
        place = index.get(fold(name)) or index.get(fold(country["name"]))
        if place is None:
            place = Place("country", name, 0, 0)
            places.append(place)
        if "(" not in country["name"]:
            place.add_variant(country["name"])
        place.country = code
        place.locate(country["latitude"], country["longitude"])


def province_name(state):
    name = state["name"]
    for suffix in (" Province", " Prefecture"):
        if name.endswith(suffix):
            return name[: -len(suffix)], name
    return name, None


def add_provinces(places, states, code):
    index = index_by_fold(places, {"province", "city"})
    for state in states:
        if state["countryCode"] != code or state["latitude"] is None:
            continue
        short, long_form = province_name(state)
        # "Hồ Chí Minh" is the city's state: never make the man's name a place.
        city = index.get(fold(short + " City"))
        if city is not None:
            city.country = code
            city.locate(state["latitude"], state["longitude"])
            continue
        place = index.get(fold(long_form or "")) or index.get(fold(short))
        if place is None:
            place = Place("province", ascii_form(short), 0, 0)
            places.append(place)
            index[fold(short)] = place
        place.add_variant(short)
        if long_form and place.name != ascii_form(short):
            place.add_variant(long_form)
        place.country = code
        place.locate(state["latitude"], state["longitude"])


def city_name(raw):
    if (raw.startswith(DISTRICT_PREFIXES) or not raw[:1].isalpha() or '"' in raw
            or raw in SKIP_CITIES or raw.endswith(" district")):
        return None
    for prefix in TOWN_PREFIXES:
        if raw.startswith(prefix):
            return raw[len(prefix):]
    if raw.endswith((" Mines", " city", " City")):
        return None  # the package's duplicates of a town under another label
    return raw.removesuffix(" Town")


def add_cities(places, cities, code):
    index = index_by_fold(places, {"city", "province"})
    for raw, country, state, lat, lon in cities:
        if country != code or lat is None:
            continue
        name = city_name(raw)
        if name is None:
            continue
        place = index.get(fold(name))
        if place is not None and place.kind == "province":
            # A province's seat of the same name ("Lào Cai"): the city is
            # a place of its own, but the same name; keep the province.
            place.add_variant(name)
            continue
        if place is None:
            place = Place("city", ascii_form(name), 0, 0)
            places.append(place)
            index[fold(name)] = place
        place.add_variant(name)
        place.country = code
        # A city that is also a state ("Vientiane Prefecture") sits where
        # the package's city is, not at the centre of its territory.
        if not place.at_city:
            place.locate(lat, lon)
            place.at_city = True


def closest_city(cities, names, code, near=None):
    keys = {fold(n) for n in names}
    found = [c for c in cities if (code is None or c[1] == code) and c[3] is not None and fold(c[0]) in keys]
    if near is not None:
        found = [c for c in found if abs(float(c[3]) - near[0]) < 1.5 and abs(float(c[4]) - near[1]) < 1.5]
    if not found:
        return None
    if near is None:
        return found[0]
    return min(found, key=lambda c: (float(c[3]) - near[0]) ** 2 + (float(c[4]) - near[1]) ** 2)


def locate_other_cities(places, cities, by_country):
    """The hand-listed cities abroad: the package's city of that name
    nearest to where names.tsv puts it, which also gives its country."""
    for place in places:
        if place.kind != "city" or place.located:
            continue
        code = place.country or None
        found = closest_city(by_country.get(code, cities) if code else cities,
                             place.names(), code, (place.lat, place.lon))
        if found is not None:
            place.country = found[1]
            place.locate(found[3], found[4])


def add_capitals(places, cities):
    index = index_by_fold(places, {"city"})
    for name, code in CAPITALS:
        place = index.get(fold(name))
        found = closest_city([c for c in cities if c[1] == code], [name] + (place.names() if place else []), code)
        if found is None:
            sys.exit(f"derive-gazetteer: no city {name} in {code} in the package")
        if place is None:
            place = Place("city", name, 0, 0)
            places.append(place)
        place.country = code
        if not place.located:
            place.locate(found[3], found[4])


def record_merger(places):
    index = index_by_fold([p for p in places if p.country == "VN"], {"province", "city"})
    for unit, joined in VN_2025.items():
        if fold(unit) not in index:
            sys.exit(f"derive-gazetteer: 2025 unit {unit} is not in the gazetteer")
        index[fold(unit)].joined = index[fold(unit)].name
        for old in joined:
            if fold(old) not in index:
                sys.exit(f"derive-gazetteer: province {old} is not in the gazetteer")
            index[fold(old)].joined = index[fold(unit)].name
    missing = [p.name for p in places if p.country == "VN" and p.kind == "province" and not p.joined]
    if missing:
        sys.exit(f"derive-gazetteer: no 2025 unit for {', '.join(missing)}")


def with_ascii_forms(place):
    """Every Vietnamese or Lao name also without its diacritics, as the
    English-language press prints it."""
    for name in list(place.names()):
        plain = ascii_form(name)
        if plain != name and plain not in place.names():
            place.variants.append(plain)


HEADER = """\
# Mekong's gazetteer: GENERATED by derive-gazetteer.py, do not edit by hand
# (edit names.tsv or the script, then run it again; see README.md).
#
# One place per line, tab-separated:
#   kind      country | province | city | region | feature
#   name      the canonical name (English as the outlets print it)
#   lat, lon  WGS84 degrees: the package's centre of a country or province,
#             or the city's position; names.tsv's for regions and features
#   variants  other spellings, |-separated: with and without diacritics,
#             official long forms, older names, local forms
#   demonyms  adjectives and nationality words, |-separated
#   country   ISO 3166-1 alpha-2 code; empty for regions and features
#   joined    Vietnamese provinces: the provincial unit of 2025 (Resolution
#             No. 202/2025/QH15) the province is part of; its own name when
#             it kept its borders
#
# Sources: country-state-city 3.2.1 (npm; GPL-3.0; data of the
# countries-states-cities-database project, ODbL 1.0) and names.tsv
# (written for Mekong). See LICENSE-DATA.md.
#
# kind\tname\tlat\tlon\tvariants\tdemonyms\tcountry\tjoined
"""

def main():
    if len(sys.argv) != 2:
        sys.exit("usage: derive-gazetteer.py COUNTRY_STATE_CITY_PACKAGE_DIR")
    package = sys.argv[1]
    places = read_names(os.path.join(HERE, "names.tsv"))
    countries = load(package, "country.json")
    states = load(package, "state.json")
    cities = load(package, "city.json")

    add_countries(places, countries)
    for code in ("VN", "LA"):
        add_provinces(places, states, code)
        add_cities(places, cities, code)
    by_country = {}
    for c in cities:
        by_country.setdefault(c[1], []).append(c)
    locate_other_cities(places, cities, by_country)
    add_capitals(places, cities)
    record_merger(places)

    for place in places:
        if place.country in ("VN", "LA"):
            with_ascii_forms(place)

    out = sys.stdout
    out.write(HEADER)
    # The first name given for a key wins when the app indexes names: the
    # order of names.tsv (most important first), then the package's places.
    for place in places:
        out.write("\t".join([
            place.kind, place.name, f"{place.lat:.4f}", f"{place.lon:.4f}",
            "|".join(place.variants), "|".join(place.demonyms),
            place.country, place.joined,
        ]) + "\n")


if __name__ == "__main__":
    main()
