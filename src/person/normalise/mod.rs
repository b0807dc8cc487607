//! Normalisation of personal names and street addresses into the keys the person index
//! matches on.
//!
//! Everything goes through [`fold`] first: Unicode lower-casing, Norwegian letters spelled
//! with their usual substitutes (æ→`ae`, ø→`oe`, å→`aa`; ä and ö, which Norwegians use for
//! æ and ø, likewise), other diacritics stripped (é→`e`), and every run of punctuation or
//! whitespace turned into one space. `Bjørn`, `BJOERN` and `Bjørn.` all fold to `bjoern`,
//! `Haakon` and `Håkon` to `haakon`. The lossy spelling `Bjorn` (ø written as a bare o) does
//! not fold to the same key; it is one edit away and left to fuzzy matching.
//!
//! Names ([`NameKey`]): the tokens of given names and surname together; the *first* given
//! token and the *last* surname token are the name a person goes by, every token between
//! them is a middle name, wherever the source put it (Norwegian *mellomnavn* land in either
//! field depending on the directory). Name order and missing middle names are handled when
//! keys are compared ([`super::index`]), not here.
//!
//! Streets ([`street_key`]): folded tokens with the usual abbreviations and spellings of the
//! street-type suffix made one (`gate`/`gata`/`gaten`/`gt`/`g` → `gt`, `vei`/`veien`/`veg`/
//! `vegen`/`vn`/`v` → `vei`, `plass`/`plassen`/`pl` → `pl`, `allé`/`alleen` → `alle`, …), a
//! leading `St.` spelled `sankt`, and the tokens joined without spaces, so `Kirke veien`,
//! `Kirkeveien` and `Kirkevn.` are one key. A house number and letter written into the street
//! field (`Storgata 12 B`) are split off by [`split_house`].
//!
//! # Files of this module
//!
//! - `mod.rs`: [`fold`], the separator of key parts, and the spelling confusions both names
//!   and streets meet (OCR, æ/ø/å written as bare vowels);
//! - `names.rs`: [`NameKey`], the common given names, and how a given name sounds
//!   ([`sound_key`]);
//! - `address.rs`: streets ([`street_key`], suffixes, prefixes and abbreviations), house
//!   numbers and letters, flat, floor and c/o designations ([`clean_address`]), postcodes;
//! - `tests.rs`: the unit tests.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Separator between the parts of an index key; [`fold`] never emits it.
pub const SEP: u8 = 0;

/// Folds `s` for matching: lower case, Norwegian letters as ae/oe/aa, diacritics stripped,
/// punctuation and whitespace runs as one space, trimmed. Idempotent.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    fold_into(s, &mut out);
    out
}

/// [`fold`] appending to `out` (which should be empty or end in a space-free token).
pub fn fold_into(s: &str, out: &mut String) {
    let start = out.len();
    // `pending_space`: a separator was seen since the last emitted character.
    let mut pending_space = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                if pending_space && out.len() > start {
                    out.push(' ');
                }
                pending_space = false;
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                pending_space = true;
            }
            i += 1;
        } else {
            // `i` is at a character boundary: every byte before it was a whole ASCII
            // character or part of a character stepped over whole.
            let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            fold_char(c, out, start, &mut pending_space, 0);
            i += c.len_utf8();
        }
    }
}

