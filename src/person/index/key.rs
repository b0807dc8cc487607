//! A record or lead folded into what the index's keys are made of, and the key pieces.

use chrono::NaiveDate;

use crate::person::PersonQuery;
use crate::person::nid::{IdHashKey, NationalId, birth_date_in_id_box};
use crate::person::normalise::{
    BYTE_ORDER_MARKS_READ_AS_TEXT, NameKey, SEP, candidate_postcodes, clean_address, cp865_read,
    ebcdic_277_read, fold_into, form_decoded, four_digits, house_key, house_range,
    is_card_chip_name, is_invisible, iso646_read, json_unescaped, leading_house, letter_key,
    mac_roman_read, may_have_contact_details, narrowed, number_word, overstrikes_read,
    plain_name_key, plain_street_key_into, postcode_field, postcode_key, postcode_key_lenient,
    quoted_printable_decoded, sans_serif_read, shows_cp865, shows_us_layout, split_house,
    split_postal_line, street_key_into, strip_contact_details, strip_notes,
    with_line_breaks_joined, without_customer_number, without_field_label,
    without_housing_cooperative, without_markup,
};
use crate::person::postcodes;

/// The day before the first birth day stored (1900-01-01 is day 1; 0 means unknown).
fn birth_epoch() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1899, 12, 31)
}

/// Birth day as stored: days since 1899-12-31, so 1900-01-01 is 1 and 0 means unknown. A
/// date a system writes for "unknown" is unknown ([`is_placeholder`]).
pub(super) fn birth_day(date: Option<NaiveDate>) -> u16 {
    let (Some(date), Some(epoch)) = (date, birth_epoch()) else {
        return 0;
    };
    if is_placeholder(date) {
        return 0;
    }
    u16::try_from((date - epoch).num_days()).unwrap_or(0)
}

/// Whether `date` is what a system writes when it has no birth date: 1 January 1900 or 1901
/// (a form's or a CRM's default), 1 January 1970 (the Unix epoch, a timestamp of 0). Dates
/// before 1900, a spreadsheet's day 0 (30 December 1899) among them, are unknown anyway. A
/// person truly born on 1 January 1970 loses the birth date as evidence, never the match.
fn is_placeholder(date: NaiveDate) -> bool {
    use chrono::Datelike;
    date.ordinal() == 1 && matches!(date.year(), 1900 | 1901 | 1970)
}

/// The date of a stored birth day ([`birth_day`]'s inverse), if known.
pub(super) fn birth_date(day: u16) -> Option<NaiveDate> {
    (day != 0)
        .then(birth_epoch)
        .flatten()?
        .checked_add_days(chrono::Days::new(u64::from(day)))
}

/// A record or lead reduced to what keys are made of. Its buffers are reused from lead to
/// lead ([`Folded::fill`]).
#[derive(Debug, Default, Clone)]
pub(super) struct Folded {
    pub(super) name: NameKey,
    pub(super) postcode: Option<u16>,
    /// The postcode was read leniently (letters for digits, a lost leading zero).
    pub(super) postcode_repaired: bool,
    /// The post town as written (for the lead's other postcodes).
    pub(super) city: String,
    /// The street's match key.
    pub(super) street: String,
    /// The street as given, without the house number, folded (for fuzzy street matching).
    pub(super) street_folded: String,
    pub(super) number: Option<u32>,
    /// The last house of a range (`44-46`: 46); `number` is the first.
    pub(super) other_number: Option<u32>,
    pub(super) letter: Option<u8>,
    pub(super) birth: u16,
    pub(super) national_id: Option<NationalId>,
    /// The exact address key, when [`Folded::exact_key`] built it.
    pub(super) key: Vec<u8>,
    /// Work buffer for the name.
    pub(super) names: String,
    /// The street and number fields without flat, floor and c/o designations.
    pub(super) clean_street: String,
    pub(super) clean_number: String,
}

