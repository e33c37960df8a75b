//! A node: an engine and the storage it commits its blocks to, with one-line operations for
//! tests (deploy in a block of its own, call in a block of its own, read committed state). Each
//! is the engine's typed API in a few lines: [`ContractEngine::commit_block`] with one request,
//! a [`Block`] over a snapshot for a query, a [`StateView`] for reads.

use baals_abi::Abi;
use baals_policy::Policy;
use baals_runtime::{
    Address, Block, BlockContext, Call, ContractAccount, ContractEngine, ContractExecutionResult, ContractId, Deploy,
    DeployResult, EngineConfig, EngineError, Entries, Query, StateView, Storage, StoredEvent,
};

/// An engine over a storage.
#[derive(Debug)]
pub struct Node<S: Storage> {
    engine: ContractEngine,
    storage: S,
}

impl<S: Storage> Node<S> {
    /// An engine under `policy` over `storage`.
    pub fn new(storage: S, policy: Policy) -> Node<S> {
        Node::with_config(storage, policy, EngineConfig::default())
    }

    /// An engine with `config` over `storage`.
    pub fn with_config(storage: S, policy: Policy, config: EngineConfig) -> Node<S> {
        Node { engine: ContractEngine::with_config(policy, config).unwrap(), storage }
    }

    /// The engine.
    pub fn engine(&self) -> &ContractEngine {
        &self.engine
    }

    /// The storage.
    pub fn storage(&self) -> &S {
        &self.storage
    }

    /// The policy.
    pub fn policy(&self) -> &Policy {
        self.engine.policy()
    }

    /// Deploys in a block of its own.
    pub fn deploy_contract(
        &self,
        ctx: BlockContext,
        deployer: Address,
        wasm: &[u8],
        input: &[u8],
        gas_limit: u64,
    ) -> Result<DeployResult, EngineError> {
        self.deploy_contract_with_abi(ctx, deployer, wasm, None, input, gas_limit)
    }

    /// Deploys with an ABI beside the module, in a block of its own.
    pub fn deploy_contract_with_abi(
        &self,
        ctx: BlockContext,
        deployer: Address,
        wasm: &[u8],
        abi: Option<&str>,
        input: &[u8],
        gas_limit: u64,
    ) -> Result<DeployResult, EngineError> {
        let deploy = Deploy { deployer, wasm, abi, input, gas_limit };
        Ok(self.engine.commit_block(&self.storage, ctx, |block| block.deploy(&deploy))?.0)
    }

    /// Calls in a block of its own.
    #[allow(clippy::too_many_arguments)]
    pub fn execute_contract_call(
        &self,
        ctx: BlockContext,
        sender: Address,
        contract: ContractId,
        method: &str,
        input: &[u8],
        value: u64,
        gas_limit: u64,
    ) -> Result<ContractExecutionResult, EngineError> {
        let call = Call { sender, contract, method, input, value, gas_limit };
        Ok(self.engine.commit_block(&self.storage, ctx, |block| block.call(&call))?.0)
    }

    /// Queries committed state.
    pub fn query_contract(
        &self,
        ctx: BlockContext,
        sender: Address,
        contract: ContractId,
        method: &str,
        input: &[u8],
        gas_limit: u64,
    ) -> Result<ContractExecutionResult, EngineError> {
        let query = Query { sender, contract, method, input, gas_limit };
        self.engine.block(ctx, self.storage.read()?).query(&query)
    }

    fn view<T>(
        &self,
        read: impl FnOnce(StateView<'_>) -> Result<T, baals_runtime::StorageError>,
    ) -> Result<T, EngineError> {
        let snapshot = self.storage.read()?;
        Ok(read(StateView::new(&snapshot))?)
    }

    /// [`StateView::account`] of committed state.
    pub fn contract(&self, id: &ContractId) -> Result<Option<ContractAccount>, EngineError> {
        self.view(|view| view.account(id))
    }

    /// [`StateView::balance`] of committed state.
    pub fn balance(&self, address: &Address) -> Result<u64, EngineError> {
        self.view(|view| view.balance(address))
    }

    /// [`StateView::storage_value`] of committed state.
    pub fn storage_value(&self, contract: &ContractId, key: &[u8]) -> Result<Option<Vec<u8>>, EngineError> {
        self.view(|view| view.storage_value(contract, key))
    }

    /// [`StateView::storage_entries`] of committed state.
    pub fn storage_entries(&self, contract: &ContractId) -> Result<Entries, EngineError> {
        self.view(|view| view.storage_entries(contract))
    }

    /// [`StateView::events`] of committed state.
    pub fn events(&self, contract: &ContractId) -> Result<Vec<StoredEvent>, EngineError> {
        self.view(|view| view.events(contract))
    }

    /// [`StateView::nonce`] of committed state.
    pub fn nonce(&self, deployer: &Address) -> Result<u64, EngineError> {
        self.view(|view| view.nonce(deployer))
    }

    /// [`StateView::latest_height`] of committed state.
    pub fn latest_height(&self) -> Result<Option<u64>, EngineError> {
        self.view(|view| view.latest_height())
    }

    /// [`StateView::abi`] of committed state.
    pub fn contract_abi(&self, id: &ContractId) -> Result<Option<Abi>, EngineError> {
        self.view(|view| view.abi(id))
    }

    /// A block over a write transaction of the storage, which [`NodeBlock::commit`] commits.
    pub fn begin_block(&self, ctx: BlockContext) -> Result<NodeBlock<'_, S>, EngineError> {
        Ok(NodeBlock { block: self.engine.block(ctx, self.storage.write()?), storage: &self.storage })
    }
}

/// A block of a [`Node`], with positional shorthands for its requests.
pub struct NodeBlock<'n, S: Storage> {
    block: Block<'n, S::Txn>,
    storage: &'n S,
}

impl<S: Storage> std::fmt::Debug for NodeBlock<'_, S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.block.fmt(f)
    }
}

impl<'n, S: Storage> NodeBlock<'n, S> {
    /// The block.
    pub fn block(&mut self) -> &mut Block<'n, S::Txn> {
        &mut self.block
    }

    /// [`Block::credit`].
    pub fn credit(&mut self, address: &Address, amount: u64) -> Result<u64, EngineError> {
        self.block.credit(address, amount)
    }

    /// [`Block::deploy`].
    pub fn deploy_contract(
        &mut self,
        deployer: Address,
        wasm: &[u8],
        input: &[u8],
        gas_limit: u64,
    ) -> Result<DeployResult, EngineError> {
        self.block.deploy(&Deploy::new(deployer, wasm, gas_limit).with_input(input))
    }

    /// [`Block::call`].
    pub fn execute_contract_call(
        &mut self,
        sender: Address,
        contract: ContractId,
        method: &str,
        input: &[u8],
        value: u64,
        gas_limit: u64,
    ) -> Result<ContractExecutionResult, EngineError> {
        self.block.call(&Call { sender, contract, method, input, value, gas_limit })
    }

    /// [`Block::query`].
    pub fn query_contract(
        &mut self,
        sender: Address,
        contract: ContractId,
        method: &str,
        input: &[u8],
        gas_limit: u64,
    ) -> Result<ContractExecutionResult, EngineError> {
        self.block.query(&Query { sender, contract, method, input, gas_limit })
    }

    /// Finishes the block, writes its changes and commits them.
    pub fn commit(self) -> Result<(), EngineError> {
        let (changes, mut txn) = self.block.finish()?;
        changes.write_to(&mut txn)?;
        Ok(self.storage.commit(txn)?)
    }

    /// Drops the block's changes.
    pub fn abort(self) {}
}
