//! The calibration harness's kernels run under the shipped policies, each at its smallest size:
//! every one ends as it must (a kernel whose calls fail would measure nothing), charges gas
//! for its work, and the proposal prices every key a kernel measures.

use baals_bench::calibrate::propose::{Target, propose};
use baals_bench::calibrate::{Measured, Price, Setup, kernels};
use baals_policy::Policy;

fn run_all(policy: &Policy, name: &str) -> Vec<Measured> {
    let dir = std::env::temp_dir().join(format!("baals-calibrate-test-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let setup = Setup { dir: &dir, policy, state_keys: 1_000 };
    let mut kernels = kernels(&setup).unwrap();
    let mut measured = Vec::new();
    for kernel in &mut kernels {
        let size = kernel.start.min(kernel.max / 2).max(1);
        let small = kernel.run(size).unwrap_or_else(|e| panic!("{}: {e}", kernel.name));
        let large = kernel.run(2 * size).unwrap_or_else(|e| panic!("{}: {e}", kernel.name));
        assert!(small.ops > 0 && large.ops > small.ops, "{}: {} then {} operations", kernel.name, small.ops, large.ops);
        assert!(large.gas > small.gas, "{}: {} then {} gas", kernel.name, small.gas, large.gas);
        let ops = (large.ops - small.ops) as f64;
        measured.push(Measured {
            name: kernel.name.clone(),
            op: kernel.op.clone(),
            price: kernel.price,
            sizes: (size, 2 * size),
            gas_per_op: (large.gas - small.gas) as f64 / ops,
            // What the proposal is checked with: a time per operation, whatever this machine's.
            ns_per_op: 100.0,
            ns_per_op_range: (100.0, 100.0),
        });
    }
    drop(kernels);
    std::fs::remove_dir_all(&dir).unwrap();
    measured
}

#[test]
fn every_kernel_runs_and_charges_for_its_work() {
    let policy = Policy::default_policy();
    let measured = run_all(&policy, "default");
    // Every cost class and every host function is measured.
    let names: Vec<&str> = measured.iter().map(|m| m.name.as_str()).collect();
    for prefix in [
        "control.",
        "branch.",
        "call.",
        "local.",
        "global.",
        "const.",
        "load.",
        "store.",
        "int.",
        "int-mul.",
        "int-div.",
        "bulk.",
        "table.",
        "reference.",
        "memory.",
        "host.",
        "storage.",
        "nested.",
        "deploy.",
        "failure.",
    ] {
        assert!(names.iter().any(|n| n.starts_with(prefix)), "no kernel {prefix}*");
    }
    for function in baals_policy::HostFunction::ALL {
        let priced = measured.iter().any(|m| matches!(m.price, Price::HostBase(f) if f == function));
        assert!(priced, "{function}: no kernel measures its base");
    }
    // At 100 ns an operation, 10^10 gas per second and no margin, each operation must cost
    // 1,000 gas: every kind of price gets a proposal.
    let target = Target { gas_per_second: 1e10, margin: 1.0 };
    let proposals = propose(&measured, &policy, target);
    for key in [
        "calls.base",
        "calls.input-byte",
        "deploy.base",
        "deploy.per-byte",
        "deploy.per-function",
        "memory.grow-page-cost",
        "bulk.memory-fill-byte",
        "costs.class.int-div",
        "costs.if",
        "host.baals_storage_write.base",
        "host.baals_emit_event.per-byte",
    ] {
        assert!(proposals.iter().any(|p| p.key == key), "{key}: {proposals:?}");
    }
}

#[test]
fn float_kernels_run_where_the_policy_allows_floats() {
    let text = baals_policy::DEFAULT_POLICY_TOML.replace("floats = \"deny\"", "floats = \"canonicalize-nan\"");
    let measured = run_all(&Policy::from_toml(&text).unwrap(), "floats");
    assert_eq!(measured.iter().filter(|m| m.name.starts_with("float.")).count(), 3);
}
