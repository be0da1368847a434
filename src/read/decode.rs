//! Turning the raw bytes of a document into text.
//!
//! The documents come from Word on Russian/Kazakh Windows machines: most are UTF-8, some carry a
//! BOM, some were saved as "Unicode" (UTF-16 with a BOM) and some as "ANSI" (Windows-1251).

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1251};

use super::{ReadError, TextEncoding};

/// How much of the start of a file the binary sniffing looks at: enough to see past a header,
/// small enough to keep a multi-megabyte file cheap.
const SNIFF_LEN: usize = 8 * 1024;

/// Decodes a document, detecting its encoding.
///
/// A BOM is trusted and removed. Without one, valid UTF-8 is UTF-8 and anything else is taken as
/// Windows-1251, except that text which is plainly UTF-8 with a few damaged bytes is decoded as
/// UTF-8 with U+FFFD in place of the damage (re-reading it as Windows-1251 would garble every
/// Cyrillic letter instead of a few). Line endings are left as they are, so that offsets computed
/// on the text match what an editor shows.
pub fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), ReadError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        check_bytes_look_textual(rest)?;
        return Ok((decode_with(UTF_8, rest), TextEncoding::Utf8Bom));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(UTF_16LE, rest, TextEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(UTF_16BE, rest, TextEncoding::Utf16Be);
    }

    check_bytes_look_textual(bytes)?;
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok((text.to_owned(), TextEncoding::Utf8));
    }
    if is_damaged_utf8(bytes) {
        return Ok((decode_with(UTF_8, bytes), TextEncoding::Utf8));
    }
    let (text, had_errors) = WINDOWS_1251.decode_without_bom_handling(bytes);
    if had_errors || !looks_like_prose(&text) {
        return Err(ReadError::NotText);
    }
    Ok((text.into_owned(), TextEncoding::Windows1251))
}

/// Whether text decoded as Windows-1251 reads like a document. Any byte is some character in
/// Windows-1251, so random bytes (a compressed or encrypted file without NULs) decode without
/// error; but in them about a third are controls, rare Serbian or Ukrainian letters and signs,
/// where a protocol has next to none.
fn looks_like_prose(text: &str) -> bool {
    let (mut total, mut plausible) = (0usize, 0usize);
    for c in text.chars().take(SNIFF_LEN) {
        total += 1;
        plausible += usize::from(is_prose_char(c));
    }
    // 90%: real text is above 99%, random bytes near 70%.
    total == 0 || plausible.saturating_mul(10) >= total.saturating_mul(9)
}

/// Letters of the Russian and Kazakh alphabets and Latin, digits, whitespace, ASCII punctuation
/// and the typography Word puts in (№, «», dashes, ellipsis, curly quotes, bullet, no-break space).
fn is_prose_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c.is_ascii_punctuation()
        || c.is_whitespace()
        || matches!(c, 'А'..='я' | 'Ё' | 'ё' | 'І' | 'і')
        || "№«»—–…‘’“”„•§°".contains(c)
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    // A BOM has already been stripped by the caller; a second one inside the text is content.
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

fn decode_utf16(
    encoding: &'static Encoding,
    bytes: &[u8],
    label: TextEncoding,
) -> Result<(String, TextEncoding), ReadError> {
    let text = decode_with(encoding, bytes);
    // NUL bytes are normal in UTF-16, so only the decoded characters can tell text from a binary
    // that happens to start with FF FE (a UTF-32 file, for one, decodes to every other char NUL).
    let (mut total, mut control) = (0usize, 0usize);
    for c in text.chars().take(SNIFF_LEN) {
        total += 1;
        if u8::try_from(c).is_ok_and(is_control_byte) {
            control += 1;
        }
    }
    if mostly_control(control, total) {
        return Err(ReadError::Binary);
    }
    Ok((text, label))
}

fn check_bytes_look_textual(bytes: &[u8]) -> Result<(), ReadError> {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    // No text encoding this tool accepts without a BOM puts NUL in text, while nearly every
    // binary format (images, archives, .doc) has NULs in its header.
    if sample.contains(&0) {
        return Err(ReadError::Binary);
    }
    // Bytes below a space (line breaks and tabs among them) bound the control bytes from
    // above, and two comparisons a byte count in fewer instructions than the exact test: only
    // a sample with many of them is counted exactly.
    let low = crate::byte_count::count(sample, |b| b < 0x20 || b == 0x7F);
    if !mostly_control(low, sample.len()) {
        return Ok(());
    }
    let control = crate::byte_count::count(sample, is_control_byte);
    if mostly_control(control, sample.len()) {
        return Err(ReadError::Binary);
    }
    Ok(())
}

/// Control bytes that do not occur in prose. Tab, line breaks, form feed and vertical tab (Word's
/// page and manual line breaks in its plain-text export), SUB (the DOS end-of-file mark) and ESC
/// (terminal colours in pasted logs) are tolerated.
fn is_control_byte(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0E..=0x19 | 0x1C..=0x1F | 0x7F)
}

/// "Mostly" is read generously as more than 30%: real text has next to none, so the threshold only
/// has to keep an odd stray control character in a short file from rejecting it.
fn mostly_control(control: usize, total: usize) -> bool {
    total > 0 && control.saturating_mul(10) > total.saturating_mul(3)
}

