(module
  (type (;0;) (func))
  (memory (;0;) 1 65536)
  (global (;0;) (mut i64) i64.const 0)
  (global (;1;) (mut i32) i32.const 0)
  (export "memory" (memory 0))
  (export "run" (func 0))
  (export "baals_gas" (global 0))
  (export "baals_stack" (global 1))
  (func (;0;) (type 0)
    (local i64 i32 i32)
    global.get 0
    i64.const 2131
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
    i32.const 1
    local.tee 2
    local.get 0
    local.get 2
    i64.extend_i32_u
    i64.const 380000
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
    memory.grow
    drop
    i32.const 0
    i32.const 42
    i32.const 64
    local.tee 2
    local.get 0
    local.get 2
    i64.extend_i32_u
    i64.const 1
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
    memory.fill
    i32.const 64
    i32.const 0
    i32.const 32
    local.tee 2
    local.get 0
    local.get 2
    i64.extend_i32_u
    i64.const 1
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
    memory.copy
    i32.const 128
    i32.const 0
    i32.const 12
    local.tee 2
    local.get 0
    local.get 2
    i64.extend_i32_u
    i64.const 1
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
    memory.init $greeting
    data.drop $greeting
  )
  (data $greeting (;0;) "hello, world")
  (@custom "baals.instrumented" (after data) "baals-instrument 0.1.0\0apolicy 1d5d12b5f66d800cfcd7e65f6bfc5e6ee890ef92265b749dbdd2df02e1f526a5\0a")
)
