//! `vask wash`: wash a lead CSV, in-process against the current generation or through a
//! running server (`--server`), writing the file back with verdict columns appended. Either way
//! the proof of wash is recorded: in-process in the local audit trail, through a server in the
//! server's (one `WashStream`, one wash id).

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use chrono::{DateTime, Utc};
use clap::Args;
use vask::app::{App, CampaignParams, Mode};
use vask::auth::Principal;
use vask::domain::{CallerKind, CentreId, Purpose};
use vask::engine::Reasons;
use vask::engine::rules::NAMES;
use vask::error::RequestError;
use vask::person::PersonQuery;
use vask::session::{LeadInput, PersonFields, WashParams};

use super::ConfigArgs;
use super::progress::spinner;

/// Arguments of `vask wash`.
#[derive(Debug, Args)]
pub struct WashArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// Lead file (CSV with a header; gzip accepted).
    input: PathBuf,
    /// Output file (default: standard output).
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// The number column: a header name or a 0-based index.
    #[arg(long, default_value = DEFAULT_NUMBER_COLUMN)]
    number_column: String,
    /// Field delimiter (default: sniffed from the header).
    #[arg(long)]
    delimiter: Option<char>,
    /// The centre washing (default: the config's only centre).
    #[arg(long)]
    centre: Option<String>,
    /// The client the campaign is for.
    #[arg(long)]
    client: String,
    /// sales, market_research or fundraising (one the client's configuration allows).
    #[arg(long, default_value = "sales")]
    purpose: Purpose,
    /// business or voluntary; default: the client's configured kind (a different one is
    /// refused).
    #[arg(long)]
    caller: Option<CallerKind>,
    /// Product category of the campaign.
    #[arg(long)]
    category: Option<String>,
    /// Where the lead list came from (norm 4.2 a). Required.
    #[arg(long)]
    source_reference: String,
    /// Campaign id for the audit trail.
    #[arg(long, default_value = "")]
    campaign: String,
    /// When the calls will be made (RFC 3339, e.g. 2026-12-07T10:00:00+01:00); default now.
    /// Never in the past.
    #[arg(long)]
    at: Option<DateTime<Utc>>,
    /// Also flag numbers outside the calling window at --at (`outside_calling_window`).
    #[arg(long)]
    check_calling_window: bool,
    /// Print a JSON summary on standard output (with --out) or standard error.
    #[arg(long)]
    json: bool,
    /// Wash through this running server (e.g. http://127.0.0.1:50051) instead of in-process.
    #[arg(long, requires = "key")]
    server: Option<String>,
    /// API key for --server.
    #[arg(long, env = "VASK_KEY")]
    key: Option<String>,
    /// Person-matching strictness when the file has person columns (given_names/fornavn,
    /// surname/etternavn, street/adresse, postcode/postnummer, city/poststed, birth_date, ...):
    /// exact, strict, normal or loose (default: the config's, normal).
    #[arg(long)]
    person_strictness: Option<String>,
}

/// Washes one chunk of numbers as written: a reason code and a normalised number (0 if
/// invalid) per number, in order. The persons slice is empty when the file has no person
/// columns; otherwise it has one entry per row (`None`: the row names no person).
type WashChunk<'a> =
    dyn FnMut(&[&str], &[Option<PersonQuery>], &mut Vec<u32>, &mut Vec<u64>) -> Result<()> + 'a;

/// Person columns of a lead file, by the usual header names (English and Norwegian).
const PERSON_COLUMNS: [(&str, &[&str]); 9] = [
    (
        "given_names",
        &[
            "given_names",
            "given_name",
            "first_name",
            "firstname",
            "fornavn",
        ],
    ),
    (
        "surname",
        &[
            "surname",
            "last_name",
            "lastname",
            "family_name",
            "etternavn",
        ],
    ),
    (
        "street",
        &[
            "street",
            "address",
            "street_address",
            "adresse",
            "gateadresse",
        ],
    ),
    ("house_number", &["house_number", "husnummer"]),
    ("house_letter", &["house_letter", "husbokstav", "bokstav"]),
    (
        "postcode",
        &["postcode", "postal_code", "zip", "postnummer", "postnr"],
    ),
    ("city", &["city", "town", "poststed", "sted"]),
    (
        "birth_date",
        &["birth_date", "date_of_birth", "birthdate", "fodselsdato"],
    ),
    ("national_id", &["national_id", "fodselsnummer", "fnr"]),
];

