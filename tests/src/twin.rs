//! Engines in lockstep: every operation runs on a wasmtime engine, a wasmi engine, and a
//! second wasmtime engine without copies, each over its own storage, and must give the same
//! result (status, output, events, gas). The first two run calls as the engine does by
//! default, on the copies of their code without the write-backs only traps read (and again on
//! the stored modules after a trap); the third runs every call once, on the stored modules
//! (`EngineConfig::with_copies`). So every comparison checks the two engines against each
//! other and the copies against the stored modules (`docs/runtime.md`, "Traps run twice").
//! After every operation that may change state, their states are compared: every account the
//! twin has seen (storage root, balance), every storage entry and every stored event.
//!
//! The methods are named and typed as [`Node`]'s, so a test written against one engine runs
//! on all of them by changing its type.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt::Debug;

use baals_policy::Policy;
use baals_runtime::{
    Address, Backend, BlockContext, ContractAccount, ContractExecutionResult, ContractId, DeployResult, EngineConfig,
    EngineError, Entries, MemoryStorage, Storage, StoredEvent,
};

use crate::node::{Node, NodeBlock};

/// A wasmtime engine, a wasmi engine and a wasmtime engine without copies, compared at every
/// step.
#[derive(Debug)]
pub struct Twin<S: Storage = MemoryStorage> {
    engines: [Node<S>; ENGINES],
    /// Every contract deployed or called through the twin: the accounts compared.
    seen: RefCell<BTreeSet<ContractId>>,
    /// Operations compared, for the counts tests print.
    compared: RefCell<u64>,
}

/// How many engines a twin runs.
pub const ENGINES: usize = 3;

/// One value for each engine of a twin (its storage, or the path of one), in [`Twin::with`]'s
/// order, each made by `make` from a short name of its engine (for file names).
pub fn per_engine<T>(make: impl FnMut(&str) -> T) -> [T; ENGINES] {
    ["wasmtime", "wasmi", "stored-only"].map(make)
}

/// The engines, in the order of [`Twin::engines`]: for messages.
const NAMES: [&str; ENGINES] = ["wasmtime", "wasmi", "wasmtime without copies"];

/// Asserts that every engine did the same and returns wasmtime's answer. Engine errors must
/// agree in kind ([`EngineError::kind`]): their sources are each engine's own.
fn agree<T: PartialEq + Debug>(what: &str, results: [Result<T, EngineError>; ENGINES]) -> Result<T, EngineError> {
    let [wasmtime, others @ ..] = results;
    for (other, name) in others.iter().zip(&NAMES[1..]) {
        match (&wasmtime, other) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{what}: wasmtime and {name} disagree"),
            (Err(a), Err(b)) => assert_eq!(a.kind(), b.kind(), "{what}: wasmtime failed with {a:?}, {name} with {b:?}"),
            _ => panic!("{what}: wasmtime gave {wasmtime:?}, {name} {other:?}"),
        }
    }
    wasmtime
}

impl Twin {
    /// The engines under `policy`, each over an empty in-memory storage.
    pub fn new(policy: Policy) -> Twin {
        Twin::with(per_engine(|_| MemoryStorage::new()), policy)
    }
}

impl<S: Storage> Twin<S> {
    /// The engines under `policy`, over `storages` (wasmtime's, wasmi's, and that of wasmtime
    /// without copies), which must hold the same state.
    pub fn with(storages: [S; ENGINES], policy: Policy) -> Twin<S> {
        let [wasmtime, wasmi, stored_only] = storages;
        let engines = [
            engine_of(wasmtime, Backend::Wasmtime, true, &policy),
            engine_of(wasmi, Backend::Wasmi, true, &policy),
            engine_of(stored_only, Backend::Wasmtime, false, &policy),
        ];
        Twin { engines, seen: RefCell::new(BTreeSet::new()), compared: RefCell::new(0) }
    }

    /// Every engine, in the order of [`Twin::with`]'s storages.
    pub fn engines(&self) -> &[Node<S>; ENGINES] {
        &self.engines
    }

    /// How many operations every engine ran and agreed on.
    pub fn compared(&self) -> u64 {
        *self.compared.borrow()
    }

    /// The policy the engines run under.
    pub fn policy(&self) -> &Policy {
        self.engines[0].policy()
    }

    fn each<T: PartialEq + Debug>(
        &self,
        what: &str,
        op: impl Fn(&Node<S>) -> Result<T, EngineError>,
    ) -> Result<T, EngineError> {
        *self.compared.borrow_mut() += 1;
        agree(what, self.engines.each_ref().map(op))
    }

    /// Compares every account the twin has seen, its storage and its events.
    pub fn check_state(&self) {
        let seen: Vec<ContractId> = self.seen.borrow().iter().copied().collect();
        for id in seen {
            self.each("account", |engine| engine.contract(&id)).unwrap();
            self.each("storage", |engine| engine.storage_entries(&id)).unwrap();
            self.each("events", |engine| engine.events(&id)).unwrap();
        }
        self.each("latest height", Node::latest_height).unwrap();
    }

    fn see(&self, id: ContractId) {
        self.seen.borrow_mut().insert(id);
    }

    /// [`Node::deploy_contract`] on each.
    pub fn deploy_contract(
        &self,
        ctx: BlockContext,
        deployer: Address,
        wasm: &[u8],
        init_payload: &[u8],
        gas_limit: u64,
    ) -> Result<DeployResult, EngineError> {
        let result = self.each("deploy", |engine| engine.deploy_contract(ctx, deployer, wasm, init_payload, gas_limit));
        if let Ok(deployed) = &result {
            self.see(deployed.contract_id);
        }
        self.check_state();
        result
    }

