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

mod file;
mod texts;
pub mod tidy;
mod wanted;

use std::collections::HashMap;
use std::fs;
use std::hash::Hash;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, SystemTime};

use file::{open_regular, read_bytes, replace, replace_with, since_epoch};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use wanted::Wanted;

/// What every cache file starts with; any other start is no cache of ours.
const MAGIC: &str = "hustings cache 12";

/// A file changed this close to the cache's writing may change again within the same clock
/// tick, unseen by its stamp: the cache does not vouch for it.
const RACY: Duration = Duration::from_secs(2);

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
    crate::folders::ours().map(|d| d.cache_dir().join("rosters"))
}

/// The cache's own random number, made once and kept in `root`: what the word index hashes
/// its texts with, so that no one who cannot read the cache can write text to match a hash.
/// Read once per run (every shelf read or written asks for it) and the same all the run.
pub fn secret(root: &Path) -> u64 {
    static KNOWN: Mutex<Vec<(PathBuf, u64)>> = Mutex::new(Vec::new());
    let mut known = KNOWN.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(&(_, secret)) = known.iter().find(|(at, _)| at == root) {
        return secret;
    }
    let secret = kept_secret(root);
    known.push((root.to_path_buf(), secret));
    secret
}

/// The secret kept in `root`, made and kept there if there is none. Runs that start at
/// once agree on one: a new secret is put in place only where there is none (a link to a
/// file written whole, which fails if another run's came first), and the one that lost
/// reads the winner's.
fn kept_secret(root: &Path) -> u64 {
    let file = root.join("secret");
    let read = || {
        read_bytes(&file)
            .and_then(|bytes| <[u8; 8]>::try_from(bytes.as_slice()).ok())
            .map(u64::from_le_bytes)
    };
    if let Some(kept) = read() {
        return kept;
    }
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(now_ns());
    let fresh = hasher.finish();
    // Unkept, it still serves this run; the next makes another, and every shelf written
    // with this one is rebuilt then (see [`seal`]).
    match file::create_once(&file, &fresh.to_le_bytes()) {
        Ok(true) => fresh,
        // Another run's came first: that one is the cache's.
        Ok(false) => read().unwrap_or_else(|| {
            // What is there is no secret (cut short, a folder): replaced.
            let _ = replace(&file, &fresh.to_le_bytes());
            fresh
        }),
        Err(_) => fresh,
    }
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
        fs::metadata(path).ok().map(|meta| Stamp::of_meta(&meta))
    }

    /// The stamp of a file, from what a look at it found.
    pub fn of_meta(meta: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let (changed_ns, inode) = {
            use std::os::unix::fs::MetadataExt;
            let changed = u128::try_from(meta.ctime()).unwrap_or(0) * 1_000_000_000
                + u128::try_from(meta.ctime_nsec()).unwrap_or(0);
            (changed, meta.ino())
        };
        #[cfg(not(unix))]
        let (changed_ns, inode) = (0, 0);
        Stamp {
            len: meta.len(),
            modified_ns: meta.modified().map_or(0, since_epoch),
            changed_ns,
            inode,
        }
    }

    /// Whether the file had settled when a cache written at `written_ns` took this stamp:
    /// one changed within a clock tick of it may have changed again, unseen by the stamp.
    pub fn settled_before(&self, written_ns: u128) -> bool {
        let settled = written_ns.saturating_sub(RACY.as_nanos());
        self.modified_ns < settled && self.changed_ns < settled
    }
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
    crate::text::hash::fnv1a(crate::text::hash::FNV_START, bytes.iter().copied())
}

/// The file of kind `kind` (`files`, `words`) for `folder` (by its absolute form).
fn file_for(root: &Path, kind: &str, folder: &Path) -> PathBuf {
    let hash = stable_hash(identity(folder).as_os_str().as_encoded_bytes());
    root.join(kind).join(format!("{hash:016x}.bin"))
}

/// A folder as the cache knows it: every spelling of it (`r`, `./r`, `r/`, its absolute
/// path, a path through a link to it or to a folder above it) is one, so that they share
/// one shelf. Its parent is resolved (once per parent for the whole run), its own name
/// kept: a link inside the folder opened is a shelf of its own, which is no wrong answer.
pub fn identity(folder: &Path) -> PathBuf {
    static PARENTS: Mutex<Vec<(PathBuf, PathBuf)>> = Mutex::new(Vec::new());
    let absolute = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
    let (Some(parent), Some(name)) = (absolute.parent(), absolute.file_name()) else {
        return absolute;
    };
    let mut known = PARENTS.lock().unwrap_or_else(PoisonError::into_inner);
    // A roster's folders share a handful of parents: the last one asked is asked again.
    if let Some((_, resolved)) = known.iter().rev().find(|(p, _)| p == parent) {
        return resolved.join(name);
    }
    let resolved = fs::canonicalize(parent).unwrap_or_else(|_| parent.to_path_buf());
    known.push((parent.to_path_buf(), resolved.clone()));
    resolved.join(name)
}

