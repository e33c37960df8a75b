//! The adversarial kernels: each fills blocks with one kind of work, at a size the harness
//! chooses, and says which price of the policy that work is charged under.

use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;

use baals_policy::{FloatMode, HostFunction, Policy};
use baals_runtime::{Call, ContractId, Deploy, EngineConfig, Table};
use ed25519_dalek::{Signer, SigningKey};

use super::Error;
use super::chain::{Chain, DEPLOYER, Expect, GAS, Sample, expect};
use super::wat::{DeployShape, LCG, Loop, deploy_module, deploy_module_text, escaped, methods, touch};

/// The policy value a kernel's work is charged under, which `--propose` re-derives from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Price {
    /// An instruction's price: a class of `[costs]` (`int`), or an opcode of `[costs.opcodes]`
    /// when `class` is `None`. `opcode` is one instruction it prices, `count` how many of it
    /// one operation of the kernel executes.
    Instruction {
        /// The class, or `None` for an opcode's own price.
        class: Option<&'static str>,
        /// An instruction of the class (or the opcode).
        opcode: &'static str,
        /// How many one operation executes.
        count: u64,
    },
    /// A per-unit price (`bulk.memory-fill-byte`, `memory.grow-page-cost`), `units` per
    /// operation.
    Unit {
        /// `bulk.*` without the section, or `memory.grow-page-cost`.
        key: &'static str,
        /// Units per operation.
        units: u64,
    },
    /// A host function's `base`.
    HostBase(HostFunction),
    /// A host function's `per-byte`, `bytes` metered per operation.
    HostByte(HostFunction, u64),
    /// A price of `[calls]` or `[deploy]` (`calls.base`, `deploy.per-byte`), `count` per
    /// operation.
    Key {
        /// The key with its section.
        key: &'static str,
        /// Units per operation.
        count: u64,
    },
    /// Measured to bound the schedule, priced through other kernels' values.
    Bound,
}

/// One kernel: its name, what it does, what it prices, and how to run a block of it.
pub struct Kernel {
    /// Its name in the report: `group.what`.
    pub name: String,
    /// What one operation is.
    pub op: String,
    /// The price its work is charged under.
    pub price: Price,
    /// The first size the harness tries.
    pub start: u64,
    /// The largest size it may ask for.
    pub max: u64,
    /// How many times the harness's target a large block's extra time must reach: more for
    /// kernels whose fixed cost varies much (a contract that touches its whole memory first).
    pub scale: u32,
    run: Box<dyn FnMut(u64) -> Result<Sample, Error>>,
}

impl std::fmt::Debug for Kernel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kernel").field("name", &self.name).field("price", &self.price).finish_non_exhaustive()
    }
}

impl Kernel {
    /// One block of `size`: its time, gas and operations.
    pub fn run(&mut self, size: u64) -> Result<Sample, Error> {
        (self.run)(size)
    }
}

type Shared = Rc<RefCell<Chain>>;

/// The input of a loop contract: the iteration count, a salt that differs on every sample,
/// and `extra` bytes (a kernel's large input).
fn loop_input(n: u64, salt: u32, extra: usize) -> Vec<u8> {
    let mut input = Vec::with_capacity(8 + extra);
    input.extend_from_slice(&(n as u32).to_le_bytes());
    input.extend_from_slice(&salt.to_le_bytes());
    input.resize(8 + extra, 0);
    input
}

/// How a loop kernel runs: deploy its contract once, then each sample is a block of calls of
/// `run`, at most `per_call` iterations each.
struct LoopRun {
    chain: Shared,
    id: ContractId,
    ops_per_iteration: u64,
    per_call: u64,
    extra_input: usize,
    expect: Expect,
    salt: u32,
}

impl LoopRun {
    fn sample(&mut self, size: u64) -> Result<Sample, Error> {
        let mut calls = Vec::new();
        let mut left = size;
        while left > 0 {
            let n = left.min(self.per_call);
            self.salt = self.salt.wrapping_add(1);
            calls.push(loop_input(n, self.salt, self.extra_input));
            left -= n;
        }
        let (id, expected) = (self.id, self.expect);
        let ops = size * self.ops_per_iteration;
        self.chain.borrow_mut().block(|block| {
            let mut gas = 0;
            for input in &calls {
                let result = block.call(&Call::new(DEPLOYER, id, "run", GAS).with_input(input))?;
                expect(&result.status, expected, "run")?;
                gas += result.gas_used;
            }
            Ok((gas, ops))
        })
    }
}

/// What the harness builds kernels with.
pub struct Setup<'a> {
    /// Where the chains' files go.
    pub dir: &'a Path,
    /// The policy under test.
    pub policy: &'a Policy,
    /// Keys in the large state that storage kernels read and write (10^6 for a calibration).
    pub state_keys: u64,
}

impl std::fmt::Debug for Setup<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Setup").field("dir", &self.dir).field("state_keys", &self.state_keys).finish_non_exhaustive()
    }
}

/// Values of 64 KiB in the large state: `LARGE_VALUES` of them, after the small ones.
const LARGE_VALUE: usize = 64 << 10;
const LARGE_VALUES: u64 = 256;

/// The largest memory the policy allows, in bytes: what the kernels that roam over memory
/// roam over.
fn memory_bytes(policy: &Policy) -> u64 {
    policy.memory().max_pages << 16
}

struct Builder<'a> {
    setup: &'a Setup<'a>,
    chain: Shared,
    kernels: Vec<Kernel>,
}

