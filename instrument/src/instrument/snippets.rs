//! The code the instrumenter injects, and its price.
//!
//! Each snippet is encoded with `wasm-encoder`; its price is computed by decoding those very
//! bytes and pricing each instruction with the policy, so the price charged for injected code
//! cannot drift from the code injected. Immediates do not affect a price, so each snippet is
//! priced once per policy.

use baals_policy::Policy;
use wasm_encoder::{BlockType, Encode, Instruction, ValType};
use wasmparser::{BinaryReader, OperatorsReader};

use crate::opcode::opcode_of;

/// Indices the snippets refer to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Slots {
    /// The exported gas global (i64): the complement of the gas left, counting up
    /// ([`gas_counter`](crate::gas_counter)).
    pub(crate) gas_global: u32,
    /// The exported stack global (i32): the complement of the units left, counting up.
    pub(crate) stack_global: u32,
    /// The function's gas local (i64): a parameter of internal functions.
    pub(crate) gas: u32,
    /// The stack counter once the function's frame is reserved (i32, the complement of the
    /// units left): what its callees reserve from. The caller's value, a parameter, in
    /// internal functions.
    pub(crate) stack: u32,
    /// A scratch i32 local for size operands.
    pub(crate) size: u32,
    /// A scratch f32 local for NaN canonicalization.
    pub(crate) f32: u32,
    /// A scratch f64 local for NaN canonicalization.
    pub(crate) f64: u32,
}

/// One piece of injected code.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Snippet {
    /// Charges a metering block: the gas local (reloaded from the global at function entry and
    /// after calls, where the global is the truth) plus `charge`: the counter is the
    /// complement of the gas left, so a charge adds to it. With `flush`, the local is
    /// also written back to the global: only blocks that can trap, call or leave the function
    /// need that, because those are the only places where anyone reads the global
    /// (`docs/gas.md`).
    ///
    /// `trap_only` marks a write-back that only instructions that can trap read, which the
    /// copy run on every call drops (`crate::without_trap_write_backs`); it does not change
    /// the code, so it is ignored here and in the prices. The same holds for the other two
    /// snippets that write the counter back.
    Meter { charge: u64, reload: bool, flush: bool, trap_only: bool },
    /// The entry of an internal function whose callers charge its entry block
    /// (`docs/gas.md`, "Internal functions"): nothing to add, since the counter it is
    /// passed is charged already; with `flush`, writes it to the global for an instruction of
    /// the block that can trap, call or leave.
    CallerCharged { flush: bool, trap_only: bool },
    /// Traps if the gas left is below `charge`, the charge of the metering block it opens,
    /// which comes right after it; the trapping path writes 0 (-1 left) to the global, so
    /// that the host sees out of gas. Testing before charging keeps the charged counter in
    /// the same compiled block as the code that uses it (`docs/instrumentation.md`, "The check before
    /// the charge"). With `reload`, it first loads the gas local from the global (the entry
    /// of a function that is not internal).
    Check { charge: u64, reload: bool },
    /// Reloads the gas local from the global after a call: the callee (or the host) charged
    /// the global.
    Resync,
    /// Reserves the frame's stack units from what the caller left: the stack parameter of an
    /// internal function (`param`), else the global, and checks the gas with the same branch:
    /// the entry check of a function that reserves its own frame. Traps past the limit,
    /// leaving the global non-negative (negative units left), or out of gas; with
    /// `write_back`, the trapping path writes the gas local back too (the entry's charge did
    /// not).
    Reserve { frame: u32, param: bool, write_back: bool },
    /// Writes the stack counter to the global before a call of a function that is not
    /// internal (it reserves from the global).
    StackSync,
    /// Passes the gas and stack counters to an internal function, after its arguments.
    PassCounters,
    /// Takes the gas counter back from an internal function's last result; with `flush`, also
    /// writes it to the global, for an instruction later in the same block that can trap,
    /// call or leave (the block's own write-back came before the callee's charges).
    TakeGas { flush: bool, trap_only: bool },
    /// Returns the gas counter from an internal function, after its results.
    ReturnGas,
    /// Charges `unit` gas per unit of the size operand on top of the stack, then checks.
    Dynamic { unit: u64 },
    /// Replaces an f32 NaN on top of the stack by the canonical NaN.
    CanonicalizeF32,
    /// Replaces an f64 NaN on top of the stack by the canonical NaN.
    CanonicalizeF64,
    /// Opens the block that wraps a body whose code branches to the function's label.
    WrapStart(BlockType),
    /// Closes it.
    WrapEnd,
}

