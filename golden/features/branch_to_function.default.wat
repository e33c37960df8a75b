(module
  (type (;0;) (func (param i32) (result i32)))
  (type (;1;) (func))
  (global $out (;0;) (mut i32) i32.const 0)
  (global (;1;) (mut i64) i64.const 0)
  (global (;2;) (mut i32) i32.const 0)
  (export "run" (func 1))
  (export "baals_gas_left" (global 1))
  (export "baals_stack_left" (global 2))
  (func $pick (;0;) (type 0) (param i32) (result i32)
    (local i64)
    global.get 1
    i64.const 20
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
    block (result i32) ;; label = @1
      i32.const 7
      local.get 0
      br_if 0 (;@1;)
      local.get 1
      i64.const 7
      i64.sub
      local.set 1
      drop
      i32.const 9
    end
    local.get 1
    i64.const 7
    i64.sub
    local.tee 1
    global.set 1
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
    i32.const 12
    i32.sub
    global.set 2
    local.get 1
    i32.const 12
    i32.lt_s
    if ;; label = @1
      local.get 0
      global.set 1
      unreachable
    end
    global.get $out
    call $pick
    global.get 1
    local.set 0
    global.set $out
    local.get 1
    global.set 2
  )
  (@custom "baals.instrumented" (after code) "baals-instrument 0.1.0\0apolicy 5b64dfa95e22fd9e1781838d60fe2d8af33fd87d43d79c7a98c1106279dcc363\0a")
)
