//! Washing an uploaded lead file. The upload is streamed: the multipart body's chunks go
//! through a small bounded channel to a task on the blocking pool that reads them as a CSV
//! ([`crate::sources::table::reader_from`]: gzip, delimiter sniffing) and washes them with
//! [`crate::leads::wash_csv`] in a wash session of the user (`via = "console"`), writing the
//! washed file into the console's temp area. Memory stays bounded whatever the file's size.
//!
//! A wash is a *job* with an id the form carries, so the page's script can poll its status
//! (rows washed) while the upload is still running. The washed file waits for its download
//! in the temp area, which is bounded: a file goes when it is downloaded (it is unlinked as
//! the download starts), when it is older than `keep_washed_minutes`, or when more than
//! `max_kept_washes` are kept (the oldest first). The proof of the wash is its audit record.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Json;
use axum::body::Body;
use axum::extract::{Multipart, Path as UrlPath};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use bytes::Bytes;
use minijinja::context;
use serde::Serialize;

use super::view::Notice;
use super::{ConsoleError, Ctx, SessionView, blocking};
use crate::app::CampaignParams;
use crate::domain::Purpose;
use crate::engine::rules::NAMES;
use crate::error::RequestError;
use crate::http::errors::status_of;
use crate::leads::{DEFAULT_NUMBER_COLUMN, LeadColumns, Tally, wash_csv};
use crate::session::{WashParams, WashProof};
use crate::users::Permission;

/// Where a job is.
#[derive(Debug, Clone)]
enum State {
    Running,
    Done {
        proof: Box<WashProof>,
        tally: Tally,
        client: String,
        file: Option<PathBuf>,
    },
    Failed(String),
}

struct Job {
    user: String,
    created: Instant,
    rows: Arc<AtomicU64>,
    state: State,
}

/// The jobs of this server and the temp area their washed files wait in.
pub(super) struct Washes {
    dir: PathBuf,
    max_kept: usize,
    keep: Duration,
    jobs: Mutex<HashMap<String, Job>>,
}