/// Where each person column is, if the file has any (at least a name).
fn person_columns(headers: &csv::ByteRecord) -> Option<[Option<usize>; 9]> {
    let find = |names: &[&str]| {
        headers.iter().position(|h| {
            let h = String::from_utf8_lossy(h.trim_ascii()).to_lowercase();
            names.iter().any(|n| *n == h)
        })
    };
    let at = PERSON_COLUMNS.map(|(_, names)| find(names));
    (at[0].is_some() || at[1].is_some() || at[8].is_some()).then_some(at)
}

/// The person of one lead row; a bad birth date is refused with the file's line, as the
/// gRPC service refuses it (never silently matched without it).
fn person_of(
    r: &csv::ByteRecord,
    at: &[Option<usize>; 9],
    input_name: &str,
) -> Result<Option<PersonQuery>> {
    let field = |i: usize| {
        at[i]
            .and_then(|c| r.get(c))
            .map(|f| String::from_utf8_lossy(f).trim().to_owned())
            .unwrap_or_default()
    };
    PersonFields {
        given_names: field(0),
        surname: field(1),
        street: field(2),
        house_number: field(3),
        house_letter: field(4),
        postcode: field(5),
        city: field(6),
        birth_date: field(7),
        national_id: field(8),
    }
    .parse()
    .map_err(|e| {
        let line = r.position().map_or(0, |p| p.line());
        anyhow::anyhow!("{input_name} line {line}: {e}")
    })
}

/// What washing the file found.
struct Tally {
    rows: u64,
    allowed: u64,
    counts: [u64; NAMES.len()],
}

const CHUNK: usize = 65_536;
/// A chunk ends early once its rows hold this many bytes, so that wide rows (each within
/// `sources::table::Limits`) cannot make a chunk of 65 536 rows hold gigabytes.
const CHUNK_BYTES: usize = 8 << 20;
/// A recycled chunk whose records have held more than this since they were allocated is freed
/// and starts anew (a record keeps the capacity of the widest row it held).
const CHUNK_RETAIN_BYTES: usize = 16 << 20;
const DEFAULT_NUMBER_COLUMN: &str = "number";

