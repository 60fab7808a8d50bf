#!/usr/bin/env python3
"""Derives the enricher's bulk gazetteer files from open data, reproducibly (stdlib only, no network).

    python3 enrich/tools/build-gazetteer.py --cities cities15000.zip --leaders wikidata.csv

Inputs (see enrich/src/main/resources/dev/newsroom/enrich/data/README.md for the exact copies used):
  --cities   GeoNames cities15000 (zip or txt): every populated place with at least 15,000 inhabitants, CC BY 4.0.
  --leaders  a Wikidata query result (CC0): heads of state and of government per country with Q-ids
             (columns countryid,country,position,positionLabel,officeholder,officeholderLabel,start_year,end_year).

Outputs, beside the curated files in .../data/gazetteer/:
  geonames-cities.tsv   geonameid, country code, population, feature code, English (GeoNames) name, Arabic display
                        name, names, link-only names
  wikidata-leaders.tsv  Q-id, English label, country, office, start year, end year

Link-only names (they identify a place the tagger found, but never mark one alone) are the names that are also
common words; the runtime checks capitalisation, population and context for the others:
  * Arabic names are the Arabic-script alternate names made only of the letters of the Arabic alphabet (Persian, Urdu,
    Kurdish and Uyghur spellings with their extra letters are left out); a one-word Arabic name is link-only when,
    in the ANT training articles of corpora/sections (Apache-2.0), it is used 10 times or more (places under
    500,000 inhabitants), or it is written there with the article (البورصة for Bursa's بورصة) unless the place's own
    names have it, or, for a name with the article, its bare form is used there (زاوية for الزاوية), capitals aside;
  * a one-word Latin name of a place under 500,000 inhabitants is link-only when the word is written in lower case in
    English (GMB training half) or French (MasakhaNEWS training half) news text, or is shorter than four letters;
  * cities the curated places.tsv already has (by GeoNames id) are left out: the curated row wins.
French names: the GeoNames file does not say which alternate name is French; only alternate names that begin with the
French article (Le Caire, La Mecque) are taken, as aliases, and the French display name is the GeoNames name.
"""
import argparse
import collections
import csv
import gzip
import json
import os
import re
import sys
import unicodedata
import zipfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "enrich/src/main/resources/dev/newsroom/enrich/data")
COMMON_POPULATION = 500_000
ARABIC_LETTERS = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652 \-]+$")
ARABIC_ANY = re.compile(r"[\u0600-\u06FF]")
FRENCH_ARTICLE = re.compile(r"^(Le|La|Les|L') ?\S")
WORD = re.compile(r"\w+", re.UNICODE)
# The definite article, alone or after a one-letter clitic: a bare name seen written with it is a common noun
# (بورصة Bursa / البورصة the stock exchange, ميدان Medan / الميدان the square, طراز Taraz / الطراز the model).
DEFINITE = ["\u0627\u0644", "\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0641\u0627\u0644",
            "\u0643\u0627\u0644", "\u0644\u0644"]


def fold_arabic(s):
    s = re.sub(r"[\u064B-\u0652\u0640]", "", s)
    s = re.sub(r"[\u0622\u0623\u0625]", "\u0627", s)
    return s.replace("\u0629", "\u0647").replace("\u0649", "\u064A")


def read_cities(path):
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            text = z.read("cities15000.txt").decode("utf-8")
    else:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    for line in text.splitlines():
        f = line.split("\t")
        if len(f) >= 15:
            yield f


