//! `vask wash`: wash a lead CSV in-process against the current generation, writing the file
//! back with verdict columns appended and recording the proof of wash.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use chrono::Utc;
use clap::Args;
use vask::audit::{AuditLog, InputHasher, WashRecord};
use vask::domain::{CallerKind, Campaign, Category, CentreId, ClientId, Purpose};
use vask::engine::rules::NAMES;
use vask::engine::{Engine, Reasons, WashRequest};
use vask::generation::Generation;
use vask::generation::store::Store;
use vask::number::{Normaliser, Region};

use super::ConfigArgs;

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
    #[arg(long, default_value = "number")]
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
    /// sales, market_research or fundraising.
    #[arg(long, default_value = "sales")]
    purpose: String,
    /// business or voluntary.
    #[arg(long, default_value = "business")]
    caller: String,
    /// Product category of the campaign.
    #[arg(long)]
    category: Option<String>,
    /// Where the lead list came from (norm 4.2 a). Required.
    #[arg(long)]
    source_reference: String,
    /// Campaign id for the audit trail.
    #[arg(long, default_value = "")]
    campaign: String,
    /// Print a JSON summary on standard output (with --out) or standard error.
    #[arg(long)]
    json: bool,
}

const CHUNK: usize = 65_536;

/// Runs `vask wash`.
pub fn run(a: WashArgs) -> Result<()> {
    let started = Instant::now();
    let config = a.config.load()?;
    let store = Store::new(&config.store)?;
    let generation = Generation::open(&store.current_dir()?)?;
    let region: Region = config
        .country
        .region
        .parse()
        .map_err(|e| anyhow::anyhow!("country.region: {e}"))?;
    let engine = Engine::new(generation, Normaliser::new(region), config.country.clone());
    let generation = engine.generation();
    let fresh = engine.freshness(&generation, Utc::now());
    if fresh.stale {
        bail!(
            "the national register snapshot of {} is {} days old, older than the {}-month limit; rebuild with a fresh delivery",
            fresh.snapshot_date,
            fresh.age_days,
            config.country.snapshot_max_age_months
        );
    }
    if a.source_reference.trim().is_empty() {
        bail!("--source-reference: say where the lead list came from (norm 4.2 a)");
    }
    let centre = match a.centre {
        Some(c) => CentreId::new(c)?,
        None => match config.centres.as_slice() {
            [only] => only.id.clone(),
            _ => bail!("--centre: the config has several centres; name one"),
        },
    };
    let client = ClientId::new(a.client)?;
    if !config
        .centres
        .iter()
        .any(|c| c.id == centre && c.clients.contains(&client))
    {
        bail!("centre {centre} may not wash for client {client} (see the config's centres)");
    }
    let purpose: Purpose = a.purpose.parse()?;
    let request = WashRequest {
        centre,
        client,
        campaign: Campaign {
            purpose,
            caller: a.caller.parse::<CallerKind>()?,
            category: a.category.map(Category::new).transpose()?,
        },
        at: Utc::now(),
    };

    let input_name = a.input.display().to_string();
    let mut raw = std::io::BufReader::with_capacity(
        1 << 20,
        File::open(&a.input).with_context(|| format!("opening {input_name}"))?,
    );
    let gz = {
        use std::io::BufRead;
        raw.fill_buf()?.starts_with(&[0x1f, 0x8b])
    };
    let reader: Box<dyn Read> = if gz {
        Box::new(flate2::bufread::MultiGzDecoder::new(raw))
    } else {
        Box::new(raw)
    };
    let mut rb = csv::ReaderBuilder::new();
    rb.flexible(true);
    if let Some(d) = a.delimiter {
        rb.delimiter(u8::try_from(d).context("--delimiter must be ASCII")?);
    }
    let mut csv_in = rb.from_reader(reader);
    let headers = csv_in.byte_headers()?.clone();
    let column = match a.number_column.parse::<usize>() {
        Ok(i) if i < headers.len() => i,
        Ok(i) => bail!(
            "--number-column {i}: the file has {} columns",
            headers.len()
        ),
        Err(_) => headers
            .iter()
            .position(|h| {
                h.trim_ascii()
                    .eq_ignore_ascii_case(a.number_column.as_bytes())
            })
            .with_context(|| {
                format!(
                    "no column {:?} in {input_name} (found: {}); use --number-column",
                    a.number_column,
                    String::from_utf8_lossy(headers.as_slice())
                )
            })?,
    };
    let out: Box<dyn Write> = match &a.out {
        Some(p) => Box::new(File::create(p).with_context(|| format!("creating {}", p.display()))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut csv_out = csv::WriterBuilder::new().from_writer(BufWriter::with_capacity(1 << 20, out));
    let mut header_out = headers.clone();
    header_out.push_field(b"vask_verdict");
    header_out.push_field(b"vask_reasons");
    header_out.push_field(b"vask_e164");
    csv_out.write_byte_record(&header_out)?;

    let progress = std::io::stderr().is_terminal().then(|| {
        let p = indicatif::ProgressBar::new_spinner();
        p.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {human_pos} rows {per_sec} {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        p
    });
    let resolved = engine.resolve(&generation, &request);
    let mut hasher = InputHasher::default();
    let mut counts = [0u64; NAMES.len()];
    let (mut rows, mut allowed) = (0u64, 0u64);
    let mut records: Vec<csv::ByteRecord> = Vec::with_capacity(CHUNK);
    let mut verdicts = Vec::with_capacity(CHUNK);
    let mut normalised = Vec::with_capacity(CHUNK);
    let mut e164 = itoa::Buffer::new();
    loop {
        records.clear();
        while records.len() < CHUNK {
            let mut r = csv::ByteRecord::new();
            if !csv_in
                .read_byte_record(&mut r)
                .with_context(|| format!("reading {input_name}"))?
            {
                break;
            }
            records.push(r);
        }
        if records.is_empty() {
            break;
        }
        verdicts.clear();
        normalised.clear();
        let fields: Vec<&str> = records
            .iter()
            .map(|r| {
                r.get(column)
                    .and_then(|f| std::str::from_utf8(f).ok())
                    .unwrap_or("")
            })
            .collect();
        engine.wash_raw(&resolved, &fields, &mut verdicts, &mut normalised);
        hasher.update(&normalised);
        for ((r, &v), &n) in records.iter_mut().zip(&verdicts).zip(&normalised) {
            let reasons = Reasons(v);
            if reasons.allowed() {
                allowed += 1;
            }
            for (i, (bit, _)) in NAMES.iter().enumerate() {
                counts[i] += u64::from(v & bit != 0);
            }
            r.push_field(if reasons.allowed() {
                b"allowed"
            } else {
                b"blocked"
            });
            r.push_field(reasons.names().join("|").as_bytes());
            if n == 0 {
                r.push_field(b"");
            } else {
                let mut s = Vec::with_capacity(16);
                s.push(b'+');
                s.extend_from_slice(e164.format(n).as_bytes());
                r.push_field(&s);
            }
            csv_out.write_byte_record(r)?;
        }
        rows += records.len() as u64;
        if let Some(p) = &progress {
            p.set_position(rows);
        }
    }
    csv_out.flush()?;
    drop(resolved);
    if let Some(p) = progress {
        p.finish_and_clear();
    }

    let wash_id = format!(
        "w{}-{:08x}",
        Utc::now().format("%Y%m%dT%H%M%S%.6fZ"),
        rand::random::<u32>()
    );
    let count_map: std::collections::BTreeMap<String, u64> = NAMES
        .iter()
        .zip(counts)
        .filter(|(_, c)| *c > 0)
        .map(|((_, n), c)| ((*n).to_owned(), c))
        .collect();
    let audit = AuditLog::open(&config.audit)?;
    audit.append(&WashRecord {
        wash_id: wash_id.clone(),
        at: Utc::now(),
        via: "cli".into(),
        centre: request.centre.to_string(),
        key_id: String::new(),
        client: request.client.to_string(),
        campaign: a.campaign,
        purpose: a.purpose,
        caller: a.caller,
        category: request
            .campaign
            .category
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        source_reference: a.source_reference,
        numbers: rows,
        allowed,
        counts: count_map.clone(),
        generation: generation.id().to_owned(),
        snapshot_date: generation.manifest().national.snapshot_date.to_string(),
        input_sha256: hasher.finish(),
    })?;
    audit.sync()?;
    let seconds = started.elapsed().as_secs_f64();
    let summary = serde_json::json!({
        "wash_id": wash_id,
        "rows": rows,
        "allowed": allowed,
        "blocked": rows - allowed,
        "reasons": count_map,
        "generation": generation.id(),
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
