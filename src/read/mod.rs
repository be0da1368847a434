//! Reading a document from disk into text: size and type checks, encoding detection and the
//! optional YAML front matter.
//!
//! Everything here treats the input as hostile: a file that cannot be used becomes a `ReadError`
//! for that file only, and malformed front matter is reported next to a still usable body.

mod decode;
pub mod docx;
mod front_matter;

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

pub use decode::decode;
pub use front_matter::{FrontMatter, FrontMatterError, FrontMatterProblem, split_front_matter};

/// Bounds on what `read_path` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_bytes: u64,
}

impl Default for Limits {
    /// 16 MiB is far above any real protocol or plan and still cheap to hold in memory on every
    /// rayon thread at once.
    fn default() -> Self {
        Limits {
            max_bytes: 16 * 1024 * 1024,
        }
    }
}

/// The encoding a document was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1251,
}

/// A decoded document.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// Decoded text without BOM; line endings are as in the file (CRLF kept), so byte offsets and
    /// columns match what the user sees in an editor, but for a lone CR (old Mac), which is made
    /// an LF of the same length.
    pub text: String,
    pub encoding: TextEncoding,
    pub front_matter: Option<FrontMatter>,
    pub front_matter_error: Option<FrontMatterError>,
    /// Byte offset in `text` where the body starts: after the closing front matter fence, else 0.
    pub body_start: usize,
    /// For a Word document, whose `text` is Markdown made from it: the paragraph each line of
    /// `text` came from (1-based; 0 for lines between paragraphs). Findings name paragraphs.
    pub paragraphs: Option<Vec<u32>>,
    /// For a Word document: its page headers and footers, a line per paragraph; fields that
    /// allow it are read there when the text lacks them.
    pub margins: Option<String>,
}

impl SourceText {
    /// A Word document converted to Markdown: UTF-8, no front matter, a paragraph map.
    fn from_word(converted: docx::Converted) -> SourceText {
        SourceText {
            text: converted.text,
            encoding: TextEncoding::Utf8,
            front_matter: None,
            front_matter_error: None,
            body_start: 0,
            paragraphs: Some(converted.paragraphs),
            margins: Some(converted.margins).filter(|m| !m.is_empty()),
        }
    }

    /// The document without its front matter.
    pub fn body(&self) -> &str {
        self.text.get(self.body_start..).unwrap_or_default()
    }
}

/// Why a file could not be read as a document.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("the file is too large: {size} bytes, the limit is {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("the file is binary, not text")]
    Binary,
    #[error("the file could not be decoded as text")]
    NotText,
    #[error("not a regular file: {0:?}")]
    NotRegular(FileKind),
    #[error("the Word document could not be read: {0:?}")]
    Word(docx::DocxError),
    /// Binary Word 97–2003 (`.doc`) or RTF: formats hattama does not read.
    #[error("a legacy Word or RTF document")]
    LegacyWord,
}

/// What a path names when it is not a regular file: said in messages, as each needs another
/// remedy (a folder is walked, a pipe or device never read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    /// A named pipe (FIFO): opening it would wait for a writer for ever.
    Pipe,
    /// A character or block device: `/dev/zero` never ends.
    Device,
    Socket,
    Other,
}

impl FileKind {
    /// `None` for a regular file.
    pub fn of(metadata: &std::fs::Metadata) -> Option<FileKind> {
        let kind = metadata.file_type();
        if kind.is_file() {
            return None;
        }
        if kind.is_dir() {
            return Some(FileKind::Directory);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return Some(FileKind::Pipe);
            }
            if kind.is_char_device() || kind.is_block_device() {
                return Some(FileKind::Device);
            }
            if kind.is_socket() {
                return Some(FileKind::Socket);
            }
        }
        Some(FileKind::Other)
    }
}