impl Builder<'_> {
    #[allow(clippy::too_many_arguments)]
    fn looped_on(
        &mut self,
        chain: &Shared,
        name: &str,
        op: &str,
        price: Price,
        contract: &Loop,
        ops_per_iteration: u64,
        per_call: u64,
        extra_input: usize,
        expect: Expect,
        start: u64,
    ) -> Result<(), Error> {
        let id = chain.borrow_mut().deploy(&contract.wasm())?;
        self.looped_id(chain, id, name, op, price, ops_per_iteration, per_call, extra_input, expect, start);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn looped_id(
        &mut self,
        chain: &Shared,
        id: ContractId,
        name: &str,
        op: &str,
        price: Price,
        ops_per_iteration: u64,
        per_call: u64,
        extra_input: usize,
        expect: Expect,
        start: u64,
    ) {
        let mut run =
            LoopRun { chain: Rc::clone(chain), id, ops_per_iteration, per_call, extra_input, expect, salt: 0 };
        self.kernels.push(Kernel {
            name: name.to_string(),
            op: op.to_string(),
            price,
            start,
            max: u64::from(u32::MAX) / ops_per_iteration.max(1),
            scale: 1,
            run: Box::new(move |size| run.sample(size)),
        });
    }

    /// A loop kernel on the main chain, every iteration one call's worth.
    fn looped(
        &mut self,
        name: &str,
        op: &str,
        price: Price,
        contract: Loop,
        ops_per_iteration: u64,
    ) -> Result<(), Error> {
        // A contract that touches its whole memory first has a fixed cost of milliseconds
        // that varies by as much as the target: its difference must be larger.
        let scale = if contract.setup.contains("$tl") { 6 } else { 1 };
        let chain = Rc::clone(&self.chain);
        self.looped_on(&chain, name, op, price, &contract, ops_per_iteration, u64::MAX, 0, Expect::Success, 64)?;
        if let Some(kernel) = self.kernels.last_mut() {
            kernel.scale = scale;
        }
        Ok(())
    }

    /// A kernel whose operation is a top-level call: each sample is a block of `size` calls of
    /// `method`, each with an input of `input_len` bytes that starts with a salt new on every
    /// call.
    #[allow(clippy::too_many_arguments)]
    fn calls(
        &mut self,
        name: &str,
        op: &str,
        price: Price,
        id: ContractId,
        method: &'static str,
        input_len: usize,
        ops_per_call: u64,
        expected: Expect,
    ) {
        let chain = Rc::clone(&self.chain);
        let mut salt = 0u64;
        self.kernels.push(Kernel {
            name: name.to_string(),
            op: op.to_string(),
            price,
            start: 16,
            max: 1 << 20,
            scale: 1,
            run: Box::new(move |size| {
                let inputs: Vec<Vec<u8>> = (0..size)
                    .map(|_| {
                        salt += 1;
                        salt.to_le_bytes().into_iter().chain(std::iter::repeat(0)).take(input_len).collect()
                    })
                    .collect();
                chain.borrow_mut().block(|block| {
                    let mut gas = 0;
                    for input in &inputs {
                        let result = block.call(&Call::new(DEPLOYER, id, method, GAS).with_input(input))?;
                        expect(&result.status, expected, method)?;
                        gas += result.gas_used;
                    }
                    Ok((gas, size * ops_per_call))
                })
            }),
        });
    }
}

/// `n` copies of the class instruction kernels' operand `$b`, refreshed every iteration so
/// that cranelift cannot fold the operations into constants.
const EACH_B: &str = "(local.set $b (i64.or (i64.extend_i32_u (local.get $n)) (i64.const 0x100000001)))";

/// Sets `$q` to 0 from memory the compiler cannot see into (bytes 8..12 are never written).
const UNSEEN_ZERO: &str = "(local.set $q (i32.load (i32.const 8)))";

fn instruction(class: &'static str, opcode: &'static str, count: u64) -> Price {
    Price::Instruction { class: Some(class), opcode, count }
}

/// An instruction priced on its own (`[costs.opcodes]`), once per operation.
fn opcode(opcode: &'static str) -> Price {
    Price::Instruction { class: None, opcode, count: 1 }
}

/// Every kernel, on chains in `setup.dir`, under `setup.policy`.
pub fn kernels(setup: &Setup<'_>) -> Result<Vec<Kernel>, Error> {
    let policy = setup.policy;
    let chain =
        Rc::new(RefCell::new(Chain::create(&setup.dir.join("main.redb"), policy.clone(), EngineConfig::default())?));
    let mut b = Builder { setup, chain, kernels: Vec::new() };
    instructions(&mut b)?;
    memory_and_tables(&mut b)?;
    calls(&mut b)?;
    host(&mut b)?;
    storage(&mut b)?;
    nested(&mut b)?;
    deployments(&mut b)?;
    failures(&mut b)?;
    Ok(b.kernels)
}

