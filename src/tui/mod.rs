//! The terminal: set-up, one idempotent restore (for normal exit, errors, panics and
//! signals), and the event loop, which draws only after input or a resize.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::terminal::{
    self, BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen,
};
use ratatui::crossterm::{cursor, execute};

use crate::app::{Action, App, Effect, SaveWhen};
use crate::keymap;
use crate::ui::{self, Theme};

/// Whether the terminal is in the app's mode (raw, alternate screen, mouse, paste).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal into the app's mode and makes sure every way out restores it.
fn enter() -> io::Result<()> {
    install_panic_hook();
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    )
}

/// Undoes exactly what [`enter`] did; does nothing the second time.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            io::stdout(),
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = terminal::disable_raw_mode();
        let _ = io::stdout().flush();
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// The signals that end the app: each becomes an event of the loop, so what the voter typed
/// is saved before the terminal is restored and the process exits.
const ENDING_SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];

/// Restores the terminal when dropped, whatever path leaves [`run`].
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Where the event loop gets its events: the terminal, or a script in tests.
pub trait EventSource {
    /// Blocks until the next event.
    fn next(&mut self) -> io::Result<Event>;
    /// Whether an event arrives within `timeout` (zero: whether one is ready now).
    fn poll(&mut self, timeout: Duration) -> io::Result<bool>;
}

/// What reaches the loop from outside: a terminal event, or a signal that ends the app.
enum Input {
    Terminal(io::Result<Event>),
    Signal(i32),
}

/// Events from the real terminal and the ending signals, through one channel. A reader
/// thread reads the terminal only when the loop asks, so nothing is read while the voter's
/// `$EDITOR` has the terminal.
struct TerminalEvents {
    inputs: Receiver<Input>,
    ask: Sender<()>,
    /// A read has been asked for and not yet taken.
    asked: bool,
    /// An input received by `poll`, not yet taken by `next`.
    ready: Option<Input>,
    /// The signal that ended the app, if one did.
    signal: Option<i32>,
}

impl TerminalEvents {
    fn start() -> io::Result<TerminalEvents> {
        let (send, inputs) = std::sync::mpsc::channel();
        let (ask, asked) = std::sync::mpsc::channel::<()>();
        let reader = send.clone();
        std::thread::spawn(move || {
            while asked.recv().is_ok() {
                if reader.send(Input::Terminal(event::read())).is_err() {
                    break;
                }
            }
        });
        let mut signals = signal_hook::iterator::Signals::new(ENDING_SIGNALS)?;
        std::thread::spawn(move || {
            for signal in signals.forever() {
                if send.send(Input::Signal(signal)).is_err() {
                    break;
                }
            }
        });
        Ok(TerminalEvents {
            inputs,
            ask,
            asked: false,
            ready: None,
            signal: None,
        })
    }

    fn receive(&mut self, timeout: Option<Duration>) -> io::Result<Option<Input>> {
        if let Some(input) = self.ready.take() {
            return Ok(Some(input));
        }
        if !self.asked {
            self.ask.send(()).map_err(io::Error::other)?;
            self.asked = true;
        }
        let input = match timeout {
            None => Some(self.inputs.recv().map_err(io::Error::other)?),
            Some(timeout) => match self.inputs.recv_timeout(timeout) {
                Ok(input) => Some(input),
                Err(RecvTimeoutError::Timeout) => None,
                Err(e) => return Err(io::Error::other(e)),
            },
        };
        if matches!(input, Some(Input::Terminal(_))) {
            self.asked = false;
        }
        Ok(input)
    }
}

