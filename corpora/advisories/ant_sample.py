#!/usr/bin/env python3
"""Draws the Arabic advisory texts from the ANT corpus (enrich/src/test/resources/advisories/README.md).

Usage: corpora/advisories/ant_sample.py ANT_GIT_DIR > ant-sample.jsonl
       corpora/advisories/ant_sample.py --graphic ANT_GIT_DIR > ant-graphic.jsonl
       corpora/advisories/ant_sample.py --more ANT_GIT_DIR > ant-more.jsonl
       corpora/advisories/ant_sample.py --fourth ANT_GIT_DIR > ant-fourth.jsonl
       corpora/advisories/ant_sample.py --fifth ANT_GIT_DIR > ant-fifth.jsonl
Reads the categories internationalNews, localNews and society at ANT_COMMIT. The rule was fixed before the texts were
read or the detector run on them: articles are ordered by sha256("advisories-ant:" + DOCNO); the first HARM_ITEMS
whose headline or text holds a word of HARM_WORDS and the first OTHER_ITEMS holding none are taken, skipping texts
under MIN_CHARS and repeated headlines. Texts are cut at a sentence end before MAX_CHARS. Labels are given by hand
afterwards; the output has them all false.

--graphic draws the second batch (added because the first held almost no graphic content): of the articles the first
rule did not take, ordered by sha256("advisories-ant-graphic:" + DOCNO), the first GRAPHIC_ITEMS whose headline or
text as cut holds a word of GRAPHIC_WORDS (slaughter, body parts, mutilated, charred, dismembered, burned alive, stab
wounds, decomposed), with the same length and headline rules. Fixed before those texts were read.

--more draws the third batch (added because held-out recall lagged dev: more dev text worded as news at large words
it): of the articles neither rule above took, ordered by sha256("advisories-ant-more:" + DOCNO), the first
MORE_HARM_ITEMS whose headline or text as cut holds a word of HARM_WORDS and the first MORE_OTHER_ITEMS holding none,
with the same length and cutting rules, skipping headlines already taken by any batch. Fixed before those texts were
read.

--fourth draws the fourth batch (held-out recall still lagged dev after the third): of the articles no rule above
took, ordered by sha256("advisories-ant-fourth:" + DOCNO), the first FOURTH_HARM_ITEMS whose headline or text as cut
holds a word of HARM_WORDS and the first FOURTH_OTHER_ITEMS holding none, with the same length and cutting rules,
skipping headlines already taken by any batch. Fixed before those texts were read.

--fifth draws the fifth batch, which goes to dev whole (held out already had 1,030 texts, and the hash split had sent
most of the third and fourth batches there): of the articles no rule above took, ordered by
sha256("advisories-ant-fifth:" + DOCNO), the first FIFTH_HARM_ITEMS whose headline or text as cut holds a word of
HARM_WORDS and the first FIFTH_OTHER_ITEMS holding none, with the same length and cutting rules, skipping headlines
already taken by any batch. Fixed before those texts were read.
"""
import hashlib
import json
import re
import subprocess
import sys

ANT_COMMIT = "06f6a10e80c7a0e7aee0bba2f0a6372c35c45c83"
CATEGORIES = ("internationalNews", "localNews", "society")
HARM_WORDS = re.compile("قتل|مقتل|قتيل|قتلى|مصرع|وفاة|توفي|حتف|جثة|جثث|هجوم|انفجار|تفجير|إرهاب|ارهاب|اعتداء|طعن"
                        "|رصاص|اغتيال|ذبح|غارة|قصف|جرحى|جريح|إصابة|مسلح|اشتباك|انتحاري|عبوة|اختطاف|اغتصاب|حادث"
                        "|غرق|ضحايا|ضحية|إعدام|اعدام|داعش")
GRAPHIC_WORDS = re.compile("ذبح|أشلاء|اشلاء|قطع رأس|قطع راس|مشوه|متفحم|مقطع|تنكيل|مبتور|حرقا|أضرم النار في"
                           "|طعنات|متحلل|متعفن")
GRAPHIC_ITEMS = 110
MORE_HARM_ITEMS = 120
MORE_OTHER_ITEMS = 30
FOURTH_HARM_ITEMS = 100
FOURTH_OTHER_ITEMS = 20
FIFTH_HARM_ITEMS = 125
FIFTH_OTHER_ITEMS = 25
HARM_ITEMS = 190
OTHER_ITEMS = 70
MIN_CHARS = 200
MAX_CHARS = 1000


def git(git_dir, *args):
    return subprocess.run(["git", "--git-dir", git_dir, *args], check=True, capture_output=True).stdout


