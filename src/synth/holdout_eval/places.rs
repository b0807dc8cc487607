//! Norway's postcodes and post towns, read from `data/postcodes/NO.tsv`.

use super::*;

/// Norway's postcodes and post towns, from `data/postcodes/NO.tsv`.
pub(super) struct Postcodes {
    /// Postcode and its town, in file order.
    pub(super) codes: Vec<(String, u32)>,
    /// Post towns.
    pub(super) towns: Vec<Town>,
    /// The town of each postcode.
    pub(super) by_code: HashMap<String, u32>,
}

/// A post town.
pub(super) struct Town {
    /// As in the postcode register (upper case).
    pub(super) name: String,
    /// Folded for comparison (see [`fold_word`]).
    pub(super) fold: String,
    /// Its postcodes (indices into [`Postcodes::codes`]).
    pub(super) codes: Vec<u32>,
}

impl Postcodes {
    /// Reads `postcode<TAB>city` lines; the header and any malformed line are skipped.
    pub(super) fn parse(text: &str) -> Postcodes {
        let mut p = Postcodes {
            codes: Vec::new(),
            towns: Vec::new(),
            by_code: HashMap::new(),
        };
        let mut town_of: HashMap<String, u32> = HashMap::new();
        for line in text.lines() {
            let mut fields = line.split('\t');
            let (Some(code), Some(city)) = (fields.next(), fields.next()) else {
                continue;
            };
            let (code, city) = (code.trim(), city.trim());
            if code.len() != 4
                || !code.bytes().all(|b| b.is_ascii_digit())
                || city.is_empty()
                || p.by_code.contains_key(code)
            {
                continue;
            }
            let towns = &mut p.towns;
            let t = *town_of.entry(city.to_owned()).or_insert_with(|| {
                towns.push(Town {
                    name: city.to_owned(),
                    fold: fold_word(city),
                    codes: Vec::new(),
                });
                (towns.len() - 1) as u32
            });
            p.towns[t as usize].codes.push(p.codes.len() as u32);
            p.codes.push((code.to_owned(), t));
            p.by_code.insert(code.to_owned(), t);
        }
        p
    }
}
