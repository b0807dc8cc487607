//! Lead layout, corruptions and look-alikes of the twenty-fourth set.

use chrono::{Days, NaiveDate};
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::judge::{age_at_reference, given_words_clash};
use super::names::{PREFIXES, STREET_PERSONS, TITLES, family_of, given_pool, near_of};
use super::world::{House, StreetName, World};
use crate::person::PersonQuery;

// Corruption kinds covering the list.
/// Wrong postcode, right town: a spreadsheet's fill handle counted the postcode up.
pub const FILL: &str = "postcode_spreadsheet_fill_series_incremented";
/// Postcode misread: a mainframe's zoned-decimal overpunch on the last digit.
pub const OVERPUNCH: &str = "postcode_cobol_zoned_overpunch_last_digit";
/// No postcode, a town: a mail-merge field left unfilled.
pub const MERGE: &str = "postcode_unfilled_mail_merge_field";
/// Flat number in the street field: fixed fields trimmed and joined without a separator.
pub const BOLIG_GLUE: &str = "bolignummer_glued_by_fixed_field_concat";
/// Initials/abbreviation: the church or office title of a titled street abbreviated.
pub const TITLE_ABBR: &str = "church_title_abbreviated_in_street";
/// Abbreviated prefix or initials: a bulk-mail label's line width.
pub const LABEL: &str = "street_clipped_to_mail_label_width";
/// Spelling variants: a data broker's merge kept another record's spelling.
pub const BROKER: &str = "given_name_spelling_from_broker_merge";
/// OCR-like: text copied out of a PDF with its ligature glyphs.
pub const LIGATURE: &str = "pdf_copy_ligature_codepoints";
/// Lossy transliteration in two fields: Mac Roman bytes read as Windows-1252.
pub const MAC_ROMAN: &str = "mac_roman_read_as_windows_1252_two_fields";
/// Whitespace: a multi-line web-form text area's line breaks.
pub const TEXTAREA: &str = "textarea_line_breaks_in_street_field";
/// Two corruptions: a mainframe export's overpunched postcode and glued bolignummer.
pub const MAINFRAME: &str = "mainframe_export_overpunch_and_glued_flat";
/// Two corruptions: a mail-label file's unfilled postcode field and width clipping.
pub const LABEL_MERGE: &str = "mail_label_unfilled_postcode_and_width_clip";
// Own kinds.
/// A US keyboard layout on Norwegian keys: æ/ø/å as `'` `;` `[`.
pub const US_LAYOUT: &str = "us_layout_on_norwegian_keys";
/// A people-search site's age after the surname.
pub const AGE: &str = "directory_site_age_after_surname";
/// A lead e-mailed by a web form, quoted-printable left in.
pub const QP: &str = "quoted_printable_from_form_email";
/// A US-built CRM: `#` before the number and an `Apt` line.
pub const US_CRM: &str = "us_crm_hash_number_and_apt_label";
/// The control.
pub const UNCHANGED: &str = "unchanged";

// Look-alikes.
/// A real, unreserved member of the anchor's household, damaged like a corrupted lead.
pub const LA_HOUSEMATE: &str = "unreserved_housemate_with_lead_damage";
/// The anchor's first name and surname, another generation at the same house (kårbolig).
pub const LA_GENERATION: &str = "same_first_name_other_generation_same_house";
/// The other sex's near name (Martin/Martine) at the anchor's house: a partner.
pub const LA_NEAR_SEX: &str = "opposite_sex_near_name_partner_same_house";
/// The anchor's given name in another spelling two doors away.
pub const LA_VARIANT: &str = "variant_spelled_namesake_two_doors_away";
/// The anchor's full name at the same street name and number in another town.
pub const LA_OTHER_TOWN: &str = "namesake_same_street_name_other_town";
/// The anchor's first name with another middle name, on the same street (a cousin).
pub const LA_COUSIN: &str = "cousin_other_middle_name_same_street";

/// Corruption kinds and their shares in per mille.
pub const CORRUPTED: &[(&str, u32)] = &[
    (FILL, 60),
    (OVERPUNCH, 60),
    (MERGE, 60),
    (BOLIG_GLUE, 60),
    (TITLE_ABBR, 60),
    (LABEL, 60),
    (BROKER, 60),
    (LIGATURE, 60),
    (MAC_ROMAN, 60),
    (TEXTAREA, 60),
    (MAINFRAME, 45),
    (LABEL_MERGE, 45),
    (US_LAYOUT, 62),
    (AGE, 62),
    (QP, 62),
    (US_CRM, 62),
    (UNCHANGED, 62),
];

