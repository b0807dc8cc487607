//! The fairness judge, a careful human reader with only the lead and the register, and
//! the text folding and address reading it uses.

use super::*;

/// UTF-8 read as Windows-1252, and what it was.
pub(super) const MOJIBAKE: [(&str, &str); 8] = [
    ("Ã¸", "ø"),
    ("Ã˜", "Ø"),
    ("Ã¥", "å"),
    ("Ã…", "Å"),
    ("Ã¦", "æ"),
    ("Ã†", "Æ"),
    ("Ã©", "é"),
    ("Ã¶", "ö"),
];

/// Undoes UTF-8 text that was read as Windows-1252 (`JÃ¸rgensen`).
pub(super) fn repair(s: &str) -> Cow<'_, str> {
    if !s.contains('Ã') {
        return Cow::Borrowed(s);
    }
    let mut out = s.to_owned();
    for (bad, good) in MOJIBAKE {
        out = out.replace(bad, good);
    }
    Cow::Owned(out)
}

/// Folds a word for comparison: lower case, æ/ø/å and their ASCII spellings alike, accents
/// off, OCR confusions (`rn`/`m`, `1`/`l`, `0`/`o`) and spellings that sound alike (`th`/`t`,
/// `ch`/`k`, `c`/`k`, `ph`/`f`, `z`/`s`, `w`/`v`) alike, double letters single, punctuation
/// and spaces dropped; a character lost to a bad encoding (`?`, U+FFFD) becomes the wildcard
/// `*`.
pub(super) fn fold_word(s: &str) -> String {
    let s = repair(s);
    let mut a: Vec<u8> = Vec::with_capacity(s.len() + 2);
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => a.extend_from_slice(b"ae"),
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' => a.push(b'o'),
            'å' | 'á' | 'à' | 'â' => a.push(b'a'),
            'é' | 'è' | 'ê' | 'ë' => a.push(b'e'),
            'ü' | 'ú' => a.push(b'u'),
            'í' | 'ï' => a.push(b'i'),
            '1' | '|' => a.push(b'l'),
            '0' => a.push(b'o'),
            '?' | '\u{fffd}' => a.push(b'*'),
            c if c.is_ascii_alphanumeric() => a.push(c as u8),
            _ => {}
        }
    }
    let mut b: Vec<u8> = Vec::with_capacity(a.len() + 2);
    let mut i = 0;
    while i < a.len() {
        let (out, step): (&[u8], usize) = match (a[i], a.get(i + 1).copied()) {
            (b'r', Some(b'n')) => (b"m", 2),
            (b't', Some(b'h')) => (b"t", 2),
            (b'c', Some(b'h')) => (b"k", 2),
            (b'c', Some(b'k')) => (b"k", 2),
            (b'p', Some(b'h')) => (b"f", 2),
            (b'a', Some(b'e')) => (b"e", 2),
            (b'o', Some(b'e')) => (b"o", 2),
            (b'c', _) | (b'q', _) => (b"k", 1),
            (b'z', _) => (b"s", 1),
            (b'x', _) => (b"ks", 1),
            (b'w', _) => (b"v", 1),
            _ => (&a[i..i + 1], 1),
        };
        b.extend_from_slice(out);
        i += step;
    }
    b.dedup_by(|x, y| x == y && *x != b'*');
    b.into_iter().map(char::from).collect()
}

/// Optimal string alignment distance (edits and adjacent swaps), `*` matching anything;
/// words longer than 63 bytes are compared on their first 63.
pub(super) fn osa(a: &[u8], b: &[u8]) -> usize {
    let (a, b) = (&a[..a.len().min(63)], &b[..b.len().min(63)]);
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return n.max(m);
    }
    let eq = |x: u8, y: u8| x == y || x == b'*' || y == b'*';
    let mut rows = [[0u8; 64]; 3];
    for (j, cell) in rows[1].iter_mut().enumerate().take(m + 1) {
        *cell = j as u8;
    }
    // rows[(i + 1) % 3] is row i - 1, rows[i % 3] row i, rows[(i + 2) % 3] row i - 2.
    for i in 1..=n {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i as u8;
        for j in 1..=m {
            let cost = u8::from(!eq(a[i - 1], b[j - 1]));
            let mut v = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && eq(a[i - 1], b[j - 2]) && eq(a[i - 2], b[j - 1]) {
                v = v.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = v;
        }
    }
    usize::from(rows[n % 3][m])
}

