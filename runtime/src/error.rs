//! Why the engine could not do what it was asked, as opposed to a call that ran and failed,
//! which is a result with a status ([`crate::ExecutionStatus`]).

use baals_abi::AbiError;
use baals_instrument::InstrumentError;

use crate::storage::StorageError;
use crate::types::Backend;
use crate::types::ContractId;

/// An error from a library the engine runs on, kept whole as the source of an [`EngineError`].
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Why the engine could not do what it was asked. Nothing a failed operation started is kept:
/// a deployment stores nothing, a call changes nothing, and the block goes on.
///
/// Each variant names one reason, whichever engine ran the call; the library error behind it,
/// if any, is its [`source`](std::error::Error::source), so a caller can match on the kind and
/// still print the whole chain.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EngineError {
    /// The module was refused at deployment: nothing was stored.
    #[error(transparent)]
    Instrument(#[from] InstrumentError),
    /// The module's ABI was refused at deployment (malformed, or not matching the module):
    /// nothing was stored.
    #[error("ABI: {0}")]
    Abi(#[from] AbiError),
    /// The state could not be read.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The engine could not be configured for the policy.
    #[error("{backend}: the engine cannot be configured for the policy")]
    Configure {
        /// The engine.
        backend: Backend,
        /// Its reason.
        #[source]
        source: BoxError,
    },
    /// The engine refused to compile stored instrumented code: the code in the state is not
    /// what the instrumenter wrote.
    #[error("{backend}: the stored code of a contract does not compile")]
    Compile {
        /// The engine.
        backend: Backend,
        /// Its reason.
        #[source]
        source: BoxError,
    },
    /// Stored code without the gas and stack counters: not instrumented, or instrumented
    /// before the counters counted up (`docs/runtime.md`, "Stored code").
    #[error(
        "the module exports no `baals_gas` and `baals_stack` counters: it is not instrumented, or was \
         instrumented before the counters counted up (docs/runtime.md, \"Stored code\")"
    )]
    NotInstrumented,
    /// The engine failed while running a call, for a reason that is not the contract's (an
    /// exhausted instance pool, say): a result that depended on it would not be deterministic,
    /// so the call fails as a whole.
    #[error("{backend}: the engine failed to run a call")]
    Run {
        /// The engine.
        backend: Backend,
        /// Its reason.
        #[source]
        source: BoxError,
    },
    /// A deployment derived the id of a contract that exists: two deployments with the same
    /// deployer, nonce and code, which only a corrupt nonce (or a sha256 collision) allows.
    #[error("contract {0} exists already")]
    ContractExists(ContractId),
    /// A credit would take a balance past `u64::MAX`: nothing was credited.
    #[error("the balance of {0} would overflow")]
    BalanceOverflow(crate::types::Address),
    /// A block whose state was lost to an engine bug earlier: nothing more can run in it.
    #[error("the block failed earlier; drop it")]
    BlockFailed,
    /// A bug of the engine: an invariant it keeps did not hold.
    #[error("internal: {0}")]
    Internal(&'static str),
}

impl EngineError {
    /// The error's kind, the same whichever engine ran the call: what the twin tests compare.
    pub fn kind(&self) -> &'static str {
        match self {
            EngineError::Instrument(_) => "instrument",
            EngineError::Abi(_) => "abi",
            EngineError::Storage(_) => "storage",
            EngineError::Configure { .. } => "configure",
            EngineError::Compile { .. } => "compile",
            EngineError::NotInstrumented => "not_instrumented",
            EngineError::Run { .. } => "run",
            EngineError::ContractExists(_) => "contract_exists",
            EngineError::BalanceOverflow(_) => "balance_overflow",
            EngineError::BlockFailed => "block_failed",
            EngineError::Internal(_) => "internal",
        }
    }
}