/// Look-alike kinds and their shares in per mille.
pub const LOOK_ALIKES: &[(&str, u32)] = &[
    (LA_HOUSEMATE, 200),
    (LA_GENERATION, 160),
    (LA_NEAR_SEX, 160),
    (LA_VARIANT, 160),
    (LA_OTHER_TOWN, 160),
    (LA_COUSIN, 160),
];

/// The order the corruption kinds pick persons in: the kinds few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    TITLE_ABBR,
    LABEL_MERGE,
    LABEL,
    MAC_ROMAN,
    BROKER,
    LIGATURE,
    US_LAYOUT,
    QP,
    FILL,
    OVERPUNCH,
    MERGE,
    BOLIG_GLUE,
    TEXTAREA,
    MAINFRAME,
    AGE,
    US_CRM,
    UNCHANGED,
];

/// Counts per kind for `n` leads: per-mille shares split by largest remainder (ties to the
/// earlier kind).
pub fn counts(n: usize, shares: &[(&str, u32)]) -> Vec<usize> {
    let total: u64 = shares.iter().map(|s| u64::from(s.1)).sum();
    let mut c: Vec<usize> = shares
        .iter()
        .map(|s| (n as u64 * u64::from(s.1) / total) as usize)
        .collect();
    let mut rest: Vec<(u64, usize)> = shares
        .iter()
        .enumerate()
        .map(|(i, s)| (n as u64 * u64::from(s.1) % total, i))
        .collect();
    rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let left = n - c.iter().sum::<usize>();
    for &(_, i) in rest.iter().take(left) {
        c[i] += 1;
    }
    c
}

/// The person a lead is written from (a world person or an invented look-alike).
#[derive(Debug, Clone)]
pub struct Subject {
    pub given: Vec<&'static str>,
    pub surname: &'static str,
    pub birth: NaiveDate,
    pub house: House,
    /// The street to write (normally the house's).
    pub street: usize,
}

