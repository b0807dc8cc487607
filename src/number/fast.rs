//! The hand-written Norwegian fast path: the common shapes of a +47 number answered from a
//! 10 000-entry table of 4-digit prefixes, without the slow path's regexes.

use super::{Number, NumberError};

/// Whether an 8-digit NSN under +47 starting with the 4-digit `prefix` (0..=9999, leading
/// zeros implied) is valid, derived from libphonenumber's metadata 9.0.33 for NO (leading
/// digits `[02-689]|7[0-8]`) and SJ (leading digits `79`). Every 8-digit pattern there is
/// decided by its first four digits:
/// - fixed line: `2[1-4]`, `3[1-3578]`, `5[1-35-7]`, `6[1-46-9]`, `7[0-8]`, and Svalbard `79`;
/// - mobile: `[49]`;
/// - toll free `80[01]`, premium rate `82[09]`, VoIP `85[0-5]`, personal `880`;
/// - shared cost `810(0[0-6]|[2-8]\d)`, UAN `810(0[7-9]|1\d)` and `815`, voicemail `81[23]`
///   (so `8100`, `8101`, `8102` to `8108` are valid and `8109` is not).
///
/// NO's other valid numbers are the 5-digit UAN `0[235-9]xxx`, left to the slow path.
pub const fn no_prefix_is_valid(prefix: u16) -> bool {
    let (d1, d2, d3, d4) = (
        prefix / 1000,
        prefix / 100 % 10,
        prefix / 10 % 10,
        prefix % 10,
    );
    match d1 {
        2 => matches!(d2, 1..=4),
        3 => matches!(d2, 1 | 2 | 3 | 5 | 7 | 8),
        4 | 7 | 9 => true,
        5 => matches!(d2, 1 | 2 | 3 | 5 | 6 | 7),
        6 => matches!(d2, 1..=4 | 6..=9),
        8 => match d2 {
            0 => d3 <= 1,
            1 => match d3 {
                0 => d4 != 9,
                2 | 3 | 5 => true,
                _ => false,
            },
            2 => d3 == 0 || d3 == 9,
            5 => d3 <= 5,
            8 => d3 == 0,
            _ => false,
        },
        _ => false,
    }
}

/// +47 followed by 8 digits: 4_700_000_000 to 4_799_999_999.
pub(super) const NO_BASE: u64 = 47 * 100_000_000;
const NSN_SPAN: u64 = 100_000_000;

/// One bit per 4-digit prefix of an 8-digit +47 NSN.
static NO_TABLE: [u64; 157] = build_table();

const fn build_table() -> [u64; 157] {
    let mut table = [0u64; 157];
    let mut prefix = 0u16;
    while prefix < 10_000 {
        if no_prefix_is_valid(prefix) {
            table[prefix as usize / 64] |= 1 << (prefix % 64);
        }
        prefix += 1;
    }
    table
}

/// Separators the fast path skips: a subset of the slow path's, all ASCII.
const fn is_separator(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'-' | b'.' | b'/' | b'(' | b')')
}

/// Decides an 8-digit +47 NSN (leading zeros implied by the range).
#[inline]
fn decide(nsn: u64) -> Result<Number, NumberError> {
    let prefix = (nsn / 10_000) as usize;
    if NO_TABLE[prefix / 64] >> (prefix % 64) & 1 == 1 {
        Ok(Number(NO_BASE + nsn))
    } else {
        Err(NumberError::NotValid { country_code: 47 })
    }
}

/// Answers the common Norwegian shapes, or `None` when the slow path must decide.
/// `national` allows the shapes without `+` (default region NO).
#[inline]
pub(super) fn normalise(raw: &[u8], national: bool) -> Option<Result<Number, NumberError>> {
    let mut i = 0;
    while i < raw.len() && is_separator(raw[i]) {
        i += 1;
    }
    let plus = i < raw.len() && raw[i] == b'+';
    if plus {
        i += 1;
    }
    let (mut value, mut count) = (0u64, 0u32);
    while i < raw.len() {
        let b = raw[i];
        let digit = b.wrapping_sub(b'0');
        if digit < 10 {
            if count == 12 {
                return None;
            }
            value = value * 10 + u64::from(digit);
            count += 1;
        } else if !is_separator(b) {
            return None;
        }
        i += 1;
    }
    let after_47 = value.checked_sub(NO_BASE).filter(|nsn| *nsn < NSN_SPAN);
    match (plus, national, count) {
        // +47 91234567
        (true, _, 10) => after_47.map(decide),
        // 91234567 (not 00xxxxxx, which starts with the international prefix)
        (false, true, 8) if value >= 1_000_000 => Some(decide(value)),
        // 4791234567: libphonenumber strips a leading 47 when 10 digits remain, as
        // 8 is the longest Norwegian length; 0047 91234567: international prefix.
        (false, true, 10 | 12) => after_47.map(decide),
        _ => None,
    }
}

/// Answers E.164 integers under +47 with 8 digits, or `None`.
#[inline]
pub(super) fn validate_e164(e164: u64) -> Option<Result<Number, NumberError>> {
    e164.checked_sub(NO_BASE)
        .filter(|nsn| *nsn < NSN_SPAN)
        .map(decide)
}
