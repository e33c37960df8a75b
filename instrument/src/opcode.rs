//! From `wasmparser` operators to the policy's [`Opcode`]s, generated from the policy's
//! [`for_each_opcode!`](baals_policy::for_each_opcode) so the two lists cannot drift: a variant
//! missing from wasmparser is a compile error here.

use baals_policy::Opcode;
use wasmparser::Operator;

macro_rules! define_opcode_of {
    ($($variant:ident, $name:literal, $class:ident, $gate:ident;)*) => {
        /// The policy opcode of `op`, or `None` for an operator the engine cannot price.
        pub(crate) fn opcode_of(op: &Operator<'_>) -> Option<Opcode> {
            match op {
                $(Operator::$variant { .. } => Some(Opcode::$variant),)*
                _ => None,
            }
        }
    };
}

baals_policy::for_each_opcode!(define_opcode_of);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_by_variant() {
        assert_eq!(opcode_of(&Operator::I32Add), Some(Opcode::I32Add));
        assert_eq!(opcode_of(&Operator::MemoryGrow { mem: 0 }), Some(Opcode::MemoryGrow));
        assert_eq!(opcode_of(&Operator::ReturnCall { function_index: 0 }), None);
    }
}
