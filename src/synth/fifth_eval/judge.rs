//! The set's own fairness judge: a model of a careful, lenient human reader who has only a
//! lead's text and the register. It reads the lead again from its fields (names in any field
//! and order, markers like `f.`, `née`, `c/o`, `leil.`, bolignummer and floors dropped, the
//! address from one field or several, misread postcodes, the town from the town field or the
//! postcode) and says whether its label is honest:
//!
//! - a corrupted lead must **could-be** its truth and nobody else reserved;
//! - a look-alike must could-be nobody reserved.
//!
//! A lead could be a register row when some lead name word could be one of the row's given
//! names and another one of its surnames, their birth dates do not conflict, and it is at the
//! same house (town, lenient street, number, letter equal or missing on one side), or both
//! show the same birth date, or the lead is a post box in the row's town. Candidates are found
//! through hash maps (house, birth date, town and surname), never by scanning the register.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use chrono::NaiveDate;

use super::names;
use crate::person::{PersonQuery, PersonRecord};

/// Words that are markers, not names or street words.
const MARKERS: &[&str] = &[
    "f.",
    "f",
    "født",
    "fodt",
    "née",
    "nee",
    "g.",
    "gift",
    "c/o",
    "nr",
    "nr.",
    "leil",
    "leil.",
    "leilighet",
    "etg",
    "etg.",
    "etasje",
    "bolignr",
    "bolignr.",
    "bolig",
];

/// A folded name word; `short` if written as an initial or a short form (`M.`, `Chr.`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub folded: String,
    pub short: bool,
}

/// A lead or register row as the judge reads it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Reading {
    /// Given-name words (for a lead: every name word, in whatever field).
    pub given: Vec<Word>,
    /// Surname words (empty for a lead: its words are all in `given`).
    pub surname: Vec<Word>,
    /// Folded town, from the town field, the one-field address or the postcode.
    pub town: Option<String>,
    /// The street's folded words, prefixes and leading initials dropped.
    pub street: Vec<String>,
    /// House numbers (two for a range `12-14`).
    pub numbers: Vec<u32>,
    pub letter: Option<char>,
    /// A post box instead of a street.
    pub postbox: bool,
    pub birth: Option<NaiveDate>,
}

/// Folds a text for comparison: lower case; æ/ø/å and their ASCII spellings as bare vowels;
/// accents; OCR confusions (`rn`/`m`, `cl`/`d`, `li`/`h`, `1`/`l`, `0`/`o`); `th`/`t`,
/// `ch`/`k`, `c`/`k`, `ph`/`f`, `w`/`v`, `z`/`s`; doubled letters; anything but letters
/// dropped. Two passes, so a confusion that forms a pair (`Tliomas`) folds too.
pub(crate) fn fold(s: &str) -> String {
    fold_once(&fold_once(s))
}

fn fold_once(s: &str) -> String {
    let chars: Vec<char> = s
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'æ' | 'ä' | 'é' | 'è' | 'ê' => Some('e'),
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' => Some('o'),
            'å' | 'á' | 'à' | 'â' => Some('a'),
            'ü' | 'ú' => Some('u'),
            'í' | 'ï' => Some('i'),
            '1' | '|' => Some('l'),
            '0' => Some('o'),
            c if c.is_alphabetic() => Some(c),
            _ => None,
        })
        .collect();
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let pair = chars.get(i + 1).map(|&n| (chars[i], n));
        let two = match pair {
            Some(('a', 'e')) => Some("e"),
            Some(('o', 'e')) => Some("o"),
            Some(('a', 'a')) => Some("a"),
            Some(('r', 'n')) => Some("m"),
            Some(('l', 'i')) => Some("h"),
            Some(('c', 'l')) => Some("d"),
            Some(('t', 'h')) => Some("t"),
            Some(('c', 'h')) => Some("k"),
            Some(('p', 'h')) => Some("f"),
            _ => None,
        };
        if let Some(t) = two {
            push_undoubled(&mut out, t);
            i += 2;
            continue;
        }
        let one = match chars[i] {
            'c' | 'q' => "k",
            'w' => "v",
            'z' => "s",
            'x' => "ks",
            _ => "",
        };
        if one.is_empty() {
            let mut b = [0u8; 4];
            push_undoubled(&mut out, chars[i].encode_utf8(&mut b));
        } else {
            push_undoubled(&mut out, one);
        }
        i += 1;
    }
    out
}

