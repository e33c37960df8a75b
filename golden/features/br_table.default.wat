(module
  (type (;0;) (func))
  (global $selector (;0;) (mut i32) i32.const 1)
  (global $out (;1;) (mut i32) i32.const 0)
  (global (;2;) (mut i64) i64.const 0)
  (global (;3;) (mut i32) i32.const 0)
  (export "run" (func 0))
  (export "baals_gas" (global 2))
  (export "baals_stack" (global 3))
  (func (;0;) (type 0)
    (local i64 i32)
    global.get 2
    i64.const 67
    i64.add
    local.set 0
    global.get 3
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
      global.set 3
      local.get 0
      global.set 2
      unreachable
    end
    block $b2
      block $b1
        block $b0
          global.get $selector
          br_table $b0 $b1 $b2
        end
        local.get 0
        i64.const 9
        i64.add
        local.tee 0
        global.set 2
        i32.const 100
        global.set $out
        return
      end
      local.get 0
      i64.const 9
      i64.add
      local.tee 0
      global.set 2
      i32.const 101
      global.set $out
      return
    end
    local.get 0
    i64.const 8
    i64.add
    local.tee 0
    global.set 2
    i32.const 102
    global.set $out
  )
  (@custom "baals.instrumented" (after code) "baals-instrument 0.1.0\0apolicy 2752b64a692f24d5252141b928c23a25fa28e930db46e4f468d372771fe3a7c6\0a")
)
