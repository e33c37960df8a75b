(module
  (type (;0;) (func))
  (table $t (;0;) 4 4294967295 funcref)
  (global (;0;) (mut i64) i64.const 0)
  (global (;1;) (mut i32) i32.const 0)
  (export "run" (func 2))
  (export "baals_gas" (global 0))
  (export "baals_stack" (global 1))
  (elem $callbacks (;0;) func $a $b)
  (func $a (;0;) (type 0)
    (local i64 i32)
    global.get 0
    i64.const 62
    i64.add
    local.tee 0
    global.set 0
    global.get 1
    i32.const 4
    i32.add
    local.tee 1
    i64.extend_i32_s
    local.get 0
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 1
      global.set 1
      unreachable
    end
  )
  (func $b (;1;) (type 0)
    (local i64 i32)
    global.get 0
    i64.const 62
    i64.add
    local.tee 0
    global.set 0
    global.get 1
    i32.const 4
    i32.add
    local.tee 1
    i64.extend_i32_s
    local.get 0
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 1
      global.set 1
      unreachable
    end
  )
  (func (;2;) (type 0)
    (local i64 i32 i32)
    global.get 0
    i64.const 1163
    i64.add
    local.tee 0
    global.set 0
    global.get 1
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
      global.set 1
      unreachable
    end
    ref.null func
    i32.const 2
    local.tee 2
    local.get 0
    local.get 2
    i64.extend_i32_u
    i64.const 49
    i64.mul
    i64.add
    local.tee 0
    global.set 0
    local.get 0
    i64.const 0
    i64.ge_s
    if ;; label = @1
      unreachable
    end
    table.grow $t
    drop
    i32.const 0
    ref.func $a
    i32.const 3
    local.tee 2
    local.get 0
    local.get 2
    i64.extend_i32_u
    i64.const 3
    i64.mul
    i64.add
    local.tee 0
    global.set 0
    local.get 0
    i64.const 0
    i64.ge_s
    if ;; label = @1
      unreachable
    end
    table.fill $t
    i32.const 3
    i32.const 0
    i32.const 2
    local.tee 2
    local.get 0
    local.get 2
    i64.extend_i32_u
    i64.const 10
    i64.mul
    i64.add
    local.tee 0
    global.set 0
    local.get 0
    i64.const 0
    i64.ge_s
    if ;; label = @1
      unreachable
    end
    table.copy
    i32.const 4
    i32.const 0
    i32.const 2
    local.tee 2
    local.get 0
    local.get 2
    i64.extend_i32_u
    i64.const 6
    i64.mul
    i64.add
    local.tee 0
    global.set 0
    local.get 0
    i64.const 0
    i64.ge_s
    if ;; label = @1
      unreachable
    end
    table.init $callbacks
    elem.drop $callbacks
  )
  (@custom "baals.instrumented" (after code) "baals-instrument 0.1.0\0apolicy 1d5d12b5f66d800cfcd7e65f6bfc5e6ee890ef92265b749dbdd2df02e1f526a5\0a")
)
