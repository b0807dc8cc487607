//! The audit trail: proof of every wash and every Explain (who, when, for whom, against which
//! generation and snapshot, with which result), append-only and chained with a keyed hash, so
//! that a record cannot be edited, removed or added afterwards without `vask audit verify`
//! saying so. No phone number is stored: a wash records a SHA-256 of its normalised input, an
//! Explain a keyed hash of its number.
//!
//! # Format
//! `audit.log` is text. Its first line is `vask-audit 2 <key fingerprint>`; every other line
//! is `<seq> <chain> <json>`, where `seq` counts records from 1, `json` is the record and
//! `chain` is HMAC-SHA256 under the trail's key of the previous line's chain, the seq and the
//! json (the header line's chain is the HMAC of the header). Editing or deleting a record, or
//! inserting one, breaks the chain at that point; recomputing the chain needs the key.
//!
//! # Anchors
//! The chain alone cannot show that the newest records were cut off, nor that someone with
//! the key rewrote the whole trail. [`checkpoint`] gives the signed head of the trail (seq,
//! chain, time); the compliance officer keeps it somewhere else, and [`verify`] with it
//! proves that every record up to that head is still there unchanged.
//!
//! # Key
//! The key comes from the configuration (`audit_key`, or `VASK_AUDIT_KEY`). Without one the
//! trail generates a key into `KEY` beside it (mode 0600): the chain then still shows
//! accidental damage, and checkpoints still anchor the trail, but whoever can read the
//! directory can recompute the chain.
//!
//! # Durability and torn records
//! A record is written with one `write` under an exclusive `flock` (the server and `vask wash`
//! may append to one trail) before the wash is answered, so it survives a crash of the
//! process; a thread fsyncs every [`SYNC_INTERVAL`], so a power cut loses at most that much.
//! A record that could not be written whole is cut off again before the error is returned,
//! and a torn last line (a crash mid-write) is cut off before the next append and at open:
//! the trail never holds a torn record between two whole ones. A failed append is an error
//! to the caller, whose wash must then fail: there is no unaudited wash.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// How often written records are fsynced.
pub const SYNC_INTERVAL: Duration = Duration::from_millis(50);
/// Shortest audit key accepted (128 bits).
pub const MIN_KEY_BYTES: usize = 16;
const FILE: &str = "audit.log";
const KEY_FILE: &str = "KEY";
const HEADER: &str = "vask-audit 2";

