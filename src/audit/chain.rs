//! The keyed chain: the trail's secret key, the HMAC-SHA256 that chains each line to the one
//! before it, and the line format (`<header> <fingerprint>`, then `<seq> <chain> <json>`).

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::{AuditError, HEADER, KEY_FILE, MIN_KEY_BYTES};

/// The secret key of the trail's HMAC chain.
#[derive(Clone)]
pub struct AuditKey(Vec<u8>);

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AuditKey({})", self.fingerprint())
    }
}

type HmacSha256 = Hmac<Sha256>;

impl AuditKey {
    /// A key of at least [`MIN_KEY_BYTES`] bytes.
    pub fn new(bytes: &[u8]) -> Option<AuditKey> {
        (bytes.len() >= MIN_KEY_BYTES).then(|| AuditKey(bytes.to_vec()))
    }

    fn mac(&self) -> HmacSha256 {
        match HmacSha256::new_from_slice(&self.0) {
            Ok(m) => m,
            Err(_) => unreachable!("HMAC takes keys of any length"),
        }
    }

    /// The hex HMAC of the parts, concatenated.
    pub(super) fn hmac_hex(&self, parts: &[&[u8]]) -> String {
        let mut m = self.mac();
        for p in parts {
            m.update(p);
        }
        hex::encode(m.finalize().into_bytes())
    }

    /// A short public name of the key (not the key): 16 hex digits of an HMAC of a constant.
    pub fn fingerprint(&self) -> String {
        self.hmac_hex(&[b"vask audit key fingerprint"])[..16].to_owned()
    }

    /// The keyed hash of a phone number (E.164 digits) as recorded by Explain: stable for a
    /// number under one key, so two records of one number can be matched, but not reversible
    /// without the key (there are only about 10^8 Norwegian numbers to try).
    pub fn number_hash(&self, e164: u64) -> String {
        self.hmac_hex(&[b"number:+", e164.to_string().as_bytes()])
    }

    /// The key given, or else the one kept beside the trail in `dir` (made if missing).
    pub(super) fn given_or_beside(
        key: Option<&AuditKey>,
        dir: &Path,
    ) -> Result<AuditKey, AuditError> {
        match key {
            Some(k) => Ok(k.clone()),
            None => AuditKey::load_or_create(dir),
        }
    }

    /// Reads the key file in `dir`, or makes one (32 random bytes, mode 0600).
    pub fn load_or_create(dir: &Path) -> Result<AuditKey, AuditError> {
        let path = dir.join(KEY_FILE);
        let io = AuditError::io(&path);
        std::fs::create_dir_all(dir).map_err(io)?;
        match std::fs::read(&path) {
            Ok(bytes) => AuditKey::new(&bytes).ok_or_else(|| AuditError::Corrupt {
                line: 0,
                why: format!("{} holds fewer than {MIN_KEY_BYTES} bytes", path.display()),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key: [u8; 32] = rand::random();
                let mut opts = OpenOptions::new();
                opts.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
                let mut f = opts.open(&path).map_err(io)?;
                f.write_all(&key).map_err(io)?;
                f.sync_all().map_err(io)?;
                crate::fsutil::sync_dir(dir).map_err(|e| io(e.source))?;
                tracing::warn!(
                    path = %path.display(),
                    "no audit_key configured: generated one beside the trail; configure audit_key (or VASK_AUDIT_KEY) to keep the key off the trail's disk"
                );
                Ok(AuditKey(key.to_vec()))
            }
            Err(e) => Err(io(e)),
        }
    }
}

/// The first line of a trail under `key`.
pub(super) fn header_line(key: &AuditKey) -> String {
    format!("{HEADER} {}", key.fingerprint())
}

/// Refuses a trail whose header line (without its `\n`) names another key than `key`.
pub(super) fn check_header_key(key: &AuditKey, header: &str) -> Result<(), AuditError> {
    let found = header.rsplit(' ').next().unwrap_or("").to_owned();
    if found != key.fingerprint() {
        return Err(AuditError::WrongKey {
            found,
            expected: key.fingerprint(),
        });
    }
    Ok(())
}

/// The chain value of the header line: where the first record's chain starts.
pub(super) fn header_chain(key: &AuditKey, header: &str) -> String {
    key.hmac_hex(&[header.as_bytes()])
}

/// The chain value of record `seq` with `json`, after the chain value `prev`.
pub(super) fn chain_of(key: &AuditKey, prev: &str, seq: u64, json: &str) -> String {
    key.hmac_hex(&[
        prev.as_bytes(),
        b"\n",
        seq.to_string().as_bytes(),
        b" ",
        json.as_bytes(),
    ])
}

/// Splits `<seq> <chain> <json>`.
pub(super) fn split_line(line: &str) -> Option<(u64, &str, &str)> {
    let (seq, rest) = line.split_once(' ')?;
    let (chain, json) = rest.split_once(' ')?;
    Some((seq.parse().ok()?, chain, json))
}
