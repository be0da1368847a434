//! The writer against the reader: a document written as Word and read back by
//! [`hattama::read::docx`] is the document it was, line by line, as the parser sees it.

use super::docx;
use crate::text::Format;
use hattama::parse::{self, Line};
use hattama::read::docx::convert;
use std::io::Read;

/// A protocol as the generator writes it in Markdown: bold labels, a numbered list with a
/// continuation line, typed decision numbers, escapes, a bullet, a table and signatures.
const MARKDOWN: &str = "\
**ПРОТОКОЛ № 5**

# Заседание комиссии

«21» мая 2026 года, 11:00

**Председательствующий:**\\
Муратбеков Н.А. – заместитель акима

**Присутствовали члены комиссии:**

1.  Кожанова Ж.К. – руководитель отдела образования;
2.  Ибрайов Р.А. – начальник ОП;

## Повестка дня:

1.  Об исполнении ранее принятых решений.\\
    Докладчик: Сәрсенбаева Д.К.
2.  О выявлении фактов насилия.

**1. СЛУШАЛИ:**

Сәрсенбаеву Д.К. об исполнении решений & «контроле» <по плану>.

**КОМИССИЯ ПОСТАНОВЛЯЕТ:**

1.1. Информацию принять к сведению.

1.2. ОП (Ибрайов Р.А.) обеспечить проверку.\\
Срок: до 10 июня 2026 г.

2.1. Провести сходы граждан.

-   н/л М.Ұ., 2013 г.р.;

| № | Мероприятие | Срок |
|---|---|---|
| 1 | Семинар \\| тренинг | до 30.04.2026 |
| 2 | **Рейд** |  |

Председатель комиссии \\_\\_\\_\\_\\_ Н. Муратбеков
";

/// The same kind of document as Word saves it as text: CAPS headings, typed numbers, tabs.
const TEXT: &str = "\u{feff}ПРОТОКОЛ № 1\r\n\r\n19 февраля 2026 г.\t\tг. Алга\r\n\r\nПовестка дня:\r\n1. Об охране здоровья детей.\r\nДокладчик: Кожанова Ж.К.\r\n2. Об итогах работы.\r\n\r\n1. СЛУШАЛИ:\r\nКожанову Ж.К.\r\n\r\nКОМИССИЯ ПОСТАНОВЛЯЕТ:\r\n1.1. Информацию принять к сведению.\r\nСрок: до 2026-02-08.\r\n\r\n- н/л Б.Ұ., 2009 г.р.\r\n\r\n№\tМероприятие\tСроки\r\n1\tСеминар\tмарт\r\n2\tРейд\r\n\r\nПредседатель комиссии\t\t\t____________\tН. Муратбеков\r\n";

/// A line as the parser makes it: text, heading level, bold, capitals, table row cells.
type Parsed = (String, Option<u8>, bool, bool, Vec<String>);

/// The lines the parser makes of a document. List numbers are left out: a text file types
/// them in its text.
fn lines(source: &str, format: parse::Format) -> Vec<Parsed> {
    let document = parse::parse("doc".into(), source.to_string(), 0, None, format);
    document
        .lines
        .iter()
        .map(|line: &Line| {
            let cells = line
                .row
                .iter()
                .flat_map(|row| row.cells.iter().map(|cell| cell.folded.text.clone()))
                .collect();
            (
                line.text().to_string(),
                line.style.heading,
                line.style.bold,
                line.style.caps,
                cells,
            )
        })
        .collect()
}

fn read_back(text: &str, format: Format) -> String {
    let bytes = docx(text.as_bytes(), format).expect("written");
    convert(&bytes).expect("read").text
}

#[test]
fn markdown_reads_back_as_the_markdown_it_was() {
    let converted = read_back(MARKDOWN, Format::Md);
    assert_eq!(
        lines(&converted, parse::Format::Markdown),
        lines(MARKDOWN, parse::Format::Markdown),
        "{converted}"
    );
    // Numbers as Word shows them: the list's own, the typed decisions' after a new start.
    assert!(converted.contains("\n1. Кожанова"), "{converted}");
    assert!(converted.contains("\n2. О выявлении"), "{converted}");
    assert!(converted.contains("\n1.2. ОП"), "{converted}");
    assert!(converted.contains("\n2.1. Провести"), "{converted}");
    assert!(converted.contains("# Заседание комиссии"), "{converted}");
}

#[test]
fn text_reads_back_with_the_same_lines() {
    let converted = read_back(TEXT, Format::Txt);
    let from_word = lines(&converted, parse::Format::Markdown);
    let from_text = lines(
        TEXT.trim_start_matches('\u{feff}'),
        parse::Format::PlainText,
    );
    // Word's numbers and bullets read as Markdown list items, whose marker is not in the line's
    // text; a number Markdown could not keep ("1. СЛУШАЛИ:" after item 2) stays in it.
    let unnumbered = |lines: Vec<Parsed>| {
        lines
            .into_iter()
            .map(
                |(text, heading, bold, caps, cells)| match super::typed::label(&text) {
                    Some((_, at)) => (text[at..].to_string(), heading, bold, caps, cells),
                    None => (text, heading, bold, caps, cells),
                },
            )
            .collect::<Vec<_>>()
    };
    assert_eq!(unnumbered(from_word), unnumbered(from_text), "{converted}");
}

#[test]
fn the_package_has_every_part_and_the_same_bytes_each_time() {
    let bytes = docx(MARKDOWN.as_bytes(), Format::Md).expect("written");
    assert_eq!(
        bytes,
        docx(MARKDOWN.as_bytes(), Format::Md).expect("written")
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).expect("a ZIP archive");
    let names: Vec<String> = (0..archive.len())
        .map(|index| {
            let file = archive.by_index(index).expect("listed");
            file.name().expect("named").into_owned()
        })
        .collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/styles.xml",
            "word/numbering.xml",
        ]
    );
    for name in names {
        let mut xml = String::new();
        archive
            .by_name(&name)
            .expect("listed")
            .read_to_string(&mut xml)
            .expect("UTF-8");
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(error) => panic!("{name}: {error}"),
            }
        }
    }
}
