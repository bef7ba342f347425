//! Candidate text: what a candidate wrote, and the display-safe form drawn on screen.
//!
//! A text loaded from the cache is not read at once: the cache keeps each text beside the
//! candidate it belongs to, and the text is read (and sanitized) the first time it is asked
//! for. A roster of ten thousand statements opens knowing their names, not their words.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::text::hash::Lanes;
use crate::text::sanitize::{Sanitized, is_display_safe, sanitize_text};

/// Candidate text: the original as written, and the display-safe form drawn on screen.
#[derive(Clone)]
pub struct Text {
    /// The text, once read.
    body: OnceLock<Body>,
    /// Where a text from the cache waits until it is read.
    kept: Option<Kept>,
    /// Characters that had to be made visible (controls, bidi, zero-width).
    pub hidden: usize,
}

#[derive(Clone)]
struct Body {
    /// The display-safe form drawn on screen.
    display: String,
    /// The original, kept only where it differs from `display` (most texts need no change,
    /// and a large roster should not be held twice).
    original: Option<String>,
}

impl Body {
    /// The body of `raw`, sanitized, with how many characters had to be made visible (`raw`
    /// is kept, copied if borrowed, only where it differs).
    fn of(raw: Cow<'_, str>) -> (Body, usize) {
        let Sanitized { text, hidden } = sanitize_text(&raw);
        let original = (text != raw).then(|| raw.into_owned());
        let body = Body {
            display: text,
            original,
        };
        (body, hidden)
    }
}

/// A text on a shelf of the cache: its bytes at `at` (`len` of them), which hash to `hash`.
#[derive(Clone)]
struct Kept {
    shelf: Arc<dyn Shelf>,
    at: u64,
    len: u64,
    hash: u128,
}

/// Where the cache keeps texts until they are read.
pub trait Shelf: Send + Sync {
    /// Puts the `len` bytes at `at` in `into`, if the shelf is still the one they were
    /// found on and they hash to `hash`.
    fn fetch(&self, at: u64, len: u64, hash: u128, into: &mut Vec<u8>) -> bool;
}

/// What a text reads as when the cache it waited in changed under a running app (another
/// run rewrote it): said, never a stranger's text, and never a crash.
pub const UNREADABLE: &str = "[This text could not be read back from the cache, which changed \
     while hustings was open. Open the election again to read it.]";

impl Text {
    /// Sanitizes multi-line text.
    pub fn new(raw: String) -> Self {
        let (body, hidden) = Body::of(Cow::Owned(raw));
        Text {
            body: OnceLock::from(body),
            kept: None,
            hidden,
        }
    }

    /// The display-safe form, to draw on screen.
    pub fn display(&self) -> &str {
        &self.body().display
    }

    /// Whether the text was read back: false for one that waited on a shelf another run
    /// replaced meanwhile, which reads as [`UNREADABLE`] here. Reads it if it was not.
    /// Nothing made from such a text may be kept for another run.
    pub fn readable(&self) -> bool {
        self.kept.is_none() || self.display() != UNREADABLE
    }

    /// The text as written.
    pub fn raw(&self) -> &str {
        let body = self.body();
        body.original.as_deref().unwrap_or(&body.display)
    }

    /// `f` of the text as written, without keeping a text from the cache in memory (a
    /// search through every statement reads each once and holds none).
    pub fn with_raw<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        match (self.body.get(), &self.kept) {
            (None, Some(kept)) => {
                let mut bytes = BYTES.take();
                let read = kept.fetch(&mut bytes);
                let result = f(read.unwrap_or(UNREADABLE));
                BYTES.set(bytes);
                result
            }
            _ => f(self.raw()),
        }
    }

    /// A hash of the text as written, started from `seed`: the same for the same text
    /// whether it was read or still waits in the cache (whose hash was made with the cache's
    /// own seed, which is what callers pass).
    pub fn fingerprint(&self, seed: u64) -> u128 {
        match &self.kept {
            Some(kept) => kept.hash,
            None => hash(seed, self.raw().as_bytes()),
        }
    }

    /// Whether the text is display-safe: one still in the cache is, as it is sanitized
    /// when read.
    pub fn is_display_safe(&self) -> bool {
        self.body.get().is_none_or(|b| is_display_safe(&b.display))
    }

    /// Whether the text has been read (always, for one not from the cache).
    pub fn is_read(&self) -> bool {
        self.body.get().is_some()
    }

    fn body(&self) -> &Body {
        self.body.get_or_init(|| {
            let mut bytes = Vec::new();
            let raw = self.kept.as_ref().and_then(|k| k.fetch(&mut bytes));
            Body::of(Cow::Borrowed(raw.unwrap_or(UNREADABLE))).0
        })
    }

    /// Puts `display` in place of the display-safe form, safe or not: for tests of what
    /// is done with a text that came from elsewhere.
    #[cfg(test)]
    pub(crate) fn set_display_unchecked(&mut self, display: String) {
        self.body();
        self.kept = None;
        if let Some(body) = self.body.get_mut() {
            body.display = display;
        }
    }
}