/// The cost classes of `[costs]`, each in its most expensive use.
fn instructions(b: &mut Builder<'_>) -> Result<(), Error> {
    const UNROLL: usize = 16;
    let u = UNROLL as u64;
    // control: a chain of selects on a condition the predictor cannot learn.
    let select = Loop::new(1, UNROLL, |_| {
        "(local.set $a (select (local.get $b) (local.get $a) (i32.wrap_i64 (i64.shr_u (local.get $a) (i64.const 7)))))"
            .into()
    })
    .each(EACH_B);
    b.looped("control.select", "select", opcode("select"), select, u)?;
    // branch: br_if taken at random, and the largest br_table to a random one of 64 targets.
    let br_if = Loop::new(1, UNROLL, |_| {
        format!(
            "{LCG} (block (br_if 0 (i32.wrap_i64 (i64.shr_u (local.get $r) (i64.const 63)))) \
             (local.set $a (i64.add (local.get $a) (local.get $r))))"
        )
    });
    b.looped("branch.br_if_random", "br_if", opcode("br_if"), br_if, u)?;
    let if_random = Loop::new(1, UNROLL, |_| {
        format!(
            "{LCG} (if (i32.wrap_i64 (i64.shr_u (local.get $r) (i64.const 63))) \
             (then (local.set $a (i64.add (local.get $a) (local.get $r)))))"
        )
    });
    b.looped("branch.if_random", "if", opcode("if"), if_random, u)?;
    let targets = b.setup.policy.limits().br_table_targets;
    let br_table = Loop::new(1, 1, |_| {
        let mut text = String::from(LCG);
        text.push_str(&"(block ".repeat(64));
        text.push_str("(br_table");
        for t in 0..targets {
            text.push_str(&format!(" {}", t % 64));
        }
        text.push_str(&format!(
            " 0 (i32.rem_u (i32.wrap_i64 (i64.shr_u (local.get $r) (i64.const 33))) (i32.const {})))",
            targets + 1
        ));
        for k in 0..64 {
            text.push_str(&format!(") (local.set $a (i64.add (local.get $a) (i64.const {k})))"));
        }
        text
    });
    b.looped("branch.br_table_largest", "br_table", opcode("br_table"), br_table, 1)?;
    // call: a function of the module, the smallest, and one with the most parameters.
    let tiny = Loop::new(1, UNROLL, |_| "(local.set $a (call $inc (local.get $a)))".into())
        .fields("(func $inc (param i64) (result i64) (i64.add (local.get 0) (i64.const 1)))");
    b.looped("call.tiny", "call", instruction("call", "call", 1), tiny, u)?;
    let params = b.setup.policy.limits().function_params.min(64);
    let wide_params = " i64".repeat(params as usize);
    let wide_args: String = (0..params).map(|_| " (local.get $a)").collect();
    let wide = Loop::new(1, 4, |_| format!("(local.set $a (call $wide{wide_args}))")).fields(format!(
        "(func $wide (param{wide_params}) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64) \
         (i64.add (local.get 0) (local.get {}))) ",
        params - 1
    ));
    b.looped("call.many_params", "call with 64 parameters", instruction("call", "call", 1), wide, 4)?;
    // call_indirect over the largest table, to one of 64 functions at random.
    let elements = b.setup.policy.limits().table_elements;
    let fields = table_fields(elements);
    let indirect = Loop::new(1, 8, |_| {
        format!(
            "{LCG} (local.set $a (call_indirect $t (type $ft) (local.get $a) \
             (i32.rem_u (i32.wrap_i64 (i64.shr_u (local.get $r) (i64.const 33))) (i32.const {elements}))))"
        )
    })
    .fields(fields.clone());
    b.looped("call.indirect_random", "call_indirect", instruction("call-indirect", "call_indirect", 1), indirect, 8)?;
    // local, global, const.
    let local = Loop::new(1, UNROLL, |_| {
        "(local.set $a (local.get $b)) (local.set $b (local.get $d)) (local.set $d (local.get $a))".into()
    });
    b.looped("local.moves", "3 local.get + 3 local.set", instruction("local", "local.get", 6), local, u)?;
    let global = Loop::new(1, UNROLL, |_| "(global.set $g (i64.add (global.get $g) (local.get $b)))".into())
        .fields("(global $g (mut i64) (i64.const 0))")
        .each(EACH_B);
    b.looped("global.get_set", "global.get + global.set", instruction("global", "global.get", 2), global, u)?;
    let constant =
        Loop::new(1, UNROLL, |k| format!("(local.set $a (i64.add (local.get $a) (i64.const {})))", k * 31 + 7));
    b.looped("const.add", "i64.const", instruction("const", "i64.const", 1), constant, u)?;
    // int, int-mul, int-div: dependent chains, division with its slowest operands.
    const INT: [&str; 8] = ["i64.add", "i64.rotl", "i64.xor", "i64.sub", "i64.shl", "i64.or", "i64.shr_u", "i64.and"];
    let int =
        Loop::new(1, UNROLL, |k| format!("(local.set $a ({} (local.get $a) (local.get $b)))", INT[k % 8])).each(EACH_B);
    b.looped("int.chain", "integer operation", instruction("int", "i64.add", 1), int, u)?;
    for unary in ["i64.popcnt", "i64.clz", "i64.ctz"] {
        let bits =
            Loop::new(1, UNROLL, |_| format!("(local.set $a (i64.xor ({unary} (local.get $a)) (local.get $b)))"))
                .each(EACH_B);
        let name = format!("int.{}", unary.trim_start_matches("i64."));
        b.looped(&name, &format!("{unary} + i64.xor"), opcode(unary), bits, u)?;
    }
    let mul = Loop::new(1, UNROLL, |_| "(local.set $a (i64.mul (local.get $a) (local.get $b)))".into()).each(EACH_B);
    b.looped("int-mul.chain", "i64.mul", instruction("int-mul", "i64.mul", 1), mul, u)?;
    for (opcode, dividend) in
        [("i64.div_u", "-1"), ("i64.rem_s", "-9223372036854775807"), ("i64.div_s", "-9223372036854775807")]
    {
        let div = Loop::new(1, UNROLL, |_| {
            format!(
                "(local.set $a ({opcode} (i64.const {dividend}) \
                 (i64.or (i64.and (local.get $a) (i64.const 0xff)) (i64.const 3))))"
            )
        });
        let name = format!("int-div.{}", opcode.trim_start_matches("i64."));
        b.looped(&name, opcode, instruction("int-div", "i64.div_u", 1), div, u)?;
    }
    // Floats, where the policy allows them: dependent chains of the cheapest and the
    // slowest float instructions (NaN canonicalization, injected after each, included).
    if b.setup.policy.features().floats != FloatMode::Deny {
        let each = "(local.set $fa (f64.convert_i64_u (local.get $b)))";
        let add =
            Loop::new(1, UNROLL, |_| "(local.set $fb (f64.add (local.get $fb) (local.get $fa)))".into()).each(each);
        b.looped("float.add", "f64.add", instruction("float", "f64.add", 1), add, u)?;
        for opcode in ["f64.div", "f64.sqrt"] {
            let body = if opcode == "f64.div" {
                "(local.set $fb (f64.div (local.get $fa) (f64.add (local.get $fb) (f64.const 1.5))))"
            } else {
                "(local.set $fb (f64.add (f64.sqrt (local.get $fb)) (local.get $fa)))"
            };
            let chain = Loop::new(1, UNROLL, |_| body.into()).each(each);
            b.looped(
                &format!("float.{}", opcode.trim_start_matches("f64.")),
                opcode,
                super::kernels::opcode(opcode),
                chain,
                u,
            )?;
        }
    }
    Ok(())
}

/// 64 functions `$t0..$t63` of type `$ft` (i64 -> i64), and the table `$t` of `elements`
/// entries holding them in turn.
fn table_fields(elements: u64) -> String {
    let mut fields = String::from("(type $ft (func (param i64) (result i64)))\n");
    for k in 0..64 {
        fields.push_str(&format!("(func $t{k} (type $ft) (i64.add (local.get 0) (i64.const {k})))\n"));
    }
    fields.push_str(&format!(
        "(table $t {elements} funcref)\n(elem (table $t) (i32.const 0) func{})\n",
        element_list(elements)
    ));
    fields
}

/// ` $t0 $t1 ... $t63 $t0 ...`, `elements` of them.
fn element_list(elements: u64) -> String {
    (0..elements).map(|e| format!(" $t{}", e % 64)).collect()
}

