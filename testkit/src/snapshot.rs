//! Gas snapshots: a file of gas per named call, checked on every run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The environment variable that switches [`GasSnapshot::record`] from checking to writing.
pub const WRITE_VARIABLE: &str = "BAALS_GAS_SNAPSHOT";

/// A file of gas figures by name, one `NAME GAS` line each, sorted by name, so that its diff
/// in review shows which call's gas moved and by how much.
///
/// [`record`](Self::record) checks a figure against the file and fails the test on any
/// difference, or on a name the file does not have: the check mode CI runs. With
/// `BAALS_GAS_SNAPSHOT=write` in the environment it writes the figure instead (keeping the
/// file's other lines); delete the file first to drop names no test records any more.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GasSnapshot {
    path: PathBuf,
}

/// Tests of one binary run on several threads: one read-modify-write of a file at a time.
static FILE: Mutex<()> = Mutex::new(());

impl GasSnapshot {
    /// The snapshot file at `path` (conventionally `.gas-snapshot` beside the crate's
    /// `Cargo.toml`).
    pub fn new(path: impl Into<PathBuf>) -> GasSnapshot {
        GasSnapshot { path: path.into() }
    }

    /// Its file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Checks (or, with `BAALS_GAS_SNAPSHOT=write`, writes) `gas` as the figure for `name`.
    ///
    /// # Panics
    ///
    /// In check mode, when the file has another figure for `name`, or none; in either mode,
    /// when the file cannot be read or written, or `name` holds whitespace.
    #[track_caller]
    pub fn record(&self, name: &str, gas: u64) {
        let write = std::env::var(WRITE_VARIABLE).is_ok_and(|mode| mode == "write");
        self.record_as(name, gas, write);
    }

    #[track_caller]
    pub(crate) fn record_as(&self, name: &str, gas: u64, write: bool) {
        assert!(
            !name.is_empty() && !name.chars().any(char::is_whitespace),
            "gas snapshot name `{name}`: one word, without whitespace"
        );
        let _file = FILE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut figures = self.read();
        let rerun = format!("rerun with {WRITE_VARIABLE}=write to accept");
        match (figures.get(name).copied(), write) {
            (Some(old), _) if old == gas => {}
            (old, true) => {
                let _ = old;
                figures.insert(name.to_string(), gas);
                self.write(&figures);
            }
            (Some(old), false) => {
                let change = gas as f64 / old as f64 * 100.0 - 100.0;
                panic!(
                    "gas snapshot `{name}` in {}: {old} -> {gas} ({:+}, {change:+.3}%); {rerun}",
                    self.path.display(),
                    gas as i128 - old as i128
                );
            }
            (None, false) => panic!("gas snapshot `{name}`: not in {} (gas {gas}); {rerun}", self.path.display()),
        }
    }

    /// The figures in the file (none if there is no file).
    ///
    /// # Panics
    ///
    /// When the file cannot be read or a line is not `NAME GAS`.
    pub fn figures(&self) -> BTreeMap<String, u64> {
        let _file = FILE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        self.read()
    }

    fn read(&self) -> BTreeMap<String, u64> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return BTreeMap::new(),
            Err(error) => panic!("{}: {error}", self.path.display()),
        };
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(number, line)| {
                let parsed =
                    line.split_once(' ').and_then(|(name, gas)| Some((name.to_string(), gas.trim().parse().ok()?)));
                parsed.unwrap_or_else(|| {
                    panic!("{}:{}: expected `NAME GAS`, found `{line}`", self.path.display(), number + 1)
                })
            })
            .collect()
    }

    fn write(&self, figures: &BTreeMap<String, u64>) {
        let text: String = figures.iter().map(|(name, gas)| format!("{name} {gas}\n")).collect();
        std::fs::write(&self.path, text).unwrap_or_else(|error| panic!("{}: {error}", self.path.display()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> GasSnapshot {
        let path = std::env::temp_dir().join(format!("baals-test-snapshot-{name}-{}", std::process::id()));
        let _ = std::fs::remove_file(&path);
        GasSnapshot::new(path)
    }

    fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
        let error = std::panic::catch_unwind(f).unwrap_err();
        error.downcast_ref::<String>().cloned().unwrap_or_default()
    }

    #[test]
    fn write_mode_records_sorted_lines_and_check_mode_accepts_them() {
        let snapshot = scratch("write");
        snapshot.record_as("transfer", 7_821_604, true);
        snapshot.record_as("deploy", 1_000, true);
        assert_eq!(std::fs::read_to_string(snapshot.path()).unwrap(), "deploy 1000\ntransfer 7821604\n");
        snapshot.record_as("transfer", 7_821_604, false);
        snapshot.record_as("transfer", 7_821_700, true);
        assert_eq!(snapshot.figures()["transfer"], 7_821_700);
        std::fs::remove_file(snapshot.path()).unwrap();
    }

    #[test]
    fn check_mode_fails_on_any_change_and_on_a_missing_name() {
        let snapshot = scratch("check");
        snapshot.record_as("transfer", 100, true);
        let changed = snapshot.clone();
        let message = panic_message(move || changed.record_as("transfer", 101, false));
        assert!(
            message.contains("gas snapshot `transfer`") && message.contains("100 -> 101 (+1, +1.000%)"),
            "{message}"
        );
        assert!(message.contains("BAALS_GAS_SNAPSHOT=write"), "{message}");
        let missing = snapshot.clone();
        let message = panic_message(move || missing.record_as("balance_of", 5, false));
        assert!(message.contains("`balance_of`: not in"), "{message}");
        // Nothing was written by the failed checks.
        assert_eq!(std::fs::read_to_string(snapshot.path()).unwrap(), "transfer 100\n");
        std::fs::remove_file(snapshot.path()).unwrap();
    }
}