/// Whether two folded words could be one name as a lead list writes it: equal, or within one
/// edit (words of 3–5 letters) or two (longer), or, if `initials`, one is the other's initial.
pub(super) fn tok_same(a: &str, b: &str, initials: bool) -> bool {
    if a == b {
        return true;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let eq = |x: u8, y: u8| x == y || x == b'*' || y == b'*';
    if initials && (a.len() == 1 || b.len() == 1) {
        return eq(a[0], b[0]);
    }
    let limit = match a.len().min(b.len()) {
        0..=2 => return a.len() == b.len() && a.iter().zip(b).all(|(&x, &y)| eq(x, y)),
        3..=5 => 1,
        _ => 2,
    };
    a.len().abs_diff(b.len()) <= limit && osa(a, b) <= limit
}

/// The folded words of a name field, and all of them joined (`Anne-Lise` = `Annelise`).
pub(super) fn name_tokens(s: &str) -> Vec<String> {
    let s = repair(s);
    let mut v: Vec<String> = s
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '-' | ',' | '.' | '"' | '\'' | '/' | '(' | ')')
        })
        .map(fold_word)
        .filter(|t| !t.is_empty())
        .collect();
    if v.len() >= 2 {
        let joined = v.concat();
        v.push(joined);
    }
    v
}

/// A street, house number and letter as a reader takes them from the address fields.
#[derive(Debug, Clone, Default)]
pub(super) struct AddrView {
    /// The street's prefix (Øvre, Nedre…), as a set of [`PREFIXES`] it may stand for.
    pub(super) prefix: u8,
    /// The street without prefix, initials and given names, suffix spelt one way.
    pub(super) key: String,
    pub(super) number: Option<u32>,
    pub(super) letter: Option<char>,
}

/// Reads street, house number and letter from a street field (which may carry the number,
/// the letter, a flat number and a c/o line) and the house number and letter fields.
pub(super) fn addr_view(street: &str, house_number: &str, house_letter: &str) -> AddrView {
    let s = repair(street);
    let s = strip_care_of(&s);
    let mut v = AddrView::default();
    let mut names: Vec<&str> = Vec::new();
    let mut skip_number = false;
    let mut after_number = false;
    for raw in s.split(|c: char| c.is_whitespace() || c == ',' || c == '.') {
        if raw.is_empty() {
            continue;
        }
        let lower = raw.to_lowercase();
        if is_flat_code(&lower) {
            continue;
        }
        if matches!(
            lower.as_str(),
            "leil" | "leilighet" | "lgh" | "bolig" | "bolignr" | "h-nr"
        ) {
            skip_number = true;
            continue;
        }
        if raw.starts_with(|c: char| c.is_ascii_digit()) {
            if skip_number {
                skip_number = false;
            } else if v.number.is_none() {
                let (n, l) = split_number(raw);
                v.number = n;
                v.letter = l.or(v.letter);
                after_number = true;
            }
            continue;
        }
        skip_number = false;
        if after_number {
            let mut chars = raw.chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && c.is_alphabetic()
                && v.letter.is_none()
            {
                v.letter = c.to_uppercase().next();
            }
            continue;
        }
        names.push(raw);
    }
    let hn: String = house_number
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if !hn.is_empty() {
        let (n, l) = split_number(&hn);
        if n.is_some() {
            v.number = n;
        }
        v.letter = l.or(v.letter);
    }
    let mut hl = house_letter.trim().chars();
    if let (Some(c), None) = (hl.next(), hl.next())
        && c.is_alphabetic()
    {
        v.letter = c.to_uppercase().next();
    }
    let (prefix, key) = street_key(&names);
    v.prefix = prefix;
    v.key = key;
    v
}

/// Drops a `c/o Name,` part of a street field.
pub(super) fn strip_care_of(s: &str) -> Cow<'_, str> {
    let Some(at) = s
        .as_bytes()
        .windows(3)
        .position(|w| w.eq_ignore_ascii_case(b"c/o"))
    else {
        return Cow::Borrowed(s);
    };
    match s[at..].find(',') {
        Some(comma) => Cow::Owned(format!("{}{}", &s[..at], &s[at + comma + 1..])),
        None => Cow::Owned(s[..at].to_owned()),
    }
}

