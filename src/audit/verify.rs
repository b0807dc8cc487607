//! Reading the trail back and proving it whole: [`read`] checks the chain record by record,
//! [`checkpoint`] signs the trail's head, and [`verify`] with a kept checkpoint shows that no
//! record up to it was removed or rewritten, even by someone holding the key.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::chain::{AuditKey, chain_of, check_header_key, header_chain, split_line};
use super::{AuditError, Entry, FILE, HEADER};

/// The signed head of the trail at a moment: keep it outside the trail's machine, and
/// [`verify`] with it proves that nothing up to it was removed or rewritten.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// The newest record's seq (0 for an empty trail).
    pub seq: u64,
    /// Its chain value.
    pub chain: String,
    /// When the checkpoint was made.
    pub at: DateTime<Utc>,
    /// The key's fingerprint.
    pub key: String,
    /// HMAC under the trail's key of the fields above.
    pub mac: String,
}

impl Checkpoint {
    fn mac(key: &AuditKey, seq: u64, chain: &str, at: DateTime<Utc>) -> String {
        key.hmac_hex(&[
            b"vask audit checkpoint\n",
            seq.to_string().as_bytes(),
            b"\n",
            chain.as_bytes(),
            b"\n",
            at.to_rfc3339().as_bytes(),
        ])
    }
}

/// Reads every record of the trail in `dir`, checking the chain under `key` (or the key
/// beside the trail). An empty or missing trail has no records.
pub fn read(dir: &Path, key: Option<&AuditKey>) -> Result<Vec<Entry>, AuditError> {
    let path = dir.join(FILE);
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(AuditError::Io { path, source }),
    };
    let key = AuditKey::given_or_beside(key, dir)?;
    let mut out = Vec::new();
    let mut prev = String::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(AuditError::io(&path))?;
        let corrupt = |why: String| AuditError::Corrupt { line: i + 1, why };
        if i == 0 {
            if !line.starts_with(HEADER) {
                return Err(corrupt(format!(
                    "not a vask audit trail (expected `{HEADER} …`)"
                )));
            }
            check_header_key(&key, &line)?;
            prev = header_chain(&key, &line);
            continue;
        }
        let (seq, chain, json) =
            split_line(&line).ok_or_else(|| corrupt("not `<seq> <chain> <json>`".into()))?;
        if seq != i as u64 {
            return Err(corrupt(format!(
                "record {seq} where record {i} belongs: records were removed or inserted"
            )));
        }
        if chain != chain_of(&key, &prev, seq, json) {
            return Err(corrupt(
                "chain broken: this record, or one before it, was altered".into(),
            ));
        }
        let record = serde_json::from_str(json).map_err(|e| corrupt(e.to_string()))?;
        prev = chain.to_owned();
        out.push(Entry {
            seq,
            chain: chain.to_owned(),
            record,
        });
    }
    Ok(out)
}

/// The signed head of the trail now.
pub fn checkpoint(
    dir: &Path,
    key: Option<&AuditKey>,
    now: DateTime<Utc>,
) -> Result<Checkpoint, AuditError> {
    let key = AuditKey::given_or_beside(key, dir)?;
    let entries = read(dir, Some(&key))?;
    let (seq, chain) = entries
        .last()
        .map_or((0, String::new()), |e| (e.seq, e.chain.clone()));
    Ok(Checkpoint {
        mac: Checkpoint::mac(&key, seq, &chain, now),
        seq,
        chain,
        at: now,
        key: key.fingerprint(),
    })
}

/// Verifies the chain of the trail, and with `checkpoint` that every record up to it is still
/// there unchanged; returns the records.
pub fn verify(
    dir: &Path,
    key: Option<&AuditKey>,
    checkpoint: Option<&Checkpoint>,
) -> Result<Vec<Entry>, AuditError> {
    let key = AuditKey::given_or_beside(key, dir)?;
    let entries = read(dir, Some(&key))?;
    if let Some(cp) = checkpoint {
        let fail = |why: String| AuditError::Checkpoint { seq: cp.seq, why };
        if cp.key != key.fingerprint() || cp.mac != Checkpoint::mac(&key, cp.seq, &cp.chain, cp.at)
        {
            return Err(fail(
                "its signature does not verify under this trail's key: the checkpoint was altered or made for another trail".into(),
            ));
        }
        if cp.seq > 0 {
            match entries.get(cp.seq as usize - 1) {
                None => {
                    return Err(fail(format!(
                        "the trail ends at record {}: records up to the checkpoint were removed",
                        entries.len()
                    )));
                }
                Some(e) if e.chain != cp.chain => {
                    return Err(fail(
                        "the trail up to the checkpoint was rewritten (its chain differs)".into(),
                    ));
                }
                Some(_) => {}
            }
        }
    }
    Ok(entries)
}