impl Folded {
    /// Reads the whole lead: every reading its [`Marks`] call for, then its fields
    /// ([`Folded::fill`]). `plain`: [`Folded::plain_key`] read this lead (its key, street
    /// and name are in place); if no reading changes it, only what that left unread is read.
    pub(super) fn fill_query(&mut self, q: &PersonQuery, plain: bool) {
        // What pasting, encoding, exporting and form-parsing leave in a lead, taken out
        // (a copy only of a lead that has some of it; most have none).
        let mut marks = Marks::of(q);
        let mut read: Option<PersonQuery> = None;
        for (mark, reading) in READINGS {
            if marks.has(mark)
                && let Some(changed) = reading(read.as_ref().unwrap_or(q))
            {
                // A reading may bring out what another one takes (`%40`: an `@`).
                marks = Marks::of(&changed);
                read = Some(changed);
            }
        }
        let q = read.as_ref().unwrap_or(q);
        let noted = without_notes(q);
        let q = noted.as_ref().unwrap_or(q);
        let put_back = with_street_and_city_put_back(q);
        let q = put_back.as_ref().unwrap_or(q);
        let shifted_back = with_address_columns_shifted_back(q);
        let q = shifted_back.as_ref().unwrap_or(q);
        let in_figures = with_house_number_in_figures(q);
        let q = in_figures.as_ref().unwrap_or(q);
        // The whole address in the street field (`Storgata 12 B, 0150 Oslo`).
        let line = q
            .postcode
            .trim()
            .is_empty()
            .then(|| split_postal_line(&q.street))
            .flatten();
        let as_written = plain
            && read.is_none()
            && noted.is_none()
            && put_back.is_none()
            && shifted_back.is_none()
            && in_figures.is_none();
        let (street, postcode, city) = match line {
            Some((street, code, town)) => {
                let city = if q.city.trim().is_empty() {
                    town
                } else {
                    &q.city
                };
                (street, code, city)
            }
            _ => {
                let (postcode, city) = postcode_field(&q.postcode, &q.city);
                (q.street.as_str(), postcode, city)
            }
        };
        self.city.clear();
        self.city.push_str(city);
        if as_written && postcode == q.postcode && city == q.city {
            self.fill_plain(q);
            return;
        }
        // Two candidate digits (`[7|1]244`): a repaired postcode unless the town confirms it.
        let candidates = candidate_postcodes(postcode);
        let (postcode, confirmed) = match &candidates {
            Some(codes) => chosen_candidate(codes, city),
            None => (postcode, true),
        };
        self.fill(
            &q.given_names,
            &q.surname,
            street,
            &q.house_number,
            &q.house_letter,
            postcode,
            q.birth_date,
            q.national_id.as_deref(),
        );
        self.postcode_repaired |= self.postcode.is_some() && !confirmed;
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn fill(
        &mut self,
        given: &str,
        surname: &str,
        street: &str,
        number: &str,
        letter: &str,
        postcode: &str,
        birth: Option<NaiveDate>,
        national_id: Option<&str>,
    ) {
        clean_address(street, &mut self.clean_street);
        clean_address(number, &mut self.clean_number);
        // A range of houses (`44-46`): the first, and the last for a second search.
        let range_in = if self.clean_number.is_empty() {
            &mut self.clean_street
        } else {
            &mut self.clean_number
        };
        self.other_number = house_range(range_in).map(|(cut, last)| {
            range_in.truncate(cut);
            last
        });
        let (street, number, letter) = if self.clean_number.is_empty() {
            let (s, n, l) = match split_house(&self.clean_street) {
                (_, None, _) if let Some((s, n, l)) = leading_house(&self.clean_street) => {
                    (s, Some(n), l)
                }
                found => found,
            };
            let l =
                letter_key(letter.trim().chars().next()).or(l.and_then(|c| letter_key(Some(c))));
            (s, n, l)
        } else {
            let (n, l) = house_key(&self.clean_number, letter);
            // The number written in both fields (`Sagveien 9 C, H0404` with `9` as the
            // number): the street without it, and its letter if the other fields have none.
            match split_house(&self.clean_street) {
                (s, Some(sn), sl) if n.is_none_or(|n| n == sn) => {
                    (s, Some(sn), l.or(sl.and_then(|c| letter_key(Some(c)))))
                }
                _ => (self.clean_street.as_str(), n, l),
            }
        };
        // A house number typed in the postcode box (`127 C`, `92A`) of a lead whose street
        // has none: the house, and no postcode.
        let (number, letter, postcode) = match house_in_postcode_box(postcode) {
            Some((n, l)) if number.is_none() => (Some(n), letter.or(Some(l)), ""),
            _ => (number, letter, postcode),
        };
        let written_id = national_id;
        let national_id = national_id.and_then(NationalId::parse);
        let birth = birth
            .or_else(|| national_id.and_then(|id| id.birth_date()))
            .or_else(|| written_id.and_then(birth_date_in_id_box));
        self.name.set(given, surname, &mut self.names);
        let postcode = postcode_key_lenient(postcode);
        self.postcode = postcode.map(|p| p.0);
        self.postcode_repaired = postcode.is_some_and(|p| p.1);
        street_key_into(street, &mut self.street_folded, &mut self.street);
        self.number = number;
        self.letter = letter;
        self.birth = birth_day(birth);
        self.national_id = national_id;
        self.key.clear();
    }

    /// [`Folded::fill`] for a plain lead as written ([`Folded::plain_key`] read it): its
    /// street key and name from what that built, its number, letter, postcode and birth date
    /// as they are. (A test holds the two to one reading.)
    fn fill_plain(&mut self, q: &PersonQuery) {
        self.clean_street.clear();
        self.clean_street.push_str(&q.street);
        self.street_folded.clear();
        fold_into(&q.street, &mut self.street_folded);
        self.clean_number.clear();
        self.clean_number.push_str(&q.house_number);
        self.other_number = None;
        self.number = q.house_number.parse().ok();
        self.letter = letter_key(q.house_letter.chars().next());
        self.postcode = postcode_key(&q.postcode);
        self.postcode_repaired = false;
        self.national_id = None;
        self.birth = birth_day(q.birth_date);
        // The key ends in `last SEP first SEP middles`, the name as `NameKey::set` reads it.
        let mut fields = self.key.split(|&b| b == SEP).skip(3);
        let name = &mut self.name;
        for part in [&mut name.last, &mut name.first, &mut name.middles] {
            part.clear();
            part.push_str(
                std::str::from_utf8(fields.next().unwrap_or_default()).unwrap_or_default(),
            );
        }
        name.first_abbreviated = false;
        name.first_hyphenated = NameKey::is_hyphenated(&q.given_names);
        name.other_first.clear();
        // (A plain name's words are separated by spaces and hyphens only.)
        let surname_words = q.surname.split([' ', '-']).filter(|w| !w.is_empty());
        name.surname_middles = surname_words.count().saturating_sub(1);
        self.key.clear();
    }

    /// Builds the exact address key of a *plain* lead into `self.key` in one pass over its
    /// fields, and its birth day into `self.birth`, leaving the rest unread: a postcode of
    /// four digits, a street of words without digits that [`clean_address`] keeps whole, a
    /// house number of one to six digits, a house letter of one letter or none, a name that
    /// [`plain_name_key`] reads, no national id. Most leads are plain, and most of those are
    /// found by this key alone. The key is the one [`Folded::fill_query`] then
    /// [`Folded::exact_key`] build (a test holds the two to it); `false` for a lead that is
    /// not plain, which `fill_query` reads. Other fields are left part-way: `fill_query`
    /// must run before anything but the key and birth day is read.
    pub(super) fn plain_key(&mut self, q: &PersonQuery) -> bool {
        if q.national_id.is_some()
            || !four_digits(&q.postcode)
            || !(1..=6).contains(&q.house_number.len())
            || !q.house_number.bytes().all(|b| b.is_ascii_digit())
            || !plain_street_key_into(&q.street, &mut self.street_folded, &mut self.street)
        {
            return false;
        }
        let letter = match q.house_letter.as_bytes() {
            [] => None,
            [l] if l.is_ascii_alphabetic() => Some(l.to_ascii_lowercase()),
            _ => return false,
        };
        let Ok(number) = q.house_number.parse::<u32>() else {
            return false;
        };
        self.key.clear();
        self.key.extend_from_slice(q.postcode.as_bytes());
        self.key.extend_from_slice(self.street.as_bytes());
        self.key.push(SEP);
        push_decimal(number, &mut self.key);
        self.key.push(SEP);
        self.key.extend(letter);
        self.key.push(SEP);
        self.birth = birth_day(q.birth_date);
        plain_name_key(&q.given_names, &q.surname, &mut self.names, &mut self.key)
    }

    pub(super) fn has_address(&self) -> bool {
        self.postcode.is_some() && !self.street.is_empty()
    }

    /// Builds the exact address key into `self.key`; false (no key) when the lead has a
    /// national id (matched by it first), or lacks an address or a complete name.
    pub(super) fn exact_key(&mut self) -> bool {
        if self.national_id.is_some()
            || !self.has_address()
            || !self.name.is_complete()
            || self.postcode_repaired
        {
            return false;
        }
        let mut key = std::mem::take(&mut self.key);
        self.address_key(&mut key);
        self.key = key;
        true
    }

    /// `postcode street SEP number SEP`: the prefix every person at this house shares.
    pub(super) fn house_prefix(&self, postcode: u16, street: &[u8], out: &mut Vec<u8>) {
        out.clear();
        push_postcode(postcode, out);
        out.extend_from_slice(street);
        out.push(SEP);
        if let Some(n) = self.number {
            push_decimal(n, out);
        }
        out.push(SEP);
    }

    /// `surname SEP given SEP middles`.
    pub(super) fn name_part(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.name.last.as_bytes());
        out.push(SEP);
        out.extend_from_slice(self.name.first.as_bytes());
        out.push(SEP);
        out.extend_from_slice(self.name.middles.as_bytes());
    }