impl Washes {
    /// Prepares the temp area (emptied: files of an earlier process have no job any more).
    pub(super) fn open(
        dir: &Path,
        max_kept: usize,
        keep: Duration,
    ) -> Result<Washes, ConsoleError> {
        let err = |source| ConsoleError::Washes {
            path: dir.display().to_string(),
            source,
        };
        match std::fs::remove_dir_all(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(err(e)),
        }
        std::fs::create_dir_all(dir).map_err(err)?;
        Ok(Washes {
            dir: dir.to_path_buf(),
            max_kept: max_kept.max(1),
            keep,
            jobs: Mutex::new(HashMap::new()),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Job>> {
        self.jobs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Removes finished jobs older than `keep`, and their files.
    fn expire(jobs: &mut HashMap<String, Job>, keep: Duration) {
        let expired: Vec<String> = jobs
            .iter()
            .filter(|(_, j)| j.created.elapsed() >= keep && !matches!(j.state, State::Running))
            .map(|(id, _)| id.clone())
            .collect();
        for id in expired {
            remove(jobs, &id);
        }
    }

    /// Removes the washed files nobody downloaded in time (a minute's timer calls it).
    pub(super) fn expire_now(&self) {
        Self::expire(&mut self.lock(), self.keep);
    }

    /// Removes expired jobs and their files, and the oldest finished ones past the bound.
    fn sweep(jobs: &mut HashMap<String, Job>, keep: Duration, max_kept: usize) {
        Self::expire(jobs, keep);
        while jobs.len() >= max_kept {
            let Some(oldest) = jobs
                .iter()
                .filter(|(_, j)| !matches!(j.state, State::Running))
                .min_by_key(|(_, j)| j.created)
                .map(|(id, _)| id.clone())
            else {
                break;
            };
            remove(jobs, &oldest);
        }
    }

    /// Starts job `id` of `user`; refused when the id is not one the form could carry, is
    /// taken, or the area is full of running washes.
    fn start(&self, id: &str, user: &str) -> Result<Arc<AtomicU64>, RequestError> {
        if id.len() != 64 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(RequestError::invalid(
                "job",
                "reload the wash page and try again",
            ));
        }
        let mut jobs = self.lock();
        Self::sweep(&mut jobs, self.keep, self.max_kept);
        if jobs.contains_key(id) {
            return Err(RequestError::invalid(
                "job",
                "this form was sent already; reload the wash page",
            ));
        }
        if jobs.len() >= self.max_kept {
            return Err(RequestError::TooMuch(format!(
                "{} washes are running or waiting for their download (the console keeps at most {}); download one or wait",
                jobs.len(),
                self.max_kept
            )));
        }
        let rows = Arc::new(AtomicU64::new(0));
        jobs.insert(
            id.to_owned(),
            Job {
                user: user.to_owned(),
                created: Instant::now(),
                rows: rows.clone(),
                state: State::Running,
            },
        );
        Ok(rows)
    }

    fn finish(&self, id: &str, state: State) {
        if let Some(j) = self.lock().get_mut(id) {
            j.state = state;
        }
    }

    /// The job `id` if `user` started it: its rows so far and state.
    fn get(&self, id: &str, user: &str) -> Option<(u64, State)> {
        let mut jobs = self.lock();
        Self::expire(&mut jobs, self.keep);
        let j = jobs.get(id).filter(|j| j.user == user)?;
        Some((j.rows.load(Ordering::Relaxed), j.state.clone()))
    }

    /// Takes the washed file of `user`'s job `id` for its download (once).
    fn take_file(&self, id: &str, user: &str) -> Option<PathBuf> {
        let mut jobs = self.lock();
        let j = jobs.get_mut(id).filter(|j| j.user == user)?;
        match &mut j.state {
            State::Done { file, .. } => file.take(),
            _ => None,
        }
    }

    fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.csv"))
    }
}

fn remove(jobs: &mut HashMap<String, Job>, id: &str) {
    if let Some(Job {
        state: State::Done {
            file: Some(path), ..
        },
        ..
    }) = jobs.remove(id)
    {
        let _ = std::fs::remove_file(path);
    }
}

/// The upload as a byte stream for the blocking reader: chunks from a bounded channel.
struct Upload {
    rx: tokio::sync::mpsc::Receiver<Result<Bytes, String>>,
    current: Bytes,
}

impl Read for Upload {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.current.is_empty() {
            match self.rx.blocking_recv() {
                None => return Ok(0),
                Some(Ok(b)) => self.current = b,
                Some(Err(e)) => return Err(std::io::Error::other(e)),
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current.split_to(n));
        Ok(n)
    }
}

fn wash_page(ctx: &Ctx, s: &SessionView, status: StatusCode, notice: Option<Notice>) -> Response {
    ctx.frame().render(
        status,
        "wash.html",
        "page_wash",
        notice,
        context! {
            job => super::session::token(),
            clients => super::pages::clients(s),
            purposes => super::pages::purposes(ctx.lang),
        },
    )
}

/// A wash refused before it started: recorded, and the form again with the reason.
fn refuse(ctx: &Ctx, s: &SessionView, e: RequestError) -> Response {
    let _ = ctx.record(s, "wash", "", "", Err(&e));
    wash_page(ctx, s, status_of(&e), Notice::error(e.to_string()))
}

pub(super) async fn form(ctx: Ctx) -> Response {
    match ctx.require(Permission::Wash) {
        Ok(s) => wash_page(&ctx, s, StatusCode::OK, None),
        Err(r) => *r,
    }
}

/// The form's fields before the file.
#[derive(Default)]
struct Fields {
    csrf: String,
    job: String,
    client: String,
    purpose: String,
    category: String,
    campaign: String,
    source_reference: String,
    check_calling_window: bool,
}

pub(super) async fn upload(ctx: Ctx, mut multipart: Multipart) -> Response {
    let s = match ctx.require(Permission::Wash) {
        Ok(s) => s.clone(),
        Err(r) => return *r,
    };
    let refuse = |e: RequestError| {
        let _ = ctx.record(&s, "wash", "", "", Err(&e));
        wash_page(&ctx, &s, status_of(&e), Notice::error(e.to_string()))
    };
    let mut f = Fields::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return refuse(RequestError::invalid("file", ctx.lang.t("no_file"))),
            Err(e) => return refuse(RequestError::invalid("file", e.body_text())),
        };
        let name = field.name().unwrap_or("").to_owned();
        if name == "file" {
            // The form puts the file last: every other field is known now.
            return wash_file(&ctx, &s, f, field).await;
        }
        let value = match field.text().await {
            Ok(v) => v,
            Err(e) => return refuse(RequestError::invalid(name, e.body_text())),
        };
        match name.as_str() {
            "csrf" => f.csrf = value,
            "job" => f.job = value,
            "client" => f.client = value,
            "purpose" => f.purpose = value,
            "category" => f.category = value,
            "campaign" => f.campaign = value,
            "source_reference" => f.source_reference = value,
            "check_calling_window" => f.check_calling_window = !value.is_empty(),
            _ => {}
        }
    }
}

