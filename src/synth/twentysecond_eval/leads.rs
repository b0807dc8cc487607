//! Lead layout, the corruption kinds and the look-alike kinds of the twenty-second set.

use chrono::{Days, NaiveDate};
use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use crate::person::PersonQuery;

use super::judge::{given_match, key, nfkd_ascii};
use super::names::{
    DIGIT_WORDS, ENDINGS, FAMILIES, GIVEN_ONE_EDIT, PREFIXES, STEM_FORMS, STEMS,
    STREET_OTHER_GIVEN, STREET_PERSONS, STREET_TYPES, SURNAME_ONE_EDIT, TEEN_WORDS, TENS_WORDS,
    family_of,
};
use super::world::{Form, Postcodes, World, draw_given, street_name};

// Corrupted kinds: the list, each in a way earlier sets' kind names do not show.
pub(super) const POSTCODE_OLD_COUNTING: &str = "postcode_pair_heard_in_old_counting";
pub(super) const POSTCODE_WORDS: &str = "postcode_voice_typed_as_number_words";
pub(super) const TOWN_CUT: &str = "no_postcode_town_cut_by_dialer_width";
pub(super) const BOLIG_SLASH: &str = "bolignummer_second_line_slash_joined";
pub(super) const PERSON_GIVEN_DROPPED: &str = "person_street_given_names_dropped";
pub(super) const PREFIX_AFTER: &str = "street_prefix_abbreviated_after_name";
pub(super) const NORDIC_FORM: &str = "given_name_swedish_or_danish_form";
pub(super) const FAX_GLYPH: &str = "faxed_form_ri_li_cl_e_h_in_name";
pub(super) const NFKD_TWO: &str = "aeoeaa_nfkd_ascii_stripped_two_fields";
pub(super) const FIXED_WIDTH: &str = "fixed_width_export_blank_padding";
pub(super) const STREET_TWO: &str = "street_field_two_issue_damages";
// Own corrupted kinds.
pub(super) const NUMBER_REPEATED: &str = "house_number_repeated_by_merge";
pub(super) const STEM_NYNORSK: &str = "street_stem_nynorsk_or_old_form";
pub(super) const COLUMNS_SHIFTED: &str = "address_columns_shifted_left";
pub(super) const NUMBER_WORD: &str = "house_number_as_spoken_word";
/// The control.
pub(super) const UNCHANGED: &str = "unchanged";

// Look-alike kinds.
pub(super) const LA_HOUSEMATE: &str = "unreserved_housemate_same_house";
pub(super) const LA_NAMESAKE: &str = "full_namesake_other_town_postcode_often_missing";
pub(super) const LA_NEIGHBOUR: &str = "same_surname_neighbour_across_street";
pub(super) const LA_ONE_EDIT: &str = "real_name_one_edit_down_the_street";
pub(super) const LA_COUSIN: &str = "cousin_in_other_name_form_same_street";
pub(super) const LA_LIKE_STREET: &str = "full_namesake_like_named_street_other_town";

/// Corrupted kinds with their shares in per mille (they add up to 1 000).
pub(super) const CORRUPTED: &[(&str, u32)] = &[
    (POSTCODE_OLD_COUNTING, 64),
    (POSTCODE_WORDS, 64),
    (TOWN_CUT, 64),
    (BOLIG_SLASH, 64),
    (PERSON_GIVEN_DROPPED, 64),
    (PREFIX_AFTER, 64),
    (NORDIC_FORM, 64),
    (FAX_GLYPH, 64),
    (NFKD_TWO, 64),
    (FIXED_WIDTH, 64),
    (STREET_TWO, 85),
    (NUMBER_REPEATED, 56),
    (STEM_NYNORSK, 56),
    (COLUMNS_SHIFTED, 56),
    (NUMBER_WORD, 56),
    (UNCHANGED, 51),
];

