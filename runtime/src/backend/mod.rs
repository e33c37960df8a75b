//! The engines an instrumented module can run on, behind one interface: compile a module, run
//! a method of it with the counters set, and report how it ended.
//!
//! Both run the same instrumented bytes and the same host functions ([`crate::host`]); gas
//! and the stack limit are counted by the module itself, so the engines must agree on every
//! outcome. wasmtime (compiled, the default) is the production engine; wasmi (an interpreter
//! written independently of it) lets anyone replay a call and check that claim
//! (`docs/runtime.md`).

use std::sync::Arc;

use baals_instrument::protocol::{self, Limits, Ran};
use baals_policy::Policy;

use crate::error::EngineError;
use crate::host::{HostError, HostState};
use crate::types::Backend;
use crate::types::TrapKind;

mod wasmi;
mod wasmtime;

/// An engine of either kind, configured for a policy.
pub(crate) enum Runner {
    Wasmtime(wasmtime::Wasmtime),
    Wasmi(wasmi::Wasmi),
}

/// A module compiled by one engine, ready to instantiate.
#[derive(Clone)]
pub(crate) enum Compiled {
    Wasmtime(Arc<wasmtime::Prepared>),
    Wasmi(Arc<wasmi::Translated>),
}

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

impl Runner {
    pub(crate) fn new(backend: Backend, policy: &Policy) -> Result<Runner, EngineError> {
        Ok(match backend {
            Backend::Wasmtime => Runner::Wasmtime(wasmtime::Wasmtime::new(policy)?),
            Backend::Wasmi => Runner::Wasmi(wasmi::Wasmi::new(policy)?),
        })
    }

    pub(crate) fn backend(&self) -> Backend {
        match self {
            Runner::Wasmtime(_) => Backend::Wasmtime,
            Runner::Wasmi(_) => Backend::Wasmi,
        }
    }

    /// Compiles (wasmtime) or translates (wasmi) an instrumented module.
    pub(crate) fn compile(&self, wasm: &[u8]) -> Result<Compiled, EngineError> {
        match self {
            Runner::Wasmtime(engine) => engine.compile(wasm),
            Runner::Wasmi(engine) => engine.compile(wasm),
        }
    }

    /// Bytes that identify the engine's compiled artifacts, if it has any: stored artifacts
    /// are keyed by code and this.
    pub(crate) fn fingerprint(&self) -> Option<&[u8; 32]> {
        match self {
            Runner::Wasmtime(engine) => Some(engine.fingerprint()),
            Runner::Wasmi(_) => None,
        }
    }

    /// A compiled module from an artifact stored by [`Compiled::artifact`] of an engine with
    /// the same fingerprint.
    pub(crate) fn load_artifact(&self, bytes: &[u8]) -> Result<Option<Compiled>, EngineError> {
        match self {
            Runner::Wasmtime(engine) => engine.deserialize(bytes).map(Some),
            Runner::Wasmi(_) => Ok(None),
        }
    }

    /// Instantiates `compiled`, sets the counters, runs `baals_start` (if exported) and the
    /// method.
    pub(crate) fn run(&self, compiled: &Compiled, state: HostState, method: &str, limits: Limits) -> Ended {
        match (self, compiled) {
            (Runner::Wasmtime(engine), Compiled::Wasmtime(pre)) => engine.run(pre, state, method, limits),
            (Runner::Wasmi(engine), Compiled::Wasmi(translated)) => {
                engine.run(&translated.module, state, method, limits)
            }
            _ => Ended::before_counters(
                state,
                Failure::Engine(EngineError::Internal("a module compiled by another engine")),
            ),
        }
    }
}

impl Compiled {
    /// Whether the module exports a function `name` of type `[] -> []`.
    pub(crate) fn is_method(&self, name: &str) -> bool {
        match self {
            Compiled::Wasmtime(pre) => match pre.module().get_export(name) {
                Some(::wasmtime::ExternType::Func(ty)) => ty.params().len() == 0 && ty.results().len() == 0,
                _ => false,
            },
            Compiled::Wasmi(translated) => match translated.module.get_export(name) {
                Some(::wasmi::ExternType::Func(ty)) => ty.params().is_empty() && ty.results().is_empty(),
                _ => false,
            },
        }
    }

    /// Whether the module exports anything named `name`.
    pub(crate) fn exports(&self, name: &str) -> bool {
        match self {
            Compiled::Wasmtime(pre) => pre.module().get_export(name).is_some(),
            Compiled::Wasmi(translated) => translated.module.get_export(name).is_some(),
        }
    }

    /// The pages the module's memory starts with: what a call pays `memory.grow-page-cost`
    /// for before it runs. Both engines read it from the module itself, so they agree.
    pub(crate) fn initial_pages(&self) -> u64 {
        match self {
            Compiled::Wasmtime(pre) => pre.initial_pages,
            Compiled::Wasmi(translated) => translated.initial_pages,
        }
    }

    /// The bytes to store so that a restart need not compile again, if the engine has any.
    pub(crate) fn artifact(&self) -> Result<Option<Vec<u8>>, EngineError> {
        match self {
            Compiled::Wasmtime(pre) => wasmtime::serialize(pre).map(Some),
            Compiled::Wasmi(_) => Ok(None),
        }
    }

    /// What the compiled module costs in memory, roughly: the module cache's budget counts it.
    pub(crate) fn size(&self, wasm_len: usize) -> usize {
        match self {
            Compiled::Wasmtime(pre) => {
                let range = pre.module().image_range();
                (range.end as usize).saturating_sub(range.start as usize)
            }
            // wasmi's translated code is a few times the size of the wasm it came from.
            Compiled::Wasmi(_) => wasm_len.saturating_mul(4),
        }
    }
}