    pub(super) fn address_key(&self, out: &mut Vec<u8>) {
        self.house_prefix(self.postcode.unwrap_or(0), self.street.as_bytes(), out);
        if let Some(l) = self.letter {
            out.push(l);
        }
        out.push(SEP);
        self.name_part(out);
    }
}

/// Of two candidate postcodes ([`candidate_postcodes`]), the one of the lead's town `city`
/// (then confirmed: `true`), or else the only one that is a postcode at all, or the first.
fn chosen_candidate<'a>(codes: &'a [String; 2], city: &str) -> (&'a str, bool) {
    let table = postcodes::norway();
    let town = |c: &String| postcode_key(c).and_then(|pc| table.town_of(pc));
    if let Some(named) = table.town_named(city)
        && let Some(c) = codes.iter().find(|c| town(c) == Some(named))
    {
        return (c, true);
    }
    let mut real = codes.iter().filter(|c| town(c).is_some());
    match (real.next(), real.next()) {
        (Some(c), None) => (c, false),
        _ => (&codes[0], false),
    }
}

/// A reading of a lead: a copy of it with something taken out or decoded, or `None` if it
/// has nothing of the kind.
type Reading = fn(&PersonQuery) -> Option<PersonQuery>;

/// The readings [`Folded::fill_query`] makes of a lead before it reads its fields, in order,
/// each with the [`Marks`] a lead must have for it to be tried.
const READINGS: [(u32, Reading); 17] = [
    (Marks::INVISIBLE, without_invisibles),
    (Marks::WIDE, with_wide_forms_narrowed),
    (Marks::ENCODED, without_url_encoding),
    (Marks::QUOTED, without_quoted_printable),
    (Marks::MAC, with_mac_roman_letters_read),
    (Marks::CP865, with_cp865_letters_read),
    // Before ISO 646, whose `\` is an Ø.
    (Marks::JSON, without_json_escapes),
    (Marks::ESCAPE, without_entities),
    // After the entities: a twice-escaped export's `&lt;b&gt;` is a tag too.
    (Marks::MARKUP, without_markup_in_fields),
    (Marks::CONTACT, without_contact_details),
    (Marks::LABEL, without_field_labels),
    (Marks::DASH, with_line_breaks_joined_in_fields),
    (
        Marks::DASH | Marks::COMMA,
        without_housing_cooperative_in_street,
    ),
    (Marks::NAME_DIGIT, without_customer_numbers),
    // After the contact details and customer numbers, whose `@` and `#` are no letters.
    (Marks::EBCDIC, with_ebcdic_277_letters_read),
    // After the entities and labels, whose `;` and `:` are no letters.
    (Marks::ISO646, with_iso646_letters_read),
    (Marks::SLASH, with_overstrikes_read),
];