/// A bolignummer (`h0404`, `u0101`).
pub(super) fn is_flat_code(lower: &str) -> bool {
    let b = lower.as_bytes();
    b.len() == 5
        && matches!(b[0], b'h' | b'u' | b'k' | b'l')
        && b[1..].iter().all(u8::is_ascii_digit)
}

/// `12B` → 12 and B.
pub(super) fn split_number(s: &str) -> (Option<u32>, Option<char>) {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    let rest: Vec<char> = s
        .chars()
        .skip(digits.len())
        .filter(|c| c.is_alphabetic())
        .collect();
    let letter = match rest.as_slice() {
        [c] => c.to_uppercase().next(),
        _ => None,
    };
    (digits.parse().ok(), letter)
}

/// The prefix set a folded word stands for, if it is a street prefix or its abbreviation.
pub(super) fn prefix_mask(word: &str) -> Option<u8> {
    pub(super) const OVRE: u8 = 1;
    pub(super) const NEDRE: u8 = 2;
    pub(super) const SONDRE: u8 = 4;
    pub(super) const NORDRE: u8 = 8;
    pub(super) const STORE: u8 = 16;
    pub(super) const LILLE: u8 = 32;
    pub(super) const VESTRE: u8 = 64;
    pub(super) const OSTRE: u8 = 128;
    Some(match word {
        "ovre" | "ovr" => OVRE,
        "o" => OVRE | OSTRE,
        "nedre" | "nedr" => NEDRE,
        "n" => NEDRE | NORDRE,
        "nordre" | "nordr" | "ndr" => NORDRE,
        "sondre" | "sondr" | "sdr" => SONDRE,
        "s" => SONDRE | STORE,
        "store" | "stor" | "st" => STORE,
        "lile" | "lil" | "l" => LILLE,
        "vestre" | "vestr" | "v" | "vr" => VESTRE,
        "ostre" | "ostr" => OSTRE,
        _ => return None,
    })
}

/// The comparable key of a street's words: suffix spelt one way (`gata`, `gt.` → `gate`;
/// `veien`, `vegen`, `vn.`, `v.` → `vei`), the prefix taken apart, initials dropped, and of a
/// street named after a person only the surname and suffix kept (`hans raanes vei` →
/// `ranesvei`).
pub(super) fn street_key(words: &[&str]) -> (u8, String) {
    let mut toks: Vec<String> = words
        .iter()
        .map(|w| fold_word(w))
        .filter(|t| !t.is_empty())
        .collect();
    let Some(last) = toks.last_mut() else {
        return (0, String::new());
    };
    *last = normalise_suffix(last);
    let mut prefix = 0;
    if toks.len() > 1
        && let Some(m) = prefix_mask(&toks[0])
    {
        prefix = m;
        toks.remove(0);
    }
    if toks.len() > 1 && toks.iter().any(|t| t.len() > 1) {
        toks.retain(|t| t.len() > 1);
    }
    if toks.len() > 2 {
        toks.drain(..toks.len() - 2);
    }
    (prefix, toks.concat())
}

pub(super) fn normalise_suffix(t: &str) -> String {
    if t == "v" {
        return "vei".to_owned();
    }
    for (suffix, to) in [
        ("gaten", "gate"),
        ("gata", "gate"),
        ("gate", "gate"),
        ("gt", "gate"),
        ("veien", "vei"),
        ("vegen", "vei"),
        ("vei", "vei"),
        ("veg", "vei"),
        ("vn", "vei"),
    ] {
        if let Some(stem) = t.strip_suffix(suffix) {
            return format!("{stem}{to}");
        }
    }
    t.to_owned()
}

pub(super) fn street_same(a: &AddrView, b: &AddrView) -> bool {
    if a.key.is_empty() || b.key.is_empty() {
        return true;
    }
    if a.prefix != 0 && b.prefix != 0 && a.prefix & b.prefix == 0 {
        return false;
    }
    let (short, long) = if a.key.len() <= b.key.len() {
        (&a.key, &b.key)
    } else {
        (&b.key, &a.key)
    };
    short == long
        || (short.len() >= 5 && long.ends_with(short.as_str()))
        || osa(short.as_bytes(), long.as_bytes()) <= 2
}

pub(super) fn town_same(a: &str, b: &str) -> bool {
    a == b || (a.len().min(b.len()) >= 5 && osa(a.as_bytes(), b.as_bytes()) <= 1)
}

