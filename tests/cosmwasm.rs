//! CosmWasm contracts of the shared corpus (compiled elsewhere: serde, cosmwasm-std, dlmalloc),
//! instrumented under the permissive policy and run through `baals_bench::cosmwasm`'s harness
//! of their host API: each call answers exactly what the unmetered contract answers, uses the
//! same gas from the same state, and runs out of gas with one unit less. Among them,
//! `hackatom_1.0` and `ibc_reflect` have bodies over 20 KiB, whose callees take the counters
//! from the globals.

use baals_bench::cosmwasm::{self, Call, Contract, Host, WORKLOADS};
use baals_instrument::{GAS_GLOBAL, gas_counter, gas_left, instrument};
use baals_policy::Policy;
use wasmtime::{Engine, Global, Module, Store, Val};

const AMPLE: i64 = 1 << 40;

/// A contract instance, with its gas counter when it is instrumented.
struct Run {
    store: Store<Host>,
    contract: Contract,
    gas: Option<Global>,
}

impl Run {
    fn new(engine: &Engine, module: &Module, metered: bool) -> Run {
        let linker = cosmwasm::linker(engine, module).unwrap();
        let mut store = Store::new(engine, Host::default());
        let instance = linker.instantiate(&mut store, module).unwrap();
        let gas = metered.then(|| {
            baals_bench::set_counters(&mut store, &instance).unwrap();
            instance.get_global(&mut store, GAS_GLOBAL).unwrap()
        });
        let contract = Contract::new(&mut store, instance).unwrap();
        let mut run = Run { store, contract, gas };
        run.set_gas(AMPLE);
        run
    }

    fn set_gas(&mut self, gas: i64) {
        if let Some(global) = self.gas {
            global.set(&mut self.store, Val::I64(gas_counter(gas))).unwrap();
        }
    }

    fn gas_left(&mut self) -> i64 {
        gas_left(self.gas.unwrap().get(&mut self.store).unwrap_i64())
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
