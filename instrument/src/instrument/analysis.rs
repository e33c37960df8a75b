//! Where to inject what: a plan per function, computed during the validating scan.
//!
//! A **metering block** is a run of instructions entered only at its start: the function
//! entry, a loop header, the start of an `if` or `else` arm, the code after a `br_if` (its
//! fallthrough), and after the `end` of a construct that is a join point (an `if`, or a
//! `block` some branch targets). A call does not end a block: the code after it is charged
//! with the code before it, and the gas local only takes the callee's counter back (from the
//! result of an internal function, else from the global the callee or the host charged).
//! Each block is charged, at its start, the sum of the prices of every instruction from its
//! start to the next block's start, injected instructions included. Dead code (after `br`,
//! `br_table`, `return`, `unreachable`, up to a point something can reach again) is neither
//! charged nor instrumented, except for what keeps it valid: the renumbered locals, and the
//! counters around calls of internal functions and before their exits.

use baals_policy::{FloatMode, Opcode, Policy, TrapGas};
use wasmparser::{BinaryReader, FuncType, FunctionBody, Operator, Payload, TypeRef};

use super::snippets::{Prices, Snippet, val_type};
use crate::error::{Location, ValidationError};
use crate::opcode::opcode_of;
use crate::report::FunctionReport;
use crate::validate::{Func, Hooks, function_type, in_order, parallel_runs};

/// The plan for the whole module.
#[derive(Debug, Default)]
pub(crate) struct Analysis {
    /// One plan per defined function, in code section order.
    pub(crate) functions: Vec<FunctionPlan>,
    /// Function types of the type section, by index (`None` for other types).
    types: Vec<Option<FuncType>>,
    /// Types to append to the type section, as parameters and results: the types of internal
    /// functions (in function order), then `[] -> results` types for wrap blocks.
    pub(crate) extra_types: Vec<ExtraType>,
    /// The type index of each defined function, from the function section.
    function_types: Vec<u32>,
    /// For each defined function, its type once instrumented if it is internal: the original
    /// parameters then the gas (i64) and stack (i32) counters, the original results then the
    /// gas counter.
    pub(crate) call_types: Vec<Option<u32>>,
    /// For each defined function, its results once instrumented (an internal function's end
    /// with the gas counter): what a block around its whole body yields (profiles).
    pub(crate) results: Vec<Vec<wasmparser::ValType>>,
    /// Whether the policy allows multi-value: without it, only functions with no results can
    /// be internal (one more result would need it, and the output keeps to the policy's
    /// features, which the engines are configured with).
    multi_value: bool,
    /// Globals imported or defined: the injected globals come next.
    pub(crate) globals: u32,
    /// Imported functions: defined function `i` of the code section has index `imported + i`.
    pub(crate) imported_functions: u32,
    /// Defined functions something outside a direct `call` can reach: exported, the start
    /// function, or named by an element segment or a constant expression (tables, `ref.func`).
    /// Sorted.
    address_taken: Vec<u32>,
    /// Defined functions that a body of more than [`LARGE_BODY_BYTES`] calls: kept off the
    /// counter parameters. Sorted.
    called_by_large: Vec<u32>,
    /// Bodies of the code section not seen yet: which functions are internal is decided once
    /// every body has been seen, and before any is analysed.
    bodies_left: u32,
}

/// A function body larger than this keeps its callees off the counter parameters: they take
/// the counters from the globals. In a body this large with many calls (CosmWasm's
/// `ibc_reflect` has one of 46 KB with 999 calls), the counters passed in fixed registers at
/// every call grow a hash set that cranelift's register allocator keeps from function to
/// function and clears, whole, before every allocation attempt: every function compiled after
/// it pays. Keeping those callees off the parameters took `Module::new` of `ibc_reflect` and of
/// `hackatom_1.0` down by 11% in instructions, with no measurable change in their calls' run
/// time. The bound sits between the largest body where it changed nothing (18.2 KiB, 353
/// calls, in `hackatom`) and the smallest where it did (22.6 KiB, 419 calls):
/// `docs/instrumentation.md`, "Callees of very large functions".
const LARGE_BODY_BYTES: usize = 20 << 10;

/// A visitor that records the direct calls of defined functions and decodes every other
/// operator without building it: a quarter of esbuild's code is in bodies of more than
/// [`LARGE_BODY_BYTES`], and building each operator made their scan as slow as validation
/// (`docs/instrumentation.md`, "The calls of large bodies").
struct DirectCalls {
    imported: u32,
    callees: Vec<u32>,
}

macro_rules! skip_operators {
    ($( @$proposal:ident $op:ident $({ $($arg:ident: $argty:ty),* })? => $visit:ident ($($ann:tt)*))*) => {
        $( skip_operator!($op $visit $($($arg: $argty),*)?); )*
    };
}

macro_rules! skip_operator {
    (Call $visit:ident $($rest:tt)*) => {};
    ($op:ident $visit:ident $($arg:ident: $argty:ty),*) => {
        fn $visit(&mut self $(, _: $argty)*) {}
    };
}

impl<'a> wasmparser::VisitOperator<'a> for DirectCalls {
    type Output = ();

    fn visit_call(&mut self, function_index: u32) {
        if function_index >= self.imported {
            self.callees.push(function_index);
        }
    }

    wasmparser::for_each_visit_operator!(skip_operators);
}

/// A function type the rewrite appends to the type section: parameters and results.
pub(crate) type ExtraType = (Vec<wasmparser::ValType>, Vec<wasmparser::ValType>);

/// The validator's bounds on a function type's parameters and results: an internal function's
/// type adds two parameters and one result, and must stay within them.
const MAX_PARAMS: usize = 1000;
const MAX_RESULTS: usize = 1000;

/// Where a type for a wrap block comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WrapType {
    /// No results, or one: no type index needed.
    Inline(Option<wasmparser::ValType>),
    /// A `[] -> results` type at this index of the (extended) type section.
    Index(u32),
}