/// Look-alike kinds with their shares in per mille (they add up to 1 000).
pub(super) const LOOK_ALIKES: &[(&str, u32)] = &[
    (LA_HOUSEMATE, 200),
    (LA_NAMESAKE, 150),
    (LA_NEIGHBOUR, 170),
    (LA_ONE_EDIT, 170),
    (LA_COUSIN, 160),
    (LA_LIKE_STREET, 150),
];

/// The order corrupted kinds pick their persons in: the kinds few persons allow first.
pub(super) const PICK_ORDER: &[&str] = &[
    PERSON_GIVEN_DROPPED,
    PREFIX_AFTER,
    STEM_NYNORSK,
    TOWN_CUT,
    NUMBER_WORD,
    NORDIC_FORM,
    NFKD_TWO,
    POSTCODE_OLD_COUNTING,
    STREET_TWO,
    FAX_GLYPH,
    POSTCODE_WORDS,
    BOLIG_SLASH,
    FIXED_WIDTH,
    NUMBER_REPEATED,
    COLUMNS_SHIFTED,
    UNCHANGED,
];

/// Each kind's count out of `n` by its per-mille share, split by largest remainder (ties to
/// the earlier kind).
pub(super) fn counts(n: usize, shares: &[(&'static str, u32)]) -> Vec<(&'static str, usize)> {
    let mut out: Vec<(&'static str, usize, usize)> = shares
        .iter()
        .map(|&(k, s)| (k, n * s as usize / 1000, n * s as usize % 1000))
        .collect();
    let given: usize = out.iter().map(|o| o.1).sum();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| out[b].2.cmp(&out[a].2).then(a.cmp(&b)));
    for &i in order.iter().take(n.saturating_sub(given)) {
        out[i].1 += 1;
    }
    out.into_iter().map(|(k, c, _)| (k, c)).collect()
}

/// A lead's fields before they are joined, with the layout's choices.
struct Parts {
    given: Vec<String>,
    surname: String,
    street: String,
    number: String,
    letter: String,
    code: String,
    town: String,
    birth: Option<NaiveDate>,
    /// 0 as written, 1 capitals, 2 lower case.
    name_case: u8,
    /// 0 capitals, 1 title case, 2 lower case.
    town_case: u8,
    /// The house written into the street field.
    in_street: bool,
    /// 0 `12 B`, 1 `12B`, 2 `12b`.
    style: u8,
}

/// The layout of a person's lead at their own house.
fn parts(w: &World, p: usize, rng: &mut ChaCha8Rng) -> Parts {
    let person = &w.persons[p];
    let house = w.house_of(p);
    let street = w.street_of(p);
    let (code, town) = w.pc.codes[street.code];
    let r: f64 = rng.random();
    let name_case = if r < 0.78 {
        0
    } else if r < 0.92 {
        1
    } else {
        2
    };
    let r: f64 = rng.random();
    let town_case = if r < 0.5 {
        0
    } else if r < 0.88 {
        1
    } else {
        2
    };
    let r: f64 = rng.random();
    let style = if r < 0.45 {
        0
    } else if r < 0.85 {
        1
    } else {
        2
    };
    Parts {
        given: person.given.iter().map(|g| g.to_string()).collect(),
        surname: person.surname.to_string(),
        street: street.name.clone(),
        number: house.number.to_string(),
        letter: house.letter.to_string(),
        code: code.to_string(),
        town: w.pc.towns[town].to_string(),
        birth: rng.random_bool(0.35).then_some(person.birth),
        name_case,
        town_case,
        in_street: rng.random_bool(0.35),
        style,
    }
}

fn title(s: &str) -> String {
    let mut out = String::new();
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = c == ' ' || c == '-';
    }
    out
}

fn name_cased(s: &str, case: u8) -> String {
    match case {
        1 => s.to_uppercase(),
        2 => s.to_lowercase(),
        _ => s.to_string(),
    }
}

fn town_cased(s: &str, case: u8) -> String {
    match case {
        1 => title(s),
        2 => s.to_lowercase(),
        _ => s.to_uppercase(),
    }
}

/// Number and letter as one piece of a street field.
fn house_part(number: &str, letter: &str, style: u8) -> String {
    match (letter.is_empty(), style) {
        (true, _) => number.to_string(),
        (false, 1) => format!("{number}{letter}"),
        (false, 2) => format!("{number}{}", letter.to_lowercase()),
        (false, _) => format!("{number} {letter}"),
    }
}

fn assemble(x: &Parts) -> PersonQuery {
    let (street, number, letter) = if x.in_street {
        (
            format!("{} {}", x.street, house_part(&x.number, &x.letter, x.style)),
            String::new(),
            String::new(),
        )
    } else {
        (x.street.clone(), x.number.clone(), x.letter.clone())
    };
    PersonQuery {
        given_names: name_cased(&x.given.join(" "), x.name_case),
        surname: name_cased(&x.surname, x.name_case),
        street,
        house_number: number,
        house_letter: letter,
        postcode: x.code.clone(),
        city: town_cased(&x.town, x.town_case),
        birth_date: x.birth,
        national_id: None,
    }
}

/// A postcode as a voice assistant types it: digit by digit or in pairs, in words.
pub(super) fn postcode_words(code: &str, rng: &mut ChaCha8Rng) -> String {
    let d: Vec<usize> = code
        .chars()
        .filter_map(|c| c.to_digit(10).map(|v| v as usize))
        .collect();
    let seven = if rng.random_bool(0.5) { "sju" } else { "syv" };
    let digit = |v: usize| if v == 7 { seven } else { DIGIT_WORDS[v] };
    let words: Vec<String> = if rng.random_bool(0.5) {
        d.iter().map(|&v| digit(v).to_string()).collect()
    } else {
        d.chunks(2)
            .map(|pair| match pair {
                [0, b] => format!("null {}", digit(*b)),
                [1, b] => TEEN_WORDS[*b].to_string(),
                [a, 0] => TENS_WORDS[a - 2].to_string(),
                [a, b] => format!("{}{}", TENS_WORDS[a - 2], digit(*b)),
                [a] => digit(*a).to_string(),
                _ => String::new(),
            })
            .collect()
    };
    let s = words.join(" ");
    if rng.random_bool(0.2) {
        title_first(&s)
    } else {
        s
    }
}

fn title_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// A house number 1–20 as a word.
pub(super) fn number_as_word(n: u32, rng: &mut ChaCha8Rng) -> Option<String> {
    match n {
        7 => Some(if rng.random_bool(0.5) { "sju" } else { "syv" }.to_string()),
        1..=9 => Some(DIGIT_WORDS[n as usize].to_string()),
        10..=19 => Some(TEEN_WORDS[n as usize - 10].to_string()),
        20 => Some("tjue".to_string()),
        _ => None,
    }
}

/// A bolignummer: `H` and floor and flat (`H0201`), now and then a basement or loft flat.
fn bolignummer(rng: &mut ChaCha8Rng) -> String {
    let r: f64 = rng.random();
    let (l, floor) = if r < 0.8 {
        ('H', rng.random_range(1..=5))
    } else if r < 0.9 {
        ('U', 1)
    } else if r < 0.95 {
        ('K', 1)
    } else {
        ('L', 1)
    };
    format!("{l}{floor:02}{:02}", rng.random_range(1..=4))
}

/// Joins a second address line holding the bolignummer to the street field.
fn with_second_line(street: &str, rng: &mut ChaCha8Rng) -> String {
    let sep = *[" / ", " // ", " | ", "/"].choose(rng).unwrap_or(&" / ");
    format!("{street}{sep}{}", bolignummer(rng))
}

/// Fax confusions: (what the form has, what the fax shows).
pub(super) const FAX: &[(&str, &str)] = &[
    ("ri", "n"),
    ("li", "h"),
    ("cl", "d"),
    ("e", "c"),
    ("h", "b"),
];

/// Where in `word` a fax confusion can fall: (byte position, rule), never on a word's first
/// letter.
fn fax_spots(word: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (r, (from, _)) in FAX.iter().enumerate() {
        for (i, _) in word.match_indices(from) {
            let prev = word[..i].chars().next_back();
            if prev.is_some_and(char::is_alphabetic) {
                out.push((i, r));
            }
        }
    }
    out
}

fn apply_fax(word: &str, spot: (usize, usize)) -> String {
    let (i, r) = spot;
    let (from, to) = FAX[r];
    format!("{}{to}{}", &word[..i], &word[i + from.len()..])
}

fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

/// The town cut to `width` characters, trailing blanks dropped.
fn cut(town: &str, width: usize) -> String {
    town.chars()
        .take(width)
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// Whether a cut town is the beginning of exactly one town's name (and that is `town`).
fn cut_is_unique(pc: &Postcodes, cut: &str, town: usize) -> bool {
    let k = key(cut);
    if k.chars().count() < 5 {
        return false;
    }
    let hits: Vec<usize> = pc
        .keys
        .iter()
        .enumerate()
        .filter(|(_, t)| t.starts_with(&k))
        .map(|(i, _)| i)
        .take(2)
        .collect();
    hits == [town] && pc.keys[town] != k
}

/// Pads with blanks to `width`, at least one blank.
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n).max(1)))
}