/// Runs `vask wash`.
pub fn run(a: WashArgs) -> Result<()> {
    let started = Instant::now();
    if a.source_reference.trim().is_empty() {
        bail!("--source-reference: say where the lead list came from (norm 4.2 a)");
    }
    let input_name = a.input.display().to_string();
    let mut csv_in = vask::sources::table::reader(&a.input, a.delimiter)?;
    let headers = csv_in.byte_headers()?.clone();
    let column = match a.number_column.parse::<usize>() {
        Ok(i) if i < headers.len() => i,
        Ok(i) => bail!(
            "--number-column {i}: the file has {} columns",
            headers.len()
        ),
        Err(_) => {
            let find = |name: &str| {
                headers
                    .iter()
                    .position(|h| h.trim_ascii().eq_ignore_ascii_case(name.as_bytes()))
            };
            // The default also finds the usual names of a phone column.
            let aliases: &[&str] = if a.number_column == DEFAULT_NUMBER_COLUMN {
                &[
                    "phone",
                    "telephone",
                    "telefon",
                    "mobile",
                    "mobil",
                    "msisdn",
                    "tlf",
                ]
            } else {
                &[]
            };
            std::iter::once(a.number_column.as_str())
                .chain(aliases.iter().copied())
                .find_map(find)
                .with_context(|| {
                    format!(
                        "no column {:?} in {input_name} (found: {}); use --number-column",
                        a.number_column,
                        headers
                            .iter()
                            .map(String::from_utf8_lossy)
                            .collect::<Vec<_>>()
                            .join(",")
                    )
                })?
        }
    };
    let out: Box<dyn Write + Send> = match &a.out {
        Some(p) => Box::new(File::create(p).with_context(|| format!("creating {}", p.display()))?),
        None => Box::new(std::io::stdout()),
    };
    let mut csv_out = csv::WriterBuilder::new().from_writer(BufWriter::with_capacity(1 << 20, out));
    let mut header_out = headers.clone();
    header_out.push_field(b"vask_verdict");
    header_out.push_field(b"vask_reasons");
    header_out.push_field(b"vask_e164");
    csv_out.write_byte_record(&header_out)?;
    let persons = person_columns(&headers);
    if persons.is_some() {
        tracing::info!("lead file has person columns: matching persons too");
    }
    let mut copy = |wash: &mut WashChunk<'_>| -> Result<Tally> {
        let t = wash_rows(
            &mut csv_in,
            &mut csv_out,
            column,
            persons,
            &input_name,
            wash,
        )?;
        csv_out.flush()?;
        Ok(t)
    };

    let (tally, wash_id, generation) = match &a.server {
        Some(server) => remote(&a, server, &mut copy)?,
        None => local(&a, &mut copy)?,
    };
    let Tally {
        rows,
        allowed,
        counts,
    } = tally;
    let count_map: std::collections::BTreeMap<String, u64> = NAMES
        .iter()
        .zip(counts)
        .filter(|(_, c)| *c > 0)
        .map(|((_, n), c)| ((*n).to_owned(), c))
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    let summary = serde_json::json!({
        "wash_id": wash_id,
        "rows": rows,
        "allowed": allowed,
        "blocked": rows - allowed,
        "reasons": count_map,
        "generation": generation,
        "via": if a.server.is_some() { "server" } else { "in-process" },
        "seconds": seconds,
        "rows_per_second": rows as f64 / seconds.max(1e-9),
    });
    if a.json {
        if a.out.is_some() {
            println!("{summary}");
        } else {
            eprintln!("{summary}");
        }
    } else {
        eprintln!(
            "washed {rows} rows in {seconds:.2} s ({:.0} rows/s): {allowed} allowed, {} blocked; wash id {wash_id}",
            rows as f64 / seconds.max(1e-9),
            rows - allowed
        );
        for (reason, count) in &count_map {
            eprintln!("  {reason}: {count}");
        }
    }
    Ok(())
}