/// Reads and decodes one document.
///
/// The size comes from the metadata before anything is read, so an oversized file costs nothing;
/// the read itself is capped too, in case the file grows in between. Only regular files are
/// opened: opening a FIFO would block forever and a device could be endless. Symlinks are
/// followed, and a symlink loop is an `Io` error from the operating system.
pub fn read_path(path: &Path, limits: &Limits) -> Result<SourceText, ReadError> {
    let metadata = std::fs::metadata(path)?;
    check_regular(&metadata)?;

    let mut file = File::open(path)?;
    // The path may have been swapped for something else since the first look.
    let metadata = file.metadata()?;
    check_regular(&metadata)?;
    // A Word file is unpacked from the file in place, whatever its size. Its first bytes tell
    // one named otherwise; they are read apart only when the whole file will not be (past the
    // size limit), since the text files that make most folders are told from their bytes once
    // read, at one system call less each.
    if by_name(path) == Some(Container::Docx) || metadata.len() > limits.max_bytes {
        let mut head = Vec::with_capacity(8);
        (&mut file).take(8).read_to_end(&mut head)?;
        file.seek(SeekFrom::Start(0))?;
        if container(path, &head) == Container::Docx && docx::looks_like_zip(&head) {
            // Pictures make most of a large Word file's size, and they are never unpacked: the
            // caps on what the parts unpack to guard the memory, not the size of the file.
            let converted = docx::convert_archive(std::io::BufReader::new(file));
            return converted
                .map(SourceText::from_word)
                .map_err(ReadError::Word);
        }
    }
    check_size(metadata.len(), limits)?;

    let capacity = usize::try_from(metadata.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(limits.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    check_size(read, limits)?;
    from_file_bytes(path, &bytes)
}

/// What a file holds, by its name and its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Text,
    Docx,
    Legacy,
}

fn container(path: &Path, bytes: &[u8]) -> Container {
    if let Some(named) = by_name(path) {
        return named;
    }
    // A Word file renamed to .txt or .md still says what it is.
    if docx::looks_like_zip(bytes) {
        Container::Docx
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) || bytes.starts_with(b"{\\rtf") {
        Container::Legacy
    } else {
        Container::Text
    }
}

/// What a file's name says it holds, if it names a Word format.
fn by_name(path: &Path) -> Option<Container> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        // OpenDocument text is read by the same converter (see `docx::convert`).
        Some("docx" | "docm" | "dotx" | "odt") => Some(Container::Docx),
        Some("doc" | "rtf" | "dot") => Some(Container::Legacy),
        _ => None,
    }
}

/// A file's bytes as a document: Word documents converted, text decoded.
pub fn from_file_bytes(path: &Path, bytes: &[u8]) -> Result<SourceText, ReadError> {
    match container(path, bytes) {
        Container::Text => from_bytes(bytes),
        Container::Legacy => Err(ReadError::LegacyWord),
        Container::Docx => docx::convert(bytes)
            .map(SourceText::from_word)
            .map_err(ReadError::Word),
    }
}

fn check_regular(metadata: &std::fs::Metadata) -> Result<(), ReadError> {
    match FileKind::of(metadata) {
        None => Ok(()),
        Some(kind) => Err(ReadError::NotRegular(kind)),
    }
}

fn check_size(size: u64, limits: &Limits) -> Result<(), ReadError> {
    if size > limits.max_bytes {
        return Err(ReadError::TooLarge {
            size,
            limit: limits.max_bytes,
        });
    }
    Ok(())
}

/// Decodes a document held in memory and splits off its front matter.
pub fn from_bytes(bytes: &[u8]) -> Result<SourceText, ReadError> {
    let (mut text, encoding) = decode(bytes)?;
    lone_carriage_returns_to_line_feeds(&mut text);
    let (front_matter, front_matter_error, body_start) = split_front_matter(&text);
    Ok(SourceText {
        text,
        encoding,
        front_matter,
        front_matter_error,
        body_start,
        paragraphs: None,
        margins: None,
    })
}