/// Washes the upload's file field with the form's other fields `f`.
async fn wash_file(
    ctx: &Ctx,
    s: &SessionView,
    f: Fields,
    mut field: axum::extract::multipart::Field<'_>,
) -> Response {
    let refuse = |e: RequestError| refuse(ctx, s, e);
    if let Err(r) = ctx.check_csrf(s, &f.csrf) {
        return *r;
    }
    let purpose = match f.purpose.parse::<Purpose>() {
        Ok(p) => p,
        Err(e) => return refuse(RequestError::invalid("purpose", e.to_string())),
    };
    let params = WashParams {
        campaign: CampaignParams {
            client: f.client.clone(),
            campaign_id: f.campaign.trim().to_owned(),
            purpose: Some(purpose),
            category: f.category.trim().to_owned(),
            ..CampaignParams::default()
        },
        source_reference: f.source_reference.trim().to_owned(),
        check_calling_window: f.check_calling_window,
        strictness: None,
        via: "console",
    };
    // The library checks everything fixed for the wash before a byte of the file is read.
    let mut session = match ctx.console.app.start_wash(&s.principal, params) {
        Ok(session) => session,
        Err(e) => return refuse(e),
    };
    let washes = &ctx.console.washes;
    let rows = match washes.start(&f.job, &s.username) {
        Ok(rows) => rows,
        Err(e) => return refuse(e),
    };
    let job = f.job.clone();
    let out_path = washes.path(&job);
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, String>>(8);
    let file_name = field
        .file_name()
        .map(|n| n.chars().filter(|c| !c.is_control()).take(200).collect())
        .unwrap_or_else(|| "upload.csv".to_owned());
    let name = file_name.clone();
    let out = out_path.clone();
    let progress = rows.clone();
    let washing = tokio::task::spawn_blocking(move || -> Result<(WashProof, Tally), String> {
        let reader = Upload {
            rx,
            current: Bytes::new(),
        };
        let mut csv = crate::sources::table::reader_from(&name, Box::new(reader), None)
            .map_err(|e| e.to_string())?;
        let headers = csv
            .byte_headers()
            .map_err(|e| format!("{name}: reading the header: {e}"))?
            .clone();
        let columns =
            LeadColumns::find(&headers, DEFAULT_NUMBER_COLUMN, &name).map_err(|e| e.to_string())?;
        let output = std::fs::File::create(&out).map_err(|e| format!("the temp area: {e}"))?;
        let tally = wash_csv(&mut csv, output, &columns, &name, &mut session, &|n| {
            progress.store(n, Ordering::Relaxed)
        })
        .map_err(|e| e.to_string())?;
        let proof = session.finish().map_err(|e| e.to_string())?;
        Ok((proof, tally))
    });
    // Feed the upload to the wash; stop at the size limit or when the wash stopped reading.
    let limit = ctx.console.app.config().console.max_upload_bytes;
    let mut sent: u64 = 0;
    let fed: Result<(), String> = loop {
        match field.chunk().await {
            Ok(Some(chunk)) => {
                sent += chunk.len() as u64;
                if sent > limit {
                    let e = format!("{} ({limit} bytes)", ctx.lang.t("upload_too_large"));
                    let _ = tx.send(Err(e.clone())).await;
                    break Err(e);
                }
                if tx.send(Ok(chunk)).await.is_err() {
                    break Ok(());
                }
            }
            Ok(None) => break Ok(()),
            Err(e) => {
                let e = format!("the upload broke off: {}", e.body_text());
                let _ = tx.send(Err(e.clone())).await;
                break Err(e);
            }
        }
    };
    drop(tx);
    let washed = washing
        .await
        .map_err(|e| format!("the wash task failed: {e}"))
        .and_then(|r| r);
    let outcome = match (fed, washed) {
        (_, Ok((proof, tally))) => {
            tracing::info!(user = %s.username, wash_id = %proof.wash_id, rows = tally.rows, bytes = sent, "console wash");
            State::Done {
                proof: Box::new(proof),
                tally,
                client: f.client.clone(),
                file: Some(out_path),
            }
        }
        (Err(e), Err(_)) | (Ok(()), Err(e)) => {
            let _ = std::fs::remove_file(&out_path);
            let err = RequestError::invalid("file", e.clone());
            let _ = ctx.record(s, "wash", &f.client, &format!("job:{job}"), Err(&err));
            tracing::info!(user = %s.username, bytes = sent, "console wash failed");
            State::Failed(e)
        }
    };
    washes.finish(&job, outcome);
    Redirect::to(&format!("/console/wash/{job}")).into_response()
}

