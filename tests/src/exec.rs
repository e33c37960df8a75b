//! Running instrumented modules on wasmtime the way the engine does: set the counters, run
//! `baals_start` if there is one, call an export, and read the outcome from the counters.

use baals_bench::Counted;
use baals_instrument::protocol::{self, Limits, Metered};
use baals_instrument::{Instrumented, START_EXPORT, TRAP_LIMIT_EXPORT};
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
    /// then calls `export` with `args`: the counter protocol (`baals_instrument::protocol`).
    pub fn call(&self, module: &Module, policy: &Policy, export: &str, args: &[Val], gas: u64) -> Outcome {
        let mut store = Store::new(&self.engine, ());
        let instance = self.linker.instantiate(&mut store, module).expect("instantiation");
        let mut running = Running { store: &mut store, instance, args, results: Vec::new() };
        let limits = Limits { gas, stack: policy.stack().max_height as u32 };
        let ran = protocol::now(protocol::run(&mut running, export, limits));
        let results = std::mem::take(&mut running.results);
        let trap_uses_limit = instance.get_global(&mut store, TRAP_LIMIT_EXPORT).is_some();
        match ran.metered(gas) {
            Metered::OutOfGas => Outcome { status: Status::OutOfGas, gas_used: gas },
            Metered::Returned { gas_used } => Outcome { status: Status::Returned(results), gas_used },
            Metered::Failed { failure, gas_used, stack_exhausted } => {
                let status = match failure {
                    _ if stack_exhausted => Status::StackLimit,
                    protocol::Failure::Failed(error) => Status::Trap(format!("{error:#}")),
                    other => panic!("{export}: {other:?}"),
                };
                Outcome { status, gas_used: protocol::trap_gas(gas, gas_used, trap_uses_limit) }
            }
        }
    }
}

/// An instance as the counter protocol drives it: the export is called with `args`, its
/// results kept.
struct Running<'s> {
    store: &'s mut Store<()>,
    instance: Instance,
    args: &'s [Val],
    results: Vec<Val>,
}

impl protocol::Instance for Running<'_> {
    type Error = wasmtime::Error;

    fn set_counters(&mut self, gas: i64, stack: i32) -> bool {
        Counted { store: &mut *self.store, instance: self.instance }.set_counters(gas, stack)
    }

    fn counters(&mut self) -> Option<(i64, i32)> {
        Counted { store: &mut *self.store, instance: self.instance }.counters()
    }

    async fn call(&mut self, name: &str) -> Option<Result<(), wasmtime::Error>> {
        let func = self.instance.get_func(&mut *self.store, name)?;
        if name == START_EXPORT {
            return Some(func.call(&mut *self.store, &[], &mut []));
        }
        let mut results = vec![Val::I32(0); func.ty(&*self.store).results().len()];
        let called = func.call(&mut *self.store, self.args, &mut results);
        self.results = results;
        Some(called)
    }
}
