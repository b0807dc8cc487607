//! Addresses: street keys (suffixes, prefixes, abbreviations and initials), house numbers
//! and letters, flat, floor and c/o designations, and postcodes.

use super::{fold_into, norwegian_letter};
use crate::person::distance::osa_within;

/// Street-type suffixes and their canonical spelling. Longest first within a group does not
/// matter: [`canonical_suffix`] tries the longest matching suffix.
const SUFFIXES: &[(&str, &str)] = &[
    ("gaten", "gt"),
    ("gata", "gt"),
    ("gate", "gt"),
    ("gt", "gt"),
    ("veien", "vei"),
    ("vegen", "vei"),
    ("vei", "vei"),
    ("veg", "vei"),
    ("plassen", "pl"),
    ("plass", "pl"),
    ("alleen", "alle"),
    ("alle", "alle"),
    ("torget", "torg"),
    ("terrasse", "terr"),
    ("terrassen", "terr"),
    ("terr", "terr"),
    ("stien", "sti"),
    ("brygga", "brygge"),
    ("bryggen", "brygge"),
    ("brygge", "brygge"),
    ("vn", "vei"),
    ("v", "vei"),
    ("pl", "pl"),
];

/// The spellings a canonical street-type suffix stands for, for comparing a misspelt
/// street with the register's keys.
pub fn suffix_spellings(canonical: &str) -> &'static [&'static str] {
    match canonical {
        "gt" => &["gata", "gate", "gaten"],
        "vei" => &["veien", "vegen", "veg", "vn"],
        "pl" => &["plass", "plassen"],
        "alle" => &["alleen"],
        "torg" => &["torget"],
        "terr" => &["terrasse", "terrassen"],
        "sti" => &["stien"],
        _ => &[],
    }
}

/// The canonical street-type suffixes [`street_key`] produces.
pub const CANONICAL_SUFFIXES: &[&str] = &["gt", "vei", "pl", "alle", "torg", "terr", "sti"];

/// Abbreviations that only count as a whole (separate) token, never as the end of a word
/// (`st.` ends a street as *sti*; first, it is *sankt*).
const TOKEN_ONLY: &[(&str, &str)] = &[
    ("g", "gt"),
    ("v", "vei"),
    ("pl", "pl"),
    ("vg", "vei"),
    ("st", "sti"),
];

/// Appends the last token of a street to `out` (the tokens before it, joined), with the
/// street-type suffix made canonical: a standalone abbreviation (`gt` in `karl johans gt`)
/// when `whole`, else a suffix ending the joined street (`storgt`, `kirke veien`).
fn canonical_suffix(token: &str, whole: bool, out: &mut String) {
    let start = out.len();
    out.push_str(token);
    canonical_end(out, start, whole);
}

/// [`canonical_suffix`] of the last token of a street already on `out`, from `start`.
fn canonical_end(out: &mut String, start: usize, whole: bool) {
    let t = out.as_bytes().get(start..).unwrap_or_default();
    if whole && let Some(&first) = t.first() {
        // Only the entries of the token's length and first letter are compared.
        let mut candidates = WHOLE_BY_FIRST[usize::from(first & 0x7F)];
        while candidates != 0 {
            let i = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let (abbr, canon) = whole_entry(i);
            if abbr.as_bytes() == t {
                out.truncate(start);
                out.push_str(canon);
                return;
            }
        }
    }
    let joined = out.as_bytes();
    let Some(&last) = joined.last() else {
        return;
    };
    // Only the suffixes ending in the street's last letter are compared.
    let mut candidates = SUFFIX_BY_LAST[usize::from(last & 0x7F)];
    let mut best: Option<(&str, &str)> = None;
    while candidates != 0 {
        let i = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        let (suffix, canon) = SUFFIXES[i];
        // A compound needs a stem of at least two letters before the suffix.
        if joined.len() >= suffix.len() + 2
            && joined.ends_with(suffix.as_bytes())
            && best.is_none_or(|(b, _)| suffix.len() > b.len())
        {
            best = Some((suffix, canon));
        }
    }
    if let Some((suffix, canon)) = best {
        out.truncate(out.len() - suffix.len());
        out.push_str(canon);
    }
}

/// Entry `i` of [`TOKEN_ONLY`] then [`SUFFIXES`], the abbreviations a whole token may be.
fn whole_entry(i: usize) -> (&'static str, &'static str) {
    match i.checked_sub(TOKEN_ONLY.len()) {
        None => TOKEN_ONLY[i],
        Some(j) => SUFFIXES[j],
    }
}

/// Per ASCII byte, a bit for each entry of [`TOKEN_ONLY`] then [`SUFFIXES`] that starts with
/// it (in their order, so the first match wins as in a scan of the two tables).
const WHOLE_BY_FIRST: [u32; 128] = {
    assert!(TOKEN_ONLY.len() + SUFFIXES.len() <= 32);
    let mut by = [0u32; 128];
    let mut i = 0;
    while i < TOKEN_ONLY.len() + SUFFIXES.len() {
        let word = if i < TOKEN_ONLY.len() {
            TOKEN_ONLY[i].0
        } else {
            SUFFIXES[i - TOKEN_ONLY.len()].0
        };
        by[(word.as_bytes()[0] & 0x7F) as usize] |= 1 << i;
        i += 1;
    }
    by
};

/// Per ASCII byte, a bit for each entry of [`SUFFIXES`] that ends with it.
const SUFFIX_BY_LAST: [u32; 128] = {
    assert!(SUFFIXES.len() <= 32);
    let mut by = [0u32; 128];
    let mut i = 0;
    while i < SUFFIXES.len() {
        let s = SUFFIXES[i].0.as_bytes();
        by[(s[s.len() - 1] & 0x7F) as usize] |= 1 << i;
        i += 1;
    }
    by
};

/// The street's match key: folded, street-type suffix canonical, tokens joined without
/// spaces. Empty if the street has no letters or digits. Idempotent.
pub fn street_key(street: &str) -> String {
    let (mut folded, mut out) = (String::new(), String::new());
    street_key_into(street, &mut folded, &mut out);
    out
}

/// [`street_key`] into `out` (cleared first), folding through `folded` (also cleared): no
/// allocation once both buffers have grown.
pub fn street_key_into(street: &str, folded: &mut String, out: &mut String) {
    folded.clear();
    out.clear();
    fold_into(street, folded);
    key_of_folded(folded, out);
}

/// [`street_key_into`] of a street of words without digits that [`clean_address`] keeps
/// whole (letters of the Norwegian alphabet, dots and dashes, single spaces, no word that may
/// be a designation), checked, folded and joined into its key in one pass (`folded` is used
/// only for a letter of another alphabet): `false`, the buffers part-way, for any other
/// street (read by the general code).
pub fn plain_street_key_into(street: &str, folded: &mut String, out: &mut String) -> bool {
    folded.clear();
    out.clear();
    let b = street.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    // The key is written as the street is read: its words joined, the first word's end and
    // the last word's start kept for the `sankt` and suffix rules of [`street_key_into`].
    // SAFETY: only ASCII bytes and the ASCII pairs for æ, ø, å, ä and ö are pushed.
    let k = unsafe { out.as_mut_vec() };
    k.reserve(b.len() + 8);
    let (mut word, mut pending, mut i, mut other_letters) = (0, false, 0, false);
    let (mut words, mut first_end, mut last_start) = (0, 0, 0);
    let mut start_word = |k: &mut Vec<u8>, pending: &mut bool| {
        if *pending || words == 0 {
            words += 1;
            if words == 2 {
                first_end = k.len();
            }
            last_start = k.len();
        }
        *pending = false;
    };
    while let Some(&c) = b.get(i) {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' => {
                start_word(k, &mut pending);
                k.push(c.to_ascii_lowercase());
                i += 1;
            }
            b'.' | b'-' => {
                pending = true;
                i += 1;
            }
            b' ' => {
                if i == word
                    || street.get(word..i).is_none_or(may_designate)
                    || (word == 0 && street.get(..i).and_then(letter_named).is_some())
                {
                    return false;
                }
                word = i + 1;
                pending = true;
                i += 1;
            }
            0xC3 if let Some([x, y]) = b.get(i + 1).and_then(|&n| norwegian_letter(n)) => {
                start_word(k, &mut pending);
                k.push(x);
                k.push(y);
                i += 2;
            }
            _ if !c.is_ascii() => {
                // A letter of another alphabet (`é` of `allé`): the street is still plain,
                // folded by the general code.
                match street.get(i..).and_then(|r| r.chars().next()) {
                    // (`ÿ` may be a DOS hard space: read by `clean_address`.)
                    Some(ch) if ch.is_alphabetic() && ch != 'ÿ' => {
                        other_letters = true;
                        i += ch.len_utf8();
                    }
                    _ => return false,
                }
            }
            _ => return false,
        }
    }
    if street.get(word..).is_none_or(may_designate) {
        return false;
    }
    if other_letters {
        out.clear();
        fold_into(street, folded);
        key_of_folded(folded, out);
        return !out.is_empty();
    }
    if out.is_empty() {
        return false;
    }
    if words >= 2 && matches!(&out[..first_end], "st" | "skt") {
        out.replace_range(..first_end, "sankt");
        last_start = last_start + 5 - first_end;
    }
    canonical_end(out, last_start, words >= 2);
    true
}