/// A corrupted lead of kind `kind` for person `p`, or `None` if the person does not allow it.
pub(super) fn corrupt(
    kind: &str,
    w: &World,
    p: usize,
    rng: &mut ChaCha8Rng,
) -> Option<PersonQuery> {
    let mut x = parts(w, p, rng);
    let form = w.street_of(p).form;
    match kind {
        POSTCODE_OLD_COUNTING => {
            let d: Vec<u32> = x.code.chars().filter_map(|c| c.to_digit(10)).collect();
            if d.len() != 4 {
                return None;
            }
            let spots: Vec<usize> = [0, 2]
                .into_iter()
                .filter(|&i| d[i] >= 2 && d[i + 1] >= 1 && d[i] != d[i + 1])
                .collect();
            let &i = spots.choose(rng)?;
            let mut c: Vec<char> = x.code.chars().collect();
            c.swap(i, i + 1);
            x.code = c.into_iter().collect();
            Some(assemble(&x))
        }
        POSTCODE_WORDS => {
            x.code = postcode_words(&x.code, rng);
            Some(assemble(&x))
        }
        TOWN_CUT => {
            let t = w.town_of(p);
            let town = w.pc.towns[t];
            let len = town.chars().count();
            let widths: Vec<usize> = [8, 10, 12]
                .into_iter()
                .filter(|&wd| wd < len && cut_is_unique(&w.pc, &cut(town, wd), t))
                .collect();
            let &wd = widths.choose(rng)?;
            x.town = cut(town, wd);
            x.code.clear();
            Some(assemble(&x))
        }
        BOLIG_SLASH => {
            x.in_street = true;
            let mut q = assemble(&x);
            q.street = with_second_line(&q.street, rng);
            Some(q)
        }
        PERSON_GIVEN_DROPPED => {
            x.street = street_without_given(form)?;
            Some(assemble(&x))
        }
        PREFIX_AFTER => {
            let Form::Prefixed {
                prefix,
                stem,
                ending,
            } = form
            else {
                return None;
            };
            let compound = format!("{}{}", STEMS[stem], ENDINGS[ending]);
            let abbr = PREFIXES[prefix].1.choose(rng)?;
            x.street = match rng.random_range(0..3) {
                0 => format!("{compound}, {abbr}"),
                1 => format!("{compound} ({abbr})"),
                _ => format!("{compound} {abbr}"),
            };
            x.in_street = false;
            Some(assemble(&x))
        }
        NORDIC_FORM => {
            let spots: Vec<usize> = (0..x.given.len())
                .filter(|&i| family_of(&x.given[i]).is_some())
                .collect();
            let i = if spots.contains(&0) && (spots.len() == 1 || rng.random_bool(0.75)) {
                0
            } else {
                *spots.choose(rng)?
            };
            let fam = FAMILIES[family_of(&x.given[i])?];
            let others: Vec<&str> = fam
                .iter()
                .copied()
                .filter(|m| m.to_lowercase() != x.given[i].to_lowercase())
                .collect();
            x.given[i] = others.choose(rng)?.to_string();
            Some(assemble(&x))
        }
        FAX_GLYPH => {
            let mut spots: Vec<(u8, (usize, usize))> = Vec::new();
            spots.extend(fax_spots(&x.given[0]).into_iter().map(|s| (0, s)));
            spots.extend(fax_spots(&x.surname).into_iter().map(|s| (1, s)));
            let &(field, spot) = spots.choose(rng)?;
            if field == 0 {
                x.given[0] = apply_fax(&x.given[0], spot);
            } else {
                x.surname = apply_fax(&x.surname, spot);
            }
            Some(assemble(&x))
        }
        NFKD_TWO => {
            let mut fields: Vec<u8> = Vec::new();
            if x.given.iter().any(|g| has_aeoeaa(g)) {
                fields.push(0);
            }
            if has_aeoeaa(&x.surname) {
                fields.push(1);
            }
            if has_aeoeaa(&x.street) {
                fields.push(2);
            }
            if has_aeoeaa(&x.town) {
                fields.push(3);
            }
            if fields.len() < 2 {
                return None;
            }
            fields.shuffle(rng);
            for f in &fields[..2] {
                match f {
                    0 => x.given = x.given.iter().map(|g| nfkd_ascii(g)).collect(),
                    1 => x.surname = nfkd_ascii(&x.surname),
                    2 => x.street = nfkd_ascii(&x.street),
                    _ => x.town = nfkd_ascii(&x.town),
                }
            }
            Some(assemble(&x))
        }
        FIXED_WIDTH => {
            x.in_street = false;
            let mut q = assemble(&x);
            let words: Vec<&str> = q.given_names.split(' ').collect();
            let given = if words.len() >= 2 {
                format!("{}{}", pad(words[0], 15), words[1..].join(" "))
            } else {
                q.given_names.clone()
            };
            q.given_names = pad(&given, 20);
            q.surname = pad(&q.surname, 20);
            let width = 28.max(q.street.chars().count() + 3);
            let mut street = format!("{}{:>4}", pad(&q.street, width), q.house_number);
            if !q.house_letter.is_empty() {
                street = format!("{street}  {}", q.house_letter);
            }
            q.street = street;
            q.house_number.clear();
            q.house_letter.clear();
            q.city = pad(&q.city, 18);
            Some(q)
        }
        STREET_TWO => {
            let mut options: Vec<u8> = Vec::new();
            if matches!(form, Form::Person { .. }) {
                options.push(0);
            }
            let spots = street_fax_spots(&x.street);
            if !spots.is_empty() {
                options.push(1);
            }
            if has_aeoeaa(&x.street) {
                options.push(2);
            }
            x.street = match options.choose(rng)? {
                0 => street_without_given(form)?,
                1 => apply_fax(&x.street, *spots.choose(rng)?),
                _ => nfkd_ascii(&x.street),
            };
            x.in_street = true;
            let mut q = assemble(&x);
            q.street = with_second_line(&q.street, rng);
            Some(q)
        }
        NUMBER_REPEATED => {
            x.in_street = true;
            let mut q = assemble(&x);
            let second = if rng.random_bool(0.5) {
                house_part(&x.number, &x.letter, x.style)
            } else {
                x.number.clone()
            };
            let sep = if rng.random_bool(0.5) { " " } else { ", " };
            q.street = format!("{}{sep}{second}", q.street);
            Some(q)
        }
        STEM_NYNORSK => {
            let (prefix, stem, ending) = match form {
                Form::Glued { stem, ending } => (None, stem, ending),
                Form::Prefixed {
                    prefix,
                    stem,
                    ending,
                } => (Some(prefix), stem, ending),
                Form::Person { .. } => return None,
            };
            let &(_, other) = STEM_FORMS.iter().find(|(b, _)| *b == STEMS[stem])?;
            let glued = format!("{other}{}", ENDINGS[ending]);
            x.street = match prefix {
                Some(pr) => format!("{} {glued}", PREFIXES[pr].0),
                None => glued,
            };
            Some(assemble(&x))
        }
        COLUMNS_SHIFTED => {
            x.in_street = true;
            let mut q = assemble(&x);
            q.house_number = std::mem::take(&mut q.postcode);
            q.house_letter = std::mem::take(&mut q.city);
            Some(q)
        }
        NUMBER_WORD => {
            let n: u32 = x.number.parse().ok()?;
            x.number = number_as_word(n, rng)?;
            x.style = 0;
            Some(assemble(&x))
        }
        UNCHANGED => Some(assemble(&x)),
        _ => None,
    }
}

