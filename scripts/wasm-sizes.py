#!/usr/bin/env python3
"""Where the bytes of a .wasm go: code size per function, grouped by crate / module path, and the
data segments. Reads the `name` custom section, so point it at the wasm cargo produced
(target/wasm32-unknown-unknown/release/*.wasm) rather than the stripped one in dist/.

    scripts/wasm-sizes.py target/wasm32-unknown-unknown/release/go-deploy-playground.wasm [depth]

The grouping key is the demangled path cut to `depth` segments (default 2), e.g.
`deploy_sim::dockerfile`. Sizes are raw bytes of function bodies (gzip shrinks them ~2.5x, roughly
evenly), which is what tells which part of the program to look at.
"""
import re
import sys
from collections import Counter


def leb(buf, pos):
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, pos


def demangle(name):
    # Legacy Rust mangling: _ZN<len><seg>...E ; keep it simple.
    if name.startswith("_ZN"):
        segs, pos = [], 3
        while pos < len(name) and name[pos].isdigit():
            m = re.match(r"\d+", name[pos:])
            n = int(m.group())
            pos += len(m.group())
            segs.append(name[pos:pos + n])
            pos += n
        segs = [s for s in segs if not re.fullmatch(r"h[0-9a-f]{16}", s)]
        return "::".join(segs)
    return name


def group(name, depth):
    n = demangle(name)
    n = n.replace("$LT$", "<").replace("$GT$", ">").replace("$u20$", " ").replace("..", "::")
    # Trait impls `<T as Trait>::f` count toward T's crate.
    n = n.lstrip("_<")
    parts = [p for p in re.split(r"::| as ", n) if p]
    return "::".join(parts[:depth]) if parts else "?"


def main():
    path = sys.argv[1]
    depth = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    buf = open(path, "rb").read()
    pos, imports, bodies, names, data = 8, 0, [], {}, 0
    while pos < len(buf):
        sid = buf[pos]
        size, pos = leb(buf, pos + 1)
        end = pos + size
        if sid == 2:  # imports: count function imports (they take the first indices)
            count, p = leb(buf, pos)
            for _ in range(count):
                for _ in range(2):
                    ln, p = leb(buf, p)
                    p += ln
                kind = buf[p]
                p += 1
                if kind == 0:
                    imports += 1
                    _, p = leb(buf, p)
                elif kind == 1:
                    p += 1
                    flags, p = leb(buf, p)
                    _, p = leb(buf, p)
                    if flags & 1:
                        _, p = leb(buf, p)
                elif kind == 2:
                    flags, p = leb(buf, p)
                    _, p = leb(buf, p)
                    if flags & 1:
                        _, p = leb(buf, p)
                elif kind == 3:
                    p += 2
        elif sid == 10:
            count, p = leb(buf, pos)
            for _ in range(count):
                ln, p = leb(buf, p)
                bodies.append(ln)
                p += ln
        elif sid == 11:
            data = size
        elif sid == 0:
            ln, p = leb(buf, pos)
            if buf[p:p + ln] == b"name":
                p += ln
                while p < end:
                    sub = buf[p]
                    ssize, p = leb(buf, p + 1)
                    send = p + ssize
                    if sub == 1:
                        count, q = leb(buf, p)
                        for _ in range(count):
                            idx, q = leb(buf, q)
                            ln2, q = leb(buf, q)
                            names[idx] = buf[q:q + ln2].decode("utf-8", "replace")
                            q += ln2
                    p = send
        pos = end
    by_group = Counter()
    for i, size in enumerate(bodies):
        by_group[group(names.get(imports + i, "?"), depth)] += size
    total = sum(bodies)
    print(f"code {total:,} bytes in {len(bodies):,} functions; data segments {data:,} bytes")
    for g, size in by_group.most_common(40):
        print(f"{size:>10,}  {100 * size / total:5.1f}%  {g}")


if __name__ == "__main__":
    main()
