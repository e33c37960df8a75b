//! The ledger's view of state: named tables of byte keys and values, read and written in
//! transactions. The engine keeps everything it stores (code, accounts, contract state,
//! balances, events) in these tables; `docs/runtime.md` gives the key encodings.

mod memory;
mod redb;

pub use memory::MemoryStorage;
pub use redb::RedbStorage;

/// Keys and values, in key order.
pub type Entries = Vec<(Vec<u8>, Vec<u8>)>;

/// The tables the engine uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Table {
    /// Original modules, by code hash.
    Originals,
    /// Instrumented modules, by code hash and policy hash.
    Code,
    /// Compiled modules, by code hash, policy hash and engine fingerprint.
    Artifacts,
    /// Contract accounts, by contract id.
    Contracts,
    /// Contract state, by contract id and key.
    State,
    /// Native balances, by address.
    Balances,
    /// Deploy counts, by deployer address.
    Nonces,
    /// Events, by contract id, block height, call index and event index.
    Events,
    /// The engine's own bookkeeping: the latest committed height.
    Meta,
    /// Contract ABIs (JSON, `docs/abi-json.md`), by contract id; only for contracts deployed
    /// with one.
    Abis,
}

impl Table {
    /// Every table.
    pub const ALL: [Table; 10] = [
        Table::Originals,
        Table::Code,
        Table::Artifacts,
        Table::Contracts,
        Table::State,
        Table::Balances,
        Table::Nonces,
        Table::Events,
        Table::Meta,
        Table::Abis,
    ];

    /// The table's name in the database.
    pub const fn name(self) -> &'static str {
        match self {
            Table::Originals => "originals",
            Table::Code => "code",
            Table::Artifacts => "artifacts",
            Table::Contracts => "contracts",
            Table::State => "state",
            Table::Balances => "balances",
            Table::Nonces => "nonces",
            Table::Events => "events",
            Table::Meta => "meta",
            Table::Abis => "abis",
        }
    }
}

/// A storage failure: the database could not be read or written.
#[derive(Debug, thiserror::Error)]
#[error("storage: {0}")]
pub struct StorageError(pub String);

impl StorageError {
    pub(crate) fn from(error: impl std::fmt::Display) -> StorageError {
        StorageError(error.to_string())
    }
}

/// Where the engine keeps its state.
pub trait Storage: Send + Sync + 'static {
    /// Starts a transaction that sees committed state and can change it. At most one is open
    /// at a time (the block being built).
    fn write(&self) -> Result<Box<dyn WriteTxn>, StorageError>;

    /// Starts a read-only transaction over committed state.
    fn read(&self) -> Result<Box<dyn ReadTxn>, StorageError>;
}

/// Reads, within a transaction.
pub trait ReadTxn: Send {
    /// The value at `key`.
    fn get(&self, table: Table, key: &[u8]) -> Result<Option<Vec<u8>>, StorageError>;

    /// Every entry whose key starts with `prefix`, in key order.
    fn scan(&self, table: Table, prefix: &[u8]) -> Result<Entries, StorageError>;
}

/// Writes, within a transaction that commits or is dropped (aborted) as a whole.
pub trait WriteTxn: ReadTxn {
    /// Sets `key` to `value`.
    fn put(&mut self, table: Table, key: &[u8], value: &[u8]) -> Result<(), StorageError>;

    /// Removes `key`.
    fn delete(&mut self, table: Table, key: &[u8]) -> Result<(), StorageError>;

    /// Makes every write of the transaction durable, atomically.
    fn commit(self: Box<Self>) -> Result<(), StorageError>;
}
