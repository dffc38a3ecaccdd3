#!/usr/bin/env python3
"""trunk post_build hook: makes the staged site offline-capable and locks it down.

Run by trunk (see Trunk.toml) with TRUNK_STAGING_DIR and TRUNK_PROFILE set, or by hand as
`scripts/post_build.py DIR` on a built site. For release builds it
  1. writes a Content-Security-Policy <meta> into index.html: no 'unsafe-inline', no
     'unsafe-eval'; trunk's one inline loader script is allowed by its sha256 hash, computed
     here because the script names the content-hashed files of this very build;
  2. generates sw.js, a service worker that precaches every file of the site under a version
     derived from the files' contents, and marks index.html so sw-register.js registers it.
Development builds (`make serve`) get neither: a caching worker would fight trunk's live reload.
"""

import base64
import hashlib
import os
import re
import sys
from pathlib import Path

CSP = (
    "default-src 'self'; "
    "script-src 'self' {script_hashes} 'wasm-unsafe-eval'; "
    "style-src 'self'; "
    "img-src 'self' data:; "
    "font-src 'self'; "
    "connect-src 'self'; "
    "worker-src 'self'; "
    "manifest-src 'self'; "
    "object-src 'none'; "
    "base-uri 'self'; "
    "form-action 'none'"
)

SW_TEMPLATE = Path(__file__).with_name("sw.template.js")


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for match in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S):
        digest = hashlib.sha256(match.group(1).encode("utf-8")).digest()
        hashes.append("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return hashes


def add_csp(index: Path) -> None:
    html = index.read_text(encoding="utf-8")
    if 'http-equiv="Content-Security-Policy"' in html:
        return
    csp = CSP.format(script_hashes=" ".join(inline_script_hashes(html)))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp}" />'
    # Right after <meta charset>, before any script, so it governs everything that follows.
    html, n = re.subn(r'(<meta charset="utf-8" />)', r"\1\n    " + meta, html, count=1)
    if n != 1:
        sys.exit("post_build: index.html has no <meta charset=\"utf-8\" /> to put the CSP after")
    html = html.replace("</head>", '  <meta name="gdp-service-worker" content="sw.js" />\n  </head>', 1)
    index.write_text(html, encoding="utf-8")


def write_service_worker(site: Path) -> str:
    files = sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and p.name != "sw.js"
    )
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        digest.update((site / name).read_bytes())
    version = digest.hexdigest()[:16]
    urls = ["./"] + ["./" + name for name in files]
    template = SW_TEMPLATE.read_text(encoding="utf-8")
    script = template.replace("__VERSION__", version).replace(
        "__FILES__", ",\n  ".join(f'"{u}"' for u in urls)
    )
    (site / "sw.js").write_text(script, encoding="utf-8")
    return version


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"])
    if len(sys.argv) == 1 and os.environ.get("TRUNK_PROFILE") != "release":
        return
    add_csp(site / "index.html")
    version = write_service_worker(site)
    print(f"post_build: CSP set, sw.js version {version}")


if __name__ == "__main__":
    main()