fn push_undoubled(out: &mut String, piece: &str) {
    for c in piece.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
}

/// At most one edit (insert, delete, substitute, swap neighbours) apart.
pub(crate) fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    match long.len() - short.len() {
        0 => {
            let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            diff.len() == 1
                || (diff.len() == 2
                    && diff[1] == diff[0] + 1
                    && a[diff[0]] == b[diff[1]]
                    && a[diff[1]] == b[diff[0]])
        }
        1 => {
            let p = (0..short.len())
                .find(|&i| short[i] != long[i])
                .unwrap_or(short.len());
            short[p..] == long[p + 1..]
        }
        _ => false,
    }
}

/// Name words of a text: split on spaces, hyphens and punctuation, markers dropped.
pub(crate) fn name_words(s: &str) -> Vec<Word> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '-' | '"' | '(' | ')' | '\''))
        .filter(|w| !w.is_empty() && !MARKERS.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| {
            let folded = fold(w);
            if folded.is_empty() {
                return None;
            }
            let short = w.ends_with('.') || w.chars().filter(|c| c.is_alphabetic()).count() == 1;
            Some(Word { folded, short })
        })
        .collect()
}

/// Folded spelling → group id.
fn spelling_groups() -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for (g, group) in names::SPELLINGS.iter().enumerate() {
        for name in *group {
            map.insert(fold(name), g);
        }
    }
    map
}

/// The judge: the register read once, and its hash maps.
pub(crate) struct Judge {
    rows: Vec<Reading>,
    /// (town id, number, last word of the street key) → rows.
    by_house: HashMap<(u32, u32, String), Vec<u32>>,
    /// Folded town → a small id for the house map.
    town_ids: HashMap<String, u32>,
    by_birth: HashMap<NaiveDate, Vec<u32>>,
    by_town_surname: HashMap<(String, String), Vec<u32>>,
    spellings: HashMap<String, usize>,
    town_of_postcode: HashMap<String, String>,
}

impl Judge {
    /// Reads the register.
    pub fn new(register: &[PersonRecord]) -> Judge {
        let mut town_of_postcode = HashMap::new();
        for r in register {
            town_of_postcode
                .entry(r.postcode.clone())
                .or_insert_with(|| fold(&r.city));
        }
        let mut judge = Judge {
            rows: Vec::with_capacity(register.len()),
            by_house: HashMap::new(),
            town_ids: HashMap::new(),
            by_birth: HashMap::new(),
            by_town_surname: HashMap::new(),
            spellings: spelling_groups(),
            town_of_postcode,
        };
        for (i, r) in register.iter().enumerate() {
            let mut reading = judge.read(&PersonQuery::from(r));
            reading.given = name_words(&r.given_names);
            reading.surname = name_words(&r.surname);
            let i = i as u32;
            if let Some(town) = &reading.town {
                let next = judge.town_ids.len() as u32;
                let id = *judge.town_ids.entry(town.clone()).or_insert(next);
                if let Some(last) = reading.street.last() {
                    for &n in &reading.numbers {
                        judge
                            .by_house
                            .entry((id, n, last.clone()))
                            .or_default()
                            .push(i);
                    }
                }
                for s in &reading.surname {
                    judge
                        .by_town_surname
                        .entry((town.clone(), s.folded.clone()))
                        .or_default()
                        .push(i);
                }
            }
            if let Some(b) = reading.birth {
                judge.by_birth.entry(b).or_default().push(i);
            }
            judge.rows.push(reading);
        }
        judge
    }