/// The street key of a folded street (tokens joined by single spaces) onto `out`.
fn key_of_folded(folded: &str, out: &mut String) {
    if folded.is_empty() {
        return;
    }
    // Folded text is tokens joined by single spaces: the words before the last are joined
    // (a leading `st`/`skt` spelt `sankt`), the last has its suffix made canonical.
    let Some(last_space) = folded.bytes().rposition(|b| b == b' ') else {
        canonical_suffix(folded, false, out);
        return;
    };
    for (i, t) in folded[..last_space].split_ascii_whitespace().enumerate() {
        if i == 0 && (t == "st" || t == "skt") {
            out.push_str("sankt");
        } else {
            out.push_str(t);
        }
    }
    canonical_suffix(&folded[last_space + 1..], true, out);
    if out.contains("??") {
        // Two words joined, each with a lost letter where they meet, lost one letter (as
        // [`fold`] reads a run of `?`): the key folds to itself.
        let mut after_wildcard = false;
        out.retain(|c| {
            let keep = !(c == '?' && after_wildcard);
            after_wildcard = c == '?';
            keep
        });
    }
}

/// Splits a house number and letter off the end of a street written as one field
/// (`Storgata 12 B`, `Storgata 12b`, `Storgata12`). Returns the street without them, the
/// number and the letter; the street unchanged and `None`s if it does not end in a number.
pub fn split_house(street: &str) -> (&str, Option<u32>, Option<char>) {
    let trimmed = street.trim_end_matches(|c: char| !c.is_alphanumeric());
    let bytes = trimmed.as_bytes();
    let mut end = bytes.len();
    let mut letter = None;
    // A lower-case `l` or `o` glued to the number is a misread digit (see [`house_key`]).
    let misread = match bytes {
        [.., d, b'l'] if d.is_ascii_digit() => Some(1),
        [.., d, b'o'] if d.is_ascii_digit() => Some(0),
        _ => None,
    };
    if misread.is_some() {
        end -= 1;
    }
    // Optional letter, directly after the number or after a space or dash.
    if misread.is_none() && end >= 2 && bytes[end - 1].is_ascii_alphabetic() {
        let mut e = end - 1;
        if matches!(bytes[e - 1], b' ' | b'-') {
            e -= 1;
        }
        if e >= 1 && bytes[e - 1].is_ascii_digit() {
            letter = Some(char::from(bytes[end - 1]).to_ascii_lowercase());
            end = e;
        }
    }
    let digits_end = end;
    while end > 0 && bytes[end - 1].is_ascii_digit() {
        end -= 1;
    }
    // Need a street before the number, a space between them (or a street of three letters
    // or more glued to it: `Kverndalen25`), and at most 5 digits.
    let glued = trimmed[..end]
        .chars()
        .rev()
        .take(3)
        .filter(|c| c.is_alphabetic())
        .count()
        == 3;
    if end == digits_end || end == 0 || !(bytes[end - 1] == b' ' || glued) || digits_end - end > 5 {
        return (street, None, None);
    }
    match trimmed[end..digits_end].parse::<u32>() {
        Ok(n) => {
            let n = match misread {
                Some(d) => n.checked_mul(10).and_then(|n| n.checked_add(d)),
                None => Some(n),
            };
            (trimmed[..end].trim_end(), n, letter)
        }
        Err(_) => (street, None, None),
    }
}

/// A house number written before the street (`12 Låvevegen`, `1A Hans Falsen allé`, `91 B
/// Nedre Tollbodtunet`, the English order of web forms): the street, the number and its
/// letter. `None`
/// unless one to four digits (and a letter) start the field, a space follows, and the rest
/// is a street of letters without digits; an ordinal (`17. mai-gata`) is a street's name.
pub fn leading_house(street: &str) -> Option<(&str, u32, Option<char>)> {
    let s = street.trim_start();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&digits) {
        return None;
    }
    let number: u32 = s[..digits].parse().ok()?;
    let mut rest = &s[digits..];
    let mut letter = None;
    if let Some(c) = rest.chars().next().filter(char::is_ascii_alphabetic)
        && rest[1..].starts_with([' ', ','])
    {
        letter = Some(c.to_ascii_lowercase());
        rest = &rest[1..];
    }
    // The letter apart (`91 B Nedre Tollbodtunet`): one letter, no full stop, then the street.
    if letter.is_none()
        && let [b' ', c, b' ', ..] = rest.as_bytes()
        && c.is_ascii_alphabetic()
    {
        letter = Some(c.to_ascii_lowercase() as char);
        rest = &rest[2..];
    }
    let rest = rest
        .strip_prefix([' ', ','])?
        .trim_start_matches([' ', ',']);
    let letters = rest.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 3
        && rest.starts_with(char::is_alphabetic)
        && !rest.bytes().any(|b| b.is_ascii_digit()))
    .then_some((rest.trim_end(), number, letter))
}

/// A range of houses at the end of `s` (`Kråkegata 44-46`, `5–7`, `3/5`, `10 - 12`): the length
/// of `s` up to the end of the first number, and the last number. The numbers ascend and are
/// at most ten apart, so `12/3` is not a range.
pub fn house_range(s: &str) -> Option<(usize, u32)> {
    fn digits_before(s: &str) -> usize {
        s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len()
    }
    if !s.bytes().any(|b| matches!(b, b'-' | b'/' | 0xE2)) {
        // No dash, en dash (its first byte) or slash.
        return None;
    }
    let s = s.trim_end();
    let n = digits_before(s);
    if n == 0 || n > 4 {
        return None;
    }
    let last: u32 = s[s.len() - n..].parse().ok()?;
    let before = s[..s.len() - n]
        .trim_end()
        .strip_suffix(['-', '–', '/'])?
        .trim_end();
    let m = digits_before(before);
    let head = &before[..before.len() - m];
    if m == 0 || m > 4 || !(head.is_empty() || head.ends_with(' ')) {
        return None;
    }
    let first: u32 = before[before.len() - m..].parse().ok()?;
    (first < last && last - first <= 10).then_some((before.len(), last))
}