/// Opcodes (binary format) of the snippets written byte by byte.
const LOCAL_GET: u8 = 0x20;
const LOCAL_SET: u8 = 0x21;
const LOCAL_TEE: u8 = 0x22;
const GLOBAL_GET: u8 = 0x23;
const GLOBAL_SET: u8 = 0x24;
const I64_CONST: u8 = 0x42;
const I64_GE_S: u8 = 0x59;
const I64_ADD: u8 = 0x7c;
const IF: u8 = 0x04;
const EMPTY_BLOCK: u8 = 0x40;
const UNREACHABLE: u8 = 0x00;
const END: u8 = 0x0b;
/// 0 as a signed LEB128: the counter that stands for -1 gas left (`!-1`), out of gas.
const ZERO: u8 = 0x00;

/// Writes `value` as an unsigned LEB128: one byte, without a call, for the small indices
/// that are almost all of them.
#[inline]
pub(crate) fn uleb(value: u32, out: &mut Vec<u8>) {
    if value < 0x80 { out.push(value as u8) } else { value.encode(out) }
}

/// Writes two instructions with one index each.
#[inline]
fn pair(out: &mut Vec<u8>, first: u8, first_index: u32, second: u8, second_index: u32) {
    out.push(first);
    uleb(first_index, out);
    out.push(second);
    uleb(second_index, out);
}

/// Writes `value` as a signed LEB128, one byte without a call for -64..64.
#[inline]
fn sleb(value: i64, out: &mut Vec<u8>) {
    if (-0x40..0x40).contains(&value) { out.push(value as u8 & 0x7f) } else { value.encode(out) }
}

/// The canonical NaNs: quiet, positive, zero payload.
const CANONICAL_NAN_F32: u32 = 0x7fc0_0000;
const CANONICAL_NAN_F64: u64 = 0x7ff8_0000_0000_0000;

impl Snippet {
    /// Whether the snippet ends with a write-back of the gas counter that only instructions
    /// able to trap read: `local.tee`/`local.get` of the gas local, then `global.set` of the
    /// gas global (`crate::without_trap_write_backs`).
    pub(crate) fn ends_with_trap_only_write_back(self) -> bool {
        matches!(
            self,
            Snippet::Meter { flush: true, trap_only: true, .. }
                | Snippet::CallerCharged { flush: true, trap_only: true }
                | Snippet::TakeGas { flush: true, trap_only: true }
        )
    }

