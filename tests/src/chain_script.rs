//! A deterministic chain for crash tests: block `n` is a pure function of `n`, so a database
//! killed at any point can be compared with a replay of the blocks it claims to hold.

use baals_runtime::{
    Address, BlockContext, Call, ContractEngine, ContractId, Deploy, EngineError, ExecutionStatus, Storage,
};

/// The account that deploys and calls.
pub const DEPLOYER: Address = Address([0xde; 32]);

/// The gas limit of every deployment and call: above what any needs under the default
/// schedule.
const GAS: u64 = 1 << 40;

/// The key under which each block records its height.
pub const HEIGHT_KEY: &[u8] = b"height";

fn probe() -> Vec<u8> {
    crate::wat(&std::fs::read_to_string(crate::workspace_root().join("tests/contracts/probe.wat")).unwrap())
}

/// The probe contract of `tests/contracts/probe.wat`, deployed in block 1.
pub fn probe_id() -> ContractId {
    baals_runtime::contract_id(&DEPLOYER, 0, &baals_instrument::CodeHash::of(&probe()))
}

fn set(key: &[u8], value: &[u8]) -> Vec<u8> {
    let mut input = vec![key.len() as u8];
    input.extend_from_slice(key);
    input.extend_from_slice(value);
    input
}

/// Builds and commits block `height` (1 deploys the probe; later blocks write, overwrite and
/// remove keys, emit events, and include a failing call).
pub fn commit_block(
    engine: &ContractEngine,
    storage: &impl Storage,
    height: u64,
) -> Result<baals_runtime::BlockChanges, EngineError> {
    let ctx = BlockContext { height, timestamp: 1_000 + height };
    Ok(engine.commit_block(storage, ctx, |block| run_block(block, height))?.1)
}

/// Runs block `height`'s requests (see [`commit_block`]).
pub fn run_block<S: baals_runtime::ReadTxn>(
    block: &mut baals_runtime::Block<'_, S>,
    height: u64,
) -> Result<(), EngineError> {
    if height == 1 {
        let wasm = probe();
        let deployed = block.deploy(&Deploy::new(DEPLOYER, &wasm, GAS))?;
        assert_eq!(deployed.status, ExecutionStatus::Success);
        return Ok(());
    }
    let id = probe_id();
    let h = height.to_le_bytes();
    let calls: [(&str, Vec<u8>); 5] = [
        ("set", set(HEIGHT_KEY, &h)),
        ("set", set(format!("k{}", height % 7).as_bytes(), &h)),
        ("remove", format!("k{}", (height + 3) % 7).into_bytes()),
        ("emit", set(b"block", &h)),
        ("write_then_trap", Vec::new()),
    ];
    for (method, input) in calls {
        block.call(&Call::new(DEPLOYER, id, method, GAS).with_input(&input))?;
    }
    Ok(())
}
