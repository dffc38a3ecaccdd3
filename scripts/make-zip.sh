#!/usr/bin/env bash
# Packs dist/ into a versioned zip for classrooms without internet, with a short README on how to
# serve it locally. Written to target/ (not dist/, which the service worker precaches).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "dist/ is missing: run 'make dist' first" >&2; exit 1; }
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
name="go-deploy-playground-${version}-${commit}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r dist "$work/$name"
cat > "$work/$name/README.txt" <<TXT
Go Deploy Playground ${version} (${commit})

This folder is the whole site. It needs no internet connection.

To use it, serve this folder with any static web server and open the address in a browser.
With Python 3 (Windows, macOS, Linux):

    cd ${name}
    python3 -m http.server 8000

then open http://localhost:8000/ . (Opening index.html directly from the disk does not work:
browsers refuse to load WebAssembly from file:// addresses.)

このフォルダーがサイト全体です。インターネット接続は不要です。
静的ファイルを配信できるサーバーで公開し、ブラウザで開いてください。Python 3 の場合:

    cd ${name}
    python3 -m http.server 8000

そのうえで http://localhost:8000/ を開きます（index.html を直接開いても動きません。
ブラウザーは file:// からの WebAssembly の読み込みを拒否するためです）。
TXT
mkdir -p target
rm -f "target/$name.zip"
(cd "$work" && zip -qr -X "$OLDPWD/target/$name.zip" "$name")
echo "target/$name.zip"