/// The plan for one function body.
#[derive(Debug)]
pub(crate) struct FunctionPlan {
    /// Parameters (the original ones).
    pub(crate) params: u32,
    /// Parameters and declared locals, as the original numbers them.
    pub(crate) locals: u32,
    /// Whether the function is internal (only direct calls reach it): the counters then come
    /// in as its last two parameters, and the gas goes back as its last result, so its locals
    /// from `params` on are renumbered two up.
    pub(crate) internal: bool,
    /// Whether the frame is reserved by each caller instead of by the function itself (a leaf
    /// reachable only by direct calls).
    pub(crate) folded: bool,
    /// The function's own frame height.
    frame: u32,
    /// Defined functions it calls directly, sorted: the folded ones add to its reservation.
    callees: Vec<u32>,
    /// Scratch locals needed beyond the gas local.
    pub(crate) needs_size: bool,
    pub(crate) needs_f32: bool,
    pub(crate) needs_f64: bool,
    /// Snippets to insert before the instruction at each module offset, in order.
    pub(crate) injections: Vec<(usize, Injection)>,
    /// Offsets of the body's own `block`, `loop` and `if` instructions, in order: label `k` of
    /// the name section names the `k`-th.
    pub(crate) constructs: Vec<usize>,
    /// Static figures for the report.
    pub(crate) report: FunctionReport,
    /// The charge of the entry block when the callers pay it ([`CALLER_CHARGED_MAX`]).
    pub(crate) entry_charge: Option<u64>,
    /// The sum of the charges of all its blocks (saturated): the most one frame of it can
    /// charge between two checks, since a stretch without a check passes each block at most
    /// once (every loop header is checked).
    pub(crate) total_charge: u64,
    /// The direct calls of internal functions, by the index among `injections` of the meter
    /// of the block that makes them: once every function is analysed, the entry charges of
    /// the callees their callers pay are added to those meters.
    internal_calls: Vec<(usize, u32)>,
}

/// The greatest entry charge that callers pay in place of the callee. A block's charge gains
/// the entry charge of each internal function it calls; bounding it keeps a block's charge
/// within the headroom the policy leaves below 2^63 (a body has fewer calls than the policy's
/// `function-instructions`).
const CALLER_CHARGED_MAX: u64 = 1 << 16;

/// Where the entry's check sits among a function's injections: first, before the entry's
/// meter, which follows at [`ENTRY_METER_AT`]. A function that reserves its own frame has no
/// such check: its reservation, right after the meter, checks the gas too. The wrap block, if
/// any, opens after both.
const ENTRY_CHECK_AT: usize = 0;
/// Where the entry's meter sits among a function's injections.
const ENTRY_METER_AT: usize = 1;
/// Where the reservation sits in the plan of a function that reserves its own frame: right
/// after the entry's meter, the first injection once the entry's check is removed.
const RESERVE_AT: usize = 1;

/// A snippet, with what the rewrite must still resolve (wrap block types need the final type
/// section).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Injection {
    Snippet(Snippet),
    WrapStart(WrapType),
    /// Replaces the local instruction at this position, whose bytes end at `end`, by the same
    /// instruction on local `index` (declared locals of internal functions move up by two).
    Local {
        index: u32,
        end: usize,
    },
}

/// One construct of the control stack.
#[derive(Debug)]
struct Frame {
    kind: FrameKind,
    /// Whether a live branch targets the end of this block (not meaningful for loops).
    targeted: bool,
    /// Whether the construct's own instruction (`block`, `loop`, `if`) was reached.
    entered_live: bool,
    /// For an `if` after its `else`: whether the end of the then-arm was reached.
    then_live: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FrameKind {
    Block,
    Loop,
    If,
    Else,
}

/// A metering block under construction: the injection that charges it, and its price so far
/// (without the charge itself, whose price depends on `flush`).
#[derive(Debug)]
struct MeterBlock {
    injection: usize,
    cost: u64,
    reload: bool,
    /// Whether something in the block can trap, call or leave the function: the charge must
    /// then be written back to the global, where the host and callees read it.
    observed: bool,
    /// Whether what observes the block's write-back includes a call or an exit, not only
    /// instructions that can trap: only then does the copy without trap-only write-backs keep
    /// it.
    exits: bool,
    /// The check before the charge: a loop header's, while no call in the block has made it
    /// redundant, or the entry's in a function its callers reserve for. It tests the charge.
    check: Option<usize>,
    /// The last call of an internal function in the block, by the injection that takes the
    /// gas back, and whether that injection writes it back: it must when an instruction after
    /// it can trap, call or leave, since the block's write-back came before that call.
    last_take: Option<(usize, bool)>,
}

/// The analysis of the body being scanned.
#[derive(Debug)]
struct Body {
    index: u32,
    params: u32,
    /// Whether the counters come in as parameters ([`FunctionPlan::internal`]).
    internal: bool,
    declared_locals: u32,
    results: Vec<wasmparser::ValType>,
    frames: Vec<Frame>,
    /// Whether the next instruction can execute.
    live: bool,
    /// Whether a live branch targets the function's own label.
    function_targeted: bool,
    /// Whether any branch, live or dead, targets it: an internal function then needs the wrap
    /// block even if none is live, since its own label's type gained the gas result.
    function_label_used: bool,
    max_operands: u32,
    injections: Vec<(usize, Injection)>,
    blocks: Vec<MeterBlock>,
    needs_size: bool,
    needs_f32: bool,
    needs_f64: bool,
    checks: u32,
    started: bool,
    constructs: Vec<usize>,
    /// Whether the body calls a function of the module (directly or through a table).
    calls_module: bool,
    callees: Vec<u32>,
    /// Injections of loop-header checks that a call made redundant, removed at the end.
    redundant_checks: Vec<usize>,
    /// Direct calls of internal functions: the metering block that makes each, and the callee.
    internal_calls: Vec<(usize, u32)>,
}

/// The scan hooks that build an [`Analysis`].
pub(crate) struct Analyzer<'p> {
    policy: &'p Policy,
    prices: Prices,
    analysis: Analysis,
    body: Option<Body>,
    /// What the analysis needs of each opcode, by [`Opcode::index`]: looked up once per
    /// instruction instead of asked of the policy piece by piece.
    ops: std::sync::Arc<[OpInfo]>,
    /// The per-function vectors that do not outlive the function, kept for the next one.
    scratch: Scratch,
    /// In a fork: how many added types it was forked with (those of internal functions).
    inherited_types: usize,
    /// The module, and the threads its bodies may be looked at on.
    wasm: &'p [u8],
    threads: usize,
    /// Where the bodies of more than [`LARGE_BODY_BYTES`] are, until their calls are recorded.
    large_bodies: Vec<std::ops::Range<usize>>,
}

/// Vectors of [`Body`] that [`Analyzer::finish`] hands back empty, allocation kept.
#[derive(Debug, Default)]
struct Scratch {
    frames: Vec<Frame>,
    blocks: Vec<MeterBlock>,
    redundant_checks: Vec<usize>,
}