/// Reads the lead file in chunks, washes each, and writes the rows back with the verdict
/// columns appended.
fn wash_rows(
    csv_in: &mut csv::Reader<Box<dyn Read>>,
    csv_out: &mut csv::Writer<BufWriter<Box<dyn Write + Send>>>,
    column: usize,
    person_at: Option<[Option<usize>; 9]>,
    input_name: &str,
    wash: &mut WashChunk<'_>,
) -> Result<Tally> {
    let progress = spinner("wash");
    // Two stages on two threads: this one reads and washes a chunk while a writer thread
    // formats and writes the one before. Chunks (and their records) circulate, so nothing is
    // allocated per row once warm.
    let (full_tx, full_rx) = std::sync::mpsc::sync_channel::<Chunk>(1);
    let (empty_tx, empty_rx) = std::sync::mpsc::sync_channel::<Chunk>(3);
    for _ in 0..3 {
        let _ = empty_tx.send(Chunk::default());
    }
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> Result<Tally> {
            let mut tally = Tally {
                rows: 0,
                allowed: 0,
                counts: [0; NAMES.len()],
            };
            for chunk in full_rx {
                write_chunk(csv_out, &chunk, &mut tally)?;
                if let Some(p) = &progress {
                    p.set_position(tally.rows);
                }
                let _ = empty_tx.send(chunk);
            }
            if let Some(p) = progress {
                p.finish_and_clear();
            }
            Ok(tally)
        });
        let read = (|| -> Result<()> {
            let mut rows = 0u64;
            while let Ok(mut chunk) = empty_rx.recv() {
                chunk.filled = 0;
                if chunk.held > CHUNK_RETAIN_BYTES {
                    chunk.records = Vec::new();
                    chunk.held = 0;
                }
                let mut bytes = 0;
                while chunk.filled < CHUNK && bytes < CHUNK_BYTES {
                    if chunk.filled == chunk.records.len() {
                        chunk.records.push(csv::ByteRecord::new());
                    }
                    let record = &mut chunk.records[chunk.filled];
                    if !csv_in
                        .read_byte_record(record)
                        .with_context(|| format!("reading {input_name}"))?
                    {
                        break;
                    }
                    let size = record.as_slice().len() + 8 * record.len();
                    bytes += size;
                    chunk.held += size;
                    chunk.filled += 1;
                }
                if chunk.filled == 0 {
                    return Ok(());
                }
                let rows_of = &chunk.records[..chunk.filled];
                chunk.verdicts.clear();
                chunk.normalised.clear();
                let fields: Vec<&str> = rows_of
                    .iter()
                    .map(|r| {
                        r.get(column)
                            .and_then(|f| std::str::from_utf8(f).ok())
                            .unwrap_or("")
                    })
                    .collect();
                let persons: Vec<Option<PersonQuery>> = match &person_at {
                    Some(at) => rows_of
                        .iter()
                        .map(|r| person_of(r, at, input_name))
                        .collect::<Result<_>>()?,
                    None => Vec::new(),
                };
                wash(
                    &fields,
                    &persons,
                    &mut chunk.verdicts,
                    &mut chunk.normalised,
                )?;
                if chunk.verdicts.len() != chunk.filled || chunk.normalised.len() != chunk.filled {
                    bail!(
                        "washed {} of {} rows in a chunk; nothing after row {rows} was written",
                        chunk.verdicts.len(),
                        chunk.filled,
                    );
                }
                rows += chunk.filled as u64;
                if full_tx.send(chunk).is_err() {
                    // The writer stopped: its error is the one to report.
                    return Ok(());
                }
            }
            Ok(())
        })();
        drop(full_tx);
        let written = writer
            .join()
            .map_err(|_| anyhow::anyhow!("the output writer thread panicked"))?;
        read?;
        written
    })
}

/// One chunk of lead rows on its way from the reader to the writer.
#[derive(Default)]
struct Chunk {
    records: Vec<csv::ByteRecord>,
    filled: usize,
    /// Bytes read into `records` since they were allocated: a bound on what they hold.
    held: usize,
    verdicts: Vec<u32>,
    normalised: Vec<u64>,
}

/// Writes a washed chunk with its verdict columns, and counts it.
fn write_chunk(
    csv_out: &mut csv::Writer<BufWriter<Box<dyn Write + Send>>>,
    chunk: &Chunk,
    tally: &mut Tally,
) -> Result<()> {
    let mut e164 = itoa::Buffer::new();
    let mut reasons_text = String::new();
    let rows = chunk.records[..chunk.filled]
        .iter()
        .zip(&chunk.verdicts)
        .zip(&chunk.normalised);
    for ((r, &v), &n) in rows {
        let reasons = Reasons(v);
        if reasons.allowed() {
            tally.allowed += 1;
        }
        reasons_text.clear();
        for (i, (bit, name)) in NAMES.iter().enumerate() {
            if v & bit != 0 {
                tally.counts[i] += 1;
                if !reasons_text.is_empty() {
                    reasons_text.push('|');
                }
                reasons_text.push_str(name);
            }
        }
        for field in r {
            csv_out.write_field(field)?;
        }
        csv_out.write_field(if reasons.allowed() {
            "allowed"
        } else {
            "blocked"
        })?;
        csv_out.write_field(&reasons_text)?;
        if n == 0 {
            csv_out.write_field("")?;
        } else {
            let mut s = [0u8; 24];
            let digits = e164.format(n).as_bytes();
            s[0] = b'+';
            s[1..=digits.len()].copy_from_slice(digits);
            csv_out.write_field(&s[..=digits.len()])?;
        }
        csv_out.write_record(None::<&[u8]>)?;
    }
    tally.rows += chunk.filled as u64;
    Ok(())
}

