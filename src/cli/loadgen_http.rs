//! `vask loadgen`'s HTTP modes: JSON batches, single numbers (alone, or alternating with
//! gRPC in one run so that both meet the same conditions), and a CSV upload with the
//! server's resident memory sampled while it streams.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use tonic::metadata::MetadataValue;
use vask::service::pb;
use vask::synth::{self, SynthSpec};

use super::loadgen::{LoadArgs, Mode, cpu_seconds};

type Http = Client<HttpConnector, Full<Bytes>>;

fn http_client() -> Http {
    let mut connector = HttpConnector::new();
    connector.set_nodelay(true);
    Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(256)
        .build(connector)
}

/// One `POST` of a prepared body; the status and the answer's bytes.
async fn post(
    client: &Http,
    url: &str,
    key: &str,
    content_type: &str,
    body: Bytes,
) -> Result<(u16, Bytes)> {
    let request = hyper::Request::post(url)
        .header("authorization", format!("Bearer {key}"))
        .header("content-type", content_type)
        .body(Full::new(body))?;
    let response = client.request(request).await?;
    let status = response.status().as_u16();
    let bytes = response.into_body().collect().await?.to_bytes();
    Ok((status, bytes))
}

/// Percentile `q` of sorted latencies, in µs.
fn pct(sorted: &[Duration], q: f64) -> f64 {
    sorted
        .get(((sorted.len() as f64 * q) as usize).min(sorted.len().saturating_sub(1)))
        .map_or(0.0, |d| d.as_secs_f64() * 1e6)
}

fn leads(a: &LoadArgs) -> Vec<u64> {
    let spec = SynthSpec {
        register: a.register,
        ..SynthSpec::benchmark()
    };
    synth::leads(&spec, 11, a.batch.max(1) * 16, 0.35)
}

/// The JSON body of a wash of `numbers` (E.164 integers, or strings in mixed shapes).
fn body(a: &LoadArgs, numbers: &[u64], strings: bool) -> Bytes {
    let campaign = serde_json::json!({"purpose": "sales", "product_category": a.category, "campaign_id": "loadgen"});
    let mut b = serde_json::json!({
        "client_id": a.client,
        "campaign": campaign,
        "source_reference": "vask loadgen",
    });
    if strings {
        let s: Vec<String> = numbers
            .iter()
            .enumerate()
            .map(|(i, n)| match i % 3 {
                0 => format!("+{n}"),
                1 => format!("{}", n - 4_700_000_000),
                _ => format!("0047 {}", n - 4_700_000_000),
            })
            .collect();
        b["numbers"] = serde_json::json!(s);
    } else {
        b["e164"] = serde_json::json!(numbers);
    }
    Bytes::from(b.to_string())
}