    /// The towns the judge knows postcodes of are the register's; `extra` adds a postcode
    /// register (for leads at postcodes nobody reserved lives at).
    pub fn know_postcodes<'a>(&mut self, extra: impl Iterator<Item = (&'a str, &'a str)>) {
        for (code, town) in extra {
            self.town_of_postcode
                .entry(code.to_owned())
                .or_insert_with(|| fold(town));
        }
    }

    /// Reads a lead.
    pub fn read(&self, q: &PersonQuery) -> Reading {
        let mut r = Reading {
            given: name_words(&format!("{} {}", q.given_names, q.surname)),
            birth: q.birth_date,
            ..Reading::default()
        };
        let street_field = q.street.replace(['\u{a0}', '\t', '\n', '\r'], " ");
        let mut street = street_field.trim().to_owned();
        if street.to_lowercase().starts_with("c/o") {
            street = street
                .split_once(',')
                .map_or("", |(_, rest)| rest)
                .to_owned();
        }
        let mut postcode_text = q.postcode.trim().to_owned();
        let mut town_text = q.city.trim().to_owned();
        let mut street_done = false;
        for segment in street.replace(" - ", ",").split([',', ';']) {
            let tokens: Vec<&str> = segment.split_whitespace().collect();
            let code_at = tokens
                .iter()
                .position(|t| t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()));
            let street_tokens = match code_at {
                Some(p) => {
                    if postcode_text.is_empty() {
                        postcode_text = tokens[p].to_owned();
                    }
                    if town_text.is_empty() {
                        town_text = tokens[p + 1..].join(" ");
                    }
                    &tokens[..p]
                }
                None => &tokens[..],
            };
            if !street_done && read_street(street_tokens, &mut r) {
                street_done = true;
            }
        }
        if r.numbers.is_empty() || !q.house_number.trim().is_empty() {
            let tokens: Vec<&str> = q.house_number.split_whitespace().collect();
            let mut numbers = Reading::default();
            read_number(&tokens, &mut numbers);
            if !numbers.numbers.is_empty() {
                r.numbers = numbers.numbers;
                r.letter = numbers.letter.or(r.letter);
            }
        }
        let letter = q.house_letter.trim();
        if letter.chars().count() == 1 {
            r.letter = letter.chars().next().map(|c| c.to_ascii_uppercase());
        }
        let code: String = postcode_text
            .chars()
            .map(|c| match c {
                'O' | 'o' | 'D' => '0',
                'l' | 'I' | 'i' | '|' => '1',
                'S' | 's' => '5',
                'B' => '8',
                'Z' | 'z' => '2',
                'G' | 'b' => '6',
                c => c,
            })
            .collect();
        let town = fold(&town_text);
        r.town = if !town.is_empty() {
            Some(town)
        } else {
            self.town_of_postcode.get(&code).cloned()
        };
        r
    }

    /// Whether two name words could be one name.
    fn word_could_be(&self, lead: &Word, row: &Word) -> bool {
        if lead.short || row.short {
            let (s, l) = if lead.short { (lead, row) } else { (row, lead) };
            return l.folded.starts_with(&s.folded);
        }
        if lead.folded == row.folded {
            return true;
        }
        if let (Some(a), Some(b)) = (
            self.spellings.get(&lead.folded),
            self.spellings.get(&row.folded),
        ) && a == b
        {
            return true;
        }
        lead.folded.chars().count() >= 4
            && row.folded.chars().count() >= 4
            && one_edit(&lead.folded, &row.folded)
    }

    /// Whether the lead's name words could be the row's names: one word a given name,
    /// another a surname.
    fn names_could_be(&self, lead: &Reading, row: &Reading) -> bool {
        let given: Vec<usize> = (0..lead.given.len())
            .filter(|&i| {
                row.given
                    .iter()
                    .any(|g| self.word_could_be(&lead.given[i], g))
            })
            .collect();
        if given.is_empty() {
            return false;
        }
        (0..lead.given.len()).any(|j| {
            row.surname
                .iter()
                .any(|s| self.word_could_be(&lead.given[j], s))
                && given.iter().any(|&i| i != j)
        })
    }

    /// Whether two given names (first words) could be one name.
    pub fn given_could_be(&self, a: &str, b: &str) -> bool {
        let (a, b) = (name_words(a), name_words(b));
        match (a.first(), b.first()) {
            (Some(x), Some(y)) => self.word_could_be(x, y),
            _ => false,
        }
    }

    /// Whether a lead could be register row `row`.
    pub fn could_be(&self, lead: &Reading, row: usize) -> bool {
        let r = &self.rows[row];
        if !self.names_could_be(lead, r) {
            return false;
        }
        if let (Some(a), Some(b)) = (lead.birth, r.birth) {
            return a == b;
        }
        if lead.town.is_some() && lead.town == r.town {
            if lead.postbox {
                return true;
            }
            let number = r.numbers.first().is_some_and(|n| lead.numbers.contains(n));
            let letter = match (lead.letter, r.letter) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            return number && letter && streets_could_be(&lead.street, &r.street);
        }
        false
    }

    /// Every register row the lead could be.
    pub fn candidates(&self, lead: &Reading) -> Vec<usize> {
        let mut seen: HashSet<u32> = HashSet::new();
        if let Some(town) = &lead.town {
            if let (Some(&id), Some(last)) = (self.town_ids.get(town), lead.street.last()) {
                for &n in &lead.numbers {
                    if let Some(rows) = self.by_house.get(&(id, n, last.clone())) {
                        seen.extend(rows);
                    }
                }
            }
            if lead.postbox {
                for w in &lead.given {
                    if let Some(rows) = self.by_town_surname.get(&(town.clone(), w.folded.clone()))
                    {
                        seen.extend(rows);
                    }
                }
            }
        }
        if let Some(b) = lead.birth
            && let Some(rows) = self.by_birth.get(&b)
        {
            seen.extend(rows);
        }
        let mut out: Vec<usize> = seen
            .into_iter()
            .map(|i| i as usize)
            .filter(|&i| self.could_be(lead, i))
            .collect();
        out.sort_unstable();
        out
    }

    /// Whether the label is honest, or why not.
    pub fn verdict(&self, q: &PersonQuery, truth: Option<usize>) -> Result<(), String> {
        let lead = self.read(q);
        let found = self.candidates(&lead);
        match truth {
            Some(t) if found == [t] => Ok(()),
            Some(t) if !found.contains(&t) => Err(format!("lead could not be its truth {t}")),
            Some(_) => Err(format!("lead could be others too: {found:?}")),
            None if found.is_empty() => Ok(()),
            None => Err(format!("look-alike could be reserved rows {found:?}")),
        }
    }
}

