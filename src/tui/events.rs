//! Where the event loop's events come from: the terminal and the signals that end the app,
//! through one channel, or a script in tests.

use std::io;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

/// Where the event loop gets its events: the terminal, or a script in tests.
pub trait EventSource {
    /// Blocks until the next event.
    fn next(&mut self) -> io::Result<Event>;
    /// Whether an event arrives within `timeout` (zero: whether one is ready now).
    fn poll(&mut self, timeout: Duration) -> io::Result<bool>;
}

/// The signals that end the app: each becomes an event of the loop, so what the voter typed
/// is saved before the terminal is restored and the process exits.
const ENDING_SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];

/// What reaches the loop from outside: a terminal event, or a signal that ends the app.
enum Input {
    Terminal(io::Result<Event>),
    Signal(i32),
}

/// Events from the real terminal and the ending signals, through one channel. A reader
/// thread reads the terminal only when the loop asks, so nothing is read while the voter's
/// `$EDITOR` has the terminal.
pub(super) struct TerminalEvents {
    inputs: Receiver<Input>,
    ask: Sender<()>,
    /// A read has been asked for and not yet taken.
    asked: bool,
    /// An input received by `poll`, not yet taken by `next`.
    ready: Option<Input>,
    /// The signal that ended the app, if one did.
    pub(super) signal: Option<i32>,
}

impl TerminalEvents {
    pub(super) fn start() -> io::Result<TerminalEvents> {
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