/// What a lead's text fields may need before they are read, found in one pass over their
/// bytes: most leads need none of it, and then nothing else reads them for it.
#[derive(Clone, Copy)]
struct Marks(u32);

impl Marks {
    /// A byte an invisible character's UTF-8 begins with ([`without_invisibles`]).
    const INVISIBLE: u32 = 1;
    /// An `&` or `_`: an HTML entity or an Office escape ([`without_entities`]).
    const ESCAPE: u32 = 2;
    /// A `%` or `+`: URL encoding ([`form_decoded`]).
    const ENCODED: u32 = 4;
    /// An `@`, or eight digits in one field ([`may_have_contact_details`]).
    const CONTACT: u32 = 8;
    const DIGIT: u32 = 16;
    /// A `:` after a field label ([`without_field_label`]).
    const LABEL: u32 = 32;
    /// A `-`: a word broken at a line's end, or a dash between parts of a street.
    const DASH: u32 = 64;
    /// A `,` or `;` between parts of a street.
    const COMMA: u32 = 128;
    /// A digit in a name field: a customer number ([`without_customer_number`]).
    const NAME_DIGIT: u32 = 256;
    /// A byte a full-width form, the ideographic space or another script's digit begins with
    /// ([`narrowed`]).
    const WIDE: u32 = 512;
    /// `[`, `\`, `]`, `{`, `|`, `}`, `;`, `:`, `'` or `"`: 7-bit Norwegian read as ASCII or
    /// a US keyboard layout ([`iso646_read`]).
    const ISO646: u32 = 1024;
    /// An `=`: quoted-printable ([`quoted_printable_decoded`]).
    const QUOTED: u32 = 2048;
    /// A byte that Mac Roman's æ, ø or å read as Windows-1252 begins with ([`mac_roman_read`]).
    const MAC: u32 = 4096;
    /// A byte that code page 865's letters misread begin with ([`cp865_read`]).
    const CP865: u32 = 1 << 13;
    /// A `\\`: a JSON escape ([`json_unescaped`]).
    const JSON: u32 = 1 << 14;
    /// A `<`: rich-text markup ([`without_markup`]).
    const MARKUP: u32 = 1 << 15;
    /// `#`, `@`, `$` or a byte `¦` begins with: EBCDIC 277 read as 037 ([`ebcdic_277_read`]).
    const EBCDIC: u32 = 1 << 16;
    /// A `/`: `ø` typed as the overstrike `o/` ([`overstrikes_read`]).
    const SLASH: u32 = 1 << 17;

