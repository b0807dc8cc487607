//! The thirty-eighth set's leads, from a dental practice's patient recall list (*innkalling*)
//! and the software, staff and paper around it: the layout of a lead before damage, the
//! corruption kinds (two adjacent postcode digits transposed by the dental assistant into
//! another code of the same town, a postcode from a typewritten index card with `l` for `1`
//! and `O` for `0`, the recall interval in the postcode column of the recall export with the
//! town kept, the bolignummer after a `leil.` label from the recall letter's second address
//! line, street prefixes cut by the journal's abbreviation table (`Ne.`, `Øv.`, `N.`), a
//! patron's street with its given names initialled together on the recall envelope
//! (`J.P. Brochs vei`), a given name in another spelling by the typist transcribing the
//! dentist's dictation, text recognition of a carbon copy of the health declaration (`rn`/`m`,
//! `l`/`1`, `t`/`f`), `æ ø` as Swedish `ä ö` from the X-ray imaging software, a tab from the
//! journal screen's field jump and no-break spaces, three pairs of these, an appointment note
//! after the surname and a parent's care-of before the street on a child's recall letter) and
//! the look-alike kinds (an unreserved member of the anchor's household on the same family
//! recall, a child whose recall letter goes care of the reserved parent, a namesake at the
//! anchor's street and number in the town of a transposed postcode, a near surname one letter
//! off next door, a namesake at the anchor's street name and number in another town with the
//! recall interval for a postcode, a namesake at the anchor's number on the street of the same
//! stem with another prefix written short), with their shares.

use chrono::{Datelike, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore};

use super::judge::{self, fold, ocr_canon, retyped};
use super::names;
use super::world::{Shape, World, given_clash};
use crate::person::PersonQuery;

/// Issue: wrong postcode, right town.
pub const TRANSPOSED: &str =
    "postcode_adjacent_digits_transposed_by_dental_assistant_into_other_code_of_same_town";
/// Issue: postcode misread.
pub const TYPEWRITER: &str =
    "postcode_from_typewritten_patient_index_card_lowercase_l_for_one_capital_o_for_zero";
/// Issue: no postcode, a town.
pub const INTERVAL: &str = "postcode_column_holds_recall_interval_in_months_town_kept";
/// Issue: a flat number in the street field.
pub const LEIL: &str = "bolignummer_after_leil_label_from_recall_letter_second_address_line";
/// Issue: abbreviated prefixes.
pub const JOURNAL_PREFIX: &str =
    "street_prefix_cut_by_dental_journal_abbreviation_table_to_two_letters_or_initial";
/// Issue: initials of person-named streets.
pub const ENVELOPE_INITIALS: &str =
    "patron_street_given_names_initialled_together_like_j_p_on_recall_envelope";
/// Issue: spelling variants of one given name.
pub const DICTATION: &str = "given_name_other_spelling_by_typist_transcribing_dentists_dictation";
/// Issue: OCR-like confusions.
pub const CARBON_OCR: &str = "carbon_copy_health_declaration_text_recognition_rn_m_l_1_t_f";
/// Issue: lossy transliteration in two fields.
pub const SWEDISH_XRAY: &str =
    "aeoe_written_as_swedish_umlauts_by_xray_imaging_software_two_fields";
/// Issue: whitespace.
pub const JOURNAL_TAB: &str = "tab_from_journal_screen_field_jump_and_nbsp_before_house_letter";
/// Issue: two corruptions.
pub const PAIR_DICTATION_TRANSPOSED: &str = "dictation_spelling_and_transposed_postcode_digits";
/// Issue: two corruptions.
pub const PAIR_PREFIX_LEIL: &str = "journal_short_prefix_and_leil_bolignummer_on_recall_letter";
/// Issue: two corruptions.
pub const PAIR_OCR_INTERVAL: &str =
    "health_declaration_name_recognition_and_recall_interval_for_postcode";
/// Own: an appointment note after the surname.
pub const NOTE: &str = "appointment_note_after_surname_like_ring_forst_or_kun_formiddag";
/// Own: a parent's care-of before the street on a child's recall letter.
pub const CARE_OF: &str = "care_of_parent_v_slash_before_street_on_childs_recall_letter";
/// The control.
pub const UNCHANGED: &str = "unchanged";