/// JSON batches, single numbers, or single numbers alternating with gRPC.
pub async fn drive(a: LoadArgs) -> Result<()> {
    let client = http_client();
    let url = format!("{}/v1/wash", a.http.trim_end_matches('/'));
    let leads = leads(&a);
    let batch = if matches!(a.mode, Mode::HttpSingle | Mode::SingleBoth) {
        1
    } else {
        a.batch
    };
    let strings = a.mode == Mode::HttpStrings;
    let bodies: Vec<Bytes> = (0..32)
        .map(|i| {
            let start = (i * batch) % (leads.len() - batch + 1).max(1);
            body(&a, &leads[start..start + batch], strings)
        })
        .collect();
    // Warm up and check the answer once (afterwards a 200 counts its batch's numbers).
    let (status, answer) = post(&client, &url, &a.key, "application/json", bodies[0].clone())
        .await
        .with_context(|| format!("POST {url}"))?;
    if status != 200 {
        bail!("POST {url}: {status} {}", String::from_utf8_lossy(&answer));
    }
    let verdicts = serde_json::from_slice::<serde_json::Value>(&answer)?["verdicts"]
        .as_array()
        .map_or(0, Vec::len);
    if verdicts != batch {
        bail!("the answer has {verdicts} verdicts for {batch} numbers");
    }

    let pid = a.server_pid.map(|p| p.to_string());
    let cpu0 = pid.as_deref().and_then(cpu_seconds);
    let own0 = cpu_seconds("self");
    let deadline = Instant::now() + Duration::from_secs(a.seconds);
    let numbers = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut latencies: Vec<Duration> = Vec::new();
    let bodies = Arc::new(bodies);
    match a.mode {
        Mode::HttpBatch | Mode::HttpStrings => {
            let mut tasks = Vec::new();
            for t in 0..a.concurrency.max(1) {
                let (client, url, key) = (client.clone(), url.clone(), a.key.clone());
                let (numbers, errors, bodies) = (numbers.clone(), errors.clone(), bodies.clone());
                tasks.push(tokio::spawn(async move {
                    let mut lat = Vec::new();
                    let mut i = t * 8;
                    while Instant::now() < deadline {
                        let b = bodies[i % bodies.len()].clone();
                        i += 1;
                        let t0 = Instant::now();
                        match post(&client, &url, &key, "application/json", b).await {
                            Ok((200, _)) => {
                                numbers.fetch_add(batch as u64, Ordering::Relaxed);
                            }
                            _ => {
                                errors.fetch_add(1, Ordering::Relaxed);
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
        _ => {
            let grpc = if a.mode == Mode::SingleBoth {
                let channel = tonic::transport::Endpoint::from_shared(a.server.clone())?
                    .tcp_nodelay(true)
                    .connect()
                    .await
                    .with_context(|| format!("connecting to {}", a.server))?;
                let token: MetadataValue<_> = format!("Bearer {}", a.key).parse()?;
                let auth = move |mut r: tonic::Request<()>| {
                    r.metadata_mut().insert("authorization", token.clone());
                    Ok(r)
                };
                Some(pb::wash_service_client::WashServiceClient::with_interceptor(channel, auth))
            } else {
                None
            };
            let requests: Vec<pb::WashRequest> = (0..bodies.len())
                .map(|i| pb::WashRequest {
                    client_id: a.client.clone(),
                    campaign: Some(pb::Campaign {
                        campaign_id: "loadgen".into(),
                        purpose: pb::Purpose::Sales as i32,
                        caller_kind: 0,
                        product_category: a.category.clone(),
                    }),
                    source_reference: "vask loadgen".into(),
                    e164: vec![leads[i % leads.len()]],
                    ..Default::default()
                })
                .collect();
            // Paced from an OS thread with exact wake-ups, as the gRPC single mode.
            let interval = Duration::from_secs_f64(1.0 / a.rate.max(1) as f64);
            let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
            let handle = tokio::runtime::Handle::current();
            let pacer = {
                let (numbers, errors, bodies) = (numbers.clone(), errors.clone(), bodies.clone());
                let (client, url, key) = (client.clone(), url.clone(), a.key.clone());
                std::thread::spawn(move || {
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
                        let (tx, numbers, errors) = (tx.clone(), numbers.clone(), errors.clone());
                        let scheduled = next;
                        // Alternate the protocols request by request (single-both).
                        let over_grpc = grpc.is_some() && i % 2 == 1;
                        if over_grpc {
                            let mut grpc = grpc.clone().expect("a gRPC client in single-both");
                            let req = requests[i % requests.len()].clone();
                            handle.spawn(async move {
                                let sent = Instant::now();
                                let ok = grpc.wash(req).await.is_ok();
                                let counter = if ok { &numbers } else { &errors };
                                counter.fetch_add(1, Ordering::Relaxed);
                                let _ = tx.send(("grpc", scheduled.elapsed(), sent.elapsed()));
                            });
                        } else {
                            let (client, url, key) = (client.clone(), url.clone(), key.clone());
                            let b = bodies[i % bodies.len()].clone();
                            handle.spawn(async move {
                                let sent = Instant::now();
                                let ok = matches!(
                                    post(&client, &url, &key, "application/json", b).await,
                                    Ok((200, _))
                                );
                                let counter = if ok { &numbers } else { &errors };
                                counter.fetch_add(1, Ordering::Relaxed);
                                let _ = tx.send(("http", scheduled.elapsed(), sent.elapsed()));
                            });
                        }
                        i += 1;
                        next += interval;
                    }
                })
            };
            let mut from_send: std::collections::BTreeMap<&str, Vec<Duration>> = Default::default();
            while let Some((kind, scheduled, sent)) = rx.recv().await {
                latencies.push(scheduled);
                from_send.entry(kind).or_default().push(sent);
            }
            pacer
                .join()
                .map_err(|_| anyhow::anyhow!("the pacing thread panicked"))?;
            for (kind, mut l) in from_send {
                l.sort();
                println!(
                    "{kind} requests={} from_send_us p50={:.0} p90={:.0} p99={:.0} p999={:.0}",
                    l.len(),
                    pct(&l, 0.5),
                    pct(&l, 0.9),
                    pct(&l, 0.99),
                    pct(&l, 0.999)
                );
            }
        }
    }
    let wall = started.elapsed().as_secs_f64();
    latencies.sort();
    let n = numbers.load(Ordering::Relaxed);
    println!(
        "mode={:?} batch={batch} concurrency={} seconds={wall:.1}",
        a.mode, a.concurrency
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
        pct(&latencies, 0.5),
        pct(&latencies, 0.9),
        pct(&latencies, 0.99),
        pct(&latencies, 0.999),
        pct(&latencies, 1.0)
    );
    if let (Some(c0), Some(c1)) = (cpu0, pid.as_deref().and_then(cpu_seconds)) {
        println!("server_cpu_cores={:.2}", (c1 - c0) / wall);
    }
    if let (Some(c0), Some(c1)) = (own0, cpu_seconds("self")) {
        println!("loadgen_cpu_cores={:.2}", (c1 - c0) / wall);
    }
    Ok(())
}

/// A process's resident memory (`VmRSS`) and its peak (`VmHWM`), in KiB.
fn rss_kib(pid: &str) -> Option<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// Uploads a lead file `--concurrency` times in a row and reads the washed file back.
pub async fn csv(a: LoadArgs) -> Result<()> {
    let file = a
        .file
        .clone()
        .context("--mode http-csv needs --file LEADS.csv")?;
    let data = Bytes::from(std::fs::read(&file).with_context(|| format!("{}", file.display()))?);
    let client = http_client();
    let url = format!(
        "{}/v1/wash?client={}&purpose=sales&category={}&source_reference=vask%20loadgen",
        a.http.trim_end_matches('/'),
        a.client,
        a.category
    );
    let pid = a.server_pid.map(|p| p.to_string());
    // Sample the server's RSS while the uploads run.
    let peak = Arc::new(AtomicU64::new(0));
    let before = pid.as_deref().and_then(rss_kib);
    let sampler = pid.clone().map(|pid| {
        let peak = peak.clone();
        tokio::spawn(async move {
            loop {
                if let Some((rss, _)) = rss_kib(&pid) {
                    peak.fetch_max(rss, Ordering::Relaxed);
                }
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        })
    });
    let cpu0 = pid.as_deref().and_then(cpu_seconds);
    let started = Instant::now();
    let mut rows = 0u64;
    let mut bytes_out = 0u64;
    for _ in 0..a.concurrency.max(1) {
        let request = hyper::Request::post(&url)
            .header("authorization", format!("Bearer {}", a.key))
            .header("content-type", "text/csv")
            .header("te", "trailers")
            .body(Full::new(data.clone()))?;
        let response = client.request(request).await?;
        if response.status() != 200 {
            let b = response.into_body().collect().await?.to_bytes();
            bail!("upload refused: {}", String::from_utf8_lossy(&b));
        }
        let mut body = response.into_body();
        let mut summary = None;
        while let Some(frame) = body.frame().await {
            let frame = frame?;
            if let Some(d) = frame.data_ref() {
                bytes_out += d.len() as u64;
            } else if let Ok(t) = frame.into_trailers() {
                summary = t
                    .get("x-vask-rows")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse::<u64>().ok());
                if t.get("x-vask-status").and_then(|v| v.to_str().ok()) != Some("ok") {
                    bail!("the wash failed: {:?}", t.get("x-vask-error"));
                }
            }
        }
        rows += summary.context("no summary trailers")?;
    }
    let wall = started.elapsed().as_secs_f64();
    if let Some(s) = sampler {
        s.abort();
    }
    println!(
        "mode=HttpCsv file={} uploads={} bytes_in={} bytes_out={bytes_out} seconds={wall:.2}",
        file.display(),
        a.concurrency.max(1),
        data.len() * a.concurrency.max(1)
    );
    println!(
        "rows={rows} rows_per_s={:.0} ns_per_row={:.1}",
        rows as f64 / wall,
        wall * 1e9 / rows.max(1) as f64
    );
    if let (Some((rss0, _)), Some((_, hwm))) = (before, pid.as_deref().and_then(rss_kib)) {
        println!(
            "server_rss_mib before={:.1} peak_sampled={:.1} vmhwm={:.1}",
            rss0 as f64 / 1024.0,
            peak.load(Ordering::Relaxed) as f64 / 1024.0,
            hwm as f64 / 1024.0
        );
    }
    if let (Some(c0), Some(c1)) = (cpu0, pid.as_deref().and_then(cpu_seconds)) {
        println!("server_cpu_cores={:.2}", (c1 - c0) / wall);
    }
    Ok(())
}