/// Loads, stores, memory and table instructions, bulk operations, growth.
fn memory_and_tables(b: &mut Builder<'_>) -> Result<(), Error> {
    let policy = b.setup.policy;
    let bytes = memory_bytes(policy);
    let pages = policy.memory().max_pages as u32;
    let line_mask = bytes - 64;
    let word_mask = bytes - 8;
    const UNROLL: usize = 16;
    let u = UNROLL as u64;
    // Loads and stores over the largest memory, touched first so that they miss the caches.
    let seq_load = Loop::new(pages, UNROLL, |_| {
        format!(
            "(local.set $a (i64.add (local.get $a) (i64.load (local.get $p)))) \
             (local.set $p (i32.and (i32.add (local.get $p) (i32.const 64)) (i32.const {line_mask})))"
        )
    })
    .setup(touch("$q", bytes));
    b.looped("load.sequential", "i64.load, a cache line apart", instruction("load", "i64.load", 1), seq_load, u)?;
    let random_load = Loop::new(pages, UNROLL, |_| {
        format!(
            "{LCG} (local.set $p (i32.and (i32.xor (i32.load (local.get $p)) \
             (i32.wrap_i64 (i64.shr_u (local.get $r) (i64.const 32)))) (i32.const {word_mask})))"
        )
    })
    .setup(touch("$q", bytes));
    b.looped(
        "load.random",
        "dependent i32.load at a random address",
        instruction("load", "i32.load", 1),
        random_load,
        u,
    )?;
    let seq_store = Loop::new(pages, UNROLL, |_| {
        format!(
            "(i64.store (local.get $p) (local.get $r)) \
             (local.set $p (i32.and (i32.add (local.get $p) (i32.const 64)) (i32.const {line_mask})))"
        )
    })
    .setup(touch("$q", bytes));
    b.looped("store.sequential", "i64.store, a cache line apart", instruction("store", "i64.store", 1), seq_store, u)?;
    let random_store = Loop::new(pages, UNROLL, |_| {
        format!(
            "{LCG} (i64.store (i32.and (i32.wrap_i64 (i64.shr_u (local.get $r) (i64.const 32))) (i32.const {word_mask})) \
             (local.get $r))"
        )
    })
    .setup(touch("$q", bytes));
    b.looped("store.random", "i64.store at a random address", instruction("store", "i64.store", 1), random_store, u)?;
    let size = Loop::new(1, UNROLL, |_| "(local.set $x (i32.add (local.get $x) (memory.size)))".into());
    b.looped("memory.size", "memory.size", instruction("memory", "memory.size", 1), size, u)?;

    // Bulk memory at length 0, 64 bytes and 64 KiB.
    let segment = escaped(&vec![0x5a; 64 << 10]);
    for (opcode, unit_key) in
        [("memory.fill", "memory-fill-byte"), ("memory.copy", "memory-copy-byte"), ("memory.init", "memory-init-byte")]
    {
        for len in [0u64, 64, 64 << 10] {
            // The length comes from memory, which the compiler cannot see: a constant one
            // lets cranelift inline a short operation or drop an empty one.
            let length = format!("(i32.add (local.get $q) (i32.const {len}))");
            let body = match opcode {
                "memory.fill" => format!("(memory.fill (i32.const 65536) (local.get $x) {length})"),
                "memory.copy" => format!("(memory.copy (i32.const 65544) (i32.const 65536) {length})"),
                _ => format!("(memory.init $seg (i32.const 65536) (i32.const 0) {length})"),
            };
            let contract =
                Loop::new(4, 8, |_| body.clone()).fields(format!("(data $seg \"{segment}\")")).setup(UNSEEN_ZERO);
            let name = format!("bulk.{}_{}", opcode.trim_start_matches("memory."), len_name(len));
            // Each instruction's own base price: they differ by orders of magnitude.
            let price =
                if len == 0 { super::kernels::opcode(opcode) } else { Price::Unit { key: unit_key, units: len } };
            b.looped(&name, &format!("{opcode} of {len} bytes"), price, contract, 8)?;
        }
    }

    // Tables and references, over the largest table.
    let elements = policy.limits().table_elements;
    let mut fields = table_fields(elements);
    fields.push_str(&format!("(elem $e func{})\n", element_list(elements)));
    let get_set = Loop::new(1, 8, |_| {
        format!(
            "{LCG} (table.set $t (i32.and (i32.wrap_i64 (local.get $r)) (i32.const {m})) \
             (table.get $t (i32.and (i32.wrap_i64 (i64.shr_u (local.get $r) (i64.const 40))) (i32.const {m}))))",
            m = elements.next_power_of_two() / 2 - 1
        )
    })
    .fields(fields.clone());
    b.looped("table.get_set", "table.get + table.set", instruction("table", "table.get", 2), get_set, 8)?;
    let table_size =
        Loop::new(1, 16, |_| "(local.set $x (i32.add (local.get $x) (table.size $t)))".into()).fields(fields.clone());
    b.looped("table.size", "table.size", instruction("table", "table.size", 1), table_size, 16)?;
    let refs =
        Loop::new(1, 16, |k| format!("(local.set $x (i32.add (local.get $x) (ref.is_null (ref.func $t{}))))", k % 64))
            .fields(fields.clone());
    b.looped("reference.func_is_null", "ref.func + ref.is_null", opcode("ref.func"), refs, 16)?;
    for (opcode, unit_key) in [
        ("table.fill", "table-fill-element"),
        ("table.copy", "table-copy-element"),
        ("table.init", "table-init-element"),
    ] {
        for len in [0u64, elements - 1] {
            let length = format!("(i32.add (local.get $q) (i32.const {len}))");
            let body = match opcode {
                "table.fill" => format!("(table.fill $t (i32.const 1) (ref.func $t3) {length})"),
                "table.copy" => format!("(table.copy $t $t (i32.const 1) (i32.const 0) {length})"),
                _ => format!("(table.init $t $e (i32.const 1) (i32.const 0) {length})"),
            };
            let contract = Loop::new(1, 4, |_| body.clone()).fields(fields.clone()).setup(UNSEEN_ZERO);
            let name =
                format!("table.{}_{}", opcode.trim_start_matches("table."), if len == 0 { "0" } else { "largest" });
            let price =
                if len == 0 { super::kernels::opcode(opcode) } else { Price::Unit { key: unit_key, units: len } };
            b.looped(&name, &format!("{opcode} of {len} elements"), price, contract, 4)?;
        }
    }

    // Growth one unit at a time, to the maximum, in calls that each start small.
    let chain = Rc::clone(&b.chain);
    let touches: String = (0..16)
        .map(|k| format!("(i32.store (i32.add (local.get $q) (i32.const {})) (local.get $q))", k * 4096))
        .collect();
    let page = Price::Unit { key: "memory.grow-page-cost", units: 1 };
    let growths = [
        (
            "memory.grow",
            "memory.grow of one page",
            page,
            Loop::new(1, 1, |_| "(local.set $x (i32.add (local.get $x) (memory.grow (i32.const 1))))".into()),
            u64::from(pages - 1),
        ),
        (
            "memory.grow_and_touch",
            "memory.grow of one page, then a store in each 4 KiB of it",
            page,
            Loop::new(1, 1, |_| {
                format!("(local.set $q (i32.shl (memory.grow (i32.const 1)) (i32.const 16))) {touches}")
            }),
            u64::from(pages - 1),
        ),
        (
            "table.grow",
            "table.grow of one element",
            Price::Unit { key: "table-grow-element", units: 1 },
            Loop::new(1, 1, |_| {
                "(local.set $x (i32.add (local.get $x) (table.grow $g (ref.null func) (i32.const 1))))".into()
            })
            .fields("(table $g 1 funcref)"),
            elements - 1,
        ),
    ];
    for (name, op, price, contract, per_call) in growths {
        b.looped_on(&chain, name, op, price, &contract, 1, per_call, 0, Expect::Success, 64)?;
    }
    // The whole table grown by one instruction: what a grow costs per element.
    let grow_all = methods(
        0,
        "(table $g 1 funcref)",
        &[("grow", &format!("(drop (table.grow $g (ref.null func) (i32.const {})))", elements - 1))],
    );
    let id = chain.borrow_mut().deploy(&grow_all)?;
    b.calls(
        "table.grow_largest",
        "element of a table.grow to the largest table",
        Price::Unit { key: "table-grow-element", units: 1 },
        id,
        "grow",
        0,
        elements - 1,
        Expect::Success,
    );
    Ok(())
}

