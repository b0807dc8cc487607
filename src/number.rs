//! TEMPORARY stand-in, replaced by the number helper's module (same API).
use std::fmt;
use std::str::FromStr;

/// E.164 number as integer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Number(u64);
impl Number {
    /// digits
    pub fn e164(self) -> u64 {
        self.0
    }
}
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "+{}", self.0)
    }
}
/// Region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region;
impl FromStr for Region {
    type Err = NumberError;
    fn from_str(_: &str) -> Result<Self, NumberError> {
        Ok(Region)
    }
}
/// Error.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// x
    #[error("not a valid number")]
    NotValid,
}
impl NumberError {
    /// code
    pub fn code(&self) -> &'static str {
        "not_valid"
    }
}
/// Normaliser.
#[derive(Clone, Debug)]
pub struct Normaliser;
impl Normaliser {
    /// new
    pub fn new(_: Region) -> Self {
        Normaliser
    }
    /// normalise
    pub fn normalise(&self, raw: &str) -> Result<Number, NumberError> {
        let d: String = raw.chars().filter(|c| c.is_ascii_digit()).collect();
        let d = d.trim_start_matches("00");
        let v = if d.len() == 8 {
            format!("47{d}")
        } else {
            d.to_string()
        };
        v.parse::<u64>()
            .ok()
            .filter(|v| (4700000000..4800000000).contains(v))
            .map(Number)
            .ok_or(NumberError::NotValid)
    }
    /// bytes
    pub fn normalise_bytes(&self, raw: &[u8]) -> Result<Number, NumberError> {
        self.normalise(std::str::from_utf8(raw).map_err(|_| NumberError::NotValid)?)
    }
    /// validate
    pub fn validate_e164(&self, e164: u64) -> Result<Number, NumberError> {
        if (4700000000..4800000000).contains(&e164) {
            Ok(Number(e164))
        } else {
            Err(NumberError::NotValid)
        }
    }
}