/// What the status endpoint answers.
#[derive(Serialize)]
struct JobStatus {
    state: &'static str,
    rows: u64,
}

fn state_name(state: &State) -> &'static str {
    match state {
        State::Running => "running",
        State::Done { .. } => "done",
        State::Failed(_) => "failed",
    }
}

pub(super) async fn status(ctx: Ctx, UrlPath(job): UrlPath<String>) -> Response {
    let Ok(s) = ctx.require(Permission::Wash) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    match ctx.console.washes.get(&job, &s.username) {
        Some((rows, state)) => Json(JobStatus {
            state: state_name(&state),
            rows,
        })
        .into_response(),
        // Not started yet: the script may poll before the upload reached the server.
        None => Json(JobStatus {
            state: "waiting",
            rows: 0,
        })
        .into_response(),
    }
}

pub(super) async fn result(ctx: Ctx, UrlPath(job): UrlPath<String>) -> Response {
    let s = match ctx.require(Permission::Wash) {
        Ok(s) => s.clone(),
        Err(r) => return *r,
    };
    let Some((rows, state)) = ctx.console.washes.get(&job, &s.username) else {
        return ctx
            .frame()
            .error(StatusCode::NOT_FOUND, ctx.lang.t("washed_gone"));
    };
    let lang = ctx.lang;
    let (title, data) = match &state {
        State::Running => (
            "page_wash_running",
            context! { state => "running", id => job, rows => rows },
        ),
        State::Failed(why) => (
            "page_wash_job",
            context! { state => "failed", id => job, message => why },
        ),
        State::Done {
            proof,
            tally,
            client,
            file,
        } => {
            let counts: Vec<minijinja::Value> = NAMES
                .iter()
                .zip(tally.counts)
                .filter(|(_, c)| *c > 0)
                .map(|((_, name), c)| {
                    context! { name => name, label => lang.t(&format!("reason_{name}")), count => c }
                })
                .collect();
            (
                "page_wash_job",
                context! {
                    state => "done",
                    id => job,
                    rows => tally.rows,
                    allowed => tally.allowed,
                    blocked => tally.rows - tally.allowed,
                    counts => counts,
                    wash_id => proof.wash_id,
                    client => client,
                    generation => proof.generation,
                    snapshot_date => proof.snapshot_date,
                    input_sha256 => proof.input_sha256,
                    file_ready => file.is_some(),
                },
            )
        }
    };
    ctx.frame().render(
        StatusCode::OK,
        "wash_job.html",
        title,
        None,
        context! { job => data },
    )
}