impl EventSource for TerminalEvents {
    fn next(&mut self) -> io::Result<Event> {
        match self.receive(None)? {
            Some(Input::Terminal(event)) => {
                let event = event?;
                // Debug builds only: a key that panics, so tests can check the terminal is
                // restored after a panic in the real binary.
                #[cfg(debug_assertions)]
                if let Event::Key(key) = &event
                    && let Ok(trigger) = std::env::var("HUSTINGS_TEST_PANIC_KEY")
                    && key.code
                        == ratatui::crossterm::event::KeyCode::Char(
                            trigger.chars().next().unwrap_or('\0'),
                        )
                {
                    panic!("test panic on key {trigger:?}");
                }
                Ok(event)
            }
            Some(Input::Signal(signal)) => {
                self.signal = Some(signal);
                Err(io::Error::new(
                    io::ErrorKind::Interrupted,
                    "ended by a signal",
                ))
            }
            None => Err(io::Error::other("no input")),
        }
    }

    fn poll(&mut self, timeout: Duration) -> io::Result<bool> {
        let input = self.receive(Some(timeout))?;
        let ready = input.is_some();
        self.ready = input;
        Ok(ready)
    }
}

/// What the event loop needs from its surroundings: drawing, saving, an outside editor.
pub trait Host<B: Backend> {
    /// Draws one frame.
    fn draw(&mut self, terminal: &mut Terminal<B>, app: &App) -> io::Result<()>;
    /// Writes one election's ballot to disk.
    fn save(&mut self, app: &App, election: usize) -> io::Result<()>;
    /// Lets the voter edit `text` in their own editor and returns the result.
    fn edit_externally(&mut self, terminal: &mut Terminal<B>, text: &str)
    -> Result<String, String>;
}

/// How long typing must pause before a note is saved.
const SAVE_PAUSE: Duration = Duration::from_millis(800);

/// The real terminal's host: synchronized frames, the store, `$VISUAL`/`$EDITOR`.
struct TerminalHost<'a> {
    theme: &'a Theme,
    save: &'a mut dyn FnMut(&App, usize) -> io::Result<()>,
}

impl Host<CrosstermBackend<io::Stdout>> for TerminalHost<'_> {
    fn draw(
        &mut self,
        terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
        app: &App,
    ) -> io::Result<()> {
        // One synchronized update per frame: the terminal shows it whole or not at all.
        execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
        terminal.draw(|frame| ui::draw(frame, app, self.theme))?;
        execute!(terminal.backend_mut(), EndSynchronizedUpdate)
    }

    fn save(&mut self, app: &App, election: usize) -> io::Result<()> {
        (self.save)(app, election)
    }

    fn edit_externally(
        &mut self,
        terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
        text: &str,
    ) -> Result<String, String> {
        restore();
        let edited = edit_in_editor(text);
        enter().map_err(|e| e.to_string())?;
        terminal.clear().map_err(|e| e.to_string())?;
        edited
    }
}

/// Runs `$VISUAL` or `$EDITOR` (else `vi`) on a private temporary copy of `text`.
fn edit_in_editor(text: &str) -> Result<String, String> {
    let set = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let editor = set("VISUAL")
        .or_else(|| set("EDITOR"))
        .unwrap_or_else(|| "vi".to_string());
    let file = tempfile::Builder::new()
        .prefix("hustings-note-")
        .suffix(".md")
        .tempfile()
        .map_err(|e| e.to_string())?;
    // Editors expect a final newline; it is taken off again when the note comes back.
    let body = if text.is_empty() || text.ends_with('\n') {
        text.to_string()
    } else {
        format!("{text}\n")
    };
    std::fs::write(file.path(), body).map_err(|e| e.to_string())?;
    // The editor setting may carry arguments (`code --wait`), so a shell reads it.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(file.path())
        .status()
        .map_err(|e| format!("{editor}: {e}"))?;
    if !status.success() {
        return Err(format!(
            "{editor} exited with {status}; the note is unchanged"
        ));
    }
    std::fs::read_to_string(file.path()).map_err(|e| e.to_string())
}