/// Look-alike: a real unreserved member of the anchor's household (the family's recall goes
/// out together), through the same damages.
pub const LA_HOUSEHOLD: &str =
    "unreserved_household_member_on_same_family_recall_through_practice_damages";
/// Look-alike: a child of the anchor, not in the register, whose recall letter goes care of
/// the reserved parent (`v/ <anchor>, <anchor's street>`).
pub const LA_CARE_OF_CHILD: &str = "child_recall_letter_care_of_reserved_parent_in_street_field";
/// Look-alike: the anchor's names at the anchor's street name, number and letter in the town
/// of the anchor's postcode with two adjacent digits transposed.
pub const LA_TRANSPOSED_TOWN: &str =
    "namesake_at_anchors_street_and_number_in_town_of_digit_transposed_postcode";
/// Look-alike: the anchor's given names and a surname one letter off (`Sæter` for `Sæther`)
/// one or two house numbers away on the anchor's street.
pub const LA_NEAR_SURNAME: &str = "near_surname_one_letter_off_same_given_names_house_or_two_away";
/// Look-alike: the anchor's names at the anchor's street name, number and letter in another
/// town that has a street of that name, the recall interval in the postcode column.
pub const LA_INTERVAL_ELSEWHERE: &str =
    "namesake_same_street_name_and_number_other_town_recall_interval_for_postcode";
/// Look-alike: the anchor's names at the anchor's number on the street of the same stem and
/// ending with another prefix, the prefix in the journal's two-letter form.
pub const LA_PREFIX_TWIN: &str =
    "namesake_same_number_on_other_prefix_twin_street_prefix_in_two_letter_form";

/// Corruption kinds and shares (per mille).
pub const CORRUPTED: &[(&str, usize)] = &[
    (TRANSPOSED, 65),
    (TYPEWRITER, 65),
    (INTERVAL, 65),
    (LEIL, 65),
    (JOURNAL_PREFIX, 65),
    (ENVELOPE_INITIALS, 65),
    (DICTATION, 65),
    (CARBON_OCR, 65),
    (SWEDISH_XRAY, 65),
    (JOURNAL_TAB, 65),
    (PAIR_DICTATION_TRANSPOSED, 70),
    (PAIR_PREFIX_LEIL, 70),
    (PAIR_OCR_INTERVAL, 70),
    (NOTE, 50),
    (CARE_OF, 40),
    (UNCHANGED, 50),
];

/// Look-alike kinds and shares (per mille).
pub const LOOK_ALIKES: &[(&str, usize)] = &[
    (LA_HOUSEHOLD, 170),
    (LA_CARE_OF_CHILD, 170),
    (LA_TRANSPOSED_TOWN, 165),
    (LA_NEAR_SURNAME, 165),
    (LA_INTERVAL_ELSEWHERE, 165),
    (LA_PREFIX_TWIN, 165),
];

/// The order in which corruption kinds pick persons: the kinds few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    ENVELOPE_INITIALS,
    PAIR_PREFIX_LEIL,
    JOURNAL_PREFIX,
    SWEDISH_XRAY,
    PAIR_DICTATION_TRANSPOSED,
    DICTATION,
    TRANSPOSED,
    CARE_OF,
    TYPEWRITER,
    PAIR_OCR_INTERVAL,
    CARBON_OCR,
    INTERVAL,
    LEIL,
    JOURNAL_TAB,
    NOTE,
    UNCHANGED,
];

/// Counts per kind for `total` leads by per-mille shares, by largest remainder.
pub fn counts(total: usize, shares: &[(&str, usize)]) -> Vec<usize> {
    let sum: usize = shares.iter().map(|s| s.1).sum::<usize>().max(1);
    let mut out: Vec<usize> = shares.iter().map(|s| total * s.1 / sum).collect();
    let mut rest: Vec<(usize, usize)> = shares
        .iter()
        .enumerate()
        .map(|(i, s)| (total * s.1 % sum, i))
        .collect();
    rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let short = total - out.iter().sum::<usize>();
    for &(_, i) in rest.iter().take(short) {
        out[i] += 1;
    }
    out
}

