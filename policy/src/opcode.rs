//! The instructions a policy prices, with their cost classes and the policy switch each needs.
//!
//! [`for_each_opcode!`](crate::for_each_opcode) is the single list. The policy's cost table is
//! built from it here; the instrumenter maps `wasmparser` operators onto it with the same macro,
//! so an instruction missing from the list cannot be priced, and an instruction renamed
//! upstream is a compile error rather than a silent zero cost.

/// Calls `$mac!` with one `Variant, "text.name", Class, Gate;` row per instruction the engine
/// can price.
///
/// `Variant` is the instruction's `wasmparser::Operator` variant, `"text.name"` its name in the
/// WebAssembly text format (the key in a policy's `[costs.opcodes]`), `Class` its
/// [`CostClass`](crate::CostClass) and `Gate` the [`Gate`](crate::Gate) a policy must open for
/// the instruction to be allowed. The typed `select` (opcode `0x1c`) is named `select.typed`.
#[macro_export]
macro_rules! for_each_opcode {
    ($mac:ident) => {
        $mac! {
            Unreachable, "unreachable", Control, Mvp;
            Nop, "nop", Control, Mvp;
            Block, "block", Control, Mvp;
            Loop, "loop", Control, Mvp;
            If, "if", Branch, Mvp;
            Else, "else", Control, Mvp;
            End, "end", Control, Mvp;
            Br, "br", Branch, Mvp;
            BrIf, "br_if", Branch, Mvp;
            BrTable, "br_table", Branch, Mvp;
            Return, "return", Branch, Mvp;
            Call, "call", Call, Mvp;
            CallIndirect, "call_indirect", CallIndirect, Mvp;
            Drop, "drop", Control, Mvp;
            Select, "select", Control, Mvp;
            LocalGet, "local.get", Local, Mvp;
            LocalSet, "local.set", Local, Mvp;
            LocalTee, "local.tee", Local, Mvp;
            GlobalGet, "global.get", Global, Mvp;
            GlobalSet, "global.set", Global, Mvp;
            I32Load, "i32.load", Load, Mvp;
            I64Load, "i64.load", Load, Mvp;
            F32Load, "f32.load", Float, Floats;
            F64Load, "f64.load", Float, Floats;
            I32Load8S, "i32.load8_s", Load, Mvp;
            I32Load8U, "i32.load8_u", Load, Mvp;
            I32Load16S, "i32.load16_s", Load, Mvp;
            I32Load16U, "i32.load16_u", Load, Mvp;
            I64Load8S, "i64.load8_s", Load, Mvp;
            I64Load8U, "i64.load8_u", Load, Mvp;
            I64Load16S, "i64.load16_s", Load, Mvp;
            I64Load16U, "i64.load16_u", Load, Mvp;
            I64Load32S, "i64.load32_s", Load, Mvp;
            I64Load32U, "i64.load32_u", Load, Mvp;
            I32Store, "i32.store", Store, Mvp;
            I64Store, "i64.store", Store, Mvp;
            F32Store, "f32.store", Float, Floats;
            F64Store, "f64.store", Float, Floats;
            I32Store8, "i32.store8", Store, Mvp;
            I32Store16, "i32.store16", Store, Mvp;
            I64Store8, "i64.store8", Store, Mvp;
            I64Store16, "i64.store16", Store, Mvp;
            I64Store32, "i64.store32", Store, Mvp;
            MemorySize, "memory.size", Memory, Mvp;
            MemoryGrow, "memory.grow", Memory, Mvp;
            I32Const, "i32.const", Const, Mvp;
            I64Const, "i64.const", Const, Mvp;
            F32Const, "f32.const", Float, Floats;
            F64Const, "f64.const", Float, Floats;
            I32Eqz, "i32.eqz", Int, Mvp;
            I32Eq, "i32.eq", Int, Mvp;
            I32Ne, "i32.ne", Int, Mvp;
            I32LtS, "i32.lt_s", Int, Mvp;
            I32LtU, "i32.lt_u", Int, Mvp;
            I32GtS, "i32.gt_s", Int, Mvp;
            I32GtU, "i32.gt_u", Int, Mvp;
            I32LeS, "i32.le_s", Int, Mvp;
            I32LeU, "i32.le_u", Int, Mvp;
            I32GeS, "i32.ge_s", Int, Mvp;
            I32GeU, "i32.ge_u", Int, Mvp;
            I64Eqz, "i64.eqz", Int, Mvp;
            I64Eq, "i64.eq", Int, Mvp;
            I64Ne, "i64.ne", Int, Mvp;
            I64LtS, "i64.lt_s", Int, Mvp;
            I64LtU, "i64.lt_u", Int, Mvp;
            I64GtS, "i64.gt_s", Int, Mvp;
            I64GtU, "i64.gt_u", Int, Mvp;
            I64LeS, "i64.le_s", Int, Mvp;
            I64LeU, "i64.le_u", Int, Mvp;
            I64GeS, "i64.ge_s", Int, Mvp;
            I64GeU, "i64.ge_u", Int, Mvp;
            F32Eq, "f32.eq", Float, Floats;
            F32Ne, "f32.ne", Float, Floats;
            F32Lt, "f32.lt", Float, Floats;
            F32Gt, "f32.gt", Float, Floats;
            F32Le, "f32.le", Float, Floats;
            F32Ge, "f32.ge", Float, Floats;
            F64Eq, "f64.eq", Float, Floats;
            F64Ne, "f64.ne", Float, Floats;
            F64Lt, "f64.lt", Float, Floats;
            F64Gt, "f64.gt", Float, Floats;
            F64Le, "f64.le", Float, Floats;
            F64Ge, "f64.ge", Float, Floats;
            I32Clz, "i32.clz", Int, Mvp;
            I32Ctz, "i32.ctz", Int, Mvp;
            I32Popcnt, "i32.popcnt", Int, Mvp;
            I32Add, "i32.add", Int, Mvp;
            I32Sub, "i32.sub", Int, Mvp;
            I32Mul, "i32.mul", IntMul, Mvp;
            I32DivS, "i32.div_s", IntDiv, Mvp;
            I32DivU, "i32.div_u", IntDiv, Mvp;
            I32RemS, "i32.rem_s", IntDiv, Mvp;
            I32RemU, "i32.rem_u", IntDiv, Mvp;
            I32And, "i32.and", Int, Mvp;
            I32Or, "i32.or", Int, Mvp;
            I32Xor, "i32.xor", Int, Mvp;
            I32Shl, "i32.shl", Int, Mvp;
            I32ShrS, "i32.shr_s", Int, Mvp;
            I32ShrU, "i32.shr_u", Int, Mvp;
            I32Rotl, "i32.rotl", Int, Mvp;
            I32Rotr, "i32.rotr", Int, Mvp;
            I64Clz, "i64.clz", Int, Mvp;
            I64Ctz, "i64.ctz", Int, Mvp;
            I64Popcnt, "i64.popcnt", Int, Mvp;
            I64Add, "i64.add", Int, Mvp;
            I64Sub, "i64.sub", Int, Mvp;
            I64Mul, "i64.mul", IntMul, Mvp;
            I64DivS, "i64.div_s", IntDiv, Mvp;
            I64DivU, "i64.div_u", IntDiv, Mvp;
            I64RemS, "i64.rem_s", IntDiv, Mvp;
            I64RemU, "i64.rem_u", IntDiv, Mvp;
            I64And, "i64.and", Int, Mvp;
            I64Or, "i64.or", Int, Mvp;
            I64Xor, "i64.xor", Int, Mvp;
            I64Shl, "i64.shl", Int, Mvp;
            I64ShrS, "i64.shr_s", Int, Mvp;
            I64ShrU, "i64.shr_u", Int, Mvp;
            I64Rotl, "i64.rotl", Int, Mvp;
            I64Rotr, "i64.rotr", Int, Mvp;
            F32Abs, "f32.abs", Float, Floats;
            F32Neg, "f32.neg", Float, Floats;
            F32Ceil, "f32.ceil", Float, Floats;
            F32Floor, "f32.floor", Float, Floats;
            F32Trunc, "f32.trunc", Float, Floats;
            F32Nearest, "f32.nearest", Float, Floats;
            F32Sqrt, "f32.sqrt", Float, Floats;
            F32Add, "f32.add", Float, Floats;
            F32Sub, "f32.sub", Float, Floats;
            F32Mul, "f32.mul", Float, Floats;
            F32Div, "f32.div", Float, Floats;
            F32Min, "f32.min", Float, Floats;
            F32Max, "f32.max", Float, Floats;
            F32Copysign, "f32.copysign", Float, Floats;
            F64Abs, "f64.abs", Float, Floats;
            F64Neg, "f64.neg", Float, Floats;
            F64Ceil, "f64.ceil", Float, Floats;
            F64Floor, "f64.floor", Float, Floats;
            F64Trunc, "f64.trunc", Float, Floats;
            F64Nearest, "f64.nearest", Float, Floats;
            F64Sqrt, "f64.sqrt", Float, Floats;
            F64Add, "f64.add", Float, Floats;
            F64Sub, "f64.sub", Float, Floats;
            F64Mul, "f64.mul", Float, Floats;
            F64Div, "f64.div", Float, Floats;
            F64Min, "f64.min", Float, Floats;
            F64Max, "f64.max", Float, Floats;
            F64Copysign, "f64.copysign", Float, Floats;
            I32WrapI64, "i32.wrap_i64", Int, Mvp;
            I32TruncF32S, "i32.trunc_f32_s", Float, Floats;
            I32TruncF32U, "i32.trunc_f32_u", Float, Floats;
            I32TruncF64S, "i32.trunc_f64_s", Float, Floats;
            I32TruncF64U, "i32.trunc_f64_u", Float, Floats;
            I64ExtendI32S, "i64.extend_i32_s", Int, Mvp;
            I64ExtendI32U, "i64.extend_i32_u", Int, Mvp;
            I64TruncF32S, "i64.trunc_f32_s", Float, Floats;
            I64TruncF32U, "i64.trunc_f32_u", Float, Floats;
            I64TruncF64S, "i64.trunc_f64_s", Float, Floats;
            I64TruncF64U, "i64.trunc_f64_u", Float, Floats;
            F32ConvertI32S, "f32.convert_i32_s", Float, Floats;
            F32ConvertI32U, "f32.convert_i32_u", Float, Floats;
            F32ConvertI64S, "f32.convert_i64_s", Float, Floats;
            F32ConvertI64U, "f32.convert_i64_u", Float, Floats;
            F32DemoteF64, "f32.demote_f64", Float, Floats;
            F64ConvertI32S, "f64.convert_i32_s", Float, Floats;
            F64ConvertI32U, "f64.convert_i32_u", Float, Floats;
            F64ConvertI64S, "f64.convert_i64_s", Float, Floats;
            F64ConvertI64U, "f64.convert_i64_u", Float, Floats;
            F64PromoteF32, "f64.promote_f32", Float, Floats;
            I32ReinterpretF32, "i32.reinterpret_f32", Float, Floats;
            I64ReinterpretF64, "i64.reinterpret_f64", Float, Floats;
            F32ReinterpretI32, "f32.reinterpret_i32", Float, Floats;
            F64ReinterpretI64, "f64.reinterpret_i64", Float, Floats;
            I32Extend8S, "i32.extend8_s", Int, SignExtension;
            I32Extend16S, "i32.extend16_s", Int, SignExtension;
            I64Extend8S, "i64.extend8_s", Int, SignExtension;
            I64Extend16S, "i64.extend16_s", Int, SignExtension;
            I64Extend32S, "i64.extend32_s", Int, SignExtension;
            I32TruncSatF32S, "i32.trunc_sat_f32_s", Float, SaturatingFloatToInt;
            I32TruncSatF32U, "i32.trunc_sat_f32_u", Float, SaturatingFloatToInt;
            I32TruncSatF64S, "i32.trunc_sat_f64_s", Float, SaturatingFloatToInt;
            I32TruncSatF64U, "i32.trunc_sat_f64_u", Float, SaturatingFloatToInt;
            I64TruncSatF32S, "i64.trunc_sat_f32_s", Float, SaturatingFloatToInt;
            I64TruncSatF32U, "i64.trunc_sat_f32_u", Float, SaturatingFloatToInt;
            I64TruncSatF64S, "i64.trunc_sat_f64_s", Float, SaturatingFloatToInt;
            I64TruncSatF64U, "i64.trunc_sat_f64_u", Float, SaturatingFloatToInt;
            MemoryInit, "memory.init", Bulk, BulkMemory;
            DataDrop, "data.drop", Bulk, BulkMemory;
            MemoryCopy, "memory.copy", Bulk, BulkMemory;
            MemoryFill, "memory.fill", Bulk, BulkMemory;
            TableInit, "table.init", Bulk, BulkMemory;
            ElemDrop, "elem.drop", Bulk, BulkMemory;
            TableCopy, "table.copy", Bulk, BulkMemory;
            TypedSelect, "select.typed", Control, ReferenceTypes;
            RefNull, "ref.null", Reference, ReferenceTypes;
            RefIsNull, "ref.is_null", Reference, ReferenceTypes;
            RefFunc, "ref.func", Reference, ReferenceTypes;
            TableFill, "table.fill", Table, ReferenceTypes;
            TableGet, "table.get", Table, ReferenceTypes;
            TableSet, "table.set", Table, ReferenceTypes;
            TableGrow, "table.grow", Table, ReferenceTypes;
            TableSize, "table.size", Table, ReferenceTypes;
        }
    };
}

