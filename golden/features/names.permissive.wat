(module
  (type (;0;) (func))
  (global $n (;0;) (mut i32) i32.const 3)
  (global (;1;) (mut i64) i64.const 0)
  (global (;2;) (mut i32) i32.const 0)
  (export "run" (func $countdown))
  (export "baals_gas" (global 1))
  (export "baals_stack" (global 2))
  (func $countdown (;0;) (type 0)
    (local i64 i32)
    global.get 1
    i64.const 64
    i64.add
    local.set 0
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
      local.get 0
      global.set 1
      unreachable
    end
    block $exit
      loop $again
        local.get 0
        i64.const -96
        i64.ge_s
        if ;; label = @3
          i64.const 0
          global.set 1
          unreachable
        end
        local.get 0
        i64.const 96
        i64.add
        local.set 0
        global.get $n
        i32.eqz
        br_if $exit
        local.get 0
        i64.const 10
        i64.add
        local.set 0
        global.get $n
        i32.const 1
        i32.sub
        global.set $n
        br $again
      end
    end
    local.get 0
    i64.const 6
    i64.add
    local.tee 0
    global.set 1
  )
  (@custom "baals.instrumented" (after code) "baals-instrument 0.1.0\0apolicy 1d5d12b5f66d800cfcd7e65f6bfc5e6ee890ef92265b749dbdd2df02e1f526a5\0a")
)