/// Writes the street address in `raw` (a street or house-number field as a lead or register
/// gives it) into `out`, without what is not part of it: every run of Unicode whitespace
/// (no-break and thin spaces included) becomes one ASCII space, and `c/o` with the name after
/// it, a bolignummer (`H0101`, `H 0101`, `bolig 4`), a flat (`leil. 12`, `lgh 3`) and a floor
/// (`2. etg`, `U.etg.`, `3 etasje`) are dropped, so that `Sagveien 9, H0404` and
/// `Sagveien 9` are one address. Commas and semicolons are dropped too (`Storgata, 12` and
/// `Storgata;12` are `Storgata 12`).
pub fn clean_address(raw: &str, out: &mut String) {
    out.clear();
    // The common case, in one pass: plain ASCII words and single spaces, none a designation.
    if is_plain(raw) {
        out.push_str(raw);
        return;
    }
    if let Some(read) = dos_hard_spaces_read(raw)
        .or_else(|| street_index_read(raw))
        .or_else(|| dashed_house_letter_read(raw))
    {
        clean_address(&read, out);
        return;
    }
    // Numbers kept so far, to tell a floor number from the house number.
    let mut numbers = 0usize;
    // Skip the next token (the number of a flat or bolig designation).
    let mut skip_value = false;
    // A semicolon separates as a comma does (`Seljeløkka;14;B`: a row of a semicolon-separated
    // export left unsplit), and so do a bar and a middle dot (`Syrinveien 9 B | H0304`,
    // `Humleenga 71·H0102`: a label's second line joined on to the first).
    for (si, segment) in raw.split([',', ';', '|', '¦', '·']).enumerate() {
        // `Syrinveien 9, 30 m bæring`: a mover's note of how far to carry, after the house.
        if numbers > 0 && segment.split_whitespace().any(is_carrying_word) {
            continue;
        }
        // A designation in brackets (`Storgata 5 (H0405)`) is read without them.
        let mut tokens = segment
            .split(char::is_whitespace)
            .map(|t| t.trim_matches(['(', ')', '[', ']']))
            .filter(|t| !t.is_empty());
        while let Some(t) = tokens.next() {
            let glued = is_glued_care_of(t);
            if glued || is_care_of(t) {
                if out.is_empty() && si == 0 && raw.contains(',') {
                    // `c/o Hansen, Storgata 5`, `v/Gaute Lie, Storgata 5`: the name runs to
                    // the comma.
                    break;
                }
                if out.is_empty() {
                    // `c/o Hansen Storgata 5`: the name is the next token (`v/Hansen
                    // Storgata 5`: this one's end).
                    if !glued {
                        tokens.next();
                    }
                    continue;
                }
                // `Storgata 5 c/o Hansen`: the rest of the segment is the name.
                break;
            }
            if skip_value {
                // `hybel nr. 11`: the word for number between the word and its value.
                if is_number_word(t) {
                    continue;
                }
                skip_value = false;
                if t.bytes().any(|b| b.is_ascii_digit()) && t.len() <= 6 {
                    continue;
                }
            }
            if is_bolignummer(t) || (numbers > 0 && unit_after_house(last_token(out), t)) {
                continue;
            }
            // `Storgata 9/H0102`, `6D/H0602`: the house, a slash, the bolignummer; a
            // housing system's unit key after `_` or `:` (`47_H0501`, `71 B:h0504`); one
            // joined on with a dash by a spreadsheet's concatenation (`28-H0701`).
            let t = match t.split_once(['/', '_', ':', '-']) {
                Some((house, bolig)) if !house.is_empty() && is_bolignummer(bolig) => house,
                _ => t,
            };
            // `H 0101`, `U 0105`: the level apart from floor and flat; `H 01 03`, `H01 03`:
            // the floor and flat apart too, as on a door sign.
            if let Some(parts) = bolignummer_apart(t, tokens.clone()) {
                for _ in 1..parts {
                    tokens.next();
                }
                continue;
            }
            if is_flat_word(t) {
                // `Storgata 5 - rom 612`: the dash before it goes too.
                drop_trailing_dash(out);
                skip_value = true;
                continue;
            }
            // `33 A som i Anna`, `33 A for Anna`, `33 Anna`: the house letter as dictated over
            // the phone, after the house number.
            if ends_with_number(out)
                && let Some((letter, words)) = dictated_letter(t, tokens.clone())
            {
                for _ in 1..words {
                    tokens.next();
                }
                out.push(' ');
                out.push(letter);
                continue;
            }
            if is_entrance_word(t) && !out.is_empty() {
                // `Storgata 5 oppg. B`, `Storgata 5, inngang B`: a housing cooperative's
                // entrance is the house letter.
                let letter = tokens
                    .clone()
                    .next()
                    .filter(|l| l.len() == 1 && l.bytes().all(|b| b.is_ascii_alphabetic()));
                if let Some(letter) = letter.filter(|_| ends_with_number(out)) {
                    tokens.next();
                    out.push(' ');
                    out.push_str(letter);
                    continue;
                }
                // `Storgata 5, inngang bak`: where to go in, not the address.
                break;
            }
            // `Storgata 5, gnr. 45 bnr. 3`, `gbnr 45/3`: the property's farm and holding
            // numbers in the land register, not the address.
            if is_cadastre_word(t) && !out.is_empty() {
                break;
            }
            // `Storgata 5 H0202 - ring på`, `Storgata 5, portkode 2529`: a courier's note
            // after the house, and the dash before it.
            if numbers > 0 && is_delivery_note(t, tokens.clone().next()) {
                drop_trailing_dash(out);
                break;
            }
            // `Storgata nr:12`, `nr.12`: the word for number glued to the house number; `#12`
            // (an English-language CRM's); `28H0103`: a bolignummer glued to the house.
            let t = number_word_glued(t).unwrap_or(t);
            let t = t.strip_prefix('#').unwrap_or(t);
            if t.is_empty() {
                continue;
            }
            let t = without_glued_bolignummer(t).unwrap_or(t);
            let ones = typewriter_ones(t);
            let t = ones.as_deref().unwrap_or(t);
            // `Kildegata nr. 3`: the word for number before the house number.
            if is_number_word(t)
                && !out.is_empty()
                && tokens
                    .clone()
                    .next()
                    .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
            {
                continue;
            }
            if is_floor_word(t) {
                // `2. etg`: the ordinal before the word goes too, and a number kept after the
                // house number.
                let last = last_token(out);
                let ordinal = last.ends_with('.')
                    && last.len() > 1
                    && last[..last.len() - 1].bytes().all(|b| b.is_ascii_digit());
                let second_number =
                    numbers >= 2 && !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit());
                if ordinal || second_number {
                    let cut = out.len() - last.len();
                    out.truncate(cut.saturating_sub(1));
                    numbers -= 1;
                }
                continue;
            }
            // `Jacob Tostrups road`, `Upper Gullsmedmoen`: a page's street machine-translated.
            let t = english_street_word(t).unwrap_or(t);
            // `solvsmedbakken-2`, `sondre-fargerbakken-105d`: a directory's URL slug, the
            // house joined to the street by a dash.
            let t = match t.rsplit_once('-') {
                Some((street, house))
                    if street.ends_with(char::is_alphabetic) && is_house_number(house) =>
                {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(street);
                    house
                }
                _ => t,
            };
            // `Karlsvogngata. 39. D`: a phone's double-space shortcut typed a full stop after
            // the number too (an ordinal before a floor word is read above).
            let t = match t.strip_suffix('.') {
                Some(n)
                    if (1..=4).contains(&n.len())
                        && n.bytes().all(|b| b.is_ascii_digit())
                        && tokens.clone().next().is_none_or(|next| {
                            next.len() == 1 && next.as_bytes()[0].is_ascii_alphabetic()
                        }) =>
                {
                    n
                }
                _ => t,
            };
            if t.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
                numbers += 1;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(t);
        }
    }
}

/// Whether `raw` is letters, ASCII digits, dots and dashes in words separated by single ASCII
/// spaces, none of them possibly a designation: nothing for [`clean_address`] to do.
fn is_plain(raw: &str) -> bool {
    let b = raw.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut start = 0;
    let mut prev = "";
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b' ' {
            let Some(token) = raw.get(start..i).filter(|t| !t.is_empty()) else {
                return false;
            };
            if may_designate(token)
                || may_dictate(prev, token)
                || unit_after_house(prev, token)
                || (start == 0 && letter_named(token).is_some())
            {
                return false;
            }
            prev = token;
            start = i + 1;
        } else if c == 0xC3 && b.get(i + 1) == Some(&0xBF) {
            // `ÿ`: a DOS hard space, perhaps (`dos_hard_spaces_read`).
            return false;
        } else if c == 0xC3 && b.get(i + 1).is_some_and(|&n| norwegian_letter(n).is_some()) {
            // æ, ø, å, ä, ö.
            i += 2;
            continue;
        } else if !c.is_ascii() {
            // A letter of another alphabet (`é`), not a space of another kind.
            match raw.get(i..).and_then(|r| r.chars().next()) {
                Some(ch) if ch.is_alphabetic() => {
                    i += ch.len_utf8();
                    continue;
                }
                _ => return false,
            }
        } else if !(c.is_ascii_alphanumeric() || c == b'.' || c == b'-')
            || (c == b'-'
                && i > 0
                && b[i - 1].is_ascii_alphabetic()
                && b.get(i + 1).is_some_and(u8::is_ascii_digit))
            || (c == b'-'
                && b.get(i + 1).is_some_and(|&l| is_level(l))
                && b.get(i + 2).is_some_and(u8::is_ascii_digit))
        {
            // Not plain either: a house joined to its street by a dash (`storgata-12`), or a
            // bolignummer to its house (`28-H0701`).
            return false;
        }
        i += 1;
    }
    raw.get(start..)
        .is_some_and(|t| !may_designate(t) && !may_dictate(prev, t) && !unit_after_house(prev, t))
}