    /// Appends the snippet's code to `out`. Called once per injection, so it writes straight
    /// into `out`: building a `Vec` of instructions per injection cost about 5% of
    /// instrument()'s instructions on the corpus (record 0005).
    pub(crate) fn encode(self, s: &Slots, out: &mut Vec<u8>) {
        use Instruction::*;
        let mut put = |instructions: &[Instruction<'static>]| {
            for instruction in instructions {
                instruction.encode(out);
            }
        };
        match self {
            // The two snippets of every metering block are written byte by byte: they are most
            // of the injected code, and that saved another 4% of instrument()'s instructions
            // (record 0005). The prices, which decode these bytes, and the golden
            // outputs pin the encoding.
            Snippet::Meter { charge, reload, flush, .. } => {
                let (opcode, index) = if reload { (GLOBAL_GET, s.gas_global) } else { (LOCAL_GET, s.gas) };
                out.push(opcode);
                uleb(index, out);
                // The counter is the complement of the gas left, so charging adds: cranelift
                // computes `x + c` into a new register with one `lea`, where `x - c` took a
                // copy and a `sub` (`docs/instrumentation.md`, "Counting up"). Charges are
                // below 2^62 (policy checks), so the cast is exact.
                out.push(I64_CONST);
                sleb(charge as i64, out);
                out.push(I64_ADD);
                if flush {
                    out.push(LOCAL_TEE);
                    uleb(s.gas, out);
                    out.push(GLOBAL_SET);
                    uleb(s.gas_global, out);
                } else {
                    out.push(LOCAL_SET);
                    uleb(s.gas, out);
                }
            }
            Snippet::CallerCharged { flush, .. } => {
                if flush {
                    pair(out, LOCAL_GET, s.gas, GLOBAL_SET, s.gas_global);
                }
            }
            // The write-back sits on the trapping path only: the check itself is a compare
            // and a branch. `left < charge` is `counter + charge >= 0`, i.e. `counter >=
            // -charge`. Out of gas is the global's sign (`docs/gas.md`), so the trapping path
            // writes a constant rather than computing the overdraft: 0, which stands for -1
            // gas left.
            Snippet::Check { charge, reload } => {
                if reload {
                    pair(out, GLOBAL_GET, s.gas_global, LOCAL_TEE, s.gas);
                } else {
                    out.push(LOCAL_GET);
                    uleb(s.gas, out);
                }
                out.push(I64_CONST);
                sleb(-(charge as i64), out);
                out.extend_from_slice(&[I64_GE_S, IF, EMPTY_BLOCK, I64_CONST, ZERO, GLOBAL_SET]);
                uleb(s.gas_global, out);
                out.extend_from_slice(&[UNREACHABLE, END]);
            }
            // The snippets around calls are as frequent as calls: written byte by byte too.
            Snippet::Resync => pair(out, GLOBAL_GET, s.gas_global, LOCAL_SET, s.gas),
            // The stack counter, the complement of the units left like the gas counter's, is
            // negative while code runs (it traps first) and frames are below 2^31, so
            // `counter + frame` cannot wrap. Nothing is released on return: each function
            // keeps its counter in a local and hands it to its callees, so the caller's value
            // is still right when they return. The entry's gas check rides on the same branch:
            // both counters are negative while there is something left, so `extend(s) & g` is
            // non-negative when either has run out (the complements are why the two tests
            // are still one `and` and one compare). The trapping path
            // writes both counters back: the host reads out of gas from the gas global's sign
            // first, then the stack limit from the stack global's.
            Snippet::Reserve { frame, param, write_back } => {
                let left = if param { LocalGet(s.stack) } else { GlobalGet(s.stack_global) };
                put(&[
                    left,
                    I32Const(frame as i32),
                    I32Add,
                    LocalTee(s.stack),
                    I64ExtendI32S,
                    LocalGet(s.gas),
                    I64And,
                    I64Const(0),
                    I64GeS,
                    If(BlockType::Empty),
                    LocalGet(s.stack),
                    GlobalSet(s.stack_global),
                ]);
                if write_back {
                    put(&[LocalGet(s.gas), GlobalSet(s.gas_global)]);
                }
                put(&[Unreachable, End]);
            }
            Snippet::StackSync => pair(out, LOCAL_GET, s.stack, GLOBAL_SET, s.stack_global),
            Snippet::PassCounters => pair(out, LOCAL_GET, s.gas, LOCAL_GET, s.stack),
            Snippet::TakeGas { flush: false, .. } => {
                out.push(LOCAL_SET);
                uleb(s.gas, out);
            }
            Snippet::TakeGas { flush: true, .. } => pair(out, LOCAL_TEE, s.gas, GLOBAL_SET, s.gas_global),
            Snippet::ReturnGas => {
                out.push(LOCAL_GET);
                uleb(s.gas, out);
            }
            Snippet::Dynamic { unit } => {
                // size < 2^32 and unit <= 2^30: the product is below 2^62 and cannot wrap.
                put(&[
                    LocalTee(s.size),
                    LocalGet(s.gas),
                    LocalGet(s.size),
                    I64ExtendI32U,
                    I64Const(unit as i64),
                    I64Mul,
                    I64Add,
                    LocalTee(s.gas),
                    GlobalSet(s.gas_global),
                ]);
                // The check, after the charge (which has just written the global, so the
                // trapping path writes nothing): the charge is only known at run time.
                out.push(LOCAL_GET);
                uleb(s.gas, out);
                out.extend_from_slice(&[I64_CONST, 0, I64_GE_S, IF, EMPTY_BLOCK, UNREACHABLE, END]);
            }
            Snippet::CanonicalizeF32 => put(&[
                LocalTee(s.f32),
                F32Const(f32::from_bits(CANONICAL_NAN_F32).into()),
                LocalGet(s.f32),
                LocalGet(s.f32),
                F32Eq,
                Select,
            ]),
            Snippet::CanonicalizeF64 => put(&[
                LocalTee(s.f64),
                F64Const(f64::from_bits(CANONICAL_NAN_F64).into()),
                LocalGet(s.f64),
                LocalGet(s.f64),
                F64Eq,
                Select,
            ]),
            Snippet::WrapStart(block_type) => put(&[Block(block_type)]),
            Snippet::WrapEnd => put(&[End]),
        }
    }
}

