(module
  (type (;0;) (func))
  (global $n (;0;) (mut i32) i32.const 100)
  (global (;1;) (mut i64) i64.const 0)
  (global (;2;) (mut i32) i32.const 0)
  (export "run" (func 0))
  (export "baals_gas" (global 1))
  (export "baals_stack" (global 2))
  (func (;0;) (type 0)
    (local $i i32) (local i64 i32)
    global.get 1
    i64.const 65
    i64.add
    local.set 1
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
      local.get 1
      global.set 1
      unreachable
    end
    global.get $n
    local.set $i
    loop $continue
      local.get 1
      i64.const -99
      i64.ge_s
      if ;; label = @2
        i64.const 0
        global.set 1
        unreachable
      end
      local.get 1
      i64.const 99
      i64.add
      local.set 1
      local.get $i
      i32.const 1
      i32.sub
      local.set $i
      local.get $i
      br_if $continue
      local.get 1
      i64.const 7
      i64.add
      local.tee 1
      global.set 1
    end
  )
  (@custom "baals.instrumented" (after code) "baals-instrument 0.1.0\0apolicy 2752b64a692f24d5252141b928c23a25fa28e930db46e4f468d372771fe3a7c6\0a")
)