/// Whom a lead shows: names, birth date and house.
#[derive(Debug, Clone)]
pub struct Subject {
    given: Vec<&'static str>,
    surname: String,
    birth: NaiveDate,
    shape: Shape,
    number: u32,
    letter: Option<char>,
    code: usize,
}

fn subject(world: &World, p: usize) -> Subject {
    let person = &world.persons[p];
    let h = &world.households[person.household];
    let street = &world.streets[h.street];
    Subject {
        given: person.given.clone(),
        surname: person.surname.to_string(),
        birth: person.birth,
        shape: street.shape,
        number: h.number,
        letter: h.letter,
        code: street.code,
    }
}

/// A lead being written: its fields before they are put together.
#[derive(Debug, Clone)]
struct Draft {
    s: Subject,
    caps: bool,
    given: String,
    surname: String,
    street: String,
    in_street: bool,
    glued: bool,
    /// Separators between street and number and between number and letter.
    seps: Option<(String, String)>,
    /// Written right after the house in the street field (a bolignummer).
    after: String,
    /// Written before the street in the street field (a care-of part).
    before: String,
    postcode: String,
    town: String,
    birth: Option<NaiveDate>,
}

fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
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

/// The layout before damage: capitals in 10 %, the town as `NO.tsv` writes it (45 %) or in
/// title case, the house in the street field in half (a quarter of those glued, `12b`), the
/// birth date shown in 45 %.
fn lay_out(rng: &mut dyn RngCore, world: &World, s: Subject) -> Draft {
    let caps = rng.random_bool(0.10);
    let up = |t: String| if caps { t.to_uppercase() } else { t };
    let (code, town) = &world.codes[s.code];
    let town = &world.towns[*town];
    let in_street = rng.random_bool(0.5);
    Draft {
        caps,
        given: up(s.given.join(" ")),
        surname: up(s.surname.clone()),
        street: up(s.shape.name()),
        in_street,
        glued: in_street && rng.random_bool(0.25),
        seps: None,
        after: String::new(),
        before: String::new(),
        postcode: code.clone(),
        town: if caps || rng.random_bool(0.45) {
            town.clone()
        } else {
            title(town)
        },
        birth: rng.random_bool(0.45).then_some(s.birth),
        s,
    }
}

impl Draft {
    fn up(&self, t: String) -> String {
        if self.caps { t.to_uppercase() } else { t }
    }

    fn query(&self) -> PersonQuery {
        let letter = self.s.letter.map(|c| {
            if self.glued {
                c.to_ascii_lowercase()
            } else {
                c
            }
        });
        let number = self.s.number.to_string();
        let (mut street, mut house_number, mut house_letter) = (
            self.street.clone(),
            number.clone(),
            letter.map(String::from).unwrap_or_default(),
        );
        if self.in_street {
            let (a, b) = self
                .seps
                .clone()
                .unwrap_or_else(|| (" ".to_string(), " ".to_string()));
            let house = match letter {
                Some(l) if self.glued => format!("{number}{l}"),
                Some(l) => format!("{number}{b}{l}"),
                None => number.clone(),
            };
            street = format!("{street}{a}{house}{}", self.after);
            house_number.clear();
            house_letter.clear();
        }
        street = format!("{}{street}", self.before);
        PersonQuery {
            given_names: self.given.clone(),
            surname: self.surname.clone(),
            street,
            house_number,
            house_letter,
            postcode: self.postcode.clone(),
            city: self.town.clone(),
            birth_date: self.birth,
            national_id: None,
        }
    }
}

/// Whether a changed word is another real name of the lists (a damage must never make one;
/// a word whose key is unchanged, `Naess` for `Næss`, is the same name).
fn makes_real(out: &str, orig: &str, real: &[String]) -> bool {
    out.split(' ')
        .zip(orig.split(' '))
        .any(|(a, b)| fold(a) != fold(b) && real.contains(&fold(a)))
}

// --- damages -------------------------------------------------------------------------------

/// The codes of the town of `code` that are `code` with two adjacent digits swapped (the
/// dental assistant's slip), other than `code`.
pub fn transposed_same_town(world: &World, code: usize) -> Vec<usize> {
    let (own, town) = &world.codes[code];
    swaps(own)
        .into_iter()
        .filter_map(|c| world.code_index.get(&c).copied())
        .filter(|&c| c != code && world.codes[c].1 == *town)
        .collect()
}

