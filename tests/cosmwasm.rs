//! CosmWasm contracts of the shared corpus (compiled elsewhere: serde, cosmwasm-std, dlmalloc),
//! instrumented under the permissive policy and run through `baals_bench::cosmwasm`'s harness
//! of their host API: each call answers exactly what the unmetered contract answers, uses the
//! same gas from the same state, and runs out of gas with one unit less. Among them,
//! `hackatom_1.0` and `ibc_reflect` have bodies over 20 KiB, whose callees take the counters
//! from the globals.

use baals_bench::Counted;
use baals_bench::cosmwasm::{self, Call, Contract, Host, WORKLOADS};
use baals_instrument::instrument;
use baals_instrument::protocol::{self, Limits};
use baals_policy::Policy;
use wasmtime::{Engine, Module, Store};

const AMPLE: i64 = 1 << 40;

/// A contract instance, with its gas counter when it is instrumented.
struct Run {
    store: Store<Host>,
    contract: Contract,
    /// The instance, when it is instrumented: the counter protocol reaches its counters.
    metered: Option<wasmtime::Instance>,
}

impl Run {
    fn new(engine: &Engine, module: &Module, metered: bool) -> Run {
        let linker = cosmwasm::linker(engine, module).unwrap();
        let mut store = Store::new(engine, Host::default());
        let instance = linker.instantiate(&mut store, module).unwrap();
        let metered = metered.then_some(instance);
        let contract = Contract::new(&mut store, instance).unwrap();
        let mut run = Run { store, contract, metered };
        run.set_gas(AMPLE);
        run
    }

    fn set_gas(&mut self, gas: i64) {
        if let Some(instance) = self.metered {
            let limits =
                Limits { gas: gas as u64, stack: baals_policy::Policy::permissive().stack().max_height as u32 };
            assert!(protocol::set_counters(&mut Counted { store: &mut self.store, instance }, limits));
        }
    }

    fn gas_left(&mut self) -> i64 {
        let instance = self.metered.expect("a metered run");
        protocol::read_counters(&mut Counted { store: &mut self.store, instance }).expect("counters").0
    }

    /// Makes `call`, which must succeed, and returns its result.
    fn call(&mut self, call: Call) -> Vec<u8> {
        self.contract.call_ok(&mut self.store, call).unwrap()
    }
}

#[test]
fn contracts_answer_as_unmetered_with_exact_gas() {
    let engine = Engine::default();
    for workload in WORKLOADS {
        let wasm = std::fs::read(workload.module_path().unwrap()).unwrap();
        let instrumented = instrument(&wasm, &Policy::permissive()).unwrap();
        let plain = Module::new(&engine, &wasm).unwrap();
        let metered = Module::new(&engine, &instrumented.wasm).unwrap();
        let name = format!("{} {}", workload.contract, workload.what);

        let mut unmetered = Run::new(&engine, &plain, false);
        for call in workload.setup {
            unmetered.call(*call);
        }
        let expected = unmetered.call(workload.call);
        // A call's gas depends on the instance's history (the allocator's first call grows
        // memory): each run starts from a fresh instance with the same set-up.
        let set_up = || {
            let mut run = Run::new(&engine, &metered, true);
            for call in workload.setup {
                run.call(*call);
            }
            run.set_gas(AMPLE);
            run
        };
        let mut first = set_up();
        assert_eq!(first.call(workload.call), expected, "{name}");
        let gas = AMPLE - first.gas_left();
        let mut second = set_up();
        assert_eq!(second.call(workload.call), expected, "{name}: again");
        assert_eq!(AMPLE - second.gas_left(), gas, "{name}: the same gas again");

        // With exactly the gas it needs the call succeeds, no gas left; with one unit less
        // the gas left ends negative, which the runtime reads as out of gas (whether a
        // check trapped, or the charges after the last check took it below zero).
        let mut exact = set_up();
        exact.set_gas(gas);
        assert_eq!(exact.call(workload.call), expected, "{name} with {gas} gas");
        assert_eq!(exact.gas_left(), 0, "{name}");
        let mut short = set_up();
        short.set_gas(gas - 1);
        let _ = short.contract.call(&mut short.store, workload.call);
        assert!(short.gas_left() < 0, "{name} with {} gas: not out of gas", gas - 1);
    }
}
