//! A lead being written (`Draft`) and the text damage applied to it: OCR, mojibake,
//! transliteration, typos, case and layout.

use super::*;

/// The person a lead is about (reserved or not).
#[derive(Debug, Clone)]
pub(super) struct Subject {
    pub(super) given: String,
    pub(super) surname: String,
    pub(super) female: bool,
    pub(super) dob: NaiveDate,
    pub(super) addr: Addr,
    pub(super) nid: Option<String>,
}

impl Subject {
    pub(super) fn of(p: &Person) -> Subject {
        Subject {
            given: p.given.clone(),
            surname: p.surname.clone(),
            female: p.female,
            dob: p.dob,
            addr: p.addr,
            nid: None,
        }
    }
}

/// Where a list puts house number and letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    /// In their own fields.
    Fields,
    /// Both in the house number field (`12 B`).
    NumberLetter,
    /// In the street field (`Storgata 12 B`).
    InStreet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    Keep,
    Upper,
    Lower,
    NamesUpper,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NameForm {
    Fields,
    Swapped,
    SurnameCommaGiven,
    GivenSurname,
    SurnameGiven,
}

/// How text was mangled by a wrong character encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Moji {
    /// UTF-8 read as Windows-1252: `JÃ¸rgensen`.
    Cp1252,
    /// Unknown characters replaced by `?`.
    Question,
    /// Unknown characters replaced by U+FFFD.
    Replacement,
}

/// A lead being written: the person's data as the list has it, and how the list lays it out.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub(super) given: String,
    pub(super) surname: String,
    pub(super) street: String,
    pub(super) form: Form,
    pub(super) number: String,
    pub(super) letter: String,
    pub(super) postcode: String,
    pub(super) city: String,
    pub(super) city_given: bool,
    pub(super) dob: Option<NaiveDate>,
    pub(super) nid: Option<String>,
    pub(super) layout: Layout,
    /// Between street and number.
    pub(super) sep: &'static str,
    /// Between number and letter.
    pub(super) letter_sep: &'static str,
    pub(super) letter_lower: bool,
    /// The number also in the house number field, besides the street field.
    pub(super) number_twice: bool,
    /// Appended to the street field (`, H0404`).
    pub(super) flat: Option<String>,
    pub(super) care_of: Option<String>,
    pub(super) case: Case,
    pub(super) city_upper: bool,
    pub(super) name_form: NameForm,
    pub(super) postcode_in_city: bool,
    pub(super) punctuation: bool,
    pub(super) ocr: bool,
    pub(super) moji: Option<Moji>,
}

impl Draft {
    /// The subject's data in a list's ordinary layout (case, where the house number goes,
    /// city or not, birth date or not).
    pub(super) fn new(w: &World, s: &Subject, rng: &mut ChaCha8Rng) -> Draft {
        let layout = [Layout::Fields, Layout::NumberLetter, Layout::InStreet]
            [pick_index(&[45, 20, 35], rng)];
        let case = [Case::Keep, Case::Upper, Case::Lower, Case::NamesUpper]
            [pick_index(&[75, 15, 4, 6], rng)];
        let mut d = Draft {
            given: s.given.clone(),
            surname: s.surname.clone(),
            street: String::new(),
            form: Form::Titled,
            number: String::new(),
            letter: String::new(),
            postcode: String::new(),
            city: String::new(),
            city_given: rng.random_bool(0.95),
            dob: rng.random_bool(0.35).then_some(s.dob),
            nid: None,
            layout,
            sep: " ",
            letter_sep: if rng.random_bool(0.5) { " " } else { "" },
            letter_lower: false,
            number_twice: false,
            flat: None,
            care_of: None,
            case,
            city_upper: rng.random_bool(0.5),
            name_form: NameForm::Fields,
            postcode_in_city: false,
            punctuation: false,
            ocr: false,
            moji: None,
        };
        d.set_addr(w, s.addr);
        d
    }

    pub(super) fn set_addr(&mut self, w: &World, a: Addr) {
        let street = &w.streets[a.street as usize];
        self.street = street.name.clone();
        self.form = street.form;
        self.number = a.number.to_string();
        self.letter = letter_str(a.letter);
        self.postcode = w.postcode_of(a).to_owned();
        self.city = w.city_of(a).to_owned();
    }