/// A person-named street without its person's given names (`Raanes vei`, `Rognstads gate`).
fn street_without_given(form: Form) -> Option<String> {
    let Form::Person {
        person,
        kind,
        genitive,
    } = form
    else {
        return None;
    };
    let s = if genitive { "s" } else { "" };
    Some(format!(
        "{}{s} {}",
        STREET_PERSONS[person].1, STREET_TYPES[kind]
    ))
}

/// Fax spots in a street name, on any word's inner letters.
fn street_fax_spots(street: &str) -> Vec<(usize, usize)> {
    fax_spots(street)
}

/// Another birth date, 200 to 6 000 days away.
fn other_birth(b: NaiveDate, rng: &mut ChaCha8Rng) -> NaiveDate {
    let d = Days::new(rng.random_range(200..=6000));
    if rng.random_bool(0.5) {
        b.checked_sub_days(d).unwrap_or(b)
    } else {
        b.checked_add_days(d).unwrap_or(b)
    }
}

/// A house number `off` away from `n`, if it is a house number.
fn moved(n: &str, off: i64) -> Option<String> {
    let v: i64 = n.parse().ok()?;
    (v + off >= 1).then(|| (v + off).to_string())
}

/// Layout noise for look-alikes, so that damage is no cue.
fn disguise(q: &mut PersonQuery, rng: &mut ChaCha8Rng, drop_code: f64) {
    if rng.random_bool(drop_code) {
        q.postcode.clear();
    } else if rng.random_bool(0.06) {
        q.postcode = postcode_words(&q.postcode, rng);
    }
    if rng.random_bool(0.10) {
        q.given_names.push_str("     ");
        q.surname.push_str("   ");
    }
}