fn len_name(len: u64) -> String {
    match len {
        0 => "0".into(),
        n if n >= 1024 => format!("{}k", n >> 10),
        n => n.to_string(),
    }
}

/// Top-level calls: their fixed cost, with the largest instance the policy allows, and with
/// large input and return data.
fn calls(b: &mut Builder<'_>) -> Result<(), Error> {
    let policy = b.setup.policy;
    let base = Price::Key { key: "calls.base", count: 1 };
    // No memory: the call pays its base alone.
    let empty = b.chain.borrow_mut().deploy(&methods(0, "", &[("noop", "")]))?;
    b.calls("call.empty", "top-level call of an empty method", base, empty, "noop", 0, 1, Expect::Success);
    let pages = policy.memory().max_pages;
    let largest = b.chain.borrow_mut().deploy(&methods(
        pages as u32,
        "",
        &[("noop", ""), ("touch", &touch("$x", pages << 16))],
    ))?;
    b.calls(
        "call.largest_memory",
        "top-level call of an empty method, in the largest memory",
        Price::Unit { key: "memory.grow-page-cost", units: pages },
        largest,
        "noop",
        0,
        1,
        Expect::Success,
    );
    b.calls(
        "call.largest_memory_touched",
        "top-level call that stores once in every 4 KiB of the largest memory",
        Price::Unit { key: "memory.grow-page-cost", units: pages },
        largest,
        "touch",
        0,
        1,
        Expect::Success,
    );
    // The most data the policy allows, in the most segments.
    let segments = policy.limits().data_segments;
    let data_bytes = policy.limits().data_bytes;
    let per_segment = data_bytes / segments;
    let chunk = escaped(&vec![0xa5; per_segment as usize]);
    let data_pages = (data_bytes >> 16) as u32 + 2;
    let mut data = String::new();
    for s in 0..segments {
        data.push_str(&format!("(data (i32.const {}) \"{chunk}\")\n", 65536 + s * per_segment));
    }
    let data_id = b.chain.borrow_mut().deploy(&methods(data_pages, &data, &[("noop", "")]))?;
    b.calls(
        "call.largest_data",
        "top-level call of an empty method, with the largest data segments",
        Price::Unit { key: "memory.grow-page-cost", units: u64::from(data_pages) },
        data_id,
        "noop",
        0,
        1,
        Expect::Success,
    );
    let elements = policy.limits().table_elements;
    let mut table = String::from("(func $f)\n");
    table.push_str(&format!("(table {elements} funcref) (elem (i32.const 0) func"));
    for _ in 0..elements {
        table.push_str(" $f");
    }
    table.push(')');
    let table_id = b.chain.borrow_mut().deploy(&methods(1, &table, &[("noop", "")]))?;
    b.calls(
        "call.largest_table",
        "top-level call of an empty method, with the largest table",
        base,
        table_id,
        "noop",
        0,
        1,
        Expect::Success,
    );
    // Input and return data: 256 KiB each call, against an empty input.
    const LARGE: u64 = 256 << 10;
    let echo = format!(
        "(drop (call $get_input_data (i32.const 65536) (i32.const {LARGE})))
         (call $set_return_data (i32.const 65536) (i32.const {LARGE}))"
    );
    let io = b.chain.borrow_mut().deploy(&methods(8, "", &[("noop", ""), ("echo", &echo)]))?;
    b.calls(
        "call.input_256k_unread",
        "byte of input a call does not read",
        Price::Key { key: "calls.input-byte", count: 1 },
        io,
        "noop",
        LARGE as usize,
        LARGE,
        Expect::Success,
    );
    b.calls(
        "call.echo_256k",
        "byte of input read and returned",
        Price::Bound,
        io,
        "echo",
        LARGE as usize,
        LARGE,
        Expect::Success,
    );
    Ok(())
}

