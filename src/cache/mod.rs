//! What a load keeps between runs, in the platform's cache directory, so that a second look
//! at the same files skips reading, parsing, sanitizing and indexing them: the parsed files
//! of each folder (kind `files`) and the parts of the word index (kind `words`), one file of
//! each per folder, each a shelf of values under keys. Files are known by a stamp (size,
//! modification and change times, inode), so a changed, new or removed file is seen at once.
//!
//! A cache is never trusted: one that is missing, from another build, of another folder,
//! truncated, corrupt or holding anything not display-safe is ignored and rebuilt; nothing
//! read from it can crash the load or reach the terminal. Writes replace a file whole, and
//! once a day [`tidy`] removes what no folder needs any more. The cache is the only writer
//! outside the voter's store, and it writes only under its own directory.

pub mod tidy;

use std::collections::HashMap;
use std::fs;
use std::hash::Hash;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bincode::Options;
use serde::{Deserialize, Serialize, de::DeserializeOwned};

/// What every cache file starts with; any other start is no cache of ours.
const MAGIC: &str = "hustings cache 2";

/// A file changed this close to the cache's writing may change again within the same clock
/// tick, unseen by its stamp: the cache does not vouch for it.
const RACY: Duration = Duration::from_secs(2);

/// No cache file is read past this size (a part is a folder's worth of statements).
const MAX_BYTES: u64 = 1 << 30;

static DIR: OnceLock<PathBuf> = OnceLock::new();

/// Keeps the cache in `dir` from now on (once per process; later calls change nothing).
/// Until then, and for the roster built into the binary, nothing is cached.
pub fn enable(dir: PathBuf) {
    let _ = DIR.set(dir);
}

/// Where the cache is kept, if it is enabled.
pub fn dir() -> Option<&'static Path> {
    DIR.get().map(PathBuf::as_path)
}

/// The cache's place under the platform's cache directory.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hustings").map(|d| d.cache_dir().join("rosters"))
}

/// The cache's own random number, made once and kept in `root`: what the word index hashes
/// its texts with, so that no one who cannot read the cache can write text to match a hash.
pub fn secret(root: &Path) -> u64 {
    let file = root.join("secret");
    if let Some(bytes) = read_bytes(&file)
        && let Ok(bytes) = <[u8; 8]>::try_from(bytes.as_slice())
    {
        return u64::from_le_bytes(bytes);
    }
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(now_ns());
    let fresh = hasher.finish();
    // Unkept, it still serves this run; the next makes another and rebuilds the index.
    let _ = fs::create_dir_all(root).and_then(|()| replace(&file, &fresh.to_le_bytes()));
    fresh
}

/// What is known of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    modified_ns: u128,
    /// The inode's change time: no tool sets it back, as `touch` and `cp -p` can the
    /// modification time.
    changed_ns: u128,
    inode: u64,
}

impl Stamp {
    /// The stamp of the file at `path`, if it can be read.
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = fs::metadata(path).ok()?;
        #[cfg(unix)]
        let (changed_ns, inode) = {
            use std::os::unix::fs::MetadataExt;
            let changed = u128::try_from(meta.ctime()).unwrap_or(0) * 1_000_000_000
                + u128::try_from(meta.ctime_nsec()).unwrap_or(0);
            (changed, meta.ino())
        };
        #[cfg(not(unix))]
        let (changed_ns, inode) = (0, 0);
        Some(Stamp {
            len: meta.len(),
            modified_ns: meta.modified().map_or(0, since_epoch),
            changed_ns,
            inode,
        })
    }

    /// Whether the file had settled when a cache written at `written_ns` took this stamp:
    /// one changed within a clock tick of it may have changed again, unseen by the stamp.
    pub fn settled_before(&self, written_ns: u128) -> bool {
        let settled = written_ns.saturating_sub(RACY.as_nanos());
        self.modified_ns < settled && self.changed_ns < settled
    }
}

/// Nanoseconds since the epoch (0 before it).
fn since_epoch(time: SystemTime) -> u128 {
    time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

/// The time to write into a cache made now.
fn now_ns() -> u128 {
    since_epoch(SystemTime::now())
}

/// The build this is: the version, the commit and the binary itself (a rebuild between
/// commits is another build); a cache from any other is ignored.
fn build() -> &'static str {
    static BUILD: OnceLock<String> = OnceLock::new();
    BUILD.get_or_init(|| {
        let exe = std::env::current_exe()
            .ok()
            .and_then(|exe| Stamp::of(&exe))
            .map_or((0, 0), |s| (s.len, s.modified_ns));
        format!(
            "{} {} {} {}",
            env!("CARGO_PKG_VERSION"),
            env!("HUSTINGS_COMMIT"),
            exe.0,
            exe.1
        )
    })
}

/// A 64-bit FNV-1a hash, the same on every run and machine (std's hasher promises neither).
pub fn stable_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The file of kind `kind` (`files`, `words`) for `folder` (by its absolute form).
fn file_for(root: &Path, kind: &str, folder: &Path) -> PathBuf {
    let absolute = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
    let hash = stable_hash(absolute.as_os_str().as_encoded_bytes());
    root.join(kind).join(format!("{hash:016x}.bin"))
}