/// A postcode read leniently (`94O9` → 9409, `5l39` → 5139); `None` unless four digits.
pub(super) fn read_postcode(s: &str) -> Option<String> {
    let mut out = String::with_capacity(4);
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c,
            'O' | 'o' | 'D' => '0',
            'l' | 'I' | 'i' | '|' => '1',
            'S' | 's' => '5',
            'B' => '8',
            'b' => '6',
            'Z' | 'z' => '2',
            c if c.is_whitespace() => continue,
            _ => return None,
        };
        out.push(d);
    }
    (out.len() == 4).then_some(out)
}

/// A lead or a register record as the judge reads it.
#[derive(Debug, Clone, Default)]
pub(super) struct View {
    pub(super) given: Vec<String>,
    pub(super) surname: Vec<String>,
    /// Given names and surname in one field: `given` holds all the words.
    pub(super) bag: bool,
    pub(super) addr: AddrView,
    pub(super) towns: Vec<String>,
    pub(super) postcode: Option<String>,
    /// The birth date, or the one the national id encodes.
    pub(super) dob: Option<NaiveDate>,
    /// The national id's digits.
    pub(super) nid: Option<String>,
}

pub(super) fn nid_digits(s: &str) -> Option<String> {
    let d: String = s.chars().filter(char::is_ascii_digit).collect();
    (d.len() == 11).then_some(d)
}

pub(super) fn any_same(ls: &[String], rs: &[String], initials: bool) -> bool {
    ls.iter()
        .any(|l| rs.iter().any(|r| tok_same(l, r, initials)))
}

/// Whether the lead's names could be the record's (in either field order).
pub(super) fn names_could_match(l: &View, r: &View) -> bool {
    if l.bag {
        return any_same(&l.given, &r.given, true) && any_same(&l.given, &r.surname, false);
    }
    (any_same(&l.given, &r.given, true) && any_same(&l.surname, &r.surname, false))
        || (any_same(&l.given, &r.surname, false) && any_same(&l.surname, &r.given, true))
}

pub(super) fn address_differs(l: &View, r: &View) -> bool {
    let town_differs = !l.towns.is_empty()
        && !l
            .towns
            .iter()
            .any(|t| r.towns.iter().any(|u| town_same(t, u)))
        && (l.postcode.is_none() || l.postcode != r.postcode);
    town_differs
        || matches!((l.addr.number, r.addr.number), (Some(a), Some(b)) if a != b)
        || matches!((l.addr.letter, r.addr.letter), (Some(a), Some(b)) if a != b)
        || !street_same(&l.addr, &r.addr)
}

/// Whether a careful reader can tell the lead's person from the record's with only the lead
/// and the record: a differing birth date or national id, a clearly different name, or a
/// different house (unless the birth date or national id agree: then it is a move).
pub(super) fn distinguishable(l: &View, r: &View) -> bool {
    distinguishable_by(l, r, || names_could_match(l, r))
}

/// [`distinguishable`], with `names_match` answering [`names_could_match`] for the pair.
pub(super) fn distinguishable_by(l: &View, r: &View, names_match: impl FnOnce() -> bool) -> bool {
    if matches!((l.dob, r.dob), (Some(a), Some(b)) if a != b) {
        return true;
    }
    if matches!((&l.nid, &r.nid), (Some(a), Some(b)) if a != b) {
        return true;
    }
    if !names_match() {
        return true;
    }
    let same_id = matches!((l.dob, r.dob), (Some(a), Some(b)) if a == b)
        || matches!((&l.nid, &r.nid), (Some(a), Some(b)) if a == b);
    !same_id && address_differs(l, r)
}

/// Reads leads and checks them against every reserved person.
pub(super) struct Judge<'p> {
    pub(super) pc: &'p Postcodes,
    pub(super) recs: Vec<View>,
    /// Distinct folded surname words of the register, and the records having each.
    pub(super) words: Vec<String>,
    pub(super) by_word: Vec<Vec<u32>>,
    /// A lead's word → the surname words it could be.
    pub(super) similar: HashMap<String, Vec<u32>>,
    pub(super) stamp: Vec<u32>,
    pub(super) epoch: u32,
    /// Every folded name word of the register (given names and surnames), and each record's
    /// given-name and surname words as ids into it.
    pub(super) vocab: Vec<String>,
    pub(super) rec_given: Vec<Vec<u32>>,
    pub(super) rec_surname: Vec<Vec<u32>>,
    /// Per vocabulary word, how it relates to the lead being judged ([`WordFit`] bits),
    /// valid where `fit_epoch` is the current `epoch`.
    pub(super) fit: Vec<u8>,
    pub(super) fit_epoch: Vec<u32>,
}

