//! Reads rule pack folders into their YAML definitions, with errors that name file, line and
//! column, and merges several packs into one set of definitions.

use super::schema::{PackFile, PackMeta, RuleDef};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

/// The default pack's YAML files, built into the binary: (path, text), sorted by path, as
/// build.rs lists them.
static BUILTIN: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin-files.rs"));

/// The same files as JSON by path, written by build.rs: read ten times faster than the YAML,
/// which stays the source, and which is read instead for a file missing here.
static BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin-pack.json"));

/// Where a definition was written, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub path: String,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.column)
    }
}

/// A rule pack that cannot be used; always names the place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct PackError {
    pub origin: Origin,
    pub message: String,
}

impl PackError {
    pub fn new(origin: Origin, message: impl Into<String>) -> PackError {
        PackError {
            origin,
            message: message.into(),
        }
    }
}

/// One YAML file's text, kept to locate definitions for later errors.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    /// Borrowed for the built-in pack, whose files are in the binary.
    pub text: Cow<'static, str>,
}

impl SourceFile {
    /// The place where `needle` is first written, or the top of the file.
    pub fn locate(&self, needle: &str) -> Origin {
        let offset = if needle.is_empty() {
            None
        } else {
            self.text.find(needle)
        };
        self.origin_at(offset)
    }

    /// The line and column of byte `offset`, or the top of the file.
    fn origin_at(&self, offset: Option<usize>) -> Origin {
        let (line, column) = match offset {
            Some(at) => {
                let before = &self.text[..at];
                let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
                let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                (line, column)
            }
            None => (1, 1),
        };
        Origin {
            path: self.path.clone(),
            line,
            column,
        }
    }

    /// Where the definition with this id is written (`id: name` in the YAML).
    pub fn locate_id(&self, id: &str) -> Origin {
        for form in [
            format!("id: {id}\n"),
            format!("id: {id}\r\n"),
            format!("id: {id} "),
            format!("id: \"{id}\""),
            format!("id: '{id}'"),
        ] {
            if let Some(at) = memchr::memmem::find(self.text.as_bytes(), form.as_bytes()) {
                return self.origin_at(Some(at));
            }
        }
        self.locate(id)
    }
}

/// A pack as read: its metadata, its files and their merged definitions.
#[derive(Debug)]
pub struct LoadedPack {
    pub meta: PackMeta,
    pub files: Vec<SourceFile>,
    pub content: PackFile,
    /// For each rule in `content.rules`, the file it came from.
    pub rule_files: Vec<usize>,
    /// Its patterns are known to be valid: the built-in pack as shipped, whose tests check
    /// every pattern. A pack read from a folder, or one whose rule parameters a configuration
    /// changed, has its patterns checked when it is compiled.
    pub known_valid: bool,
}

pub fn builtin() -> Result<LoadedPack, PackError> {
    let mut pack = from_sources("rules/kz-kdn", builtin_sources(), builtin_json())?;
    pack.known_valid = true;
    Ok(pack)
}

fn builtin_sources() -> Vec<SourceFile> {
    BUILTIN
        .iter()
        .map(|&(path, text)| SourceFile {
            path: path.to_string(),
            text: Cow::Borrowed(text),
        })
        .collect()
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// Reads every `.yaml`/`.yml` file below `dir`, in path order.
pub fn from_dir(dir: &Path) -> Result<LoadedPack, PackError> {
    let top = Origin {
        path: dir.display().to_string(),
        line: 1,
        column: 1,
    };
    if !dir.is_dir() {
        return Err(PackError::new(top, "not a folder of rule files"));
    }
    let mut sources = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| PackError::new(top.clone(), e.to_string()))?;
        if !entry.file_type().is_file() || !is_yaml(entry.path()) {
            continue;
        }
        let path = entry.path().display().to_string();
        let text = std::fs::read_to_string(entry.path()).map_err(|e| {
            PackError::new(
                Origin {
                    path: path.clone(),
                    line: 1,
                    column: 1,
                },
                e.to_string(),
            )
        })?;
        sources.push(SourceFile {
            path,
            text: Cow::Owned(text),
        });
    }
    from_sources(&dir.display().to_string(), sources, BTreeMap::new())
}

