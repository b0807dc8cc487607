//! The thirty-ninth set's leads, from a municipal library's borrower register
//! (*lånerregister*) and the software, staff and paper around it: the layout of a lead before
//! damage, the corruption kinds (the postcode of the borrower's pickup branch in the same
//! town, a postcode read by the call-number label recogniser with letters for digits, the home
//! branch code in the postcode column with the town kept, the bolignummer after a `Bolignr:`
//! label from the self-service kiosk's form, street prefixes cut without a dot on the
//! bookmobile's route list, a patron's given names as bare initials on that list, a given name
//! in another spelling from another library's record in the national library card merge, text
//! recognition of the digitised borrower card index (`rn`/`m`, `l`/`1`, `w`/`vv`), `ø` shown
//! as `¢` through the old DOS library system's code page, a zero-width space and no-break
//! spaces at the house number copied from the library's web page, three pairs of these, a
//! nickname in brackets after the given name from the web page's display name, and the home
//! branch after the town) and the look-alike kinds (an unreserved member of the anchor's
//! household on the shared family account, a child whose card names the reserved parent as
//! guardian in brackets, a namesake at the anchor's street name and number in another town
//! with a branch code for a postcode, a near surname at the other entrance, a namesake at the
//! anchor's number on a sibling street of the same stem, a namesake at the anchor's number on
//! the same street without its prefix), with their shares.

use chrono::{Datelike, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore};

use super::judge::{code_page_437, fold, has_oe, ocr_canon};
use super::names;
use super::world::{Shape, World, given_clash};
use crate::person::PersonQuery;

/// Issue: wrong postcode, right town.
pub const PICKUP: &str = "postcode_of_borrowers_pickup_branch_for_reserved_books_same_town";
/// Issue: postcode misread.
pub const CALL_NUMBER: &str =
    "postcode_read_by_call_number_label_recogniser_o_i_l_s_b_t_a_for_digits";
/// Issue: no postcode, a town.
pub const BRANCH_CODE: &str = "postcode_column_holds_home_branch_code_like_hb_or_fil2_town_kept";
/// Issue: a flat number in the street field.
pub const BOLIGNR: &str = "bolignummer_after_house_with_self_service_kiosk_label_bolignr_colon";
/// Issue: abbreviated prefixes.
pub const ROUTE_PREFIX: &str =
    "street_prefix_cut_undotted_on_bookmobile_route_list_to_two_letters_or_initial";
/// Issue: initials of person-named streets.
pub const ROUTE_PATRON: &str =
    "patron_street_given_names_as_bare_initials_on_bookmobile_route_list";
/// Issue: spelling variants of one given name.
pub const MERGE_SPELLING: &str =
    "given_name_other_spelling_from_other_librarys_record_in_national_library_card_merge";
/// Issue: OCR-like confusions.
pub const CARD_INDEX_OCR: &str = "digitised_borrower_card_index_text_recognition_rn_m_l_1_w_vv";
/// Issue: lossy transliteration in two fields.
pub const DOS_CODE_PAGE: &str =
    "oe_shown_as_cent_and_yen_by_dos_library_system_code_page_865_read_as_437_two_fields";
/// Issue: whitespace.
pub const WEB_GAPS: &str = "zero_width_space_and_nbsp_at_house_number_copied_from_library_web_page";
/// Issue: two corruptions.
pub const PAIR_MERGE_PICKUP: &str = "national_card_merge_spelling_and_pickup_branch_postcode";
/// Issue: two corruptions.
pub const PAIR_ROUTE_BOLIGNR: &str = "bookmobile_route_prefix_cut_and_kiosk_bolignr_label";
/// Issue: two corruptions.
pub const PAIR_OCR_BRANCH: &str =
    "card_index_name_text_recognition_and_home_branch_code_for_postcode";
/// Own: a nickname in brackets or quotes after the given names.
pub const NICKNAME: &str =
    "display_name_nickname_in_brackets_after_given_names_from_library_web_page";
/// Own: the home branch after the town in the town field.
pub const BRANCH_TOWN: &str = "home_branch_after_town_in_town_field_like_bokbussen_or_filial_nord";
/// The control.
pub const UNCHANGED: &str = "unchanged";

/// Look-alike: a real unreserved member of the anchor's household (the family shares one
/// borrower account), through the same damages.
pub const LA_HOUSEHOLD: &str =
    "unreserved_household_member_on_shared_family_borrower_account_through_library_damages";