/// The most gas a call may charge between two checks of the counter, a block's charge
/// included (it is an `i64.const`): the budget the policy's prices leave room for (2^62, the
/// policy's headroom). A module that could charge more is refused
/// ([`InstrumentError::ChargeTooLarge`](crate::InstrumentError::ChargeTooLarge)).
pub(crate) const MAX_CHARGE: u64 = 1 << 62;

/// The price of each snippet under one policy. `None` for snippets the policy cannot price
/// (NaN canonicalization without floats), which are then never needed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Prices {
    /// The meter, indexed by `[reload][flush]`.
    meters: [[u64; 2]; 2],
    /// The entry of a function its callers charge, indexed by `flush`.
    pub(crate) caller_charged: [u64; 2],
    /// The check, indexed by `reload`.
    checks: [u64; 2],
    pub(crate) resync: u64,
    /// The reservation, indexed by `[param][write_back]`.
    reserves: [[u64; 2]; 2],
    pub(crate) stack_sync: u64,
    pub(crate) pass_counters: u64,
    /// Taking the gas back, indexed by `flush`.
    pub(crate) take_gas: [u64; 2],
    pub(crate) return_gas: u64,
    pub(crate) dynamic: u64,
    pub(crate) canonicalize_f32: Option<u64>,
    pub(crate) canonicalize_f64: Option<u64>,
    pub(crate) wrap_start: u64,
    pub(crate) wrap_end: u64,
}

impl Prices {
    pub(crate) fn new(policy: &Policy) -> Prices {
        let price = |snippet: Snippet| price_of(snippet, policy);
        let required = |snippet: Snippet| {
            // Only integer-core instructions: every policy prices them (the policy checks that
            // every allowed instruction has a price, and the integer core is always allowed).
            price(snippet).expect("the integer core is priced by every policy")
        };
        Prices {
            meters: [false, true].map(|reload| {
                [false, true].map(|flush| required(Snippet::Meter { charge: 0, reload, flush, trap_only: false }))
            }),
            caller_charged: [false, true].map(|flush| required(Snippet::CallerCharged { flush, trap_only: false })),
            checks: [false, true].map(|reload| required(Snippet::Check { charge: 0, reload })),
            resync: required(Snippet::Resync),
            reserves: [false, true].map(|param| {
                [false, true].map(|write_back| required(Snippet::Reserve { frame: 0, param, write_back }))
            }),
            stack_sync: required(Snippet::StackSync),
            pass_counters: required(Snippet::PassCounters),
            take_gas: [false, true].map(|flush| required(Snippet::TakeGas { flush, trap_only: false })),
            return_gas: required(Snippet::ReturnGas),
            dynamic: required(Snippet::Dynamic { unit: 0 }),
            canonicalize_f32: price(Snippet::CanonicalizeF32),
            canonicalize_f64: price(Snippet::CanonicalizeF64),
            wrap_start: required(Snippet::WrapStart(BlockType::Empty)),
            wrap_end: required(Snippet::WrapEnd),
        }
    }
}

impl Prices {
    /// The price of a metering block's charge.
    pub(crate) fn meter(&self, reload: bool, flush: bool) -> u64 {
        self.meters[usize::from(reload)][usize::from(flush)]
    }

    /// The price of a gas check, loading the gas local from the global first or not.
    pub(crate) fn check(&self, reload: bool) -> u64 {
        self.checks[usize::from(reload)]
    }

    /// The price of a frame's reservation, from the stack parameter or the global, with the
    /// gas write-back on its trapping path or without.
    pub(crate) fn reserve(&self, param: bool, write_back: bool) -> u64 {
        self.reserves[usize::from(param)][usize::from(write_back)]
    }
}

fn price_of(snippet: Snippet, policy: &Policy) -> Option<u64> {
    let slots = Slots { gas_global: 0, stack_global: 1, gas: 0, stack: 1, size: 2, f32: 3, f64: 4 };
    let mut bytes = Vec::new();
    snippet.encode(&slots, &mut bytes);
    let mut reader = OperatorsReader::new(BinaryReader::new(&bytes, 0));
    let mut total = 0;
    while !reader.eof() {
        // Our own encoding of known instructions: decoding cannot fail.
        let op = reader.read().ok()?;
        total = policy.cost(opcode_of(&op)?)?.saturating_add(total);
    }
    // Capped just past the greatest charge: sums of prices stay far from overflowing, and any
    // sum that includes a capped price is still refused.
    Some(total.min(MAX_CHARGE + 1))
}