    /// The lead as the list carries it; `None` if a requested OCR confusion found no place.
    pub(super) fn render(&self, rng: &mut ChaCha8Rng) -> Option<PersonQuery> {
        let cased = |s: &str, name: bool| match self.case {
            Case::Keep => s.to_owned(),
            Case::Upper => s.to_uppercase(),
            Case::Lower => s.to_lowercase(),
            Case::NamesUpper if name => s.to_uppercase(),
            Case::NamesUpper => s.to_owned(),
        };
        let (g, sn) = (cased(&self.given, true), cased(&self.surname, true));
        let (mut given_names, mut surname) = match self.name_form {
            NameForm::Fields => (g, sn),
            NameForm::Swapped => (sn, g),
            NameForm::SurnameCommaGiven => (format!("{sn}, {g}"), String::new()),
            NameForm::GivenSurname => (format!("{g} {sn}"), String::new()),
            NameForm::SurnameGiven => (format!("{sn} {g}"), String::new()),
        };
        let street = cased(&self.street, false);
        let letter = if self.letter_lower {
            self.letter.to_lowercase()
        } else {
            self.letter.clone()
        };
        let number_letter = if letter.is_empty() {
            self.number.clone()
        } else {
            format!("{}{}{letter}", self.number, self.letter_sep)
        };
        let (mut street, house_number, house_letter) = match self.layout {
            Layout::InStreet => (
                format!("{street}{}{number_letter}", self.sep),
                if self.number_twice {
                    self.number.clone()
                } else {
                    String::new()
                },
                String::new(),
            ),
            Layout::NumberLetter => (street, number_letter, String::new()),
            Layout::Fields => (street, self.number.clone(), letter),
        };
        if let Some(flat) = &self.flat {
            street.push_str(flat);
        }
        if let Some(co) = &self.care_of {
            street = format!("{co}, {street}");
        }
        let mut city = if !self.city_given {
            String::new()
        } else if self.case == Case::Lower {
            self.city.to_lowercase()
        } else if self.city_upper {
            self.city.to_uppercase()
        } else {
            title_case(&self.city)
        };
        let mut postcode = self.postcode.clone();
        if self.postcode_in_city && !postcode.is_empty() {
            city = format!("{postcode} {city}");
            postcode.clear();
        }
        if self.punctuation {
            for _ in 0..2 {
                match rng.random_range(0..5) {
                    0 => given_names = format!("\"{given_names}\""),
                    1 if !surname.is_empty() => surname.push(','),
                    2 => street.push(','),
                    3 => given_names.push('.'),
                    _ if !city.is_empty() => city.push('.'),
                    _ => given_names.push(','),
                }
            }
        }
        let mut q = PersonQuery {
            given_names,
            surname,
            street,
            house_number,
            house_letter,
            postcode,
            city,
            birth_date: self.dob,
            national_id: self.nid.clone(),
        };
        if self.ocr && !apply_ocr(&mut q, rng) {
            return None;
        }
        if let Some(m) = self.moji
            && !apply_mojibake(&mut q, m)
        {
            return None;
        }
        Some(q)
    }
}

