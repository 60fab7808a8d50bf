#!/usr/bin/env python3
"""Rebuilds this corpus from local git mirrors of its four sources (see README.md).

Usage: assemble.py FUNDUS_GIT NEWSPAPER4K_GIT READABILITY_GIT WADDLE_GIT
Each argument is a bare git directory (e.g. from `git clone --mirror`). Writes pages/, truth/ and manifest.tsv here.
"""
import gzip
import html
import html.parser
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "tr", "td", "th",
          "section", "article", "ul", "ol", "dl", "dt", "dd", "figure", "table", "br", "header", "footer", "aside"}


def git(repo, *args, binary=False):
    out = subprocess.run(["git", "--git-dir", repo, *args], check=True, capture_output=True).stdout
    return out if binary else out.decode("utf-8")


class BlockText(html.parser.HTMLParser):
    """Plain text of an HTML fragment, one line per block element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.current, self.skip = [], [], 0

    def flush(self):
        line = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.current.append(data)


def block_text(fragment):
    parser = BlockText()
    parser.feed(fragment)
    parser.close()
    parser.flush()
    return parser.lines


def html_lang(raw):
    match = re.search(rb"<html[^>]*\slang=[\"']?([A-Za-z]{2,3})", raw[:20000], re.I)
    return match.group(1).decode().lower() if match else None


entries = []


def add(page_id, language, raw_html, lines, repo, path, commit, licence):
    lines = [line for line in lines if line.strip()]
    if not lines:
        return
    with gzip.GzipFile(os.path.join(HERE, "pages", page_id + ".html.gz"), "wb", mtime=0) as out:
        out.write(raw_html)
    with open(os.path.join(HERE, "truth", page_id + ".txt"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    entries.append((page_id, language, repo, path, commit[:12], licence))


def fundus(repo):
    commit = git(repo, "rev-parse", "HEAD").strip()
    root = "tests/resources/parser/test_data/"
    files = git(repo, "ls-tree", "-r", "--name-only", "HEAD", root).split("\n")
    pages = sorted(f for f in files if f.endswith(".html.gz"))
    by_publisher = {}
    for page in pages:
        country, name = page[len(root):].split("/")
        publisher = re.sub(r"_\d{4}_\d{2}_\d{2}\.html\.gz$", "", name)
        by_publisher.setdefault((country, publisher), []).append(page)
    rare = {"ar", "hi", "ru", "zh", "ja", "ko", "uk", "el", "fa", "tr", "vi", "th", "he"}
    kept_by_language = {}
    for (country, publisher), versions in sorted(by_publisher.items()):
        truth = json.loads(git(repo, "show", f"HEAD:{root}{country}/{publisher}.json"))
        for page in versions:
            raw = gzip.decompress(git(repo, "show", f"HEAD:{page}", binary=True))
            language = html_lang(raw) or {"de": "de", "at": "de", "ch": "de", "us": "en", "uk": "en", "cn": "zh",
                                          "tw": "en", "il": "de", "jp": "ja", "kr": "ko"}.get(country, "und")
            language = "no" if language == "nb" else language
            # One page per publisher, except in the scripts the corpus is short of.
            if language not in rare and page != versions[-1]:
                continue
            if language in ("de", "en") and kept_by_language.get(language, 0) >= {"de": 14, "en": 22}[language]:
                continue
            text = html.unescape(raw.decode("utf-8", "replace"))
            # Each page's truth is the version whose title the page holds (versions follow the page dates).
            match = None
            for version in truth.values():
                title = (version.get("title") or "").strip()
                if title and title[:12] in text:
                    match = version
            if match is None or not match.get("body"):
                continue
            body = match["body"]
            lines = list(body.get("summary", []))
            for section in body.get("sections", []):
                lines += section.get("headline", []) + section.get("paragraphs", [])
            page_id = "fundus-" + os.path.basename(page)[:-len(".html.gz")].lower()
            add(page_id, language, raw, lines, "flairNLP/fundus", page, commit, "MIT")
            kept_by_language[language] = kept_by_language.get(language, 0) + 1


# Pages of publishers in short-supplied scripts that later fundus commits replaced: read at the commit that added them.
FUNDUS_HISTORY = [("7ca7c2d68abbd06ffa71dc47130e2ede840ec2d4", "ind", "Bhaskar", "Bhaskar_2024_09_03.html.gz"),
                  ("c5057b81940d543ec5a20bf430b05ceb95ca38d7", "ua", "Pravda", "Pravda_2025_10_24.html.gz")]


def fundus_history(repo):
    root = "tests/resources/parser/test_data/"
    for commit, country, publisher, name in FUNDUS_HISTORY:
        raw = gzip.decompress(git(repo, "show", f"{commit}:{root}{country}/{name}", binary=True))
        truth = json.loads(git(repo, "show", f"{commit}:{root}{country}/{publisher}.json"))
        text = html.unescape(raw.decode("utf-8", "replace"))
        for version in truth.values():
            title = (version.get("title") or "").strip()
            if title and title[:30] in text and version.get("body"):
                body = version["body"]
                lines = list(body.get("summary", []))
                for section in body.get("sections", []):
                    lines += section.get("headline", []) + section.get("paragraphs", [])
                add("fundus-" + name[:-len(".html.gz")].lower(), html_lang(raw), raw, lines, "flairNLP/fundus",
                    root + country + "/" + name, commit, "MIT")


def newspaper4k(repo):
    commit = git(repo, "rev-parse", "HEAD").strip()
    languages = {"arabic": "ar", "chinese": "zh", "japanese": "ja", "spanish": "es", "thai": "th", "latvian": "lv",
                 "burmese": "my", "yna_co_kr": "ko"}
    files = set(git(repo, "ls-tree", "-r", "--name-only", "HEAD", "tests/data").split("\n"))
    for path in sorted(files):
        if not path.startswith("tests/data/html/"):
            continue
        name = os.path.basename(path)[:-len(".html")]
        truth = f"tests/data/txt/{name}.txt"
        if truth not in files or name.startswith(("video_article", "cnn_test_nlp")):
            continue
        language = next((code for key, code in languages.items() if name.startswith(key)), "en")
        lines = git(repo, "show", f"HEAD:{truth}").split("\n")
        add("newspaper4k-" + name.lower().replace(".", "-"), language, git(repo, "show", f"HEAD:{path}", binary=True), lines,
            "AndyTheFactory/newspaper4k", path, commit, "MIT")


READABILITY_NEWS = {"aclu": "en", "aktualne": "cs", "ars-1": "en", "bbc-1": "en", "breitbart": "en", "buzzfeed-1": "en",
                    "citylab-1": "en", "cnn": "en", "engadget": "en", "folha": "pt", "gmw": "zh", "guardian-1": "en",
                    "heise": "de", "herald-sun-1": "en", "la-nacion": "es", "lemonde-1": "fr", "liberation-1": "fr",
                    "medicalnewstoday": "en", "msn": "en", "nytimes-1": "en", "nytimes-2": "en", "nytimes-3": "en",
                    "nytimes-4": "en", "nytimes-5": "es", "qq": "zh", "salon-1": "en", "seattletimes-1": "en",
                    "telegraph": "en", "theverge": "en", "tmz-1": "en", "wapo-1": "en", "wapo-2": "en", "yahoo-4": "ja",
                    "webmd-1": "en", "cnet": "en", "youth": "zh"}


def readability(repo):
    commit = git(repo, "rev-parse", "HEAD").strip()
    for name, language in sorted(READABILITY_NEWS.items()):
        base = f"test/test-pages/{name}/"
        lines = block_text(git(repo, "show", f"HEAD:{base}expected.html"))
        add("readability-" + name, language, git(repo, "show", f"HEAD:{base}source.html", binary=True), lines,
            "mozilla/readability", base + "source.html", commit, "Apache-2.0")


DANIEL_LANGUAGES = {"Chinese": ("zh", 16), "Russian": ("ru", 16), "Greek": ("el", 10), "Polish": ("pl", 10),
                    "English": ("en", 4)}


def declared_charset(raw):
    match = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", raw[:4000], re.I)
    return match.group(1).decode().lower() if match else "utf-8"


def daniel(repo):
    commit = git(repo, "rev-parse", "HEAD").strip()
    root = "corpora/Corpus_daniel_v2.1/"
    languages = json.loads(git(repo, "show", f"HEAD:{root}doc_lg.json"))
    htmls = set(git(repo, "ls-tree", "-r", "--name-only", "HEAD", root + "html").split("\n"))
    taken, sites = {}, set()
    for doc, language_name in sorted(languages.items()):
        if language_name not in DANIEL_LANGUAGES:
            continue
        code, quota = DANIEL_LANGUAGES[language_name]
        site = doc.split("_")[1]
        path = root + "html/" + doc
        if taken.get(code, 0) >= quota or site in sites or path not in htmls:
            continue
        raw = git(repo, "show", f"HEAD:{path}", binary=True)
        reference = git(repo, "show", f"HEAD:{root}reference/{doc}")
        # The reference's first paragraph is the headline; the body starts after it.
        lines = block_text(reference)[1:]
        if not lines or len("".join(lines)) < 200:
            continue
        # Keep only pages whose bytes decode, under the charset they declare, to text holding the reference.
        try:
            text = raw.decode(declared_charset(raw))
        except (LookupError, UnicodeDecodeError):
            continue
        probe = re.sub(r"\s+", " ", lines[0])[:15]
        if probe not in re.sub(r"\s+", " ", text):
            continue
        add("daniel-" + code + "-" + site.replace(".", "-"), code, raw, lines, "rundimeco/waddle", path, commit,
            "GPL-3.0")
        taken[code] = taken.get(code, 0) + 1
        sites.add(site)


def main():
    os.makedirs(os.path.join(HERE, "pages"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "truth"), exist_ok=True)
    fundus(sys.argv[1])
    fundus_history(sys.argv[1])
    newspaper4k(sys.argv[2])
    readability(sys.argv[3])
    daniel(sys.argv[4])
    entries.sort()
    with open(os.path.join(HERE, "manifest.tsv"), "w", encoding="utf-8") as out:
        out.write("page\tlanguage\tsplit\tsource_repo\tsource_path\tsource_commit\tlicence\tpage_file\ttruth_file\n")
        for index, (page_id, language, repo, path, commit, licence) in enumerate(entries):
            split = "heldout" if index % 4 == 3 else "tune"
            out.write(f"{page_id}\t{language}\t{split}\t{repo}\t{path}\t{commit}\t{licence}\t"
                      f"pages/{page_id}.html.gz\ttruth/{page_id}.txt\n")


if __name__ == "__main__":
    main()