/// The codes of other towns that are `code` with two adjacent digits swapped.
pub fn transposed_other_town(world: &World, code: usize) -> Vec<usize> {
    let (own, town) = &world.codes[code];
    swaps(own)
        .into_iter()
        .filter_map(|c| world.code_index.get(&c).copied())
        .filter(|&c| world.codes[c].1 != *town)
        .collect()
}

/// A four-digit code with each pair of adjacent, unequal digits swapped.
pub fn swaps(code: &str) -> Vec<String> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    for i in 1..c.len() {
        if c[i] != c[i - 1] {
            let mut d = c.clone();
            d.swap(i - 1, i);
            out.push(d.into_iter().collect());
        }
    }
    out
}

/// Two adjacent postcode digits transposed by the dental assistant into another code of the
/// same town (the town kept).
fn transpose(rng: &mut dyn RngCore, world: &World, d: &mut Draft) -> Option<()> {
    let codes = transposed_same_town(world, d.s.code);
    d.postcode = world.codes[*codes.choose(rng)?].0.clone();
    Some(())
}

/// The postcode as typed on the old patient index card, on a typewriter without a `1` key:
/// every `1` a lower-case `l`, and every `0` a capital `O` (the typist's habit, in 70 %). Only
/// where that changes the code.
fn typewriter(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let zeros = rng.random_bool(0.7);
    let out: String = d
        .postcode
        .chars()
        .map(|c| match c {
            '1' => 'l',
            '0' if zeros => 'O',
            c => c,
        })
        .collect();
    if out == d.postcode {
        return None;
    }
    d.postcode = out;
    Some(())
}

/// The recall interval in the postcode column of the recall export whose columns slipped
/// (`12 mnd`, `18 mnd.`, `6 mndr`, `24 md`); the town kept.
fn interval(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let months = *[6, 9, 12, 18, 24].choose(rng)?;
    let w = match rng.random_range(0..4) {
        0 => format!("{months} mnd"),
        1 => format!("{months} mnd."),
        2 => format!("{months} mndr"),
        _ => format!("{months}md"),
    };
    d.postcode = d.up(w);
    Some(())
}

/// The bolignummer after the house with a `leil.` label, as the recall letter joins its
/// second address line to the first (`, leil. H0304`, ` leil. nr. H0304`,
/// ` leilighet H0304`, ` / H0304`).
fn leil(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.seps = None;
    let (floor, door) = (rng.random_range(1..=9), rng.random_range(1..=6));
    let unit = format!("H{floor:02}{door:02}");
    let text = match rng.random_range(0..4) {
        0 => format!(", leil. {unit}"),
        1 => format!(" leil. nr. {unit}"),
        2 => format!(" leilighet {unit}"),
        _ => format!(" / {unit}"),
    };
    d.after = d.up(text);
    Some(())
}

/// The street prefix cut by the dental journal's abbreviation table: to two letters and a dot
/// (`Øv.`, `Ne.`, `Sø.`, `No.`, `St.`, `Li.`, `Ve.`, `Øs.`; 60 %), or to the initial and a dot
/// where the line is still too long (`Ø.`, `N.`, `S.`, `L.`, `V.`; 40 %).
fn journal_prefix(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let Shape::Compound {
        prefix: Some(p), ..
    } = d.s.shape
    else {
        return None;
    };
    let table = if rng.random_bool(0.6) {
        names::PREFIX_TWO
    } else {
        names::PREFIX_ONE
    };
    let short = table.get(p)?;
    let (_, rest) = d.street.split_once(' ')?;
    d.street = format!("{} {rest}", d.up(short.to_string()));
    Some(())
}

/// A patron's street with the given names initialled together to fit the recall envelope's
/// window (`J.P. Brochs vei`, `J. P. Brochs vei`, `E. Holms gate`).
fn envelope_initials(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let Shape::Person { who, .. } = d.s.shape else {
        return None;
    };
    let (given, _) = names::PATRONS.get(who)?;
    let n = given.split(' ').count();
    let words: Vec<String> = d.street.split(' ').map(str::to_string).collect();
    if words.len() != n + 2 {
        return None;
    }
    let initials: Vec<String> = words[..n]
        .iter()
        .filter_map(|w| w.chars().next())
        .map(|c| format!("{}.", c.to_uppercase()))
        .collect();
    let head = if rng.random_bool(0.5) {
        initials.concat()
    } else {
        initials.join(" ")
    };
    d.street = format!("{head} {}", words[n..].join(" "));
    Some(())
}