/// Why the audit trail failed.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    /// Reading or writing failed.
    #[error("audit trail {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// A line is not a valid record, or the chain is broken there.
    #[error("audit trail line {line}: {why}")]
    Corrupt {
        /// 1-based line of the file.
        line: usize,
        /// What is wrong.
        why: String,
    },
    /// The trail was chained with another key than the one given.
    #[error(
        "the audit trail was written with another key (fingerprint {found}, this key {expected}); use the key it was written with"
    )]
    WrongKey {
        /// Fingerprint in the trail's header.
        found: String,
        /// Fingerprint of the key given.
        expected: String,
    },
    /// A checkpoint does not match the trail.
    #[error("checkpoint of record {seq}: {why}")]
    Checkpoint {
        /// The checkpoint's seq.
        seq: u64,
        /// What does not match.
        why: String,
    },
    /// An earlier append failed in a way that could not be undone; this process appends no
    /// more until the trail is reopened (which cuts the torn record off).
    #[error("the audit trail refuses appends since an earlier write failed: {0}")]
    Failed(String),
}

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

    fn hmac_hex(&self, parts: &[&[u8]]) -> String {
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

    /// Reads the key file in `dir`, or makes one (32 random bytes, mode 0600).
    pub fn load_or_create(dir: &Path) -> Result<AuditKey, AuditError> {
        let path = dir.join(KEY_FILE);
        let io = |source| AuditError::Io {
            path: path.clone(),
            source,
        };
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

/// One wash, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WashRecord {
    /// Unique id, returned to the caller.
    pub wash_id: String,
    /// When the wash ran.
    pub at: DateTime<Utc>,
    /// The instant the calls are washed for (the request's `at`, or when it ran).
    pub calls_at: DateTime<Utc>,
    /// `grpc`, `grpc_stream`, `http`, `cli`, `console`.
    pub via: String,
    /// The centre.
    pub centre: String,
    /// Id of the API key or user that washed (`cli` in-process).
    pub key_id: String,
    /// The client.
    pub client: String,
    /// Campaign id as given.
    pub campaign: String,
    /// The purpose, as declared and allowed by the client's configuration.
    pub purpose: String,
    /// The client's configured kind: business or voluntary.
    pub caller: String,
    /// Product category, if any.
    pub category: String,
    /// The lead list's source reference (norm 4.2 a).
    pub source_reference: String,
    /// Whether the calling window was checked.
    pub calling_window: bool,
    /// Person-matching strictness used for leads with persons.
    pub strictness: String,
    /// Numbers washed.
    pub numbers: u64,
    /// Numbers allowed.
    pub allowed: u64,
    /// Numbers per reason flag.
    pub counts: BTreeMap<String, u64>,
    /// Generation washed against.
    pub generation: String,
    /// National snapshot date.
    pub snapshot_date: String,
    /// SHA-256 over the normalised numbers, each as a big-endian u64 (0 where invalid), in order.
    pub input_sha256: String,
}

/// One Explain of a number (or a person), as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExplainRecord {
    /// Unique id, returned to the caller.
    pub audit_id: String,
    /// When it ran.
    pub at: DateTime<Utc>,
    /// The instant asked about.
    pub calls_at: DateTime<Utc>,
    /// `grpc`, `http`, `console`.
    pub via: String,
    /// The centre.
    pub centre: String,
    /// Id of the API key or user.
    pub key_id: String,
    /// The client.
    pub client: String,
    /// Campaign id as given.
    pub campaign: String,
    /// The purpose.
    pub purpose: String,
    /// The client's configured kind.
    pub caller: String,
    /// Product category, if any.
    pub category: String,
    /// [`AuditKey::number_hash`] of the number; empty when only a person was asked about.
    pub number_hash: String,
    /// A person was given.
    pub person: bool,
    /// The verdict code.
    pub verdict: u32,
    /// Generation.
    pub generation: String,
    /// National snapshot date.
    pub snapshot_date: String,
}

/// One action of a person in the web console (signing in, an opt-out, an export, a refusal),
/// as recorded. A wash or an Explain done in the console is recorded as a [`WashRecord`] or an
/// [`ExplainRecord`] (`via = "console"`, `key_id` the user) instead. Never a phone number or a
/// name: a number is named by [`AuditKey::number_hash`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsoleRecord {
    /// Unique id.
    pub audit_id: String,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// The user's id (username); empty for a sign-in with an unknown username.
    pub user: String,
    /// The user's centre.
    pub centre: String,
    /// The client concerned, if any.
    pub client: String,
    /// What was done: `login`, `login_failed`, `logout`, `add_reservation`,
    /// `remove_reservation`, `wash`, `explain`, `download_washed`, `download_proof`,
    /// `export_proofs`, `verify_trail`, `reload`.
    pub action: String,
    /// What it was done to: `wash:<id>`, `number:<hash>`, `list:<centre|client>:<id>`, a filter.
    pub target: String,
    /// `ok`, or why it was refused ([`crate::error::RequestError::code`]).
    pub outcome: String,
}

/// A unique id of a record: a wash (`w…`), an Explain (`x…`) or a console action (`c…`),
/// made of the time and 32 random bits.
pub fn new_id(prefix: char, now: DateTime<Utc>) -> String {
    format!(
        "{prefix}{}-{:08x}",
        now.format("%Y%m%dT%H%M%S%.6fZ"),
        rand::random::<u32>()
    )
}

impl ConsoleRecord {
    /// A record of `action` by `user` of `centre` at `at`, with a fresh id (`c…`); client,
    /// target and outcome (`ok`) to be filled in.
    pub fn new(at: DateTime<Utc>, user: &str, centre: &str, action: &str) -> ConsoleRecord {
        ConsoleRecord {
            audit_id: new_id('c', at),
            at,
            user: user.to_owned(),
            centre: centre.to_owned(),
            client: String::new(),
            action: action.to_owned(),
            target: String::new(),
            outcome: "ok".to_owned(),
        }
    }
}