/// The washed file, once: it is unlinked as the download starts (the open file is still
/// read to the end), so it leaves the temp area with its download.
pub(super) async fn download(ctx: Ctx, UrlPath(job): UrlPath<String>) -> Response {
    let s = match ctx.require(Permission::Wash) {
        Ok(s) => s.clone(),
        Err(r) => return *r,
    };
    let wash_id = match ctx.console.washes.get(&job, &s.username) {
        Some((_, State::Done { proof, .. })) => proof.wash_id.clone(),
        _ => {
            return ctx
                .frame()
                .error(StatusCode::NOT_FOUND, ctx.lang.t("washed_gone"));
        }
    };
    let Some(path) = ctx.console.washes.take_file(&job, &s.username) else {
        return ctx
            .frame()
            .error(StatusCode::GONE, ctx.lang.t("washed_gone"));
    };
    if let Err(e) = ctx.record(
        &s,
        "download_washed",
        "",
        &format!("wash:{wash_id}"),
        Ok(()),
    ) {
        return ctx.refused(&e);
    }
    let opened = blocking(move || {
        let f = std::fs::File::open(&path);
        let _ = std::fs::remove_file(&path);
        f
    })
    .await;
    let file = match opened {
        Ok(Ok(f)) => tokio::fs::File::from_std(f),
        Ok(Err(e)) => {
            return ctx.refused(&RequestError::Unavailable(format!("the washed file: {e}")));
        }
        Err(e) => return ctx.refused(&e),
    };
    let body = Body::from_stream(tokio_util::io::ReaderStream::new(file));
    let mut r = (StatusCode::OK, body).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{wash_id}.csv\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn done(file: PathBuf) -> State {
        State::Done {
            proof: Box::new(WashProof {
                wash_id: "w".into(),
                input_sha256: String::new(),
                numbers: 0,
                allowed: 0,
                counts: Vec::new(),
                generation: String::new(),
                snapshot_date: String::new(),
            }),
            tally: Tally::default(),
            client: String::new(),
            file: Some(file),
        }
    }

    #[test]
    fn the_temp_area_is_bounded_and_a_file_is_downloaded_once() {
        let dir = tempfile::tempdir().unwrap();
        let area = dir.path().join("washes");
        let w = Washes::open(&area, 2, Duration::from_secs(3600)).unwrap();
        let id = |n: u8| format!("{n:064x}");
        assert!(w.start("not-a-job-id", "kari").is_err());
        w.start(&id(1), "kari").unwrap();
        assert!(w.start(&id(1), "kari").is_err(), "an id once");
        w.start(&id(2), "kari").unwrap();
        assert!(
            matches!(w.start(&id(3), "kari"), Err(RequestError::TooMuch(_))),
            "two running: the area is full"
        );
        for n in [1, 2] {
            std::fs::write(w.path(&id(n)), "x").unwrap();
            w.finish(&id(n), done(w.path(&id(n))));
        }
        // A third wash pushes the oldest finished one (and its file) out.
        w.start(&id(3), "kari").unwrap();
        assert!(w.get(&id(1), "kari").is_none() && !w.path(&id(1)).exists());
        assert!(w.get(&id(2), "ola").is_none(), "only its user sees a job");
        assert_eq!(w.take_file(&id(2), "kari"), Some(w.path(&id(2))));
        assert_eq!(w.take_file(&id(2), "kari"), None, "once");
        // Files of an earlier process are gone when the console opens.
        drop(w);
        let w = Washes::open(&area, 2, Duration::ZERO).unwrap();
        assert!(!w.path(&id(2)).exists());
    }
}