/// What the analysis needs to know of one opcode under the policy.
#[derive(Clone, Copy, Debug, Default)]
struct OpInfo {
    /// Its price; `None` if the policy does not allow it.
    cost: Option<u64>,
    /// Its price per unit of its size operand, when it has one and it is not zero.
    unit: Option<u64>,
    /// Whether it can trap, call or leave the function ([`observes`]).
    observes: bool,
    /// Whether it can call or leave the function: an observation that is not a trap's, which
    /// the copy run on every call keeps ([`crate::without_trap_write_backs`]).
    exits: bool,
    /// Whether its result is NaN-canonicalized: `Some(true)` for f32, `Some(false)` for f64.
    nan: Option<bool>,
}

impl OpInfo {
    fn table(policy: &Policy) -> std::sync::Arc<[OpInfo]> {
        let canonicalize = policy.features().floats == FloatMode::CanonicalizeNan;
        let mut table = vec![OpInfo::default(); Opcode::ALL.len()];
        for &opcode in Opcode::ALL {
            table[opcode.index()] = OpInfo {
                cost: policy.cost(opcode),
                unit: policy.unit_cost(opcode).filter(|&unit| unit > 0),
                observes: observes(opcode, policy.trap_gas()),
                exits: observes(opcode, TrapGas::Limit),
                nan: if canonicalize { nan_producer(opcode) } else { None },
            };
        }
        table.into()
    }
}

/// Whether the host or a callee can observe the gas global while an instruction runs: whether
/// it can call or leave the function or, where a trap uses what was charged
/// ([`TrapGas::Exact`]), trap. Where a trap uses the whole limit, the host reads nothing of the
/// counter after a trap but its sign (a check's trapping path writes it), so only calling and
/// leaving count.
fn observes(opcode: Opcode, trap_gas: TrapGas) -> bool {
    match trap_gas {
        TrapGas::Exact => can_trap_call_or_leave(opcode),
        TrapGas::Limit => matches!(opcode, Opcode::Call | Opcode::CallIndirect | Opcode::Return),
    }
}

/// Whether an instruction can trap, call or leave the function. Anything not known to be pure
/// counts.
fn can_trap_call_or_leave(opcode: Opcode) -> bool {
    use Opcode::*;
    use baals_policy::CostClass;
    match opcode.class() {
        CostClass::Local | CostClass::Global | CostClass::Const | CostClass::Int | CostClass::IntMul => false,
        CostClass::Control => matches!(opcode, Unreachable),
        CostClass::Branch => matches!(opcode, Return),
        CostClass::Reference => false,
        CostClass::Float => matches!(
            opcode,
            F32Load
                | F64Load
                | F32Store
                | F64Store
                | I32TruncF32S
                | I32TruncF32U
                | I32TruncF64S
                | I32TruncF64U
                | I64TruncF32S
                | I64TruncF32U
                | I64TruncF64S
                | I64TruncF64U
        ),
        CostClass::Memory => !matches!(opcode, MemorySize),
        CostClass::Bulk => !matches!(opcode, DataDrop | ElemDrop),
        CostClass::Table => !matches!(opcode, TableSize),
        _ => true,
    }
}

impl<'p> Analyzer<'p> {
    /// The analyzer of `wasm` under `policy`, which may look at bodies on up to `threads`
    /// threads.
    pub(crate) fn new(policy: &'p Policy, wasm: &'p [u8], threads: usize) -> Self {
        Analyzer {
            policy,
            prices: Prices::new(policy),
            analysis: Analysis { multi_value: policy.features().multi_value, ..Analysis::default() },
            body: None,
            ops: OpInfo::table(policy),
            scratch: Scratch::default(),
            inherited_types: 0,
            wasm,
            threads,
            large_bodies: Vec::new(),
        }
    }

    pub(crate) fn into_analysis(mut self) -> Analysis {
        self.analysis.resolve();
        self.analysis
    }

    /// The index among the added types of `params -> results`, added if new.
    fn extra_type(&mut self, params: &[wasmparser::ValType], results: &[wasmparser::ValType]) -> usize {
        self.analysis.extra_type(params, results)
    }

    /// Sorted once the code section starts.
    fn address_taken(&mut self, function: u32) {
        self.analysis.address_taken.push(function);
    }

    /// Records the defined functions that the large bodies call directly, on several threads
    /// when there is enough of them (they are scanned before any body is validated, while the
    /// other threads would wait). The bodies are not validated yet: what follows an operator
    /// that fails to decode is not looked at (validation refuses it).
    fn record_callees(&mut self) {
        let bodies = std::mem::take(&mut self.large_bodies);
        let (wasm, imported) = (self.wasm, self.analysis.imported_functions);
        let runs = in_order(parallel_runs(bodies.iter().map(|range| range.len()), self.threads), |run| {
            let mut calls = DirectCalls { imported, callees: Vec::new() };
            for range in &bodies[run] {
                let body = FunctionBody::new(BinaryReader::new(&wasm[range.clone()], range.start));
                let Ok(mut operators) = body.get_operators_reader() else { continue };
                while !operators.eof() && operators.visit_operator(&mut calls).is_ok() {}
            }
            calls.callees
        });
        self.analysis.called_by_large.extend(runs.into_iter().flatten());
    }

    /// Records the functions a constant expression names with `ref.func`.
    fn take_addresses(&mut self, expression: &wasmparser::ConstExpr<'_>) {
        for op in expression.get_operators_reader() {
            match op {
                Ok(Operator::RefFunc { function_index }) => self.address_taken(function_index),
                Ok(_) => {}
                Err(_) => break,
            }
        }
    }

    fn wrap_type(&mut self, results: &[wasmparser::ValType]) -> WrapType {
        match results {
            [] => WrapType::Inline(None),
            [one] => WrapType::Inline(Some(*one)),
            many => {
                let existing = self
                    .analysis
                    .types
                    .iter()
                    .position(|ty| ty.as_ref().is_some_and(|ty| ty.params().is_empty() && ty.results() == many));
                let index = match existing {
                    Some(index) => index,
                    None => self.analysis.types.len() + self.extra_type(&[], many),
                };
                WrapType::Index(index as u32)
            }
        }
    }
}