/// A shelf is the texts of its values, one after another (see [`crate::roster::text`]);
/// then this head, followed by its entries, each a key, a length and a value; then where
/// the head starts (eight bytes). A load reads the head and entries, and each text only
/// when it is asked for.
#[derive(Serialize, Deserialize)]
struct Head {
    magic: String,
    build: String,
    /// The folder it is for (its [`identity`]): two folders whose names hash alike never
    /// share a file.
    folder: PathBuf,
    /// When it was written (see [`RACY`]).
    written_ns: u128,
    /// How many entries follow.
    entries: u64,
    /// A fingerprint of the cache's secret the shelf was written with (see [`seal`]).
    seal: u128,
}

/// What a shelf written with the secret `seed` carries: its texts were hashed with that
/// secret, so a shelf whose seal is not the cache's secret's now (the secret file was lost
/// and made again) is a shelf to rebuild, never texts that cannot be checked.
fn seal(seed: u64) -> u128 {
    crate::roster::text::hash(seed, b"hustings shelf seal")
}

/// `value` encoded (postcard: a maintained, compact serde format) at the end of `out`.
fn encode<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) -> io::Result<()> {
    postcard::to_io(value, out)
        .map(drop)
        .map_err(io::Error::other)
}

/// `value` encoded at the end of `out` after its length (eight bytes), as the shelf holds
/// each part, so that a reader takes it whole or passes over it.
fn encode_measured<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) -> io::Result<()> {
    let at = out.len();
    out.extend_from_slice(&[0; 8]);
    encode(value, out)?;
    let len = (out.len() - at - 8) as u64;
    out[at..at + 8].copy_from_slice(&len.to_le_bytes());
    Ok(())
}

/// The next part of the shelf, read whole into `buffer` by its length and decoded.
fn decode_next<T: DeserializeOwned>(input: &mut Input, buffer: &mut Vec<u8>) -> Option<T> {
    use std::io::Read;
    let length = length(input)?;
    buffer.resize(usize::try_from(length).ok()?, 0);
    input.read_exact(buffer).ok()?;
    postcard::from_bytes(buffer).ok()
}

/// The time to pass to [`save`] for values made from files stamped after this call.
pub fn start() -> u128 {
    now_ns()
}

/// For each of `keys`, the value the shelf of kind `kind` for `folder` holds under it, where
/// `trust` (given the key and when the shelf was written) vouches for it. Anything unreadable
/// is `None`, never an error: the caller makes the value afresh. The shelf is read as a
/// stream, an entry at a time: a folder of ten thousand statements is never in memory twice.
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
    let refs: Vec<&K> = keys.iter().collect();
    restore_refs(root, kind, folder, &refs, &trust, secret(root))
}

/// As [`restore`], for keys held elsewhere.
fn restore_refs<K, T>(
    root: &Path,
    kind: &str,
    folder: &Path,
    keys: &[&K],
    trust: &impl Fn(&K, u128) -> bool,
    seed: u64,
) -> Vec<Option<T>>
where
    K: Eq + Hash + Serialize + DeserializeOwned,
    T: DeserializeOwned,
{
    let mut found: Vec<Option<T>> = keys.iter().map(|_| None).collect();
    let folder = &identity(folder);
    let shelf = Shelf {
        file: file_for(root, kind, folder),
        folder,
        seed,
    };
    let _ = take(&shelf, keys, trust, &mut found);
    found
}

/// A shelf to read: its file, the folder it is for, and the seed its texts were hashed with.
struct Shelf<'a> {
    file: PathBuf,
    folder: &'a Path,
    seed: u64,
}

/// The items of a load, each kept on the shelf of its file's folder under its key: what the
/// shelves hold for them, read on every core, and the shelves written back where anything
/// was made afresh. The parsed files and the word index's parts are kept this way.
pub struct Shelves<'a, K> {
    root: &'a Path,
    kind: &'static str,
    keys: Vec<K>,
    /// Each folder with its items (indices into `keys`), in the order first met.
    folders: Vec<(PathBuf, Vec<usize>)>,
}