impl Subject {
    fn of(world: &World, p: usize) -> Subject {
        let person = &world.persons[p];
        Subject {
            given: person.given.clone(),
            surname: person.surname,
            birth: person.birth,
            house: person.house,
            street: person.house.street,
        }
    }
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn house_text(number: u16, letter: Option<char>, rng: &mut ChaCha8Rng) -> String {
    match letter {
        None => number.to_string(),
        Some(l) => match rng.random_range(0..10) {
            0..=4 => format!("{number} {l}"),
            5..=8 => format!("{number}{l}"),
            _ => format!("{number}{}", l.to_ascii_lowercase()),
        },
    }
}

/// The layout of a lead before damage.
fn layout(rng: &mut ChaCha8Rng, world: &World, s: &Subject, birth_share: f64) -> PersonQuery {
    let street = &world.streets[s.street];
    let mut given = s.given.join(" ");
    let mut surname = s.surname.to_string();
    match rng.random_range(0..100) {
        0..=79 => {}
        80..=91 => {
            given = given.to_uppercase();
            surname = surname.to_uppercase();
        }
        _ => {
            given = given.to_lowercase();
            surname = surname.to_lowercase();
        }
    }
    let town = &world.towns[street.town];
    let city = match rng.random_range(0..10) {
        0..=4 => town.clone(),
        5..=8 => title_case(town),
        _ => town.to_lowercase(),
    };
    let (st, number, letter) = if rng.random_bool(0.4) {
        (
            format!(
                "{} {}",
                street.name,
                house_text(s.house.number, s.house.letter, rng)
            ),
            String::new(),
            String::new(),
        )
    } else {
        (
            street.name.clone(),
            s.house.number.to_string(),
            s.house.letter.map(String::from).unwrap_or_default(),
        )
    };
    PersonQuery {
        given_names: given,
        surname,
        street: st,
        house_number: number,
        house_letter: letter,
        postcode: street.postcode.clone(),
        city,
        birth_date: rng.random_bool(birth_share).then_some(s.birth),
        national_id: None,
    }
}

// --- Damages -------------------------------------------------------------------------------

fn fill_series(rng: &mut ChaCha8Rng, q: &mut PersonQuery) -> bool {
    let Ok(p) = q.postcode.parse::<u32>() else {
        return false;
    };
    let k = rng.random_range(1..=4);
    let n = if p + k > 9999 { p - k } else { p + k };
    q.postcode = format!("{n:04}");
    true
}

fn overpunch(rng: &mut ChaCha8Rng, q: &mut PersonQuery) -> bool {
    let c: Vec<char> = q.postcode.chars().collect();
    if c.len() != 4 || !c.iter().all(char::is_ascii_digit) {
        return false;
    }
    let d = c[3] as u8 - b'0';
    let punched = if rng.random_bool(0.7) {
        if d == 0 {
            '{'
        } else {
            char::from(b'A' + d - 1)
        }
    } else if d == 0 {
        '}'
    } else {
        char::from(b'J' + d - 1)
    };
    q.postcode = format!("{}{}{}{punched}", c[0], c[1], c[2]);
    true
}

const MERGE_FIELDS: &[&str] = &[
    "«Postnr»",
    "«Postnummer»",
    "<<POSTNR>>",
    "{ MERGEFIELD Postnr }",
    "[Postnummer]",
    "%%POSTNR%%",
    "${postnr}",
];

fn merge_field(rng: &mut ChaCha8Rng, q: &mut PersonQuery) -> bool {
    q.postcode = (*MERGE_FIELDS.choose(rng).expect("fields")).to_string();
    true
}

fn bolig(rng: &mut ChaCha8Rng) -> String {
    let floor = rng.random_range(1..=6);
    let flat = rng.random_range(1..=8);
    let (l, floor) = match rng.random_range(0..10) {
        0 => ('K', 1),
        1 => ('U', 1),
        _ => ('H', floor),
    };
    format!("{l}{floor:02}{flat:02}")
}

fn glued_bolig(rng: &mut ChaCha8Rng, world: &World, s: &Subject, q: &mut PersonQuery) -> bool {
    let street = &world.streets[s.street].name;
    let mut b = bolig(rng);
    let letter = s.house.letter.map(String::from).unwrap_or_default();
    if rng.random_bool(0.2) {
        b = b.to_lowercase();
    }
    q.street = format!("{street} {}{letter}{b}", s.house.number);
    q.house_number.clear();
    q.house_letter.clear();
    true
}

fn title_abbr(rng: &mut ChaCha8Rng, world: &World, s: &Subject, q: &mut PersonQuery) -> bool {
    let StreetName::Titled { title, .. } = world.streets[s.street].kind else {
        return false;
    };
    let (full, abbrs) = TITLES[title];
    let mut a = (*abbrs.choose(rng).expect("abbr")).to_string();
    if rng.random_bool(0.25) {
        a = a.trim_end_matches('.').to_string();
    }
    if !q.street.starts_with(full) {
        return false;
    }
    q.street = format!("{a}{}", &q.street[full.len()..]);
    true
}

const LABEL_WIDTH: usize = 22;

fn label_clip(rng: &mut ChaCha8Rng, world: &World, s: &Subject, q: &mut PersonQuery) -> bool {
    let street = &world.streets[s.street];
    let house = house_text(s.house.number, s.house.letter, rng);
    let full = format!("{} {house}", street.name);
    if full.chars().count() <= LABEL_WIDTH {
        return false;
    }
    let clipped = match street.kind {
        StreetName::Compound {
            prefix: Some(p), ..
        } => {
            let short: String = PREFIXES[p].chars().take(3).collect();
            format!("{short}{}", &street.name[PREFIXES[p].len()..])
        }
        StreetName::Person { person, .. } => {
            let given = STREET_PERSONS[person].0;
            let initials: Vec<String> = given
                .split(' ')
                .map(|g| g.chars().next().expect("name").to_string())
                .collect();
            format!("{}{}", initials.join(" "), &street.name[given.len()..])
        }
        _ => return false,
    };
    let mut line = format!("{clipped} {house}");
    if rng.random_bool(0.5) {
        line = line.to_uppercase();
    }
    q.street = line;
    q.house_number.clear();
    q.house_letter.clear();
    true
}

fn broker_spelling(rng: &mut ChaCha8Rng, s: &Subject, q: &mut PersonQuery) -> bool {
    let first = s.given[0];
    let Some(fam) = family_of(first) else {
        return false;
    };
    let others: Vec<&str> = fam.iter().copied().filter(|n| *n != first).collect();
    let other = *others.choose(rng).expect("a family has two");
    let mut given = vec![other];
    if s.given.len() > 1 && !rng.random_bool(0.4) {
        given.extend(&s.given[1..]);
    }
    let g = given.join(" ");
    q.given_names = if q.given_names == q.given_names.to_uppercase() {
        g.to_uppercase()
    } else if q.given_names == q.given_names.to_lowercase() {
        g.to_lowercase()
    } else {
        g
    };
    true
}

fn ligate(s: &str, st: bool) -> String {
    let mut out = s
        .replace("ffi", "ﬃ")
        .replace("ffl", "ﬄ")
        .replace("ff", "ﬀ")
        .replace("fi", "ﬁ")
        .replace("fl", "ﬂ");
    if st {
        out = out.replace("st", "ﬆ");
    }
    out
}

fn ligatures(rng: &mut ChaCha8Rng, q: &mut PersonQuery) -> bool {
    let st = rng.random_bool(0.5);
    let before = (q.given_names.clone(), q.surname.clone(), q.street.clone());
    q.given_names = ligate(&q.given_names, st);
    q.surname = ligate(&q.surname, st);
    q.street = ligate(&q.street, st);
    before != (q.given_names.clone(), q.surname.clone(), q.street.clone())
}

fn mac_roman_char(c: char) -> char {
    match c {
        'æ' => '¾',
        'ø' => '¿',
        'å' => 'Œ',
        'Æ' => '®',
        'Ø' => '¯',
        'Å' => '\u{81}',
        'é' => 'Ž',
        c => c,
    }
}

fn us_layout_char(c: char) -> char {
    match c {
        'æ' => '\'',
        'ø' => ';',
        'å' => '[',
        'Æ' => '"',
        'Ø' => ':',
        'Å' => '{',
        c => c,
    }
}

fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

/// Maps `n` of the text fields (given names, surname, street, town) that have æ/ø/å.
fn map_fields(rng: &mut ChaCha8Rng, q: &mut PersonQuery, n: usize, f: fn(char) -> char) -> bool {
    let mut fields: Vec<&mut String> = vec![
        &mut q.given_names,
        &mut q.surname,
        &mut q.street,
        &mut q.city,
    ];
    let mut with: Vec<usize> = (0..fields.len())
        .filter(|&i| has_aeoeaa(fields[i]))
        .collect();
    if with.len() < n {
        return false;
    }
    // Shuffle by drawing.
    let mut chosen = Vec::new();
    for _ in 0..n {
        let k = rng.random_range(0..with.len());
        chosen.push(with.remove(k));
    }
    for i in chosen {
        *fields[i] = fields[i].chars().map(f).collect();
    }
    true
}

fn qp_encode(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("={b:02X}"));
            }
        }
    }
    out
}

