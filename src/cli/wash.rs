//! `vask wash`: wash a lead CSV, in-process against the current generation or through a
//! running server (`--server`), writing the file back with verdict columns appended. Either way
//! the proof of wash is recorded: in-process in the local audit trail, through a server in the
//! server's (one `WashStream`, one wash id).

use std::fs::File;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use chrono::{DateTime, Utc};
use clap::Args;
use vask::app::{App, CampaignParams, Mode};
use vask::auth::Principal;
use vask::domain::{CallerKind, CentreId, Purpose};
use vask::error::RequestError;
use vask::leads::{DEFAULT_NUMBER_COLUMN, LeadColumns, LeadError, Tally, Washer, wash_csv};
use vask::person::PersonQuery;
use vask::session::{Batch, WashParams};

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

/// Runs `vask wash`.
pub fn run(a: WashArgs) -> Result<()> {
    let started = Instant::now();
    if a.source_reference.trim().is_empty() {
        bail!("--source-reference: say where the lead list came from (norm 4.2 a)");
    }
    let input_name = a.input.display().to_string();
    let mut csv_in = vask::sources::table::reader(&a.input, a.delimiter)?;
    let headers = csv_in
        .byte_headers()
        .with_context(|| format!("reading the header of {input_name}"))?
        .clone();
    let columns = LeadColumns::find(&headers, &a.number_column, &input_name)
        .map_err(|e| anyhow::anyhow!("{e} (use --number-column)"))?;
    if columns.persons.is_some() {
        tracing::info!("lead file has person columns: matching persons too");
    }
    let mut out: Box<dyn Write + Send> = match &a.out {
        Some(p) => Box::new(File::create(p).with_context(|| format!("creating {}", p.display()))?),
        None => Box::new(std::io::stdout()),
    };
    let progress = spinner("wash");
    let show = |rows: u64| {
        if let Some(p) = &progress {
            p.set_position(rows);
        }
    };
    let mut copy = |washer: &mut dyn Washer| -> Result<Tally> {
        Ok(wash_csv(
            &mut csv_in,
            &mut out,
            &columns,
            &input_name,
            washer,
            &show,
        )?)
    };
    let (tally, wash_id, generation) = match &a.server {
        Some(server) => remote(&a, server, &mut copy)?,
        None => local(&a, &mut copy)?,
    };
    if let Some(p) = &progress {
        p.finish_and_clear();
    }
    let (rows, allowed) = (tally.rows, tally.allowed);
    let count_map = tally.by_reason();
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
    copy: &mut dyn FnMut(&mut dyn Washer) -> Result<Tally>,
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
    let tally = copy(&mut session).map_err(|e| match e.downcast::<LeadError>() {
        Ok(LeadError::Wash(e)) => flag_error(e),
        Ok(other) => other.into(),
        Err(other) => other,
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
    copy: &mut dyn FnMut(&mut dyn Washer) -> Result<Tally>,
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
    let mut remote = Remote {
        runtime: &runtime,
        tx: &tx,
        responses: &mut responses,
    };
    let tally = copy(&mut remote)?;
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

/// A running server behind one WashStream, as a lead-file washer.
struct Remote<'a> {
    runtime: &'a tokio::runtime::Runtime,
    tx: &'a tokio::sync::mpsc::Sender<vask::service::pb::WashStreamRequest>,
    responses: &'a mut tonic::Streaming<vask::service::pb::WashStreamResponse>,
}

impl Washer for Remote<'_> {
    fn wash(
        &mut self,
        fields: &[&str],
        persons: &[Option<PersonQuery>],
    ) -> Result<Batch, LeadError> {
        use vask::service::pb;
        let (tx, responses) = (self.tx, &mut *self.responses);
        self.runtime.block_on(async {
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
            .map_err(|_| LeadError::Other("the server closed the stream".into()))?;
            match responses.message().await {
                Ok(Some(pb::WashStreamResponse {
                    kind: Some(pb::wash_stream_response::Kind::Chunk(c)),
                })) => Ok(Batch {
                    verdicts: c.verdicts,
                    normalised: c.normalised,
                }),
                Err(s) => Err(LeadError::Other(status_error(s).to_string())),
                _ => Err(LeadError::Other(
                    "the server ended the stream before answering a chunk".into(),
                )),
            }
        })
    }
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
