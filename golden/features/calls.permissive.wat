(module
  (type $unary (;0;) (func (param i32) (result i32)))
  (type (;1;) (func))
  (table (;0;) 1 1 funcref)
  (global $out (;0;) (mut i32) i32.const 0)
  (global (;1;) (mut i64) i64.const 0)
  (global (;2;) (mut i32) i32.const 0)
  (export "run" (func 1))
  (export "baals_gas" (global 1))
  (export "baals_stack" (global 2))
  (elem (;0;) (i32.const 0) func $triple)
  (func $triple (;0;) (type $unary) (param i32) (result i32)
    (local i64 i32)
    global.get 1
    i64.const 67
    i64.add
    local.tee 1
    global.set 1
    global.get 2
    i32.const 7
    i32.add
    local.tee 2
    i64.extend_i32_s
    local.get 1
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 2
      global.set 2
      unreachable
    end
    local.get 0
    i32.const 3
    i32.mul
  )
  (func (;1;) (type 1)
    (local i64 i32)
    global.get 1
    i64.const 134
    i64.add
    local.tee 0
    global.set 1
    global.get 2
    i32.const 7
    i32.add
    local.tee 1
    i64.extend_i32_s
    local.get 0
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 1
      global.set 2
      unreachable
    end
    i32.const 7
    local.get 1
    global.set 2
    call $triple
    global.get 1
    local.set 0
    i32.const 5
    i32.const 0
    local.get 1
    global.set 2
    call_indirect (type $unary)
    global.get 1
    local.set 0
    i32.add
    global.set $out
  )
  (@custom "baals.instrumented" (after code) "baals-instrument 0.1.0\0apolicy 1d5d12b5f66d800cfcd7e65f6bfc5e6ee890ef92265b749dbdd2df02e1f526a5\0a")
)