/// Bits of [`Judge::fit`]: the word could be one of the lead's given names (initials
/// allowed, or not) or one of its surname words (initials allowed, or not).
pub(super) struct WordFit;

impl WordFit {
    pub(super) const GIVEN_INITIALS: u8 = 1;
    pub(super) const GIVEN: u8 = 2;
    pub(super) const SURNAME_INITIALS: u8 = 4;
    pub(super) const SURNAME: u8 = 8;
}

impl<'p> Judge<'p> {
    pub(super) fn new(register: &[PersonRecord], pc: &'p Postcodes) -> Judge<'p> {
        let mut j = Judge {
            pc,
            recs: Vec::with_capacity(register.len()),
            words: Vec::new(),
            by_word: Vec::new(),
            similar: HashMap::new(),
            stamp: vec![0; register.len()],
            epoch: 0,
            vocab: Vec::new(),
            rec_given: Vec::with_capacity(register.len()),
            rec_surname: Vec::with_capacity(register.len()),
            fit: Vec::new(),
            fit_epoch: Vec::new(),
        };
        let mut word_id: HashMap<String, u32> = HashMap::new();
        let mut vocab_id: HashMap<String, u32> = HashMap::new();
        for (i, r) in register.iter().enumerate() {
            let v = record_view(r);
            let mut intern = |words: &[String]| -> Vec<u32> {
                words
                    .iter()
                    .map(|w| {
                        *vocab_id.entry(w.clone()).or_insert_with(|| {
                            j.vocab.push(w.clone());
                            (j.vocab.len() - 1) as u32
                        })
                    })
                    .collect()
            };
            let given = intern(&v.given);
            let surname = intern(&v.surname);
            j.rec_given.push(given);
            j.rec_surname.push(surname);
            let mut ids: Vec<u32> = v
                .surname
                .iter()
                .map(|w| {
                    *word_id.entry(w.clone()).or_insert_with(|| {
                        j.words.push(w.clone());
                        j.by_word.push(Vec::new());
                        (j.words.len() - 1) as u32
                    })
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                j.by_word[id as usize].push(i as u32);
            }
            j.recs.push(v);
        }
        j.fit = vec![0; j.vocab.len()];
        j.fit_epoch = vec![0; j.vocab.len()];
        j
    }

    /// How vocabulary word `w` relates to the lead `l` ([`WordFit`] bits), computed once per
    /// lead (epoch).
    pub(super) fn word_fit(&mut self, l: &View, w: u32) -> u8 {
        let w = w as usize;
        if self.fit_epoch[w] == self.epoch {
            return self.fit[w];
        }
        let word = &self.vocab[w];
        let mut bits = 0;
        for (words, initials, plain) in [
            (&l.given, WordFit::GIVEN_INITIALS, WordFit::GIVEN),
            (&l.surname, WordFit::SURNAME_INITIALS, WordFit::SURNAME),
        ] {
            if words.iter().any(|x| tok_same(x, word, true)) {
                bits |= initials;
            }
            if words.iter().any(|x| tok_same(x, word, false)) {
                bits |= plain;
            }
        }
        self.fit[w] = bits;
        self.fit_epoch[w] = self.epoch;
        bits
    }

    /// [`names_could_match`] for the lead and record `r`, through [`Judge::word_fit`].
    pub(super) fn names_could_match_record(&mut self, l: &View, r: usize) -> bool {
        let any =
            |j: &mut Self, ids: &[u32], bit: u8| ids.iter().any(|&w| j.word_fit(l, w) & bit != 0);
        let given = std::mem::take(&mut self.rec_given[r]);
        let surname = std::mem::take(&mut self.rec_surname[r]);
        let fits = if l.bag {
            any(self, &given, WordFit::GIVEN_INITIALS) && any(self, &surname, WordFit::GIVEN)
        } else {
            (any(self, &given, WordFit::GIVEN_INITIALS) && any(self, &surname, WordFit::SURNAME))
                || (any(self, &surname, WordFit::GIVEN)
                    && any(self, &given, WordFit::SURNAME_INITIALS))
        };
        self.rec_given[r] = given;
        self.rec_surname[r] = surname;
        fits
    }

    pub(super) fn lead_view(&self, q: &PersonQuery) -> View {
        let mut v = View::default();
        if q.surname.trim().is_empty() || q.given_names.trim().is_empty() {
            v.bag = true;
            v.given = name_tokens(&format!("{} {}", q.given_names, q.surname));
        } else {
            v.given = name_tokens(&q.given_names);
            v.surname = name_tokens(&q.surname);
        }
        v.addr = addr_view(&q.street, &q.house_number, &q.house_letter);
        v.postcode = read_postcode(&q.postcode);
        let city = repair(&q.city);
        let mut parts: Vec<&str> = Vec::new();
        for tok in city.split_whitespace() {
            if v.postcode.is_none()
                && tok.chars().filter(char::is_ascii_digit).count() >= 2
                && let Some(p) = read_postcode(tok)
            {
                v.postcode = Some(p);
                continue;
            }
            parts.push(tok);
        }
        let city = fold_word(&parts.concat());
        if !city.is_empty() {
            v.towns.push(city);
        }
        if let Some(t) = v.postcode.as_ref().and_then(|p| self.pc.by_code.get(p)) {
            v.towns.push(self.pc.towns[*t as usize].fold.clone());
        }
        v.nid = q.national_id.as_deref().and_then(nid_digits);
        v.dob = q
            .birth_date
            .or_else(|| v.nid.as_deref().and_then(nid_birth_date));
        v
    }

    /// The first record (other than `except`) the lead cannot be told apart from.
    pub(super) fn first_fit(&mut self, l: &View, except: Option<usize>) -> Option<usize> {
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.fit_epoch.iter_mut().for_each(|s| *s = 0);
            self.epoch = 1;
        }
        let words: Vec<&String> = l.given.iter().chain(&l.surname).collect();
        for w in words {
            if !self.similar.contains_key(w.as_str()) {
                let ids = self
                    .words
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| tok_same(w, s, false))
                    .map(|(i, _)| i as u32)
                    .collect();
                self.similar.insert(w.clone(), ids);
            }
            let ids = self.similar.get(w.as_str()).cloned().unwrap_or_default();
            for id in ids {
                for k in 0..self.by_word[id as usize].len() {
                    let r = self.by_word[id as usize][k] as usize;
                    if self.stamp[r] == self.epoch || Some(r) == except {
                        continue;
                    }
                    self.stamp[r] = self.epoch;
                    let rec = std::mem::take(&mut self.recs[r]);
                    let differs =
                        distinguishable_by(l, &rec, || self.names_could_match_record(l, r));
                    self.recs[r] = rec;
                    if !differs {
                        return Some(r);
                    }
                }
            }
        }
        None
    }