/// A record of the trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AuditRecord {
    /// A wash of a list (Wash, WashStream, `vask wash`, an upload in the console).
    Wash(WashRecord),
    /// An Explain of one number or person.
    Explain(ExplainRecord),
    /// An action of a person in the web console.
    Console(ConsoleRecord),
}

impl AuditRecord {
    /// When the recorded action ran.
    pub fn at(&self) -> DateTime<Utc> {
        match self {
            AuditRecord::Wash(r) => r.at,
            AuditRecord::Explain(r) => r.at,
            AuditRecord::Console(r) => r.at,
        }
    }

    /// The centre it was done for.
    pub fn centre(&self) -> &str {
        match self {
            AuditRecord::Wash(r) => &r.centre,
            AuditRecord::Explain(r) => &r.centre,
            AuditRecord::Console(r) => &r.centre,
        }
    }

    /// The client it was done for.
    pub fn client(&self) -> &str {
        match self {
            AuditRecord::Wash(r) => &r.client,
            AuditRecord::Explain(r) => &r.client,
            AuditRecord::Console(r) => &r.client,
        }
    }
}

/// A record read back, with its place in the trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its seq (1, 2, …).
    pub seq: u64,
    /// Its chain value.
    pub chain: String,
    /// The record.
    pub record: AuditRecord,
}

/// Hashes a normalised list the way [`WashRecord::input_sha256`] is defined.
#[derive(Default, Clone)]
pub struct InputHasher(Sha256);

impl InputHasher {
    /// Adds numbers in order (0 for an invalid one).
    pub fn update(&mut self, numbers: &[u64]) {
        for n in numbers {
            self.0.update(n.to_be_bytes());
        }
    }

    /// The hex digest.
    pub fn finish(self) -> String {
        hex::encode(self.0.finalize())
    }
}

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

fn header_line(key: &AuditKey) -> String {
    format!("{HEADER} {}", key.fingerprint())
}

fn chain_of(key: &AuditKey, prev: &str, seq: u64, json: &str) -> String {
    key.hmac_hex(&[
        prev.as_bytes(),
        b"\n",
        seq.to_string().as_bytes(),
        b" ",
        json.as_bytes(),
    ])
}

/// The head of a trail: the chain and seq of its last record.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Head {
    seq: u64,
    chain: String,
}

/// Splits `<seq> <chain> <json>`.
fn split_line(line: &str) -> Option<(u64, &str, &str)> {
    let (seq, rest) = line.split_once(' ')?;
    let (chain, json) = rest.split_once(' ')?;
    Some((seq.parse().ok()?, chain, json))
}

/// The last complete line of `file` (of length `len`, ending in `\n`), read backwards in
/// blocks so that a line of any length is found.
fn last_line(file: &mut File, len: u64) -> std::io::Result<Option<String>> {
    if len == 0 {
        return Ok(None);
    }
    let end = len - 1; // the final '\n'
    let mut start = end;
    let mut tail: Vec<u8> = Vec::new();
    const BLOCK: u64 = 64 << 10;
    loop {
        let from = start.saturating_sub(BLOCK);
        let mut block = vec![0u8; (start - from) as usize];
        file.seek(SeekFrom::Start(from))?;
        file.read_exact(&mut block)?;
        if let Some(i) = block.iter().rposition(|&b| b == b'\n') {
            block.drain(..=i);
            block.extend_from_slice(&tail);
            tail = block;
            break;
        }
        block.extend_from_slice(&tail);
        tail = block;
        if from == 0 {
            break;
        }
        start = from;
    }
    Ok(Some(String::from_utf8_lossy(&tail).into_owned()))
}

struct Inner {
    file: File,
    head: Head,
    /// File length after the last line this process read or wrote.
    len: u64,
    /// Set when a failed append could not be undone.
    failed: Option<String>,
}

/// The open audit trail.
pub struct AuditLog {
    path: PathBuf,
    key: AuditKey,
    inner: Mutex<Inner>,
    dirty: Arc<AtomicBool>,
    sync_file: File,
}

impl std::fmt::Debug for AuditLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditLog")
            .field("path", &self.path)
            .finish()
    }
}

