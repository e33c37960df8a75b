//! The kernels' contracts, generated as WebAssembly text.
//!
//! A loop contract exports `run`: it reads its input (`n: u32`, `salt: u32`, then anything
//! else the kernel passes), runs an optional setup, then `n` iterations of a body that repeats
//! one operation, and returns what it computed so that nothing it did is dead code.
//!
//! Memory layout (bytes): 0..8 the input's head; 16..24 the result; 32..64 a scratch key;
//! 64..96 an address; 256..320 two contract ids; 320..384 method names; 512..544 a public
//! key; 576..640 a signature; 640.. a short message; 65,536.. large buffers.

use baals_policy::HostFunction;

/// Every host function, imported under its name without `baals_` (`$storage_read`).
pub fn imports() -> String {
    let mut out = String::new();
    for function in HostFunction::ALL {
        let name = function.name();
        let short = name.strip_prefix("baals_").unwrap_or(name);
        out.push_str(&format!("  (import \"env\" \"{name}\" (func ${short} {}))\n", function.signature()));
    }
    out
}

/// One step of a 64-bit LCG in `$r`: addresses, indices and branch conditions that no
/// predictor or prefetcher learns.
pub const LCG: &str = "(local.set $r (i64.add (i64.mul (local.get $r) (i64.const 6364136223846793005)) \
                       (i64.const 1442695040888963407)))";

/// The locals every loop contract has.
const LOCALS: &str = "(local $n i32) (local $s i32) (local $i i32) (local $p i32) (local $q i32) (local $x i32) \
                      (local $a i64) (local $b i64) (local $c i64) (local $d i64) (local $r i64)";

/// Float locals, declared only where the policy allows floats.
const FLOAT_LOCALS: &str = "(local $fa f64) (local $fb f64)";

/// Touches every 4 KiB page of the first `bytes` of memory with a store, counting in the i32
/// local `local`, so that later loads read memory of its own rather than the kernel's shared
/// zero page.
pub fn touch(local: &str, bytes: u64) -> String {
    format!(
        "(local.set {local} (i32.const 0))
         (block $tb (loop $tl
           (i32.store (local.get {local}) (local.get {local}))
           (local.set {local} (i32.add (local.get {local}) (i32.const 4096)))
           (br_if $tl (i32.lt_u (local.get {local}) (i32.const {bytes})))))"
    )
}

/// The parts of a loop contract.
#[derive(Debug, Default)]
pub struct Loop {
    /// Initial memory, in 64 KiB pages.
    pub pages: u32,
    /// Module fields beside the method: functions, tables, globals, data.
    pub fields: String,
    /// Run once, before the loop.
    pub setup: String,
    /// Run at the top of every iteration, before the operations.
    pub each: String,
    /// The operations of one iteration.
    pub body: String,
    /// Run after the loop, before the result is returned (`unreachable` for a late trap).
    pub after: String,
}

impl Loop {
    /// A loop of `body`, `unroll` times over, in `pages` of memory.
    pub fn new(pages: u32, unroll: usize, body: impl Fn(usize) -> String) -> Loop {
        Loop { pages, body: (0..unroll).map(body).collect::<Vec<_>>().join("\n      "), ..Loop::default() }
    }

    /// With module fields.
    pub fn fields(mut self, fields: impl Into<String>) -> Loop {
        self.fields = fields.into();
        self
    }

    /// With a setup.
    pub fn setup(mut self, setup: impl Into<String>) -> Loop {
        self.setup = setup.into();
        self
    }

    /// With code at the top of each iteration.
    pub fn each(mut self, each: impl Into<String>) -> Loop {
        self.each = each.into();
        self
    }

    /// With code after the loop.
    pub fn after(mut self, after: impl Into<String>) -> Loop {
        self.after = after.into();
        self
    }