    /// A reserved lead is fair if it fits its person and no other.
    pub(super) fn fair_truth(&mut self, q: &PersonQuery, truth: usize) -> bool {
        let v = self.lead_view(q);
        !distinguishable(&v, &self.recs[truth]) && self.first_fit(&v, Some(truth)).is_none()
    }

    /// A look-alike is fair if every reserved person can be told apart from it.
    pub(super) fn fair_lookalike(&mut self, q: &PersonQuery) -> bool {
        let v = self.lead_view(q);
        self.first_fit(&v, None).is_none()
    }
}

pub(super) fn record_view(r: &PersonRecord) -> View {
    let city = fold_word(&r.city);
    View {
        given: name_tokens(&r.given_names),
        surname: name_tokens(&r.surname),
        bag: false,
        addr: addr_view(&r.street, &r.house_number, &r.house_letter),
        towns: vec![city],
        postcode: Some(r.postcode.trim().to_owned()),
        nid: r.national_id.as_deref().and_then(nid_digits),
        dob: r.birth_date.or_else(|| {
            r.national_id
                .as_deref()
                .and_then(nid_digits)
                .as_deref()
                .and_then(nid_birth_date)
        }),
    }
}

// ---------------------------------------------------------------------------------------------
// Writing leads: a person's data, laid out and damaged as a lead list would have it
// ---------------------------------------------------------------------------------------------