/// The first given name in another spelling of its family, as the typist writes it from the
/// dentist's dictation.
fn dictation(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let first = *d.s.given.first()?;
    let fam = names::family_of(first)?;
    let others: Vec<&str> = fam.iter().copied().filter(|n| *n != first).collect();
    let mut words = vec![*others.choose(rng)?];
    words.extend_from_slice(&d.s.given[1..]);
    d.given = d.up(words.join(" "));
    Some(())
}

/// One confusion at `at` (a byte index) of `s`, as text recognition reads a faint carbon copy
/// of the health declaration: inside a word (never its first letter) `rn`→`m`, `m`→`rn`,
/// `l`→`1`, `t`→`f`, `f`→`t`.
fn confuse_at(s: &str, at: usize) -> Option<String> {
    if at == 0 {
        return None;
    }
    let rest = &s[at..];
    let pairs: &[(&str, &str)] = &[
        ("rn", "m"),
        ("RN", "M"),
        ("m", "rn"),
        ("M", "RN"),
        ("l", "1"),
        ("L", "1"),
        ("t", "f"),
        ("T", "F"),
        ("f", "t"),
        ("F", "T"),
    ];
    let &(from, to) = pairs.iter().find(|(f, _)| rest.starts_with(f))?;
    let tail = &s[at + from.len()..];
    Some(format!("{}{to}{tail}", &s[..at]))
}

/// The word with one confusion that reads back to it, never a real name of the lists.
fn recognised(rng: &mut dyn RngCore, word: &str, real: &[String]) -> Option<String> {
    let spots: Vec<usize> = word
        .char_indices()
        .filter(|&(i, _)| confuse_at(word, i).is_some())
        .map(|(i, _)| i)
        .collect();
    let out = confuse_at(word, *spots.choose(rng)?)?;
    let ok = !real.contains(&fold(&out)) && ocr_canon(&fold(&out)) == ocr_canon(&fold(word));
    ok.then_some(out)
}

/// One confusion in a field of `fields` (0 the first given name, 1 the surname, 2 a street
/// word, 3 a town word), as text recognition reads the carbon copy of the health declaration.
fn carbon_ocr(
    rng: &mut dyn RngCore,
    d: &mut Draft,
    real: &[String],
    fields: &[usize],
) -> Option<()> {
    match *fields.choose(rng)? {
        0 => {
            let mut words: Vec<String> = d.given.split(' ').map(str::to_string).collect();
            words[0] = recognised(rng, &words[0], real)?;
            d.given = words.join(" ");
        }
        1 => d.surname = recognised(rng, &d.surname, real)?,
        2 => {
            let mut words: Vec<String> = d.street.split(' ').map(str::to_string).collect();
            let i = rng.random_range(0..words.len());
            words[i] = recognised(rng, &words[i], real)?;
            d.street = words.join(" ");
        }
        _ => {
            let mut words: Vec<String> = d.town.split(' ').map(str::to_string).collect();
            let i = rng.random_range(0..words.len());
            words[i] = recognised(rng, &words[i], real)?;
            d.town = words.join(" ");
        }
    }
    Some(())
}

/// The field (0 given, 1 surname, 2 street, 3 town) of a draft.
fn field_mut(d: &mut Draft, i: usize) -> &mut String {
    match i {
        0 => &mut d.given,
        1 => &mut d.surname,
        2 => &mut d.street,
        _ => &mut d.town,
    }
}

/// The lead as the Swedish-made X-ray imaging software writes it: `æ` as `ä`, `ø` as `ö`,
/// `å` kept, case kept; only for leads with `æ` or `ø` in at least `at_least` fields, never
/// making a real name.
fn swedish_xray(d: &mut Draft, at_least: usize, real: &[String]) -> Option<()> {
    let mut changed = 0;
    for i in 0..4 {
        let field = field_mut(d, i);
        let out = retyped(field, judge::SWEDISH);
        if out != *field {
            if makes_real(&out, field, real) {
                return None;
            }
            changed += 1;
        }
        *field = out;
    }
    (changed >= at_least).then_some(())
}