/// True when invalid UTF-8 looks like damaged UTF-8 rather than a single-byte encoding.
///
/// Windows-1251 Cyrillic is almost never valid UTF-8 (its letters are C0..FF, which are lead bytes
/// needing 80..BF after them), so it yields far more invalid bytes than valid multi-byte
/// characters; UTF-8 with a few bad bytes is the other way round.
fn is_damaged_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte_chars, mut invalid_bytes) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte_chars += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        invalid_bytes += chunk.invalid().len();
    }
    multibyte_chars > invalid_bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    fn windows_1251(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = WINDOWS_1251.encode(text);
        assert!(!unmappable, "sample must be representable in Windows-1251");
        bytes.into_owned()
    }

    #[test]
    fn plain_utf8_keeps_crlf() {
        let text = "ПРОТОКОЛ № 5\r\nХАТТАМА № 5\r\n";
        assert_eq!(
            decode(text.as_bytes()).unwrap(),
            (text.to_owned(), TextEncoding::Utf8)
        );
    }

    #[test]
    fn utf8_bom_is_removed() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice("Секретарь:\r\n".as_bytes());
        assert_eq!(
            decode(&bytes).unwrap(),
            ("Секретарь:\r\n".to_owned(), TextEncoding::Utf8Bom)
        );
    }

    #[test]
    fn empty_and_bom_only_are_empty_text() {
        assert_eq!(decode(b"").unwrap(), (String::new(), TextEncoding::Utf8));
        assert_eq!(
            decode(b"\xEF\xBB\xBF").unwrap(),
            (String::new(), TextEncoding::Utf8Bom)
        );
        assert_eq!(
            decode(b"\xFF\xFE").unwrap(),
            (String::new(), TextEncoding::Utf16Le)
        );
    }

    #[test]
    fn windows_1251_russian() {
        let text = "ПРОТОКОЛ № 5 заседания комиссии по делам несовершеннолетних\r\n\
                    Председательствовал: Ёлкин А.Б. «ПОСТАНОВИЛИ» — единогласно";
        let bytes = windows_1251(text);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(
            decode(&bytes).unwrap(),
            (text.to_owned(), TextEncoding::Windows1251)
        );
    }

    #[test]
    fn windows_1251_kazakh() {
        // Only і/І of the Kazakh-specific letters exist in Windows-1251; the rest (ә, ғ, қ, ң, ө,
        // ұ, ү, һ) cannot be saved as "ANSI" at all, so a real file cannot contain them.
        let text = "Ішкі істер, білім: ТІЗІМ\n";
        let bytes = windows_1251(text);
        assert_eq!(
            decode(&bytes).unwrap(),
            (text.to_owned(), TextEncoding::Windows1251)
        );
        assert!(WINDOWS_1251.encode("ә").2);
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let text = "Кәмелетке толмағандардың істері\r\nжөніндегі комиссия 🙂";
        assert_eq!(
            decode(&utf16(text, false)).unwrap(),
            (text.to_owned(), TextEncoding::Utf16Le)
        );
        assert_eq!(
            decode(&utf16(text, true)).unwrap(),
            (text.to_owned(), TextEncoding::Utf16Be)
        );
    }

    #[test]
    fn utf16_with_odd_length_is_decoded_lossily() {
        let mut bytes = utf16("Хаттама", false);
        bytes.push(0x41);
        let (text, encoding) = decode(&bytes).unwrap();
        assert_eq!(encoding, TextEncoding::Utf16Le);
        assert_eq!(text, "Хаттама\u{FFFD}");
    }

    #[test]
    fn utf32_is_binary_even_with_its_bom() {
        let mut bytes = vec![0xFF, 0xFE, 0x00, 0x00];
        for c in "Protocol text".chars() {
            bytes.extend_from_slice(&u32::from(c).to_le_bytes());
        }
        assert!(matches!(decode(&bytes), Err(ReadError::Binary)));
    }

    #[test]
    fn png_header_is_binary() {
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00";
        assert!(matches!(decode(png), Err(ReadError::Binary)));
    }

    #[test]
    fn random_bytes_are_binary() {
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let bytes: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state.to_le_bytes()[0]
            })
            .collect();
        assert!(matches!(decode(&bytes), Err(ReadError::Binary)));
    }

    #[test]
    fn control_characters_without_nul() {
        assert!(matches!(
            decode(b"\x01\x02\x03\x04abc\x05\x06"),
            Err(ReadError::Binary)
        ));
        let word_export = "Раздел 1\x0cРаздел 2\x0bстрока\tячейка\r\n";
        assert_eq!(decode(word_export.as_bytes()).unwrap().0, word_export);
    }

    #[test]
    fn nul_after_the_sniffed_prefix_is_tolerated() {
        let mut bytes = vec![b'a'; SNIFF_LEN];
        bytes.push(0);
        assert!(decode(&bytes).is_ok());
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let mut bytes = "Председатель комиссии: ".as_bytes().to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice("Секретарь".as_bytes());
        let (text, encoding) = decode(&bytes).unwrap();
        assert_eq!(encoding, TextEncoding::Utf8);
        assert_eq!(text, "Председатель комиссии: \u{FFFD}Секретарь");
    }

    #[test]
    fn random_high_bytes_without_controls_are_not_text() {
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        let bytes: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                // Printable ASCII or any high byte: no NUL or control to give it away.
                let b = state.to_le_bytes()[0];
                if b < 0x20 { b | 0x80 } else { b }
            })
            .collect();
        assert!(std::str::from_utf8(&bytes).is_err());
        assert!(matches!(decode(&bytes), Err(ReadError::NotText)));
    }

    #[test]
    fn ascii_with_one_high_byte_is_windows_1251() {
        let (text, encoding) = decode(b"No \xB9 5").unwrap();
        assert_eq!(encoding, TextEncoding::Windows1251);
        assert_eq!(text, "No № 5");
    }
}
