#!/usr/bin/env python3
"""How a .wasm's bytes split between code and data, raw and gzip -9 of each section alone (the
sum of the parts is a little above the whole file's gzip). Point it at dist/*_bg.wasm, the file
a learner downloads:

    scripts/wasm-sections.py dist/*_bg.wasm

For which functions the code is, see scripts/wasm-sizes.py (needs the unstripped wasm).
"""
import gzip
import sys

NAMES = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
         6: "global", 7: "export", 8: "start", 9: "elem", 10: "code", 11: "data", 12: "datacount"}


def leb(buf, pos):
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, pos


def main(path):
    wasm = open(path, "rb").read()
    sections = {}
    pos = 8
    while pos < len(wasm):
        sid = wasm[pos]
        size, pos = leb(wasm, pos + 1)
        sections.setdefault(NAMES.get(sid, str(sid)), bytearray()).extend(wasm[pos:pos + size])
        pos += size
    print(f"{path}: {len(wasm):,} bytes, gzip {len(gzip.compress(wasm, 9)):,}")
    print(f"{'section':10} {'bytes':>11} {'gzip alone':>11}")
    for name, raw in sorted(sections.items(), key=lambda kv: -len(kv[1])):
        print(f"{name:10} {len(raw):>11,} {len(gzip.compress(bytes(raw), 9)):>11,}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