/// A look-alike lead of kind `kind` around reserved person `a` (the anchor), or `None`.
pub(super) fn look_alike(
    kind: &str,
    w: &World,
    a: usize,
    rng: &mut ChaCha8Rng,
) -> Option<PersonQuery> {
    let anchor = &w.persons[a];
    let mut drop_code = 0.12;
    let mut x = parts(w, a, rng);
    if let Some(b) = x.birth {
        x.birth = Some(other_birth(b, rng));
    }
    match kind {
        LA_HOUSEMATE => {
            let free: Vec<usize> = w.households[anchor.household]
                .iter()
                .copied()
                .filter(|&m| w.persons[m].reserved.is_none())
                .collect();
            let &m = free.choose(rng)?;
            x = parts(w, m, rng);
        }
        LA_NAMESAKE => {
            let town = w.town_of(a);
            let mut found = None;
            for _ in 0..20 {
                let h = rng.random_range(0..w.houses.len());
                let s = &w.streets[w.houses[h].street];
                if s.town != town {
                    found = Some(h);
                    break;
                }
            }
            let house = &w.houses[found?];
            let street = &w.streets[house.street];
            let (code, t) = w.pc.codes[street.code];
            x.street = street.name.clone();
            x.number = house.number.to_string();
            x.letter = house.letter.to_string();
            x.code = code.to_string();
            x.town = w.pc.towns[t].to_string();
            drop_code = 0.5;
        }
        LA_NEIGHBOUR => {
            let off = *[-3i64, -1, 1, 3].choose(rng)?;
            x.number = moved(&x.number, off)?;
            x.letter.clear();
            let mut given = None;
            for _ in 0..30 {
                let g = draw_given(rng, anchor.male);
                if !anchor.given.iter().any(|ag| given_match(g, ag)) {
                    given = Some(g);
                    break;
                }
            }
            x.given = vec![given?.to_string()];
        }
        LA_ONE_EDIT => {
            let mut options: Vec<(u8, &str)> = Vec::new();
            if let Some((_, b)) = GIVEN_ONE_EDIT.iter().find(|(f, _)| *f == anchor.given[0]) {
                options.push((0, b));
            }
            if let Some((_, b)) = SURNAME_ONE_EDIT.iter().find(|(f, _)| *f == anchor.surname) {
                options.push((1, b));
            }
            let &(field, name) = options.choose(rng)?;
            if field == 0 {
                x.given[0] = name.to_string();
            } else {
                x.surname = name.to_string();
            }
            let off = rng.random_range(2..=8i64) * if rng.random_bool(0.5) { 1 } else { -1 };
            x.number = moved(&x.number, off)?;
            x.letter.clear();
        }
        LA_COUSIN => {
            let spots: Vec<usize> = (0..anchor.given.len())
                .filter(|&i| family_of(anchor.given[i]).is_some())
                .collect();
            let &i = spots.choose(rng)?;
            let fam = FAMILIES[family_of(anchor.given[i])?];
            let others: Vec<&str> = fam
                .iter()
                .copied()
                .filter(|m| m.to_lowercase() != anchor.given[i].to_lowercase())
                .collect();
            x.given = vec![others.choose(rng)?.to_string()];
            let off = rng.random_range(1..=6i64) * if rng.random_bool(0.5) { 1 } else { -1 };
            x.number = moved(&x.number, off)?;
            x.letter.clear();
            if x.birth.is_some() {
                let years = rng.random_range(3..=20u32);
                let d = Days::new(u64::from(years) * 365 + rng.random_range(0..200));
                x.birth = if rng.random_bool(0.5) {
                    anchor.birth.checked_sub_days(d)
                } else {
                    anchor.birth.checked_add_days(d)
                };
            }
        }
        LA_LIKE_STREET => {
            let town = w.town_of(a);
            let mut code = None;
            for _ in 0..20 {
                let c = rng.random_range(0..w.pc.codes.len());
                if w.pc.codes[c].1 != town {
                    code = Some(c);
                    break;
                }
            }
            let (c, t) = w.pc.codes[code?];
            let form = w.street_of(a).form;
            x.street = like_named(form, rng)?;
            x.code = c.to_string();
            x.town = w.pc.towns[t].to_string();
        }
        _ => return None,
    }
    let mut q = assemble(&x);
    disguise(&mut q, rng, drop_code);
    Some(q)
}

