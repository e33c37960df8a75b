(module
  (type (;0;) (func))
  (global $x (;0;) (mut f64) f64.const 0x1p+1 (;=2;))
  (global (;1;) (mut i64) i64.const 0)
  (global (;2;) (mut i32) i32.const 0)
  (export "run" (func 0))
  (export "baals_gas" (global 1))
  (export "baals_stack" (global 2))
  (func (;0;) (type 0)
    (local i64 i32 f64)
    global.get 1
    i64.const 509
    i64.add
    local.tee 0
    global.set 1
    global.get 2
    i32.const 6
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
    global.get $x
    f64.const 0x0p+0 (;=0;)
    f64.div
    local.tee 2
    f64.const nan (;=NaN;)
    local.get 2
    local.get 2
    f64.eq
    select
    f64.sqrt
    local.tee 2
    f64.const nan (;=NaN;)
    local.get 2
    local.get 2
    f64.eq
    select
    f64.neg
    global.set $x
  )
  (@custom "baals.instrumented" (after code) "baals-instrument 0.1.0\0apolicy 1d5d12b5f66d800cfcd7e65f6bfc5e6ee890ef92265b749dbdd2df02e1f526a5\0a")
)