/// Reads a street part's tokens: words before the first number are the street; the number
/// (a range `12-14`, a glued or following letter) after it; the rest is dropped. False if
/// the part has no street word (a bolignummer, a floor).
fn read_street(tokens: &[&str], r: &mut Reading) -> bool {
    let mut words: Vec<String> = Vec::new();
    let mut rest: &[&str] = &[];
    for (i, t) in tokens.iter().enumerate() {
        let lower = t.to_lowercase();
        if is_bolignummer(t) || MARKERS.contains(&lower.as_str()) {
            continue;
        }
        if t.starts_with(|c: char| c.is_ascii_digit()) && !words.is_empty() {
            rest = &tokens[i..];
            break;
        }
        words.push((*t).to_owned());
    }
    if words.is_empty() {
        return false;
    }
    let first = words[0].to_lowercase();
    if ["postboks", "pb.", "pb", "boks"].contains(&first.as_str()) {
        r.postbox = true;
        return true;
    }
    r.street = street_key(&words.join(" "));
    read_number(rest, r);
    true
}

/// Reads `12`, `12B`, `12 B`, `12-B`, `12-14` and a following letter.
fn read_number(tokens: &[&str], r: &mut Reading) {
    let tokens: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| !MARKERS.contains(&t.to_lowercase().as_str()) && !is_bolignummer(t))
        .collect();
    let Some(first) = tokens.first() else {
        return;
    };
    let digits: String = first.chars().take_while(|c| c.is_ascii_digit()).collect();
    let Ok(n) = digits.parse::<u32>() else {
        return;
    };
    r.numbers = vec![n];
    let tail = first[digits.len()..].trim_start_matches('-');
    let tail_digits: String = tail.chars().take_while(|c| c.is_ascii_digit()).collect();
    if let Ok(m) = tail_digits.parse::<u32>() {
        r.numbers.push(m);
    } else if tail.chars().count() == 1 {
        r.letter = tail.chars().next().map(|c| c.to_ascii_uppercase());
    } else if let Some(next) = tokens.get(1)
        && next.chars().count() == 1
        && next.chars().all(char::is_alphabetic)
    {
        r.letter = next.chars().next().map(|c| c.to_ascii_uppercase());
    }
}