/// Runs the app in the real terminal until the voter quits or a signal ends it; returns the
/// signal, if one did. Either way every change is saved and the terminal restored.
pub fn run(
    app: &mut App,
    theme: &Theme,
    save: &mut dyn FnMut(&App, usize) -> io::Result<()>,
) -> io::Result<Option<i32>> {
    let mut events = TerminalEvents::start()?;
    enter()?;
    let _guard = Guard;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let mut host = TerminalHost { theme, save };
    run_loop(&mut terminal, app, &mut events, &mut host)?;
    Ok(events.signal)
}

/// Saves what the app queued: changes marked `Now` at once, the rest after a pause in typing.
struct Saves {
    soon: BTreeSet<usize>,
    due: Option<Instant>,
}

impl Saves {
    fn collect<B: Backend>(&mut self, app: &mut App, host: &mut impl Host<B>) {
        for (election, when) in app.take_saves() {
            match when {
                SaveWhen::Now => {
                    self.soon.remove(&election);
                    write(app, election, host);
                }
                SaveWhen::Soon => {
                    self.soon.insert(election);
                    self.due = Some(Instant::now() + SAVE_PAUSE);
                }
            }
        }
    }

    fn flush<B: Backend>(&mut self, app: &mut App, host: &mut impl Host<B>) {
        self.due = None;
        for election in std::mem::take(&mut self.soon) {
            write(app, election, host);
        }
    }
}

fn write<B: Backend>(app: &mut App, election: usize, host: &mut impl Host<B>) {
    if let Err(e) = host.save(app, election) {
        app.save_failed(election, &e.to_string());
    }
}

/// What the loop does after a batch of events.
enum Step {
    Continue,
    Quit,
    EditExternally(usize),
}

/// The event loop, generic over the backend, the event source and the host so tests can
/// drive it.
///
/// It blocks on the next event (an idle app uses no CPU; the only timer is a pending note
/// save), applies every event already queued, saves what changed, then draws once.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut impl EventSource,
    host: &mut impl Host<B>,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size().map_err(io::Error::other)?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut saves = Saves {
        soon: BTreeSet::new(),
        due: None,
    };
    saves.collect(app, host);
    let result = loop {
        app.set_now(chrono::Utc::now());
        if let Err(e) = host.draw(terminal, app) {
            break Err(e);
        }
        if let Some(due) = saves.due {
            let wait = due.saturating_duration_since(Instant::now());
            match events.poll(wait) {
                Ok(true) => {}
                Ok(false) => {
                    saves.flush(app, host);
                    continue;
                }
                Err(e) => break Err(e),
            }
        }
        match drain(app, events, &mut saves, host) {
            Ok(Step::Continue) => {}
            Ok(Step::Quit) => break Ok(()),
            Ok(Step::EditExternally(candidate)) => {
                let text = app.note_text(candidate).to_string();
                let edited = host.edit_externally(terminal, &text);
                app.set_note(candidate, edited);
                saves.collect(app, host);
            }
            Err(e) => break Err(e),
        }
    };
    // Whatever way the loop ends, nothing the voter wrote stays unsaved.
    saves.collect(app, host);
    saves.flush(app, host);
    result
}

/// Applies the next event and every one already queued.
fn drain<B: Backend>(
    app: &mut App,
    events: &mut impl EventSource,
    saves: &mut Saves,
    host: &mut impl Host<B>,
) -> io::Result<Step> {
    loop {
        let event = match events.next() {
            // A signal: leave the loop as `q` would, so what is pending is saved.
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(Step::Quit),
            other => other?,
        };
        if let Some(action) = keymap::action_for(&event, app.mode()) {
            match app.update(action) {
                Effect::Continue => {}
                Effect::Quit => return Ok(Step::Quit),
                Effect::EditExternally(candidate) => return Ok(Step::EditExternally(candidate)),
            }
        }
        saves.collect(app, host);
        if !events.poll(Duration::ZERO)? {
            return Ok(Step::Continue);
        }
    }
}