macro_rules! define_opcode {
    ($($variant:ident, $name:literal, $class:ident, $gate:ident;)*) => {
        /// An instruction a policy can price.
        ///
        /// The variants are named as `wasmparser::Operator`'s; [`Opcode::name`] gives the text
        /// format name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Opcode {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl Opcode {
            /// Every opcode, in table order (the order of [`Opcode::index`]).
            pub const ALL: &'static [Opcode] = &[$(Opcode::$variant),*];

            /// The number of opcodes.
            pub const COUNT: usize = Self::ALL.len();

            /// The instruction's name in the WebAssembly text format, e.g. `i32.add`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Opcode::$variant => $name,)*
                }
            }

            /// The cost class whose price applies when the policy sets no per-opcode price.
            pub const fn class(self) -> CostClass {
                match self {
                    $(Opcode::$variant => CostClass::$class,)*
                }
            }

            /// The policy switch that must be open for this instruction to be allowed.
            pub const fn gate(self) -> Gate {
                match self {
                    $(Opcode::$variant => Gate::$gate,)*
                }
            }

            /// Looks an opcode up by its text format name.
            pub fn from_name(name: &str) -> Option<Opcode> {
                match name {
                    $($name => Some(Opcode::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

for_each_opcode!(define_opcode);

impl Opcode {
    /// The opcode's position in [`Opcode::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for Opcode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A group of instructions that share a price unless a policy prices an opcode on its own.
///
/// Classes are a convenience for policy authors: the policy's identity (its hash) depends only
/// on the resulting price of each opcode, not on whether it came from a class or an override.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum CostClass {
    /// `unreachable`, `nop`, `block`, `loop`, `else`, `end`, `drop`, `select`.
    Control,
    /// `if`, `br`, `br_if`, `br_table`, `return`: instructions that may transfer control.
    Branch,
    /// `call`.
    Call,
    /// `call_indirect`.
    CallIndirect,
    /// `local.get`, `local.set`, `local.tee`.
    Local,
    /// `global.get`, `global.set`.
    Global,
    /// `i32.const`, `i64.const`.
    Const,
    /// Integer loads.
    Load,
    /// Integer stores.
    Store,
    /// `memory.size` and the base price of `memory.grow` (pages are priced in `[memory]`).
    Memory,
    /// Integer arithmetic, bitwise, comparison and conversion instructions other than the two below.
    Int,
    /// `i32.mul`, `i64.mul`.
    IntMul,
    /// Integer division and remainder.
    IntDiv,
    /// Every instruction that produces or consumes a float, float loads and stores included.
    Float,
    /// The base price of the bulk-memory instructions (bytes and elements are priced in `[bulk]`).
    Bulk,
    /// `ref.null`, `ref.is_null`, `ref.func`.
    Reference,
    /// `table.get`, `table.set`, `table.size`, and the base price of `table.grow` and `table.fill`.
    Table,
}

impl CostClass {
    /// Every class, in declaration order.
    pub const ALL: &'static [CostClass] = &[
        CostClass::Control,
        CostClass::Branch,
        CostClass::Call,
        CostClass::CallIndirect,
        CostClass::Local,
        CostClass::Global,
        CostClass::Const,
        CostClass::Load,
        CostClass::Store,
        CostClass::Memory,
        CostClass::Int,
        CostClass::IntMul,
        CostClass::IntDiv,
        CostClass::Float,
        CostClass::Bulk,
        CostClass::Reference,
        CostClass::Table,
    ];

    /// The class's key in a policy's `[costs]` table.
    pub const fn key(self) -> &'static str {
        match self {
            CostClass::Control => "control",
            CostClass::Branch => "branch",
            CostClass::Call => "call",
            CostClass::CallIndirect => "call-indirect",
            CostClass::Local => "local",
            CostClass::Global => "global",
            CostClass::Const => "const",
            CostClass::Load => "load",
            CostClass::Store => "store",
            CostClass::Memory => "memory",
            CostClass::Int => "int",
            CostClass::IntMul => "int-mul",
            CostClass::IntDiv => "int-div",
            CostClass::Float => "float",
            CostClass::Bulk => "bulk",
            CostClass::Reference => "reference",
            CostClass::Table => "table",
        }
    }

    /// Looks a class up by its `[costs]` key.
    pub fn from_key(key: &str) -> Option<CostClass> {
        CostClass::ALL.iter().copied().find(|c| c.key() == key)
    }
}

/// The policy switch an instruction needs: the WebAssembly proposal that introduced it, or
/// [`Gate::Floats`] for the floating-point instructions of the core specification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Gate {
    /// The integer core of WebAssembly 1.0: always allowed.
    Mvp,
    /// Floating-point instructions of WebAssembly 1.0: allowed unless `features.floats = "deny"`.
    Floats,
    /// The sign-extension operators: `features.sign-extension`.
    SignExtension,
    /// The non-trapping float-to-int conversions: allowed with floats.
    SaturatingFloatToInt,
    /// The bulk memory operations: `features.bulk-memory`.
    BulkMemory,
    /// The reference types proposal: `features.reference-types`.
    ReferenceTypes,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        for &op in Opcode::ALL {
            assert_eq!(Opcode::from_name(op.name()), Some(op), "{op:?}");
        }
        assert_eq!(Opcode::COUNT, 201);
        assert_eq!(Opcode::from_name("i32.addd"), None);
    }

    #[test]
    fn every_float_instruction_is_gated_by_floats() {
        for &op in Opcode::ALL {
            let name = op.name();
            let touches_float = name.contains("f32") || name.contains("f64");
            let gated = matches!(op.gate(), Gate::Floats | Gate::SaturatingFloatToInt);
            assert_eq!(touches_float, gated, "{name}");
            assert_eq!(touches_float, op.class() == CostClass::Float, "{name}");
        }
    }

    #[test]
    fn class_keys_round_trip() {
        for &class in CostClass::ALL {
            assert_eq!(CostClass::from_key(class.key()), Some(class));
        }
    }
}