/// The value type of a wasmparser value type, for block types.
pub(crate) fn val_type(ty: wasmparser::ValType) -> Option<ValType> {
    Some(match ty {
        wasmparser::ValType::I32 => ValType::I32,
        wasmparser::ValType::I64 => ValType::I64,
        wasmparser::ValType::F32 => ValType::F32,
        wasmparser::ValType::F64 => ValType::F64,
        wasmparser::ValType::V128 => ValType::V128,
        wasmparser::ValType::Ref(r) if r.is_func_ref() && r.is_nullable() => ValType::FUNCREF,
        wasmparser::ValType::Ref(r) if r.is_extern_ref() && r.is_nullable() => ValType::EXTERNREF,
        wasmparser::ValType::Ref(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-byte shortcut writes what the general encoder writes, on both sides of its
    /// range: a check's constant is a negated charge.
    #[test]
    fn signed_leb128_matches_the_encoder() {
        let values = (-200..200).chain([i64::MIN, -(1 << 62), -(1 << 62) - 1, 1 << 62, i64::MAX]);
        for value in values {
            let (mut ours, mut theirs) = (Vec::new(), Vec::new());
            sleb(value, &mut ours);
            value.encode(&mut theirs);
            assert_eq!(ours, theirs, "{value}");
        }
    }

    /// The round prices the metering tests derive their figures from (instructions 1 or 2,
    /// `call` 10): `tests/gas.rs` and `docs/gas.md`, "Prices of the injected code".
    const METERING: &str = include_str!("../../../tests/policies/metering.toml");

    #[test]
    fn prices_are_the_sums_of_their_instructions() {
        let prices = Prices::new(&Policy::from_toml(METERING).unwrap());
        // local.get 1 / global.get 2, i64.const 1, i64.add 1, then local.set 1, or local.tee 1
        // and global.set 2.
        assert_eq!([prices.meter(false, false), prices.meter(false, true)], [4, 6]);
        assert_eq!([prices.meter(true, false), prices.meter(true, true)], [5, 7]);
        // Nothing, or local.get 1 and global.set 2.
        assert_eq!(prices.caller_charged, [0, 3]);
        // local.get 1 (or global.get 2, local.tee 1), i64.const 1, i64.ge_s 1, if 2, i64.const 1,
        // global.set 2, unreachable 1, end 1.
        assert_eq!([prices.check(false), prices.check(true)], [10, 12]);
        // global.get 2, local.set 1.
        assert_eq!(prices.resync, 3);
        // global.get 2 or local.get 1, i32.const 1, i32.add 1, local.tee 1, i64.extend_i32_s 1,
        // local.get 1, i64.and 1, i64.const 1, i64.ge_s 1, if 2, local.get 1, global.set 2,
        // local.get 1, global.set 2, unreachable 1, end 1.
        // Without the gas write-back (the entry's charge wrote it): 3 less.
        assert_eq!([prices.reserve(false, true), prices.reserve(true, true)], [20, 19]);
        assert_eq!([prices.reserve(false, false), prices.reserve(true, false)], [17, 16]);
        // local.get 1, global.set 2.
        assert_eq!(prices.stack_sync, 3);
        // local.get 1, local.get 1; local.set 1, or local.tee 1 and global.set 2; local.get 1.
        assert_eq!(prices.pass_counters, 2);
        assert_eq!(prices.take_gas, [1, 3]);
        assert_eq!(prices.return_gas, 1);
        // local.tee 1, local.get 1, local.get 1, i64.extend_i32_u 1, i64.const 1, i64.mul 2,
        // i64.add 1, local.tee 1, global.set 2, then a check without the write-back.
        assert_eq!(prices.dynamic, 11 + 7);
        assert_eq!(prices.canonicalize_f32, None);
        let floats = METERING.replace("floats = \"deny\"", "floats = \"canonicalize-nan\"");
        let floats = Prices::new(&Policy::from_toml(&floats).unwrap());
        // local.tee 1, f32.const 4, local.get 1, local.get 1, f32.eq 4, select 1.
        assert_eq!(floats.canonicalize_f32, Some(12));
    }
}