impl Kept {
    /// The text's bytes, if the shelf still has them as they were.
    fn fetch<'b>(&self, bytes: &'b mut Vec<u8>) -> Option<&'b str> {
        bytes.clear();
        if !self.shelf.fetch(self.at, self.len, self.hash, bytes) {
            return None;
        }
        std::str::from_utf8(bytes).ok()
    }
}

/// The hash texts are kept under.
pub fn hash(seed: u64, bytes: &[u8]) -> u128 {
    let mut lanes = Lanes::new(seed);
    lanes.add(bytes);
    lanes.finish()
}

thread_local! {
    // A buffer per thread for texts read only to be searched.
    static BYTES: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
    // While the cache writes a value: where its texts go instead, where they start on the
    // shelf, and the seed they are hashed with.
    static SPILL: RefCell<Option<(Vec<u8>, u64, u64)>> = const { RefCell::new(None) };
    // While the cache reads a value: the shelf its texts wait on.
    static SOURCE: RefCell<Option<Arc<dyn Shelf>>> = const { RefCell::new(None) };
}

/// `write()` with every text it serializes put in `texts` (emptied first), hashed from
/// `seed`, and only where it is written into the value, counting from `at`: the cache keeps
/// texts apart from the values, to be read when asked for. A text still waiting in the cache
/// is read first.
pub fn spilling<R>(texts: &mut Vec<u8>, at: u64, seed: u64, write: impl FnOnce() -> R) -> R {
    texts.clear();
    SPILL.set(Some((std::mem::take(texts), at, seed)));
    let result = write();
    if let Some((spilled, _, _)) = SPILL.take() {
        *texts = spilled;
    }
    result
}

/// `read()` with every text it deserializes left on `shelf`.
pub fn leaving_on<R>(shelf: Arc<dyn Shelf>, read: impl FnOnce() -> R) -> R {
    SOURCE.set(Some(shelf));
    let result = read();
    SOURCE.set(None);
    result
}

/// A text as serialized: whole, or where its bytes are beside the value.
#[derive(Serialize, Deserialize)]
enum Form {
    Whole {
        display: String,
        original: Option<String>,
        hidden: usize,
    },
    Beside {
        at: u64,
        len: u64,
        hash: u128,
        hidden: usize,
    },
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let beside = SPILL.with_borrow_mut(|spill| {
            spill.as_mut().map(|(texts, start, seed)| {
                let raw = self.raw().as_bytes();
                let at = *start + texts.len() as u64;
                texts.extend_from_slice(raw);
                Form::Beside {
                    at,
                    len: raw.len() as u64,
                    hash: hash(*seed, raw),
                    hidden: self.hidden,
                }
            })
        });
        let form = beside.unwrap_or_else(|| {
            let body = self.body();
            Form::Whole {
                display: body.display.clone(),
                original: body.original.clone(),
                hidden: self.hidden,
            }
        });
        form.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Form::deserialize(deserializer)? {
            Form::Whole {
                display,
                original,
                hidden,
            } => Ok(Text {
                body: OnceLock::from(Body { display, original }),
                kept: None,
                hidden,
            }),
            Form::Beside {
                at,
                len,
                hash,
                hidden,
            } => {
                let shelf = SOURCE
                    .with_borrow(|s| s.clone())
                    .ok_or_else(|| serde::de::Error::custom("a text with no shelf"))?;
                Ok(Text {
                    body: OnceLock::new(),
                    kept: Some(Kept {
                        shelf,
                        at,
                        len,
                        hash,
                    }),
                    hidden,
                })
            }
        }
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.hidden == other.hidden
            && self.display() == other.display()
            && self.raw() == other.raw()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Text")
            .field("display", &self.display())
            .field("raw", &self.raw())
            .field("hidden", &self.hidden)
            .finish()
    }
}
