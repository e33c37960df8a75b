(module
  (type (;0;) (func (param i32) (result i32)))
  (type (;1;) (func))
  (global $depth (;0;) (mut i32) i32.const 10)
  (global (;1;) (mut i64) i64.const 0)
  (global (;2;) (mut i32) i32.const 0)
  (export "run" (func 1))
  (export "baals_gas_left" (global 1))
  (export "baals_stack_left" (global 2))
  (func $down (;0;) (type 0) (param i32) (result i32)
    (local i64 i32)
    global.get 1
    i64.const 35
    i64.sub
    local.set 1
    local.get 1
    i64.const 0
    i64.lt_s
    if ;; label = @1
      local.get 1
      global.set 1
      unreachable
    end
    global.get 2
    local.tee 2
    i32.const 8
    i32.sub
    global.set 2
    local.get 2
    i32.const 8
    i32.lt_s
    if ;; label = @1
      local.get 1
      global.set 1
      unreachable
    end
    local.get 0
    if (result i32) ;; label = @1
      local.get 1
      i64.const 25
      i64.sub
      local.tee 1
      global.set 1
      i32.const 1
      local.get 0
      i32.const 1
      i32.sub
      call $down
      global.get 1
      local.set 1
      i32.add
    else
      local.get 1
      i64.const 6
      i64.sub
      local.set 1
      i32.const 0
    end
    local.get 1
    i64.const 10
    i64.sub
    local.tee 1
    global.set 1
    local.get 2
    global.set 2
  )
  (func (;1;) (type 1)
    (local i64 i32)
    global.get 1
    i64.const 55
    i64.sub
    local.tee 0
    global.set 1
    local.get 0
    i64.const 0
    i64.lt_s
    if ;; label = @1
      local.get 0
      global.set 1
      unreachable
    end
    global.get 2
    local.tee 1
    i32.const 5
    i32.sub
    global.set 2
    local.get 1
    i32.const 5
    i32.lt_s
    if ;; label = @1
      local.get 0
      global.set 1
      unreachable
    end
    global.get $depth
    call $down
    global.get 1
    local.set 0
    global.set $depth
    local.get 1
    global.set 2
  )
  (@custom "baals.instrumented" (after code) "baals-instrument 0.1.0\0apolicy 70416df8430a04bd817fcd9546072c00b1ef1977247a775e201dcfe03f0ccd40\0a")
)