/// Look-alike: a child of the anchor, not in the register, whose library card names the
/// reserved parent as guardian in brackets after the child's given name.
pub const LA_GUARDIAN: &str =
    "child_card_names_reserved_parent_as_guardian_in_brackets_after_given";
/// Look-alike: the anchor's names at the anchor's street name, number and letter in another
/// town that has a street of that name, a home branch code in the postcode column.
pub const LA_BRANCH_ELSEWHERE: &str =
    "namesake_same_street_name_and_number_other_town_home_branch_code_for_postcode";
/// Look-alike: the anchor's given names and a surname one letter off (`Løkken` for `Løken`)
/// at another entrance of the anchor's number (another letter) or the next number.
pub const LA_NEAR_ENTRANCE: &str =
    "near_surname_one_letter_off_same_given_names_other_entrance_or_next_number";
/// Look-alike: the anchor's names (the first given name respelled where it can be) at the
/// anchor's number and letter on a street of the same stem with another ending in the anchor's
/// town.
pub const LA_SIBLING_STREET: &str =
    "namesake_maybe_respelled_same_number_on_same_stem_other_ending_street_same_town";
/// Look-alike: the anchor's names at the anchor's number and letter on the street of the same
/// stem and ending without the prefix in the anchor's town.
pub const LA_UNPREFIXED: &str =
    "namesake_same_number_on_unprefixed_street_of_same_stem_and_ending_same_town";

/// Corruption kinds and shares (per mille).
pub const CORRUPTED: &[(&str, usize)] = &[
    (PICKUP, 65),
    (CALL_NUMBER, 65),
    (BRANCH_CODE, 65),
    (BOLIGNR, 65),
    (ROUTE_PREFIX, 65),
    (ROUTE_PATRON, 65),
    (MERGE_SPELLING, 65),
    (CARD_INDEX_OCR, 65),
    (DOS_CODE_PAGE, 65),
    (WEB_GAPS, 65),
    (PAIR_MERGE_PICKUP, 70),
    (PAIR_ROUTE_BOLIGNR, 70),
    (PAIR_OCR_BRANCH, 70),
    (NICKNAME, 50),
    (BRANCH_TOWN, 40),
    (UNCHANGED, 50),
];

/// Look-alike kinds and shares (per mille).
pub const LOOK_ALIKES: &[(&str, usize)] = &[
    (LA_HOUSEHOLD, 170),
    (LA_GUARDIAN, 170),
    (LA_BRANCH_ELSEWHERE, 165),
    (LA_NEAR_ENTRANCE, 165),
    (LA_SIBLING_STREET, 165),
    (LA_UNPREFIXED, 165),
];

/// The order in which corruption kinds pick persons: the kinds few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    ROUTE_PATRON,
    PAIR_ROUTE_BOLIGNR,
    ROUTE_PREFIX,
    DOS_CODE_PAGE,
    PAIR_MERGE_PICKUP,
    MERGE_SPELLING,
    PICKUP,
    CALL_NUMBER,
    PAIR_OCR_BRANCH,
    CARD_INDEX_OCR,
    BRANCH_CODE,
    BOLIGNR,
    WEB_GAPS,
    NICKNAME,
    BRANCH_TOWN,
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

// --- damages -------------------------------------------------------------------------------

/// The postcodes of a town's library branches (pickup places): the town's codes at the start,
/// a third and two thirds of its ascending list.
pub fn branch_codes(world: &World, town: usize) -> Vec<usize> {
    let codes = &world.town_codes[town];
    let n = codes.len();
    let mut out: Vec<usize> = Vec::new();
    if n == 0 {
        return out;
    }
    for i in [0, n / 3, 2 * n / 3] {
        if !out.contains(&codes[i]) {
            out.push(codes[i]);
        }
    }
    out
}

/// The pickup branches' codes of the town of `code`, other than `code`.
pub fn pickup_codes(world: &World, code: usize) -> Vec<usize> {
    branch_codes(world, world.codes[code].1)
        .into_iter()
        .filter(|&c| c != code)
        .collect()
}

/// The postcode of the borrower's pickup branch for reserved books, exported as the
/// borrower's own (another code of the same town; the town kept).
fn pickup(rng: &mut dyn RngCore, world: &World, d: &mut Draft) -> Option<()> {
    let codes = pickup_codes(world, d.s.code);
    d.postcode = world.codes[*codes.choose(rng)?].0.clone();
    Some(())
}