    /// [`Node::execute_contract_call`] on each.
    #[allow(clippy::too_many_arguments)]
    pub fn execute_contract_call(
        &self,
        ctx: BlockContext,
        sender: Address,
        contract_id: ContractId,
        method: &str,
        payload: &[u8],
        value: u64,
        gas_limit: u64,
    ) -> Result<ContractExecutionResult, EngineError> {
        self.see(contract_id);
        let result = self.each(method, |engine| {
            engine.execute_contract_call(ctx, sender, contract_id, method, payload, value, gas_limit)
        });
        self.check_state();
        result
    }

    /// [`Node::query_contract`] on each.
    pub fn query_contract(
        &self,
        ctx: BlockContext,
        sender: Address,
        contract_id: ContractId,
        method: &str,
        payload: &[u8],
        gas_cap: u64,
    ) -> Result<ContractExecutionResult, EngineError> {
        self.each(method, |engine| engine.query_contract(ctx, sender, contract_id, method, payload, gas_cap))
    }

    /// [`Node::contract`] on each.
    pub fn contract(&self, id: &ContractId) -> Result<Option<ContractAccount>, EngineError> {
        self.each("account", |engine| engine.contract(id))
    }

    /// [`Node::balance`] on each.
    pub fn balance(&self, address: &Address) -> Result<u64, EngineError> {
        self.each("balance", |engine| engine.balance(address))
    }

    /// [`Node::storage_value`] on each.
    pub fn storage_value(&self, contract: &ContractId, key: &[u8]) -> Result<Option<Vec<u8>>, EngineError> {
        self.each("storage value", |engine| engine.storage_value(contract, key))
    }

    /// [`Node::storage_entries`] on each.
    pub fn storage_entries(&self, contract: &ContractId) -> Result<Entries, EngineError> {
        self.each("storage", |engine| engine.storage_entries(contract))
    }

    /// [`Node::events`] on each.
    pub fn events(&self, contract: &ContractId) -> Result<Vec<StoredEvent>, EngineError> {
        self.each("events", |engine| engine.events(contract))
    }

    /// [`Node::nonce`] on each.
    pub fn nonce(&self, deployer: &Address) -> Result<u64, EngineError> {
        self.each("nonce", |engine| engine.nonce(deployer))
    }

    /// [`Node::begin_block`] on each.
    pub fn begin_block(&self, ctx: BlockContext) -> Result<TwinBlock<'_, S>, EngineError> {
        let [a, b, c] = &self.engines;
        let sessions = [a.begin_block(ctx)?, b.begin_block(ctx)?, c.begin_block(ctx)?];
        Ok(TwinBlock { twin: self, sessions })
    }
}

fn engine_of<S: Storage>(storage: S, backend: Backend, copies: bool, policy: &Policy) -> Node<S> {
    let config = EngineConfig::default().with_backend(backend).with_copies(copies);
    Node::with_config(storage, policy.clone(), config)
}

/// A block on each engine.
#[derive(Debug)]
pub struct TwinBlock<'t, S: Storage> {
    twin: &'t Twin<S>,
    sessions: [NodeBlock<'t, S>; ENGINES],
}

impl<S: Storage> TwinBlock<'_, S> {
    fn each<T: PartialEq + Debug>(
        &mut self,
        what: &str,
        op: impl FnMut(&mut NodeBlock<'_, S>) -> Result<T, EngineError>,
    ) -> Result<T, EngineError> {
        *self.twin.compared.borrow_mut() += 1;
        agree(what, self.sessions.each_mut().map(op))
    }

    /// [`NodeBlock::credit`] on each.
    pub fn credit(&mut self, address: &Address, amount: u64) -> Result<u64, EngineError> {
        self.each("credit", |block| block.credit(address, amount))
    }

    /// [`NodeBlock::deploy_contract`] on each.
    pub fn deploy_contract(
        &mut self,
        deployer: Address,
        wasm: &[u8],
        init_payload: &[u8],
        gas_limit: u64,
    ) -> Result<DeployResult, EngineError> {
        let result = self.each("deploy", |block| block.deploy_contract(deployer, wasm, init_payload, gas_limit));
        if let Ok(deployed) = &result {
            self.twin.see(deployed.contract_id);
        }
        result
    }

    /// [`NodeBlock::execute_contract_call`] on each.
    pub fn execute_contract_call(
        &mut self,
        sender: Address,
        contract_id: ContractId,
        method: &str,
        payload: &[u8],
        value: u64,
        gas_limit: u64,
    ) -> Result<ContractExecutionResult, EngineError> {
        self.twin.see(contract_id);
        self.each(method, |block| block.execute_contract_call(sender, contract_id, method, payload, value, gas_limit))
    }

    /// [`NodeBlock::query_contract`] on each.
    pub fn query_contract(
        &mut self,
        sender: Address,
        contract_id: ContractId,
        method: &str,
        payload: &[u8],
        gas_cap: u64,
    ) -> Result<ContractExecutionResult, EngineError> {
        self.each(method, |block| block.query_contract(sender, contract_id, method, payload, gas_cap))
    }

    /// [`NodeBlock::commit`] on each, then compares the states.
    pub fn commit(self) -> Result<(), EngineError> {
        let twin = self.twin;
        agree("commit", self.sessions.map(NodeBlock::commit))?;
        twin.check_state();
        Ok(())
    }

    /// [`NodeBlock::abort`] on each.
    pub fn abort(self) {
        for session in self.sessions {
            session.abort();
        }
    }
}