/// What every cache file holds around its body.
#[derive(Serialize, Deserialize)]
struct Envelope<B> {
    magic: String,
    build: String,
    /// The folder it is for, as the load named it: two folders whose names hash alike
    /// never share a file.
    folder: PathBuf,
    /// When it was written (see [`RACY`]).
    written_ns: u128,
    body: B,
}

fn options() -> impl Options {
    bincode::DefaultOptions::new().with_fixint_encoding()
}

/// The body of the cache file of kind `kind` for `folder`, with the time it was written, if
/// the file is ours, whole, of this build and of this folder. `bytes` holds the file read.
fn read<'a, B: Deserialize<'a>>(bytes: &'a [u8], folder: &Path) -> Option<(B, u128)> {
    // Every length inside is bounded by the file's own: random bytes cannot ask for more.
    let envelope: Envelope<B> = options()
        .with_limit(bytes.len() as u64)
        .deserialize(bytes)
        .ok()?;
    (envelope.magic == MAGIC && envelope.build == build() && envelope.folder == folder)
        .then_some((envelope.body, envelope.written_ns))
}

/// The bytes of a cache file, if it is a regular file of a sane size.
fn read_bytes(file: &Path) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    read_into(file, &mut bytes).map(|()| bytes)
}

/// Reads a cache file into `bytes` (emptied first), if it is a regular file of a sane size.
fn read_into(file: &Path, bytes: &mut Vec<u8>) -> Option<()> {
    use std::io::Read;
    bytes.clear();
    let mut opened = fs::File::open(file).ok()?;
    let meta = opened.metadata().ok()?;
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return None;
    }
    bytes.reserve(usize::try_from(meta.len()).ok()?);
    opened.read_to_end(bytes).ok()?;
    Some(())
}

/// Writes `body` as the cache file `file` for `folder`, replacing it whole (a crash leaves
/// the old file, or a torn one that the next read refuses).
fn write<B: Serialize>(file: &Path, folder: &Path, written_ns: u128, body: B) -> io::Result<()> {
    let envelope = Envelope {
        magic: MAGIC.to_string(),
        build: build().to_string(),
        folder: folder.to_path_buf(),
        written_ns,
        body,
    };
    let bytes = options().serialize(&envelope).map_err(io::Error::other)?;
    fs::create_dir_all(file.parent().unwrap_or(Path::new(".")))?;
    replace(file, &bytes)
}

/// Puts `bytes` in `file` through a temporary file beside it, renamed over it.
fn replace(file: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".hustings-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

/// One value on a shelf, under its key, still encoded: a load decodes only what it uses.
#[derive(Serialize, Deserialize)]
struct Entry<'a, K> {
    key: K,
    #[serde(borrow)]
    value: &'a [u8],
}

/// The time to pass to [`save`] for values made from files stamped after this call.
pub fn start() -> u128 {
    now_ns()
}

/// For each of `keys`, the value the shelf of kind `kind` for `folder` holds under it, where
/// `trust` (given the key and when the shelf was written) vouches for it. Anything unreadable
/// is `None`, never an error: the caller makes the value afresh.
pub fn restore<K, T>(
    root: &Path,
    kind: &str,
    folder: &Path,
    keys: &[K],
    trust: impl Fn(&K, u128) -> bool,
) -> Vec<Option<T>>
where
    K: Eq + Hash + Serialize + DeserializeOwned,
    T: DeserializeOwned,
{
    thread_local! {
        // One buffer per thread, reused: a large roster's shelves add up to the size of its
        // statements, and fresh memory for each costs more than reading it.
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with_borrow_mut(|bytes| {
        let mut found: Vec<Option<T>> = keys.iter().map(|_| None).collect();
        if read_into(&file_for(root, kind, folder), bytes).is_some() {
            take(bytes, folder, keys, &trust, &mut found);
        }
        found
    })
}

/// Fills `found` with the values of the shelf in `bytes` under `keys` that `trust` vouches for.
fn take<K, T>(
    bytes: &[u8],
    folder: &Path,
    keys: &[K],
    trust: &impl Fn(&K, u128) -> bool,
    found: &mut [Option<T>],
) -> Option<()>
where
    K: Eq + Hash + Serialize + DeserializeOwned,
    T: DeserializeOwned,
{
    let (entries, written_ns) = read::<Vec<Entry<K>>>(bytes, folder)?;
    let mut by_key: HashMap<K, &[u8]> = entries.into_iter().map(|e| (e.key, e.value)).collect();
    for (key, slot) in keys.iter().zip(found) {
        if trust(key, written_ns)
            && let Some(value) = by_key.remove(key)
        {
            *slot = options()
                .with_limit(value.len() as u64)
                .deserialize(value)
                .ok();
        }
    }
    Some(())
}

/// Puts `values` on the shelf of kind `kind` for `folder`, in place of all it held;
/// `written_ns` is when their files were stamped ([`start`]).
pub fn save<K: Serialize, T: Serialize>(
    root: &Path,
    kind: &str,
    folder: &Path,
    written_ns: u128,
    values: &[(K, &T)],
) -> io::Result<()> {
    let encoded = values
        .iter()
        .map(|(key, value)| Ok((key, options().serialize(value)?)))
        .collect::<Result<Vec<_>, bincode::Error>>()
        .map_err(io::Error::other)?;
    let entries: Vec<Entry<&K>> = encoded
        .iter()
        .map(|(key, value)| Entry { key: *key, value })
        .collect();
    write(&file_for(root, kind, folder), folder, written_ns, entries)
}