impl AuditLog {
    /// Opens (creating) the trail in `dir` under `key` (or the generated key beside it),
    /// cuts a torn last line off, and starts the fsync thread. A trail of the first format
    /// (unkeyed) is moved aside to `audit.v1.log` and a new one begun.
    pub fn open(dir: &Path, key: Option<&AuditKey>) -> Result<Arc<AuditLog>, AuditError> {
        let key = match key {
            Some(k) => k.clone(),
            None => AuditKey::load_or_create(dir)?,
        };
        let path = dir.join(FILE);
        let io = |source| AuditError::Io {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        move_first_format_aside(dir, &path).map_err(io)?;
        let mut file = OpenOptions::new()
            .create(true)
            .read(true)
            .append(true)
            .open(&path)
            .map_err(io)?;
        file.lock().map_err(io)?;
        let opened = (|| -> Result<(Head, u64), AuditError> {
            let mut len = cut_torn_tail(&mut file).map_err(io)?;
            if len == 0 {
                let header = header_line(&key);
                file.write_all(format!("{header}\n").as_bytes())
                    .map_err(io)?;
                file.sync_data().map_err(io)?;
                len = (header.len() + 1) as u64;
            } else {
                let mut first = String::new();
                file.seek(SeekFrom::Start(0)).map_err(io)?;
                BufReader::new(&file).read_line(&mut first).map_err(io)?;
                let found = first.trim_end().rsplit(' ').next().unwrap_or("").to_owned();
                if found != key.fingerprint() {
                    return Err(AuditError::WrongKey {
                        found,
                        expected: key.fingerprint(),
                    });
                }
            }
            let head = read_head(&mut file, len, &key).map_err(|e| match e {
                HeadError::Io(source) => io(source),
                HeadError::Corrupt(why) => AuditError::Corrupt { line: 0, why },
            })?;
            Ok((head, len))
        })();
        let _ = file.unlock();
        let (head, len) = opened?;
        let sync_file = file.try_clone().map_err(io)?;
        let log = Arc::new(AuditLog {
            path: path.clone(),
            key,
            inner: Mutex::new(Inner {
                file,
                head,
                len,
                failed: None,
            }),
            dirty: Arc::new(AtomicBool::new(false)),
            sync_file,
        });
        let weak = Arc::downgrade(&log);
        std::thread::Builder::new()
            .name("vask-audit-sync".into())
            .spawn(move || {
                while let Some(log) = weak.upgrade() {
                    log.sync_if_dirty();
                    drop(log);
                    std::thread::sleep(SYNC_INTERVAL);
                }
            })
            .map_err(io)?;
        Ok(log)
    }

    /// The trail's key (Explain hashes numbers with it).
    pub fn key(&self) -> &AuditKey {
        &self.key
    }

    fn sync_if_dirty(&self) {
        if self.dirty.swap(false, Ordering::AcqRel)
            && let Err(e) = self.sync_file.sync_data()
        {
            self.dirty.store(true, Ordering::Release);
            tracing::error!(error = %e, "audit trail fsync failed");
        }
    }

    /// Appends a record; it is in the file (not yet fsynced) when this returns, and its seq
    /// is returned. On an error nothing of it is in the trail.
    pub fn append(&self, record: &AuditRecord) -> Result<u64, AuditError> {
        let appended = self.append_record(record);
        crate::metrics::audit_append(appended.is_ok());
        appended
    }

    fn append_record(&self, record: &AuditRecord) -> Result<u64, AuditError> {
        let json = match serde_json::to_string(record) {
            Ok(j) => j,
            Err(e) => unreachable!("an audit record always serialises: {e}"),
        };
        let io = |source| AuditError::Io {
            path: self.path.clone(),
            source,
        };
        let mut inner = self
            .inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(why) = &inner.failed {
            return Err(AuditError::Failed(why.clone()));
        }
        inner.file.lock().map_err(io)?;
        let result = (|| -> Result<u64, AuditError> {
            let inner = &mut *inner;
            // Another process may have appended (or left a torn line) since.
            let len = inner.file.metadata().map_err(io)?.len();
            if len != inner.len {
                let len = cut_torn_tail(&mut inner.file).map_err(io)?;
                inner.head = read_head(&mut inner.file, len, &self.key).map_err(|e| match e {
                    HeadError::Io(source) => io(source),
                    HeadError::Corrupt(why) => AuditError::Corrupt { line: 0, why },
                })?;
                inner.len = len;
            }
            let seq = inner.head.seq + 1;
            let chain = chain_of(&self.key, &inner.head.chain, seq, &json);
            let line = format!("{seq} {chain} {json}\n");
            if let Err(e) = self.write_line(&mut inner.file, line.as_bytes()) {
                // Undo a partial write, so that the next record is not written after it.
                if let Err(undo) = inner.file.set_len(inner.len) {
                    let why = format!("write failed ({e}) and cutting it off failed ({undo})");
                    inner.failed = Some(why.clone());
                    return Err(AuditError::Failed(why));
                }
                return Err(io(e));
            }
            inner.len += line.len() as u64;
            inner.head = Head { seq, chain };
            Ok(seq)
        })();
        let unlocked = inner.file.unlock();
        let seq = result?;
        unlocked.map_err(io)?;
        self.dirty.store(true, Ordering::Release);
        Ok(seq)
    }

    fn write_line(&self, file: &mut File, line: &[u8]) -> std::io::Result<()> {
        if let Err(e) = crate::fault!(AuditAppend, &self.path) {
            // As a full disk does: part of the record, then the error.
            file.write_all(&line[..line.len() / 2])?;
            return Err(e);
        }
        file.write_all(line)
    }

    /// Fsyncs now (on shutdown).
    pub fn sync(&self) -> Result<(), AuditError> {
        self.dirty.store(false, Ordering::Release);
        self.sync_file.sync_data().map_err(|source| AuditError::Io {
            path: self.path.clone(),
            source,
        })
    }
}

/// Moves a trail of the first, unkeyed format (lines `<sha256> <json>`) aside to
/// `audit.v1.log`, where it stays as it was, so that a keyed trail can begin.
fn move_first_format_aside(dir: &Path, path: &Path) -> std::io::Result<()> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let mut first = Vec::new();
    BufReader::new(file).take(64).read_to_end(&mut first)?;
    if first.is_empty() || first.starts_with(HEADER.as_bytes()) {
        return Ok(());
    }
    let old = dir.join("audit.v1.log");
    crate::fsutil::rename_synced(path, &old).map_err(|e| e.source)?;
    tracing::warn!(old = %old.display(), "audit trail of the first (unkeyed) format moved aside; a keyed trail begins");
    Ok(())
}

