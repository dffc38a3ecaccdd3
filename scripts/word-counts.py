#!/usr/bin/env python3
"""Words per chapter and language, prose only (front matter, code blocks, SVG figures, tags,
link targets and URLs left out). Japanese is counted in characters without blanks, and again in
Japanese-script characters only (inline Latin terms inflate the first figure); English in words.

    scripts/word-counts.py
"""
import glob
import os
import re

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def clean(src):
    src = re.sub(r"\A---\n.*?\n---\n", "", src, flags=re.S)
    src = re.sub(r"^```.*?^```[ \t]*$", "", src, flags=re.S | re.M)
    src = re.sub(r"<figure.*?</figure>", "", src, flags=re.S)
    src = re.sub(r"<[^>]+>", "", src)
    src = re.sub(r"\{#[^}]*\}", "", src)
    src = re.sub(r"\]\([^)]*\)", "]", src)
    src = re.sub(r"<?https?://\S+", "", src)
    return re.sub(r"[#>*|`\[\]_-]{1,}", " ", src)


def ja_chars(t):
    return len(re.sub(r"\s", "", t))


def ja_script(t):
    return len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef\u3000-\u303f]", t))


def en_words(t):
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’./+-]*", t))


rows = []
for ja in sorted(glob.glob(os.path.join(ROOT, "content/ja/*.md"))):
    name = os.path.basename(ja)
    tj = clean(open(ja, encoding="utf-8").read())
    te = clean(open(os.path.join(ROOT, "content/en", name), encoding="utf-8").read())
    rows.append((name, ja_chars(tj), ja_script(tj), en_words(te)))
print(f"| chapter | ja characters | ja (Japanese script only) | en words |")
print("|---|---:|---:|---:|")
for r in rows:
    print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} |")
print(f"| total | {sum(r[1] for r in rows)} | {sum(r[2] for r in rows)} | {sum(r[3] for r in rows)} |")