/// Host functions at their cheapest and at large lengths.
fn host(b: &mut Builder<'_>) -> Result<(), Error> {
    use HostFunction as H;
    const UNROLL: usize = 8;
    let u = UNROLL as u64;
    let simple: [(&str, H, &str); 6] = [
        ("get_sender", H::GetSender, "(call $get_sender (i32.const 64))"),
        ("get_contract_id", H::GetContractId, "(call $get_contract_id (i32.const 64))"),
        (
            "get_block_timestamp",
            H::GetBlockTimestamp,
            "(local.set $a (i64.add (local.get $a) (call $get_block_timestamp)))",
        ),
        ("get_block_index", H::GetBlockIndex, "(local.set $a (i64.add (local.get $a) (call $get_block_index)))"),
        ("get_value", H::GetValue, "(local.set $a (i64.add (local.get $a) (call $get_value)))"),
        ("get_balance", H::GetBalance, "(local.set $a (i64.add (local.get $a) (call $get_balance)))"),
    ];
    for (name, function, body) in simple {
        let contract = Loop::new(1, UNROLL, |_| body.into());
        b.looped(&format!("host.{name}"), name, Price::HostBase(function), contract, u)?;
    }
    const LARGE: u64 = 64 << 10;
    let chain = Rc::clone(&b.chain);
    let at = |len: u64| len_name(len);
    for len in [0, LARGE] {
        let price = |function| if len == 0 { Price::HostBase(function) } else { Price::HostByte(function, len) };
        let input =
            Loop::new(4, UNROLL, |_| format!("(drop (call $get_input_data (i32.const 65536) (i32.const {len})))"));
        b.looped_on(
            &chain,
            &format!("host.get_input_data_{}", at(len)),
            "get_input_data",
            price(H::GetInputData),
            &input,
            u,
            u64::MAX,
            len as usize,
            Expect::Success,
            64,
        )?;
        let ret = Loop::new(4, UNROLL, |_| format!("(call $set_return_data (i32.const 65536) (i32.const {len}))"));
        b.looped(&format!("host.set_return_data_{}", at(len)), "set_return_data", price(H::SetReturnData), ret, u)?;
        let hash =
            Loop::new(4, UNROLL, |_| format!("(call $hash_sha256 (i32.const 65536) (i32.const {len}) (i32.const 64))"));
        b.looped(&format!("host.hash_sha256_{}", at(len)), "hash_sha256", price(H::HashSha256), hash, u)?;
        let emit = Loop::new(4, UNROLL, |_| {
            format!("(call $emit_event (i32.const 0) (i32.const 0) (i32.const 65536) (i32.const {len}))")
        });
        let emit_len = if len == 0 { 0 } else { 4 << 10 };
        let emit = if len == 0 {
            emit
        } else {
            Loop::new(4, UNROLL, |_| {
                format!("(call $emit_event (i32.const 0) (i32.const 0) (i32.const 65536) (i32.const {emit_len}))")
            })
        };
        let price_emit = if len == 0 { Price::HostBase(H::EmitEvent) } else { Price::HostByte(H::EmitEvent, emit_len) };
        b.looped(&format!("host.emit_event_{}", at(emit_len)), "emit_event", price_emit, emit, u)?;
    }
    // ed25519: valid, invalid (a well-formed signature of another message) and malformed (no
    // key), on a short message; valid on a large one.
    let key = SigningKey::from_bytes(&[7; 32]);
    let short = b"transfer 100 to bob";
    let long = vec![0u8; LARGE as usize];
    let valid = key.sign(short).to_bytes();
    let invalid = key.sign(b"transfer 999 to eve").to_bytes();
    let valid_long = key.sign(&long).to_bytes();
    let public = key.verifying_key().to_bytes();
    let verify = |signature: &[u8; 64], msg_ptr: u64, msg_len: u64, pk_len: u64| {
        Loop::new(4, 4, |_| {
            format!(
                "(local.set $x (i32.add (local.get $x) (call $verify_signature (i32.const 512) (i32.const {pk_len}) \
                 (i32.const {msg_ptr}) (i32.const {msg_len}) (i32.const 576) (i32.const 64))))"
            )
        })
        .fields(format!(
            "(data (i32.const 512) \"{}\") (data (i32.const 576) \"{}\") (data (i32.const 640) \"{}\")",
            escaped(&public),
            escaped(signature),
            escaped(short)
        ))
    };
    let n = short.len() as u64;
    let cases = [
        ("valid", "verify_signature, valid", Price::HostBase(H::VerifySignature), verify(&valid, 640, n, 32)),
        ("invalid", "verify_signature, invalid", Price::HostBase(H::VerifySignature), verify(&invalid, 640, n, 32)),
        ("malformed", "verify_signature, no key", Price::HostBase(H::VerifySignature), verify(&valid, 640, n, 0)),
        (
            "64k",
            "verify_signature, valid, of 64 KiB",
            Price::HostByte(H::VerifySignature, LARGE),
            verify(&valid_long, 65536, LARGE, 32),
        ),
    ];
    for (name, op, price, contract) in cases {
        b.looped(&format!("host.verify_signature_{name}"), op, price, contract, 4)?;
    }
    // Transfers of one unit to a new account each.
    let transfer = Loop::new(1, UNROLL, |_| {
        format!(
            "{LCG} (i64.store (i32.const 64) (local.get $r)) (local.set $x (i32.add (local.get $x) (call $transfer (i32.const 64) (i64.const 1))))"
        )
    });
    let id = chain.borrow_mut().deploy(&transfer.wasm())?;
    chain.borrow_mut().block_untimed(|block| {
        block.credit(&id, u64::MAX / 4)?;
        Ok(())
    })?;
    b.looped_id(
        &chain,
        id,
        "host.transfer",
        "transfer to a new account",
        Price::HostBase(H::Transfer),
        u,
        u64::MAX,
        0,
        Expect::Success,
        64,
    );
    // A revert ends the call: one operation a call.
    let reverts =
        b.chain.borrow_mut().deploy(&methods(1, "", &[("fail", "(call $revert (i32.const 0) (i32.const 0))")]))?;
    b.calls(
        "host.revert",
        "top-level call that reverts",
        Price::HostBase(H::Revert),
        reverts,
        "fail",
        0,
        1,
        Expect::Reverted,
    );
    Ok(())
}