impl Body {
    /// Starts a metering block at `position`, with a check before its charge when `check`
    /// (loop headers; the entry's check is placed by `finish`). Both charges are set by
    /// `finish`, once the block's price is known.
    fn start_block(&mut self, prices: &Prices, position: usize, reload: bool, check: bool) {
        let mut cost = 0;
        let mut check_at = None;
        if check {
            check_at = Some(self.injections.len());
            self.injections.push((position, Injection::Snippet(Snippet::Check { charge: 0, reload: false })));
            cost = prices.check(false);
            self.checks += 1;
        }
        let injection = self.injections.len();
        let meter = Snippet::Meter { charge: 0, reload, flush: false, trap_only: false };
        self.injections.push((position, Injection::Snippet(meter)));
        self.blocks.push(MeterBlock {
            injection,
            cost,
            reload,
            observed: false,
            exits: false,
            check: check_at,
            last_take: None,
        });
    }

    /// Marks the current point as one where the host or a callee can read the global: the
    /// block writes its charge back at its start or, after a call of an internal function,
    /// where it takes the gas back. `exits` when what reads it is a call or an exit rather
    /// than a trap.
    fn observed(&mut self, prices: &Prices, exits: bool) {
        let Some(block) = self.blocks.last_mut() else { return };
        match &mut block.last_take {
            None => {
                block.observed = true;
                block.exits |= exits;
            }
            Some((take, flushed)) => {
                if !*flushed {
                    *flushed = true;
                    // Added then subtracted: a policy may price the flushing take below the other.
                    block.cost = block.cost.saturating_add(prices.take_gas[1]) - prices.take_gas[0];
                }
                if let (_, Injection::Snippet(Snippet::TakeGas { flush, trap_only })) = &mut self.injections[*take] {
                    *trap_only = if *flush { *trap_only && !exits } else { !exits };
                    *flush = true;
                }
            }
        }
    }

    /// A call of an internal function returns here with the gas: takes it back into the local.
    fn take_gas(&mut self, prices: &Prices, position: usize, live: bool) {
        if live && let Some(block) = self.blocks.last_mut() {
            block.last_take = Some((self.injections.len(), false));
        }
        self.inject_live(position, Snippet::TakeGas { flush: false, trap_only: false }, prices.take_gas[0], live);
    }

    /// A direct call to a defined function, which checks the gas at its entry: the check of a
    /// loop header in the same block is redundant, since every iteration passes that one.
    fn direct_call(&mut self, prices: &Prices, function: u32) {
        self.calls_module = true;
        self.callees.push(function);
        if let Some(block) = self.blocks.last_mut()
            && let Some(check) = block.check.take()
        {
            block.cost -= prices.check(false);
            self.checks -= 1;
            self.redundant_checks.push(check);
        }
    }

    fn charge(&mut self, cost: u64) {
        // Every live instruction belongs to a block: the entry block is started first.
        if let Some(block) = self.blocks.last_mut() {
            block.cost = block.cost.saturating_add(cost);
        }
    }

    fn inject(&mut self, position: usize, snippet: Snippet, cost: u64) {
        self.injections.push((position, Injection::Snippet(snippet)));
        self.charge(cost);
    }

    /// Marks the target of a branch `depth` labels out, taken if `live`.
    fn target(&mut self, depth: u32, live: bool) {
        let depth = depth as usize;
        match self.frames.len().checked_sub(depth + 1) {
            Some(at) => self.frames[at].targeted |= live,
            None => {
                self.function_targeted |= live;
                self.function_label_used = true;
            }
        }
    }

    fn frame(&self) -> u64 {
        u64::from(self.params) + u64::from(self.declared_locals)
    }

    /// Injects `snippet`, charging its price if the code is live. Dead code needs some
    /// snippets too: it is still validated, and a call of an internal function or an exit of
    /// one must match the types the rewrite gave them.
    fn inject_live(&mut self, position: usize, snippet: Snippet, price: u64, live: bool) {
        self.injections.push((position, Injection::Snippet(snippet)));
        if live {
            self.charge(price);
        }
    }
}

impl<'p> Hooks for Analyzer<'p> {
    type Fork = Analyzer<'p>;