/// A street typed in a DOS program with Alt+255, its hard space, and read as Windows-1252,
/// where that byte is `ÿ` (`Nikkelskaret ÿ28`, `Vestre Sinkdalenÿÿ25ÿA`): each `ÿ` next to a
/// digit or a space (other `ÿ`s between) made a space. `None` if there is none.
fn dos_hard_spaces_read(raw: &str) -> Option<String> {
    if !raw.contains('ÿ') {
        return None;
    }
    let chars: Vec<char> = raw.chars().collect();
    let spacing = |c: Option<&char>| c.is_none_or(|c| c.is_ascii_digit() || c.is_whitespace());
    let mut read = false;
    let out = (0..chars.len())
        .map(|i| {
            if chars[i] != 'ÿ' {
                return chars[i];
            }
            let before = chars[..i].iter().rev().find(|&&c| c != 'ÿ');
            let after = chars[i + 1..].iter().find(|&&c| c != 'ÿ');
            if spacing(before) || spacing(after) {
                read = true;
                ' '
            } else {
                'ÿ'
            }
        })
        .collect();
    read.then_some(out)
}

/// A street whose house letter a word processor's autoformat set after an en or em dash
/// (`Stammeveien 139 – A`, `Flåteløkka 28—C`): the number and the letter apart. `None` if
/// there is no such dash between a number and a lone letter.
fn dashed_house_letter_read(raw: &str) -> Option<String> {
    let at = raw.find(['–', '—'])?;
    let before = raw[..at].trim_end();
    // (Both dashes are three bytes of UTF-8.)
    let after = raw[at + '–'.len_utf8()..].trim_start();
    let letter_len = after
        .find(|c: char| c.is_whitespace() || c == ',')
        .unwrap_or(after.len());
    let lone_letter =
        after[..letter_len].chars().count() == 1 && after.starts_with(|c: char| c.is_alphabetic());
    (before.ends_with(|c: char| c.is_ascii_digit()) && lone_letter)
        .then(|| format!("{before} {after}"))
}

/// A street written as a street index or a Swedish typist writes it, read as a Norwegian
/// writes it: a person-named street sorted by its surname with the given name's initial
/// after a comma (`Aasens vei, I.` for `I. Aasens vei`, a municipal street index), and a
/// prefix contracted with a colon (`Ø:e Svanegata`, `St:e`, `N:e`: the Swedish `N:a` for
/// *Norra*) as a short form with a full stop (`Ø.`, `St.`). `None` for any other street.
fn street_index_read(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let initial = |t: &str| {
        let letters = t.strip_suffix('.').unwrap_or(t);
        let n = letters.chars().count();
        letters.chars().all(char::is_alphabetic)
            && letters.chars().next().is_some_and(char::is_uppercase)
            && (n == 1 || ((2..=4).contains(&n) && t.ends_with('.')))
    };
    if let Some((street, after)) = raw.rsplit_once(',') {
        let initials: Vec<&str> = after.split_whitespace().collect();
        let words = street.split_whitespace().count();
        if (1..=2).contains(&initials.len())
            && initials.iter().all(|t| initial(t))
            && words >= 2
            && !street.contains(|c: char| c.is_ascii_digit() || c == ',' || c == ';')
        {
            let dotted: Vec<String> = initials
                .iter()
                .map(|t| format!("{}.", t.trim_end_matches('.')))
                .collect();
            return Some(format!("{} {}", dotted.join(" "), street.trim()));
        }
    }
    let (first, rest) = raw.split_once(char::is_whitespace)?;
    // A person-named street's initial written as the letter's Norwegian name, as speech to
    // text or a listener writes it (`hå Mohns vei` for H. Mohns vei, `Ærr Fjørtofts vei`,
    // `se Størmers gate`): before a genitive and another word.
    if let Some(letter) = letter_named(first) {
        let mut words = rest.split_whitespace();
        if let (Some(name), Some(_)) = (words.next(), words.next())
            && (name.ends_with(['s', 'S', '\'']) || name.ends_with("'s"))
        {
            return Some(format!("{letter}. {}", rest.trim_start()));
        }
    }
    let (stem, last) = first.split_once(':')?;
    let n = stem.chars().count();
    let mut tail = last.chars();
    match (tail.next(), tail.next()) {
        (Some(c), None)
            if (1..=2).contains(&n)
                && stem.chars().all(char::is_alphabetic)
                && c.is_alphabetic() =>
        {
            Some(format!("{stem}. {}", rest.trim_start()))
        }
        _ => None,
    }
}

/// The letter whose Norwegian name `word` is (`hå` H, `kå` K, `ærr` R, `se` C, `ell` L),
/// for the names of more than one letter that are no street word.
fn letter_named(word: &str) -> Option<char> {
    // Compared as bytes, ASCII letters of either case (`HÅ`, `Hå`, `ÆRR`: the non-ASCII
    // letter in both cases); on every plain street's first word, so no case folding.
    const NAMES: &[(&str, char)] = &[
        ("be", 'B'),
        ("se", 'C'),
        ("de", 'D'),
        ("eff", 'F'),
        ("ge", 'G'),
        ("hå", 'H'),
        ("hÅ", 'H'),
        ("je", 'J'),
        ("jodd", 'J'),
        ("kå", 'K'),
        ("kÅ", 'K'),
        ("ell", 'L'),
        ("emm", 'M'),
        ("enn", 'N'),
        ("pe", 'P'),
        ("ærr", 'R'),
        ("Ærr", 'R'),
        ("ess", 'S'),
        ("te", 'T'),
        ("ve", 'V'),
    ];
    let w = word.as_bytes();
    if !(2..=4).contains(&w.len()) {
        return None;
    }
    NAMES
        .iter()
        .find(|(name, _)| name.as_bytes().eq_ignore_ascii_case(w))
        .map(|&(_, c)| c)
}

/// The Norwegian word of a street's type or prefix that a browser translating a page into
/// English writes as `t` (`road` for vei, `Upper` for Øvre, `Western` for Vestre), if it is
/// one.
fn english_street_word(t: &str) -> Option<&'static str> {
    // Only the words of the token's length and first letter are compared: most tokens are
    // none of them, and this is on every plain street's path.
    let first = t.as_bytes().first()?.to_ascii_lowercase();
    let words: &[(&str, &str)] = match (t.len(), first) {
        (3, b'b') => &[("big", "Store")],
        (4, b'r') => &[("road", "vei")],
        (4, b'p') => &[("path", "sti")],
        (4, b'e') => &[("east", "Østre")],
        (4, b'w') => &[("west", "Vestre")],
        (5, b'u') => &[("upper", "Øvre")],
        (5, b'l') => &[("lower", "Nedre")],
        (5, b'n') => &[("north", "Nordre")],
        (5, b's') => &[("south", "Søndre"), ("small", "Lille")],
        (5, b'g') => &[("great", "Store")],
        (5, b'p') => &[("place", "plass")],
        (6, b's') => &[("street", "gate"), ("square", "plass")],
        (6, b'a') => &[("avenue", "allé")],
        (6, b'l') => &[("little", "Lille")],
        (7, b'w') => &[("western", "Vestre")],
        (7, b'e') => &[("eastern", "Østre")],
        (8, b'n') => &[("northern", "Nordre")],
        (8, b's') => &[("southern", "Søndre")],
        _ => return None,
    };
    words
        .iter()
        .find(|(en, _)| t.eq_ignore_ascii_case(en))
        .map(|&(_, no)| no)
}

/// Whether the address written so far ends with a number (the house's, so far).
/// The last space-separated token of the address written so far.
fn last_token(out: &str) -> &str {
    out.rsplit(' ').next().unwrap_or_default()
}

/// Whether `t` is a bolignummer's floor and flat without its level letter, as a numeric unit
/// field keeps it (`0605`), after `prev`, a house number or house letter (`Sagveien 9 0605`,
/// `Sagveien 9 C, 0605`).
fn unit_after_house(prev: &str, t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 4
        && b.iter().all(u8::is_ascii_digit)
        && &b[..2] != b"00"
        && &b[2..] != b"00"
        && (is_house_number(prev) || (prev.len() == 1 && prev.as_bytes()[0].is_ascii_alphabetic()))
}

fn ends_with_number(out: &str) -> bool {
    let last = last_token(out);
    !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit())
}

/// Drops a dash (and the spaces around it) that ends the address written so far: what came
/// before a courier's note or a room (`Storgata 5 - rom 612`).
fn drop_trailing_dash(out: &mut String) {
    let kept = out.trim_end_matches([' ', '-', '–']).len();
    out.truncate(kept);
}

/// Whether `t` is a house number: one to four digits, and a letter or none (`12`, `105d`).
fn is_house_number(t: &str) -> bool {
    let b = t.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=4).contains(&digits)
        && (digits == b.len() || (digits + 1 == b.len() && b[digits].is_ascii_alphabetic()))
}

