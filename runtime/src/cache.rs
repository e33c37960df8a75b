//! Compiled modules: in memory, least recently used evicted past a budget, and, across
//! restarts, as artifacts in an [`ArtifactStore`]. Both are caches, never state: whatever they
//! hold, or lose, a call gives the same result, since the instrumented code they were compiled
//! from is what the state stores.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::types::Code;

/// Which module of a code a call runs on: the copy without the write-backs only traps read,
/// or the stored module itself, which a call that trapped on the copy runs again on
/// (`docs/runtime.md`, "Traps run twice"); or, for a tracer that asks for function events
/// on wasmtime, a copy with profile hooks (`baals_instrument::instrument_profiled`), which
/// charges what the stored module charges.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Module {
    Copy,
    Stored,
    Profiled,
}

impl Module {
    /// What ends the artifact key of this module of a code: the two are compiled apart, and
    /// an artifact of one is never taken for the other's.
    pub(crate) fn artifact_mark(self) -> u8 {
        match self {
            Module::Stored => 1,
            Module::Copy => 2,
            Module::Profiled => 3,
        }
    }
}

/// A hasher for keys that are hashes already (a code hash leads every key): a multiply and a
/// rotate per word, where the default SipHash cost about 500 instructions per lookup, every
/// call (record 0013).
#[derive(Default)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

/// Compiled modules in memory, least recently used evicted past a budget of code bytes.
pub(crate) struct ModuleCache<M> {
    entries: HashMap<(Code, Module), (M, usize, u64), std::hash::BuildHasherDefault<KeyHasher>>,
    bytes: usize,
    budget: usize,
    tick: u64,
}

impl<M: Clone> ModuleCache<M> {
    pub(crate) fn new(budget: usize) -> ModuleCache<M> {
        ModuleCache { entries: HashMap::default(), bytes: 0, budget, tick: 0 }
    }

    pub(crate) fn get(&mut self, key: &(Code, Module)) -> Option<M> {
        self.tick += 1;
        let tick = self.tick;
        self.entries.get_mut(key).map(|(compiled, _, used)| {
            *used = tick;
            compiled.clone()
        })
    }

    pub(crate) fn insert(&mut self, key: (Code, Module), compiled: M, size: usize) {
        self.tick += 1;
        if let Some((_, old, _)) = self.entries.insert(key, (compiled, size, self.tick)) {
            self.bytes -= old;
        }
        self.bytes += size;
        while self.bytes > self.budget && self.entries.len() > 1 {
            let Some(oldest) = self.entries.iter().min_by_key(|(_, (_, _, used))| *used).map(|(code, _)| *code) else {
                break;
            };
            if let Some((_, size, _)) = self.entries.remove(&oldest) {
                self.bytes -= size;
            }
        }
    }
}

/// Where compiled artifacts are kept across restarts, so that a node does not compile every
/// contract again when it starts: a cache beside the state, never part of it. Keys name the
/// code, the policy, the engine build and the module ([`crate::EngineConfig::with_artifacts`]).
///
/// Failures are the store's to absorb: a `get` that fails is a miss (the engine compiles), a
/// `put` that fails loses nothing but time.
pub trait ArtifactStore: Send + Sync {
    /// The artifact stored under `key`, if any.
    fn get(&self, key: &[u8]) -> Option<Vec<u8>>;

    /// Stores `bytes` under `key`.
    fn put(&self, key: &[u8], bytes: &[u8]);
}

/// Artifacts as files in a directory, one per key (its hex), each written whole (to a
/// temporary file, then renamed) so that a crash never leaves half of one.
#[derive(Clone, Debug)]
pub struct ArtifactDir {
    path: PathBuf,
}

impl ArtifactDir {
    /// Artifacts in `path`, created if absent.
    pub fn new(path: impl Into<PathBuf>) -> std::io::Result<ArtifactDir> {
        let path = path.into();
        std::fs::create_dir_all(&path)?;
        Ok(ArtifactDir { path })
    }

    fn file(&self, key: &[u8]) -> PathBuf {
        self.path.join(baals_abi::hex_encode(key))
    }
}

impl ArtifactStore for ArtifactDir {
    fn get(&self, key: &[u8]) -> Option<Vec<u8>> {
        std::fs::read(self.file(key)).ok()
    }

    fn put(&self, key: &[u8], bytes: &[u8]) {
        let file = self.file(key);
        let temporary = file.with_extension(format!("{}.tmp", std::process::id()));
        if std::fs::write(&temporary, bytes).is_err() || std::fs::rename(&temporary, &file).is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
    }
}
