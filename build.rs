//! Generates the UI string tables from `locales/{fi,sv,en}.json` and, per feature area,
//! `locales/<area>/{fi,sv,en}.json` (so each area owns its strings).
//!
//! Every locale must have exactly the same keys, no empty strings and the same `{placeholders}`;
//! otherwise the build fails. The generated `Strings` struct has one field per key, so a
//! misspelt key in the code is a compile error too.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

const LOCALES: [(&str, &str); 3] = [("fi", "FI"), ("sv", "SV"), ("en", "EN")];

/// Areas whose strings are a table of their own, fetched only by that area's chunk: staff
/// strings never reach a resident (`StaffStrings`, `i18n/staff-<code>.json`).
const SEPARATE: [&str; 1] = ["staff"];

/// The files of one language: `locales/<code>.json`, then `locales/<area>/<code>.json` by area.
fn files(code: &str) -> Vec<String> {
    println!("cargo:rerun-if-changed=src/i18n/locales");
    let mut areas: Vec<String> = std::fs::read_dir("src/i18n/locales")
        .expect("src/i18n/locales")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|a| !SEPARATE.contains(&a.as_str()))
        .collect();
    areas.sort();
    let mut out = vec![format!("src/i18n/locales/{code}.json")];
    out.extend(
        areas
            .iter()
            .map(|a| format!("src/i18n/locales/{a}/{code}.json")),
    );
    out
}

fn load(paths: Vec<String>, problems: &mut Vec<String>) -> BTreeMap<String, String> {
    let mut merged = BTreeMap::new();
    for path in paths {
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let map: BTreeMap<String, String> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        for (key, value) in map {
            if merged.insert(key.clone(), value).is_some() {
                problems.push(format!("{path}: key `{key}` is defined twice"));
            }
        }
    }
    merged
}

fn placeholders(s: &str) -> Vec<&str> {
    let mut out: Vec<&str> = s
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    out.sort_unstable();
    out
}