    /// The module's text.
    pub fn text(&self) -> String {
        let Loop { pages, fields, setup, each, body, after } = self;
        format!(
            "(module
{imports}  (memory (export \"memory\") {pages})
  {fields}
  (func (export \"run\") {LOCALS} {floats}
    (drop (call $get_input_data (i32.const 0) (i32.const 8)))
    (local.set $n (i32.load (i32.const 0)))
    (local.set $s (i32.load (i32.const 4)))
    (local.set $b (i64.const 0x9E3779B97F4A7C15))
    (local.set $c (i64.const -1))
    (local.set $r (i64.add (i64.extend_i32_u (local.get $s)) (i64.const 0x2545F4914F6CDD1D)))
    (local.set $p (i32.const 65536))
    {setup}
    (block $done (loop $top
      (br_if $done (i32.eqz (local.get $n)))
      {each}
      {body}
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $top)))
    {after}
    (i64.store (i32.const 16) (i64.xor (i64.xor (local.get $a) (local.get $d)) (i64.extend_i32_u (local.get $x))))
    (call $set_return_data (i32.const 16) (i32.const 8))))",
            imports = imports(),
            floats = if body.contains("$fb") { FLOAT_LOCALS } else { "" },
        )
    }

    /// The module's bytes.
    pub fn wasm(&self) -> Vec<u8> {
        wat::parse_str(self.text()).unwrap_or_else(|error| panic!("a kernel's contract does not parse: {error}"))
    }
}

/// A contract of named methods, each a body without locals but `$x` (i32) and `$a` (i64).
pub fn methods(pages: u32, fields: &str, methods: &[(&str, &str)]) -> Vec<u8> {
    let mut text = format!("(module\n{}  (memory (export \"memory\") {pages})\n  {fields}\n", imports());
    for (name, body) in methods {
        text.push_str(&format!("  (func (export \"{name}\") (local $x i32) (local $a i64) {body})\n"));
    }
    text.push(')');
    wat::parse_str(&text).unwrap_or_else(|error| panic!("a kernel's contract does not parse: {error}"))
}

/// A data segment's string: `bytes` as WebAssembly text escapes.
pub fn escaped(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("\\{b:02x}")).collect()
}

/// A module for the deployment kernels: `shape` decides what `size` counts; `salt` makes the
/// code new. Every shape sits at a policy limit that makes it hard to validate, instrument or
/// compile, and grows in bytes with `size`.
pub fn deploy_module(shape: DeployShape, size: u64, salt: u64) -> Vec<u8> {
    let text = deploy_module_text(shape, size, salt, "");
    wat::parse_str(&text).unwrap_or_else(|error| panic!("a deployment kernel's module does not parse: {error}"))
}

/// The text of [`deploy_module`], with `extra` module fields (a method to call it by).
pub fn deploy_module_text(shape: DeployShape, size: u64, salt: u64, extra: &str) -> String {
    // No memory pages: a call of such a module pays the call's base alone.
    let mut text = String::from("(module (memory (export \"memory\") 0)\n");
    text.push_str(&format!("  (global (export \"salt\") i64 (i64.const {salt}))\n"));
    match shape {
        DeployShape::TinyFunctions => {
            for i in 0..size {
                text.push_str(&format!("  (func (result i32) (i32.const {i}))\n"));
            }
        }
        DeployShape::HugeFunction => {
            // `size` functions of 64,000 instructions (one body may have 65,536).
            for _ in 0..size {
                text.push_str("  (func (param i64) (result i64)\n");
                for k in 0..16_000 {
                    text.push_str(&format!(
                        "    (local.set 0 (i64.add (local.get 0) (i64.const {})))\n",
                        k * 7919 % 1_000_003
                    ));
                }
                text.push_str("    (local.get 0))\n");
            }
        }
        DeployShape::DeepNesting => {
            // Blocks nested 1,000 deep (the policy's `block-depth` is 1,024), each with a
            // branch out of it, `size` functions of them.
            for _ in 0..size {
                text.push_str("  (func (param i32)\n");
                for _ in 0..1000 {
                    text.push_str("(block (br_if 0 (local.get 0))\n");
                }
                text.push_str(&")".repeat(1000));
                text.push_str(")\n");
            }
        }
        DeployShape::BrTable => {
            // `size` functions, each a `br_table` of 4,096 targets (the policy's largest)
            // over 64 blocks.
            for _ in 0..size {
                text.push_str("  (func (param i32) (result i32)\n");
                text.push_str(&"(block ".repeat(64));
                text.push_str("(br_table");
                for t in 0..4096 {
                    text.push_str(&format!(" {}", t % 64));
                }
                text.push_str(" 0 (local.get 0))");
                for k in 0..64 {
                    text.push_str(&format!(") (local.set 0 (i32.add (local.get 0) (i32.const {k})))"));
                }
                text.push_str(" (local.get 0))\n");
            }
        }
        DeployShape::ManyLocals => {
            // `size` functions, each with 500 i64 locals, every one of them used.
            for _ in 0..size {
                text.push_str("  (func (param i64) (result i64) (local");
                text.push_str(&" i64".repeat(500));
                text.push_str(")\n");
                for l in 1..=500 {
                    text.push_str(&format!("    (local.set {l} (i64.add (local.get 0) (local.get {})))\n", l - 1));
                }
                text.push_str("    (local.get 500))\n");
            }
        }
    }
    text.push_str(extra);
    text.push(')');
    text
}

/// The shapes of module that are hardest to deploy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeployShape {
    /// Many functions that do nothing: per-function work of validation and compilation.
    TinyFunctions,
    /// Functions as large as the policy allows.
    HugeFunction,
    /// Blocks nested as deep as the policy allows.
    DeepNesting,
    /// The largest `br_table`.
    BrTable,
    /// The most locals, every one used.
    ManyLocals,
}