/// The built-in files read from [`BUILTIN_JSON`]; none if it does not read (the YAML then is).
fn builtin_json() -> BTreeMap<String, PackFile> {
    serde_json::from_str(BUILTIN_JSON).unwrap_or_default()
}

/// A pack from its files; a file in `read` is taken as read there, the others are parsed.
fn from_sources(
    name: &str,
    files: Vec<SourceFile>,
    mut read: BTreeMap<String, PackFile>,
) -> Result<LoadedPack, PackError> {
    let mut meta: Option<PackMeta> = None;
    let mut content = PackFile::default();
    let mut rule_files = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let parsed = match read.remove(&file.path) {
            Some(parsed) => parsed,
            None => parse_file(file)?,
        };
        if let Some(found) = parsed.pack {
            if meta.is_some() {
                return Err(PackError::new(
                    file.locate("pack:"),
                    "a second `pack:` block; a pack has one",
                ));
            }
            meta = Some(found);
        }
        if let Some(lexicon) = parsed.lexicon {
            let target = content.lexicon.get_or_insert_with(Default::default);
            if lexicon.calendar.is_some() {
                target.calendar = lexicon.calendar;
            }
            target.terms.extend(lexicon.terms);
        }
        content.kinds.extend(parsed.kinds);
        content.sections.extend(parsed.sections);
        content.columns.extend(parsed.columns);
        content.fields.extend(parsed.fields);
        content.items.extend(parsed.items);
        if parsed.follow_ups.is_some() {
            content.follow_ups = parsed.follow_ups;
        }
        if parsed.commissions.is_some() {
            content.commissions = parsed.commissions;
        }
        rule_files.extend(std::iter::repeat_n(index, parsed.rules.len()));
        content.rules.extend(parsed.rules);
    }
    let meta = meta.ok_or_else(|| {
        PackError::new(
            Origin {
                path: name.to_string(),
                line: 1,
                column: 1,
            },
            "no `pack:` block with the pack's id and name in any file of this folder",
        )
    })?;
    Ok(LoadedPack {
        meta,
        files,
        content,
        rule_files,
        known_valid: false,
    })
}

fn parse_file(file: &SourceFile) -> Result<PackFile, PackError> {
    if file.text.trim().is_empty() {
        return Ok(PackFile::default());
    }
    // Refused before the YAML reader sees it, whose time grows with the square of the depth.
    if let Some(at) = crate::yaml_depth::too_deep(&file.text) {
        let (line, column) = crate::yaml_depth::line_column(&file.text, at);
        let max = crate::yaml_depth::MAX_FLOW_DEPTH;
        return Err(PackError::new(
            Origin {
                path: file.path.clone(),
                line,
                column,
            },
            format!("`[` and `{{` are nested more than {max} levels deep: the file was not read"),
        ));
    }
    serde_yaml_ng::from_str::<PackFile>(&file.text).map_err(|error| yaml_error(&file.path, &error))
}

/// A YAML error in the file at `path`, at the place the YAML library names.
pub(crate) fn yaml_error(path: &str, error: &serde_yaml_ng::Error) -> PackError {
    let (line, column) = error
        .location()
        .map_or((1, 1), |at| (at.line(), at.column()));
    PackError::new(
        Origin {
            path: path.to_string(),
            line,
            column,
        },
        without_position(&error.to_string()),
    )
}

/// The YAML library appends "at line N column M" to its messages; the origin says it already.
fn without_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) if message[at..].contains(" column ") => message[..at].to_string(),
        _ => message.to_string(),
    }
}

/// A rule with the pack it belongs to and the file that defines it.
pub struct RuleSource<'a> {
    pub namespace: &'a str,
    pub rule: &'a RuleDef,
    pub file: &'a SourceFile,
}

