//! `vask loadgen`: drives a running server over gRPC or its HTTP/JSON API and reports
//! numbers/s, requests/s, latency percentiles and CPU use (and, for a CSV upload, rows/s and
//! the server's resident memory). Bounded in time; meant for loopback.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use tonic::metadata::MetadataValue;
use vask::service::pb;
use vask::synth::{self, SynthSpec};

/// What to send.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Mode {
    /// Batches of packed uint64 E.164 numbers.
    Batch,
    /// Batches of numbers as strings in mixed shapes.
    Strings,
    /// One number per request at a fixed rate (open loop), for latency.
    Single,
    /// AddReservation of unique numbers (or of `--number` every time) to the centre's list
    /// from `--concurrency` clients in a closed loop: acknowledged (fsynced) opt-outs per
    /// second, and the journal bytes written (actor and reason of `--text-bytes` each).
    Adds,
    /// Explain from `--concurrency` clients in a closed loop, of `--number` or of the
    /// synthetic leads in turn: Explains per second and their latency.
    Explain,
    /// `POST /v1/wash` with JSON batches of E.164 integers (`--http`).
    HttpBatch,
    /// `POST /v1/wash` with JSON batches of numbers as strings in mixed shapes.
    HttpStrings,
    /// `POST /v1/wash` with one number per request at a fixed rate (open loop), for latency.
    HttpSingle,
    /// Single numbers at a fixed rate, alternating gRPC `Wash` and HTTP `POST /v1/wash` in
    /// one run, each with its own latency figures (the two under the same conditions).
    SingleBoth,
    /// Uploads `--file` (a lead CSV) to `POST /v1/wash` as `text/csv`, `--concurrency` times
    /// in a row, and reads the washed file back: rows/s and the server's RSS (`--server-pid`).
    HttpCsv,
    /// Heavy person washes (`--batch` leads with a person each) from `--concurrency` clients
    /// in a closed loop, meant to exceed the server's admission limits: reports the share
    /// shed (and with which code), the latency of the admitted requests, and the server's
    /// peak memory (with `--server-pid`).
    Overload,
}

/// Arguments of `vask loadgen`.
#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Server URL.
    #[arg(long, default_value = "http://127.0.0.1:50051")]
    pub(super) server: String,
    /// API key.
    #[arg(long, env = "VASK_KEY", default_value = vask::config::DEMO_KEY)]
    pub(super) key: String,
    /// Client to wash for.
    #[arg(long, default_value = synth::CLIENT)]
    pub(super) client: String,
    /// Product category.
    #[arg(long, default_value = "power")]
    pub(super) category: String,
    /// What to send.
    #[arg(long, value_enum, default_value = "batch")]
    pub(super) mode: Mode,
    /// Numbers per request (batch modes).
    #[arg(long, default_value_t = 10_000)]
    pub(super) batch: usize,
    /// Requests in flight (batch modes).
    #[arg(long, default_value_t = 4)]
    pub(super) concurrency: usize,
    /// gRPC connections the clients share in turn (batch, overload, adds and explain modes;
    /// at most `--concurrency`).
    #[arg(long, default_value_t = 1)]
    pub(super) connections: usize,
    /// Requests per second (single mode).
    #[arg(long, default_value_t = 5_000)]
    pub(super) rate: u64,
    /// How long to run, in seconds (at most 600).
    #[arg(long, default_value_t = 10)]
    pub(super) seconds: u64,
    /// Register size of the synthetic data the server serves (to aim ~35 % hits).
    #[arg(long, default_value_t = 5_000_000)]
    pub(super) register: u64,
    /// Server process id, to report its CPU use.
    #[arg(long)]
    pub(super) server_pid: Option<u32>,
    /// Base URL of the HTTP API (HTTP modes).
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    pub(super) http: String,
    /// The lead file to upload (`--mode http-csv`).
    #[arg(long)]
    pub(super) file: Option<std::path::PathBuf>,
    /// The number to explain (`--mode explain`) or to add every time (`--mode adds`).
    #[arg(long)]
    pub(super) number: Option<String>,
    /// Bytes of the actor and of the reason of each add (`--mode adds`; at most the
    /// server's 1 024); 0 sends short ones.
    #[arg(long, default_value_t = 0)]
    pub(super) text_bytes: usize,
}

/// A process's resident memory now in MiB (`VmRSS`).
fn rss_mib(pid: &str) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Why a `RESOURCE_EXHAUSTED` answer says it shed a request (`rate`, `in_flight`, `bytes`,
/// or `other`), from its message.
fn shed_reason(message: &str) -> &'static str {
    if message.contains("rate allows") {
        "rate"
    } else if message.contains("requests in flight") {
        "in_flight"
    } else if message.contains("bytes do not fit") {
        "bytes"
    } else {
        "other"
    }
}