/// Whether `token`, after `prev`, could be part of a dictated house letter
/// ([`dictated_letter`]): a spelling word after a number, or `som`, `for` or `as` after a
/// letter alone.
fn may_dictate(prev: &str, token: &str) -> bool {
    match prev.as_bytes() {
        [l] if l.is_ascii_alphabetic() => ["som", "for", "as"]
            .iter()
            .any(|w| token.eq_ignore_ascii_case(w)),
        [d, ..] if d.is_ascii_digit() => dictated_letter(token, std::iter::empty()).is_some(),
        _ => false,
    }
}

/// Whether a token could be a flat, floor or bolig designation (a cheap test before the
/// exact ones).
fn may_designate(t: &str) -> bool {
    let b = t.as_bytes();
    if english_street_word(t).is_some() {
        return true;
    }
    if let [level] = b
        && is_level(*level)
    {
        // The level of a bolignummer written apart (`U 0105`), or a house letter.
        return true;
    }
    match b.first() {
        Some(b'h' | b'H') => {
            (b.len() <= 6
                && (b.get(1).is_none_or(|&c| c.is_ascii_digit() || c == b'-') || is_bolignummer(t)))
                || (b.get(..5).is_some_and(|h| h.eq_ignore_ascii_case(b"hybel")) && is_flat_word(t))
                || is_care_of(t)
        }
        Some(b'l' | b'L' | b'b' | b'B') => {
            b.len() <= 12
                && (is_flat_word(t)
                    || is_carrying_word(t)
                    || typewriter_ones(t).is_some()
                    || is_bolignummer(t)
                    || is_cadastre_word(t)
                    || is_level_and_floor(t))
        }
        Some(b'e' | b'E' | b'u' | b'U' | b'k' | b'K' | b's' | b'S') => {
            b.len() <= 8
                && (is_floor_word(t)
                    || is_flat_word(t)
                    || is_bolignummer(t)
                    || is_level_and_floor(t)
                    || (matches!(b[0], b'k' | b'K') && is_delivery_note(t, None)))
        }
        // A courier's note (`ring på`, `portkode`, `dørkode`, `code`), a room (`rom 612`).
        Some(b'r' | b'R') => {
            is_delivery_note(t, None)
                || is_flat_word(t)
                || strip_dots(t).eq_ignore_ascii_case("ring")
        }
        // Only a word with a code's or a door phone's ending is compared.
        Some(b'p' | b'P' | b'd' | b'D' | b'c' | b'C') => {
            let w = strip_dots(t).as_bytes();
            let ends = |end: &[u8]| {
                w.len() >= end.len() && w[w.len() - end.len()..].eq_ignore_ascii_case(end)
            };
            (ends(b"kode") || ends(b"code") || ends(b"telefon")) && is_delivery_note(t, None)
        }
        Some(d) if d.is_ascii_digit() => {
            b.last() == Some(&b'.')
                || (b.contains(&b'l') && typewriter_ones(t).is_some())
                || (b.len() > 3 && is_floor_word(t))
                || (b.len() > 5 && without_glued_bolignummer(t).is_some())
        }
        Some(b'a' | b'A') => is_flat_word(t),
        Some(b'n' | b'N') => is_number_word(t) || number_word_glued(t).is_some(),
        Some(b'i' | b'I' | b'o' | b'O') => is_entrance_word(t),
        Some(b'g' | b'G') => is_cadastre_word(t),
        _ => false,
    }
}

fn strip_dots(t: &str) -> &str {
    t.trim_matches(|c: char| c == '.' || c == ':')
}

/// `nr`, `Nr.`: the word for number.
fn is_number_word(t: &str) -> bool {
    strip_dots(t).eq_ignore_ascii_case("nr")
}

/// `nr:12`, `Nr.12`: the house number after the word for number glued to it.
fn number_word_glued(t: &str) -> Option<&str> {
    let (word, rest) = t.split_at_checked(3)?;
    let number_word = word.get(..2)?.eq_ignore_ascii_case("nr") && word.ends_with(['.', ':']);
    let rest = rest.trim_start_matches(['.', ':']);
    (number_word && rest.starts_with(|c: char| c.is_ascii_digit())).then_some(rest)
}

/// `gnr.`, `bnr.`, `gbnr`, `g/bnr`, `gårdsnr.`, `bruksnr.`: a farm or holding number
/// (*gårds- og bruksnummer*) of the land register.
fn is_cadastre_word(t: &str) -> bool {
    let t = strip_dots(t);
    t.len() <= 9
        && [
            "gnr", "bnr", "gbnr", "g/bnr", "gnr/bnr", "gårdsnr", "bruksnr", "g.nr", "b.nr",
        ]
        .iter()
        .any(|w| t.eq_ignore_ascii_case(w))
}

/// The words of the Norwegian spelling alphabet, and of the international (NATO) one, that
/// name a letter by its first: `A som i Anna`, `B for Bernhard`, folded, sorted.
const SPELLING_WORDS: &[&str] = &[
    "aase", "aerlig", "alfa", "alpha", "anna", "bernhard", "bravo", "caesar", "charlie", "david",
    "delta", "echo", "edith", "foxtrot", "fredrik", "golf", "gustav", "harald", "hotel", "india",
    "ivar", "johan", "juliett", "karin", "kilo", "lima", "ludvig", "martin", "mike", "nils",
    "november", "oesten", "olivia", "oscar", "papa", "petter", "quebec", "quintus", "rikard",
    "romeo", "sierra", "sigrid", "tango", "teodor", "ulrik", "uniform", "victor", "wilhelm",
    "xerxes", "yngling", "zakarias", "zulu",
];

/// A house letter dictated as a word, from `t` on (`next` gives the tokens after it): `A som
/// i Anna`, `A for Anna`, `A as in Anna` (the letter, then the word it begins), or a word of
/// [`SPELLING_WORDS`] alone (`Anna`, `DAVID`); the letter and how many tokens it took. `None`
/// if `t` begins none, or the word does not begin with the letter.
fn dictated_letter<'a>(t: &str, mut next: impl Iterator<Item = &'a str>) -> Option<(char, usize)> {
    let folded = |w: &str| {
        let mut f = String::new();
        fold_into(w, &mut f);
        f
    };
    let first = t.chars().next()?;
    let upper = first.to_uppercase().next().unwrap_or(first);
    if t.len() == first.len_utf8() {
        if !first.is_alphabetic() {
            return None;
        }
        let (word, words) = match (next.next(), next.next(), next.next()) {
            (Some(som), Some(i), Some(w))
                if (som.eq_ignore_ascii_case("som") && i.eq_ignore_ascii_case("i"))
                    || (som.eq_ignore_ascii_case("as") && i.eq_ignore_ascii_case("in")) =>
            {
                (w, 4)
            }
            (Some(f), Some(w), _) if f.eq_ignore_ascii_case("for") => (w, 3),
            _ => return None,
        };
        let (l, w) = (folded(t), folded(word));
        return (w.len() > 1 && w.starts_with(&l)).then_some((upper, words));
    }
    SPELLING_WORDS
        .binary_search(&folded(t).as_str())
        .is_ok()
        .then_some((upper, 1))
}

/// The house letter dictated in `field` ([`dictated_letter`]): `D for David`, `DAVID`.
fn dictated_field(field: &str) -> Option<u8> {
    let mut words = field.split_whitespace();
    let (c, _) = dictated_letter(words.next()?, words)?;
    letter_key(Some(c))
}

/// `inngang` (entrance), `oppgang` (stairway): the way in to a house, not its address.
fn is_entrance_word(t: &str) -> bool {
    let t = strip_dots(t);
    ["inngang", "inng", "oppgang", "oppg"]
        .iter()
        .any(|w| t.eq_ignore_ascii_case(w))
}

/// Whether `t` (and `next`, the token after it) begins a courier's note: a door or gate code
/// (`kode 7706#`, `portkode`, `dørkode`), `ring på` (ring the bell), or a mover's how far
/// to carry (`- bæring 40 m`, [`is_carrying_word`]).
fn is_delivery_note(t: &str, next: Option<&str>) -> bool {
    if is_carrying_word(t) {
        return true;
    }
    let t = strip_dots(t);
    let is = |words: &[&str]| words.iter().any(|w| t.eq_ignore_ascii_case(w));
    is(&[
        "kode",
        "koden",
        "portkode",
        "dørkode",
        "dorkode",
        "doerkode",
        "code",
        "ringeklokke",
        "porttelefon",
    ]) || (is(&["ring", "ringes"])
        && next
            .is_some_and(|n| ["på", "pa", "paa"].contains(&strip_dots(n).to_lowercase().as_str())))
}