/// Storage on a large state: reads that hit and miss, small and large values, after
/// reopening the database; writes that insert, overwrite and remove.
fn storage(b: &mut Builder<'_>) -> Result<(), Error> {
    use HostFunction as H;
    const UNROLL: usize = 4;
    let keys = b.setup.state_keys;
    let key_at = |expr: &str| format!("(i64.store (i32.const 32) {expr})");
    let random_key = key_at(&format!("(i64.rem_u (i64.shr_u (local.get $r) (i64.const 11)) (i64.const {keys}))"));
    let large_key = key_at(&format!(
        "(i64.add (i64.const {keys}) (i64.rem_u (i64.shr_u (local.get $r) (i64.const 11)) (i64.const {LARGE_VALUES})))"
    ));
    let absent_key = key_at("(i64.or (local.get $r) (i64.const 0x8000000000000000))");
    let new_key = key_at(
        "(i64.add (i64.shl (i64.extend_i32_u (local.get $s)) (i64.const 32)) (i64.extend_i32_u (local.get $n)))",
    );
    let read = |cap: u64| {
        format!(
            "(local.set $x (i32.add (local.get $x) (call $storage_read (i32.const 32) (i32.const 8) (i32.const 65536) (i32.const {cap}))))"
        )
    };
    let write =
        |len: u64| format!("(call $storage_write (i32.const 32) (i32.const 8) (i32.const 65536) (i32.const {len}))");
    let large = LARGE_VALUE as u64;
    let ops: Vec<(&str, &str, Price, String)> = vec![
        ("read_hit_8", "storage_read of an 8-byte value at a random key", Price::HostBase(H::StorageRead), format!("{LCG} {random_key} {}", read(8))),
        ("read_hit_64k", "storage_read of a 64 KiB value", Price::HostByte(H::StorageRead, large + 8), format!("{LCG} {large_key} {}", read(large))),
        ("read_miss", "storage_read of an absent random key", Price::HostBase(H::StorageRead), format!("{LCG} {absent_key} {}", read(8))),
        ("read_empty_key", "storage_read of the empty key", Price::HostBase(H::StorageRead), "(local.set $x (i32.add (local.get $x) (call $storage_read (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0))))".into()),
        ("write_insert_8", "storage_write of a new key, 8 bytes", Price::HostBase(H::StorageWrite), format!("{new_key} {}", write(8))),
        ("write_insert_64k", "storage_write of a new key, 64 KiB", Price::HostByte(H::StorageWrite, large + 8), format!("{new_key} {}", write(large))),
        ("write_overwrite_8", "storage_write of an existing random key, 8 bytes", Price::HostBase(H::StorageWrite), format!("{LCG} {random_key} {}", write(8))),
        ("write_empty", "storage_write of the empty key, empty value", Price::HostBase(H::StorageWrite), "(call $storage_write (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0))".into()),
        ("remove_existing", "storage_remove of an existing random key", Price::HostBase(H::StorageRemove), format!("{LCG} {random_key} (call $storage_remove (i32.const 32) (i32.const 8))")),
        ("remove_empty_key", "storage_remove of the empty key", Price::HostBase(H::StorageRemove), "(call $storage_remove (i32.const 0) (i32.const 0))".into()),
    ];
    let mut contracts = Vec::new();
    for (_, _, _, body) in &ops {
        // An insert's key is made of the salt and the iteration count, new on every
        // iteration: its loop is not unrolled.
        let unroll = if body.contains("(local.get $s)") { 1 } else { UNROLL };
        let wasm = Loop::new(4, unroll, |_| body.clone()).wasm();
        contracts.push((unroll as u64, b.chain.borrow_mut().deploy(&wasm)?));
    }
    let ids: Vec<ContractId> = contracts.iter().map(|(_, id)| *id).collect();
    // Every contract reads and writes its own keys; only those that read need the state.
    let readers: Vec<ContractId> = ops
        .iter()
        .zip(&ids)
        .filter(|((name, ..), _)| {
            name.starts_with("read") || name.starts_with("write_over") || name.starts_with("remove_ex")
        })
        .map(|(_, id)| *id)
        .collect();
    let mut entries = Vec::new();
    for id in &readers {
        for k in 0..keys {
            entries.push(([&id.0[..], &k.to_le_bytes()].concat(), k.to_le_bytes().to_vec()));
        }
        for k in keys..keys + LARGE_VALUES {
            entries.push(([&id.0[..], &k.to_le_bytes()].concat(), vec![0x3c; LARGE_VALUE]));
        }
    }
    entries.sort();
    let chain = Rc::clone(&b.chain);
    chain.borrow_mut().write_directly(Table::State, entries.into_iter())?;
    for ((name, op, price, _), (unroll, id)) in ops.iter().zip(contracts.iter().copied()) {
        b.looped_id(&chain, id, &format!("storage.{name}"), op, *price, unroll, u64::MAX, 0, Expect::Success, 64);
    }
    // Reads right after the database and the engine were reopened.
    let (cold_unroll, cold_id) = (contracts[0].0, ids[0]);
    let mut run = LoopRun {
        chain: Rc::clone(&chain),
        id: cold_id,
        ops_per_iteration: cold_unroll,
        per_call: u64::MAX,
        extra_input: 0,
        expect: Expect::Success,
        salt: 1 << 20,
    };
    let reopen = Rc::clone(&chain);
    b.kernels.push(Kernel {
        name: "storage.read_hit_8_reopened".into(),
        op: "storage_read of an 8-byte value, first block after reopening".into(),
        price: Price::HostBase(H::StorageRead),
        start: 16,
        max: u64::from(u32::MAX) / cold_unroll,
        scale: 1,
        run: Box::new(move |size| {
            reopen.borrow_mut().reopen()?;
            run.sample(size)
        }),
    });
    Ok(())
}

/// Contract calls: to a callee whose module is cached, and one whose module the cache has
/// evicted; with large payload and result.
fn nested(b: &mut Builder<'_>) -> Result<(), Error> {
    use HostFunction as H;
    const LARGE: u64 = 64 << 10;
    // The callee of empty calls has no memory, so that a call pays `call_contract` and the
    // call's base alone; the one that returns 64 KiB needs two pages.
    let callee = methods(0, "", &[("noop", "")]);
    let echo = methods(2, "", &[("echo", &format!("(call $set_return_data (i32.const 65536) (i32.const {LARGE}))"))]);
    let names = "(data (i32.const 320) \"noop\") (data (i32.const 336) \"echo\")";
    let call = |id_ptr: &str, method: u32, payload: u64| {
        format!(
            "(if (i32.lt_s (call $call_contract {id_ptr} (i32.const 32) (i32.const {method}) (i32.const 4) \
             (i32.const 65536) (i32.const {payload}) (i64.const 0)) (i32.const 0)) (then unreachable))"
        )
    };
    // Cached: the main chain's engine keeps every module.
    let main = Rc::clone(&b.chain);
    let callee_id = main.borrow_mut().deploy(&callee)?;
    let echo_id = main.borrow_mut().deploy(&echo)?;
    let ids = |a: &ContractId, b: &ContractId| {
        format!("{names} (data (i32.const 256) \"{}{}\")", escaped(&a.0), escaped(&b.0))
    };
    let cached = Loop::new(4, 4, |_| call("(i32.const 256)", 320, 0)).fields(ids(&callee_id, &callee_id));
    b.looped_on(
        &main,
        "nested.call_cached",
        "call_contract of an empty method",
        Price::HostBase(H::CallContract),
        &cached,
        4,
        u64::MAX,
        0,
        Expect::Success,
        16,
    )?;
    let payload = Loop::new(4, 4, |_| call("(i32.const 256)", 320, LARGE)).fields(ids(&callee_id, &callee_id));
    b.looped_on(
        &main,
        "nested.call_payload_64k",
        "call_contract with a 64 KiB payload",
        Price::HostByte(H::CallContract, LARGE + 36),
        &payload,
        4,
        u64::MAX,
        0,
        Expect::Success,
        16,
    )?;
    let read = Loop::new(4, 8, |_| format!("(drop (call $read_call_result (i32.const 131072) (i32.const {LARGE})))"))
        .fields(ids(&echo_id, &echo_id))
        .setup(call("(i32.const 256)", 336, 0));
    b.looped_on(
        &main,
        "host.read_call_result_64k",
        "read_call_result of 64 KiB",
        Price::HostByte(H::ReadCallResult, LARGE),
        &read,
        8,
        u64::MAX,
        0,
        Expect::Success,
        16,
    )?;
    let read0 = Loop::new(4, 8, |_| "(drop (call $read_call_result (i32.const 131072) (i32.const 0)))".into())
        .fields(ids(&echo_id, &echo_id))
        .setup(call("(i32.const 256)", 336, 0));
    b.looped_on(
        &main,
        "host.read_call_result_0",
        "read_call_result of nothing",
        Price::HostBase(H::ReadCallResult),
        &read0,
        8,
        u64::MAX,
        0,
        Expect::Success,
        16,
    )?;
    // Evicted: an engine that keeps one module, and a caller that alternates between two
    // callees, so that every call loads its callee's compiled module from the database.
    let mut config = EngineConfig::default();
    config.cache_bytes = 0;
    let evicting =
        Rc::new(RefCell::new(Chain::create(&b.setup.dir.join("evicting.redb"), b.setup.policy.clone(), config)?));
    for (name, functions) in [("small", 1u64), ("large", 2)] {
        // Two callees of the same size, different code.
        let mut callees = Vec::new();
        for salt in 0..2u64 {
            let text = deploy_module_text(DeployShape::HugeFunction, functions, salt + 10 * functions, NOOP);
            callees.push(evicting.borrow_mut().deploy(&wat::parse_str(text)?)?);
        }
        let caller = Loop::new(4, 2, |k| call(&format!("(i32.const {})", 256 + 32 * k), 320, 0))
            .fields(ids(&callees[0], &callees[1]));
        let bytes = deploy_module(DeployShape::HugeFunction, functions, 0).len() as u64;
        b.looped_on(
            &evicting,
            &format!("nested.call_evicted_{name}"),
            &format!("call_contract of a callee of {} KiB the cache evicted", bytes >> 10),
            Price::HostBase(H::CallContract),
            &caller,
            2,
            u64::MAX,
            0,
            Expect::Success,
            4,
        )?;
    }
    Ok(())
}