/// An error's code and the start of its message, on one line.
fn describe(e: &tonic::Status) -> String {
    let message: String = e.message().chars().take(160).collect();
    format!("{:?} {:?}", e.code(), message)
}

/// A text of exactly `n` bytes (at least one), for the adds' actor and reason.
fn padded(word: &str, n: usize) -> String {
    if n == 0 {
        return word.to_owned();
    }
    let mut s = word.to_owned();
    s.truncate(n);
    while s.len() < n {
        s.push('.');
    }
    s
}

/// A process's peak resident memory in MiB (`VmHWM`).
fn peak_rss_mib(pid: &str) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

pub(super) fn cpu_seconds(pid: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Runs the load.
pub fn run(a: LoadArgs) -> Result<()> {
    if a.seconds == 0 || a.seconds > 600 {
        bail!("--seconds must be 1..=600");
    }
    // Single numbers measure latency: one thread keeps the client's own hops (request task,
    // the channel's buffer task, the connection task) off the other core, which the server
    // needs; batch modes need both cores' worth of client.
    let runtime = match a.mode {
        Mode::Single | Mode::HttpSingle | Mode::SingleBoth => {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?
        }
        _ => tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?,
    };
    match a.mode {
        Mode::HttpBatch | Mode::HttpStrings | Mode::HttpSingle | Mode::SingleBoth => {
            runtime.block_on(super::loadgen_http::drive(a))
        }
        Mode::HttpCsv => runtime.block_on(super::loadgen_http::csv(a)),
        _ => runtime.block_on(drive(a)),
    }
}

async fn drive(a: LoadArgs) -> Result<()> {
    let endpoint = tonic::transport::Endpoint::from_shared(a.server.clone())?
        .tcp_nodelay(true)
        .initial_stream_window_size(Some(4 << 20))
        .initial_connection_window_size(Some(16 << 20));
    // Clients share `--connections` connections in turn (one HTTP/2 connection carrying
    // hundreds of large requests measures its own flow control, not the server).
    let mut channels = Vec::new();
    for _ in 0..a.connections.clamp(1, a.concurrency.max(1)) {
        channels.push(
            endpoint
                .connect()
                .await
                .with_context(|| format!("connecting to {}", a.server))?,
        );
    }
    let token: MetadataValue<_> = format!("Bearer {}", a.key).parse()?;
    let auth = move |mut r: tonic::Request<()>| {
        r.metadata_mut().insert("authorization", token.clone());
        Ok(r)
    };
    let registry_on = |t: usize| {
        pb::registry_service_client::RegistryServiceClient::with_interceptor(
            channels[t % channels.len()].clone(),
            auth.clone(),
        )
    };
    let client_on = |t: usize| {
        pb::wash_service_client::WashServiceClient::with_interceptor(
            channels[t % channels.len()].clone(),
            auth.clone(),
        )
        .max_decoding_message_size(64 << 20)
        .max_encoding_message_size(64 << 20)
    };
    let client = client_on(0);
    let spec = SynthSpec {
        register: a.register,
        ..SynthSpec::benchmark()
    };
    let leads = Arc::new(synth::leads(&spec, 11, a.batch.max(1) * 16, 0.35));
    let strings: Arc<Vec<String>> = Arc::new(
        leads
            .iter()
            .enumerate()
            .map(|(i, n)| match i % 3 {
                0 => format!("+{n}"),
                1 => format!("{}", n - 4_700_000_000),
                _ => format!("0047 {}", n - 4_700_000_000),
            })
            .collect(),
    );
    let campaign = pb::Campaign {
        campaign_id: "loadgen".into(),
        purpose: pb::Purpose::Sales as i32,
        caller_kind: pb::CallerKind::Business as i32,
        product_category: a.category.clone(),
    };
    let make = |i: usize, n: usize| {
        let start = (i * n) % (leads.len() - n + 1).max(1);
        let mut req = pb::WashRequest {
            client_id: a.client.clone(),
            campaign: Some(campaign.clone()),
            source_reference: "vask loadgen".into(),
            ..Default::default()
        };
        match a.mode {
            Mode::Strings => req.numbers = strings[start..start + n].to_vec(),
            Mode::Overload => {
                req.numbers = strings[start..start + n].to_vec();
                req.persons = (0..n)
                    .map(|k| pb::Person {
                        given_names: "Kari".into(),
                        surname: format!("Nordmann{}", k % 97),
                        street: format!("Storgata {}", k % 200 + 1),
                        postcode: "0150".into(),
                        ..Default::default()
                    })
                    .collect();
            }
            _ => req.e164 = leads[start..start + n].to_vec(),
        }
        req
    };
    // Warm up and check that the server answers.
    client
        .clone()
        .wash(make(0, a.batch.min(leads.len())))
        .await
        .context("first wash failed")?;

    let pid = a.server_pid.map(|p| p.to_string());
    let cpu0 = pid.as_deref().and_then(cpu_seconds);
    let own0 = cpu_seconds("self");
    let deadline = Instant::now() + Duration::from_secs(a.seconds);
    let numbers = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let shed = Arc::new(AtomicU64::new(0));
    // Shed answers by reason (rate, in flight, bytes, other) and those without a retry hint.
    let shed_by: Arc<[AtomicU64; 4]> = Arc::new(Default::default());
    let shed_no_hint = Arc::new(AtomicU64::new(0));
    let journal_bytes = Arc::new(AtomicU64::new(0));
    let history_entries = Arc::new(AtomicU64::new(0));
    let rss_start = pid.as_deref().and_then(rss_mib);
    let first_error: Arc<std::sync::OnceLock<String>> = Arc::default();
    let started = Instant::now();
    let mut latencies: Vec<Duration> = Vec::new();
    match a.mode {
        Mode::Adds => {
            let mut tasks = Vec::new();
            for t in 0..a.concurrency.max(1) as u64 {
                let mut registry = registry_on(t as usize);
                let (numbers, errors) = (numbers.clone(), errors.clone());
                let journal_bytes = journal_bytes.clone();
                let first_error = first_error.clone();
                let fixed = a.number.clone();
                let (actor, reason) = (
                    padded("loadgen", a.text_bytes),
                    padded("load test", a.text_bytes),
                );
                tasks.push(tokio::spawn(async move {
                    let mut lat = Vec::new();
                    // Unique valid Norwegian mobile numbers per task and run.
                    let base = 4_790_000_000
                        + (t % 64) * 150_000
                        + u64::from(std::process::id() % 1000) * 100;
                    let mut i = 0;
                    while Instant::now() < deadline {
                        let t0 = Instant::now();
                        let req = pb::ReservationRequest {
                            list: Some(pb::reservation_request::List::Centre(true)),
                            number: fixed
                                .clone()
                                .unwrap_or_else(|| format!("+{}", base + i % 100_000)),
                            actor: actor.clone(),
                            reason: reason.clone(),
                        };
                        i += 1;
                        // What the entry's text adds to the journal (its frame, list id and
                        // times come on top).
                        let text = (req.actor.len() + req.reason.len() + 8) as u64;
                        match registry.add_reservation(req).await {
                            Ok(_) => {
                                numbers.fetch_add(1, Ordering::Relaxed);
                                journal_bytes.fetch_add(text, Ordering::Relaxed);
                            }
                            Err(e) => {
                                errors.fetch_add(1, Ordering::Relaxed);
                                let _ = first_error.set(describe(&e));
                            }
                        }
                        lat.push(t0.elapsed());
                    }
                    lat
                }));
            }
            for t in tasks {
                latencies.extend(t.await?);
            }
        }
        Mode::Explain => {
            let mut tasks = Vec::new();
            for t in 0..a.concurrency.max(1) {
                let mut client = client_on(t);
                let (numbers, errors) = (numbers.clone(), errors.clone());
                let history_entries = history_entries.clone();
                let first_error = first_error.clone();
                let (leads, fixed, campaign) = (leads.clone(), a.number.clone(), campaign.clone());
                let client_id = a.client.clone();
                tasks.push(tokio::spawn(async move {
                    let mut lat = Vec::new();
                    let mut i = t * 7919;
                    while Instant::now() < deadline {
                        let number = fixed
                            .clone()
                            .unwrap_or_else(|| format!("+{}", leads[i % leads.len()]));
                        i += 1;
                        let req = pb::ExplainRequest {
                            client_id: client_id.clone(),
                            campaign: Some(campaign.clone()),
                            number,
                            ..Default::default()
                        };
                        let t0 = Instant::now();
                        match client.explain(req).await {
                            Ok(r) => {
                                numbers.fetch_add(1, Ordering::Relaxed);
                                history_entries
                                    .fetch_add(r.get_ref().history.len() as u64, Ordering::Relaxed);
                            }
                            Err(e) => {
                                errors.fetch_add(1, Ordering::Relaxed);
                                let _ = first_error.set(describe(&e));
                            }
                        }
                        lat.push(t0.elapsed());
                    }
                    lat
                }));
            }
            for t in tasks {
                latencies.extend(t.await?);
            }
        }
        Mode::Batch | Mode::Strings | Mode::Overload => {
            let mut tasks = Vec::new();
            // Heavy requests are shared between tasks: building one per task would measure the
            // load generator's memory.
            let shared: Arc<Vec<pb::WashRequest>> = Arc::new(
                (0..if a.mode == Mode::Overload { 2 } else { 0 })
                    .map(|i| make(i, a.batch))
                    .collect(),
            );
            for t in 0..a.concurrency.max(1) {
                let mut client = client_on(t);
                let reqs: Vec<pb::WashRequest> = if shared.is_empty() {
                    (0..8).map(|i| make(t * 8 + i, a.batch)).collect()
                } else {
                    Vec::new()
                };
                let shared = shared.clone();
                let (numbers, errors, shed) = (numbers.clone(), errors.clone(), shed.clone());
                let (shed_by, shed_no_hint) = (shed_by.clone(), shed_no_hint.clone());
                let overload = a.mode == Mode::Overload;
                let first_error = first_error.clone();
                tasks.push(tokio::spawn(async move {
                    let mut lat = Vec::new();
                    let mut i = 0;
                    while Instant::now() < deadline {
                        let req = match reqs.get(i % reqs.len().max(1)) {
                            Some(r) => r.clone(),
                            None => shared[(t + i) % shared.len()].clone(),
                        };
                        i += 1;
                        let t0 = Instant::now();
                        match client.wash(req).await {
                            Ok(r) => {
                                numbers.fetch_add(
                                    r.get_ref().verdicts.len() as u64,
                                    Ordering::Relaxed,
                                );
                                // Latencies of admitted requests only.
                                lat.push(t0.elapsed());
                            }
                            Err(e) if e.code() == tonic::Code::ResourceExhausted => {
                                shed.fetch_add(1, Ordering::Relaxed);
                                let reason = match shed_reason(e.message()) {
                                    "rate" => 0,
                                    "in_flight" => 1,
                                    "bytes" => 2,
                                    _ => 3,
                                };
                                shed_by[reason].fetch_add(1, Ordering::Relaxed);
                                // A shed caller waits as told before trying again.
                                let hint: Option<u64> = e
                                    .metadata()
                                    .get("retry-after-ms")
                                    .and_then(|v| v.to_str().ok())
                                    .and_then(|v| v.parse().ok());
                                if hint.is_none() {
                                    shed_no_hint.fetch_add(1, Ordering::Relaxed);
                                }
                                tokio::time::sleep(Duration::from_millis(hint.unwrap_or(50))).await;
                            }
                            Err(e) => {
                                errors.fetch_add(1, Ordering::Relaxed);
                                let _ = first_error.set(describe(&e));
                                // Overload reports the latency of admitted requests only.
                                if !overload {
                                    lat.push(t0.elapsed());
                                }
                            }
                        }
                    }
                    lat
                }));
            }
            for t in tasks {
                latencies.extend(t.await?);
            }
        }
        // The HTTP modes run in `loadgen_http` (see `run`).
        _ => {
            // Paced from an OS thread: tokio's timer ticks in milliseconds and would release
            // the requests in bursts; a thread's sleep is accurate to tens of microseconds.
            let interval = Duration::from_secs_f64(1.0 / a.rate.max(1) as f64);
            let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
            let handle = tokio::runtime::Handle::current();
            let requests: Vec<pb::WashRequest> = (0..4096).map(|i| make(i, 1)).collect();
            let pacer = {
                let (client, numbers, errors) = (client.clone(), numbers.clone(), errors.clone());
                std::thread::spawn(move || {
                    // Linux lets a sleep overrun by 50 µs by default (timer slack), which
                    // would delay every send; ask for exact wake-ups.
                    #[cfg(target_os = "linux")]
                    if let Err(e) =
                        rustix::thread::set_current_timer_slack(std::num::NonZeroU64::new(1))
                    {
                        eprintln!("warning: timer slack not set ({e}): sends may lag");
                    }
                    let mut next = Instant::now();
                    let mut i = 0usize;
                    while next < deadline {
                        if let Some(wait) = next.checked_duration_since(Instant::now()) {
                            std::thread::sleep(wait);
                        }
                        let mut client = client.clone();
                        let req = requests[i % requests.len()].clone();
                        let (tx, numbers, errors) = (tx.clone(), numbers.clone(), errors.clone());
                        let scheduled = next;
                        handle.spawn(async move {
                            let sent = Instant::now();
                            match client.wash(req).await {
                                Ok(_) => {
                                    numbers.fetch_add(1, Ordering::Relaxed);
                                }
                                Err(_) => {
                                    errors.fetch_add(1, Ordering::Relaxed);
                                }
                            }
                            // From the scheduled instant (no coordinated omission), and from
                            // the send (what the server and the network took).
                            let _ = tx.send((scheduled.elapsed(), sent.elapsed()));
                        });
                        i += 1;
                        next += interval;
                    }
                })
            };
            let mut from_send = Vec::new();
            while let Some((scheduled, sent)) = rx.recv().await {
                latencies.push(scheduled);
                from_send.push(sent);
            }
            pacer
                .join()
                .map_err(|_| anyhow::anyhow!("the pacing thread panicked"))?;
            from_send.sort();
            let p = |q: f64| {
                from_send
                    .get(
                        ((from_send.len() as f64 * q) as usize)
                            .min(from_send.len().saturating_sub(1)),
                    )
                    .map(|d| d.as_secs_f64() * 1e6)
                    .unwrap_or(0.0)
            };
            println!(
                "from_send_us p50={:.0} p90={:.0} p99={:.0} p999={:.0}",
                p(0.5),
                p(0.9),
                p(0.99),
                p(0.999)
            );
        }
    }
    let wall = started.elapsed().as_secs_f64();
    latencies.sort();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .map(|d| d.as_secs_f64() * 1e6)
            .unwrap_or(0.0)
    };
    let n = numbers.load(Ordering::Relaxed);
    println!(
        "mode={:?} batch={} concurrency={} connections={} seconds={wall:.1}",
        a.mode,
        if a.mode == Mode::Single { 1 } else { a.batch },
        a.concurrency,
        a.connections.clamp(1, a.concurrency.max(1))
    );
    println!(
        "numbers={n} numbers_per_s={:.0} ns_per_number={:.1} requests={} requests_per_s={:.0} errors={}",
        n as f64 / wall,
        wall * 1e9 / n.max(1) as f64,
        latencies.len(),
        latencies.len() as f64 / wall,
        errors.load(Ordering::Relaxed)
    );
    println!(
        "latency_us p50={:.0} p90={:.0} p99={:.0} p999={:.0} max={:.0}",
        pct(0.5),
        pct(0.9),
        pct(0.99),
        pct(0.999),
        latencies
            .last()
            .map(|d| d.as_secs_f64() * 1e6)
            .unwrap_or(0.0)
    );
    if let (Some(c0), Some(c1)) = (cpu0, pid.as_deref().and_then(cpu_seconds)) {
        println!("server_cpu_cores={:.2}", (c1 - c0) / wall);
    }
    let shed = shed.load(Ordering::Relaxed);
    if a.mode == Mode::Overload {
        let other = errors.load(Ordering::Relaxed);
        let attempts = shed + latencies.len() as u64 + other;
        let by: Vec<u64> = shed_by.iter().map(|c| c.load(Ordering::Relaxed)).collect();
        println!(
            "offered_requests={attempts} offered_per_s={:.0} admitted={} admitted_share={:.3} shed={shed} shed_share={:.3} other_errors={other}",
            attempts as f64 / wall,
            latencies.len(),
            latencies.len() as f64 / attempts.max(1) as f64,
            shed as f64 / attempts.max(1) as f64,
        );
        println!(
            "shed_code=RESOURCE_EXHAUSTED shed_rate={} shed_in_flight={} shed_bytes={} shed_other={} shed_without_retry_after_ms={}",
            by[0],
            by[1],
            by[2],
            by[3],
            shed_no_hint.load(Ordering::Relaxed)
        );
    }
    if let Some(e) = first_error.get() {
        println!("first_error={e}");
    }
    if a.mode == Mode::Adds {
        println!(
            "journal_text_bytes={} (actor and reason of the acknowledged adds)",
            journal_bytes.load(Ordering::Relaxed)
        );
    }
    if a.mode == Mode::Explain {
        println!(
            "history_entries_per_explain={:.1}",
            history_entries.load(Ordering::Relaxed) as f64 / n.max(1) as f64
        );
    }
    if let Some(rss) = rss_start {
        println!("server_rss_start_mib={rss:.0}");
    }
    if let Some(rss) = pid.as_deref().and_then(rss_mib) {
        println!("server_rss_end_mib={rss:.0}");
    }
    if let Some(rss) = pid.as_deref().and_then(peak_rss_mib) {
        println!("server_peak_rss_mib={rss:.0}");
    }
    if let (Some(c0), Some(c1)) = (own0, cpu_seconds("self")) {
        println!("loadgen_cpu_cores={:.2}", (c1 - c0) / wall);
    }
    Ok(())
}