/// Names a refused field by the command's flag.
fn flag_error(e: RequestError) -> anyhow::Error {
    let e = e.in_field(|f| {
        match f {
            "client_id" => "--client",
            "campaign.purpose" => "--purpose",
            "campaign.caller_kind" => "--caller",
            "campaign.product_category" => "--category",
            "campaign.campaign_id" => "--campaign",
            "source_reference" => "--source-reference",
            "at" => "--at",
            other => other,
        }
        .to_owned()
    });
    anyhow::anyhow!("{e}")
}

/// Washes in-process through the library's wash session (the same checks, rules, live
/// opt-outs, calling window and audit record as the server), beside a server that may run.
fn local(
    a: &WashArgs,
    copy: &mut dyn FnMut(&mut WashChunk<'_>) -> Result<Tally>,
) -> Result<(Tally, String, String)> {
    let config = a.config.load()?;
    let centre = match &a.centre {
        Some(c) => CentreId::new(c)?,
        None => match config.centres.as_slice() {
            [only] => only.id.clone(),
            _ => bail!("--centre: the config has several centres; name one"),
        },
    };
    let who = Principal::local(&config, "cli", &centre)
        .with_context(|| format!("--centre: no centre {centre} in the configuration"))?;
    let app = std::sync::Arc::new(App::open(
        config,
        Mode::ReadOnly,
        std::sync::Arc::new(vask::domain::SystemClock),
    )?);
    let strictness = a.person_strictness.as_deref().map(str::parse).transpose()?;
    let mut session = app
        .start_wash(
            &who,
            WashParams {
                campaign: CampaignParams {
                    client: a.client.clone(),
                    campaign_id: a.campaign.clone(),
                    purpose: Some(a.purpose),
                    caller: a.caller,
                    category: a.category.clone().unwrap_or_default(),
                    at: a.at,
                },
                source_reference: a.source_reference.clone(),
                check_calling_window: a.check_calling_window,
                strictness,
                via: "cli",
            },
        )
        .map_err(flag_error)?;
    let tally = copy(&mut |fields, persons, verdicts, normalised| {
        let batch = if persons.is_empty() {
            session.wash_numbers(fields)
        } else {
            let leads: Vec<LeadInput> = fields
                .iter()
                .zip(persons)
                .map(|(n, p)| LeadInput {
                    number: (*n).to_owned(),
                    person: p.clone(),
                })
                .collect();
            session.wash_leads(&leads)
        }
        .map_err(flag_error)?;
        verdicts.extend(batch.verdicts);
        normalised.extend(batch.normalised);
        Ok(())
    })?;
    let proof = session.finish().map_err(flag_error)?;
    app.audit().sync()?;
    Ok((tally, proof.wash_id, proof.generation))
}

/// Washes through a running server with one `WashStream` (so one wash id and one audit record
/// on the server for the whole file).
fn remote(
    a: &WashArgs,
    server: &str,
    copy: &mut dyn FnMut(&mut WashChunk<'_>) -> Result<Tally>,
) -> Result<(Tally, String, String)> {
    use vask::service::pb;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let key = a.key.clone().context("--key is required with --server")?;
    let purpose = match a.purpose {
        Purpose::Sales => pb::Purpose::Sales,
        Purpose::MarketResearch => pb::Purpose::MarketResearch,
        Purpose::Fundraising => pb::Purpose::Fundraising,
    };
    let caller = match a.caller {
        None => pb::CallerKind::Unspecified,
        Some(CallerKind::Business) => pb::CallerKind::Business,
        Some(CallerKind::Voluntary) => pb::CallerKind::Voluntary,
    };
    let (tx, rx) = tokio::sync::mpsc::channel::<pb::WashStreamRequest>(4);
    let mut responses = runtime.block_on(async {
        let channel = tonic::transport::Endpoint::from_shared(server.to_owned())?
            .tcp_nodelay(true)
            .connect()
            .await
            .with_context(|| format!("connecting to {server}"))?;
        let token: tonic::metadata::MetadataValue<_> = format!("Bearer {key}")
            .parse()
            .context("--key is not a valid header value")?;
        let mut client = pb::wash_service_client::WashServiceClient::with_interceptor(
            channel,
            move |mut r: tonic::Request<()>| {
                r.metadata_mut().insert("authorization", token.clone());
                Ok(r)
            },
        )
        .max_decoding_message_size(64 << 20)
        .max_encoding_message_size(64 << 20);
        tx.send(pb::WashStreamRequest {
            kind: Some(pb::wash_stream_request::Kind::Header(
                pb::WashStreamHeader {
                    client_id: a.client.clone(),
                    campaign: Some(pb::Campaign {
                        campaign_id: a.campaign.clone(),
                        purpose: purpose as i32,
                        caller_kind: caller as i32,
                        product_category: a.category.clone().unwrap_or_default(),
                    }),
                    source_reference: a.source_reference.clone(),
                    echo_normalised: true,
                    at: a.at.map(vask::service::timestamp),
                    check_calling_window: a.check_calling_window,
                    ..Default::default()
                },
            )),
        })
        .await
        .context("the stream closed before the header was sent")?;
        let response = client
            .wash_stream(tokio_stream::wrappers::ReceiverStream::new(rx))
            .await
            .map_err(status_error)?;
        Ok::<_, anyhow::Error>(response.into_inner())
    })?;
    let tally = copy(&mut |fields, persons, verdicts, normalised| {
        runtime.block_on(async {
            tx.send(pb::WashStreamRequest {
                kind: Some(pb::wash_stream_request::Kind::Chunk(pb::NumberChunk {
                    numbers: fields.iter().map(|f| (*f).to_owned()).collect(),
                    e164: Vec::new(),
                    persons: persons
                        .iter()
                        .map(|p| p.as_ref().map(person_pb).unwrap_or_default())
                        .collect(),
                })),
            })
            .await
            .context("the server closed the stream")?;
            match responses.message().await.map_err(status_error)? {
                Some(pb::WashStreamResponse {
                    kind: Some(pb::wash_stream_response::Kind::Chunk(c)),
                }) => {
                    verdicts.extend_from_slice(&c.verdicts);
                    normalised.extend_from_slice(&c.normalised);
                    Ok(())
                }
                _ => bail!("the server ended the stream before answering a chunk"),
            }
        })
    })?;
    drop(tx);
    let summary = runtime.block_on(async {
        loop {
            match responses.message().await.map_err(status_error)? {
                Some(pb::WashStreamResponse {
                    kind: Some(pb::wash_stream_response::Kind::Summary(s)),
                }) => return Ok(s),
                Some(_) => continue,
                None => bail!("the server ended the stream without a summary"),
            }
        }
    })?;
    if summary.numbers != tally.rows {
        bail!(
            "the server washed {} numbers, the file has {} rows",
            summary.numbers,
            tally.rows
        );
    }
    Ok((tally, summary.wash_id, summary.generation_id))
}

fn person_pb(p: &PersonQuery) -> vask::service::pb::Person {
    vask::service::pb::Person {
        given_names: p.given_names.clone(),
        surname: p.surname.clone(),
        street: p.street.clone(),
        house_number: p.house_number.clone(),
        house_letter: p.house_letter.clone(),
        postcode: p.postcode.clone(),
        city: p.city.clone(),
        birth_date: p.birth_date.map(|d| d.to_string()).unwrap_or_default(),
        national_id: p.national_id.clone().unwrap_or_default(),
    }
}

fn status_error(s: tonic::Status) -> anyhow::Error {
    anyhow::anyhow!("server: {:?}: {}", s.code(), s.message())
}
