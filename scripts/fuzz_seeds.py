#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora into fuzz/seeds/<target>/ from the repository's own
test data and the chapters' playground blocks, so no corpus is committed and the seeds follow
the data. One file per seed, named by its content's hash (so rerunning is idempotent).

    scripts/fuzz_seeds.py            # from the repository root (scripts/fuzz.sh calls it)
"""

import base64
import glob
import hashlib
import json
import os
import re
import shutil
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "seeds")
# The release target's input: the five files joined by this separator (fuzz_targets/release.rs).
SEPARATOR = "\x1e"
RELEASE_FILES = ["main.go", "Makefile", "Dockerfile", ".goreleaser.yaml", ".github/workflows/release.yml"]


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def files(*patterns):
    out = []
    for pattern in patterns:
        out.extend(sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True)))
    return [p for p in out if os.path.isfile(p)]


def playground_blocks(language):
    """Code of every ```<language> playground block of both languages' chapters."""
    blocks = []
    fence = re.compile(r"^```" + re.escape(language) + r" playground\b.*?\n(.*?)^```", re.S | re.M)
    for path in files("content/*/*.md"):
        blocks.extend(m.group(1) for m in fence.finditer(read(path)))
    return blocks


def lines_matching(texts, regex):
    pattern = re.compile(regex)
    return [line for text in texts for line in text.splitlines() if pattern.search(line)]


def chapter_playgrounds():
    """(lang, chapter id, playground id, text) of every playground block of the chapters."""
    fence = re.compile(r"^```\S+ playground id=([a-z0-9-]+).*?\n(.*?)^```", re.S | re.M)
    out = []
    for path in files("content/*/*.md"):
        lang = os.path.basename(os.path.dirname(path))
        chapter = re.sub(r"^\d+-", "", os.path.splitext(os.path.basename(path))[0])
        out.extend((lang, chapter, m.group(1), m.group(2)) for m in fence.finditer(read(path)))
    return out


def deflate_raw(data, level=9):
    """A raw DEFLATE stream (RFC 1951), as `deflate-raw` and sim/src/state/deflate.rs read it."""
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def state_seeds():
    """Inputs for the `storage` target (sim/src/state/): share links as the app writes them
    (sim/src/state/share.rs: base64url of raw DEFLATE of the JSON payload), their payloads and
    streams alone, progress files (progress.rs) and stored values (store.rs) of the guide's own
    playgrounds."""
    playgrounds = chapter_playgrounds()[:12]
    seeds, stored = [], {}
    for i, (lang, chapter, pid, text) in enumerate(playgrounds):
        payload = {"kind": "playground", "chapter": chapter, "id": pid, "lang": lang, "text": text}
        if i % 3 == 0:
            payload["files"] = {"commits": "feat: add /version\nfix: 日本語のコミット"}
        raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        stream = deflate_raw(raw, level=9 if i % 2 else 1)
        link = "#/share/v1/" + b64url(stream)
        seeds += [link, "https://example.github.io/guide/" + link, link[: len(link) // 2],
                  raw.decode(), b64url(stream), stream]
        value = "v2:%d:%s" % (len(text.encode()), text)
        stored["gdp.v2.pg.%s.%s.%s" % (lang, chapter, pid)] = value
        seeds.append(value)
        seeds.append("v1:%d:%s" % (len(text.encode()), text))
    stored.update({"gdp.lang": "ja", "gdp.theme": "dark",
                   "gdp.corrupt.1.gdp.v2.pg.ja.docker-multistage.production": "v2:9:cut",
                   "gdp.v2.ex.en.docker-golf.files": "v2:2:{}"})
    for entries in (stored, dict(list(stored.items())[:3]), {}):
        seeds.append(json.dumps({"format": "go-deploy-playground-progress", "version": 1,
                                 "exported_at": "2026-05-01T12:34:56.000Z", "app_version": "0.1.0",
                                 "entries": entries}, ensure_ascii=False, indent=2))
    seeds += ["#/share/", "#/share/v1", "#/share/v1/", "#/share/v2/AAAA", "#/share/v1/q1YqyS9R",
              "v2:0:", "v2:3:日", "v1:x:abc", '{"format":"go-deploy-playground-progress","version":2}',
              b64url(b"\x00" * 8), deflate_raw(b"a" * 5000), deflate_raw(bytes(range(256)) * 4)]
    return seeds


def regression_inputs(target):
    """What the fuzzer found before (sim/tests/data/fuzz-regressions/<target>/), byte for byte."""
    out = []
    for path in files("sim/tests/data/fuzz-regressions/%s/*" % target):
        with open(path, "rb") as f:
            out.append(f.read())
    return out


def release_projects():
    """The guide's project, and the guide with each overlay of sim/tests/data/release on top."""
    base = os.path.join(ROOT, "sim/tests/data/release")
    guide = {name: read(os.path.join(base, "guide", name)) for name in RELEASE_FILES
             if os.path.isfile(os.path.join(base, "guide", name))}
    projects = [dict(guide)]
    for overlay in sorted(os.listdir(base)):
        directory = os.path.join(base, overlay)
        if overlay == "guide" or not os.path.isdir(directory):
            continue
        project = dict(guide)
        for name in RELEASE_FILES:
            if os.path.isfile(os.path.join(directory, name)):
                project[name] = read(os.path.join(directory, name))
        projects.append(project)
    # And each file alone, the others missing.
    for name in RELEASE_FILES:
        if name in guide:
            projects.append({name: guide[name]})
    return [SEPARATOR.join(p.get(name, "") for name in RELEASE_FILES) for p in projects]


def main():
    dockerfiles = [read(p) for p in files(
        "sim/tests/data/dockerfiles/*.Dockerfile",
        "sim/tests/data/buildkit-parser/testfiles/*/Dockerfile",
        "sim/tests/data/buildkit-parser/testfiles-negative/*/Dockerfile",
        "sim/tests/data/release/*/Dockerfile")] + playground_blocks("dockerfile")
    makefiles = [read(p) for p in files(
        "sim/tests/data/makefiles/*.mk", "sim/tests/data/release/*/Makefile")] + playground_blocks("makefile")
    scripts = playground_blocks("sh")
    go_sources = [read(p) for p in files("sim/tests/data/release/*/main.go")] + playground_blocks("go")
    goreleaser = [read(p) for p in files(
        "sim/tests/data/goreleaser/*.yaml", "sim/tests/data/release/*/.goreleaser.yaml")]
    goreleaser += [b for b in playground_blocks("yaml") if "builds:" in b or "version: 2" in b]
    workflows = [read(p) for p in files(
        "sim/tests/data/workflows/*.yml", "sim/tests/data/release/*/.github/workflows/*.yml",
        ".github/workflows/*.yml")]
    workflows += [b for b in playground_blocks("yaml") if "jobs:" in b]
    exercises = [read(p) for p in files("content/exercises/*.yaml", "sim/tests/data/exercises/*.yaml")]

    go_build_lines = lines_matching(makefiles + scripts + dockerfiles, r"go build")
    go_build_lines = [re.sub(r"^\s*(RUN\s+|@)?", "", line).rstrip("\\ ") for line in go_build_lines]
    templates = [m.group(0).strip().lstrip("- ").strip("'\"") for text in goreleaser
                 for m in re.finditer(r"[^:\n]*\{\{.*\}\}[^\n]*", text)]
    templates += [
        "{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}{{ if .Arm }}v{{ .Arm }}{{ end }}",
        "{{- if eq .Os \"darwin\" }}macOS{{- else }}{{ title .Os }}{{ end }}",
        "{{ .Env.HOME }}/{{ .Tag | trimprefix \"v\" }}",
        "{{ with .Env.EMPTY }}{{ . }}{{ else }}none{{ end }}",
        "{{ incpatch .Version }}-{{ .ShortCommit }}-{{ time \"2006-01-02\" }}",
    ]
    filters = lines_matching(workflows, r"^\s*-\s") + [
        "v*", "main", "releases/**", "!releases/**-alpha", "**.md", "docs/**/*.md",
        "v[0-9]+.[0-9]+.[0-9]+", "[", "a+?", "\\*", "!", "feature/*\nmain\n!feature/x",
    ]
    filters = [line.strip().lstrip("- ").strip("'\"") for line in filters]
    conditions = [line.split("if:", 1)[1].strip() for line in lines_matching(workflows, r"\bif:")] + [
        "${{ startsWith(github.ref, 'refs/tags/v') && success() }}",
        "needs.test.result == 'failure' || always()",
        "format('{0}-{1}', matrix.os, github.run_number) != ''",
        "!cancelled() && (contains(github.ref, 'main') || endsWith(github.ref, '.0'))",
        "github.run_number >= 40 && inputs.dry == true",
        "name: ${{ github.ref }} on ${{ matrix.os }}",
    ]

    corpora = {
        "dockerfile": dockerfiles,
        "makefile": makefiles,
        "gobuild": go_build_lines + go_sources,
        "gobuild_script": scripts,
        "goreleaser": goreleaser,
        "template": templates,
        "workflow": workflows,
        "workflow_filters": filters,
        "workflow_expr": conditions,
        "yaml": goreleaser + workflows + exercises,
        "release": release_projects(),
        "exercise": exercises,
        "storage": state_seeds(),
    }
    for target in corpora:
        corpora[target] = corpora[target] + regression_inputs(target)
    shutil.rmtree(OUT, ignore_errors=True)
    total = 0
    for target, seeds in corpora.items():
        directory = os.path.join(OUT, target)
        os.makedirs(directory)
        # A seed is text (written as UTF-8) or bytes (a DEFLATE stream, a saved input), as is.
        unique = {(s if isinstance(s, bytes) else s.encode("utf-8")): None for s in seeds if s}
        for seed in unique:
            name = hashlib.sha1(seed).hexdigest()[:16]
            with open(os.path.join(directory, name), "wb") as f:
                f.write(seed)
        if not unique:
            sys.exit(f"fuzz seeds: no seed for {target}; did the test data move?")
        total += len(unique)
    print(f"fuzz seeds: {total} seeds for {len(corpora)} targets in {os.path.relpath(OUT, ROOT)}/")


if __name__ == "__main__":
    main()