fn quoted_printable(q: &mut PersonQuery) -> bool {
    let any = [&q.given_names, &q.surname, &q.street, &q.city]
        .iter()
        .any(|s| !s.is_ascii());
    q.given_names = qp_encode(&q.given_names);
    q.surname = qp_encode(&q.surname);
    q.street = qp_encode(&q.street);
    q.city = qp_encode(&q.city);
    any
}

fn textarea(rng: &mut ChaCha8Rng, world: &World, s: &Subject, q: &mut PersonQuery) -> bool {
    let street = &world.streets[s.street].name;
    let br = if rng.random_bool(0.5) { "\n" } else { "\r\n" };
    let mut line = format!("{street}{br}{}", s.house.number);
    if let Some(l) = s.house.letter {
        if rng.random_bool(0.5) {
            line.push_str(br);
        } else {
            line.push(' ');
        }
        line.push(l);
    }
    if rng.random_bool(0.3) {
        line.push_str(br);
    }
    q.street = line;
    q.house_number.clear();
    q.house_letter.clear();
    true
}

fn age_suffix(rng: &mut ChaCha8Rng, s: &Subject, q: &mut PersonQuery) -> bool {
    let age = age_at_reference(s.birth);
    if age < 16 {
        return false;
    }
    q.surname = match rng.random_range(0..4) {
        0 | 1 => format!("{}, {age} år", q.surname),
        2 => format!("{} ({age})", q.surname),
        _ => format!("{} {age} år", q.surname),
    };
    true
}