    /// Per byte, the marks it sets.
    const OF_BYTE: [u32; 256] = {
        let mut t = [0u32; 256];
        t[0xC2] = Self::INVISIBLE | Self::MAC | Self::CP865 | Self::EBCDIC;
        t[0xC5] = Self::MAC;
        t[b'=' as usize] = Self::QUOTED;
        t[b'\'' as usize] = Self::ISO646;
        t[b'"' as usize] = Self::ISO646;
        t[0xE1] = Self::INVISIBLE | Self::WIDE;
        // Other scripts' digits: Arabic-Indic, Persian, N'Ko, Indic and South-East Asian.
        t[0xD9] = Self::WIDE;
        t[0xDB] = Self::WIDE;
        t[0xDF] = Self::WIDE;
        t[0xE0] = Self::WIDE;
        t[0xEA] = Self::WIDE;
        // Also the first byte of an en dash (`–`) between the parts of a street.
        t[0xE2] = Self::INVISIBLE | Self::DASH | Self::CP865;
        t[0xEF] = Self::INVISIBLE | Self::WIDE;
        t[0xE3] = Self::WIDE;
        t[b'[' as usize] = Self::ISO646;
        t[b'\\' as usize] = Self::ISO646 | Self::JSON;
        t[b'<' as usize] = Self::MARKUP;
        t[b'#' as usize] = Self::EBCDIC;
        t[b'$' as usize] = Self::EBCDIC;
        t[b']' as usize] = Self::ISO646;
        t[b'{' as usize] = Self::ISO646;
        t[b'|' as usize] = Self::ISO646;
        t[b'}' as usize] = Self::ISO646;
        t[b'&' as usize] = Self::ESCAPE;
        t[b'_' as usize] = Self::ESCAPE;
        t[b'%' as usize] = Self::ENCODED;
        t[b'+' as usize] = Self::ENCODED;
        t[b'@' as usize] = Self::CONTACT | Self::EBCDIC;
        t[b':' as usize] = Self::LABEL | Self::ISO646;
        t[b'-' as usize] = Self::DASH;
        t[b'/' as usize] = Self::SLASH;
        t[b',' as usize] = Self::COMMA;
        t[b';' as usize] = Self::COMMA | Self::ISO646;
        let mut d = b'0';
        while d <= b'9' {
            t[d as usize] = Self::DIGIT;
            d += 1;
        }
        t
    };

    fn of(q: &PersonQuery) -> Marks {
        let mut all = 0;
        for (i, f) in text_fields(q).into_iter().enumerate() {
            let mut digits = 0u32;
            for &b in f.as_bytes() {
                let m = Self::OF_BYTE[usize::from(b)];
                all |= m;
                digits += u32::from(m == Self::DIGIT);
            }
            if digits >= 8 {
                all |= Self::CONTACT;
            }
            // The given names and the surname come first.
            if i < 2 && digits > 0 {
                all |= Self::NAME_DIGIT;
            }
        }
        Marks(all)
    }

    fn has(self, mark: u32) -> bool {
        self.0 & mark != 0
    }
}

/// A lead without the invisible characters ([`is_invisible`]) that copying from a web page or
/// a PDF pastes into fields (`Lerkehagen 1\u{200B}2`), which would split a word or a house
/// number, and without a byte-order mark read as text ([`BYTE_ORDER_MARKS_READ_AS_TEXT`]:
/// `ï»¿Kari`); `None` if no field has one (most leads: nothing is copied).
fn without_invisibles(q: &PersonQuery) -> Option<PersonQuery> {
    // Every invisible character's UTF-8, and each mark read as text, begins with one of these
    // bytes or has one.
    let has = |f: &str| {
        f.bytes().any(|b| matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xEF))
            && (f.contains(is_invisible)
                || BYTE_ORDER_MARKS_READ_AS_TEXT
                    .iter()
                    .any(|mark| f.contains(mark)))
    };
    with_text_fields(q, has, |f| {
        let mut f = f.to_owned();
        for mark in BYTE_ORDER_MARKS_READ_AS_TEXT {
            if f.contains(mark) {
                f = f.replace(mark, "");
            }
        }
        f.chars().filter(|&c| !is_invisible(c)).collect()
    })
}

/// A lead typed with an East Asian input method or on a phone set to another language, its
/// full-width forms, ideographic spaces and other scripts' digits made ASCII ([`narrowed`]).
fn with_wide_forms_narrowed(q: &PersonQuery) -> Option<PersonQuery> {
    with_fields_read(q, narrowed)
}

/// A lead from a form's notification e-mail, quoted-printable decoded
/// ([`quoted_printable_decoded`]).
fn without_quoted_printable(q: &PersonQuery) -> Option<PersonQuery> {
    with_fields_read(q, quoted_printable_decoded)
}

/// A lead a Mac wrote and Windows read, with its æ, ø and å read ([`mac_roman_read`]).
fn with_mac_roman_letters_read(q: &PersonQuery) -> Option<PersonQuery> {
    with_fields_read(q, mac_roman_read)
}

/// A lead read from a sans-serif font by text recognition, its `I`s and `l`s told apart
/// ([`sans_serif_read`]); `None` if it has none to tell. Not one of [`READINGS`]: a lead is
/// read so only when it finds no one as written, since a capital inside a word is as often
/// two words glued (`PlassenInngang`) as a misread `l`.
pub(super) fn with_sans_serif_letters_read(q: &PersonQuery) -> Option<PersonQuery> {
    with_fields_read(q, sans_serif_read)
}

/// A lead typed on a German (QWERTZ) keyboard, `y` and `z` swapped in every text field
/// (`Lzngstad`, `Yakarias`) but a town named as written; `None` if it has no `z` (a Norwegian
/// lead seldom has one). Not one of [`READINGS`]: tried only when the lead finds no one as
/// written.
pub(super) fn with_y_and_z_swapped(q: &PersonQuery) -> Option<PersonQuery> {
    if !text_fields(q).iter().any(|f| f.contains(['z', 'Z'])) {
        return None;
    }
    let swap = |f: &str| {
        f.contains(['y', 'Y', 'z', 'Z']).then(|| {
            f.chars()
                .map(|c| match c {
                    'y' => 'z',
                    'z' => 'y',
                    'Y' => 'Z',
                    'Z' => 'Y',
                    c => c,
                })
                .collect()
        })
    };
    let mut read = with_fields_read(q, swap)?;
    // A town the lead names as written is named right: one of its fields was typed elsewhere.
    if postcodes::norway().town_named(&q.city).is_some() {
        read.city.clone_from(&q.city);
    }
    Some(read)
}