/// Street, number and letter as copied out of the journal screen: the field jump between
/// street and number is a tab (with a space before it in some), or two no-break spaces; the
/// letter follows a no-break space (alone or after a space) or a tab. At least one tab or
/// no-break space; with a letter, the letter's gap always has one.
fn journal_tab(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.glued = false;
    let a = match rng.random_range(0..4) {
        0 => "\t",
        1 => " \t",
        2 => "\u{a0}\u{a0}",
        _ => "  ",
    }
    .to_string();
    let b = if d.s.letter.is_some() {
        match rng.random_range(0..3) {
            0 => "\u{a0}",
            1 => " \u{a0}",
            _ => "\t",
        }
        .to_string()
    } else {
        " ".to_string()
    };
    if !a.contains(['\t', '\u{a0}']) && !b.contains(['\t', '\u{a0}']) {
        return None;
    }
    d.seps = Some((a, b));
    Some(())
}

/// An appointment note after the surname, as the dental journal keeps it in the surname field
/// (`Sørbø (ring først)`, `Sørbø / ikke SMS`, `Sørbø - tolk`, `Sørbø, kun formiddag`).
fn note(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let note = *names::NOTES.choose(rng)?;
    let tail = match rng.random_range(0..4) {
        0 => format!(" ({note})"),
        1 => format!(" / {note}"),
        2 => format!(" - {note}"),
        _ => format!(", {note}"),
    };
    d.surname = format!("{}{}", d.surname, d.up(tail));
    Some(())
}

/// The parents of a child of a family household (the children follow the man and the woman).
fn parents_of(world: &World, p: usize) -> Option<Vec<usize>> {
    let h = &world.households[world.persons[p].household];
    let at = h.members.iter().position(|&m| m == p)?;
    (at >= 2).then(|| h.members[..2].to_vec())
}

/// The care-of part of a recall letter to a child, sent in a parent's name
/// (`v/ Kari Sørbø, `, `v/Kari Sørbø, `, `c/o Kari Sørbø, `).
fn care_of_text(rng: &mut dyn RngCore, d: &Draft, given: &str, surname: &str) -> String {
    let text = match rng.random_range(0..3) {
        0 => format!("v/ {given} {surname}, "),
        1 => format!("v/{given} {surname}, "),
        _ => format!("c/o {given} {surname}, "),
    };
    d.up(text)
}

/// A parent's care-of before the street of a child's recall letter.
fn care_of(rng: &mut dyn RngCore, world: &World, d: &mut Draft, p: usize) -> Option<()> {
    let parents = parents_of(world, p)?;
    let parent = &world.persons[*parents.choose(rng)?];
    let given = *parent.given.first()?;
    d.before = care_of_text(rng, d, given, parent.surname);
    Some(())
}

/// The real names of the lists, as keys.
pub fn real_keys() -> Vec<String> {
    names::all_given()
        .into_iter()
        .chain(names::SURNAMES.iter().copied())
        .map(fold)
        .collect()
}

/// A corrupted lead of `kind` for reserved person `p`, or `None` if the kind does not apply.
pub fn corrupt(
    rng: &mut dyn RngCore,
    world: &World,
    kind: &str,
    p: usize,
    real: &[String],
) -> Option<PersonQuery> {
    let mut d = lay_out(rng, world, subject(world, p));
    match kind {
        TRANSPOSED => transpose(rng, world, &mut d)?,
        TYPEWRITER => typewriter(rng, &mut d)?,
        INTERVAL => interval(rng, &mut d)?,
        LEIL => leil(rng, &mut d)?,
        JOURNAL_PREFIX => journal_prefix(rng, &mut d)?,
        ENVELOPE_INITIALS => envelope_initials(rng, &mut d)?,
        DICTATION => dictation(rng, &mut d)?,
        CARBON_OCR => carbon_ocr(rng, &mut d, real, &[0, 1, 2, 3])?,
        SWEDISH_XRAY => swedish_xray(&mut d, 2, real)?,
        JOURNAL_TAB => journal_tab(rng, &mut d)?,
        PAIR_DICTATION_TRANSPOSED => {
            dictation(rng, &mut d)?;
            transpose(rng, world, &mut d)?;
        }
        PAIR_PREFIX_LEIL => {
            journal_prefix(rng, &mut d)?;
            leil(rng, &mut d)?;
        }
        PAIR_OCR_INTERVAL => {
            carbon_ocr(rng, &mut d, real, &[0, 1])?;
            interval(rng, &mut d)?;
        }
        NOTE => note(rng, &mut d)?,
        CARE_OF => care_of(rng, world, &mut d, p)?,
        _ => {}
    }
    Some(d.query())
}