/// A street named like `form` but not the same: another person of the surname, another
/// prefix, or a prefix or another ending for a glued name.
fn like_named(form: Form, rng: &mut ChaCha8Rng) -> Option<String> {
    match form {
        Form::Person {
            person, genitive, ..
        } => {
            let given = STREET_OTHER_GIVEN.choose(rng)?;
            let s = if genitive { "s" } else { "" };
            let kind = STREET_TYPES.choose(rng)?;
            Some(format!("{given} {}{s} {kind}", STREET_PERSONS[person].1))
        }
        Form::Prefixed {
            prefix,
            stem,
            ending,
        } => {
            let mut other = rng.random_range(0..PREFIXES.len() - 1);
            if other >= prefix {
                other += 1;
            }
            Some(street_name(Form::Prefixed {
                prefix: other,
                stem,
                ending,
            }))
        }
        Form::Glued { stem, ending } => {
            if rng.random_bool(0.5) {
                Some(street_name(Form::Prefixed {
                    prefix: rng.random_range(0..PREFIXES.len()),
                    stem,
                    ending,
                }))
            } else {
                let mut other = rng.random_range(0..ENDINGS.len() - 1);
                if other >= ending {
                    other += 1;
                }
                Some(street_name(Form::Glued {
                    stem,
                    ending: other,
                }))
            }
        }
    }
}