/// A lead a DOS program wrote in code page 865 and Windows read, with its æ, ø and å read
/// ([`cp865_read`]).
fn with_cp865_letters_read(q: &PersonQuery) -> Option<PersonQuery> {
    let seen = text_fields(q).iter().any(|f| shows_cp865(f));
    with_fields_read(q, |f| cp865_read(f, seen))
}

/// A lead typed where only ASCII could be sent, `ø` as the overstrike `o/`
/// ([`overstrikes_read`]).
fn with_overstrikes_read(q: &PersonQuery) -> Option<PersonQuery> {
    let mut read = with_fields_read(q, overstrikes_read)?;
    // A payment card's `SURNAME/GIVEN` in one name field has a slash of its own (`LOMO/BJARTE`).
    if q.surname.trim().is_empty() && is_card_chip_name(&q.given_names) {
        read.given_names.clone_from(&q.given_names);
    }
    if q.given_names.trim().is_empty() && is_card_chip_name(&q.surname) {
        read.surname.clone_from(&q.surname);
    }
    Some(read)
}

/// A lead from a JSON export encoded twice, its `\\u00f8` escapes decoded ([`json_unescaped`]).
fn without_json_escapes(q: &PersonQuery) -> Option<PersonQuery> {
    with_fields_read(q, json_unescaped)
}

/// A lead from a CRM's rich-text fields, without the markup ([`without_markup`]).
fn without_markup_in_fields(q: &PersonQuery) -> Option<PersonQuery> {
    with_fields_read(q, without_markup)
}

/// A lead from a mainframe's EBCDIC 277 converted as 037, with its Æ, Ø, Å and ø read
/// ([`ebcdic_277_read`]).
fn with_ebcdic_277_letters_read(q: &PersonQuery) -> Option<PersonQuery> {
    with_fields_read(q, ebcdic_277_read)
}

/// A lead from 7-bit Norwegian data read as ASCII or typed on a US keyboard layout, with its
/// æ, ø and å read ([`iso646_read`]).
fn with_iso646_letters_read(q: &PersonQuery) -> Option<PersonQuery> {
    let layout = text_fields(q).iter().any(|f| shows_us_layout(f));
    with_fields_read(q, |f| iso646_read(f, layout))
}

/// A lead from a web form that left its values URL-encoded ([`form_decoded`]).
fn without_url_encoding(q: &PersonQuery) -> Option<PersonQuery> {
    with_text_fields(
        q,
        |f| f.bytes().any(|b| b == b'%' || b == b'+'),
        |f| form_decoded(f).unwrap_or_else(|| f.to_owned()),
    )
}

/// A lead without the e-mail addresses and telephone numbers an export merged into its
/// fields ([`strip_contact_details`]).
fn without_contact_details(q: &PersonQuery) -> Option<PersonQuery> {
    with_text_fields(q, may_have_contact_details, |f| {
        strip_contact_details(f).unwrap_or_else(|| f.to_owned())
    })
}

/// A lead without the labels a parsed form left before its values ([`without_field_label`]).
fn without_field_labels(q: &PersonQuery) -> Option<PersonQuery> {
    with_fields_read(q, |f| without_field_label(f).map(str::to_owned))
}

/// A lead with the words a printed list broke at a line's end joined ([`with_line_breaks_joined`]).
fn with_line_breaks_joined_in_fields(q: &PersonQuery) -> Option<PersonQuery> {
    with_text_fields(
        q,
        |f| f.contains("- "),
        |f| with_line_breaks_joined(f).unwrap_or_else(|| f.to_owned()),
    )
}

/// A lead without the customer numbers a CRM left in its name fields
/// ([`without_customer_number`]).
fn without_customer_numbers(q: &PersonQuery) -> Option<PersonQuery> {
    let given = without_customer_number(&q.given_names);
    let surname = without_customer_number(&q.surname);
    if given.is_none() && surname.is_none() {
        return None;
    }
    Some(PersonQuery {
        given_names: given.unwrap_or_else(|| q.given_names.clone()),
        surname: surname.unwrap_or_else(|| q.surname.clone()),
        ..q.clone()
    })
}

/// A lead without the housing cooperative before its street ([`without_housing_cooperative`]).
fn without_housing_cooperative_in_street(q: &PersonQuery) -> Option<PersonQuery> {
    let street = without_housing_cooperative(&q.street)?;
    Some(PersonQuery {
        street,
        ..q.clone()
    })
}