/// One of this set's damages on a look-alike, so that damage is no cue (none if it does not
/// apply). `person` is the real person the look-alike is, if any (a child of theirs gets
/// the care-of).
fn some_damage(
    rng: &mut dyn RngCore,
    world: &World,
    d: &mut Draft,
    real: &[String],
    person: Option<usize>,
) {
    let _ = match rng.random_range(0..12) {
        0 => transpose(rng, world, d),
        1 => typewriter(rng, d),
        2 => interval(rng, d),
        3 => leil(rng, d),
        4 => journal_prefix(rng, d),
        5 => envelope_initials(rng, d),
        6 => dictation(rng, d),
        7 => carbon_ocr(rng, d, real, &[0, 1, 2, 3]),
        8 => {
            // On a copy: a lead with `æ ø` in one field only keeps its letters.
            let mut c = d.clone();
            let r = swedish_xray(&mut c, 1, real);
            if r.is_some() {
                *d = c;
            }
            r
        }
        9 => note(rng, d),
        10 => person.and_then(|p| care_of(rng, world, d, p)),
        _ => journal_tab(rng, d),
    };
}

fn shifted_birth(
    rng: &mut dyn RngCore,
    birth: NaiveDate,
    years: std::ops::RangeInclusive<i32>,
) -> NaiveDate {
    let sign = if rng.random_bool(0.5) { 1 } else { -1 };
    let y = (birth.year() + sign * rng.random_range(years)).clamp(1920, 2008);
    NaiveDate::from_ymd_opt(y, rng.random_range(1..=12), rng.random_range(1..=28)).unwrap_or(birth)
}

fn anchor_street(world: &World, p: usize) -> usize {
    world.households[world.persons[p].household].street
}

/// The streets of the anchor's street's name in other towns.
fn namesake_streets(world: &World, p: usize) -> Vec<usize> {
    let own = anchor_street(world, p);
    let street = &world.streets[own];
    let town = world.codes[street.code].1;
    world
        .name_streets
        .get(&street.name)
        .into_iter()
        .flatten()
        .copied()
        .filter(|&s| world.codes[world.streets[s].code].1 != town)
        .collect()
}

/// The streets of the anchor's town with the anchor's street's stem and ending and another
/// prefix (`Nedre Plommeveien` for `Øvre Plommeveien`).
fn prefix_twins(world: &World, p: usize) -> Vec<usize> {
    let own = anchor_street(world, p);
    let Shape::Compound {
        prefix: Some(mine),
        stem,
        ending,
    } = world.streets[own].shape
    else {
        return Vec::new();
    };
    let town = world.codes[world.streets[own].code].1;
    world.town_streets[town]
        .iter()
        .copied()
        .filter(|&s| {
            matches!(world.streets[s].shape, Shape::Compound { prefix: Some(q), stem: t, ending: e }
                if q != mine && t == stem && e == ending)
        })
        .collect()
}

/// The near form of a surname (`Sæter` for `Sæther`), if the lists have one.
pub fn near_surname(surname: &str) -> Option<&'static str> {
    names::NEAR_SURNAMES
        .iter()
        .find(|(s, _)| *s == surname)
        .map(|(_, n)| *n)
}

/// Whether reserved person `p` can anchor a look-alike of `kind` (a cheap check before
/// drawing).
pub fn anchors(world: &World, kind: &str, p: usize) -> bool {
    let person = &world.persons[p];
    let h = &world.households[person.household];
    match kind {
        LA_HOUSEHOLD => h.members.iter().any(|&m| !world.persons[m].reserved),
        LA_CARE_OF_CHILD => person.birth.year() <= 1986,
        LA_TRANSPOSED_TOWN => {
            let code = world.streets[h.street].code;
            !transposed_other_town(world, code).is_empty()
        }
        LA_NEAR_SURNAME => near_surname(person.surname).is_some(),
        LA_INTERVAL_ELSEWHERE => !namesake_streets(world, p).is_empty(),
        LA_PREFIX_TWIN => !prefix_twins(world, p).is_empty(),
        _ => true,
    }
}