/// The postcode as the call-number label recogniser reads the digitised card: each of `0 1 5
/// 8 7 4` read, with probability 0.6, as the letter it looks like (`O`, `I` or `l`, `S`, `B`,
/// `T`, `A`); at least one.
fn call_number(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let mut changed = false;
    let out: String = d
        .postcode
        .chars()
        .map(|c| {
            let to = match c {
                '0' => 'O',
                '1' if rng.random_bool(0.5) => 'I',
                '1' => 'l',
                '5' => 'S',
                '8' => 'B',
                '7' => 'T',
                '4' => 'A',
                c => return c,
            };
            if rng.random_bool(0.6) {
                changed = true;
                to
            } else {
                c
            }
        })
        .collect();
    if !changed {
        return None;
    }
    d.postcode = out;
    Some(())
}

/// The home branch code in the postcode column of the circulation export (`HB`, `FIL 4`,
/// `BOKBUSS`); the town kept.
fn branch_code(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.postcode = d.up(names::BRANCH_CODES.choose(rng)?.to_string());
    Some(())
}

/// The bolignummer after the house with the self-service kiosk form's label
/// (` Bolignr: H0304`, `, bolignr. H0304`, ` (bolignr. H0304)`, ` bolignr:H0304`).
fn bolignr(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.seps = None;
    let (floor, door) = (rng.random_range(1..=9), rng.random_range(1..=6));
    let unit = format!("H{floor:02}{door:02}");
    let text = match rng.random_range(0..4) {
        0 => format!(" Bolignr: {unit}"),
        1 => format!(", bolignr. {unit}"),
        2 => format!(" (bolignr. {unit})"),
        _ => format!(" bolignr:{unit}"),
    };
    d.after = d.up(text);
    Some(())
}