/// A lead from a web form that wrote letters as HTML entities (`J&oslash;rgensen`,
/// `Skole&#229;sen`, `&Aring;RLAND`), or from a spreadsheet that wrote a line break in a cell
/// as its XML escape (`Hegremyra_x000D_`), with the characters they stand for; `None` if no
/// text field has an `&` or a `_x` (most leads: nothing is copied).
fn without_entities(q: &PersonQuery) -> Option<PersonQuery> {
    with_text_fields(
        q,
        |f| f.contains('&') || f.contains("_x"),
        |f| without_xml_escapes(&html_escape::decode_html_entities(f)),
    )
}

/// The text fields of a lead (all but the birth date and the national id).
fn text_fields(q: &PersonQuery) -> [&String; 7] {
    [
        &q.given_names,
        &q.surname,
        &q.street,
        &q.house_number,
        &q.house_letter,
        &q.postcode,
        &q.city,
    ]
}

/// A copy of `q` with `change` made to every text field, if `needs` holds for one of them;
/// `None` (nothing copied) otherwise.
fn with_text_fields(
    q: &PersonQuery,
    needs: impl Fn(&str) -> bool,
    change: impl Fn(&str) -> String,
) -> Option<PersonQuery> {
    if !text_fields(q).iter().any(|f| needs(f)) {
        return None;
    }
    Some(PersonQuery {
        given_names: change(&q.given_names),
        surname: change(&q.surname),
        street: change(&q.street),
        house_number: change(&q.house_number),
        house_letter: change(&q.house_letter),
        postcode: change(&q.postcode),
        city: change(&q.city),
        birth_date: q.birth_date,
        national_id: q.national_id.clone(),
    })
}

/// A copy of `q` with each text field that `read` reads (`Some`) as read, if it reads one;
/// `None` (nothing copied) otherwise. Each field is read once.
fn with_fields_read(q: &PersonQuery, read: impl Fn(&str) -> Option<String>) -> Option<PersonQuery> {
    let read: [Option<String>; 7] = text_fields(q).map(|f| read(f));
    if read.iter().all(Option::is_none) {
        return None;
    }
    let [
        given_names,
        surname,
        street,
        house_number,
        house_letter,
        postcode,
        city,
    ] = read;
    Some(PersonQuery {
        given_names: given_names.unwrap_or_else(|| q.given_names.clone()),
        surname: surname.unwrap_or_else(|| q.surname.clone()),
        street: street.unwrap_or_else(|| q.street.clone()),
        house_number: house_number.unwrap_or_else(|| q.house_number.clone()),
        house_letter: house_letter.unwrap_or_else(|| q.house_letter.clone()),
        postcode: postcode.unwrap_or_else(|| q.postcode.clone()),
        city: city.unwrap_or_else(|| q.city.clone()),
        birth_date: q.birth_date,
        national_id: q.national_id.clone(),
    })
}