/// A look-alike of `kind` around the reserved person `anchor`, or `None` if the anchor does not
/// allow it.
pub fn look_alike(
    rng: &mut dyn RngCore,
    world: &World,
    kind: &str,
    anchor: usize,
    real: &[String],
) -> Option<PersonQuery> {
    let a = subject(world, anchor);
    let mut person = None;
    let mut before = String::new();
    let (s, birth_rate, damage_rate) = match kind {
        LA_HOUSEHOLD => {
            let h = &world.households[world.persons[anchor].household];
            let free: Vec<usize> = h
                .members
                .iter()
                .copied()
                .filter(|&m| !world.persons[m].reserved)
                .collect();
            let m = *free.choose(rng)?;
            person = Some(m);
            (subject(world, m), 0.4, 0.5)
        }
        LA_CARE_OF_CHILD => {
            let year = a.birth.year() + rng.random_range(22..=40);
            if year > 2008 {
                return None;
            }
            let sex = if rng.random_bool(0.5) {
                names::Sex::Man
            } else {
                names::Sex::Woman
            };
            // Never one name to a clerk with, nor of the initial of, any member of the house.
            let h = &world.households[world.persons[anchor].household];
            let givens: Vec<&str> = names::given_of(sex)
                .into_iter()
                .filter(|g| {
                    h.members
                        .iter()
                        .all(|&m| world.persons[m].given.iter().all(|o| !given_clash(g, o)))
                })
                .collect();
            let mut s = a.clone();
            s.given = vec![*givens.choose(rng)?];
            s.birth =
                NaiveDate::from_ymd_opt(year, rng.random_range(1..=12), rng.random_range(1..=28))?;
            before = format!("{} {}", a.given[0], a.surname);
            (s, 0.5, 0.3)
        }
        LA_TRANSPOSED_TOWN => {
            let codes = transposed_other_town(world, a.code);
            let mut s = a.clone();
            s.code = *codes.choose(rng)?;
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            (s, 0.4, 0.3)
        }
        LA_NEAR_SURNAME => {
            let mut s = a.clone();
            s.surname = near_surname(&a.surname)?.to_string();
            let step = rng.random_range(1..=2);
            s.number = if a.number > step && rng.random_bool(0.5) {
                a.number - step
            } else {
                a.number + step
            };
            if rng.random_bool(0.5) {
                s.letter = None;
            }
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            (s, 0.4, 0.3)
        }
        LA_INTERVAL_ELSEWHERE => {
            let others = namesake_streets(world, anchor);
            let street = &world.streets[*others.choose(rng)?];
            let mut s = a.clone();
            s.shape = street.shape;
            s.code = street.code;
            s.birth = shifted_birth(rng, a.birth, 1..=20);
            (s, 0.4, 0.3)
        }
        LA_PREFIX_TWIN => {
            let twins = prefix_twins(world, anchor);
            let street = &world.streets[*twins.choose(rng)?];
            let mut s = a.clone();
            s.shape = street.shape;
            s.code = street.code;
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            (s, 0.4, 0.3)
        }
        _ => return None,
    };
    let mut d = lay_out(rng, world, s);
    d.birth = rng.random_bool(birth_rate).then_some(d.s.birth);
    if rng.random_bool(damage_rate) {
        some_damage(rng, world, &mut d, real, person);
    }
    match kind {
        LA_CARE_OF_CHILD => {
            let (g, s) = before.split_once(' ')?;
            d.before = care_of_text(rng, &d, g, s);
        }
        LA_INTERVAL_ELSEWHERE => interval(rng, &mut d)?,
        LA_PREFIX_TWIN => {
            let Shape::Compound {
                prefix: Some(q), ..
            } = d.s.shape
            else {
                return None;
            };
            let (_, rest) = d.street.split_once(' ')?;
            d.street = format!("{} {rest}", d.up(names::PREFIX_TWO.get(q)?.to_string()));
        }
        _ => {}
    }
    Some(d.query())
}