/// A CR not followed by LF ends a line (old Mac files, some exports); every other stage counts
/// lines by LF, so it becomes one. Same length, so byte offsets and columns stay; CRLF is kept.
fn lone_carriage_returns_to_line_feeds(text: &mut String) {
    let bytes = text.as_bytes();
    let lone: Vec<usize> = memchr::memchr_iter(b'\r', bytes)
        .filter(|&at| bytes.get(at + 1) != Some(&b'\n'))
        .collect();
    if lone.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(text).into_bytes();
    for at in lone {
        bytes[at] = b'\n';
    }
    // One ASCII byte for another keeps the text UTF-8.
    *text = String::from_utf8(bytes).unwrap_or_default();
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::ErrorKind;

    fn temp_file(bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("protocol.md");
        std::fs::write(&path, bytes).unwrap();
        (dir, path)
    }

    #[test]
    fn bom_crlf_and_front_matter_together() {
        let bytes = "\u{feff}---\r\nnumber: 5\r\n---\r\nПРОТОКОЛ № 5\r\n".as_bytes();
        let source = from_bytes(bytes).unwrap();
        assert_eq!(source.encoding, TextEncoding::Utf8Bom);
        assert!(source.text.starts_with("---\r\n"));
        assert!(source.front_matter_error.is_none());
        let front = source.front_matter.as_ref().unwrap();
        assert_eq!(
            front.value.get("number"),
            Some(&serde_yaml_ng::Value::from(5))
        );
        assert_eq!(source.body(), "ПРОТОКОЛ № 5\r\n");
    }

    #[test]
    fn cr_only_line_endings_are_lines() {
        let source = from_bytes(b"---\rnumber: 5\r---\rline 1\rline 2\r\nline 3\r").unwrap();
        assert_eq!(
            source.text,
            "---\nnumber: 5\n---\nline 1\nline 2\r\nline 3\n"
        );
        assert!(source.front_matter.is_some());
        assert_eq!(source.body(), "line 1\nline 2\r\nline 3\n");
    }

    #[test]
    fn windows_1251_with_front_matter() {
        let text = "---\nсекретарь: Ахметова\n---\nПОСТАНОВИЛИ:\n";
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(text);
        assert!(!unmappable);
        let source = from_bytes(&bytes).unwrap();
        assert_eq!(source.encoding, TextEncoding::Windows1251);
        assert_eq!(source.text, text);
        assert!(source.front_matter.is_some());
        assert_eq!(source.body(), "ПОСТАНОВИЛИ:\n");
    }

    #[test]
    fn malformed_front_matter_leaves_a_usable_body() {
        let source = from_bytes(b"---\na: [\n---\nbody\n").unwrap();
        assert!(source.front_matter.is_none());
        assert_eq!(source.front_matter_error.unwrap().line, 3);
        assert_eq!(&source.text[source.body_start..], "body\n");
    }

    #[test]
    fn empty_file() {
        let (_dir, path) = temp_file(b"");
        let source = read_path(&path, &Limits::default()).unwrap();
        assert_eq!(source.text, "");
        assert_eq!(source.body_start, 0);
        assert!(source.front_matter.is_none() && source.front_matter_error.is_none());
    }

    #[test]
    fn reads_a_regular_file() {
        let (_dir, path) = temp_file("Хаттама\r\n".as_bytes());
        let source = read_path(&path, &Limits::default()).unwrap();
        assert_eq!(source.text, "Хаттама\r\n");
        assert_eq!(source.encoding, TextEncoding::Utf8);
    }

    #[test]
    fn default_limit_is_16_mib() {
        assert_eq!(Limits::default().max_bytes, 16 * 1024 * 1024);
    }

    #[test]
    fn size_limit_is_checked() {
        let (_dir, path) = temp_file(b"0123456789A");
        let limits = Limits { max_bytes: 10 };
        match read_path(&path, &limits) {
            Err(ReadError::TooLarge { size, limit }) => assert_eq!((size, limit), (11, 10)),
            other => panic!("expected TooLarge, got {other:?}"),
        }
        let limits = Limits { max_bytes: 11 };
        assert_eq!(read_path(&path, &limits).unwrap().text, "0123456789A");
    }

    #[test]
    fn a_word_file_is_opened_in_place_whatever_its_pictures_weigh() {
        use std::io::Write;
        let mut buffer = std::io::Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut buffer);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        writer.start_file("word/document.xml", stored).unwrap();
        let xml = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Хаттама № 2</w:t></w:r></w:p></w:body></w:document>"#;
        writer.write_all(xml.as_bytes()).unwrap();
        writer.start_file("word/media/image1.jpeg", stored).unwrap();
        writer.write_all(&[0x5A; 4096]).unwrap();
        writer.finish().unwrap();
        let (dir, _) = temp_file(b"");
        let archive = buffer.into_inner();
        let path = dir.path().join("protokol.docx");
        std::fs::write(&path, &archive).unwrap();
        let source = read_path(&path, &Limits { max_bytes: 1024 }).unwrap();
        assert_eq!(source.text, "Хаттама № 2\n");
        // Renamed, it is told by its bytes: opened in place past the size limit, read whole
        // within it.
        let renamed = dir.path().join("protokol.txt");
        std::fs::write(&renamed, &archive).unwrap();
        for max_bytes in [1024, 1 << 20] {
            let source = read_path(&renamed, &Limits { max_bytes }).unwrap();
            assert_eq!(source.text, "Хаттама № 2\n", "limit {max_bytes}");
        }
    }

    #[test]
    fn binary_file_is_an_error() {
        let (_dir, path) = temp_file(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
        assert!(matches!(
            read_path(&path, &Limits::default()),
            Err(ReadError::Binary)
        ));
    }

    #[test]
    fn directories_and_devices_are_not_regular_and_a_missing_file_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_path(dir.path(), &Limits::default()),
            Err(ReadError::NotRegular(FileKind::Directory))
        ));
        match read_path(&dir.path().join("missing.md"), &Limits::default()) {
            Err(ReadError::Io(err)) => assert_eq!(err.kind(), ErrorKind::NotFound),
            other => panic!("expected Io, got {other:?}"),
        }
        let null = Path::new("/dev/null");
        if null.exists() {
            assert!(matches!(
                read_path(null, &Limits::default()),
                Err(ReadError::NotRegular(FileKind::Device))
            ));
        }
    }

    #[cfg(unix)]
    #[test]
    fn fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|status| status.success()) {
            return;
        }
        assert!(matches!(
            read_path(&fifo, &Limits::default()),
            Err(ReadError::NotRegular(FileKind::Pipe))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        let b = dir.path().join("b.md");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        assert!(matches!(
            read_path(&a, &Limits::default()),
            Err(ReadError::Io(_))
        ));
    }

    /// A deterministic stand-in for a fuzzer: random bytes, and random splices of the pieces
    /// that steer decoding and front matter splitting, must never panic.
    #[test]
    fn arbitrary_bytes_never_panic() {
        const YAML_PIECES: &[&[u8]] = &[
            b"---",
            b"...",
            b"\n",
            b"\r\n",
            b"\r",
            b" ",
            b"  ",
            b"\t",
            b":",
            b"a: 1",
            b"- x",
            b"[",
            b"]",
            b"{",
            b"}",
            b",",
            b"'",
            b"\"",
            b"&a",
            b"*a",
            b"!t",
            b"#",
            b"?",
            b"|",
            b">",
            b"%YAML 1.2",
            "\u{85}".as_bytes(),
            "ә".as_bytes(),
            "ключ".as_bytes(),
        ];
        const RAW_PIECES: &[&[u8]] = &[
            b"\xEF\xBB\xBF",
            b"\xFF\xFE",
            b"\xFE\xFF",
            b"\x00",
            b"\xD0",
            b"\xBF",
            b"\xF0\x9F",
            b"\xE0\xF1",
            b"\x01",
        ];
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let (mut parsed, mut rejected) = (0, 0);
        for round in 0..30_000 {
            let len = usize::try_from(next() % 64).unwrap();
            let mut bytes = Vec::new();
            let mode = round % 3;
            if mode == 2 {
                bytes.extend_from_slice(b"---\n");
            }
            for _ in 0..len {
                let pick = usize::try_from(next() % 1024).unwrap();
                match mode {
                    0 => bytes.push(next().to_le_bytes()[0]),
                    1 if pick % 8 == 0 => {
                        bytes.extend_from_slice(RAW_PIECES[pick % RAW_PIECES.len()])
                    }
                    _ => bytes.extend_from_slice(YAML_PIECES[pick % YAML_PIECES.len()]),
                }
            }
            if mode == 2 {
                bytes.extend_from_slice(b"\n---\nbody");
            }
            if let Ok(source) = from_bytes(&bytes) {
                parsed += usize::from(source.front_matter.is_some());
                rejected += usize::from(source.front_matter_error.is_some());
                assert!(source.text.is_char_boundary(source.body_start));
                let _ = source.body();
                if let Some(front) = &source.front_matter {
                    assert!(source.text.get(front.range.clone()).is_some());
                    assert!(front.range.end <= source.body_start);
                }
                if let Some(error) = &source.front_matter_error {
                    assert!(error.line >= 1 && error.column >= 1);
                    assert!(error.line <= source.text.lines().count().max(1) + 1);
                }
            }
        }
        assert!(parsed > 100 && rejected > 1_000, "{parsed} {rejected}");
    }
}