/// `s` with the escapes an Office Open XML spreadsheet writes for characters a cell cannot
/// hold (`_x000D_` for a carriage return, `_x0009_` for a tab: `_x` and four hex digits and
/// `_`) made the characters again.
fn without_xml_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let escape = rest.get(at + 2..at + 7).and_then(|e| {
            let (hex, close) = e.split_at(4);
            (close == "_")
                .then(|| u32::from_str_radix(hex, 16).ok())
                .flatten()
                .and_then(char::from_u32)
        });
        match escape {
            Some(c) => {
                out.push(c);
                rest = &rest[at + 7..];
            }
            None => {
                out.push_str("_x");
                rest = &rest[at + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A lead whose street and city fields an import swapped (`street: SKIEN`, `city: Tjeldveien
/// 66`), with them put back: the city field names no post town, the street field names one,
/// and that town is the postcode's (when the lead has a postcode). `None` otherwise (a city
/// that names a town, most leads, costs one lookup).
fn with_street_and_city_put_back(q: &PersonQuery) -> Option<PersonQuery> {
    if q.city.trim().is_empty() || q.street.trim().is_empty() {
        return None;
    }
    let table = postcodes::norway();
    if table.town_named_exactly(&q.city).is_some() {
        return None;
    }
    let town = table.town_named_exactly(&q.street)?;
    if postcode_key(&q.postcode).is_some_and(|pc| table.town_of(pc) != Some(town)) {
        return None;
    }
    Some(PersonQuery {
        street: q.city.clone(),
        city: q.street.clone(),
        ..q.clone()
    })
}

/// A lead whose address columns an import shifted one to the left, with them put back: the
/// house in the street field, the postcode in the house-number field and the post town in the
/// house-letter field (`Ringestien 34 | 4856 | Arendal | | `). `None` otherwise (a lead with a
/// postcode or a city, most leads, costs two checks).
fn with_address_columns_shifted_back(q: &PersonQuery) -> Option<PersonQuery> {
    if !q.postcode.trim().is_empty() || !q.city.trim().is_empty() {
        return None;
    }
    let number = q.house_number.trim();
    let town = q.house_letter.trim();
    if town.chars().count() < 2 || !four_digits(number) {
        return None;
    }
    postcodes::norway().town_named(town)?;
    Some(PersonQuery {
        house_number: String::new(),
        house_letter: String::new(),
        postcode: number.to_owned(),
        city: town.to_owned(),
        ..q.clone()
    })
}

/// A lead whose house number a voice transcript wrote as a word (`Seterveien tolv B`, number
/// field `fem`), with it in figures. Only a lead with no digit in its street and number
/// fields is read (most leads have one: two checks), and in the street field only its last
/// word, or the one before a house letter, after at least one other word.
fn with_house_number_in_figures(q: &PersonQuery) -> Option<PersonQuery> {
    let has_digit = |f: &str| f.bytes().any(|b| b.is_ascii_digit());
    if has_digit(&q.street) || has_digit(&q.house_number) {
        return None;
    }
    if let Some(n) = number_word(&q.house_number) {
        return Some(PersonQuery {
            house_number: n.to_string(),
            ..q.clone()
        });
    }
    if !q.house_number.trim().is_empty() {
        return None;
    }
    let words: Vec<&str> = q.street.split_whitespace().collect();
    let letter = words
        .last()
        .filter(|w| w.len() == 1 && w.bytes().all(|b| b.is_ascii_alphabetic()));
    let at = words.len().checked_sub(1 + usize::from(letter.is_some()))?;
    if at == 0 {
        return None;
    }
    let n = number_word(words[at])?;
    let mut street = words[..at].join(" ");
    street.push(' ');
    street.push_str(&n.to_string());
    if let Some(l) = letter {
        street.push(' ');
        street.push_str(l);
    }
    Some(PersonQuery {
        street,
        ..q.clone()
    })
}

/// A lead without the notes a CRM or a caller left in its street and name fields
/// ([`strip_notes`]: `Lund [dublett?]`, `Klokkerlia (ring etter kl. 16)`, `// flyttet?`);
/// `None` if there are none. Round brackets in a name are read by [`NameKey`] (a former
/// surname, `Hansen (Olsen)`), so only the street loses them here.
fn without_notes(q: &PersonQuery) -> Option<PersonQuery> {
    let street = strip_notes(&q.street, true);
    let given = strip_notes(&q.given_names, false);
    let surname = strip_notes(&q.surname, false);
    if street.is_none() && given.is_none() && surname.is_none() {
        return None;
    }
    Some(PersonQuery {
        street: street.unwrap_or_else(|| q.street.clone()),
        given_names: given.unwrap_or_else(|| q.given_names.clone()),
        surname: surname.unwrap_or_else(|| q.surname.clone()),
        ..q.clone()
    })
}

pub(super) fn push_postcode(pc: u16, out: &mut Vec<u8>) {
    out.extend_from_slice(&[
        b'0' + (pc / 1000 % 10) as u8,
        b'0' + (pc / 100 % 10) as u8,
        b'0' + (pc / 10 % 10) as u8,
        b'0' + (pc % 10) as u8,
    ]);
}

/// The postcode a key begins with: its first four bytes, digits as [`push_postcode`] writes
/// them; `None` if they are not.
pub(super) fn key_postcode(key: &[u8]) -> Option<u16> {
    key.get(..4)?.iter().try_fold(0u16, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u16::from(b - b'0'))
    })
}

pub(super) fn push_decimal(n: u32, out: &mut Vec<u8>) {
    let mut buf = itoa::Buffer::new();
    out.extend_from_slice(buf.format(n).as_bytes());
}

/// Twelve bits of hash of the surname above twelve of the given name ([`SIGNATURE_BYTES`]
/// stored): a lead born the same day is checked against a person only if one of its names
/// agrees (in either order). Twelve bits, not eight: with eight, half the persons whose key
/// was read back had no name in common with the lead, only a hash.
pub(super) fn name_signature(last: &[u8], first: &[u8]) -> u32 {
    u32::from(name_bits(last)) << 12 | u32::from(name_bits(first))
}

/// The bytes a name signature is stored in.
pub(super) const SIGNATURE_BYTES: usize = 3;

/// A name's twelve bits of [`name_signature`].
pub(super) fn name_bits(name: &[u8]) -> u16 {
    (xxhash_rust::xxh3::xxh3_64(name) & 0xFFF) as u16
}

/// A house number and its letter in a postcode field (`127 C`, `92A`: one to three digits, a
/// space and a letter, or one or two digits and a letter, which no postcode has; `927Z` is a
/// postcode misread).
fn house_in_postcode_box(field: &str) -> Option<(u32, u8)> {
    let f = field.trim();
    let digits = f.bytes().take_while(u8::is_ascii_digit).count();
    let rest = f[digits..].trim_start();
    let apart = rest.len() < f.len() - digits;
    match rest.as_bytes() {
        [l] if (1..=if apart { 3 } else { 2 }).contains(&digits) && l.is_ascii_alphabetic() => {
            Some((f[..digits].parse().ok()?, l.to_ascii_lowercase()))
        }
        _ => None,
    }
}

/// The 32-bit stored form of a national id's keyed hash; never 0 (0 means none).
pub(super) fn id_hash32(id: &NationalId, key: &IdHashKey) -> u32 {
    let h = id.hash(key);
    u32::from_le_bytes([h[0], h[1], h[2], h[3]]).max(1)
}