fn us_crm(rng: &mut ChaCha8Rng, world: &World, s: &Subject, q: &mut PersonQuery) -> bool {
    let street = &world.streets[s.street].name;
    let letter = s.house.letter.map(String::from).unwrap_or_default();
    let house = if letter.is_empty() || rng.random_bool(0.6) {
        format!("#{}{letter}", s.house.number)
    } else {
        format!("#{} {letter}", s.house.number)
    };
    let mut line = format!("{street} {house}");
    if rng.random_bool(0.5) {
        let label = *["Apt", "Apt.", "Unit"].choose(rng).expect("labels");
        line.push_str(&format!(", {label} {}", bolig(rng)));
    }
    q.street = line;
    q.house_number.clear();
    q.house_letter.clear();
    true
}

fn upper_all(q: &mut PersonQuery) {
    for f in [
        &mut q.given_names,
        &mut q.surname,
        &mut q.street,
        &mut q.city,
    ] {
        *f = f.to_uppercase();
    }
}

/// A corrupted lead of kind `kind` for world person `p`, or `None` if the person does not allow
/// the kind.
pub fn corrupt(rng: &mut ChaCha8Rng, world: &World, kind: &str, p: usize) -> Option<PersonQuery> {
    let s = Subject::of(world, p);
    let mut q = layout(rng, world, &s, 0.3);
    let ok = match kind {
        FILL => fill_series(rng, &mut q),
        OVERPUNCH => overpunch(rng, &mut q),
        MERGE => merge_field(rng, &mut q),
        BOLIG_GLUE => glued_bolig(rng, world, &s, &mut q),
        TITLE_ABBR => title_abbr(rng, world, &s, &mut q),
        LABEL => label_clip(rng, world, &s, &mut q),
        BROKER => broker_spelling(rng, &s, &mut q),
        LIGATURE => ligatures(rng, &mut q),
        MAC_ROMAN => map_fields(rng, &mut q, 2, mac_roman_char),
        TEXTAREA => textarea(rng, world, &s, &mut q),
        MAINFRAME => {
            if rng.random_bool(0.6) {
                upper_all(&mut q);
            }
            let ok = overpunch(rng, &mut q) && glued_bolig(rng, world, &s, &mut q);
            if ok && q.city == q.city.to_uppercase() {
                q.street = q.street.to_uppercase();
            }
            ok
        }
        LABEL_MERGE => label_clip(rng, world, &s, &mut q) && merge_field(rng, &mut q),
        US_LAYOUT => {
            let n = if rng.random_bool(0.5) { 2 } else { 1 };
            map_fields(rng, &mut q, n, us_layout_char) || map_fields(rng, &mut q, 1, us_layout_char)
        }
        AGE => age_suffix(rng, &s, &mut q),
        QP => quoted_printable(&mut q),
        US_CRM => us_crm(rng, world, &s, &mut q),
        UNCHANGED => true,
        _ => false,
    };
    ok.then_some(q)
}

/// Damage that makes look-alikes look like corrupted leads (in 40 %).
fn noise(rng: &mut ChaCha8Rng, world: &World, s: &Subject, q: &mut PersonQuery) {
    if !rng.random_bool(0.4) {
        return;
    }
    match rng.random_range(0..10) {
        0 => {
            fill_series(rng, q);
        }
        1 => {
            overpunch(rng, q);
        }
        2 => {
            merge_field(rng, q);
        }
        3 => {
            glued_bolig(rng, world, s, q);
        }
        4 => {
            map_fields(rng, q, 2, mac_roman_char);
        }
        5 => {
            map_fields(rng, q, 1, us_layout_char);
        }
        6 => {
            age_suffix(rng, s, q);
        }
        7 => {
            quoted_printable(q);
        }
        8 => {
            textarea(rng, world, s, q);
        }
        _ => {
            us_crm(rng, world, s, q);
        }
    }
}