impl<'a, K> Shelves<'a, K>
where
    K: Eq + Hash + Serialize + DeserializeOwned + Sync,
{
    /// The shelves of kind `kind` in `root` for `items`: each item's file and key, in order.
    pub fn new<'p>(
        root: &'a Path,
        kind: &'static str,
        items: impl IntoIterator<Item = (&'p Path, K)>,
    ) -> Self {
        let mut keys = Vec::new();
        let mut folders: Vec<(PathBuf, Vec<usize>)> = Vec::new();
        let mut at: HashMap<PathBuf, usize> = HashMap::new();
        for (i, (file, key)) in items.into_iter().enumerate() {
            let folder = file.parent().unwrap_or(Path::new(""));
            // Items of a folder mostly come one after another: the last folder is tried
            // before the table (hashing a path takes it apart).
            let last = folders.len().checked_sub(1);
            let slot = match last {
                Some(last) if folders[last].0 == folder => last,
                _ => *at.entry(folder.to_path_buf()).or_insert_with(|| {
                    folders.push((folder.to_path_buf(), Vec::new()));
                    folders.len() - 1
                }),
            };
            folders[slot].1.push(i);
            keys.push(key);
        }
        Shelves {
            root,
            kind,
            keys,
            folders,
        }
    }

    /// Each item's value as its shelf holds it, where `trust` (given the item's key and when
    /// the shelf was written) vouches for it.
    pub fn restore<T: DeserializeOwned + Send>(
        &self,
        trust: impl Fn(&K, u128) -> bool + Sync,
    ) -> Vec<Option<T>> {
        let seed = secret(self.root);
        let shelves =
            crate::parallel::map_min(self.folders.iter().collect(), 2, |(folder, members)| {
                let keys: Vec<&K> = members.iter().map(|&i| &self.keys[i]).collect();
                restore_refs(self.root, self.kind, folder, &keys, &trust, seed)
            });
        let mut found: Vec<Option<T>> = self.keys.iter().map(|_| None).collect();
        for ((_, members), shelf) in self.folders.iter().zip(shelves) {
            for (&i, value) in members.iter().zip(shelf) {
                found[i] = value;
            }
        }
        found
    }

    /// Writes back the shelf of each folder with an item made afresh (`fresh`, per item),
    /// holding the value in `values` of each of its items that `keep` accepts (given its
    /// key and value);
    /// `written_ns` as for [`save`]. A shelf that cannot be written costs the next run its
    /// speed, nothing else.
    pub fn save<T: Serialize + Sync>(
        &self,
        fresh: &[bool],
        values: &[T],
        keep: impl Fn(&K, &T) -> bool + Sync,
        written_ns: u128,
    ) {
        let stale: Vec<&(PathBuf, Vec<usize>)> = self
            .folders
            .iter()
            .filter(|(_, members)| members.iter().any(|&i| fresh[i]))
            .collect();
        crate::parallel::map_min(stale, 2, |(folder, members)| {
            let entries: Vec<(&K, &T)> = members
                .iter()
                .filter(|&&i| keep(&self.keys[i], &values[i]))
                .map(|&i| (&self.keys[i], &values[i]))
                .collect();
            let _ = save(self.root, self.kind, folder, written_ns, &entries);
        });
    }
}

/// Fills `found` with the values of `shelf` under `keys` that `trust` vouches for; stops
/// at the first thing that is not as written (what it filled before stands). The texts of a
/// value are left on the shelf, to be read when asked for.
fn take<K, T>(
    shelf: &Shelf,
    keys: &[&K],
    trust: &impl Fn(&K, u128) -> bool,
    found: &mut [Option<T>],
) -> Option<()>
where
    K: Eq + Hash + Serialize + DeserializeOwned,
    T: DeserializeOwned,
{
    let mut wanted = Wanted::new(keys);
    read_entries(
        shelf,
        |key, written| {
            if wanted.left == 0 {
                return Choice::Stop;
            }
            match wanted.take(key) {
                Some(at) if trust(key, written) => Choice::Take(at),
                _ => Choice::Skip,
            }
        },
        |at, _, value| found[at] = value,
    )
}

/// Every entry of `shelf` that decodes, whoever asks for it: for reading a shelf before
/// its keys are known.
pub fn restore_all<K, T>(root: &Path, kind: &str, folder: &Path) -> Vec<(K, T)>
where
    K: Eq + Hash + Serialize + DeserializeOwned,
    T: DeserializeOwned,
{
    let folder = &identity(folder);
    let shelf = Shelf {
        file: file_for(root, kind, folder),
        folder,
        seed: secret(root),
    };
    let mut all = Vec::new();
    let _ = read_entries(
        &shelf,
        |_, _| Choice::Take(0),
        |_, key, value| all.extend(value.map(|v| (key, v))),
    );
    all
}

/// What is done with an entry of a shelf.
enum Choice {
    /// Decode it and hand it over as the `n`th.
    Take(usize),
    Skip,
    /// Nothing more is wanted.
    Stop,
}

