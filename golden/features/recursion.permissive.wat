(module
  (type (;0;) (func (param i32) (result i32)))
  (type (;1;) (func))
  (type (;2;) (func (param i32 i64 i32) (result i32 i64)))
  (global $depth (;0;) (mut i32) i32.const 10)
  (global (;1;) (mut i64) i64.const 0)
  (global (;2;) (mut i32) i32.const 0)
  (export "run" (func 1))
  (export "baals_gas" (global 1))
  (export "baals_stack" (global 2))
  (func $down (;0;) (type 2) (param i32 i64 i32) (result i32 i64)
    local.get 2
    i32.const 8
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
      local.get 1
      global.set 1
      unreachable
    end
    local.get 0
    if (result i32) ;; label = @1
      local.get 1
      i64.const 129
      i64.add
      local.set 1
      i32.const 1
      local.get 0
      i32.const 1
      i32.sub
      local.get 1
      local.get 2
      call $down
      local.set 1
      i32.add
    else
      local.get 1
      i64.const 6
      i64.add
      local.set 1
      i32.const 0
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
    i64.const 185
    i64.add
    local.set 0
    global.get 2
    i32.const 5
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
    global.get $depth
    local.get 0
    local.get 1
    call $down
    local.tee 0
    global.set 1
    global.set $depth
  )
  (@custom "baals.instrumented" (after code) "baals-instrument 0.1.0\0apolicy 1d5d12b5f66d800cfcd7e65f6bfc5e6ee890ef92265b749dbdd2df02e1f526a5\0a")
)