/// `H0203`, `U0101`: a bolignummer.
pub(crate) fn is_bolignummer(t: &str) -> bool {
    let t = t.trim_matches(|c: char| matches!(c, '(' | ')' | '/' | ','));
    t.len() == 5
        && t.starts_with(['H', 'U', 'K', 'L', 'h', 'u', 'k', 'l'])
        && t[1..].chars().all(|c| c.is_ascii_digit())
}

/// Every street prefix and abbreviation, folded.
static FOLDED_PREFIXES: LazyLock<Vec<String>> = LazyLock::new(|| {
    names::PREFIXES
        .iter()
        .flat_map(|(full, shorts)| std::iter::once(*full).chain(shorts.iter().copied()))
        .map(fold)
        .collect()
});

/// A street's lenient key: folded words, split at dots too, leading prefixes (full or
/// abbreviated) and leading initials dropped.
pub(crate) fn street_key(street: &str) -> Vec<String> {
    let prefixes = &*FOLDED_PREFIXES;
    let words: Vec<String> = street
        .split(|c: char| c.is_whitespace() || c == '.')
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    let mut start = 0;
    while start + 1 < words.len()
        && (prefixes.contains(&words[start]) || words[start].chars().count() == 1)
    {
        start += 1;
    }
    words[start..].to_vec()
}

/// Streets could be one if their keys are equal or one ends with the other's (two words or
/// more: `Raanes vei` in `Hans Raanes vei`).
fn streets_could_be(a: &[String], b: &[String]) -> bool {
    a == b || (b.len() >= 2 && a.ends_with(b)) || (a.len() >= 2 && b.ends_with(a))
}

/// Why each kind's label is fair (for the document and for readers of a failing test).
pub fn why_fair(kind: &str) -> &'static str {
    use super::corruption as c;
    use super::look_alikes as l;
    match kind {
        c::POSTCODE_SLIP => {
            "one digit slipped; the town is written right and the street, number and name agree"
        }
        c::POSTCODE_LETTERS => "a letter that looks like the digit; read back it is the postcode",
        c::POSTCODE_ABSENT => "the town, street, number and name say where the person lives",
        c::BOLIGNUMMER => "the flat number only adds to the house; the register has no flats",
        c::STREET_INITIAL => "an initial of the street's person: the rest of the street is whole",
        c::STREET_PREFIX => "the prefix's usual abbreviation",
        c::GIVEN_SPELLING => "another spelling of the same given name",
        c::OCR => "a scanner's confusion of letters that look alike",
        c::LOSSY_TWO => "æ/ø/å typed on a keyboard without them",
        c::WHITESPACE => "only the spaces differ",
        c::TWO_ISSUE => "two of the above, each fair",
        c::UNCHANGED => "the row itself",
        c::MAIDEN => "the married name is there; the maiden name only adds",
        c::ONE_FIELD => "every part of the address is there, in one field",
        c::SECOND_INITIAL => "the second given name as its initial",
        c::SHORT_FORM => {
            "a written short form of the given name (debatable: may be read as an initial)"
        }
        c::ISSUE_PLUS_FORMAT => "a fair issue corruption in a list's layout",
        c::CARE_OF => "a c/o line names whose mailbox it is; the address is the person's",
        c::FLOOR => "a floor or flat adds to the house",
        c::RANGE => "a house with two numbers; the person's is one of them",
        c::HYPHEN_DROPPED => "the same two given names without the hyphen",
        c::MIDDLE_DROPPED => {
            "the first given name is the one used; nobody else at the house has it"
        }
        c::POSTBOX => "name, town and birth date only (debatable: no house)",
        l::HOUSEHOLD_MEMBER => {
            "a real member of the household who is not reserved; the given name differs"
        }
        l::SIBLING => "another given name at the house: another person",
        l::TWIN => "same birth date and house, another given name: a twin",
        l::NAMESAKE_OTHER_TOWN => "the name in another town, born another day",
        l::NAMESAKE_BIRTH_YEAR => {
            "the name elsewhere in the town, born the same year but another day"
        }
        l::OTHER_LETTER => "the same number with another house letter and another given name",
        l::SAME_HOUSE_OTHER_NAME => "another household at the same address, another name",
        l::ONE_EDIT_OTHER_ADDRESS => "another real name one letter away, at another house",
        _ => "unknown kind",
    }
}
