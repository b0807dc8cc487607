//! National identity numbers (fødselsnummer, D-number): validation, the birth date they
//! carry, and the keyed hash that is all the index ever stores of them.
//!
//! The hash is HMAC-SHA256 under the register's id-hash key, truncated to
//! [`ID_HASH_BYTES`] bytes. The key is what protects the ids: there are only about 10^8 valid
//! numbers, so an unkeyed hash could be reversed by trying them all, and truncation alone
//! does not change that. The person index keeps 4 of those bytes per person and compares
//! them only among the persons born on the id's birth day (about a hundred in Norway), so a
//! lead's id wrongly matches a stored one with a chance of about 100 / 2^32 ≈ 2·10^-8: a lost
//! call per fifty million leads washed with an id, and never an illegal call (a collision
//! can only block, not release).

use chrono::NaiveDate;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Bytes of the truncated keyed hash stored per national id.
pub const ID_HASH_BYTES: usize = 6;
/// Shortest id-hash key accepted (128 bits).
pub const MIN_KEY_BYTES: usize = 16;

/// A national id reduced to its eleven digits, checked.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct NationalId([u8; 11]);

impl std::fmt::Debug for NationalId {
    // Never print the id itself: it is personal data.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NationalId(..)")
    }
}

impl NationalId {
    /// Parses an id written with or without spaces, dots or a dash; `None` unless it is
    /// eleven digits with valid check digits.
    pub fn parse(s: &str) -> Option<NationalId> {
        let mut d = [0u8; 11];
        let mut n = 0;
        for c in s.chars() {
            if let Some(v) = c.to_digit(10) {
                if n == 11 {
                    return None;
                }
                d[n] = v as u8;
                n += 1;
            } else if !(c.is_whitespace() || c == '.' || c == '-') {
                return None;
            }
        }
        if n != 11 {
            return None;
        }
        const W1: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
        const W2: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        let check = |weights: &[u32]| -> Option<u8> {
            let s: u32 = weights
                .iter()
                .zip(d.iter())
                .map(|(w, &x)| w * u32::from(x))
                .sum();
            match 11 - s % 11 {
                11 => Some(0),
                10 => None,
                k => Some(k as u8),
            }
        };
        if check(&W1)? != d[9] || check(&W2)? != d[10] {
            return None;
        }
        Some(NationalId(d))
    }

    /// The birth date the id encodes (D-numbers add 40 to the day, H-numbers 40 and test
    /// numbers 80 to the month); `None` if it is not a real date.
    pub fn birth_date(&self) -> Option<NaiveDate> {
        let d = &self.0;
        let two = |i: usize| u32::from(d[i]) * 10 + u32::from(d[i + 1]);
        let mut day = two(0);
        let mut month = two(2);
        let yy = two(4) as i32;
        let individual = u32::from(d[6]) * 100 + u32::from(d[7]) * 10 + u32::from(d[8]);
        if day > 40 {
            day -= 40;
        }
        if month > 80 {
            month -= 80;
        } else if month > 40 {
            month -= 40;
        }
        let year = match individual {
            0..=499 => 1900 + yy,
            500..=749 if yy >= 54 => 1800 + yy,
            500..=999 if yy <= 39 => 2000 + yy,
            900..=999 if yy >= 40 => 1900 + yy,
            _ => return None,
        };
        NaiveDate::from_ymd_opt(year, month, day)
    }

    /// The truncated keyed hash stored for this id.
    pub fn hash(&self, key: &IdHashKey) -> [u8; ID_HASH_BYTES] {
        let mut mac = key.mac.clone();
        mac.update(&self.0);
        let full = mac.finalize().into_bytes();
        let mut out = [0u8; ID_HASH_BYTES];
        out.copy_from_slice(&full[..ID_HASH_BYTES]);
        out
    }
}

/// A birth date typed into the national-id box instead of an id: the id's first six digits,
/// which are the date (`211124`, `13.09.30`), or the date in full (`13.09.1930`), with or
/// without dots, dashes, slashes or spaces. Six digits do not say the century: the date is
/// given in the 1900s, and a birth date a century apart on the same day and month agrees
/// with it ([`crate::person`]'s matching reads a two-digit year either way). `None` unless
/// the box holds a real date and nothing else.
pub fn birth_date_in_id_box(s: &str) -> Option<NaiveDate> {
    let mut d = [0u32; 8];
    let mut n = 0;
    for c in s.chars() {
        if let Some(v) = c.to_digit(10) {
            *d.get_mut(n)? = v;
            n += 1;
        } else if !(c.is_whitespace() || matches!(c, '.' | '-' | '/')) {
            return None;
        }
    }
    let two = |i: usize| d[i] * 10 + d[i + 1];
    let year = match n {
        6 => 1900 + two(4) as i32,
        8 => (two(4) * 100 + two(6)) as i32,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, two(2), two(0))
}