/// `bæring` (carrying: how far a mover carries from the van to the door), `bæreavstand`.
fn is_carrying_word(t: &str) -> bool {
    let t = strip_dots(t);
    // Seven or twelve bytes (`æ` is two), `ba` or `bæ`: most words are ruled out before any
    // is compared.
    matches!(t.len(), 7 | 12)
        && matches!(t.as_bytes(), [b'b' | b'B', b'a' | b'A' | 0xC3, ..])
        && ["bæring", "baering", "bæreavstand", "baereavstand"]
            .iter()
            .any(|w| t.chars().flat_map(char::to_lowercase).eq(w.chars()))
}

/// `c/o`, `v/` or `hos` (at the home of): the name of whom the mail goes through follows.
fn is_care_of(t: &str) -> bool {
    let t = strip_dots(t);
    t.eq_ignore_ascii_case("c/o")
        || t.eq_ignore_ascii_case("co/")
        || t.eq_ignore_ascii_case("v/")
        || t.eq_ignore_ascii_case("hos")
}

/// `v/Gaute`, `c/oHansen`: a care-of mark with the name's first word written on to it.
fn is_glued_care_of(t: &str) -> bool {
    [2, 3].into_iter().any(|n| {
        t.get(..n)
            .is_some_and(|mark| mark.contains('/') && is_care_of(mark))
            && t[n..].starts_with(char::is_alphabetic)
    })
}

/// `H0101` (the bolignummer: the level, then floor and flat), with or without a dot, or
/// with a dash after the level or between floor and flat as on a door sign (`H-0305`,
/// `H04-03`). The level is `H` (*hovedetasje*, a main floor), `U` (*underetasje*), `K`
/// (*kjeller*) or `L` (*loft*).
fn is_bolignummer(t: &str) -> bool {
    let t = strip_dots(t).as_bytes();
    let mut b = [0u8; 5];
    let read = match t.len() {
        5 => {
            b.copy_from_slice(t);
            true
        }
        6 if t[1] == b'-' => {
            b[0] = t[0];
            b[1..].copy_from_slice(&t[2..]);
            true
        }
        6 if t[3] == b'-' => {
            b[..3].copy_from_slice(&t[..3]);
            b[3..].copy_from_slice(&t[4..]);
            true
        }
        _ => false,
    };
    // A small `o` for a zero, copied off a door sign (`ho1o1`): digits all the same.
    read && is_level(b[0])
        && b[1..]
            .iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b'o' | b'O'))
        && b[1..].iter().any(u8::is_ascii_digit)
}

/// How many tokens, from `t` on (`next` gives those after it), a bolignummer written apart
/// takes: the level alone before the floor and flat (`H 0101`, `U 0105`: 2), or before the
/// floor and the flat apart as on a door sign (`H 01 03`: 3), or the level and floor before
/// the flat (`H01 03`: 2). `None` if `t` starts none.
fn bolignummer_apart<'a>(t: &str, mut next: impl Iterator<Item = &'a str>) -> Option<usize> {
    let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    let b = t.as_bytes();
    match b {
        [level] if is_level(*level) => {
            let floor = next.next()?;
            if four_digits(floor) {
                Some(2)
            } else if two_digits(floor) && next.next().is_some_and(two_digits) {
                Some(3)
            } else {
                None
            }
        }
        _ if is_level_and_floor(t) => next.next().is_some_and(two_digits).then_some(2),
        _ => None,
    }
}

/// A bolignummer's level and floor without the flat, which a door sign writes apart (`H01`
/// of `H01 03`).
fn is_level_and_floor(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 3 && is_level(b[0]) && b[1..].iter().all(u8::is_ascii_digit)
}

/// The level letter a bolignummer starts with (see [`is_bolignummer`]).
pub(super) fn is_level(b: u8) -> bool {
    matches!(b.to_ascii_lowercase(), b'h' | b'u' | b'k' | b'l')
}

/// Four ASCII digits: a postcode, or the floor and flat of a bolignummer.
/// A house number 1–20 written as a Norwegian word, as a voice transcript writes it (`en`,
/// `tolv`, `nitten`), any case; bokmål and nynorsk forms.
pub fn number_word(t: &str) -> Option<u32> {
    const WORDS: [(&str, u32); 27] = [
        ("atten", 18),
        ("ein", 1),
        ("eitt", 1),
        ("elleve", 11),
        ("en", 1),
        ("ett", 1),
        ("fem", 5),
        ("femten", 15),
        ("fire", 4),
        ("fjorten", 14),
        ("ni", 9),
        ("nitten", 19),
        ("seks", 6),
        ("seksten", 16),
        ("sju", 7),
        ("sytten", 17),
        ("syv", 7),
        ("ti", 10),
        ("tjue", 20),
        ("tjuge", 20),
        ("to", 2),
        ("tolv", 12),
        ("tre", 3),
        ("tretten", 13),
        ("åtte", 8),
        ("atte", 8),
        ("otte", 8),
    ];
    let t = t.trim().to_lowercase();
    WORDS.iter().find(|(w, _)| *w == t).map(|&(_, n)| n)
}