def cut(text):
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in text.splitlines()]
    text = "\n".join(p for p in paragraphs if p)
    if len(text) <= MAX_CHARS:
        return text
    end = max(text.rfind(mark, 0, MAX_CHARS) for mark in (".", "!", "؟", "\n"))
    if end < MAX_CHARS // 2:
        end = text.rfind(" ", 0, MAX_CHARS)
    return text[:end + 1].strip()


def draw(docs, taken_docnos, headlines, salt, harm_items, other_items):
    """The later batches' rule: a fresh hash order, harm and other texts counted apart, on the text as cut."""
    rest = sorted((hashlib.sha256((salt + docno).encode()).hexdigest(), docno, name, title, text)
                  for _, docno, name, title, text in docs if docno not in taken_docnos)
    taken = {True: 0, False: 0}
    wanted = {True: harm_items, False: other_items}
    drawn = []
    for _, docno, name, title, text in rest:
        harm = bool(HARM_WORDS.search(title + " " + cut(text)))
        if taken[harm] >= wanted[harm] or len(text) < MIN_CHARS or title in headlines:
            continue
        headlines.add(title)
        taken[harm] += 1
        drawn.append((docno, name, title, text))
    return drawn


def main(git_dir, batch="first"):
    names = git(git_dir, "ls-tree", "-r", "--name-only", ANT_COMMIT).decode().splitlines()
    docs = []
    for name in names:
        if name.split("/")[0] not in CATEGORIES or not name.endswith(".txt"):
            continue
        doc = git(git_dir, "show", f"{ANT_COMMIT}:{name}").decode("utf-8", "replace")
        field = lambda tag: (re.search(f"<{tag}>(.*?)</{tag}>", doc, re.S) or [None, ""])[1].strip()
        docno = field("DOCNO")
        key = hashlib.sha256(("advisories-ant:" + docno).encode()).hexdigest()
        docs.append((key, docno, name, field("TITLE"), field("TEXT")))
    docs.sort()
    taken = {True: 0, False: 0}
    wanted = {True: HARM_ITEMS, False: OTHER_ITEMS}
    headlines = set()
    first = []
    for _, docno, name, title, text in docs:
        harm = bool(HARM_WORDS.search(title + " " + text))
        if taken[harm] >= wanted[harm] or len(text) < MIN_CHARS or title in headlines:
            continue
        headlines.add(title)
        taken[harm] += 1
        first.append((docno, name, title, text))
    if batch != "first":
        taken_docnos = {docno for docno, _, _, _ in first}
        rest = sorted((hashlib.sha256(("advisories-ant-graphic:" + docno).encode()).hexdigest(), docno, name, title,
                       text) for _, docno, name, title, text in docs if docno not in taken_docnos)
        graphic = []
        for _, docno, name, title, text in rest:
            if len(graphic) >= GRAPHIC_ITEMS:
                break
            if GRAPHIC_WORDS.search(title + " " + cut(text)) and len(text) >= MIN_CHARS and title not in headlines:
                headlines.add(title)
                graphic.append((docno, name, title, text))
        first = graphic
    if batch in ("more", "fourth", "fifth"):
        taken_docnos |= {docno for docno, _, _, _ in graphic}
        first = draw(docs, taken_docnos, headlines, "advisories-ant-more:", MORE_HARM_ITEMS, MORE_OTHER_ITEMS)
    if batch in ("fourth", "fifth"):
        taken_docnos |= {docno for docno, _, _, _ in first}
        first = draw(docs, taken_docnos, headlines, "advisories-ant-fourth:", FOURTH_HARM_ITEMS, FOURTH_OTHER_ITEMS)
    if batch == "fifth":
        taken_docnos |= {docno for docno, _, _, _ in first}
        first = draw(docs, taken_docnos, headlines, "advisories-ant-fifth:", FIFTH_HARM_ITEMS, FIFTH_OTHER_ITEMS)
    for docno, name, title, text in first:
        print(json.dumps({"id": "ar-ant-" + docno, "language": "ar", "headline": title, "text": cut(text),
                          "source": f"ANT corpus v1.1 (Jawhara FM), {name} at commit {ANT_COMMIT} of"
                                    " https://github.com/antcorpus/antcorpus.data",
                          "licence": "Apache-2.0",
                          "labels": {"violence": False, "death": False, "terrorism": False, "graphic": False}},
                         ensure_ascii=False))


if __name__ == "__main__":
    if sys.argv[1] in ("--graphic", "--more", "--fourth", "--fifth"):
        main(sys.argv[2], batch=sys.argv[1][2:])
    else:
        main(sys.argv[1])