/// The keyed-hash state for one id-hash key.
#[derive(Clone)]
pub struct IdHashKey {
    mac: Hmac<Sha256>,
}

impl std::fmt::Debug for IdHashKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IdHashKey(..)")
    }
}

impl IdHashKey {
    /// Prepares the key; `None` if it is shorter than [`MIN_KEY_BYTES`].
    pub fn new(key: &[u8]) -> Option<IdHashKey> {
        if key.len() < MIN_KEY_BYTES {
            return None;
        }
        Hmac::<Sha256>::new_from_slice(key)
            .ok()
            .map(|mac| IdHashKey { mac })
    }

    /// A value that identifies the key without revealing it, stored in the index so that
    /// opening it with another key is refused rather than silently matching nothing.
    pub fn check_value(&self) -> u64 {
        let mut mac = self.mac.clone();
        mac.update(b"vask person index id-hash key check");
        let full = mac.finalize().into_bytes();
        let mut b = [0u8; 8];
        b.copy_from_slice(&full[..8]);
        u64::from_le_bytes(b)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Builds a valid id for a birth date and individual number (test and eval helper).
    pub(crate) fn make_id(date: NaiveDate, individual: u32, d_number: bool) -> Option<String> {
        crate::synth::eval::national_id_for(date, individual, d_number)
    }

    #[test]
    fn validates_check_digits_and_reads_birth_dates() {
        let date = NaiveDate::from_ymd_opt(1985, 3, 17).unwrap();
        let id = make_id(date, 123, false).unwrap();
        let parsed = NationalId::parse(&id).unwrap();
        assert_eq!(parsed.birth_date(), Some(date));
        // Formatting is ignored.
        let spaced = format!("{} {}", &id[..6], &id[6..]);
        assert_eq!(NationalId::parse(&spaced), Some(parsed));
        // A changed digit breaks the check digits.
        let mut bad = id.clone().into_bytes();
        bad[3] = if bad[3] == b'9' { b'0' } else { bad[3] + 1 };
        assert!(NationalId::parse(std::str::from_utf8(&bad).unwrap()).is_none());
        assert!(NationalId::parse("1234").is_none());
        assert!(NationalId::parse("abcdefghijk").is_none());
        // D-number: day + 40, same birth date.
        let d = make_id(date, 456, true).unwrap();
        assert_eq!(NationalId::parse(&d).unwrap().birth_date(), Some(date));
        // Born 2005: individual number 500-999.
        let young = NaiveDate::from_ymd_opt(2005, 12, 1).unwrap();
        let y = make_id(young, 612, false).unwrap();
        assert_eq!(NationalId::parse(&y).unwrap().birth_date(), Some(young));
        // Debug never shows the digits.
        assert!(!format!("{parsed:?}").contains(&id[..6]));
    }

    #[test]
    fn reads_a_birth_date_typed_into_the_id_box() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(birth_date_in_id_box("211124"), date(1924, 11, 21));
        assert_eq!(birth_date_in_id_box("13.09.30"), date(1930, 9, 13));
        assert_eq!(birth_date_in_id_box("25-05-93"), date(1993, 5, 25));
        assert_eq!(birth_date_in_id_box("13.09.1930"), date(1930, 9, 13));
        assert_eq!(birth_date_in_id_box("010814"), date(1914, 8, 1));
        // Not a date, or more than one.
        assert_eq!(birth_date_in_id_box("321124"), None);
        assert_eq!(birth_date_in_id_box("12345"), None);
        assert_eq!(birth_date_in_id_box("21112412345"), None);
        assert_eq!(birth_date_in_id_box("21.11.24 Oslo"), None);
    }

    #[test]
    fn hash_depends_on_key() {
        let date = NaiveDate::from_ymd_opt(1950, 1, 2).unwrap();
        let id = NationalId::parse(&make_id(date, 42, false).unwrap()).unwrap();
        let k1 = IdHashKey::new(b"0123456789abcdef").unwrap();
        let k2 = IdHashKey::new(b"0123456789abcdeg").unwrap();
        assert_eq!(id.hash(&k1), id.hash(&k1));
        assert_ne!(id.hash(&k1), id.hash(&k2));
        assert_ne!(k1.check_value(), k2.check_value());
        assert!(IdHashKey::new(b"short").is_none());
    }
}
