(module
  (type (;0;) (func (param i32) (result i32)))
  (type (;1;) (func))
  (type (;2;) (func (param i32 i64 i32) (result i32 i64)))
  (global $out (;0;) (mut i32) i32.const 0)
  (global (;1;) (mut i64) i64.const 0)
  (global (;2;) (mut i32) i32.const 0)
  (export "run" (func 1))
  (export "baals_gas" (global 1))
  (export "baals_stack" (global 2))
  (func $pick (;0;) (type 2) (param i32 i64 i32) (result i32 i64)
    local.get 1
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 1
      unreachable
    end
    block (result i32) ;; label = @1
      i32.const 7
      local.get 0
      br_if 0 (;@1;)
      local.get 1
      i64.const 7
      i64.add
      local.set 1
      drop
      i32.const 9
    end
    local.get 1
    i64.const 6
    i64.add
    local.set 1
    local.get 1
  )
  (func (;1;) (type 1)
    (local i64 i32)
    global.get 1
    i64.const 176
    i64.add
    local.set 0
    global.get 2
    i32.const 12
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
      local.get 0
      global.set 1
      unreachable
    end
    global.get $out
    local.get 0
    local.get 1
    call $pick
    local.tee 0
    global.set 1
    global.set $out
  )
  (@custom "baals.instrumented" (after code) "baals-instrument 0.1.0\0apolicy 1d5d12b5f66d800cfcd7e65f6bfc5e6ee890ef92265b749dbdd2df02e1f526a5\0a")
)
