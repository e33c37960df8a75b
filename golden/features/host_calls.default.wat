(module
  (type (;0;) (func (param i32 i32 i32 i32) (result i32)))
  (type (;1;) (func (param i32 i32 i32 i32)))
  (type (;2;) (func))
  (import "env" "baals_storage_read" (func $read (;0;) (type 0)))
  (import "env" "baals_storage_write" (func $write (;1;) (type 1)))
  (memory (;0;) 1 1)
  (global (;0;) (mut i64) i64.const 0)
  (global (;1;) (mut i32) i32.const 0)
  (export "memory" (memory 0))
  (export "increment" (func 2))
  (export "baals_gas" (global 0))
  (export "baals_stack" (global 1))
  (func (;2;) (type 2)
    (local i64 i32)
    global.get 0
    i64.const 2759
    i64.add
    local.tee 0
    global.set 0
    global.get 1
    i32.const 8
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
    i32.const 0
    i32.const 1
    i32.const 8
    i32.const 8
    call $read
    global.get 0
    local.set 0
    drop
    i32.const 8
    i32.const 8
    i64.load
    i64.const 1
    i64.add
    i64.store
    i32.const 0
    i32.const 1
    i32.const 8
    i32.const 8
    call $write
    global.get 0
    local.set 0
  )
  (data (;0;) (i32.const 0) "n")
  (@custom "baals.instrumented" (after data) "baals-instrument 0.1.0\0apolicy 2752b64a692f24d5252141b928c23a25fa28e930db46e4f468d372771fe3a7c6\0a")
)
