//! The engines an instrumented module can run on, behind one interface: compile a module, run
//! a method of it with the counters set, and report how it ended.
//!
//! Both run the same instrumented bytes and the same host functions ([`crate::host`]); gas
//! and the stack limit are counted by the module itself, so the engines must agree on every
//! outcome. wasmtime (compiled, the default) is the production engine; wasmi (an interpreter
//! written independently of it) lets anyone replay a call and check that claim
//! (`docs/runtime.md`).

use baals_instrument::protocol::{self, Limits, Ran};
use baals_policy::Policy;

use crate::error::EngineError;
use crate::host::{HostError, HostState};
use crate::types::Backend;
use crate::types::TrapKind;

mod wasmi;
mod wasmtime;

/// An engine that runs instrumented modules. Each engine has its own type of compiled module,
/// which only it can run: the engine that compiled a module is the one that runs it, by type.
pub(crate) trait Engine: Send + Sync + Sized + 'static {
    /// A module it compiled, ready to instantiate.
    type Module: Clone + Send + Sync + 'static;

    /// Which engine it is.
    const BACKEND: Backend;

    /// The engine, configured for `policy`.
    fn new(policy: &Policy) -> Result<Self, EngineError>;

    /// Compiles (wasmtime) or translates (wasmi) an instrumented module.
    fn compile(&self, wasm: &[u8]) -> Result<Self::Module, EngineError>;

    /// Bytes that identify the engine's compiled artifacts, if it has any: artifacts are kept
    /// under the code and this.
    fn fingerprint(&self) -> Option<&[u8; 32]>;

    /// A compiled module from an artifact of [`Engine::artifact`] by an engine with the same
    /// fingerprint; `None` if the engine has no artifacts.
    fn load_artifact(&self, bytes: &[u8]) -> Result<Option<Self::Module>, EngineError>;

    /// The bytes to keep so that a restart need not compile again, if the engine has any.
    fn artifact(module: &Self::Module) -> Result<Option<Vec<u8>>, EngineError>;

    /// Instantiates `module` and runs `method` by the counter protocol
    /// (`baals_instrument::protocol`).
    fn run(&self, module: &Self::Module, state: HostState, method: &str, limits: Limits) -> Ended;

    /// Whether the module exports a function `name` of type `[] -> []`.
    fn is_method(module: &Self::Module, name: &str) -> bool;

    /// Whether the module exports anything named `name`.
    fn exports(module: &Self::Module, name: &str) -> bool;

    /// The pages the module's memory starts with: what a call pays `memory.grow-page-cost`
    /// for before it runs. Both engines read it from the module itself, so they agree.
    fn initial_pages(module: &Self::Module) -> u64;

    /// What the compiled module costs in memory, roughly: the module cache's budget counts it.
    fn size(module: &Self::Module, wasm_len: usize) -> usize;
}

pub(crate) use self::wasmi::Wasmi;
pub(crate) use self::wasmtime::Wasmtime;

/// How a run ended, before it is classified (`exec::classify`).
pub(crate) struct Ended {
    /// The call's state back from the instance (its output, among others).
    pub(crate) state: HostState,
    /// How the counter protocol's run ended (`baals_instrument::protocol`); its counters are
    /// `None` if the instance never got that far (a failed instantiation).
    pub(crate) ran: Ran<Failure>,
}

impl Ended {
    /// A run that failed before the counters were set: instantiation trapped or failed.
    fn before_counters(state: HostState, failure: Failure) -> Ended {
        Ended { state, ran: Ran { result: Err(protocol::Failure::Failed(failure)), gas_left: None, stack_left: None } }
    }
}

/// Why a run did not return.
pub(crate) enum Failure {
    /// A host function ended it.
    Host(HostError),
    /// The wasm code trapped.
    Trap(TrapKind),
    /// The engine failed for a reason that is not the contract's (an exhausted instance pool,
    /// a module that is not instrumented): the call fails as a whole, it has no status.
    Engine(EngineError),
}