/// FNV-1a (64 bits) of the keys, each followed by `\n` (scripts/i18n-tables computes the same).
fn fingerprint<'a>(keys: impl Iterator<Item = &'a String>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for key in keys {
        for b in key.bytes().chain([b'\n']) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

fn main() {
    // Code splitting (feature `split`, scripts/wasm-split): wasm-split-cli needs the linker's
    // relocations in the app binary. Only the bin gets them; tests and the lib are unchanged.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
        && std::env::var_os("CARGO_FEATURE_SPLIT").is_some()
    {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    let out_dir = std::env::var("OUT_DIR").unwrap();
    let mut problems = Vec::new();
    let tables: Vec<_> = LOCALES
        .iter()
        .map(|(code, _)| load(files(code), &mut problems))
        .collect();
    check(&tables, &mut problems);
    let staff: Vec<_> = LOCALES
        .iter()
        .map(|(code, _)| {
            load(
                vec![format!("src/i18n/locales/staff/{code}.json")],
                &mut problems,
            )
        })
        .collect();
    check(&staff, &mut problems);
    for key in staff[2].keys().filter(|k| tables[2].contains_key(*k)) {
        problems.push(format!(
            "locales/staff: key `{key}` is also a key of the main table"
        ));
    }
    if !problems.is_empty() {
        panic!(
            "locale files are inconsistent:\n  {}",
            problems.join("\n  ")
        );
    }
    let out = generate("Strings", "", &tables);
    std::fs::write(Path::new(&out_dir).join("strings.rs"), out).unwrap();
    let out = generate("StaffStrings", "STAFF_", &staff);
    std::fs::write(Path::new(&out_dir).join("staff_strings.rs"), out).unwrap();
}

/// Every language has every key of `en`, no empty text, snake_case keys and the same
/// placeholders as `en`.
fn check(tables: &[BTreeMap<String, String>], problems: &mut Vec<String>) {
    let reference = &tables[2];
    for ((code, _), table) in LOCALES.iter().zip(tables) {
        for key in reference.keys().filter(|k| !table.contains_key(*k)) {
            problems.push(format!("locales ({code}): missing key `{key}`"));
        }
        for key in table.keys().filter(|k| !reference.contains_key(*k)) {
            problems.push(format!(
                "locales ({code}): key `{key}` is not in the en files"
            ));
        }
        for (key, value) in table {
            if value.trim().is_empty() {
                problems.push(format!("locales ({code}): `{key}` is empty"));
            }
            if !key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                problems.push(format!("locales ({code}): key `{key}` must be snake_case"));
            }
            if let Some(en) = reference.get(key) {
                if placeholders(en) != placeholders(value) {
                    problems.push(format!(
                        "locales ({code}): `{key}` placeholders differ from en"
                    ));
                }
            }
        }
    }
}

/// The struct `ty` with one field per key, its constants (`{prefix}KEY_COUNT`,
/// `{prefix}KEYS_FINGERPRINT`) and, outside the split build, the statics `{prefix}FI`….
fn generate(ty: &str, prefix: &str, tables: &[BTreeMap<String, String>]) -> String {
    let reference = &tables[2];
    let mut out = String::new();
    writeln!(
        out,
        "/// Every string of one language in this table. Generated by build.rs from `src/i18n/locales/`."
    )
    .unwrap();
    // `repr(C)`: a struct of N `&str` fields has the layout of `[&str; N]`, which is how a
    // table file read at run time becomes a table (see `from_texts`).
    writeln!(out, "#[repr(C)]\npub struct {ty} {{").unwrap();
    for key in reference.keys() {
        writeln!(out, "    pub {key}: &'static str,").unwrap();
    }
    out.push_str("}\n\n");
    writeln!(
        out,
        "/// Number of keys in each locale.\n#[allow(dead_code)]\npub const {prefix}KEY_COUNT: usize = {};\n",
        reference.len()
    )
    .unwrap();
    writeln!(
        out,
        "impl {ty} {{\n    /// All `(key, text)` pairs, for completeness checks."
    )
    .unwrap();
    writeln!(
        out,
        "    pub fn entries(&self) -> [(&'static str, &'static str); {}] {{\n        [",
        reference.len()
    )
    .unwrap();
    for key in reference.keys() {
        writeln!(out, "            ({key:?}, self.{key}),").unwrap();
    }
    out.push_str("        ]\n    }\n\n");
    writeln!(
        out,
        "    /// A table from the texts of a table file, in key order; `None` when the count is\n    /// wrong.\n    pub fn from_texts(texts: Vec<&'static str>) -> Option<{ty}> {{\n        let texts: [&'static str; {n}] = texts.try_into().ok()?;\n        // SAFETY: `{ty}` is `repr(C)` with exactly {n} fields, all `&'static str`, so it\n        // has the size, alignment and field order of `[&'static str; {n}]`.\n        Some(unsafe {{ std::mem::transmute::<[&'static str; {n}], {ty}>(texts) }})\n    }}\n}}\n",
        n = reference.len()
    )
    .unwrap();
    // The table files start with this fingerprint of the key list, so a file written for other
    // keys (a stale copy) is refused instead of showing texts in the wrong places.
    writeln!(
        out,
        "/// Fingerprint (FNV-1a, 64 bits, hex) of the keys in order, each followed by a newline.\npub const {prefix}KEYS_FINGERPRINT: &str = \"{:016x}\";\n",
        fingerprint(reference.keys())
    )
    .unwrap();
    // The release build (feature `split`) reads each language's table at run time from
    // `i18n/strings-<code>.json`, `i18n/staff-<code>.json` (written by scripts/i18n-tables), so the first load carries no
    // strings at all; every other build has all three compiled in.
    for ((code, name), table) in LOCALES.iter().zip(tables) {
        writeln!(
            out,
            "/// Strings in `{code}`.\n#[cfg(not(feature = \"split\"))]\npub static {prefix}{name}: {ty} = {ty} {{"
        )
        .unwrap();
        for (key, value) in table {
            writeln!(out, "    {key}: {value:?},").unwrap();
        }
        out.push_str("};\n\n");
    }
    out
}
