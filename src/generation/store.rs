//! The store: where generations live and which one is current.
//!
//! Layout under the store root:
//! - `generations/<id>/`: published generations, never modified;
//! - `generations/.tmp-<id>/`: a generation being built (ignored, removed by the next build);
//! - `CURRENT`: the id of the published generation, replaced atomically;
//! - `LISTS`: after a rollback, the id of the generation whose internal lists are served with
//!   the current one (internal lists never go back in time); absent otherwise;
//! - `rebuild.lock`: held while a rebuild runs, so two cannot run at once.
//!
//! Publishing is crash-safe at every step: files are written and fsynced in a temporary
//! directory, which is renamed into `generations/` and the directory fsynced; only then is
//! `CURRENT` replaced (write temp, fsync, rename, fsync). A crash before the last rename leaves
//! the previous generation current; after it, the new one. Nothing mapped is ever overwritten.
//!
//! A published generation is read-only on disk (files 0444, its directory 0555), so that no
//! careless edit, copy or restore over it can truncate a file the server has mapped (that
//! would kill it with SIGBUS). The modes do not stop root; the server's periodic size check
//! ([`super::Generation::check_files`]) does what it can then. Removing a generation (prune,
//! the leftovers of a crashed build) makes its directory writable first.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use super::GenerationError;
use crate::fsutil;

/// A directory of generations.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

/// Proof that this process holds the store's rebuild lock; released on drop.
#[derive(Debug)]
pub struct RebuildLock {
    _file: File,
}

/// Writes `bytes` to `path` and fsyncs it ([`fsutil::write_synced`]); the generation's
/// directory is synced when it is published.
pub fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), GenerationError> {
    fsutil::write_synced(path, &[bytes])?;
    Ok(())
}

impl Store {
    /// A store rooted at `root` (created if missing).
    pub fn new(root: impl Into<PathBuf>) -> Result<Store, GenerationError> {
        let root = root.into();
        let gens = root.join("generations");
        fs::create_dir_all(&gens).map_err(GenerationError::io(&gens))?;
        Ok(Store { root })
    }