/// Folds one non-ASCII character. `depth` bounds the recursion through decompositions.
fn fold_char(c: char, out: &mut String, start: usize, pending_space: &mut bool, depth: u8) {
    let emit = |s: &str, out: &mut String, pending_space: &mut bool| {
        if *pending_space && out.len() > start {
            out.push(' ');
        }
        *pending_space = false;
        out.push_str(s);
    };
    // The Norwegian letters, without a look-up in the case tables.
    let norwegian = match c {
        'æ' | 'Æ' | 'ä' | 'Ä' => Some("ae"),
        'ø' | 'Ø' | 'ö' | 'Ö' => Some("oe"),
        'å' | 'Å' => Some("aa"),
        _ => None,
    };
    if let Some(s) = norwegian {
        emit(s, out, pending_space);
        return;
    }
    for l in c.to_lowercase() {
        let special = match l {
            'æ' | 'ä' | 'ǽ' | 'ǣ' => Some("ae"),
            'ø' | 'ö' | 'ǿ' | 'œ' => Some("oe"),
            'å' | 'ǻ' => Some("aa"),
            'ß' => Some("ss"),
            'þ' => Some("th"),
            'ð' | 'đ' => Some("d"),
            'ł' => Some("l"),
            'ı' => Some("i"),
            _ => None,
        };
        if let Some(s) = special {
            emit(s, out, pending_space);
            continue;
        }
        if l.is_ascii() {
            if l.is_ascii_alphanumeric() {
                let mut b = [0u8; 4];
                emit(l.encode_utf8(&mut b), out, pending_space);
            } else {
                *pending_space = true;
            }
            continue;
        }
        let mut parts: [char; 8] = ['\0'; 8];
        let mut n = 0usize;
        let mut overflow = false;
        decompose_compatible(l, |d| {
            if n < parts.len() {
                parts[n] = d;
                n += 1;
            } else {
                overflow = true;
            }
        });
        if !overflow && n == 1 && parts[0] == l {
            // No decomposition: keep letters and digits as they are, anything else separates.
            if l.is_alphanumeric() && !is_combining_mark(l) {
                let mut b = [0u8; 4];
                emit(l.encode_utf8(&mut b), out, pending_space);
            } else if !is_combining_mark(l) {
                *pending_space = true;
            }
            continue;
        }
        for &d in &parts[..n] {
            if is_combining_mark(d) {
                continue;
            }
            if d.is_ascii() {
                if d.is_ascii_alphanumeric() {
                    let mut b = [0u8; 4];
                    emit(
                        d.to_ascii_lowercase().encode_utf8(&mut b),
                        out,
                        pending_space,
                    );
                } else {
                    *pending_space = true;
                }
            } else if depth < 4 {
                fold_char(d, out, start, pending_space, depth + 1);
            } else {
                *pending_space = true;
            }
        }
    }
}

/// Whether `s` has something [`ocr_fold`] changes.
pub fn has_ocr_confusion(s: &[u8]) -> bool {
    s.iter().any(|b| matches!(b, b'0' | b'1' | b'5'))
        || s.windows(2).any(|w| matches!(w, b"rn" | b"vv" | b"cl"))
}

/// Writes `s` (folded) with the confusions of OCR and of reading handwriting made one:
/// `rn`→`m`, `vv`→`w`, `cl`→`d`, `1` and `i`→`l`, `0`→`o`, `5`→`s`.
pub fn ocr_fold(s: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let mut i = 0;
    while i < s.len() {
        let pair = s.get(i..i + 2);
        let (c, step) = match pair {
            Some(b"rn") => (b'm', 2),
            Some(b"vv") => (b'w', 2),
            Some(b"cl") => (b'd', 2),
            _ => (
                match s[i] {
                    b'1' | b'i' => b'l',
                    b'0' => b'o',
                    b'5' => b's',
                    c => c,
                },
                1,
            ),
        };
        out.push(c);
        i += step;
    }
}

/// Whether `lead` is `rec` with æ, ø or å written lossily as a bare vowel (`jorgensen` for
/// `joergensen`, `blabergt` for `blaabergt`, `sather` for `saether`): both folded.
pub fn lossy_equal(lead: &[u8], rec: &[u8]) -> bool {
    if lead.len() >= rec.len() || rec.len() - lead.len() > 6 {
        return false;
    }
    let (mut i, mut j) = (0, 0);
    while j < rec.len() {
        let pair = rec.get(j..j + 2);
        if matches!(pair, Some(b"oe" | b"aa" | b"ae")) {
            let vowel = rec[j];
            // Lossily written: the first vowel alone (ø→o, å→a, æ→a), or æ as e.
            if lead.get(i..i + 2) == pair {
                i += 2;
            } else if lead.get(i) == Some(&vowel)
                || (vowel == b'a' && lead.get(i) == Some(&b'e') && rec[j + 1] == b'e')
            {
                i += 1;
            } else {
                return false;
            }
            j += 2;
        } else {
            if lead.get(i) != Some(&rec[j]) {
                return false;
            }
            i += 1;
            j += 1;
        }
    }
    i == lead.len()
}

mod address;
mod names;

#[cfg(test)]
mod tests;

pub use address::{
    CANONICAL_SUFFIXES, STREET_PREFIXES, abbreviates, clean_address, house_key, letter_key,
    postcode_field, postcode_key, postcode_key_lenient, split_house, street_key, street_key_into,
    suffix_spellings,
};
pub use names::{COMMON_GIVEN_NAMES, NameKey, is_common_given_name, sound_key, sounds_alike};