fn shift_years(rng: &mut ChaCha8Rng, d: NaiveDate, min: u64, max: u64) -> NaiveDate {
    let days = rng.random_range(min * 365..=max * 365 + 200);
    let later = rng.random_bool(0.5);
    let moved = if later {
        d.checked_add_days(Days::new(days))
    } else {
        d.checked_sub_days(Days::new(days))
    }
    .unwrap_or(d);
    let lo = NaiveDate::from_ymd_opt(1925, 1, 1).expect("valid");
    let hi = NaiveDate::from_ymd_opt(2008, 12, 31).expect("valid");
    if moved < lo || moved > hi || moved == d {
        // Go the other way.
        if later {
            d.checked_sub_days(Days::new(days)).unwrap_or(d)
        } else {
            d.checked_add_days(Days::new(days)).unwrap_or(d)
        }
    } else {
        moved
    }
}

fn other_given(rng: &mut ChaCha8Rng, male: bool, avoid: &[&str]) -> Option<&'static str> {
    let pool = given_pool(male);
    for _ in 0..40 {
        let g = *pool.choose(rng).expect("names");
        if avoid.iter().all(|a| !given_words_clash(a, g)) {
            return Some(g);
        }
    }
    None
}

/// A look-alike of kind `kind` around reserved world person `anchor`, or `None`.
pub fn look_alike(
    rng: &mut ChaCha8Rng,
    world: &World,
    kind: &str,
    anchor: usize,
) -> Option<PersonQuery> {
    let a = &world.persons[anchor];
    let base = Subject::of(world, anchor);
    let (s, birth_share) = match kind {
        LA_HOUSEMATE => {
            let members: Vec<usize> = world.households[a.household]
                .iter()
                .copied()
                .filter(|&m| !world.reserved[m])
                .collect();
            let &m = members.choose(rng)?;
            (Subject::of(world, m), 0.4)
        }
        LA_GENERATION => {
            let second = other_given(rng, a.male, &a.given)?;
            let birth = shift_years(rng, a.birth, 24, 36);
            if birth == a.birth {
                return None;
            }
            (
                Subject {
                    given: vec![a.given[0], second],
                    birth,
                    ..base
                },
                1.0,
            )
        }
        LA_NEAR_SEX => {
            let other = near_of(a.given[0])?;
            let birth = shift_years(rng, a.birth, 0, 4);
            (
                Subject {
                    given: vec![other],
                    birth,
                    ..base
                },
                0.5,
            )
        }
        LA_VARIANT => {
            let fam = family_of(a.given[0])?;
            let other = *fam
                .iter()
                .filter(|n| **n != a.given[0])
                .collect::<Vec<_>>()
                .choose(rng)?;
            let number = if rng.random_bool(0.5) {
                a.house.number + 2
            } else {
                a.house.number.checked_sub(2).filter(|&n| n >= 1)?
            };
            let mut given = a.given.clone();
            given[0] = other;
            (
                Subject {
                    given,
                    birth: shift_years(rng, a.birth, 1, 30),
                    house: House {
                        number,
                        letter: None,
                        ..a.house
                    },
                    ..base
                },
                0.5,
            )
        }
        LA_OTHER_TOWN => {
            let street = world.same_name_elsewhere(rng, a.house.street)?;
            (
                Subject {
                    birth: shift_years(rng, a.birth, 1, 30),
                    house: House { street, ..a.house },
                    street,
                    ..base
                },
                0.4,
            )
        }
        LA_COUSIN => {
            let second = other_given(rng, a.male, &a.given)?;
            let step = rng.random_range(1..=6u16);
            let number = if rng.random_bool(0.5) {
                a.house.number + step
            } else {
                a.house.number.checked_sub(step).filter(|&n| n >= 1)?
            };
            (
                Subject {
                    given: vec![a.given[0], second],
                    birth: shift_years(rng, a.birth, 1, 15),
                    house: House {
                        number,
                        letter: None,
                        ..a.house
                    },
                    ..base
                },
                0.5,
            )
        }
        _ => return None,
    };
    let mut q = layout(rng, world, &s, birth_share);
    noise(rng, world, &s, &mut q);
    if kind == LA_OTHER_TOWN && rng.random_bool(0.3) {
        merge_field(rng, &mut q);
    }
    Some(q)
}