    /// The store's root directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn generations(&self) -> PathBuf {
        self.root.join("generations")
    }

    /// Takes the rebuild lock, or fails at once if another rebuild holds it.
    pub fn lock(&self) -> Result<RebuildLock, GenerationError> {
        match fsutil::try_lock(&self.root.join("rebuild.lock"))? {
            Some(file) => Ok(RebuildLock { _file: file }),
            None => Err(GenerationError::Locked(self.root.clone())),
        }
    }

    /// A fresh, empty staging directory for a new generation with `id`; stale staging
    /// directories of crashed builds are removed first.
    pub fn staging(&self, _lock: &RebuildLock, id: &str) -> Result<PathBuf, GenerationError> {
        let gens = self.generations();
        for entry in fs::read_dir(&gens)
            .map_err(GenerationError::io(&gens))?
            .flatten()
        {
            if entry.file_name().to_string_lossy().starts_with(".tmp-") {
                remove_generation(&entry.path())?;
            }
        }
        let dir = gens.join(format!(".tmp-{id}"));
        fs::create_dir(&dir).map_err(GenerationError::io(&dir))?;
        Ok(dir)
    }

    /// Moves a fully written staging directory into place and makes it current.
    pub fn publish(
        &self,
        _lock: &RebuildLock,
        staging: &Path,
        id: &str,
    ) -> Result<PathBuf, GenerationError> {
        let gens = self.generations();
        let dir = gens.join(id);
        make_read_only(staging)?;
        fsutil::sync_dir(staging)?;
        fsutil::rename_synced(staging, &dir)?;
        self.set_current(id)?;
        Ok(dir)
    }

    /// Points `CURRENT` at generation `id` atomically, with its own internal lists (a newly
    /// built generation has the newest).
    pub fn set_current(&self, id: &str) -> Result<(), GenerationError> {
        self.replace("CURRENT", id)?;
        // A crash before this leaves `LISTS` naming an older generation, which is ignored.
        self.clear_lists()
    }

    /// Rolls back: points `CURRENT` at the earlier generation `id` and keeps serving the
    /// internal lists of the generation that was current (or of the one already named by
    /// `LISTS`). Rolling forward to the lists' own generation drops `LISTS`.
    pub fn roll_back(&self, _lock: &RebuildLock, id: &str) -> Result<(), GenerationError> {
        let lists = match self.lists_id()? {
            Some(l) => l,
            None => self.current_id()?,
        };
        if lists == id {
            return self.set_current(id);
        }
        // LISTS first: a crash between the two renames leaves the current generation with
        // lists of its own or newer, never older ones.
        self.replace("LISTS", &lists)?;
        self.replace("CURRENT", id)
    }

    /// Points the pointer file `name` (`CURRENT` or `LISTS`) at `id`, durably.
    fn replace(&self, name: &str, id: &str) -> Result<(), GenerationError> {
        fsutil::replace(&self.root.join(name), format!("{id}\n").as_bytes())?;
        Ok(())
    }

    fn clear_lists(&self) -> Result<(), GenerationError> {
        let path = self.root.join("LISTS");
        match fs::remove_file(&path) {
            Ok(()) => Ok(fsutil::sync_dir(&self.root)?),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(GenerationError::Io { path, source: e }),
        }
    }

    /// The generation whose internal lists are served with the current one after a rollback:
    /// `LISTS`, when it names a generation newer than the current one (ids sort by build
    /// time); `None` otherwise.
    pub fn lists_id(&self) -> Result<Option<String>, GenerationError> {
        let path = self.root.join("LISTS");
        let lists = match fs::read_to_string(&path) {
            Ok(s) if !s.trim().is_empty() => s.trim().to_owned(),
            Ok(_) => return Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(GenerationError::Io { path, source: e }),
        };
        let current = self.current_id()?;
        Ok((lists > current).then_some(lists))
    }

    /// The id of the current generation.
    pub fn current_id(&self) -> Result<String, GenerationError> {
        let path = self.root.join("CURRENT");
        match fs::read_to_string(&path) {
            Ok(s) if !s.trim().is_empty() => Ok(s.trim().to_owned()),
            Ok(_) => Err(GenerationError::NothingPublished(self.root.clone())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(GenerationError::NothingPublished(self.root.clone()))
            }
            Err(e) => Err(GenerationError::Io { path, source: e }),
        }
    }

    /// The directory of the current generation.
    pub fn current_dir(&self) -> Result<PathBuf, GenerationError> {
        Ok(self.generations().join(self.current_id()?))
    }

    /// The directory of generation `id`.
    pub fn dir(&self, id: &str) -> PathBuf {
        self.generations().join(id)
    }

    /// Published generation ids, oldest first (ids sort by build time).
    pub fn list(&self) -> Result<Vec<String>, GenerationError> {
        let gens = self.generations();
        let mut ids: Vec<String> = fs::read_dir(&gens)
            .map_err(GenerationError::io(&gens))?
            .flatten()
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        ids.sort();
        Ok(ids)
    }

    /// Removes all but the newest `keep` generations (never the current one, nor the one
    /// whose internal lists are served with it).
    pub fn prune(&self, _lock: &RebuildLock, keep: usize) -> Result<Vec<String>, GenerationError> {
        let current = self.current_id().ok();
        let lists = self.lists_id()?;
        let ids = self.list()?;
        let mut removed = Vec::new();
        for id in ids.iter().take(ids.len().saturating_sub(keep.max(1))) {
            if Some(id) == current.as_ref() || Some(id) == lists.as_ref() {
                continue;
            }
            // Open mappings of a removed generation stay valid until they are dropped.
            remove_generation(&self.dir(id))?;
            removed.push(id.clone());
        }
        Ok(removed)
    }
}

/// Makes a generation directory read-only before it is published: every write bit off (0444
/// for the files and 0555 for the directory under the usual umask; a stricter umask's modes
/// stay as strict). A rename within `generations/` needs no write permission on the directory.
fn make_read_only(dir: &Path) -> Result<(), GenerationError> {
    for entry in fs::read_dir(dir).map_err(GenerationError::io(dir))? {
        let path = entry.map_err(GenerationError::io(dir))?.path();
        set_mode(&path, |mode| mode & !0o222)?;
    }
    set_mode(dir, |mode| mode & !0o222)
}

/// Removes a generation directory, read-only or not: its files can only be unlinked once the
/// directory is writable again (by its owner).
fn remove_generation(dir: &Path) -> Result<(), GenerationError> {
    set_mode(dir, |mode| mode | 0o700)?;
    fs::remove_dir_all(dir).map_err(GenerationError::io(dir))
}

fn set_mode(path: &Path, change: impl FnOnce(u32) -> u32) -> Result<(), GenerationError> {
    use std::os::unix::fs::PermissionsExt;
    let mut permissions = fs::metadata(path)
        .map_err(GenerationError::io(path))?
        .permissions();
    permissions.set_mode(change(permissions.mode()));
    fs::set_permissions(path, permissions).map_err(GenerationError::io(path))
}