impl LoadedPack {
    pub fn rule_sources(&self) -> impl Iterator<Item = RuleSource<'_>> {
        self.content
            .rules
            .iter()
            .zip(&self.rule_files)
            .map(|(rule, &file)| RuleSource {
                namespace: &self.meta.id,
                rule,
                file: &self.files[file],
            })
    }

    /// The file that defines the extraction entry with this id, for errors.
    pub fn locate_id(&self, id: &str) -> Origin {
        match self.file_containing(&format!("id: {id}")) {
            Some(file) => file.locate_id(id),
            None => self.top(),
        }
    }

    /// Where a pattern is written, for regex errors.
    pub fn locate_text(&self, text: &str) -> Origin {
        let probe: String = text.chars().take(40).collect();
        match self.file_containing(&probe) {
            Some(file) => file.locate(&probe),
            None => self.top(),
        }
    }

    /// The first file that contains `text`, else the pack's first file.
    fn file_containing(&self, text: &str) -> Option<&SourceFile> {
        self.files
            .iter()
            .find(|file| file.text.contains(text))
            .or(self.files.first())
    }

    /// The pack as a whole, when no better place is known.
    fn top(&self) -> Origin {
        Origin {
            path: self.meta.id.clone(),
            line: 1,
            column: 1,
        }
    }
}

/// Layers packs: a later pack with the id of an earlier one replaces it; others add to it.
pub fn layer(packs: Vec<LoadedPack>) -> Vec<LoadedPack> {
    let mut out: Vec<LoadedPack> = Vec::new();
    for pack in packs {
        out.retain(|earlier| earlier.meta.id != pack.meta.id);
        out.push(pack);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> SourceFile {
        SourceFile {
            path: "x.yaml".into(),
            text: text.to_string().into(),
        }
    }

    #[test]
    fn the_built_in_pack_read_as_json_is_the_yaml() {
        let sources = builtin_sources();
        let json = builtin_json();
        // Every file converted, or the speed-up is silently gone.
        assert_eq!(json.len(), sources.len());
        for file in &sources {
            let yaml = parse_file(file).unwrap();
            let read = json
                .get(&file.path)
                .unwrap_or_else(|| panic!("{}", file.path));
            assert_eq!(format!("{read:?}"), format!("{yaml:?}"), "{}", file.path);
        }
    }

    /// build.rs lists the files to build in; one it missed would be a rule silently gone.
    #[test]
    fn the_built_in_pack_is_every_yaml_file_of_its_folder() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/kz-kdn");
        let mut on_disk: Vec<(String, String)> = walkdir::WalkDir::new(&folder)
            .into_iter()
            .map(Result::unwrap)
            .filter(|entry| entry.file_type().is_file() && is_yaml(entry.path()))
            .map(|entry| {
                let relative = entry.path().strip_prefix(&folder).unwrap();
                let parts: Vec<_> = relative.iter().map(|p| p.to_string_lossy()).collect();
                let text = std::fs::read_to_string(entry.path()).unwrap();
                (format!("rules/kz-kdn/{}", parts.join("/")), text)
            })
            .collect();
        on_disk.sort();
        let built_in: Vec<(String, String)> = builtin_sources()
            .into_iter()
            .map(|file| (file.path, file.text.into_owned()))
            .collect();
        assert!(built_in.len() >= 8, "{}", built_in.len());
        assert_eq!(built_in, on_disk);
    }

    #[test]
    fn yaml_errors_name_the_line_and_column() {
        let error = from_sources(
            "p",
            vec![source(
                "pack:\n  id: p\n  name: {kk: a, ru: b, en: c}\n  colour: red\n",
            )],
            BTreeMap::new(),
        )
        .unwrap_err();
        assert_eq!(error.origin.path, "x.yaml");
        assert_eq!(error.origin.line, 4);
        assert!(error.message.contains("colour"), "{}", error.message);
    }

    #[test]
    fn a_pack_needs_a_pack_block() {
        let error = from_sources("p", vec![source("rules: []\n")], BTreeMap::new()).unwrap_err();
        assert!(error.message.contains("pack:"));
    }

    #[test]
    fn ids_are_located() {
        let file = source("rules:\n  - id: first\n  - id: second\n");
        assert_eq!(file.locate_id("second").line, 3);
    }

    #[test]
    fn the_builtin_pack_loads() {
        let pack = builtin().unwrap();
        assert_eq!(pack.meta.id, "kz-kdn");
        assert!(!pack.content.rules.is_empty());
    }
}