/// The street prefix cut without a dot on the bookmobile's route list: to two letters (`Øv`,
/// `Ne`, `Sø`, `No`, `St`, `Li`, `Ve`, `Øs`; 60 %), or to the initial where the column is
/// still too narrow (`Ø`, `N`, `S`, `L`, `V`; 40 %).
fn route_prefix(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
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

/// A patron's street with the given names as bare initials, as the route list prints it
/// (`H J Sparres vei`, `E Skaugs gate`).
fn route_patron(d: &mut Draft) -> Option<()> {
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
        .map(|c| c.to_uppercase().to_string())
        .collect();
    d.street = format!("{} {}", initials.join(" "), words[n..].join(" "));
    Some(())
}

/// The first given name in another spelling of its family, as another library's record had
/// it when the national library card merged the borrower's records.
fn merge_spelling(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let first = *d.s.given.first()?;
    let fam = names::family_of(first)?;
    let others: Vec<&str> = fam.iter().copied().filter(|n| *n != first).collect();
    let mut words = vec![*others.choose(rng)?];
    words.extend_from_slice(&d.s.given[1..]);
    d.given = d.up(words.join(" "));
    Some(())
}

/// One confusion at `at` (a byte index) of `s`, as text recognition reads the typed cards of
/// the old borrower card index: inside a word (never its first letter) `rn`→`m`, `m`→`rn`,
/// `l`→`1`, `w`→`vv`, `vv`→`w`.
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
        ("vv", "w"),
        ("VV", "W"),
        ("w", "vv"),
        ("W", "VV"),
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
/// word, 3 a town word), as text recognition reads the digitised borrower card index.
fn card_index_ocr(
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

/// The lead as the old DOS library system shows it: code page 865 read as 437, `ø` as `¢`
/// and `Ø` as `¥`; only for leads with `ø` in at least `at_least` fields.
fn dos_code_page(d: &mut Draft, at_least: usize) -> Option<()> {
    let mut changed = 0;
    for i in 0..4 {
        let field = field_mut(d, i);
        if has_oe(field) {
            changed += 1;
        }
        *field = code_page_437(field);
    }
    (changed >= at_least).then_some(())
}

/// Street, number and letter as copied from the library's web page (*Min side*), whose
/// address block has a zero-width space (a line-break hint) and no-break spaces: between
/// street and number ` \u{200b}`, `\u{200b}`, `\u{a0}\u{200b}` or `\u{a0}\u{a0}`; before a
/// letter `\u{200b}`, `\u{a0}` or ` \u{200b}`; in 30 % a soft hyphen inside the street's
/// last word.
fn web_gaps(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.glued = false;
    let a = match rng.random_range(0..4) {
        0 => " \u{200b}",
        1 => "\u{200b}",
        2 => "\u{a0}\u{200b}",
        _ => "\u{a0}\u{a0}",
    }
    .to_string();
    let b = if d.s.letter.is_some() {
        match rng.random_range(0..3) {
            0 => "\u{200b}",
            1 => "\u{a0}",
            _ => " \u{200b}",
        }
        .to_string()
    } else {
        " ".to_string()
    };
    if rng.random_bool(0.3) {
        let mut words: Vec<String> = d.street.split(' ').map(str::to_string).collect();
        if let Some(last) = words.last_mut() {
            let chars: Vec<char> = last.chars().collect();
            if chars.len() >= 6 {
                let at = chars.len() / 2;
                *last = chars[..at]
                    .iter()
                    .chain(['\u{ad}'].iter())
                    .chain(&chars[at..])
                    .collect();
            }
        }
        d.street = words.join(" ");
    }
    d.seps = Some((a, b));
    Some(())
}

/// A nickname the borrower set as display name, after the given names in the given-name field
/// (`Kari (Bitten)`, `Kari «Bitten»`, `Kari "Bitten"`).
fn nickname(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let nick = *names::NICKNAMES.choose(rng)?;
    let tail = match rng.random_range(0..3) {
        0 => format!(" ({nick})"),
        1 => format!(" «{nick}»"),
        _ => format!(" \"{nick}\""),
    };
    d.given = format!("{}{}", d.given, d.up(tail));
    Some(())
}

/// The home branch after the town in the town field (`Bergen - bokbussen`,
/// `Bergen (filial Nord)`, `Bergen, hovedbiblioteket`, `Bergen / filial Sør`).
fn branch_town(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let branch = *names::BRANCHES.choose(rng)?;
    let tail = match rng.random_range(0..4) {
        0 => format!(" - {branch}"),
        1 => format!(" ({branch})"),
        2 => format!(", {branch}"),
        _ => format!(" / {branch}"),
    };
    d.town = format!("{}{}", d.town, d.up(tail));
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
        PICKUP => pickup(rng, world, &mut d)?,
        CALL_NUMBER => call_number(rng, &mut d)?,
        BRANCH_CODE => branch_code(rng, &mut d)?,
        BOLIGNR => bolignr(rng, &mut d)?,
        ROUTE_PREFIX => route_prefix(rng, &mut d)?,
        ROUTE_PATRON => route_patron(&mut d)?,
        MERGE_SPELLING => merge_spelling(rng, &mut d)?,
        CARD_INDEX_OCR => card_index_ocr(rng, &mut d, real, &[0, 1, 2, 3])?,
        DOS_CODE_PAGE => dos_code_page(&mut d, 2)?,
        WEB_GAPS => web_gaps(rng, &mut d)?,
        PAIR_MERGE_PICKUP => {
            merge_spelling(rng, &mut d)?;
            pickup(rng, world, &mut d)?;
        }
        PAIR_ROUTE_BOLIGNR => {
            route_prefix(rng, &mut d)?;
            bolignr(rng, &mut d)?;
        }
        PAIR_OCR_BRANCH => {
            card_index_ocr(rng, &mut d, real, &[0, 1])?;
            branch_code(rng, &mut d)?;
        }
        NICKNAME => nickname(rng, &mut d)?,
        BRANCH_TOWN => branch_town(rng, &mut d)?,
        _ => {}
    }
    Some(d.query())
}

/// One of this set's damages on a look-alike, so that damage is no cue (none if it does not
/// apply).
fn some_damage(rng: &mut dyn RngCore, world: &World, d: &mut Draft, real: &[String]) {
    let _ = match rng.random_range(0..12) {
        0 => pickup(rng, world, d),
        1 => call_number(rng, d),
        2 => branch_code(rng, d),
        3 => bolignr(rng, d),
        4 => route_prefix(rng, d),
        5 => route_patron(d),
        6 => merge_spelling(rng, d),
        7 => card_index_ocr(rng, d, real, &[0, 1, 2, 3]),
        8 => dos_code_page(d, 1),
        9 => nickname(rng, d),
        10 => branch_town(rng, d),
        _ => web_gaps(rng, d),
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

/// The streets of the anchor's town whose shape `keep` accepts against the anchor's street's.
fn town_streets_like(world: &World, p: usize, keep: impl Fn(Shape, Shape) -> bool) -> Vec<usize> {
    let own = anchor_street(world, p);
    let mine = world.streets[own].shape;
    let town = world.codes[world.streets[own].code].1;
    world.town_streets[town]
        .iter()
        .copied()
        .filter(|&s| s != own && keep(mine, world.streets[s].shape))
        .collect()
}

/// The streets of the anchor's town with the anchor's street's prefix (or none) and stem and
/// another ending (`Trostlia` for `Trostveien`).
fn sibling_streets(world: &World, p: usize) -> Vec<usize> {
    town_streets_like(world, p, |a, b| match (a, b) {
        (
            Shape::Compound {
                prefix: p,
                stem: s,
                ending: e,
            },
            Shape::Compound {
                prefix: q,
                stem: t,
                ending: f,
            },
        ) => p == q && s == t && e != f,
        _ => false,
    })
}

/// The street of the anchor's town with the anchor's street's stem and ending and no prefix,
/// where the anchor's has one (`Trostveien` for `Øvre Trostveien`).
fn unprefixed_twins(world: &World, p: usize) -> Vec<usize> {
    town_streets_like(world, p, |a, b| match (a, b) {
        (
            Shape::Compound {
                prefix: Some(_),
                stem: s,
                ending: e,
            },
            Shape::Compound {
                prefix: None,
                stem: t,
                ending: f,
            },
        ) => s == t && e == f,
        _ => false,
    })
}

/// The near form of a surname (`Løkken` for `Løken`), if the lists have one.
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
        LA_GUARDIAN => person.birth.year() <= 1986,
        LA_BRANCH_ELSEWHERE => !namesake_streets(world, p).is_empty(),
        LA_NEAR_ENTRANCE => near_surname(person.surname).is_some(),
        LA_SIBLING_STREET => !sibling_streets(world, p).is_empty(),
        LA_UNPREFIXED => !unprefixed_twins(world, p).is_empty(),
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
    let mut guardian = String::new();
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
            (subject(world, m), 0.4, 0.5)
        }
        LA_GUARDIAN => {
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
            guardian = if rng.random_bool(0.5) {
                format!(" (foresatt: {} {})", a.given[0], a.surname)
            } else {
                format!(" (foresatt {})", a.given[0])
            };
            (s, 0.5, 0.3)
        }
        LA_BRANCH_ELSEWHERE => {
            let others = namesake_streets(world, anchor);
            let street = &world.streets[*others.choose(rng)?];
            let mut s = a.clone();
            s.shape = street.shape;
            s.code = street.code;
            s.birth = shifted_birth(rng, a.birth, 1..=20);
            (s, 0.4, 0.3)
        }
        LA_NEAR_ENTRANCE => {
            let mut s = a.clone();
            s.surname = near_surname(&a.surname)?.to_string();
            match a.letter {
                Some(own) => {
                    let others: Vec<char> = ['A', 'B', 'C', 'D']
                        .into_iter()
                        .filter(|&c| c != own)
                        .collect();
                    s.letter = Some(*others.choose(rng)?);
                }
                None => {
                    s.number = if a.number > 1 && rng.random_bool(0.5) {
                        a.number - 1
                    } else {
                        a.number + 1
                    };
                }
            }
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            (s, 0.4, 0.3)
        }
        LA_SIBLING_STREET => {
            let streets = sibling_streets(world, anchor);
            let street = &world.streets[*streets.choose(rng)?];
            let mut s = a.clone();
            s.shape = street.shape;
            s.code = street.code;
            if let Some(f) = names::family_of(a.given[0])
                && rng.random_bool(0.5)
            {
                let others: Vec<&'static str> =
                    f.iter().copied().filter(|n| *n != a.given[0]).collect();
                s.given[0] = *others.choose(rng)?;
            }
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            (s, 0.4, 0.3)
        }
        LA_UNPREFIXED => {
            let twins = unprefixed_twins(world, anchor);
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
        some_damage(rng, world, &mut d, real);
    }
    match kind {
        LA_GUARDIAN => d.given = format!("{}{}", d.given, d.up(guardian)),
        LA_BRANCH_ELSEWHERE => branch_code(rng, &mut d)?,
        _ => {}
    }
    Some(d.query())
}
