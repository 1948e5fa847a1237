//! The terminal the reader draws on: taking it (raw mode, the alternate screen, mouse reporting), giving it
//! back, and taking it again after a suspension.
//!
//! Frames are written whole: ratatui's default backend writes to `Stdout`, whose buffer sends a frame to the
//! terminal in pieces of about a kilobyte. A terminal (or a stop from outside) could then show half a frame.
//! [`FrameWriter`] keeps everything until ratatui flushes at the end of a frame and writes it in one go.

use std::io::{Stdout, Write};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::backend::CrosstermBackend;

/// The reader's terminal.
pub type Screen = ratatui::Terminal<CrosstermBackend<FrameWriter>>;

/// Holds a frame's bytes until the flush that ends it.
pub struct FrameWriter {
    frame: Vec<u8>,
    out: Stdout,
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.frame.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        // Cleared even when writing fails, so that a failed frame is not sent again before the next one.
        let frame = std::mem::take(&mut self.frame);
        self.out.write_all(&frame)?;
        self.out.flush()
    }
}

// No Drop that flushes: half a frame left by a panic must not be written after the terminal was restored.

/// Takes the terminal: raw mode, the alternate screen, mouse reporting; a panic gives it back first.
pub fn open() -> std::io::Result<Screen> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        close();
        previous(info);
    }));
    take()?;
    let writer = FrameWriter {
        frame: Vec::with_capacity(64 * 1024),
        out: std::io::stdout(),
    };
    ratatui::Terminal::new(CrosstermBackend::new(writer))
}

/// Gives the terminal back as it was: mouse reporting off, the main screen, the cursor shown, cooked mode.
/// Errors are ignored: this runs on the way out, maybe with the terminal gone.
pub fn close() {
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = crossterm::terminal::disable_raw_mode();
}

/// Takes the terminal again after a suspension (or a stop from outside): raw mode, the alternate screen, mouse
/// reporting, and a frame drawn whole, since the screen holds whatever the shell wrote meanwhile.
pub fn reopen(screen: &mut Screen) -> std::io::Result<()> {
    // After a stop from outside (SIGSTOP), the shell may have put the terminal back in cooked mode while
    // crossterm still believes it raw, and would then skip setting it: leave raw mode first to set it anew.
    crossterm::terminal::disable_raw_mode()?;
    take()?;
    screen.clear()
}

/// Raw mode, the alternate screen, mouse reporting.
fn take() -> std::io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableMouseCapture
    )
}