pub(super) fn title_case(s: &str) -> String {
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

/// One OCR confusion (two, sometimes) in a name or the street's name: `rn`↔`m`, `l`→`1`,
/// `I`↔`l`, `O`→`0`.
pub(super) fn apply_ocr(q: &mut PersonQuery, rng: &mut ChaCha8Rng) -> bool {
    // (class, field, byte offset, byte length, replacement)
    let sites = |q: &PersonQuery| {
        let mut out: Vec<(usize, usize, usize, usize, &'static str)> = Vec::new();
        for (f, text) in [&q.given_names, &q.surname, &q.street]
            .into_iter()
            .enumerate()
        {
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            for k in 0..chars.len() {
                let (i, c) = chars[k];
                if f == 2 && c.is_ascii_digit() {
                    break; // the street's name only, never its number
                }
                let prev = k.checked_sub(1).map(|p| chars[p].1);
                let next = chars.get(k + 1).map(|x| x.1);
                let word_start = prev.is_none_or(|p| !p.is_alphanumeric());
                match c {
                    'r' if next == Some('n') => out.push((0, f, i, 2, "m")),
                    'R' if next == Some('N') => out.push((0, f, i, 2, "M")),
                    'm' if !word_start => out.push((0, f, i, 1, "rn")),
                    'M' if !word_start && prev.is_some_and(char::is_uppercase) => {
                        out.push((0, f, i, 1, "RN"))
                    }
                    'l' if !word_start => {
                        out.push((1, f, i, 1, "1"));
                        out.push((2, f, i, 1, "I"));
                    }
                    'L' if !word_start => out.push((1, f, i, 1, "1")),
                    'I' if word_start && next.is_some_and(char::is_lowercase) => {
                        out.push((2, f, i, 1, "l"))
                    }
                    'O' if word_start && f < 2 => out.push((3, f, i, 1, "0")),
                    _ => {}
                }
            }
        }
        out
    };
    let apply = |q: &mut PersonQuery, site: (usize, usize, usize, usize, &str)| {
        let (_, f, at, len, to) = site;
        let field = match f {
            0 => &mut q.given_names,
            1 => &mut q.surname,
            _ => &mut q.street,
        };
        field.replace_range(at..at + len, to);
    };
    let all = sites(q);
    let weights: Vec<u32> = [45u32, 35, 12, 8]
        .iter()
        .enumerate()
        .map(|(class, &w)| {
            if all.iter().any(|s| s.0 == class) {
                w
            } else {
                0
            }
        })
        .collect();
    if weights.iter().all(|&w| w == 0) {
        return false;
    }
    let class = pick_index(&weights, rng);
    let of_class: Vec<_> = all.iter().filter(|s| s.0 == class).copied().collect();
    let site = of_class[rng.random_range(0..of_class.len())];
    apply(q, site);
    if rng.random_bool(0.15) {
        let again: Vec<_> = sites(q)
            .into_iter()
            .filter(|s| s.1 == site.1 && s.0 <= 1 && s.2 != site.2)
            .collect();
        if !again.is_empty() {
            let s = again[rng.random_range(0..again.len())];
            apply(q, s);
        }
    }
    true
}

/// Every æ, ø, å (and é) of the names, street and city mangled one way; `false` if none.
pub(super) fn apply_mojibake(q: &mut PersonQuery, m: Moji) -> bool {
    let mut changed = false;
    for field in [
        &mut q.given_names,
        &mut q.surname,
        &mut q.street,
        &mut q.city,
    ] {
        let mut out = String::with_capacity(field.len() + 4);
        for c in field.chars() {
            match MOJIBAKE.iter().find(|(_, good)| good.starts_with(c)) {
                Some((bad, _)) => {
                    changed = true;
                    match m {
                        Moji::Cp1252 => out.push_str(bad),
                        Moji::Question => out.push('?'),
                        Moji::Replacement => out.push('\u{fffd}'),
                    }
                }
                None => out.push(c),
            }
        }
        *field = out;
    }
    changed
}

/// Writes æ, ø, å without them, one scheme per field (`Jørgensen` → `Jorgensen`,
/// `Joergensen`; `Blåbærgata` → `Blabergata`, `Blaabaergata`).
pub(super) fn transliterate(s: &str, scheme: usize, ae: &'static str) -> String {
    let all_upper = !s.chars().any(char::is_lowercase);
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let to: &str = match (lower, scheme) {
            ('ø', 0) => "o",
            ('ø', _) => "oe",
            ('å', 0) => "a",
            ('å', _) => "aa",
            ('æ', 0) => ae,
            ('æ', _) => "ae",
            _ => {
                out.push(c);
                continue;
            }
        };
        if c.is_uppercase() && all_upper {
            out.push_str(&to.to_uppercase());
        } else if c.is_uppercase() {
            let mut cs = to.chars();
            if let Some(f) = cs.next() {
                out.extend(f.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push_str(to);
        }
    }
    out
}

pub(super) fn has_nordic(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

/// Norwegian keyboard rows, for typing slips.
pub(super) const KEY_ROWS: [&str; 3] = ["qwertyuiopå", "asdfghjkløæ", "zxcvbnm"];

/// One typing slip in a word (a neighbouring key, two letters swapped, one dropped or
/// doubled) that does not make another real name; `None` if none was found.
pub(super) fn typo(word: &str, names: &Names, rng: &mut ChaCha8Rng) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 4 {
        return None;
    }
    for _ in 0..20 {
        let mut c = chars.clone();
        let i = if rng.random_bool(0.1) {
            0
        } else {
            rng.random_range(1..c.len())
        };
        match pick_index(&[40, 25, 20, 15], rng) {
            0 => {
                let lower = c[i].to_lowercase().next().unwrap_or(c[i]);
                let Some(row) = KEY_ROWS.iter().find(|r| r.contains(lower)) else {
                    continue;
                };
                let row: Vec<char> = row.chars().collect();
                let Some(at) = row.iter().position(|&k| k == lower) else {
                    continue;
                };
                let mut near = Vec::new();
                if at > 0 {
                    near.push(row[at - 1]);
                }
                if at + 1 < row.len() {
                    near.push(row[at + 1]);
                }
                let k = near[rng.random_range(0..near.len())];
                c[i] = if c[i].is_uppercase() {
                    k.to_uppercase().next().unwrap_or(k)
                } else {
                    k
                };
            }
            1 if i + 1 < c.len() && c[i] != c[i + 1] && i > 0 => c.swap(i, i + 1),
            2 if i > 0 => {
                c.remove(i);
            }
            3 => c.insert(i, c[i].to_lowercase().next().unwrap_or(c[i])),
            _ => continue,
        }
        let out: String = c.into_iter().collect();
        if out != word && !names.known.contains(&out.to_lowercase()) {
            return Some(out);
        }
    }
    None
}

/// Splits given names at spaces and hyphens, keeping the separators.
pub(super) fn split_given(s: &str) -> (Vec<String>, Vec<char>) {
    let tokens = s.split([' ', '-']).map(str::to_owned).collect();
    let seps = s.chars().filter(|c| *c == ' ' || *c == '-').collect();
    (tokens, seps)
}

pub(super) fn join_given(tokens: &[String], seps: &[char]) -> String {
    let mut out = String::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            out.push(seps.get(i - 1).copied().unwrap_or(' '));
        }
        out.push_str(t);
    }
    out
}

/// Suffix spellings lists use for a street's suffix.
pub(super) const SUFFIX_VARIANTS: &[(&str, &[&str])] = &[
    ("veien", &["vn.", "vn.", "vegen", "v."]),
    ("vegen", &["veien", "vn."]),
    ("gata", &["gt.", "gt.", "gt", "gaten", "gate"]),
    ("gate", &["gt.", "gata", "gaten"]),
    ("vei", &["v.", "veien", "veg"]),
    ("veg", &["vei", "vegen"]),
    ("plass", &["pl."]),
];