/// Reads the entries of `shelf`, each as `choose` (given its key and when the shelf was
/// written) says, handing each taken to `put` (its value `None` if it did not decode).
fn read_entries<K, T>(
    shelf: &Shelf,
    mut choose: impl FnMut(&K, u128) -> Choice,
    mut put: impl FnMut(usize, K, Option<T>),
) -> Option<()>
where
    K: DeserializeOwned,
    T: DeserializeOwned,
{
    use std::io::Read;
    let (opened, meta) = open_regular(&shelf.file)?;
    let kept: Arc<dyn crate::roster::text::Shelf> = Arc::new(texts::Kept::new(
        shelf.file.clone(),
        texts::Identity::of(&meta),
        shelf.seed,
    ));
    let (head, mut input) = open_head(opened, meta.len())?;
    if head.build != build() || head.folder != shelf.folder || head.seal != seal(shelf.seed) {
        return None;
    }
    let mut key_bytes = Vec::new();
    for _ in 0..head.entries {
        let key: K = decode_next(&mut input, &mut key_bytes)?;
        let length = length(&mut input)?;
        match choose(&key, head.written_ns) {
            Choice::Take(at) => {
                let value = VALUE.with_borrow_mut(|value| {
                    value.resize(usize::try_from(length).ok()?, 0);
                    input.read_exact(value).ok()?;
                    crate::roster::text::leaving_on(kept.clone(), || {
                        postcard::from_bytes(value).ok()
                    })
                });
                put(at, key, value);
            }
            Choice::Skip => skip(&mut input, length)?,
            Choice::Stop => break,
        }
    }
    Some(())
}

/// The shelf `opened` (`len` bytes long) read up to its entries: its head, if it is one of
/// ours, and a reader of what follows, which no length read from it can take past.
fn open_head(mut opened: fs::File, len: u64) -> Option<(Head, Input)> {
    use std::io::{Read, Seek, SeekFrom};
    let entries_end = len.checked_sub(8)?;
    let mut at = [0u8; 8];
    opened.seek(SeekFrom::Start(entries_end)).ok()?;
    opened.read_exact(&mut at).ok()?;
    let at = u64::from_le_bytes(at);
    opened.seek(SeekFrom::Start(at)).ok()?;
    let mut input =
        io::BufReader::with_capacity(1 << 16, opened).take(entries_end.checked_sub(at)?);
    let head: Head = decode_next(&mut input, &mut Vec::new())?;
    (head.magic == MAGIC).then_some((head, input))
}

/// A shelf's entries, as read.
type Input = io::Take<io::BufReader<fs::File>>;

/// A length written before what it measures, if no more than what is left of the shelf.
fn length(input: &mut Input) -> Option<u64> {
    use std::io::Read;
    let mut bytes = [0u8; 8];
    input.read_exact(&mut bytes).ok()?;
    let length = u64::from_le_bytes(bytes);
    (length <= input.limit()).then_some(length)
}

/// Passes over `n` bytes of the shelf without reading them.
fn skip(input: &mut Input, n: u64) -> Option<()> {
    input.get_mut().seek_relative(i64::try_from(n).ok()?).ok()?;
    input.set_limit(input.limit().checked_sub(n)?);
    Some(())
}

thread_local! {
    // One buffer per thread for a value read from a shelf, reused: fresh memory for each
    // costs more than reading it, and decoding from memory is quicker than from a stream.
    static VALUE: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Puts `values` on the shelf of kind `kind` for `folder`, in place of all it held;
/// `written_ns` is when their files were stamped ([`start`]). Written as a stream, a value
/// at a time.
pub fn save<K: Serialize, T: Serialize>(
    root: &Path,
    kind: &str,
    folder: &Path,
    written_ns: u128,
    values: &[(K, &T)],
) -> io::Result<()> {
    let seed = secret(root);
    let folder = &identity(folder);
    let head = Head {
        magic: MAGIC.to_string(),
        build: build().to_string(),
        folder: folder.to_path_buf(),
        written_ns,
        entries: values.len() as u64,
        seal: seal(seed),
    };
    replace_with(&file_for(root, kind, folder), |out| {
        // The texts go out as they come; the entries, which say where their texts are,
        // are held until the last text is out.
        let mut entries = Vec::new();
        let (mut texts, mut value) = (Vec::new(), Vec::new());
        let mut at = 0u64;
        for (key, v) in values {
            encode_measured(key, &mut entries)?;
            value.clear();
            // Into a buffer, never sized first: sizing would serialize (and spill) twice.
            crate::roster::text::spilling(&mut texts, at, seed, || encode(v, &mut value))?;
            out.write_all(&texts)?;
            at += texts.len() as u64;
            entries.extend_from_slice(&(value.len() as u64).to_le_bytes());
            entries.extend_from_slice(&value);
        }
        let mut head_bytes = Vec::new();
        encode_measured(&head, &mut head_bytes)?;
        out.write_all(&head_bytes)?;
        out.write_all(&entries)?;
        out.write_all(&at.to_le_bytes())
    })
}

#[cfg(test)]
mod tests;