/// An exported empty method, to call a deployment kernel's module by.
const NOOP: &str = "(func (export \"noop\"))";

/// Deployments of the shapes hardest to validate, instrument and compile, per byte; of code
/// already stored.
fn deployments(b: &mut Builder<'_>) -> Result<(), Error> {
    let shapes = [
        ("tiny_functions", DeployShape::TinyFunctions, 64u64, b.setup.policy.limits().functions),
        ("huge_function", DeployShape::HugeFunction, 1, 15),
        ("deep_nesting", DeployShape::DeepNesting, 4, 300),
        ("br_table", DeployShape::BrTable, 4, 300),
        ("many_locals", DeployShape::ManyLocals, 4, 200),
    ];
    let per_byte = Price::Key { key: "deploy.per-byte", count: 1 };
    for (name, shape, start, max) in shapes {
        let per_function = shape == DeployShape::TinyFunctions;
        let chain = Rc::clone(&b.chain);
        let mut salt = 1000u64;
        b.kernels.push(Kernel {
            name: format!("deploy.{name}"),
            op: if per_function { "function of a new module".into() } else { "byte of a new module".into() },
            price: if per_function { Price::Key { key: "deploy.per-function", count: 1 } } else { per_byte },
            start,
            max,
            scale: 1,
            run: Box::new(move |size| {
                salt += 1;
                let wasm = deploy_module(shape, size, salt);
                chain.borrow_mut().block(|block| {
                    let deployed = block.deploy(&Deploy::new(DEPLOYER, &wasm, GAS))?;
                    expect(&deployed.status, Expect::Success, "deploy")?;
                    Ok((deployed.gas_used, if per_function { size } else { wasm.len() as u64 }))
                })
            }),
        });
    }
    // The smallest new module: what every deployment costs.
    let chain = Rc::clone(&b.chain);
    let mut salt = 1u64 << 40;
    b.kernels.push(Kernel {
        name: "deploy.smallest".into(),
        op: "deployment of a new module of one function".into(),
        price: Price::Key { key: "deploy.base", count: 1 },
        start: 2,
        max: 1 << 16,
        scale: 1,
        run: Box::new(move |size| {
            let modules: Vec<Vec<u8>> = (0..size)
                .map(|_| {
                    salt += 1;
                    deploy_module(DeployShape::TinyFunctions, 1, salt)
                })
                .collect();
            chain.borrow_mut().block(|block| {
                let mut gas = 0;
                for wasm in &modules {
                    let deployed = block.deploy(&Deploy::new(DEPLOYER, wasm, GAS))?;
                    expect(&deployed.status, Expect::Success, "deploy")?;
                    gas += deployed.gas_used;
                }
                Ok((gas, size))
            })
        }),
    });
    // Code already stored: deployments of a module that is there, a block of them.
    let chain = Rc::clone(&b.chain);
    let stored = deploy_module(DeployShape::HugeFunction, 4, 7);
    chain.borrow_mut().deploy(&stored)?;
    let bytes = stored.len() as u64;
    b.kernels.push(Kernel {
        name: "deploy.stored_code".into(),
        op: format!("byte of a module already stored ({} KiB)", bytes >> 10),
        price: per_byte,
        start: 2,
        max: 1 << 16,
        scale: 1,
        run: Box::new(move |size| {
            chain.borrow_mut().block(|block| {
                let mut gas = 0;
                for _ in 0..size {
                    let deployed = block.deploy(&Deploy::new(DEPLOYER, &stored, GAS))?;
                    expect(&deployed.status, Expect::Success, "deploy")?;
                    gas += deployed.gas_used;
                }
                Ok((gas, size * bytes))
            })
        }),
    });
    Ok(())
}

/// A call that traps late (it runs twice), and one that runs out of gas.
fn failures(b: &mut Builder<'_>) -> Result<(), Error> {
    let chain = Rc::clone(&b.chain);
    let int = Loop::new(1, 8, |_| "(local.set $a (i64.add (local.get $a) (local.get $b)))".into())
        .each(EACH_B)
        .after("unreachable");
    b.looped_on(
        &chain,
        "failure.trap_late",
        "iteration of a loop whose call then traps",
        Price::Bound,
        &int,
        1,
        u64::MAX,
        0,
        Expect::Trap,
        1024,
    )?;
    let endless =
        methods(1, "", &[("spin", "(loop $l (local.set $a (i64.add (local.get $a) (i64.const 1))) (br $l))")]);
    let id = chain.borrow_mut().deploy(&endless)?;
    b.kernels.push(Kernel {
        name: "failure.out_of_gas".into(),
        op: "gas of a call that runs out of it".into(),
        price: Price::Bound,
        start: 1 << 16,
        max: 1 << 40,
        scale: 1,
        run: Box::new(move |size| {
            chain.borrow_mut().block(|block| {
                let result = block.call(&Call::new(DEPLOYER, id, "spin", size))?;
                expect(&result.status, Expect::OutOfGas, "spin")?;
                Ok((result.gas_used, size))
            })
        }),
    });
    Ok(())
}
