# Shared by the scripts in this folder: repository root, PATH order, small helpers.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# npm's binaryen (wasm-opt 132) must win over Debian's /usr/bin/wasm-opt, which breaks the wasm.
# scripts/wasm-split/ comes first: its wasm-bindgen wrapper splits the app into lazily loaded chunks
# before calling the real wasm-bindgen (Trunk runs whichever is on PATH).
export PATH="$ROOT/scripts/wasm-split:$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

TRUNK_VERSION="0.21.14"
# Splits the app into lazily loaded chunks (scripts/wasm-split/); must understand this wasm-bindgen's output.
WASM_SPLIT_VERSION="0.2.4"
# The wasm-bindgen CLI must match the library version in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"

step() { printf '\n== %s\n' "$*"; }
now() { date +%s; }
