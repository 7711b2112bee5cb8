//! What the server logs through `tracing`, captured for the whole test binary.
//!
//! The subscriber is global because the server answers on whichever runtime thread took the
//! request (and the panic layer logs there too).

use std::io::Write;
use std::sync::{Mutex, OnceLock};
use tracing_subscriber::util::SubscriberInitExt;

use tracing_subscriber::filter::LevelFilter;

/// Everything logged so far.
fn logs() -> &'static Mutex<Vec<u8>> {
    static LOGS: Mutex<Vec<u8>> = Mutex::new(Vec::new());
    &LOGS
}

struct LogWriter;

impl Write for LogWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        logs().lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Installs, once, a subscriber that keeps every event down to DEBUG, without timestamps.
pub fn capture() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        tracing_subscriber::fmt()
            .with_writer(|| LogWriter)
            .with_ansi(false)
            .without_time()
            .with_max_level(LevelFilter::DEBUG)
            .finish()
            .try_init()
            .unwrap();
    });
}

/// The logged lines that mention `needle`.
pub fn lines_with(needle: &str) -> Vec<String> {
    let logs = String::from_utf8_lossy(&logs().lock().unwrap()).into_owned();
    logs.lines()
        .filter(|line| line.contains(needle))
        .map(str::to_owned)
        .collect()
}
