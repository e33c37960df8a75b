//! Running instrumented modules on wasmtime the way the engine does: set the counters, run
//! `baals_start` if there is one, call an export, and read the outcome from the counters.

use baals_instrument::{
    GAS_GLOBAL, Instrumented, STACK_GLOBAL, START_EXPORT, TRAP_LIMIT_EXPORT, gas_counter, gas_left, stack_counter,
    stack_left,
};
use baals_policy::Policy;
use wasmtime::{Engine, Instance, Linker, Module, Store, Val};

/// How a metered call ended. Out of gas and the stack limit are read from the exported
/// counters alone; other traps are the contract's.
#[derive(Clone, Debug)]
pub enum Status {
    /// Returned normally, with these results.
    Returned(Vec<Val>),
    /// The gas left went negative.
    OutOfGas,
    /// The stack units left went negative.
    StackLimit,
    /// Any other trap (the engine's message).
    Trap(String),
}

impl Status {
    /// Whether the call returned normally.
    pub fn returned(&self) -> bool {
        matches!(self, Status::Returned(_))
    }

    /// The i32 result of a call that returned one.
    pub fn i32(&self) -> Option<i32> {
        match self {
            Status::Returned(values) => values.first().and_then(Val::i32),
            _ => None,
        }
    }
}

/// The outcome of a call: its status and the gas it used (`docs/gas.md`).
#[derive(Clone, Debug)]
pub struct Outcome {
    /// How the call ended.
    pub status: Status,
    /// Gas used: the limit minus what is left, or the whole limit when out of gas, and when
    /// the call trapped under a policy whose traps use the limit.
    pub gas_used: u64,
}

/// One engine and linker for the tests of a binary.
#[allow(missing_debug_implementations)] // wasmtime's Linker has no Debug
pub struct Runner {
    engine: Engine,
    linker: Linker<()>,
}

impl Default for Runner {
    fn default() -> Self {
        let engine = Engine::default();
        let linker = Linker::new(&engine);
        Runner { engine, linker }
    }
}

impl Runner {
    /// The runner's engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The runner's linker, for modules with imports.
    pub fn linker_mut(&mut self) -> &mut Linker<()> {
        &mut self.linker
    }

    /// Compiles an instrumented module.
    pub fn compile(&self, instrumented: &Instrumented) -> Module {
        Module::new(&self.engine, &instrumented.wasm).expect("instrumented modules compile")
    }

    /// Instantiates `module`, gives it `gas` and the policy's stack, runs `baals_start` if any,
    /// then calls `export` with `args`.
    pub fn call(&self, module: &Module, policy: &Policy, export: &str, args: &[Val], gas: u64) -> Outcome {
        let mut store = Store::new(&self.engine, ());
        let instance = self.linker.instantiate(&mut store, module).expect("instantiation");
        let set = |store: &mut Store<()>, name: &str, value: Val| {
            let global = instance.get_global(&mut *store, name).expect("counter exported");
            global.set(store, value).expect("counter is a mutable global of the right type");
        };
        set(&mut store, GAS_GLOBAL, Val::I64(gas_counter(gas as i64)));
        set(&mut store, STACK_GLOBAL, Val::I32(stack_counter(policy.stack().max_height as i32)));
        let mut result = Ok(Vec::new());
        if let Some(start) = instance.get_func(&mut store, START_EXPORT) {
            result = start.call(&mut store, &[], &mut []).map(|()| Vec::new());
        }
        if result.is_ok() {
            result = call_export(&mut store, &instance, export, args);
        }
        outcome(&mut store, &instance, gas, result)
    }
}

fn call_export(store: &mut Store<()>, instance: &Instance, export: &str, args: &[Val]) -> wasmtime::Result<Vec<Val>> {
    let func = instance.get_func(&mut *store, export).expect("export exists");
    let mut results = vec![Val::I32(0); func.ty(&*store).results().len()];
    func.call(&mut *store, args, &mut results)?;
    Ok(results)
}

/// Reads the counters: they alone say whether gas or stack ran out. A trap uses the whole
/// limit where the module exports [`TRAP_LIMIT_EXPORT`].
pub fn outcome(store: &mut Store<()>, instance: &Instance, gas: u64, result: wasmtime::Result<Vec<Val>>) -> Outcome {
    let gas_left =
        gas_left(instance.get_global(&mut *store, GAS_GLOBAL).expect("gas counter").get(&mut *store).unwrap_i64());
    let stack_left = stack_left(
        instance.get_global(&mut *store, STACK_GLOBAL).expect("stack counter").get(&mut *store).unwrap_i32(),
    );
    if gas_left < 0 {
        return Outcome { status: Status::OutOfGas, gas_used: gas };
    }
    let gas_used = gas - gas_left as u64;
    let status = match result {
        Ok(values) => Status::Returned(values),
        Err(_) if stack_left < 0 => Status::StackLimit,
        Err(error) => Status::Trap(format!("{error:#}")),
    };
    let trap_uses_limit = instance.get_global(&mut *store, TRAP_LIMIT_EXPORT).is_some();
    let gas_used = if status.returned() || !trap_uses_limit { gas_used } else { gas };
    Outcome { status, gas_used }
}