/// Cuts a torn last line (no final `\n`) off; returns the file's length after.
fn cut_torn_tail(file: &mut File) -> std::io::Result<u64> {
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(0);
    }
    let mut last = [0u8; 1];
    file.seek(SeekFrom::Start(len - 1))?;
    file.read_exact(&mut last)?;
    if last[0] == b'\n' {
        return Ok(len);
    }
    // Find the end of the last whole line.
    let mut end = len;
    const BLOCK: u64 = 64 << 10;
    let keep = loop {
        let from = end.saturating_sub(BLOCK);
        let mut block = vec![0u8; (end - from) as usize];
        file.seek(SeekFrom::Start(from))?;
        file.read_exact(&mut block)?;
        if let Some(i) = block.iter().rposition(|&b| b == b'\n') {
            break from + i as u64 + 1;
        }
        if from == 0 {
            break 0;
        }
        end = from;
    };
    tracing::warn!(
        cut_bytes = len - keep,
        "audit trail: cut off a torn last record (a write that never completed)"
    );
    file.set_len(keep)?;
    Ok(keep)
}

enum HeadError {
    Io(std::io::Error),
    Corrupt(String),
}

/// The head after the last line of a trail of length `len` (header-only: seq 0).
fn read_head(file: &mut File, len: u64, key: &AuditKey) -> Result<Head, HeadError> {
    let line = last_line(file, len)
        .map_err(HeadError::Io)?
        .unwrap_or_default();
    if line.starts_with(HEADER) {
        return Ok(Head {
            seq: 0,
            chain: key.hmac_hex(&[line.as_bytes()]),
        });
    }
    let (seq, chain, _) = split_line(&line).ok_or_else(|| {
        HeadError::Corrupt("the last record is not `<seq> <chain> <json>`".into())
    })?;
    Ok(Head {
        seq,
        chain: chain.to_owned(),
    })
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
    let key = match key {
        Some(k) => k.clone(),
        None => AuditKey::load_or_create(dir)?,
    };
    let mut out = Vec::new();
    let mut prev = String::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| AuditError::Io {
            path: path.clone(),
            source,
        })?;
        let corrupt = |why: String| AuditError::Corrupt { line: i + 1, why };
        if i == 0 {
            if !line.starts_with(HEADER) {
                return Err(corrupt(format!(
                    "not a vask audit trail (expected `{HEADER} …`)"
                )));
            }
            let found = line.rsplit(' ').next().unwrap_or("").to_owned();
            if found != key.fingerprint() {
                return Err(AuditError::WrongKey {
                    found,
                    expected: key.fingerprint(),
                });
            }
            prev = key.hmac_hex(&[line.as_bytes()]);
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
    let key = match key {
        Some(k) => k.clone(),
        None => AuditKey::load_or_create(dir)?,
    };
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
    let key = match key {
        Some(k) => k.clone(),
        None => AuditKey::load_or_create(dir)?,
    };
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

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> AuditKey {
        AuditKey::new(b"test audit key, sixteen+ bytes").unwrap()
    }

    fn record(id: &str) -> AuditRecord {
        AuditRecord::Wash(WashRecord {
            wash_id: id.into(),
            at: Utc::now(),
            calls_at: Utc::now(),
            via: "cli".into(),
            centre: "c".into(),
            key_id: String::new(),
            client: "k".into(),
            campaign: String::new(),
            purpose: "sales".into(),
            caller: "business".into(),
            category: String::new(),
            source_reference: "test".into(),
            calling_window: false,
            strictness: "normal".into(),
            numbers: 2,
            allowed: 1,
            counts: Default::default(),
            generation: "g".into(),
            snapshot_date: "2026-11-01".into(),
            input_sha256: InputHasher::default().finish(),
        })
    }

    fn ids(dir: &Path) -> Vec<String> {
        read(dir, Some(&key()))
            .unwrap()
            .into_iter()
            .map(|e| match e.record {
                AuditRecord::Wash(w) => w.wash_id,
                AuditRecord::Explain(x) => x.audit_id,
                AuditRecord::Console(c) => c.audit_id,
            })
            .collect()
    }

    #[test]
    fn two_writers_keep_one_unbroken_chain() {
        // The server and a `vask wash` run append to the same trail.
        let dir = tempfile::tempdir().unwrap();
        let server = AuditLog::open(dir.path(), Some(&key())).unwrap();
        let cli = AuditLog::open(dir.path(), Some(&key())).unwrap();
        for i in 0..5 {
            server.append(&record(&format!("s{i}"))).unwrap();
            cli.append(&record(&format!("c{i}"))).unwrap();
        }
        let entries = read(dir.path(), Some(&key())).expect("chain intact");
        assert_eq!(entries.len(), 10);
        assert_eq!(entries[9].seq, 10);
        assert_eq!(ids(dir.path())[9], "c4");
    }

    #[test]
    fn a_record_of_any_size_survives_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::open(dir.path(), Some(&key())).unwrap();
        let mut big = record("big");
        if let AuditRecord::Wash(w) = &mut big {
            w.source_reference = "x".repeat(300_000);
        }
        log.append(&big).unwrap();
        drop(log);
        let log = AuditLog::open(dir.path(), Some(&key())).unwrap();
        log.append(&record("after")).unwrap();
        assert_eq!(ids(dir.path()), ["big", "after"]);
    }

    #[test]
    fn tampering_deleting_and_the_wrong_key_are_detected() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::open(dir.path(), Some(&key())).unwrap();
        for id in ["a", "b", "c"] {
            log.append(&record(id)).unwrap();
        }
        log.sync().unwrap();
        drop(log);
        let path = dir.path().join(FILE);
        let text = std::fs::read_to_string(&path).unwrap();

        // Deleting the middle record.
        let mut lines: Vec<&str> = text.lines().collect();
        lines.remove(2);
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        assert!(matches!(
            read(dir.path(), Some(&key())),
            Err(AuditError::Corrupt { line: 3, .. })
        ));

        // Editing a record and recomputing the old, unkeyed way.
        std::fs::write(&path, text.replace("\"numbers\":2", "\"numbers\":3")).unwrap();
        assert!(matches!(
            read(dir.path(), Some(&key())),
            Err(AuditError::Corrupt { line: 2, .. })
        ));

        std::fs::write(&path, &text).unwrap();
        let other = AuditKey::new(b"another key of sixteen bytes").unwrap();
        assert!(matches!(
            read(dir.path(), Some(&other)),
            Err(AuditError::WrongKey { .. })
        ));
        assert_eq!(ids(dir.path()), ["a", "b", "c"]);
    }

    #[test]
    fn a_checkpoint_detects_truncation_and_rewriting_with_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::open(dir.path(), Some(&key())).unwrap();
        for id in ["a", "b", "c"] {
            log.append(&record(id)).unwrap();
        }
        let cp = checkpoint(dir.path(), Some(&key()), Utc::now()).unwrap();
        assert_eq!(cp.seq, 3);
        log.append(&record("d")).unwrap();
        drop(log);
        assert_eq!(
            verify(dir.path(), Some(&key()), Some(&cp)).unwrap().len(),
            4
        );

        let path = dir.path().join(FILE);
        let text = std::fs::read_to_string(&path).unwrap();
        // The newest two records cut off: the chain alone cannot tell.
        let lines: Vec<&str> = text.lines().collect();
        std::fs::write(&path, lines[..3].join("\n") + "\n").unwrap();
        assert!(read(dir.path(), Some(&key())).is_ok());
        let e = verify(dir.path(), Some(&key()), Some(&cp)).unwrap_err();
        assert!(e.to_string().contains("removed"), "{e}");

        // Rewritten by someone with the key: a record edited and the chain recomputed.
        std::fs::remove_file(&path).unwrap();
        let log = AuditLog::open(dir.path(), Some(&key())).unwrap();
        for id in ["a", "B", "c", "d"] {
            log.append(&record(id)).unwrap();
        }
        drop(log);
        assert!(read(dir.path(), Some(&key())).is_ok());
        let e = verify(dir.path(), Some(&key()), Some(&cp)).unwrap_err();
        assert!(e.to_string().contains("rewritten"), "{e}");

        // A forged checkpoint.
        let mut forged = cp.clone();
        forged.seq = 1;
        let e = verify(dir.path(), Some(&key()), Some(&forged)).unwrap_err();
        assert!(e.to_string().contains("signature"), "{e}");
    }

    #[test]
    fn a_failed_append_leaves_no_torn_record_between_whole_ones() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::open(dir.path(), Some(&key())).unwrap();
        log.append(&record("a")).unwrap();
        crate::faults::arm(crate::faults::Point::AuditAppend, &dir.path().join(FILE));
        assert!(log.append(&record("lost")).is_err());
        log.append(&record("b")).unwrap();
        assert_eq!(ids(dir.path()), ["a", "b"]);

        // A crash mid-write (a torn last line) is cut off before the next append.
        drop(log);
        let path = dir.path().join(FILE);
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"3 0000 {\"kind\":\"wash\",").unwrap();
        drop(f);
        let other_writer = AuditLog::open(dir.path(), Some(&key())).unwrap();
        other_writer.append(&record("c")).unwrap();
        assert_eq!(ids(dir.path()), ["a", "b", "c"]);
    }

    #[test]
    fn a_trail_of_the_first_format_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE), "0000 {\"wash_id\":\"old\"}\n").unwrap();
        let log = AuditLog::open(dir.path(), Some(&key())).unwrap();
        log.append(&record("new")).unwrap();
        assert_eq!(ids(dir.path()), ["new"]);
        assert!(dir.path().join("audit.v1.log").exists());
    }

    #[test]
    fn without_a_configured_key_one_is_kept_beside_the_trail() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::open(dir.path(), None).unwrap();
        log.append(&record("a")).unwrap();
        drop(log);
        assert_eq!(read(dir.path(), None).unwrap().len(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(KEY_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "the key file is private");
        }
    }
}