pub fn four_digits(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// A word for a flat or a bolignummer (`leil.`, `lgh`, `bolig`, `Apt.`), with or without
/// `nr` after it (`leil.nr.`, `bolignr`).
fn is_flat_word(t: &str) -> bool {
    let t = strip_dots(t);
    let before_nr = ["nr", "Nr", "NR"]
        .iter()
        .find_map(|nr| t.strip_suffix(nr))
        .map(strip_dots);
    is_flat_name(t) || before_nr.is_some_and(|w| !w.is_empty() && is_flat_name(w))
}

fn is_flat_name(t: &str) -> bool {
    t.len() <= 11
        && matches!(
            t.as_bytes().first(),
            Some(b'l' | b'L' | b'b' | b'B' | b'a' | b'A' | b'u' | b'U' | b'h' | b'H' | b'r' | b'R')
        )
        && [
            // A student house's room (`hybel 412`, `rom 612`).
            "hybel",
            "rom",
            "leil",
            "leilighet",
            "lgh",
            "leiligh",
            "bolig",
            "bolignr",
            "bnr",
            "boenhet",
            "bolignummer",
            // The Matrikkel's word for a unit (`bruksenhet L0104`, `bruksenh. U0102`).
            "bruksenhet",
            "bruksenh",
            // An English-language CRM's (`Apt. H0404`, `Unit 3`).
            "apt",
            "apartment",
            "unit",
        ]
        .iter()
        .any(|w| t.eq_ignore_ascii_case(w))
}

/// A house number typed with a small `l` for every `1`, a habit from typewriters that had no
/// `1` key (`l37`, `l0l`, `ll4`, `4l C`, `l20d`): the number with its ones, and a house
/// letter glued after it. A token of digits and `l`s with both (`4l` alone is read as 41 by
/// [`split_house`] too). `None` if `t` is not one.
fn typewriter_ones(t: &str) -> Option<String> {
    let (t, letter) = match t.as_bytes() {
        [.., d, l]
            if (d.is_ascii_digit() || *d == b'l') && l.is_ascii_alphabetic() && *l != b'l' =>
        {
            t.split_at(t.len() - 1)
        }
        _ => (t, ""),
    };
    let b = t.as_bytes();
    (b.len() <= 6
        && b.contains(&b'l')
        && b.iter().any(u8::is_ascii_digit)
        && b.iter().all(|&c| c == b'l' || c.is_ascii_digit()))
    .then(|| t.replace('l', "1") + letter)
}

/// A house number with a bolignummer glued to it by fixed-width fields joined without a
/// separator (`28H0103`, `5AH0607`, `88Ch0405`): the house number and its letter
/// (`28`, `5A`, `88C`). `None` if `t` is not one.
fn without_glued_bolignummer(t: &str) -> Option<&str> {
    let b = t.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let house = match b.len().checked_sub(digits + 5)? {
        0 => digits,
        1 if b[digits].is_ascii_alphabetic() => digits + 1,
        _ => return None,
    };
    ((1..=4).contains(&digits) && is_bolignummer(&t[house..])).then(|| &t[..house])
}

fn is_floor_word(t: &str) -> bool {
    let t = strip_dots(t).trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    t.len() <= 7
        && [
            "etg", "etasje", "et", "u.etg", "uetg", "kjeller", "sokkel", "loft",
        ]
        .iter()
        .any(|w| t.eq_ignore_ascii_case(w))
}

/// A whole postal address written in the street field (`Storgata 12 B, 0150 Oslo`, `Storgata
/// 12 B 0150 OSLO`, `0150 Oslo, Storgata 12 B`, `Storgata 12 B; 0150; Oslo`): the street with
/// its house number, the
/// postcode and the post town. `None` unless a four-digit postcode followed by a town is
/// found after the street (or, with a comma, before it).
pub fn split_postal_line(street: &str) -> Option<(&str, &str, &str)> {
    /// `dddd Town`: the postcode and the town.
    fn postal(s: &str) -> Option<(&str, &str)> {
        let s = s.trim();
        let (code, town) = s.split_at_checked(4)?;
        let town = town.trim();
        (four_digits(code)
            && s[4..].starts_with(char::is_whitespace)
            && town.starts_with(char::is_alphabetic)
            && !town.contains(|c: char| c.is_ascii_digit()))
        .then_some((code, town))
    }
    const SEPARATORS: [char; 2] = [',', ';'];
    if let Some((head, tail)) = street.rsplit_once(SEPARATORS) {
        if let Some((code, town)) = postal(tail)
            && !head.trim().is_empty()
        {
            return Some((head.trim(), code, town));
        }
        // `Storgata 5; 0150; Oslo`: postcode and town in fields of their own.
        let town = tail.trim();
        if let Some((street, code)) = head.rsplit_once(SEPARATORS)
            && four_digits(code.trim())
            && town.starts_with(char::is_alphabetic)
            && !town.contains(|c: char| c.is_ascii_digit())
            && !street.trim().is_empty()
        {
            return Some((street.trim(), code.trim(), town));
        }
    }
    if let Some((head, tail)) = street.split_once(SEPARATORS)
        && let Some((code, town)) = postal(head)
        && !tail.trim().is_empty()
    {
        return Some((tail.trim(), code, town));
    }
    // No comma: the last run of four digits with only words after it, after a street and
    // a house number.
    let at = street
        .char_indices()
        .filter_map(|(i, c)| c.is_whitespace().then_some(i + c.len_utf8()))
        .rfind(|&i| postal(&street[i..]).is_some())?;
    let head = street[..at].trim();
    let has_number = head
        .split_whitespace()
        .skip(1)
        .any(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    let (code, town) = postal(&street[at..])?;
    has_number.then_some((head, code, town))
}

/// The postcode and the post town of a lead as its two fields give them: written in one field
/// (`0622 Oslo` or `0622, Oslo` in the postcode field, or `7796 Follafoss` in the town field
/// with the postcode field empty), the four digits and the town; the town in the postcode
/// field (`Lakselv`, the columns swapped or the postcode left out) with the town field empty
/// or holding the postcode, the other way round; otherwise both as given.
pub fn postcode_field<'a>(postcode: &'a str, town: &'a str) -> (&'a str, &'a str) {
    /// Four digits, then a space or a comma and a town: the digits and the town.
    fn leading_postcode(s: &str) -> Option<(&str, &str)> {
        let s = s.trim();
        let (code, rest) = s.split_at_checked(4)?;
        let after = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        let town_follows = after.len() < rest.len() && after.starts_with(char::is_alphabetic);
        (four_digits(code) && town_follows).then_some((code, after))
    }
    // The common case: four digits.
    if four_digits(postcode) {
        return (postcode, town);
    }
    let has_digit = |s: &str| s.bytes().any(|b| b.is_ascii_digit());
    let town_written = postcode.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !has_digit(postcode)
        && (town.trim().is_empty() || has_digit(town));
    if town_written {
        return (town, postcode);
    }
    let town_or = |other: &'a str| if town.trim().is_empty() { other } else { town };
    match leading_postcode(postcode) {
        Some((code, rest)) => (code, town_or(rest)),
        None if postcode.trim().is_empty() => match leading_postcode(town) {
            Some((code, rest)) => (code, rest),
            None => (postcode, town),
        },
        None => (postcode, town),
    }
}

/// A postcode from a handwriting-recognition export whose verification step was never run:
/// one digit left as its two candidates in brackets (`[7|1]244`, `(5/6)851`, `590[83]`), the
/// two codes it may be, in the order written. `None` for any other postcode.
pub fn candidate_postcodes(postcode: &str) -> Option<[String; 2]> {
    let p = postcode.trim();
    let open = p.find(['[', '('])?;
    let close = open + p[open..].find([']', ')'])?;
    let inside: Vec<char> = p[open + 1..close]
        .chars()
        .filter(|c| !matches!(c, '|' | '/' | ' '))
        .collect();
    let (before, after) = (&p[..open], &p[close + 1..]);
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    match inside[..] {
        [a, b]
            if a.is_ascii_digit()
                && b.is_ascii_digit()
                && digits(before)
                && digits(after)
                && before.len() + after.len() == 3 =>
        {
            Some([a, b].map(|d| format!("{before}{d}{after}")))
        }
        _ => None,
    }
}

/// The postcode as matched, forgiving what typing and OCR do to it: letters read for digits
/// (`94O9`, `5l39`, `S003`) and a leading zero lost to a spreadsheet (`150` for `0150`).
/// Returns the postcode and whether it had to be repaired; `None` if it is not a postcode
/// (fewer than two real digits, other characters, or the wrong length).
pub fn postcode_key_lenient(postcode: &str) -> Option<(u16, bool)> {
    if let Some(pc) = postcode_key(postcode) {
        return Some((pc, false));
    }
    let (mut v, mut n, mut digits, mut repaired) = (0u16, 0u32, 0u32, false);
    for c in postcode.chars() {
        let d = match c {
            '0'..='9' => {
                digits += 1;
                c as u16 - u16::from(b'0')
            }
            'O' | 'o' | 'Q' | 'D' => 0,
            'l' | 'I' | 'i' | '|' | 'L' | '!' => 1,
            'Z' | 'z' => 2,
            'S' | 's' => 5,
            'G' | 'b' => 6,
            'B' => 8,
            'g' | 'q' => 9,
            c if c.is_whitespace() => continue,
            _ => return None,
        };
        if !c.is_ascii_digit() {
            repaired = true;
        }
        n += 1;
        if n > 4 {
            return None;
        }
        v = v * 10 + d;
    }
    match n {
        4 if digits >= 2 => Some((v, true)),
        3 if !repaired => Some((v, true)),
        _ => None,
    }
}

/// Street prefixes that name a part of a street (`Øvre Slottsgate`), folded.
pub const STREET_PREFIXES: &[&str] = &[
    "oevre", "nedre", "soendre", "nordre", "store", "lille", "vestre", "oestre", "gamle", "nye",
];

/// Whether two street keys begin with different street prefixes: partner streets (`Vestre
/// Kalkplassen` and `Østre Kalkplassen`), not one street misspelt, although `vestre` and
/// `oestre` are one edit apart once folded.
pub fn other_prefix(a: &[u8], b: &[u8]) -> bool {
    let prefix = |s: &[u8]| STREET_PREFIXES.iter().find(|p| s.starts_with(p.as_bytes()));
    matches!((prefix(a), prefix(b)), (Some(x), Some(y)) if x != y)
}

/// Whether `short` (a folded word of a lead's street: `ne`, `soe`, `st`) starts a street
/// prefix, but not the one `street` (a register street's key) begins with: a street prefix
/// written short by its first letters (`Ne.` for Nedre, `Sø.` for Søndre) is that prefix,
/// not another that holds its letters in order (Nordre, Store), a partner street's.
pub fn shortens_other_prefix(short: &[u8], street: &[u8]) -> bool {
    let starts = |p: &&str| p.as_bytes().starts_with(short);
    STREET_PREFIXES
        .iter()
        .find(|p| street.starts_with(p.as_bytes()))
        .is_some_and(|p| !starts(p))
        && STREET_PREFIXES.iter().any(starts)
}

/// The endings of Norwegian street names as they end a street key ([`street_key`]: the
/// street-type suffixes canonical), each group the forms of one word (definite and
/// indefinite, bokmål and nynorsk: `sletta`, `sletten`, `slette`).
const STREET_ENDINGS: &[&[&str]] = &[
    &["vei"],
    &["gt"],
    &["pl"],
    &["alle"],
    &["torg"],
    &["terr"],
    &["sti", "stig", "stigen"],
    &["brygge"],
    &["bakken", "bakke", "bakkjen"],
    &["lia", "lien", "li", "lii"],
    &["sletta", "sletten", "slette"],
    &["brekka", "brekken", "brekke"],
    &["haugen", "haug"],
    &["svingen", "sving"],
    &["tunet", "tun"],
    &["kroken", "krok"],
    &["myra", "myren", "myr"],
    &["loekka", "loekken"],
    &["enga", "engen", "eng"],
    &["aasen", "aas"],
    &["lunden", "lund"],
    &["jordet", "jorde"],
    &["ringen", "ring"],
    &["grenda", "grend"],
    &["kollen", "koll"],
    &["dalen", "dal"],
    &["vollen", "voll"],
    &["braaten"],
    &["berget"],
    &["skogen", "skog"],
    &["hagen", "hage"],
    &["toppen", "topp"],
    &["kleiva", "kleiven"],
    &["vika", "viken", "vik"],
    &["odden"],
    &["holmen"],
    &["tangen"],
    &["parken", "park"],
];

/// Whether two street keys are twin streets: one stem with two different endings
/// ([`STREET_ENDINGS`]) that no single typing slip turns into each other (`skyssvei` and
/// `skyssvingen`, `fredrikholstgt` and `fredrikholstpl`), not one street misspelt. A stem
/// that ends on the letter an ending begins with may have lost it to the rule that writes
/// three like consonants as two (`Skyss` + `svingen` is `Skyssvingen`).
pub fn other_ending(a: &[u8], b: &[u8]) -> bool {
    if a == b {
        return false;
    }
    // Each way a key may be read: its stem's length, whether the stem lost its last letter
    // to the ending, the ending's group and the ending (no key has more than a few).
    type Reading = (usize, bool, usize, &'static str);
    fn readings(s: &[u8], out: &mut [Reading; 8]) -> usize {
        let mut n = 0;
        for (g, forms) in STREET_ENDINGS.iter().enumerate() {
            for &e in *forms {
                let Some(stem) = s.strip_suffix(e.as_bytes()) else {
                    continue;
                };
                if stem.len() < 3 || n + 2 > out.len() {
                    continue;
                }
                out[n] = (stem.len(), false, g, e);
                n += 1;
                let first = e.as_bytes()[0];
                if stem.last() == Some(&first) && stem[stem.len() - 2] != first {
                    out[n] = (stem.len(), true, g, e);
                    n += 1;
                }
            }
        }
        n
    }
    // A reading's stem, the lost letter put back.
    fn stem_of(s: &[u8], (len, lost, _, e): Reading) -> impl Iterator<Item = &u8> {
        s[..len].iter().chain(lost.then(|| &e.as_bytes()[0]))
    }
    let (mut ra, mut rb) = ([(0, false, 0, ""); 8], [(0, false, 0, ""); 8]);
    let (na, nb) = (readings(a, &mut ra), readings(b, &mut rb));
    let mut twin = false;
    for &x in &ra[..na] {
        for &y in &rb[..nb] {
            if !stem_of(a, x).eq(stem_of(b, y)) {
                continue;
            }
            if x.2 == y.2 {
                return false;
            }
            twin |= osa_within(x.3.as_bytes(), y.3.as_bytes(), 1).is_none();
        }
    }
    twin
}

/// Whether the folded street tokens of a lead (`h raanes vei`, `oe svanegata`,
/// `chr michelsens gt`) abbreviate the register's street key (`hansraanesvei`,
/// `oevresvanegt`, `christianmichelsensgt`): leading tokens of at most three letters
/// each abbreviate one word (its first letter, then letters of it in order), and the
/// lead's remaining tokens, as a key, end the register's key. Also true when the lead
/// leaves out a street prefix altogether (`svanegata` for `Øvre Svanegata`). `rest` is
/// the street key of the remaining tokens, built by the caller.
pub fn abbreviates(initials: &[&str], rest: &[u8], rec: &[u8]) -> bool {
    if rest.is_empty() || rec.len() <= rest.len() || !rec.ends_with(rest) {
        return false;
    }
    let head = &rec[..rec.len() - rest.len()];
    if initials.is_empty() {
        return STREET_PREFIXES.iter().any(|p| p.as_bytes() == head);
    }
    // Each initial starts a word of `head` and its letters follow in order; the words are
    // at least as long as their initials and cover `head`.
    fn fits(initials: &[&str], head: &[u8]) -> bool {
        let Some((first, more)) = initials.split_first() else {
            return head.is_empty();
        };
        let a = first.as_bytes();
        if head.first() != a.first() {
            return false;
        }
        if shortens_other_prefix(a, head) {
            return false;
        }
        // The word ends somewhere after its initial's letters have all been seen.
        let mut k = 1;
        let mut at = 1;
        while k < a.len() {
            match head[at..].iter().position(|&c| c == a[k]) {
                Some(p) => {
                    at += p + 1;
                    k += 1;
                }
                None => return false,
            }
        }
        if more.is_empty() {
            return head.len() >= at.max(2);
        }
        (at.max(2)..head.len()).any(|end| fits(more, &head[end..]))
    }
    fits(initials, head)
}

/// The house letter as matched: folded to one ASCII lower-case letter, or `None`.
pub fn letter_key(letter: Option<char>) -> Option<u8> {
    let c = letter?;
    let lc = c.to_lowercase().next()?;
    if lc.is_ascii_alphabetic() {
        Some(lc as u8)
    } else {
        None
    }
}

/// The house number and letter as matched, from a number field (`12`, `12 B`, `12b`, `12-B`)
/// and a letter field (either may hold the letter); `(None, None)` if there is no number.
pub fn house_key(number: &str, letter: &str) -> (Option<u32>, Option<u8>) {
    let n = number.trim();
    // The common case: digits only, no letter.
    if (1..=6).contains(&n.len())
        && n.bytes().all(|b| b.is_ascii_digit())
        && letter.trim().is_empty()
    {
        return (n.parse().ok(), None);
    }
    // OCR inside a number (`1l3`, `1O5`): a letter that reads as a digit, between digits, is
    // the digit (a house letter only ever ends the number).
    let mut read = String::new();
    let n = if n.starts_with(|c: char| c.is_ascii_digit())
        && n.as_bytes()
            .windows(2)
            .any(|w| matches!(w[0], b'l' | b'I' | b'O' | b'o') && w[1].is_ascii_digit())
    {
        let b = n.as_bytes();
        for (i, &c) in b.iter().enumerate() {
            let next_digit = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            read.push(match c {
                b'l' | b'I' if next_digit => '1',
                b'O' | b'o' if next_digit => '0',
                _ => char::from(c),
            });
        }
        read.as_str()
    } else {
        n
    };
    // A lower-case `l` or `o` glued to the end of a number (`8l`, `1o`) is a misread 1 or 0:
    // house letters are written in capitals or apart, and L and O are hardly ever used.
    if n.len() >= 2
        && n.ends_with(['l', 'o'])
        && n[..n.len() - 1].bytes().all(|b| b.is_ascii_digit())
    {
        let mut glued = n[..n.len() - 1].to_owned();
        glued.push(if n.ends_with('l') { '1' } else { '0' });
        return house_key_read(&glued, letter);
    }
    house_key_read(n, letter)
}

/// [`house_key`] of a number whose OCR confusions are read.
fn house_key_read(n: &str, letter: &str) -> (Option<u32>, Option<u8>) {
    let digits_end = n.find(|c: char| !c.is_ascii_digit()).unwrap_or(n.len());
    if digits_end == 0 || digits_end > 6 {
        return (None, None);
    }
    let num = n[..digits_end].parse::<u32>().ok();
    let rest = n[digits_end..].trim_start_matches(|c: char| c.is_whitespace() || c == '-');
    let mut chars = rest.chars();
    let from_number = match (chars.next(), chars.next()) {
        (Some(c), None) => letter_key(Some(c)),
        _ => None,
    };
    let mut lc = letter.trim().chars();
    let from_letter = match (lc.next(), lc.next()) {
        (Some(c), None) => letter_key(Some(c)),
        // Dictated: `D for David`, `d som i david`, `DAVID`.
        (Some(_), Some(_)) => dictated_field(letter),
        _ => None,
    };
    (
        num,
        from_letter.or(from_number).or_else(|| dictated_field(rest)),
    )
}

/// The postcode as matched: exactly four digits after removing spaces, as a number. The
/// quotes a spreadsheet or CSV export leaves around a number kept as text (`'0150`, `"0150"`)
/// are not part of it.
pub fn postcode_key(postcode: &str) -> Option<u16> {
    let postcode = postcode.trim_matches(|c: char| c.is_whitespace() || c == '\'' || c == '"');
    let mut v: u16 = 0;
    let mut n = 0;
    for c in postcode.chars() {
        if c.is_ascii_digit() {
            n += 1;
            if n > 4 {
                return None;
            }
            v = v * 10 + u16::from(c as u8 - b'0');
        } else if !c.is_whitespace() {
            return None;
        }
    }
    (n == 4).then_some(v)
}