def arabic_counts():
    counts = collections.Counter()
    with gzip.open(os.path.join(ROOT, "corpora/sections/train-ar.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            for w in WORD.findall(item.get("headline", "") + " " + item.get("text", "")):
                if ARABIC_ANY.search(w):
                    counts[fold_arabic(w)] += 1
    return counts


def lower_case_words():
    words = collections.Counter()
    with open(os.path.join(ROOT, "corpora/gmb/gmb-train.conll"), encoding="utf-8") as f:
        for line in f:
            tok = line.split("\t")[0].strip()
            if tok and tok.islower():
                words[strip_accents(tok)] += 1
    with gzip.open(os.path.join(ROOT, "corpora/sections/train-fr.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            for w in WORD.findall(item.get("headline", "") + " " + first_chars(item.get("text", ""))):
                if w.islower():
                    words[strip_accents(w)] += 1
    return {w for w, c in words.items() if c >= 1}


def first_chars(text, limit=2000):
    """The text as the gazetteer was built from it: train-fr held texts cut at a word boundary under 2,000 characters
    until issue 13's third round kept them whole."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > 0 else limit]


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn").lower()


def curated_ids():
    ids = set()
    with open(os.path.join(DATA, "gazetteer/places.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("geonames:"):
                ids.add(line.split("\t")[0].split(":")[1])
    return ids


def build_cities(path, out):
    counts = arabic_counts()
    total = sum(counts.values())
    lower = lower_case_words()
    curated = curated_ids()
    rows = []
    skipped = 0
    marked = collections.Counter()
    for f in read_cities(path):
        gid, name, ascii_name, alternates = f[0], f[1], f[2], f[3]
        fcode, cc, population = f[7], f[8], int(f[14] or 0)
        if gid in curated:
            skipped += 1
            continue
        small = population < COMMON_POPULATION and fcode != "PPLC"
        arabic, arabic_common, french = [], [], []
        own = {fold_arabic(a.strip()) for a in alternates.split(",")}
        for alt in alternates.split(","):
            alt = alt.strip()
            if not alt:
                continue
            if ARABIC_LETTERS.match(alt):
                if alt in arabic or alt in arabic_common:
                    continue
                folded = fold_arabic(alt)
                one_word = " " not in alt
                article = folded.startswith("\u0627\u0644")
                bare = folded[2:] if article else folded
                if one_word and small and counts[folded] >= 10:
                    marked["arabic-common"] += 1
                    arabic_common.append(alt)
                elif one_word and not article and "\u0627\u0644" + folded not in own \
                        and sum(counts[p + folded] for p in DEFINITE) > 0:
                    marked["arabic-with-article"] += 1
                    arabic_common.append(alt)
                elif one_word and article and fcode != "PPLC" \
                        and sum(counts[p + bare] for p in ["", "\u0648", "\u0628", "\u0644", "\u0641"]) > 0:
                    marked["arabic-without-article"] += 1
                    arabic_common.append(alt)
                else:
                    arabic.append(alt)
            elif FRENCH_ARTICLE.match(alt) and alt != name and alt not in french:
                french.append(alt)
        latin, latin_common = [], []
        for n in [name, ascii_name] + french:
            if n in latin or n in latin_common or ARABIC_ANY.search(n):
                continue
            one_word = len(WORD.findall(n)) == 1
            if one_word and (len(n) < 4 or small and strip_accents(n) in lower):
                marked["latin-common"] += 1
                latin_common.append(n)
            else:
                latin.append(n)
        display_ar = (arabic + arabic_common + [""])[0]
        rows.append((gid, cc, str(population), fcode, name, display_ar, "|".join(latin + arabic),
                     "|".join(latin_common + arabic_common)))
    rows.sort(key=lambda r: -int(r[2]))
    with open(out, "w", encoding="utf-8", newline="\n") as o:
        o.write("# GeoNames cities15000 (populated places with at least 15,000 inhabitants), CC BY 4.0, attribution:\n")
        o.write("# GeoNames (https://www.geonames.org/). Built by enrich/tools/build-gazetteer.py; see data/README.md for\n")
        o.write("# the exact copy. URI of a row: https://sws.geonames.org/<geonameid>/. Names: the GeoNames name, ASCII\n")
        o.write("# name, alternate names with the French article and Arabic-script alternate names written with Arabic\n")
        o.write("# letters only. link_only: names that are also common words: they identify a name the tagger found\n")
        o.write("# as a place, but never mark one alone.\n")
        o.write("#geonameid\tcc\tpopulation\tfeature\tname_en\tname_ar\tnames\tlink_only\n")
        for r in rows:
            o.write("\t".join(r) + "\n")
    print(f"{out}: {len(rows)} places; curated rows skipped: {skipped}; link-only names: {dict(marked)}",
          file=sys.stderr)


def build_leaders(path, out):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    seen = {}
    for r in rows:
        qid = r["officeholder"].strip()
        label = r["officeholderLabel"].strip()
        if not re.fullmatch(r"Q\d+", qid) or not label or re.fullmatch(r"Q\d+", label):
            continue
        key = qid
        entry = (qid, label, r["country"].strip(), r["positionLabel"].strip(), r["start_year"].strip(),
                 r["end_year"].strip())
        if key not in seen or not entry[5]:
            seen[key] = entry
    with open(out, "w", encoding="utf-8", newline="\n") as o:
        o.write("# Heads of state and of government, from a Wikidata query (CC0): officeholders of each sovereign\n")
        o.write("# state's head-of-state and head-of-government offices (P1313/P1906) in office in 2021-2022. Built by\n")
        o.write("# enrich/tools/build-gazetteer.py; see data/README.md for the exact copy. URI: Wikidata entity of the Q-id.\n")
        o.write("#qid\tname_en\tcountry\toffice\tstart\tend\n")
        for e in sorted(seen.values(), key=lambda e: (e[2], e[3], e[1])):
            o.write("\t".join(e) + "\n")
    print(f"{out}: {len(seen)} people", file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cities", required=True)
    p.add_argument("--leaders", required=True)
    p.add_argument("--out", default=os.path.join(DATA, "gazetteer"))
    a = p.parse_args()
    build_cities(a.cities, os.path.join(a.out, "geonames-cities.tsv"))
    build_leaders(a.leaders, os.path.join(a.out, "wikidata-leaders.tsv"))


if __name__ == "__main__":
    main()
