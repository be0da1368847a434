// The default rule pack is embedded with include_dir, which cannot tell cargo about the files it
// reads: rebuild whenever anything under rules/ changes.
//
// Each of its YAML files is also written to OUT_DIR as JSON (`builtin-pack.json`, by path):
// reading JSON takes a tenth of the time the YAML reader does, which was 8% of checking one
// file. The YAML stays the source; a file that does not convert is left out, and is read as
// YAML at run time, where its error is reported with its line.
//
// The same YAML files are listed for `include_str!` (`builtin-files.rs`): the compiler checks
// their UTF-8 once, where a run checked all 216 KB of it (2% of checking one protocol).
//
// The report's labels (`templates/labels.yaml`) are written as JSON too (`labels.json`): every
// report in text needs them, and reading their YAML was 3% of checking one protocol.
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=templates/labels.yaml");
    // Absolute, for `include_str!` in a file of OUT_DIR.
    let root = Path::new(&std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"))
        .join("rules/kz-kdn");
    let mut paths = Vec::new();
    yaml_files(&root, &mut paths);
    paths.sort();
    let mut files = serde_json::Map::new();
    collect(&root, &paths, &mut files);
    let json = serde_json::to_string(&serde_json::Value::Object(files)).expect("JSON is written");
    write_out("builtin-pack.json", &json);
    write_out("builtin-files.rs", &builtin_files(&root, &paths));
    write_labels();
}

/// The built-in pack's YAML files as Rust: `&[(path, include_str!(file))]`, in the order of
/// `paths`.
fn builtin_files(root: &Path, paths: &[PathBuf]) -> String {
    let entries: String = paths
        .iter()
        .map(|path| {
            let key = pack_key(root, path);
            format!(
                "    ({key:?}, include_str!({:?})),\n",
                path.display().to_string()
            )
        })
        .collect();
    format!("&[\n{entries}]\n")
}

/// `templates/labels.yaml` as JSON; `{}` when it does not convert, which the labels' tests
/// then report (they read both and require the same labels).
fn write_labels() {
    let labels = std::fs::read_to_string("templates/labels.yaml")
        .ok()
        .and_then(|text| serde_yaml_ng::from_str::<serde_yaml_ng::Value>(&text).ok())
        .and_then(|value| serde_json::to_string(&value).ok())
        .unwrap_or_else(|| "{}".to_string());
    write_out("labels.json", &labels);
}

fn write_out(name: &str, text: &str) {
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join(name);
    std::fs::write(out, text).expect("OUT_DIR is writable");
}

/// Each of `paths` (YAML files below `root`) as JSON, by its key (see [`pack_key`]); a file that
/// does not convert is left out.
fn collect(root: &Path, paths: &[PathBuf], files: &mut serde_json::Map<String, serde_json::Value>) {
    for path in paths {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let Ok(value) = serde_yaml_ng::from_str::<serde_yaml_ng::Value>(&text) else {
            continue;
        };
        let Ok(json) = serde_json::to_value(value) else {
            continue;
        };
        files.insert(pack_key(root, path), json);
    }
}

/// Every `.yaml` or `.yml` file below `dir`.
fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            out.push(path);
        }
    }
}

/// How the program names a file of the built-in pack: `rules/kz-kdn/` and its path below the
/// pack's folder, with `/` between folders.
fn pack_key(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let key = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/");
    format!("rules/kz-kdn/{key}")
}