    fn fork(&self) -> Analyzer<'p> {
        let analysis = Analysis {
            functions: Vec::new(),
            types: self.analysis.types.clone(),
            // The internal functions' types, numbered the same in every fork.
            extra_types: self.analysis.extra_types.clone(),
            function_types: Vec::new(),
            call_types: self.analysis.call_types.clone(),
            results: Vec::new(),
            multi_value: self.analysis.multi_value,
            globals: self.analysis.globals,
            imported_functions: self.analysis.imported_functions,
            address_taken: self.analysis.address_taken.clone(),
            called_by_large: Vec::new(),
            bodies_left: 0,
        };
        Analyzer {
            policy: self.policy,
            prices: self.prices,
            analysis,
            body: None,
            ops: self.ops.clone(),
            scratch: Scratch::default(),
            inherited_types: self.analysis.extra_types.len(),
            wasm: self.wasm,
            threads: 1,
            large_bodies: Vec::new(),
        }
    }

    /// Appends the fork's plans. A fork numbers the block types it had to add from the end of
    /// the module's types as if no other function had added any; they are renumbered here, in
    /// function order, which is the numbering one pass gives.
    fn join(&mut self, fork: Analyzer<'p>) {
        // Types the fork inherited (the internal functions') are numbered as here already.
        let inherited = self.analysis.types.len() + fork.inherited_types;
        if fork.analysis.extra_types.len() == fork.inherited_types {
            self.analysis.functions.extend(fork.analysis.functions);
            return;
        }
        let module_types = self.analysis.types.len() as u32;
        for mut plan in fork.analysis.functions {
            for (_, injection) in &mut plan.injections {
                if let Injection::WrapStart(WrapType::Index(index)) = injection
                    && *index as usize >= inherited
                {
                    let (params, results) = &fork.analysis.extra_types[(*index - module_types) as usize];
                    *index = module_types + self.extra_type(params, results) as u32;
                }
            }
            self.analysis.functions.push(plan);
        }
    }

    fn payload(&mut self, payload: &Payload<'_>) -> Result<(), ValidationError> {
        match payload {
            Payload::TypeSection(reader) => {
                for group in reader.clone() {
                    let Ok(group) = group else { break };
                    for ty in group.types() {
                        self.analysis.types.push(match &ty.composite_type.inner {
                            wasmparser::CompositeInnerType::Func(func) => Some(func.clone()),
                            _ => None,
                        });
                    }
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.clone().into_imports() {
                    let Ok(import) = import else { break };
                    match import.ty {
                        TypeRef::Global(_) => self.analysis.globals += 1,
                        TypeRef::Func(_) => self.analysis.imported_functions += 1,
                        _ => {}
                    }
                }
            }
            Payload::GlobalSection(reader) => {
                self.analysis.globals += reader.count();
                for global in reader.clone() {
                    let Ok(global) = global else { break };
                    self.take_addresses(&global.init_expr);
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader.clone() {
                    let Ok(export) = export else { break };
                    if export.kind == wasmparser::ExternalKind::Func {
                        self.address_taken(export.index);
                    }
                }
            }
            Payload::StartSection { func, .. } => self.address_taken(*func),
            Payload::FunctionSection(reader) => {
                for ty in reader.clone() {
                    let Ok(ty) = ty else { break };
                    self.analysis.function_types.push(ty);
                }
            }
            Payload::CodeSectionStart { count, .. } => {
                self.analysis.bodies_left = *count;
                if *count == 0 {
                    self.analysis.internal_types();
                }
            }
            Payload::CodeSectionEntry(body) => {
                if body.range().len() > LARGE_BODY_BYTES {
                    self.large_bodies.push(body.range());
                }
                // Bodies are queued until the whole code section has been read, so this comes
                // before any of them is analysed. A section with fewer bodies than it declares
                // is malformed: nothing is decided, and validation refuses the module.
                if let Some(left) = self.analysis.bodies_left.checked_sub(1) {
                    self.analysis.bodies_left = left;
                    if left == 0 {
                        self.record_callees();
                        self.analysis.internal_types();
                    }
                }
            }
            Payload::ElementSection(reader) => {
                for element in reader.clone() {
                    let Ok(element) = element else { break };
                    match element.items {
                        wasmparser::ElementItems::Functions(functions) => {
                            for function in functions {
                                let Ok(function) = function else { break };
                                self.address_taken(function);
                            }
                        }
                        wasmparser::ElementItems::Expressions(_, expressions) => {
                            for expression in expressions {
                                let Ok(expression) = expression else { break };
                                self.take_addresses(&expression);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn function(&mut self, validator: &Func, code: &FunctionBody<'_>) -> Result<(), ValidationError> {
        let (params, results) = match function_type(validator) {
            Some(ty) => (ty.params().len() as u32, ty.results().to_vec()),
            None => (0, Vec::new()),
        };
        let internal = self.analysis.is_internal(validator.index());
        self.body = Some(Body {
            index: validator.index(),
            params,
            internal,
            declared_locals: 0,
            results,
            frames: std::mem::take(&mut self.scratch.frames),
            live: true,
            function_targeted: false,
            function_label_used: false,
            max_operands: 0,
            // About one injection per 16 bytes of code (a metering block per 25 on CosmWasm
            // contracts): growing the vector from nothing was 5% of instrumentation.
            injections: Vec::with_capacity(code.range().len() / 8 + 8),
            blocks: std::mem::take(&mut self.scratch.blocks),
            needs_size: false,
            needs_f32: false,
            needs_f64: false,
            checks: 0,
            started: false,
            constructs: Vec::new(),
            calls_module: false,
            callees: Vec::new(),
            redundant_checks: std::mem::take(&mut self.scratch.redundant_checks),
            internal_calls: Vec::new(),
        });
        Ok(())
    }

    fn locals(&mut self, _function: u32, count: u32, _offset: usize) -> Result<(), ValidationError> {
        if let Some(body) = &mut self.body {
            // The validator has bounded the total (and the policy's limit is lower still).
            body.declared_locals = body.declared_locals.saturating_add(count);
        }
        Ok(())
    }

    #[inline(always)]
    fn operator(
        &mut self,
        validator: &Func,
        op: &Operator<'_>,
        offset: usize,
        end: usize,
    ) -> Result<(), ValidationError> {
        let prices = &self.prices;
        let Some(body) = self.body.as_mut() else {
            return Ok(());
        };
        body.max_operands = body.max_operands.max(validator.operand_stack_height());
        if !body.started {
            body.started = true;
            // Entry: the place of the check, then the charge (loading the gas local from the
            // global unless the caller passed it). At the end, once it is known whether the
            // function reserves its own frame, either the check is made there or the frame is
            // reserved after the charge, with the gas check on the same branch. The entry check
            // is never dropped: it is what makes a call a check for its caller.
            body.injections.push((offset, Injection::Snippet(Snippet::Check { charge: 0, reload: false })));
            body.start_block(prices, offset, !body.internal, false);
            body.checks += 1;
        }
        let Some(opcode) = opcode_of(op) else {
            return Err(unpriced(body.index, offset, op));
        };
        let info = self.ops[opcode.index()];
        let Some(cost) = info.cost else {
            return Err(unpriced(body.index, offset, op));
        };
        let was_live = body.live;
        let final_end = matches!(op, Operator::End) && body.frames.is_empty();
        // The final `end` is charged below, to the block it ends up in.
        if was_live && !final_end {
            body.charge(cost);
            // Calls of internal functions and returns from them pass the gas in a value: only
            // a trap in the callee reads the global, and the callee writes it back first.
            let passes_gas = match op {
                Operator::Call { function_index } => self.analysis.is_internal(*function_index),
                Operator::Return => body.internal,
                _ => false,
            };
            if info.observes && !passes_gas {
                body.observed(prices, info.exits);
            }
        }

        if matches!(op, Operator::Block { .. } | Operator::Loop { .. } | Operator::If { .. }) {
            body.constructs.push(offset);
        }
        match op {
            Operator::Block { .. } => body.frames.push(Frame::new(FrameKind::Block, was_live)),
            Operator::Loop { .. } => {
                body.frames.push(Frame::new(FrameKind::Loop, was_live));
                if was_live {
                    body.start_block(prices, end, false, true);
                }
            }
            Operator::If { .. } => {
                body.frames.push(Frame::new(FrameKind::If, was_live));
                if was_live {
                    body.start_block(prices, end, false, false);
                }
            }
            Operator::Else => {
                if let Some(frame) = body.frames.last_mut() {
                    frame.kind = FrameKind::Else;
                    frame.then_live = was_live;
                    body.live = frame.entered_live;
                }
                if body.live {
                    body.start_block(prices, end, false, false);
                }
            }
            Operator::End => match body.frames.pop() {
                Some(frame) => {
                    let fallthrough = was_live;
                    let (reachable, join) = match frame.kind {
                        FrameKind::Loop => (fallthrough, false),
                        FrameKind::Block => (fallthrough || frame.targeted, frame.targeted),
                        // The false path of an if without else goes straight to its end.
                        FrameKind::If => (fallthrough || frame.entered_live, true),
                        FrameKind::Else => (fallthrough || frame.then_live || frame.targeted, true),
                    };
                    body.live = reachable;
                    if reachable && join {
                        body.start_block(prices, end, false, false);
                    }
                }
                None => {
                    // The body's final `end`. Branches to the function's label land after the
                    // wrap block's end, a join: the exit's write-back (or, in an internal
                    // function, the gas result) is then on every path that leaves.
                    if body.wrapped() {
                        body.inject_live(offset, Snippet::WrapEnd, prices.wrap_end, was_live);
                        if body.function_targeted {
                            body.start_block(prices, offset, false, false);
                            body.live = true;
                        }
                    }
                    let live = body.live;
                    if live {
                        body.charge(cost);
                        if !body.internal {
                            body.observed(prices, true);
                        }
                    }
                    if body.internal {
                        body.inject_live(offset, Snippet::ReturnGas, prices.return_gas, live);
                    }
                }
            },
            Operator::Br { relative_depth } => {
                body.target(*relative_depth, was_live);
                body.live = false;
            }
            Operator::BrIf { relative_depth } => {
                body.target(*relative_depth, was_live);
                if was_live {
                    body.start_block(prices, end, false, false);
                }
            }
            Operator::BrTable { targets } => {
                body.target(targets.default(), was_live);
                // Validated: every target decodes.
                for target in targets.targets().flatten() {
                    body.target(target, was_live);
                }
                body.live = false;
            }
            Operator::Return => {
                if body.internal {
                    body.inject_live(offset, Snippet::ReturnGas, prices.return_gas, was_live);
                }
                body.live = false;
            }
            Operator::Unreachable => body.live = false,
            Operator::LocalGet { local_index }
            | Operator::LocalSet { local_index }
            | Operator::LocalTee { local_index }
                if body.internal && *local_index >= body.params =>
            {
                // Dead code too: it must still validate against the renumbered locals.
                let index = local_index + INTERNAL_PARAMS;
                body.injections.push((offset, Injection::Local { index, end }));
            }
            Operator::Call { function_index } => {
                let function = *function_index;
                let internal = self.analysis.is_internal(function);
                if internal {
                    body.inject_live(offset, Snippet::PassCounters, prices.pass_counters, was_live);
                } else if was_live && function >= self.analysis.imported_functions {
                    body.inject(offset, Snippet::StackSync, prices.stack_sync);
                }
                if was_live && function >= self.analysis.imported_functions {
                    body.direct_call(prices, function);
                }
                if was_live && internal {
                    body.internal_calls.push((body.blocks.len() - 1, function));
                }
                if internal {
                    body.take_gas(prices, end, was_live);
                } else if was_live {
                    body.inject(end, Snippet::Resync, prices.resync);
                }
            }
            Operator::CallIndirect { .. } => {
                if was_live {
                    body.calls_module = true;
                    body.inject(offset, Snippet::StackSync, prices.stack_sync);
                    body.inject(end, Snippet::Resync, prices.resync);
                }
            }
            _ => {
                if was_live {
                    if let Some(unit) = info.unit {
                        body.needs_size = true;
                        body.checks += 1;
                        body.inject(offset, Snippet::Dynamic { unit }, prices.dynamic);
                    }
                    match info.nan {
                        Some(true) => {
                            body.needs_f32 = true;
                            let price = prices.canonicalize_f32.unwrap_or_default();
                            body.inject(end, Snippet::CanonicalizeF32, price);
                        }
                        Some(false) => {
                            body.needs_f64 = true;
                            let price = prices.canonicalize_f64.unwrap_or_default();
                            body.inject(end, Snippet::CanonicalizeF64, price);
                        }
                        None => {}
                    }
                }
            }
        }

        if final_end && let Some(body) = self.body.take() {
            let plan = self.finish(body, self.prices);
            self.analysis.functions.push(plan);
        }
        Ok(())
    }
}

impl Analyzer<'_> {
    fn finish(&mut self, mut body: Body, prices: Prices) -> FunctionPlan {
        let operands = if self.policy.stack().operand_stack { u64::from(body.max_operands) } else { 0 };
        // Frames are below 2^31: params, locals and operands are each bounded by the validator.
        let frame = (self.policy.stack().frame_base + body.frame() + operands).min(i32::MAX as u64) as u32;
        // A leaf that only direct calls reach is reserved for by its callers (`docs/gas.md`):
        // it cannot recurse, and every caller knows it.
        let folded = !body.calls_module && self.analysis.address_taken.binary_search(&body.index).is_err();

        let mut removed = std::mem::take(&mut body.redundant_checks);

        // The entry: a function its callers reserve for checks before its charge, like a loop
        // header (the check then loads the gas local, where the meter would have); any other
        // reserves its frame after the charge, with the gas check on the same branch, and
        // writes the gas back on its trapping path unless the charge did. The wrap block, when
        // there is one, opens after both.
        let entry = body.injections.first().map_or(0, |(position, _)| *position);
        debug_assert!(
            matches!(body.injections.get(ENTRY_CHECK_AT), Some((_, Injection::Snippet(Snippet::Check { .. }))))
                && matches!(body.injections.get(ENTRY_METER_AT), Some((_, Injection::Snippet(Snippet::Meter { .. })))),
            "every body starts with the place of its entry's check, then its meter"
        );
        let entry_block = &mut body.blocks[0];
        // Where what follows the entry's check and meter goes, once removals are done.
        let after_entry = if folded { ENTRY_METER_AT + 1 } else { RESERVE_AT };
        let mut prefix = Vec::new();
        if folded {
            let reload = std::mem::replace(&mut entry_block.reload, false);
            body.injections[ENTRY_CHECK_AT].1 = Injection::Snippet(Snippet::Check { charge: 0, reload });
            entry_block.check = Some(ENTRY_CHECK_AT);
            entry_block.cost = entry_block.cost.saturating_add(prices.check(reload));
        } else {
            let (param, write_back) = (body.internal, !entry_block.observed);
            prefix.push((entry, Injection::Snippet(Snippet::Reserve { frame, param, write_back })));
            entry_block.cost = entry_block.cost.saturating_add(prices.reserve(param, write_back));
            removed.push(ENTRY_CHECK_AT);
        }
        if body.wrapped() {
            let results = body.results.clone();
            prefix.push((entry, Injection::WrapStart(self.wrap_type(&results))));
            body.blocks[0].cost = body.blocks[0].cost.saturating_add(prices.wrap_start);
        }

        // The callers of an internal function pay its entry block with their own charge, when
        // that block calls no internal function (whose entry charge would then be part of it):
        // the entry then subtracts nothing, and the counter it is passed needs no arithmetic
        // before its check (`docs/gas.md`, "Internal functions").
        let entry_calls_internal = body.internal_calls.first().is_some_and(|&(block, _)| block == 0);
        let entry_charge = {
            let entry = &body.blocks[0];
            let charge = entry.cost.saturating_add(prices.caller_charged[usize::from(entry.observed)]);
            (body.internal && !entry_calls_internal && charge <= CALLER_CHARGED_MAX).then_some(charge)
        };

        let mut max_block_cost = 0;
        let mut total_charge = 0u64;
        for (index, block) in body.blocks.iter_mut().enumerate() {
            let flush = block.observed;
            let trap_only = block.observed && !block.exits;
            let caller_charged = index == 0 && entry_charge.is_some();
            let (charge, meter) = match entry_charge {
                Some(charge) if caller_charged => (charge, Snippet::CallerCharged { flush, trap_only }),
                _ => {
                    let charge = block.cost.saturating_add(prices.meter(block.reload, flush));
                    (charge, Snippet::Meter { charge, reload: block.reload, flush, trap_only })
                }
            };
            max_block_cost = max_block_cost.max(charge);
            total_charge = total_charge.saturating_add(charge);
            body.injections[block.injection].1 = Injection::Snippet(meter);
            if let Some(check) = block.check
                && let (_, Injection::Snippet(Snippet::Check { charge: c, .. })) = &mut body.injections[check]
            {
                // A leaf's callers have charged its entry: its check tests the counter's sign.
                *c = if caller_charged { 0 } else { charge };
            }
        }
        let mut injections = body.injections;
        removed.sort_unstable();
        if !removed.is_empty() {
            let mut index = 0;
            injections.retain(|_| {
                index += 1;
                removed.binary_search(&(index - 1)).is_err()
            });
        }
        // Of what precedes `after_entry`, only the entry's check can have been removed, and
        // `after_entry` allows for that.
        let inserted = prefix.len();
        injections.splice(after_entry..after_entry, prefix);
        // Where each block's meter now is (meters are never removed).
        let meter_at = |block: usize| {
            let original = body.blocks[block].injection;
            let kept = original - removed.partition_point(|&r| r < original);
            if kept >= after_entry { kept + inserted } else { kept }
        };
        let internal_calls = body.internal_calls.iter().map(|&(block, callee)| (meter_at(block), callee)).collect();

        body.callees.sort_unstable();
        body.callees.dedup();
        let report = FunctionReport {
            index: body.index,
            metering_points: body.blocks.len() as u32,
            checks: body.checks,
            max_block_cost,
            frame,
            internal: body.internal,
            original_bytes: 0,
            instrumented_bytes: 0,
        };
        removed.clear();
        body.blocks.clear();
        body.frames.clear();
        self.scratch = Scratch { frames: body.frames, blocks: body.blocks, redundant_checks: removed };
        FunctionPlan {
            params: body.params,
            locals: body.params + body.declared_locals,
            internal: body.internal,
            folded,
            frame,
            callees: body.callees,
            needs_size: body.needs_size,
            needs_f32: body.needs_f32,
            needs_f64: body.needs_f64,
            injections,
            constructs: body.constructs,
            report,
            entry_charge,
            total_charge,
            internal_calls,
        }
    }
}

/// The parameters an internal function gains: the gas and stack counters.
pub(crate) const INTERNAL_PARAMS: u32 = 2;

impl Analysis {
    /// The index among the added types of `params -> results`, added if new.
    fn extra_type(&mut self, params: &[wasmparser::ValType], results: &[wasmparser::ValType]) -> usize {
        match self.extra_types.iter().position(|(p, r)| p == params && r == results) {
            Some(extra) => extra,
            None => {
                self.extra_types.push((params.to_vec(), results.to_vec()));
                self.extra_types.len() - 1
            }
        }
    }

    /// Decides which defined functions are internal, once every way of taking a function's
    /// address and every body has been seen: those nothing but a direct `call` reaches, that no
    /// body of more than [`LARGE_BODY_BYTES`] calls, whose type has room for the counters (and,
    /// without multi-value, has no results). Their new types are added in function order.
    fn internal_types(&mut self) {
        use wasmparser::ValType::{I32, I64};
        for functions in [&mut self.address_taken, &mut self.called_by_large] {
            functions.sort_unstable();
            functions.dedup();
        }
        let module_types = self.types.len();
        let mut call_types = Vec::with_capacity(self.function_types.len());
        let mut all_results = Vec::with_capacity(self.function_types.len());
        for (defined, &ty) in std::mem::take(&mut self.function_types).iter().enumerate() {
            let function = self.imported_functions + defined as u32;
            let results = self.types.get(ty as usize).and_then(Option::as_ref).map(|ty| ty.results().to_vec());
            all_results.push(results.unwrap_or_default());
            let call_type = match self.types.get(ty as usize) {
                Some(Some(ty))
                    if self.address_taken.binary_search(&function).is_err()
                        && self.called_by_large.binary_search(&function).is_err()
                        && ty.params().len() + INTERNAL_PARAMS as usize <= MAX_PARAMS
                        && ty.results().len() < MAX_RESULTS
                        && (self.multi_value || ty.results().is_empty()) =>
                {
                    let params = [ty.params(), &[I64, I32]].concat();
                    let results = [ty.results(), &[I64]].concat();
                    Some((module_types + self.extra_type(&params, &results)) as u32)
                }
                _ => None,
            };
            if call_type.is_some()
                && let Some(results) = all_results.last_mut()
            {
                results.push(I64);
            }
            call_types.push(call_type);
        }
        self.call_types = call_types;
        self.results = all_results;
    }

    /// Entries of the type section once the rewrite has appended its types.
    pub(crate) fn type_count(&self) -> u64 {
        (self.types.len() + self.extra_types.len()) as u64
    }

    /// Whether `function` is internal: defined, reached only by direct calls, none of them from
    /// a very large body.
    pub(crate) fn is_internal(&self, function: u32) -> bool {
        function
            .checked_sub(self.imported_functions)
            .and_then(|defined| self.call_types.get(defined as usize))
            .is_some_and(Option::is_some)
    }

    /// What needs the whole module: each function that reserves its own frame reserves, in
    /// addition, the largest frame among the folded leaves it calls.
    fn resolve(&mut self) {
        let imported = self.imported_functions;
        let folded_frames: Vec<Option<u32>> =
            self.functions.iter().map(|plan| plan.folded.then_some(plan.frame)).collect();
        for plan in self.functions.iter_mut().filter(|plan| !plan.folded) {
            let callees = plan.callees.iter().filter_map(|&callee| {
                let defined = callee.checked_sub(imported)? as usize;
                *folded_frames.get(defined)?
            });
            let extra = callees.max().unwrap_or(0);
            // Both below 2^31, and the sum capped there like any frame.
            let frame = (u64::from(plan.frame) + u64::from(extra)).min(i32::MAX as u64) as u32;
            if let (_, Injection::Snippet(Snippet::Reserve { frame: f, .. })) = &mut plan.injections[RESERVE_AT] {
                *f = frame;
            }
            plan.report.frame = frame;
        }
        // The entry charges that callers pay, added to the meters of the blocks that call.
        let entry_charges: Vec<Option<u64>> = self.functions.iter().map(|plan| plan.entry_charge).collect();
        for plan in &mut self.functions {
            for &(at, callee) in &plan.internal_calls {
                let Some(entry) = callee.checked_sub(imported).and_then(|d| *entry_charges.get(d as usize)?) else {
                    continue;
                };
                match &mut plan.injections[at] {
                    (_, Injection::Snippet(Snippet::Meter { charge, .. })) => {
                        *charge = charge.saturating_add(entry);
                        plan.report.max_block_cost = plan.report.max_block_cost.max(*charge);
                        plan.total_charge = plan.total_charge.saturating_add(entry);
                    }
                    // A block that calls an internal function charges itself: its loop check is
                    // redundant, and an entry block that makes such a call is not paid by callers.
                    _ => debug_assert!(false, "a block that calls an internal function has a meter"),
                }
            }
        }
    }
}

impl Body {
    /// Whether the body is wrapped in a block: when a live branch targets its label (the exit
    /// then has one place to write the gas back), and in an internal function when any branch
    /// does (that label's type does not have the gas result).
    fn wrapped(&self) -> bool {
        self.function_targeted || (self.internal && self.function_label_used)
    }
}

impl Frame {
    fn new(kind: FrameKind, entered_live: bool) -> Frame {
        Frame { kind, targeted: false, entered_live, then_live: false }
    }
}

/// Whether `opcode` is an arithmetic float instruction whose NaN results are not
/// deterministic: `Some(true)` for f32, `Some(false)` for f64. Loads, constants,
/// reinterpretations, `abs`, `neg` and `copysign` move bits exactly and need nothing;
/// conversions from integers cannot produce a NaN.
fn nan_producer(opcode: Opcode) -> Option<bool> {
    use Opcode::*;
    match opcode {
        F32Add | F32Sub | F32Mul | F32Div | F32Sqrt | F32Min | F32Max | F32Ceil | F32Floor | F32Trunc | F32Nearest
        | F32DemoteF64 => Some(true),
        F64Add | F64Sub | F64Mul | F64Div | F64Sqrt | F64Min | F64Max | F64Ceil | F64Floor | F64Trunc | F64Nearest
        | F64PromoteF32 => Some(false),
        _ => None,
    }
}

fn unpriced(function: u32, offset: usize, op: &Operator<'_>) -> ValidationError {
    ValidationError::Invalid {
        message: format!("instruction {op:?} has no price in this policy"),
        location: Location::in_function(function, offset),
    }
}

/// The value types wasm-encoder needs for a wrap block's inline result.
pub(crate) fn inline_block_type(result: Option<wasmparser::ValType>) -> Option<wasm_encoder::BlockType> {
    match result {
        None => Some(wasm_encoder::BlockType::Empty),
        Some(ty) => val_type(ty).map(wasm_encoder::BlockType::Result),
    }
}

impl FunctionPlan {
    /// For each of the body's own constructs, how many injected blocks (`if`s of checks, the
    /// wrap block) come before it: label `k` becomes label `k + shifts[k]`. One pass over both
    /// lists, which are in offset order.
    pub(crate) fn label_shifts(&self) -> Vec<u32> {
        let mut shifts = Vec::with_capacity(self.constructs.len());
        let mut injections = self.injections.iter().peekable();
        let mut injected = 0;
        for &offset in &self.constructs {
            while let Some((_, injection)) = injections.next_if(|(position, _)| *position <= offset) {
                injected += u32::from(injection.opens_block());
            }
            shifts.push(injected);
        }
        shifts
    }
}

impl Injection {
    fn opens_block(&self) -> bool {
        match self {
            Injection::WrapStart(_) => true,
            Injection::Local { .. } => false,
            Injection::Snippet(snippet) => {
                matches!(snippet, Snippet::Check { .. } | Snippet::Reserve { .. } | Snippet::Dynamic { .. })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Which instructions make a block write its charge back: those that can trap, call or
    /// leave the function, by the text names the spec gives them, and the two grows (they do
    /// not trap, but their dynamic charge writes back anyway). A pure instruction counted here
    /// only costs a store; a trapping one missing here would make the gas at its trap wrong,
    /// so the list is written out rather than derived from the cost classes.
    #[test]
    fn exactly_the_instructions_that_can_trap_call_or_leave_observe_the_counter() {
        let observing = |name: &str| {
            name.contains(".load")
                || name.contains(".store")
                || name.contains(".div_")
                || name.contains(".rem_")
                || (name.contains(".trunc_f") && !name.contains("_sat_"))
                || matches!(
                    name,
                    "unreachable"
                        | "call"
                        | "call_indirect"
                        | "return"
                        | "memory.grow"
                        | "memory.copy"
                        | "memory.fill"
                        | "memory.init"
                        | "table.get"
                        | "table.set"
                        | "table.grow"
                        | "table.fill"
                        | "table.copy"
                        | "table.init"
                )
        };
        let mut counted = 0;
        for &opcode in Opcode::ALL {
            assert_eq!(observes(opcode, TrapGas::Exact), observing(opcode.name()), "{}", opcode.name());
            counted += usize::from(observes(opcode, TrapGas::Exact));
        }
        // 23 loads and stores, 8 divisions, 8 trapping truncations, and the 14 named.
        assert_eq!(counted, 23 + 8 + 8 + 14);
    }

    /// Where a trap uses the whole limit, only calls and returns write the charge back (the
    /// final `end` of a function that is not internal too, which is not an instruction here).
    #[test]
    fn where_a_trap_uses_the_limit_only_calls_and_returns_observe_the_counter() {
        let observing: Vec<&str> = Opcode::ALL
            .iter()
            .filter(|&&opcode| observes(opcode, TrapGas::Limit))
            .map(|opcode| opcode.name())
            .collect();
        assert_eq!(observing, ["return", "call", "call_indirect"]);
    }
}
