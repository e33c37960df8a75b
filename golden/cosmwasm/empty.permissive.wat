(module
  (type (;0;) (func (param i32 i32) (result i32)))
  (type (;1;) (func (param i32 i32)))
  (type (;2;) (func (param i32) (result i32)))
  (type (;3;) (func (param i32 i32 i32) (result i32)))
  (type (;4;) (func (param i32)))
  (type (;5;) (func (param i32) (result i64)))
  (type (;6;) (func (param i32 i32 i32)))
  (type (;7;) (func))
  (type (;8;) (func (param i32 i32 i32 i32)))
  (type (;9;) (func (result i32)))
  (type (;10;) (func (param i32 i32 i32 i32 i32)))
  (type (;11;) (func (param i32 i32 i32 i32) (result i32)))
  (type (;12;) (func (param i32 i32 i64 i32) (result i32 i64)))
  (type (;13;) (func (param i32 i32 i32 i64 i32) (result i64)))
  (type (;14;) (func (param i32 i32 i32 i32 i64 i32) (result i64)))
  (type (;15;) (func (param i32 i64 i32) (result i32 i64)))
  (type (;16;) (func (param i32 i32 i64 i32) (result i64)))
  (type (;17;) (func (param i32 i64 i32) (result i64)))
  (type (;18;) (func (param i64 i32) (result i32 i64)))
  (type (;19;) (func (param i32 i32 i32 i32 i32 i64 i32) (result i64)))
  (type (;20;) (func (param i64 i32) (result i64)))
  (type (;21;) (func (param i32 i32 i32 i32 i64 i32) (result i32 i64)))
  (type (;22;) (func (param i32 i32 i32 i64 i32) (result i32 i64)))
  (table (;0;) 19 19 funcref)
  (memory (;0;) 17 65536)
  (global (;0;) (mut i32) i32.const 1048576)
  (global (;1;) i32 i32.const 1049792)
  (global (;2;) i32 i32.const 1049792)
  (global (;3;) (mut i64) i64.const 0)
  (global (;4;) (mut i32) i32.const 0)
  (export "memory" (memory 0))
  (export "allocate" (func 56))
  (export "deallocate" (func 57))
  (export "requires_iterator" (func 55))
  (export "interface_version_8" (func 55))
  (export "__data_end" (global 1))
  (export "__heap_base" (global 2))
  (export "baals_gas" (global 3))
  (export "baals_stack" (global 4))
  (elem (;0;) (i32.const 1) func 51 19 5 10 8 9 6 1 2 7 20 21 22 23 3 48 5 3)
  (func (;0;) (type 12) (param i32 i32 i64 i32) (result i32 i64)
    local.get 2
    i64.const 191
    i64.add
    local.set 2
    local.get 3
    i32.const 8
    i32.add
    local.tee 3
    i64.extend_i32_s
    local.get 2
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 3
      global.set 4
      local.get 2
      global.set 3
      unreachable
    end
    local.get 0
    local.get 1
    local.get 2
    local.get 3
    call 12
    local.set 2
    local.get 2
  )
  (func (;1;) (type 5) (param i32) (result i64)
    (local i64 i32)
    global.get 3
    i64.const 63
    i64.add
    local.tee 1
    global.set 3
    global.get 4
    i32.const 6
    i32.add
    local.tee 2
    i64.extend_i32_s
    local.get 1
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 2
      global.set 4
      unreachable
    end
    i64.const 64621567660049337
  )
  (func (;2;) (type 5) (param i32) (result i64)
    (local i64 i32)
    global.get 3
    i64.const 63
    i64.add
    local.tee 1
    global.set 3
    global.get 4
    i32.const 6
    i32.add
    local.tee 2
    i64.extend_i32_s
    local.get 1
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 2
      global.set 4
      unreachable
    end
    i64.const -8527728395957036344
  )
  (func (;3;) (type 5) (param i32) (result i64)
    (local i64 i32)
    global.get 3
    i64.const 63
    i64.add
    local.tee 1
    global.set 3
    global.get 4
    i32.const 6
    i32.add
    local.tee 2
    i64.extend_i32_s
    local.get 1
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 2
      global.set 4
      unreachable
    end
    i64.const 5522397429581721257
  )
  (func (;4;) (type 13) (param i32 i32 i32 i64 i32) (result i64)
    (local i32 i32)
    local.get 4
    i32.const 14
    i32.add
    local.tee 4
    i64.extend_i32_s
    local.get 3
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 4
      global.set 4
      local.get 3
      global.set 3
      unreachable
    end
    global.get 0
    i32.const 32
    i32.sub
    local.tee 5
    global.set 0
    block ;; label = @1
      block ;; label = @2
        local.get 1
        local.get 1
        local.get 2
        i32.add
        local.tee 1
        i32.gt_u
        br_if 0 (;@2;)
        local.get 3
        i64.const 2674
        i64.add
        local.tee 3
        global.set 3
        local.get 0
        i32.load
        local.tee 2
        i32.const 1
        i32.shl
        local.tee 6
        local.get 1
        local.get 1
        local.get 6
        i32.lt_u
        select
        local.tee 1
        i32.const 8
        local.get 1
        i32.const 8
        i32.gt_u
        select
        local.tee 1
        i32.const -1
        i32.xor
        i32.const 31
        i32.shr_u
        local.set 6
        block ;; label = @3
          local.get 2
          if ;; label = @4
            local.get 3
            i64.const 2771
            i64.add
            local.tee 3
            global.set 3
            local.get 5
            i32.const 1
            i32.store offset=24
            local.get 5
            local.get 2
            i32.store offset=20
            local.get 5
            local.get 0
            i32.const 4
            i32.add
            i32.load
            i32.store offset=16
            br 1 (;@3;)
          end
          local.get 3
          i64.const 60
          i64.add
          local.tee 3
          global.set 3
          local.get 5
          i32.const 0
          i32.store offset=24
        end
        local.get 3
        i64.const 5378
        i64.add
        local.set 3
        local.get 5
        local.get 1
        local.get 6
        local.get 5
        i32.const 16
        i32.add
        local.get 3
        local.get 4
        call 11
        local.tee 3
        global.set 3
        local.get 5
        i32.load offset=4
        local.set 2
        local.get 5
        i32.load
        i32.eqz
        if ;; label = @3
          local.get 3
          i64.const 115
          i64.add
          local.tee 3
          global.set 3
          local.get 0
          local.get 1
          i32.store
          local.get 0
          local.get 2
          i32.store offset=4
          br 2 (;@1;)
        end
        local.get 3
        i64.const 2651
        i64.add
        local.tee 3
        global.set 3
        local.get 5
        i32.const 8
        i32.add
        i32.load
        local.tee 0
        i32.const -2147483647
        i32.eq
        br_if 1 (;@1;)
        local.get 3
        i64.const 46
        i64.add
        local.set 3
        local.get 0
        i32.eqz
        br_if 0 (;@2;)
        local.get 3
        i64.const 2741
        i64.add
        local.set 3
        local.get 2
        local.get 0
        local.get 3
        local.get 4
        call 46
        local.tee 3
        global.set 3
        unreachable
      end
      local.get 3
      i64.const 23
      i64.add
      local.set 3
      local.get 3
      local.get 4
      call 47
      local.tee 3
      global.set 3
      unreachable
    end
    local.get 3
    i64.const 10
    i64.add
    local.set 3
    local.get 5
    i32.const 32
    i32.add
    global.set 0
    local.get 3
  )
  (func (;5;) (type 4) (param i32)
    (local i64 i32)
    global.get 3
    i64.const 63
    i64.add
    local.tee 1
    global.set 3
    global.get 4
    i32.const 5
    i32.add
    local.tee 2
    i64.extend_i32_s
    local.get 1
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 2
      global.set 4
      unreachable
    end
    nop
  )
  (func (;6;) (type 4) (param i32)
    (local i64 i32)
    global.get 3
    i64.const 2705
    i64.add
    local.tee 1
    global.set 3
    global.get 4
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
      global.set 4
      unreachable
    end
    local.get 0
    i32.load
    if ;; label = @1
      local.get 1
      i64.const 2626
      i64.add
      local.tee 1
      global.set 3
      local.get 0
      i32.const 4
      i32.add
      i32.load
      local.get 1
      local.get 2
      call 18
      local.set 1
    end
    local.get 1
    i64.const 6
    i64.add
    local.tee 1
    global.set 3
  )
  (func (;7;) (type 4) (param i32)
    (local i32 i64 i32)
    global.get 3
    i64.const 2707
    i64.add
    local.tee 2
    global.set 3
    global.get 4
    i32.const 8
    i32.add
    local.tee 3
    i64.extend_i32_s
    local.get 2
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 3
      global.set 4
      unreachable
    end
    block ;; label = @1
      local.get 0
      i32.const 4
      i32.add
      i32.load
      local.tee 1
      i32.eqz
      br_if 0 (;@1;)
      local.get 2
      i64.const 2647
      i64.add
      local.tee 2
      global.set 3
      local.get 0
      i32.load
      i32.eqz
      br_if 0 (;@1;)
      local.get 2
      i64.const 23
      i64.add
      local.set 2
      local.get 1
      local.get 2
      local.get 3
      call 18
      local.set 2
    end
    local.get 2
    i64.const 6
    i64.add
    local.tee 2
    global.set 3
  )
  (func (;8;) (type 0) (param i32 i32) (result i32)
    (local i32 i32 i32 i32 i32 i64 i32)
    global.get 3
    i64.const 2717
    i64.add
    local.tee 7
    global.set 3
    global.get 4
    i32.const 34
    i32.add
    local.tee 8
    i64.extend_i32_s
    local.get 7
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 8
      global.set 4
      unreachable
    end
    global.get 0
    i32.const 16
    i32.sub
    local.tee 3
    global.set 0
    local.get 0
    i32.load
    local.set 0
    block ;; label = @1
      block (result i32) ;; label = @2
        block ;; label = @3
          local.get 1
          i32.const 128
          i32.ge_u
          if ;; label = @4
            local.get 7
            i64.const 102
            i64.add
            local.tee 7
            global.set 3
            local.get 3
            i32.const 0
            i32.store offset=12
            local.get 1
            i32.const 2048
            i32.ge_u
            br_if 1 (;@3;)
            local.get 7
            i64.const 124
            i64.add
            local.tee 7
            global.set 3
            local.get 3
            local.get 1
            i32.const 63
            i32.and
            i32.const 128
            i32.or
            i32.store8 offset=13
            local.get 3
            local.get 1
            i32.const 6
            i32.shr_u
            i32.const 192
            i32.or
            i32.store8 offset=12
            i32.const 2
            br 2 (;@2;)
          end
          local.get 7
          i64.const 5252
          i64.add
          local.tee 7
          global.set 3
          local.get 0
          i32.load offset=8
          local.tee 2
          local.get 0
          i32.load
          i32.eq
          if ;; label = @4
            local.get 7
            i64.const 56
            i64.add
            local.set 7
            global.get 0
            i32.const 32
            i32.sub
            local.tee 4
            global.set 0
            block ;; label = @5
              block ;; label = @6
                local.get 2
                i32.const 1
                i32.add
                local.tee 2
                i32.eqz
                br_if 0 (;@6;)
                local.get 7
                i64.const 2674
                i64.add
                local.tee 7
                global.set 3
                local.get 0
                i32.load
                local.tee 5
                i32.const 1
                i32.shl
                local.tee 6
                local.get 2
                local.get 2
                local.get 6
                i32.lt_u
                select
                local.tee 2
                i32.const 8
                local.get 2
                i32.const 8
                i32.gt_u
                select
                local.tee 2
                i32.const -1
                i32.xor
                i32.const 31
                i32.shr_u
                local.set 6
                block ;; label = @7
                  local.get 5
                  if ;; label = @8
                    local.get 7
                    i64.const 2771
                    i64.add
                    local.tee 7
                    global.set 3
                    local.get 4
                    i32.const 1
                    i32.store offset=24
                    local.get 4
                    local.get 5
                    i32.store offset=20
                    local.get 4
                    local.get 0
                    i32.const 4
                    i32.add
                    i32.load
                    i32.store offset=16
                    br 1 (;@7;)
                  end
                  local.get 7
                  i64.const 60
                  i64.add
                  local.tee 7
                  global.set 3
                  local.get 4
                  i32.const 0
                  i32.store offset=24
                end
                local.get 7
                i64.const 5378
                i64.add
                local.set 7
                local.get 4
                local.get 2
                local.get 6
                local.get 4
                i32.const 16
                i32.add
                local.get 7
                local.get 8
                call 11
                local.tee 7
                global.set 3
                local.get 4
                i32.load offset=4
                local.set 5
                local.get 4
                i32.load
                i32.eqz
                if ;; label = @7
                  local.get 7
                  i64.const 115
                  i64.add
                  local.tee 7
                  global.set 3
                  local.get 0
                  local.get 2
                  i32.store
                  local.get 0
                  local.get 5
                  i32.store offset=4
                  br 2 (;@5;)
                end
                local.get 7
                i64.const 2651
                i64.add
                local.tee 7
                global.set 3
                local.get 4
                i32.const 8
                i32.add
                i32.load
                local.tee 2
                i32.const -2147483647
                i32.eq
                br_if 1 (;@5;)
                local.get 7
                i64.const 46
                i64.add
                local.set 7
                local.get 2
                i32.eqz
                br_if 0 (;@6;)
                local.get 7
                i64.const 2741
                i64.add
                local.set 7
                local.get 5
                local.get 2
                local.get 7
                local.get 8
                call 46
                local.tee 7
                global.set 3
                unreachable
              end
              local.get 7
              i64.const 23
              i64.add
              local.set 7
              local.get 7
              local.get 8
              call 47
              local.tee 7
              global.set 3
              unreachable
            end
            local.get 7
            i64.const 2612
            i64.add
            local.tee 7
            global.set 3
            local.get 4
            i32.const 32
            i32.add
            global.set 0
            local.get 0
            i32.load offset=8
            local.set 2
          end
          local.get 7
          i64.const 2719
          i64.add
          local.tee 7
          global.set 3
          local.get 0
          local.get 2
          i32.const 1
          i32.add
          i32.store offset=8
          local.get 0
          i32.load offset=4
          local.get 2
          i32.add
          local.get 1
          i32.store8
          br 2 (;@1;)
        end
        local.get 7
        i64.const 50
        i64.add
        local.set 7
        local.get 1
        i32.const 65536
        i32.ge_u
        if ;; label = @3
          local.get 7
          i64.const 246
          i64.add
          local.tee 7
          global.set 3
          local.get 3
          local.get 1
          i32.const 63
          i32.and
          i32.const 128
          i32.or
          i32.store8 offset=15
          local.get 3
          local.get 1
          i32.const 6
          i32.shr_u
          i32.const 63
          i32.and
          i32.const 128
          i32.or
          i32.store8 offset=14
          local.get 3
          local.get 1
          i32.const 12
          i32.shr_u
          i32.const 63
          i32.and
          i32.const 128
          i32.or
          i32.store8 offset=13
          local.get 3
          local.get 1
          i32.const 18
          i32.shr_u
          i32.const 7
          i32.and
          i32.const 240
          i32.or
          i32.store8 offset=12
          i32.const 4
          br 1 (;@2;)
        end
        local.get 7
        i64.const 183
        i64.add
        local.tee 7
        global.set 3
        local.get 3
        local.get 1
        i32.const 63
        i32.and
        i32.const 128
        i32.or
        i32.store8 offset=14
        local.get 3
        local.get 1
        i32.const 12
        i32.shr_u
        i32.const 224
        i32.or
        i32.store8 offset=12
        local.get 3
        local.get 1
        i32.const 6
        i32.shr_u
        i32.const 63
        i32.and
        i32.const 128
        i32.or
        i32.store8 offset=13
        i32.const 3
      end
      local.get 7
      i64.const 5255
      i64.add
      local.tee 7
      global.set 3
      local.set 1
      local.get 1
      local.get 0
      i32.load
      local.get 0
      i32.load offset=8
      local.tee 2
      i32.sub
      i32.gt_u
      if ;; label = @2
        local.get 7
        i64.const 2739
        i64.add
        local.set 7
        local.get 0
        local.get 2
        local.get 1
        local.get 7
        local.get 8
        call 4
        local.tee 7
        global.set 3
        local.get 0
        i32.load offset=8
        local.set 2
      end
      local.get 7
      i64.const 2786
      i64.add
      local.tee 7
      global.set 3
      local.get 0
      i32.load offset=4
      local.get 2
      i32.add
      local.get 3
      i32.const 12
      i32.add
      local.get 1
      local.get 7
      local.get 8
      call 54
      local.tee 7
      global.set 3
      drop
      local.get 0
      local.get 1
      local.get 2
      i32.add
      i32.store offset=8
    end
    local.get 7
    i64.const 11
    i64.add
    local.tee 7
    global.set 3
    local.get 3
    i32.const 16
    i32.add
    global.set 0
    i32.const 0
  )
  (func (;9;) (type 0) (param i32 i32) (result i32)
    (local i32 i64 i32)
    global.get 3
    i64.const 13755
    i64.add
    local.tee 3
    global.set 3
    global.get 4
    i32.const 10
    i32.add
    local.tee 4
    i64.extend_i32_s
    local.get 3
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 4
      global.set 4
      unreachable
    end
    global.get 0
    i32.const 32
    i32.sub
    local.tee 2
    global.set 0
    local.get 2
    local.get 0
    i32.load
    i32.store offset=4
    local.get 2
    i32.const 24
    i32.add
    local.get 1
    i32.const 16
    i32.add
    i64.load align=4
    i64.store
    local.get 2
    i32.const 16
    i32.add
    local.get 1
    i32.const 8
    i32.add
    i64.load align=4
    i64.store
    local.get 2
    local.get 1
    i64.load align=4
    i64.store offset=8
    local.get 2
    i32.const 4
    i32.add
    local.get 2
    i32.const 8
    i32.add
    local.get 3
    local.get 4
    call 52
    local.tee 3
    global.set 3
    local.get 2
    i32.const 32
    i32.add
    global.set 0
  )
  (func (;10;) (type 3) (param i32 i32 i32) (result i32)
    (local i32 i64 i32)
    global.get 3
    i64.const 7911
    i64.add
    local.tee 4
    global.set 3
    global.get 4
    i32.const 29
    i32.add
    local.tee 5
    i64.extend_i32_s
    local.get 4
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 5
      global.set 4
      unreachable
    end
    local.get 2
    local.get 0
    i32.load
    local.tee 0
    i32.load
    local.get 0
    i32.load offset=8
    local.tee 3
    i32.sub
    i32.gt_u
    if ;; label = @1
      local.get 4
      i64.const 2739
      i64.add
      local.set 4
      local.get 0
      local.get 3
      local.get 2
      local.get 4
      local.get 5
      call 4
      local.tee 4
      global.set 3
      local.get 0
      i32.load offset=8
      local.set 3
    end
    local.get 4
    i64.const 2785
    i64.add
    local.tee 4
    global.set 3
    local.get 0
    i32.load offset=4
    local.get 3
    i32.add
    local.get 1
    local.get 2
    local.get 4
    local.get 5
    call 54
    local.tee 4
    global.set 3
    drop
    local.get 0
    local.get 2
    local.get 3
    i32.add
    i32.store offset=8
    i32.const 0
  )
  (func (;11;) (type 14) (param i32 i32 i32 i32 i64 i32) (result i64)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32)
    local.get 5
    i32.const 41
    i32.add
    local.tee 5
    i64.extend_i32_s
    local.get 4
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 5
      global.set 4
      local.get 4
      global.set 3
      unreachable
    end
    block ;; label = @1
      local.get 2
      if ;; label = @2
        local.get 4
        i64.const 54
        i64.add
        local.set 4
        block (result i32) ;; label = @3
          block ;; label = @4
            block ;; label = @5
              block ;; label = @6
                local.get 1
                i32.const 0
                i32.ge_s
                if ;; label = @7
                  local.get 4
                  i64.const 2647
                  i64.add
                  local.tee 4
                  global.set 3
                  local.get 3
                  i32.load offset=8
                  i32.eqz
                  br_if 2 (;@5;)
                  local.get 4
                  i64.const 2647
                  i64.add
                  local.tee 4
                  global.set 3
                  local.get 3
                  i32.load offset=4
                  local.tee 6
                  br_if 1 (;@6;)
                  local.get 4
                  i64.const 45
                  i64.add
                  local.set 4
                  local.get 1
                  br_if 3 (;@4;)
                  local.get 4
                  i64.const 7
                  i64.add
                  local.set 4
                  local.get 2
                  br 4 (;@3;)
                end
                local.get 4
                i64.const 63
                i64.add
                local.tee 4
                global.set 3
                local.get 0
                i32.const 8
                i32.add
                i32.const 0
                i32.store
                br 5 (;@1;)
              end
              local.get 4
              i64.const 2657
              i64.add
              local.tee 4
              global.set 3
              local.get 3
              i32.load
              local.set 11
              block (result i32) ;; label = @6
                block ;; label = @7
                  block ;; label = @8
                    block ;; label = @9
                      local.get 2
                      i32.const 9
                      i32.ge_u
                      if ;; label = @10
                        local.get 4
                        i64.const 172
                        i64.add
                        local.set 4
                        local.get 1
                        local.get 2
                        local.get 4
                        local.get 5
                        call 12
                        local.set 4
                        local.tee 13
                        br_if 1 (;@9;)
                        local.get 4
                        i64.const 7
                        i64.add
                        local.set 4
                        i32.const 0
                        br 4 (;@6;)
                      end
                      local.get 4
                      i64.const 391
                      i64.add
                      local.set 4
                      i32.const 8
                      i32.const 8
                      local.get 4
                      local.get 5
                      call 25
                      local.set 4
                      local.set 9
                      i32.const 20
                      i32.const 8
                      local.get 4
                      local.get 5
                      call 25
                      local.set 4
                      local.set 8
                      i32.const 16
                      i32.const 8
                      local.get 4
                      local.get 5
                      call 25
                      local.set 4
                      local.set 3
                      i32.const 0
                      i32.const 16
                      i32.const 8
                      local.get 4
                      local.get 5
                      call 25
                      local.set 4
                      i32.const 2
                      i32.shl
                      i32.sub
                      local.tee 6
                      i32.const -65536
                      local.get 3
                      local.get 8
                      local.get 9
                      i32.add
                      i32.add
                      i32.sub
                      i32.const -9
                      i32.and
                      i32.const 3
                      i32.sub
                      local.tee 3
                      local.get 3
                      local.get 6
                      i32.gt_u
                      select
                      local.get 1
                      i32.le_u
                      br_if 1 (;@8;)
                      local.get 4
                      i64.const 5724
                      i64.add
                      local.set 4
                      i32.const 16
                      local.get 1
                      i32.const 4
                      i32.add
                      i32.const 16
                      i32.const 8
                      local.get 4
                      local.get 5
                      call 25
                      local.set 4
                      i32.const 5
                      i32.sub
                      local.get 1
                      i32.gt_u
                      select
                      i32.const 8
                      local.get 4
                      local.get 5
                      call 25
                      local.set 4
                      local.set 7
                      local.get 11
                      local.get 4
                      local.get 5
                      call 41
                      local.set 4
                      local.tee 6
                      local.get 6
                      local.get 4
                      local.get 5
                      call 29
                      local.set 4
                      local.tee 3
                      local.get 4
                      local.get 5
                      call 38
                      local.set 4
                      local.set 10
                      block ;; label = @10
                        block ;; label = @11
                          block ;; label = @12
                            block ;; label = @13
                              block ;; label = @14
                                block ;; label = @15
                                  block ;; label = @16
                                    local.get 6
                                    local.get 4
                                    local.get 5
                                    call 32
                                    local.set 4
                                    i32.eqz
                                    if ;; label = @17
                                      local.get 4
                                      i64.const 47
                                      i64.add
                                      local.set 4
                                      local.get 3
                                      local.get 7
                                      i32.ge_u
                                      br_if 1 (;@16;)
                                      local.get 4
                                      i64.const 2648
                                      i64.add
                                      local.tee 4
                                      global.set 3
                                      local.get 10
                                      i32.const 1049764
                                      i32.load
                                      i32.eq
                                      br_if 2 (;@15;)
                                      local.get 4
                                      i64.const 2648
                                      i64.add
                                      local.tee 4
                                      global.set 3
                                      local.get 10
                                      i32.const 1049760
                                      i32.load
                                      i32.eq
                                      br_if 3 (;@14;)
                                      local.get 4
                                      i64.const 2721
                                      i64.add
                                      local.set 4
                                      local.get 10
                                      local.get 4
                                      local.get 5
                                      call 30
                                      local.set 4
                                      br_if 7 (;@10;)
                                      local.get 4
                                      i64.const 2725
                                      i64.add
                                      local.set 4
                                      local.get 10
                                      local.get 4
                                      local.get 5
                                      call 29
                                      local.set 4
                                      local.tee 12
                                      local.get 3
                                      i32.add
                                      local.tee 9
                                      local.get 7
                                      i32.lt_u
                                      br_if 7 (;@10;)
                                      local.get 4
                                      i64.const 51
                                      i64.add
                                      local.set 4
                                      local.get 9
                                      local.get 7
                                      i32.sub
                                      local.set 14
                                      local.get 12
                                      i32.const 256
                                      i32.lt_u
                                      br_if 4 (;@13;)
                                      local.get 4
                                      i64.const 5326
                                      i64.add
                                      local.set 4
                                      local.get 10
                                      local.get 4
                                      local.get 5
                                      call 15
                                      local.set 4
                                      br 5 (;@12;)
                                    end
                                    local.get 4
                                    i64.const 2723
                                    i64.add
                                    local.set 4
                                    local.get 6
                                    local.get 4
                                    local.get 5
                                    call 29
                                    local.set 4
                                    local.set 3
                                    local.get 7
                                    i32.const 256
                                    i32.lt_u
                                    br_if 6 (;@10;)
                                    local.get 4
                                    i64.const 55
                                    i64.add
                                    local.set 4
                                    local.get 3
                                    local.get 7
                                    i32.sub
                                    i32.const 131073
                                    i32.lt_u
                                    local.get 7
                                    i32.const 4
                                    i32.add
                                    local.get 3
                                    i32.le_u
                                    i32.and
                                    br_if 5 (;@11;)
                                    local.get 4
                                    i64.const 2697
                                    i64.add
                                    local.tee 4
                                    global.set 3
                                    local.get 3
                                    local.get 6
                                    i32.load
                                    local.tee 3
                                    i32.add
                                    i32.const 16
                                    i32.add
                                    local.set 9
                                    local.get 7
                                    i32.const 31
                                    i32.add
                                    i32.const 65536
                                    local.get 4
                                    local.get 5
                                    call 25
                                    local.set 4
                                    local.set 12
                                    br 6 (;@10;)
                                  end
                                  local.get 4
                                  i64.const 129
                                  i64.add
                                  local.set 4
                                  i32.const 16
                                  i32.const 8
                                  local.get 4
                                  local.get 5
                                  call 25
                                  local.set 4
                                  local.get 3
                                  local.get 7
                                  i32.sub
                                  local.tee 8
                                  i32.gt_u
                                  br_if 4 (;@11;)
                                  local.get 4
                                  i64.const 10884
                                  i64.add
                                  local.set 4
                                  local.get 6
                                  local.get 7
                                  local.get 4
                                  local.get 5
                                  call 38
                                  local.set 4
                                  local.set 3
                                  local.get 6
                                  local.get 7
                                  local.get 4
                                  local.get 5
                                  call 33
                                  local.set 4
                                  local.get 3
                                  local.get 8
                                  local.get 4
                                  local.get 5
                                  call 33
                                  local.set 4
                                  local.get 3
                                  local.get 8
                                  local.get 4
                                  local.get 5
                                  call 14
                                  local.set 4
                                  br 4 (;@11;)
                                end
                                local.get 4
                                i64.const 2651
                                i64.add
                                local.tee 4
                                global.set 3
                                i32.const 1049756
                                i32.load
                                local.get 3
                                i32.add
                                local.tee 3
                                local.get 7
                                i32.le_u
                                br_if 4 (;@10;)
                                local.get 4
                                i64.const 5641
                                i64.add
                                local.set 4
                                local.get 6
                                local.get 7
                                local.get 4
                                local.get 5
                                call 38
                                local.set 4
                                local.set 8
                                local.get 6
                                local.get 7
                                local.get 4
                                local.get 5
                                call 33
                                local.tee 4
                                global.set 3
                                local.get 8
                                local.get 3
                                local.get 7
                                i32.sub
                                local.tee 3
                                i32.const 1
                                i32.or
                                i32.store offset=4
                                i32.const 1049756
                                local.get 3
                                i32.store
                                i32.const 1049764
                                local.get 8
                                i32.store
                                br 3 (;@11;)
                              end
                              local.get 4
                              i64.const 2651
                              i64.add
                              local.tee 4
                              global.set 3
                              i32.const 1049752
                              i32.load
                              local.get 3
                              i32.add
                              local.tee 3
                              local.get 7
                              i32.lt_u
                              br_if 3 (;@10;)
                              local.get 4
                              i64.const 133
                              i64.add
                              local.set 4
                              block ;; label = @14
                                i32.const 16
                                i32.const 8
                                local.get 4
                                local.get 5
                                call 25
                                local.set 4
                                local.get 3
                                local.get 7
                                i32.sub
                                local.tee 9
                                i32.gt_u
                                if ;; label = @15
                                  local.get 4
                                  i64.const 5402
                                  i64.add
                                  local.set 4
                                  local.get 6
                                  local.get 3
                                  local.get 4
                                  local.get 5
                                  call 33
                                  local.set 4
                                  i32.const 0
                                  local.set 9
                                  i32.const 0
                                  local.set 8
                                  br 1 (;@14;)
                                end
                                local.get 4
                                i64.const 8388
                                i64.add
                                local.set 4
                                local.get 6
                                local.get 7
                                local.get 4
                                local.get 5
                                call 38
                                local.set 4
                                local.tee 8
                                local.get 9
                                local.get 4
                                local.get 5
                                call 38
                                local.set 4
                                local.set 3
                                local.get 6
                                local.get 7
                                local.get 4
                                local.get 5
                                call 33
                                local.set 4
                                local.get 8
                                local.get 9
                                local.get 4
                                local.get 5
                                call 36
                                local.tee 4
                                global.set 3
                                local.get 3
                                local.get 3
                                i32.load offset=4
                                i32.const -2
                                i32.and
                                i32.store offset=4
                              end
                              local.get 4
                              i64.const 115
                              i64.add
                              local.tee 4
                              global.set 3
                              i32.const 1049760
                              local.get 8
                              i32.store
                              i32.const 1049752
                              local.get 9
                              i32.store
                              br 2 (;@11;)
                            end
                            local.get 4
                            i64.const 5257
                            i64.add
                            local.tee 4
                            global.set 3
                            local.get 10
                            i32.const 12
                            i32.add
                            i32.load
                            local.tee 8
                            local.get 10
                            i32.const 8
                            i32.add
                            i32.load
                            local.tee 3
                            i32.ne
                            if ;; label = @13
                              local.get 4
                              i64.const 115
                              i64.add
                              local.tee 4
                              global.set 3
                              local.get 3
                              local.get 8
                              i32.store offset=12
                              local.get 8
                              local.get 3
                              i32.store offset=8
                              br 1 (;@12;)
                            end
                            local.get 4
                            i64.const 2666
                            i64.add
                            local.tee 4
                            global.set 3
                            i32.const 1049744
                            i32.const 1049744
                            i32.load
                            i32.const -2
                            local.get 12
                            i32.const 3
                            i32.shr_u
                            i32.rotl
                            i32.and
                            i32.store
                          end
                          local.get 4
                          i64.const 129
                          i64.add
                          local.set 4
                          i32.const 16
                          i32.const 8
                          local.get 4
                          local.get 5
                          call 25
                          local.set 4
                          local.get 14
                          i32.le_u
                          if ;; label = @12
                            local.get 4
                            i64.const 10884
                            i64.add
                            local.set 4
                            local.get 6
                            local.get 7
                            local.get 4
                            local.get 5
                            call 38
                            local.set 4
                            local.set 3
                            local.get 6
                            local.get 7
                            local.get 4
                            local.get 5
                            call 33
                            local.set 4
                            local.get 3
                            local.get 14
                            local.get 4
                            local.get 5
                            call 33
                            local.set 4
                            local.get 3
                            local.get 14
                            local.get 4
                            local.get 5
                            call 14
                            local.set 4
                            br 1 (;@11;)
                          end
                          local.get 4
                          i64.const 5397
                          i64.add
                          local.set 4
                          local.get 6
                          local.get 9
                          local.get 4
                          local.get 5
                          call 33
                          local.set 4
                        end
                        local.get 4
                        i64.const 45
                        i64.add
                        local.set 4
                        local.get 6
                        br_if 3 (;@7;)
                        local.get 4
                        i64.const 5
                        i64.add
                        local.set 4
                      end
                      local.get 4
                      i64.const 179
                      i64.add
                      local.set 4
                      local.get 1
                      local.get 4
                      local.get 5
                      call 13
                      local.set 4
                      local.tee 3
                      i32.eqz
                      br_if 1 (;@8;)
                      local.get 4
                      i64.const 5504
                      i64.add
                      local.set 4
                      local.get 3
                      local.get 11
                      local.get 6
                      local.get 4
                      local.get 5
                      call 29
                      local.set 4
                      i32.const -8
                      i32.const -4
                      local.get 6
                      local.get 4
                      local.get 5
                      call 32
                      local.set 4
                      select
                      i32.add
                      local.tee 3
                      local.get 1
                      local.get 1
                      local.get 3
                      i32.gt_u
                      select
                      local.get 4
                      local.get 5
                      call 54
                      local.set 4
                      local.get 11
                      local.get 4
                      local.get 5
                      call 18
                      local.set 4
                      br 3 (;@6;)
                    end
                    local.get 4
                    i64.const 148
                    i64.add
                    local.set 4
                    local.get 13
                    local.get 11
                    local.get 6
                    local.get 1
                    local.get 1
                    local.get 6
                    i32.gt_u
                    select
                    local.get 4
                    local.get 5
                    call 54
                    local.set 4
                    drop
                    local.get 11
                    local.get 4
                    local.get 5
                    call 18
                    local.set 4
                  end
                  local.get 4
                  i64.const 7
                  i64.add
                  local.set 4
                  local.get 13
                  br 1 (;@6;)
                end
                local.get 4
                i64.const 2755
                i64.add
                local.set 4
                local.get 6
                local.get 4
                local.get 5
                call 32
                local.set 4
                drop
                local.get 6
                local.get 4
                local.get 5
                call 40
                local.set 4
              end
              local.get 4
              i64.const 6
              i64.add
              local.set 4
              br 2 (;@3;)
            end
            local.get 4
            i64.const 45
            i64.add
            local.set 4
            local.get 1
            br_if 0 (;@4;)
            local.get 4
            i64.const 7
            i64.add
            local.set 4
            local.get 2
            br 1 (;@3;)
          end
          local.get 4
          i64.const 24
          i64.add
          local.set 4
          local.get 1
          local.get 2
          local.get 4
          local.get 5
          call 0
          local.set 4
        end
        local.get 4
        i64.const 48
        i64.add
        local.set 4
        local.tee 3
        if ;; label = @3
          local.get 4
          i64.const 172
          i64.add
          local.tee 4
          global.set 3
          local.get 0
          local.get 3
          i32.store offset=4
          local.get 0
          i32.const 8
          i32.add
          local.get 1
          i32.store
          local.get 0
          i32.const 0
          i32.store
          local.get 4
          return
        end
        local.get 4
        i64.const 117
        i64.add
        local.tee 4
        global.set 3
        local.get 0
        local.get 1
        i32.store offset=4
        local.get 0
        i32.const 8
        i32.add
        local.get 2
        i32.store
        br 1 (;@1;)
      end
      local.get 4
      i64.const 116
      i64.add
      local.tee 4
      global.set 3
      local.get 0
      local.get 1
      i32.store offset=4
      local.get 0
      i32.const 8
      i32.add
      i32.const 0
      i32.store
    end
    local.get 4
    i64.const 61
    i64.add
    local.tee 4
    global.set 3
    local.get 0
    i32.const 1
    i32.store
    local.get 4
  )
  (func (;12;) (type 12) (param i32 i32 i64 i32) (result i32 i64)
    (local i32 i32 i32 i32 i32)
    local.get 3
    i32.const 26
    i32.add
    local.tee 3
    i64.extend_i32_s
    local.get 2
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 3
      global.set 4
      local.get 2
      global.set 3
      unreachable
    end
    block ;; label = @1
      block ;; label = @2
        block ;; label = @3
          block ;; label = @4
            local.get 1
            i32.const 9
            i32.ge_u
            if ;; label = @5
              local.get 2
              i64.const 126
              i64.add
              local.set 2
              i32.const 16
              i32.const 8
              local.get 2
              local.get 3
              call 25
              local.set 2
              local.get 1
              i32.gt_u
              br_if 1 (;@4;)
              local.get 2
              i64.const 6
              i64.add
              local.set 2
              br 2 (;@3;)
            end
            local.get 2
            i64.const 140
            i64.add
            local.set 2
            local.get 0
            local.get 2
            local.get 3
            call 13
            local.set 2
            local.set 6
            br 2 (;@2;)
          end
          local.get 2
          i64.const 86
          i64.add
          local.set 2
          i32.const 16
          i32.const 8
          local.get 2
          local.get 3
          call 25
          local.set 2
          local.set 1
        end
        local.get 2
        i64.const 393
        i64.add
        local.set 2
        i32.const 8
        i32.const 8
        local.get 2
        local.get 3
        call 25
        local.set 2
        local.set 5
        i32.const 20
        i32.const 8
        local.get 2
        local.get 3
        call 25
        local.set 2
        local.set 4
        i32.const 16
        i32.const 8
        local.get 2
        local.get 3
        call 25
        local.set 2
        local.set 7
        i32.const 0
        i32.const 16
        i32.const 8
        local.get 2
        local.get 3
        call 25
        local.set 2
        i32.const 2
        i32.shl
        i32.sub
        local.tee 8
        i32.const -65536
        local.get 7
        local.get 4
        local.get 5
        i32.add
        i32.add
        i32.sub
        i32.const -9
        i32.and
        i32.const 3
        i32.sub
        local.tee 5
        local.get 5
        local.get 8
        i32.gt_u
        select
        local.get 1
        i32.sub
        local.get 0
        i32.le_u
        br_if 0 (;@2;)
        local.get 2
        i64.const 433
        i64.add
        local.set 2
        local.get 1
        i32.const 16
        local.get 0
        i32.const 4
        i32.add
        i32.const 16
        i32.const 8
        local.get 2
        local.get 3
        call 25
        local.set 2
        i32.const 5
        i32.sub
        local.get 0
        i32.gt_u
        select
        i32.const 8
        local.get 2
        local.get 3
        call 25
        local.set 2
        local.tee 5
        i32.add
        i32.const 16
        i32.const 8
        local.get 2
        local.get 3
        call 25
        local.set 2
        i32.add
        i32.const 4
        i32.sub
        local.get 2
        local.get 3
        call 13
        local.set 2
        local.tee 4
        i32.eqz
        br_if 0 (;@2;)
        local.get 2
        i64.const 129
        i64.add
        local.set 2
        local.get 4
        local.get 2
        local.get 3
        call 41
        local.set 2
        local.set 0
        block ;; label = @3
          local.get 1
          i32.const 1
          i32.sub
          local.tee 6
          local.get 4
          i32.and
          i32.eqz
          if ;; label = @4
            local.get 2
            i64.const 8
            i64.add
            local.set 2
            local.get 0
            local.set 1
            br 1 (;@3;)
          end
          local.get 2
          i64.const 5577
          i64.add
          local.set 2
          local.get 4
          local.get 6
          i32.add
          i32.const 0
          local.get 1
          i32.sub
          i32.and
          local.get 2
          local.get 3
          call 41
          local.set 2
          local.set 4
          i32.const 16
          i32.const 8
          local.get 2
          local.get 3
          call 25
          local.set 2
          local.set 6
          local.get 0
          local.get 2
          local.get 3
          call 29
          local.set 2
          local.get 4
          i32.const 0
          local.get 1
          local.get 4
          local.get 0
          i32.sub
          local.get 6
          i32.gt_u
          select
          i32.add
          local.tee 1
          local.get 0
          i32.sub
          local.tee 4
          i32.sub
          local.set 6
          local.get 0
          local.get 2
          local.get 3
          call 32
          local.set 2
          i32.eqz
          if ;; label = @4
            local.get 2
            i64.const 10809
            i64.add
            local.set 2
            local.get 1
            local.get 6
            local.get 2
            local.get 3
            call 33
            local.set 2
            local.get 0
            local.get 4
            local.get 2
            local.get 3
            call 33
            local.set 2
            local.get 0
            local.get 4
            local.get 2
            local.get 3
            call 14
            local.set 2
            br 1 (;@3;)
          end
          local.get 2
          i64.const 2718
          i64.add
          local.tee 2
          global.set 3
          local.get 0
          i32.load
          local.set 0
          local.get 1
          local.get 6
          i32.store offset=4
          local.get 1
          local.get 0
          local.get 4
          i32.add
          i32.store
        end
        local.get 2
        i64.const 2720
        i64.add
        local.set 2
        local.get 1
        local.get 2
        local.get 3
        call 32
        local.set 2
        br_if 1 (;@1;)
        local.get 2
        i64.const 2803
        i64.add
        local.set 2
        local.get 1
        local.get 2
        local.get 3
        call 29
        local.set 2
        local.tee 4
        i32.const 16
        i32.const 8
        local.get 2
        local.get 3
        call 25
        local.set 2
        local.get 5
        i32.add
        i32.le_u
        br_if 1 (;@1;)
        local.get 2
        i64.const 10887
        i64.add
        local.set 2
        local.get 1
        local.get 5
        local.get 2
        local.get 3
        call 38
        local.set 2
        local.set 0
        local.get 1
        local.get 5
        local.get 2
        local.get 3
        call 33
        local.set 2
        local.get 0
        local.get 4
        local.get 5
        i32.sub
        local.tee 5
        local.get 2
        local.get 3
        call 33
        local.set 2
        local.get 0
        local.get 5
        local.get 2
        local.get 3
        call 14
        local.set 2
        br 1 (;@1;)
      end
      local.get 2
      i64.const 8
      i64.add
      local.set 2
      local.get 6
      local.get 2
      return
    end
    local.get 2
    i64.const 2756
    i64.add
    local.set 2
    local.get 1
    local.get 2
    local.get 3
    call 40
    local.set 2
    local.get 1
    local.get 2
    local.get 3
    call 32
    local.set 2
    drop
    local.get 2
  )
  (func (;13;) (type 15) (param i32 i64 i32) (result i32 i64)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64 i32)
    local.get 2
    i32.const 42
    i32.add
    local.tee 2
    i64.extend_i32_s
    local.get 1
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 2
      global.set 4
      local.get 1
      global.set 3
      unreachable
    end
    global.get 0
    i32.const 16
    i32.sub
    local.tee 13
    global.set 0
    block ;; label = @1
      block ;; label = @2
        block ;; label = @3
          block ;; label = @4
            block ;; label = @5
              block ;; label = @6
                local.get 0
                i32.const 245
                i32.ge_u
                if ;; label = @7
                  local.get 1
                  i64.const 391
                  i64.add
                  local.set 1
                  i32.const 8
                  i32.const 8
                  local.get 1
                  local.get 2
                  call 25
                  local.set 1
                  local.set 8
                  i32.const 20
                  i32.const 8
                  local.get 1
                  local.get 2
                  call 25
                  local.set 1
                  local.set 7
                  i32.const 16
                  i32.const 8
                  local.get 1
                  local.get 2
                  call 25
                  local.set 1
                  local.set 3
                  i32.const 0
                  i32.const 16
                  i32.const 8
                  local.get 1
                  local.get 2
                  call 25
                  local.set 1
                  i32.const 2
                  i32.shl
                  i32.sub
                  local.tee 4
                  i32.const -65536
                  local.get 3
                  local.get 7
                  local.get 8
                  i32.add
                  i32.add
                  i32.sub
                  i32.const -9
                  i32.and
                  i32.const 3
                  i32.sub
                  local.tee 3
                  local.get 3
                  local.get 4
                  i32.gt_u
                  select
                  local.get 0
                  i32.le_u
                  br_if 6 (;@1;)
                  local.get 1
                  i64.const 2730
                  i64.add
                  local.set 1
                  local.get 0
                  i32.const 4
                  i32.add
                  i32.const 8
                  local.get 1
                  local.get 2
                  call 25
                  local.tee 1
                  global.set 3
                  local.set 6
                  i32.const 1049748
                  i32.load
                  i32.eqz
                  br_if 5 (;@2;)
                  local.get 1
                  i64.const 53
                  i64.add
                  local.set 1
                  i32.const 0
                  local.get 6
                  i32.sub
                  local.set 5
                  block (result i32) ;; label = @8
                    i32.const 0
                    local.get 6
                    i32.const 256
                    i32.lt_u
                    br_if 0 (;@8;)
                    local.get 1
                    i64.const 49
                    i64.add
                    local.set 1
                    drop
                    i32.const 31
                    local.get 6
                    i32.const 16777215
                    i32.gt_u
                    br_if 0 (;@8;)
                    local.get 1
                    i64.const 28
                    i64.add
                    local.set 1
                    drop
                    local.get 6
                    i32.const 6
                    local.get 6
                    i32.const 8
                    i32.shr_u
                    i32.clz
                    local.tee 0
                    i32.sub
                    i32.shr_u
                    i32.const 1
                    i32.and
                    local.get 0
                    i32.const 1
                    i32.shl
                    i32.sub
                    i32.const 62
                    i32.add
                  end
                  local.get 1
                  i64.const 2651
                  i64.add
                  local.tee 1
                  global.set 3
                  local.tee 8
                  i32.const 2
                  i32.shl
                  i32.const 1049336
                  i32.add
                  i32.load
                  local.tee 3
                  br_if 1 (;@6;)
                  local.get 1
                  i64.const 10
                  i64.add
                  local.set 1
                  i32.const 0
                  local.set 0
                  i32.const 0
                  local.set 7
                  br 2 (;@5;)
                end
                local.get 1
                i64.const 2835
                i64.add
                local.set 1
                i32.const 16
                local.get 0
                i32.const 4
                i32.add
                i32.const 16
                i32.const 8
                local.get 1
                local.get 2
                call 25
                local.set 1
                i32.const 5
                i32.sub
                local.get 0
                i32.gt_u
                select
                i32.const 8
                local.get 1
                local.get 2
                call 25
                local.tee 1
                global.set 3
                local.set 6
                block ;; label = @7
                  block ;; label = @8
                    block ;; label = @9
                      block (result i32) ;; label = @10
                        block ;; label = @11
                          block ;; label = @12
                            i32.const 1049744
                            i32.load
                            local.tee 3
                            local.get 6
                            i32.const 3
                            i32.shr_u
                            local.tee 0
                            i32.shr_u
                            local.tee 4
                            i32.const 3
                            i32.and
                            i32.eqz
                            if ;; label = @13
                              local.get 1
                              i64.const 2648
                              i64.add
                              local.tee 1
                              global.set 3
                              local.get 6
                              i32.const 1049752
                              i32.load
                              i32.le_u
                              br_if 11 (;@2;)
                              local.get 1
                              i64.const 45
                              i64.add
                              local.set 1
                              local.get 4
                              br_if 1 (;@12;)
                              local.get 1
                              i64.const 2648
                              i64.add
                              local.tee 1
                              global.set 3
                              i32.const 1049748
                              i32.load
                              local.tee 0
                              i32.eqz
                              br_if 11 (;@2;)
                              local.get 1
                              i64.const 8128
                              i64.add
                              local.set 1
                              local.get 0
                              local.get 1
                              local.get 2
                              call 27
                              local.tee 1
                              global.set 3
                              i32.ctz
                              i32.const 2
                              i32.shl
                              i32.const 1049336
                              i32.add
                              i32.load
                              local.tee 3
                              local.get 1
                              local.get 2
                              call 29
                              local.set 1
                              local.get 6
                              i32.sub
                              local.set 5
                              local.get 3
                              local.get 1
                              local.get 2
                              call 42
                              local.set 1
                              local.tee 0
                              if ;; label = @14
                                local.get 1
                                i64.const 5
                                i64.add
                                local.set 1
                                loop ;; label = @15
                                  local.get 1
                                  i64.const 5452
                                  i64.add
                                  local.set 1
                                  local.get 0
                                  local.get 1
                                  local.get 2
                                  call 29
                                  local.set 1
                                  local.get 6
                                  i32.sub
                                  local.tee 4
                                  local.get 5
                                  local.get 4
                                  local.get 5
                                  i32.lt_u
                                  local.tee 4
                                  select
                                  local.set 5
                                  local.get 0
                                  local.get 3
                                  local.get 4
                                  select
                                  local.set 3
                                  local.get 0
                                  local.get 1
                                  local.get 2
                                  call 42
                                  local.set 1
                                  local.tee 0
                                  br_if 0 (;@15;)
                                  local.get 1
                                  i64.const 6
                                  i64.add
                                  local.set 1
                                end
                              end
                              local.get 1
                              i64.const 5521
                              i64.add
                              local.set 1
                              local.get 3
                              local.get 6
                              local.get 1
                              local.get 2
                              call 38
                              local.set 1
                              local.set 7
                              local.get 3
                              local.get 1
                              local.get 2
                              call 15
                              local.set 1
                              i32.const 16
                              i32.const 8
                              local.get 1
                              local.get 2
                              call 25
                              local.set 1
                              local.get 5
                              i32.gt_u
                              br_if 5 (;@8;)
                              local.get 1
                              i64.const 2962
                              i64.add
                              local.set 1
                              local.get 3
                              local.get 6
                              local.get 1
                              local.get 2
                              call 35
                              local.set 1
                              local.get 7
                              local.get 5
                              local.get 1
                              local.get 2
                              call 36
                              local.tee 1
                              global.set 3
                              i32.const 1049752
                              i32.load
                              local.tee 0
                              i32.eqz
                              br_if 4 (;@9;)
                              local.get 1
                              i64.const 5263
                              i64.add
                              local.tee 1
                              global.set 3
                              local.get 0
                              i32.const -8
                              i32.and
                              i32.const 1049480
                              i32.add
                              local.set 9
                              i32.const 1049760
                              i32.load
                              local.set 8
                              i32.const 1049744
                              i32.load
                              local.tee 4
                              i32.const 1
                              local.get 0
                              i32.const 3
                              i32.shr_u
                              i32.shl
                              local.tee 0
                              i32.and
                              i32.eqz
                              br_if 2 (;@11;)
                              local.get 1
                              i64.const 2608
                              i64.add
                              local.tee 1
                              global.set 3
                              local.get 9
                              i32.load offset=8
                              br 3 (;@10;)
                            end
                            local.get 1
                            i64.const 5271
                            i64.add
                            local.tee 1
                            global.set 3
                            block ;; label = @13
                              local.get 4
                              i32.const -1
                              i32.xor
                              i32.const 1
                              i32.and
                              local.get 0
                              i32.add
                              local.tee 5
                              i32.const 3
                              i32.shl
                              local.tee 0
                              i32.const 1049488
                              i32.add
                              i32.load
                              local.tee 7
                              i32.const 8
                              i32.add
                              i32.load
                              local.tee 4
                              local.get 0
                              i32.const 1049480
                              i32.add
                              local.tee 0
                              i32.ne
                              if ;; label = @14
                                local.get 1
                                i64.const 115
                                i64.add
                                local.tee 1
                                global.set 3
                                local.get 4
                                local.get 0
                                i32.store offset=12
                                local.get 0
                                local.get 4
                                i32.store offset=8
                                br 1 (;@13;)
                              end
                              local.get 1
                              i64.const 64
                              i64.add
                              local.tee 1
                              global.set 3
                              i32.const 1049744
                              local.get 3
                              i32.const -2
                              local.get 5
                              i32.rotl
                              i32.and
                              i32.store
                            end
                            local.get 1
                            i64.const 2870
                            i64.add
                            local.set 1
                            local.get 7
                            local.get 5
                            i32.const 3
                            i32.shl
                            local.get 1
                            local.get 2
                            call 34
                            local.set 1
                            local.get 7
                            local.get 1
                            local.get 2
                            call 40
                            local.set 1
                            local.set 5
                            br 11 (;@1;)
                          end
                          local.get 1
                          i64.const 5432
                          i64.add
                          local.set 1
                          block ;; label = @12
                            i32.const 1
                            local.get 0
                            i32.const 31
                            i32.and
                            local.tee 0
                            i32.shl
                            local.get 1
                            local.get 2
                            call 26
                            local.set 1
                            local.get 4
                            local.get 0
                            i32.shl
                            i32.and
                            local.get 1
                            local.get 2
                            call 27
                            local.tee 1
                            global.set 3
                            i32.ctz
                            local.tee 4
                            i32.const 3
                            i32.shl
                            local.tee 0
                            i32.const 1049488
                            i32.add
                            i32.load
                            local.tee 5
                            i32.const 8
                            i32.add
                            i32.load
                            local.tee 3
                            local.get 0
                            i32.const 1049480
                            i32.add
                            local.tee 0
                            i32.ne
                            if ;; label = @13
                              local.get 1
                              i64.const 115
                              i64.add
                              local.tee 1
                              global.set 3
                              local.get 3
                              local.get 0
                              i32.store offset=12
                              local.get 0
                              local.get 3
                              i32.store offset=8
                              br 1 (;@12;)
                            end
                            local.get 1
                            i64.const 2664
                            i64.add
                            local.tee 1
                            global.set 3
                            i32.const 1049744
                            i32.const 1049744
                            i32.load
                            i32.const -2
                            local.get 4
                            i32.rotl
                            i32.and
                            i32.store
                          end
                          local.get 1
                          i64.const 3043
                          i64.add
                          local.set 1
                          local.get 5
                          local.get 6
                          local.get 1
                          local.get 2
                          call 35
                          local.set 1
                          local.get 5
                          local.get 6
                          local.get 1
                          local.get 2
                          call 38
                          local.set 1
                          local.tee 7
                          local.get 4
                          i32.const 3
                          i32.shl
                          local.get 6
                          i32.sub
                          local.tee 4
                          local.get 1
                          local.get 2
                          call 36
                          local.tee 1
                          global.set 3
                          i32.const 1049752
                          i32.load
                          local.tee 0
                          if ;; label = @12
                            local.get 1
                            i64.const 5266
                            i64.add
                            local.tee 1
                            global.set 3
                            local.get 0
                            i32.const -8
                            i32.and
                            i32.const 1049480
                            i32.add
                            local.set 9
                            i32.const 1049760
                            i32.load
                            local.set 8
                            block (result i32) ;; label = @13
                              i32.const 1049744
                              i32.load
                              local.tee 3
                              i32.const 1
                              local.get 0
                              i32.const 3
                              i32.shr_u
                              i32.shl
                              local.tee 0
                              i32.and
                              if ;; label = @14
                                local.get 1
                                i64.const 2608
                                i64.add
                                local.tee 1
                                global.set 3
                                local.get 9
                                i32.load offset=8
                                br 1 (;@13;)
                              end
                              local.get 1
                              i64.const 63
                              i64.add
                              local.tee 1
                              global.set 3
                              i32.const 1049744
                              local.get 0
                              local.get 3
                              i32.or
                              i32.store
                              local.get 9
                            end
                            local.get 1
                            i64.const 223
                            i64.add
                            local.tee 1
                            global.set 3
                            local.set 0
                            local.get 9
                            local.get 8
                            i32.store offset=8
                            local.get 0
                            local.get 8
                            i32.store offset=12
                            local.get 8
                            local.get 9
                            i32.store offset=12
                            local.get 8
                            local.get 0
                            i32.store offset=8
                          end
                          local.get 1
                          i64.const 189
                          i64.add
                          local.tee 1
                          global.set 3
                          i32.const 1049760
                          local.get 7
                          i32.store
                          i32.const 1049752
                          local.get 4
                          i32.store
                          local.get 5
                          local.get 1
                          local.get 2
                          call 40
                          local.set 1
                          local.set 5
                          br 10 (;@1;)
                        end
                        local.get 1
                        i64.const 63
                        i64.add
                        local.tee 1
                        global.set 3
                        i32.const 1049744
                        local.get 0
                        local.get 4
                        i32.or
                        i32.store
                        local.get 9
                      end
                      local.get 1
                      i64.const 223
                      i64.add
                      local.tee 1
                      global.set 3
                      local.set 0
                      local.get 9
                      local.get 8
                      i32.store offset=8
                      local.get 0
                      local.get 8
                      i32.store offset=12
                      local.get 8
                      local.get 9
                      i32.store offset=12
                      local.get 8
                      local.get 0
                      i32.store offset=8
                    end
                    local.get 1
                    i64.const 115
                    i64.add
                    local.tee 1
                    global.set 3
                    i32.const 1049760
                    local.get 7
                    i32.store
                    i32.const 1049752
                    local.get 5
                    i32.store
                    br 1 (;@7;)
                  end
                  local.get 1
                  i64.const 2795
                  i64.add
                  local.set 1
                  local.get 3
                  local.get 5
                  local.get 6
                  i32.add
                  local.get 1
                  local.get 2
                  call 34
                  local.set 1
                end
                local.get 1
                i64.const 118
                i64.add
                local.set 1
                local.get 3
                local.get 1
                local.get 2
                call 40
                local.set 1
                local.tee 5
                br_if 5 (;@1;)
                local.get 1
                i64.const 6
                i64.add
                local.set 1
                br 4 (;@2;)
              end
              local.get 1
              i64.const 93
              i64.add
              local.set 1
              local.get 6
              local.get 8
              local.get 1
              local.get 2
              call 28
              local.set 1
              i32.shl
              local.set 9
              i32.const 0
              local.set 0
              i32.const 0
              local.set 7
              loop ;; label = @6
                local.get 1
                i64.const 2723
                i64.add
                local.set 1
                block ;; label = @7
                  local.get 3
                  local.get 1
                  local.get 2
                  call 29
                  local.set 1
                  local.tee 4
                  local.get 6
                  i32.lt_u
                  br_if 0 (;@7;)
                  local.get 1
                  i64.const 50
                  i64.add
                  local.set 1
                  local.get 4
                  local.get 6
                  i32.sub
                  local.tee 4
                  local.get 5
                  i32.ge_u
                  br_if 0 (;@7;)
                  local.get 1
                  i64.const 48
                  i64.add
                  local.set 1
                  local.get 3
                  local.set 7
                  local.get 4
                  local.tee 5
                  br_if 0 (;@7;)
                  local.get 1
                  i64.const 10
                  i64.add
                  local.set 1
                  i32.const 0
                  local.set 5
                  local.get 3
                  local.set 0
                  br 3 (;@4;)
                end
                local.get 1
                i64.const 5274
                i64.add
                local.tee 1
                global.set 3
                local.get 3
                i32.const 20
                i32.add
                i32.load
                local.tee 4
                local.get 0
                local.get 4
                local.get 3
                local.get 9
                i32.const 29
                i32.shr_u
                i32.const 4
                i32.and
                i32.add
                i32.const 16
                i32.add
                i32.load
                local.tee 3
                i32.ne
                select
                local.get 0
                local.get 4
                select
                local.set 0
                local.get 9
                i32.const 1
                i32.shl
                local.set 9
                local.get 3
                br_if 0 (;@6;)
                local.get 1
                i64.const 6
                i64.add
                local.set 1
              end
            end
            local.get 1
            i64.const 51
            i64.add
            local.set 1
            local.get 0
            local.get 7
            i32.or
            i32.eqz
            if ;; label = @5
              local.get 1
              i64.const 2731
              i64.add
              local.set 1
              i32.const 0
              local.set 7
              i32.const 1
              local.get 8
              i32.shl
              local.get 1
              local.get 2
              call 26
              local.tee 1
              global.set 3
              i32.const 1049748
              i32.load
              i32.and
              local.tee 0
              i32.eqz
              br_if 3 (;@2;)
              local.get 1
              i64.const 2693
              i64.add
              local.set 1
              local.get 0
              local.get 1
              local.get 2
              call 27
              local.tee 1
              global.set 3
              i32.ctz
              i32.const 2
              i32.shl
              i32.const 1049336
              i32.add
              i32.load
              local.set 0
            end
            local.get 1
            i64.const 46
            i64.add
            local.set 1
            local.get 0
            i32.eqz
            br_if 1 (;@3;)
            local.get 1
            i64.const 5
            i64.add
            local.set 1
          end
          local.get 1
          i64.const 5
          i64.add
          local.set 1
          loop ;; label = @4
            local.get 1
            i64.const 5457
            i64.add
            local.set 1
            local.get 0
            local.get 7
            local.get 0
            local.get 1
            local.get 2
            call 29
            local.set 1
            local.tee 3
            local.get 6
            i32.ge_u
            local.get 3
            local.get 6
            i32.sub
            local.tee 4
            local.get 5
            i32.lt_u
            i32.and
            local.tee 3
            select
            local.set 7
            local.get 4
            local.get 5
            local.get 3
            select
            local.set 5
            local.get 0
            local.get 1
            local.get 2
            call 42
            local.set 1
            local.tee 0
            br_if 0 (;@4;)
            local.get 1
            i64.const 6
            i64.add
            local.set 1
          end
        end
        local.get 1
        i64.const 46
        i64.add
        local.set 1
        local.get 7
        i32.eqz
        br_if 0 (;@2;)
        local.get 1
        i64.const 2655
        i64.add
        local.tee 1
        global.set 3
        local.get 6
        i32.const 1049752
        i32.load
        local.tee 0
        i32.le_u
        local.get 5
        local.get 0
        local.get 6
        i32.sub
        i32.ge_u
        i32.and
        br_if 0 (;@2;)
        local.get 1
        i64.const 5525
        i64.add
        local.set 1
        local.get 7
        local.get 6
        local.get 1
        local.get 2
        call 38
        local.set 1
        local.set 8
        local.get 7
        local.get 1
        local.get 2
        call 15
        local.set 1
        block ;; label = @3
          i32.const 16
          i32.const 8
          local.get 1
          local.get 2
          call 25
          local.set 1
          local.get 5
          i32.le_u
          if ;; label = @4
            local.get 1
            i64.const 364
            i64.add
            local.set 1
            local.get 7
            local.get 6
            local.get 1
            local.get 2
            call 35
            local.set 1
            local.get 8
            local.get 5
            local.get 1
            local.get 2
            call 36
            local.set 1
            local.get 5
            i32.const 256
            i32.ge_u
            if ;; label = @5
              local.get 1
              i64.const 183
              i64.add
              local.set 1
              local.get 8
              local.get 5
              local.get 1
              local.get 2
              call 16
              local.set 1
              br 2 (;@3;)
            end
            local.get 1
            i64.const 2664
            i64.add
            local.tee 1
            global.set 3
            local.get 5
            i32.const -8
            i32.and
            i32.const 1049480
            i32.add
            local.set 4
            block (result i32) ;; label = @5
              i32.const 1049744
              i32.load
              local.tee 3
              i32.const 1
              local.get 5
              i32.const 3
              i32.shr_u
              i32.shl
              local.tee 0
              i32.and
              if ;; label = @6
                local.get 1
                i64.const 2608
                i64.add
                local.tee 1
                global.set 3
                local.get 4
                i32.load offset=8
                br 1 (;@5;)
              end
              local.get 1
              i64.const 63
              i64.add
              local.tee 1
              global.set 3
              i32.const 1049744
              local.get 0
              local.get 3
              i32.or
              i32.store
              local.get 4
            end
            local.get 1
            i64.const 224
            i64.add
            local.tee 1
            global.set 3
            local.set 0
            local.get 4
            local.get 8
            i32.store offset=8
            local.get 0
            local.get 8
            i32.store offset=12
            local.get 8
            local.get 4
            i32.store offset=12
            local.get 8
            local.get 0
            i32.store offset=8
            br 1 (;@3;)
          end
          local.get 1
          i64.const 2795
          i64.add
          local.set 1
          local.get 7
          local.get 5
          local.get 6
          i32.add
          local.get 1
          local.get 2
          call 34
          local.set 1
        end
        local.get 1
        i64.const 118
        i64.add
        local.set 1
        local.get 7
        local.get 1
        local.get 2
        call 40
        local.set 1
        local.tee 5
        br_if 1 (;@1;)
        local.get 1
        i64.const 5
        i64.add
        local.set 1
      end
      local.get 1
      i64.const 2659
      i64.add
      local.tee 1
      global.set 3
      block ;; label = @2
        block ;; label = @3
          block ;; label = @4
            block ;; label = @5
              block ;; label = @6
                block ;; label = @7
                  block ;; label = @8
                    local.get 6
                    i32.const 1049752
                    i32.load
                    local.tee 0
                    i32.gt_u
                    if ;; label = @9
                      local.get 1
                      i64.const 2649
                      i64.add
                      local.tee 1
                      global.set 3
                      i32.const 1049756
                      i32.load
                      local.tee 0
                      local.get 6
                      i32.gt_u
                      br_if 2 (;@7;)
                      local.get 1
                      i64.const 3710
                      i64.add
                      local.set 1
                      i32.const 8
                      i32.const 8
                      local.get 1
                      local.get 2
                      call 25
                      local.set 1
                      local.get 6
                      i32.add
                      i32.const 20
                      i32.const 8
                      local.get 1
                      local.get 2
                      call 25
                      local.set 1
                      i32.add
                      i32.const 16
                      i32.const 8
                      local.get 1
                      local.get 2
                      call 25
                      local.set 1
                      i32.add
                      i32.const 65536
                      local.get 1
                      local.get 2
                      call 25
                      local.tee 1
                      global.set 3
                      local.tee 0
                      i32.const 16
                      i32.shr_u
                      local.tee 19
                      local.get 1
                      local.get 19
                      i64.extend_i32_u
                      i64.const 380000
                      i64.mul
                      i64.add
                      local.tee 1
                      global.set 3
                      local.get 1
                      i64.const 0
                      i64.ge_s
                      if ;; label = @10
                        unreachable
                      end
                      memory.grow
                      local.set 3
                      local.get 13
                      i32.const 0
                      i32.store offset=8
                      local.get 13
                      i32.const 0
                      local.get 0
                      i32.const -65536
                      i32.and
                      local.get 3
                      i32.const -1
                      i32.eq
                      local.tee 0
                      select
                      i32.store offset=4
                      local.get 13
                      i32.const 0
                      local.get 3
                      i32.const 16
                      i32.shl
                      local.get 0
                      select
                      i32.store
                      local.get 13
                      i32.load
                      local.tee 10
                      br_if 1 (;@8;)
                      local.get 1
                      i64.const 8
                      i64.add
                      local.set 1
                      i32.const 0
                      local.set 5
                      br 8 (;@1;)
                    end
                    local.get 1
                    i64.const 2735
                    i64.add
                    local.tee 1
                    global.set 3
                    i32.const 1049760
                    i32.load
                    local.set 4
                    i32.const 16
                    i32.const 8
                    local.get 1
                    local.get 2
                    call 25
                    local.set 1
                    local.get 0
                    local.get 6
                    i32.sub
                    local.tee 3
                    i32.gt_u
                    if ;; label = @9
                      local.get 1
                      i64.const 5579
                      i64.add
                      local.tee 1
                      global.set 3
                      i32.const 1049760
                      i32.const 0
                      i32.store
                      i32.const 1049752
                      i32.load
                      local.set 0
                      i32.const 1049752
                      i32.const 0
                      i32.store
                      local.get 4
                      local.get 0
                      local.get 1
                      local.get 2
                      call 34
                      local.set 1
                      local.get 4
                      local.get 1
                      local.get 2
                      call 40
                      local.set 1
                      local.set 5
                      br 8 (;@1;)
                    end
                    local.get 1
                    i64.const 578
                    i64.add
                    local.set 1
                    local.get 4
                    local.get 6
                    local.get 1
                    local.get 2
                    call 38
                    local.tee 1
                    global.set 3
                    local.set 0
                    i32.const 1049752
                    local.get 3
                    i32.store
                    i32.const 1049760
                    local.get 0
                    i32.store
                    local.get 0
                    local.get 3
                    local.get 1
                    local.get 2
                    call 36
                    local.set 1
                    local.get 4
                    local.get 6
                    local.get 1
                    local.get 2
                    call 35
                    local.set 1
                    local.get 4
                    local.get 1
                    local.get 2
                    call 40
                    local.set 1
                    local.set 5
                    br 7 (;@1;)
                  end
                  local.get 1
                  i64.const 13173
                  i64.add
                  local.tee 1
                  global.set 3
                  local.get 13
                  i32.load offset=8
                  local.set 14
                  i32.const 1049768
                  local.get 13
                  i32.load offset=4
                  local.tee 12
                  i32.const 1049768
                  i32.load
                  i32.add
                  local.tee 3
                  i32.store
                  i32.const 1049772
                  i32.const 1049772
                  i32.load
                  local.tee 0
                  local.get 3
                  local.get 0
                  local.get 3
                  i32.gt_u
                  select
                  i32.store
                  block ;; label = @8
                    block ;; label = @9
                      block ;; label = @10
                        i32.const 1049764
                        i32.load
                        if ;; label = @11
                          local.get 1
                          i64.const 7
                          i64.add
                          local.set 1
                          i32.const 1049464
                          local.set 0
                          loop ;; label = @12
                            local.get 1
                            i64.const 5321
                            i64.add
                            local.set 1
                            local.get 0
                            local.get 1
                            local.get 2
                            call 45
                            local.set 1
                            local.get 10
                            i32.eq
                            br_if 2 (;@10;)
                            local.get 1
                            i64.const 2647
                            i64.add
                            local.tee 1
                            global.set 3
                            local.get 0
                            i32.load offset=8
                            local.tee 0
                            br_if 0 (;@12;)
                            local.get 1
                            i64.const 7
                            i64.add
                            local.set 1
                          end
                          br 2 (;@9;)
                        end
                        local.get 1
                        i64.const 2652
                        i64.add
                        local.tee 1
                        global.set 3
                        i32.const 1049780
                        i32.load
                        local.tee 0
                        i32.eqz
                        local.get 0
                        local.get 10
                        i32.gt_u
                        i32.or
                        br_if 5 (;@5;)
                        local.get 1
                        i64.const 6
                        i64.add
                        local.set 1
                        br 7 (;@3;)
                      end
                      local.get 1
                      i64.const 2719
                      i64.add
                      local.set 1
                      local.get 0
                      local.get 1
                      local.get 2
                      call 43
                      local.set 1
                      br_if 0 (;@9;)
                      local.get 1
                      i64.const 2721
                      i64.add
                      local.set 1
                      local.get 0
                      local.get 1
                      local.get 2
                      call 44
                      local.set 1
                      local.get 14
                      i32.ne
                      br_if 0 (;@9;)
                      local.get 1
                      i64.const 5253
                      i64.add
                      local.tee 1
                      global.set 3
                      local.get 0
                      i32.load
                      local.tee 4
                      i32.const 1049764
                      i32.load
                      local.tee 3
                      i32.le_u
                      if (result i32) ;; label = @10
                        local.get 1
                        i64.const 2611
                        i64.add
                        local.tee 1
                        global.set 3
                        local.get 4
                        local.get 0
                        i32.load offset=4
                        i32.add
                        local.get 3
                        i32.gt_u
                      else
                        local.get 1
                        i64.const 6
                        i64.add
                        local.set 1
                        i32.const 0
                      end
                      local.get 1
                      i64.const 44
                      i64.add
                      local.set 1
                      br_if 1 (;@8;)
                      local.get 1
                      i64.const 5
                      i64.add
                      local.set 1
                    end
                    local.get 1
                    i64.const 2675
                    i64.add
                    local.tee 1
                    global.set 3
                    i32.const 1049780
                    i32.const 1049780
                    i32.load
                    local.tee 0
                    local.get 10
                    local.get 0
                    local.get 10
                    i32.lt_u
                    select
                    i32.store
                    local.get 10
                    local.get 12
                    i32.add
                    local.set 3
                    i32.const 1049464
                    local.set 0
                    block ;; label = @9
                      block ;; label = @10
                        loop ;; label = @11
                          local.get 1
                          i64.const -2701
                          i64.ge_s
                          if ;; label = @12
                            i64.const 0
                            global.set 3
                            unreachable
                          end
                          local.get 1
                          i64.const 2701
                          i64.add
                          local.tee 1
                          global.set 3
                          local.get 3
                          local.get 0
                          i32.load
                          i32.ne
                          if ;; label = @12
                            local.get 1
                            i64.const 2647
                            i64.add
                            local.tee 1
                            global.set 3
                            local.get 0
                            i32.load offset=8
                            local.tee 0
                            br_if 1 (;@11;)
                            local.get 1
                            i64.const 6
                            i64.add
                            local.set 1
                            br 2 (;@10;)
                          end
                          local.get 1
                          i64.const 2720
                          i64.add
                          local.set 1
                        end
                        local.get 0
                        local.get 1
                        local.get 2
                        call 43
                        local.set 1
                        br_if 0 (;@10;)
                        local.get 1
                        i64.const 2721
                        i64.add
                        local.set 1
                        local.get 0
                        local.get 1
                        local.get 2
                        call 44
                        local.set 1
                        local.get 14
                        i32.eq
                        br_if 1 (;@9;)
                        local.get 1
                        i64.const 5
                        i64.add
                        local.set 1
                      end
                      local.get 1
                      i64.const 2611
                      i64.add
                      local.tee 1
                      global.set 3
                      i32.const 1049764
                      i32.load
                      local.set 11
                      i32.const 1049464
                      local.set 0
                      block ;; label = @10
                        loop ;; label = @11
                          local.get 1
                          i64.const -2701
                          i64.ge_s
                          if ;; label = @12
                            i64.const 0
                            global.set 3
                            unreachable
                          end
                          local.get 1
                          i64.const 2701
                          i64.add
                          local.tee 1
                          global.set 3
                          local.get 11
                          local.get 0
                          i32.load
                          i32.ge_u
                          if ;; label = @12
                            local.get 1
                            i64.const 5321
                            i64.add
                            local.set 1
                            local.get 0
                            local.get 1
                            local.get 2
                            call 45
                            local.set 1
                            local.get 11
                            i32.gt_u
                            br_if 2 (;@10;)
                            local.get 1
                            i64.const 5
                            i64.add
                            local.set 1
                          end
                          local.get 1
                          i64.const 2647
                          i64.add
                          local.tee 1
                          global.set 3
                          local.get 0
                          i32.load offset=8
                          local.tee 0
                          br_if 0 (;@11;)
                          local.get 1
                          i64.const 8
                          i64.add
                          local.set 1
                        end
                        i32.const 0
                        local.set 0
                      end
                      local.get 1
                      i64.const 12496
                      i64.add
                      local.set 1
                      local.get 11
                      local.get 0
                      local.get 1
                      local.get 2
                      call 45
                      local.set 1
                      local.tee 8
                      i32.const 20
                      i32.const 8
                      local.get 1
                      local.get 2
                      call 25
                      local.set 1
                      local.tee 17
                      i32.sub
                      i32.const 23
                      i32.sub
                      local.tee 3
                      local.get 1
                      local.get 2
                      call 40
                      local.set 1
                      local.tee 0
                      i32.const 8
                      local.get 1
                      local.get 2
                      call 25
                      local.set 1
                      local.get 0
                      i32.sub
                      local.get 3
                      i32.add
                      local.tee 0
                      local.get 0
                      i32.const 16
                      i32.const 8
                      local.get 1
                      local.get 2
                      call 25
                      local.set 1
                      local.get 11
                      i32.add
                      i32.lt_u
                      select
                      local.tee 15
                      local.get 1
                      local.get 2
                      call 40
                      local.set 1
                      local.set 16
                      local.get 15
                      local.get 17
                      local.get 1
                      local.get 2
                      call 38
                      local.set 1
                      local.set 0
                      i32.const 8
                      i32.const 8
                      local.get 1
                      local.get 2
                      call 25
                      local.set 1
                      local.set 5
                      i32.const 20
                      i32.const 8
                      local.get 1
                      local.get 2
                      call 25
                      local.set 1
                      local.set 7
                      i32.const 16
                      i32.const 8
                      local.get 1
                      local.get 2
                      call 25
                      local.set 1
                      local.set 4
                      i32.const 1049764
                      local.get 10
                      local.get 10
                      local.get 1
                      local.get 2
                      call 40
                      local.set 1
                      local.tee 3
                      i32.const 8
                      local.get 1
                      local.get 2
                      call 25
                      local.set 1
                      local.get 3
                      i32.sub
                      local.tee 3
                      local.get 1
                      local.get 2
                      call 38
                      local.tee 1
                      global.set 3
                      local.tee 9
                      i32.store
                      i32.const 1049756
                      local.get 12
                      i32.const 8
                      i32.add
                      local.get 4
                      local.get 5
                      local.get 7
                      i32.add
                      i32.add
                      local.get 3
                      i32.add
                      i32.sub
                      local.tee 5
                      i32.store
                      local.get 9
                      local.get 5
                      i32.const 1
                      i32.or
                      i32.store offset=4
                      i32.const 8
                      i32.const 8
                      local.get 1
                      local.get 2
                      call 25
                      local.set 1
                      local.set 7
                      i32.const 20
                      i32.const 8
                      local.get 1
                      local.get 2
                      call 25
                      local.set 1
                      local.set 4
                      i32.const 16
                      i32.const 8
                      local.get 1
                      local.get 2
                      call 25
                      local.set 1
                      local.set 3
                      local.get 9
                      local.get 5
                      local.get 1
                      local.get 2
                      call 38
                      local.tee 1
                      global.set 3
                      local.get 3
                      local.get 4
                      local.get 7
                      i32.const 8
                      i32.sub
                      i32.add
                      i32.add
                      i32.store offset=4
                      i32.const 1049776
                      i32.const 2097152
                      i32.store
                      local.get 15
                      local.get 17
                      local.get 1
                      local.get 2
                      call 35
                      local.tee 1
                      global.set 3
                      i32.const 1049464
                      i64.load align=4
                      local.set 18
                      local.get 16
                      i32.const 8
                      i32.add
                      i32.const 1049472
                      i64.load align=4
                      i64.store align=4
                      local.get 16
                      local.get 18
                      i64.store align=4
                      i32.const 1049476
                      local.get 14
                      i32.store
                      i32.const 1049468
                      local.get 12
                      i32.store
                      i32.const 1049464
                      local.get 10
                      i32.store
                      i32.const 1049472
                      local.get 16
                      i32.store
                      loop ;; label = @10
                        local.get 1
                        i64.const 178
                        i64.add
                        local.set 1
                        local.get 0
                        i32.const 4
                        local.get 1
                        local.get 2
                        call 38
                        local.tee 1
                        global.set 3
                        local.get 0
                        i32.const 7
                        i32.store offset=4
                        local.tee 0
                        i32.const 4
                        i32.add
                        local.get 8
                        i32.lt_u
                        br_if 0 (;@10;)
                        local.get 1
                        i64.const 48
                        i64.add
                        local.set 1
                      end
                      local.get 11
                      local.get 15
                      i32.eq
                      br_if 7 (;@2;)
                      local.get 1
                      i64.const 2968
                      i64.add
                      local.set 1
                      local.get 11
                      local.get 15
                      local.get 11
                      i32.sub
                      local.tee 0
                      local.get 11
                      local.get 0
                      local.get 1
                      local.get 2
                      call 38
                      local.set 1
                      local.get 1
                      local.get 2
                      call 37
                      local.set 1
                      local.get 0
                      i32.const 256
                      i32.ge_u
                      if ;; label = @10
                        local.get 1
                        i64.const 183
                        i64.add
                        local.set 1
                        local.get 11
                        local.get 0
                        local.get 1
                        local.get 2
                        call 16
                        local.set 1
                        br 8 (;@2;)
                      end
                      local.get 1
                      i64.const 2664
                      i64.add
                      local.tee 1
                      global.set 3
                      local.get 0
                      i32.const -8
                      i32.and
                      i32.const 1049480
                      i32.add
                      local.set 4
                      block (result i32) ;; label = @10
                        i32.const 1049744
                        i32.load
                        local.tee 3
                        i32.const 1
                        local.get 0
                        i32.const 3
                        i32.shr_u
                        i32.shl
                        local.tee 0
                        i32.and
                        if ;; label = @11
                          local.get 1
                          i64.const 2608
                          i64.add
                          local.tee 1
                          global.set 3
                          local.get 4
                          i32.load offset=8
                          br 1 (;@10;)
                        end
                        local.get 1
                        i64.const 63
                        i64.add
                        local.tee 1
                        global.set 3
                        i32.const 1049744
                        local.get 0
                        local.get 3
                        i32.or
                        i32.store
                        local.get 4
                      end
                      local.get 1
                      i64.const 224
                      i64.add
                      local.tee 1
                      global.set 3
                      local.set 0
                      local.get 4
                      local.get 11
                      i32.store offset=8
                      local.get 0
                      local.get 11
                      i32.store offset=12
                      local.get 11
                      local.get 4
                      i32.store offset=12
                      local.get 11
                      local.get 0
                      i32.store offset=8
                      br 7 (;@2;)
                    end
                    local.get 1
                    i64.const 8492
                    i64.add
                    local.tee 1
                    global.set 3
                    local.get 0
                    i32.load
                    local.set 5
                    local.get 0
                    local.get 10
                    i32.store
                    local.get 0
                    local.get 0
                    i32.load offset=4
                    local.get 12
                    i32.add
                    i32.store offset=4
                    local.get 10
                    local.get 1
                    local.get 2
                    call 40
                    local.set 1
                    local.tee 7
                    i32.const 8
                    local.get 1
                    local.get 2
                    call 25
                    local.set 1
                    local.set 4
                    local.get 5
                    local.get 1
                    local.get 2
                    call 40
                    local.set 1
                    local.tee 3
                    i32.const 8
                    local.get 1
                    local.get 2
                    call 25
                    local.set 1
                    local.set 0
                    local.get 10
                    local.get 4
                    local.get 7
                    i32.sub
                    i32.add
                    local.tee 8
                    local.get 6
                    local.get 1
                    local.get 2
                    call 38
                    local.set 1
                    local.set 9
                    local.get 8
                    local.get 6
                    local.get 1
                    local.get 2
                    call 35
                    local.tee 1
                    global.set 3
                    local.get 5
                    local.get 0
                    local.get 3
                    i32.sub
                    i32.add
                    local.tee 0
                    local.get 6
                    local.get 8
                    i32.add
                    i32.sub
                    local.set 6
                    i32.const 1049764
                    i32.load
                    local.get 0
                    i32.ne
                    if ;; label = @9
                      local.get 1
                      i64.const 2648
                      i64.add
                      local.tee 1
                      global.set 3
                      local.get 0
                      i32.const 1049760
                      i32.load
                      i32.eq
                      br_if 3 (;@6;)
                      local.get 1
                      i64.const 2650
                      i64.add
                      local.tee 1
                      global.set 3
                      local.get 0
                      i32.load offset=4
                      i32.const 3
                      i32.and
                      i32.const 1
                      i32.ne
                      br_if 5 (;@4;)
                      local.get 1
                      i64.const 2726
                      i64.add
                      local.set 1
                      block ;; label = @10
                        local.get 0
                        local.get 1
                        local.get 2
                        call 29
                        local.set 1
                        local.tee 7
                        i32.const 256
                        i32.ge_u
                        if ;; label = @11
                          local.get 1
                          i64.const 5326
                          i64.add
                          local.set 1
                          local.get 0
                          local.get 1
                          local.get 2
                          call 15
                          local.set 1
                          br 1 (;@10;)
                        end
                        local.get 1
                        i64.const 5257
                        i64.add
                        local.tee 1
                        global.set 3
                        local.get 0
                        i32.const 12
                        i32.add
                        i32.load
                        local.tee 4
                        local.get 0
                        i32.const 8
                        i32.add
                        i32.load
                        local.tee 3
                        i32.ne
                        if ;; label = @11
                          local.get 1
                          i64.const 115
                          i64.add
                          local.tee 1
                          global.set 3
                          local.get 3
                          local.get 4
                          i32.store offset=12
                          local.get 4
                          local.get 3
                          i32.store offset=8
                          br 1 (;@10;)
                        end
                        local.get 1
                        i64.const 2666
                        i64.add
                        local.tee 1
                        global.set 3
                        i32.const 1049744
                        i32.const 1049744
                        i32.load
                        i32.const -2
                        local.get 7
                        i32.const 3
                        i32.shr_u
                        i32.rotl
                        i32.and
                        i32.store
                      end
                      local.get 1
                      i64.const 85
                      i64.add
                      local.set 1
                      local.get 6
                      local.get 7
                      i32.add
                      local.set 6
                      local.get 0
                      local.get 7
                      local.get 1
                      local.get 2
                      call 38
                      local.set 1
                      local.set 0
                      br 5 (;@4;)
                    end
                    local.get 1
                    i64.const 2848
                    i64.add
                    local.tee 1
                    global.set 3
                    i32.const 1049764
                    local.get 9
                    i32.store
                    i32.const 1049756
                    i32.const 1049756
                    i32.load
                    local.get 6
                    i32.add
                    local.tee 0
                    i32.store
                    local.get 9
                    local.get 0
                    i32.const 1
                    i32.or
                    i32.store offset=4
                    local.get 8
                    local.get 1
                    local.get 2
                    call 40
                    local.set 1
                    local.set 5
                    br 7 (;@1;)
                  end
                  local.get 1
                  i64.const 8697
                  i64.add
                  local.tee 1
                  global.set 3
                  local.get 0
                  local.get 0
                  i32.load offset=4
                  local.get 12
                  i32.add
                  i32.store offset=4
                  i32.const 1049756
                  i32.load
                  local.get 12
                  i32.add
                  local.set 3
                  i32.const 1049764
                  i32.load
                  local.tee 0
                  local.get 0
                  local.get 1
                  local.get 2
                  call 40
                  local.set 1
                  local.tee 0
                  i32.const 8
                  local.get 1
                  local.get 2
                  call 25
                  local.set 1
                  local.get 0
                  i32.sub
                  local.tee 0
                  local.get 1
                  local.get 2
                  call 38
                  local.tee 1
                  global.set 3
                  local.set 5
                  i32.const 1049756
                  local.get 3
                  local.get 0
                  i32.sub
                  local.tee 7
                  i32.store
                  i32.const 1049764
                  local.get 5
                  i32.store
                  local.get 5
                  local.get 7
                  i32.const 1
                  i32.or
                  i32.store offset=4
                  i32.const 8
                  i32.const 8
                  local.get 1
                  local.get 2
                  call 25
                  local.set 1
                  local.set 4
                  i32.const 20
                  i32.const 8
                  local.get 1
                  local.get 2
                  call 25
                  local.set 1
                  local.set 3
                  i32.const 16
                  i32.const 8
                  local.get 1
                  local.get 2
                  call 25
                  local.set 1
                  local.set 0
                  local.get 5
                  local.get 7
                  local.get 1
                  local.get 2
                  call 38
                  local.tee 1
                  global.set 3
                  local.get 0
                  local.get 3
                  local.get 4
                  i32.const 8
                  i32.sub
                  i32.add
                  i32.add
                  i32.store offset=4
                  i32.const 1049776
                  i32.const 2097152
                  i32.store
                  br 5 (;@2;)
                end
                local.get 1
                i64.const 3053
                i64.add
                local.tee 1
                global.set 3
                i32.const 1049756
                local.get 0
                local.get 6
                i32.sub
                local.tee 3
                i32.store
                i32.const 1049764
                i32.const 1049764
                i32.load
                local.tee 4
                local.get 6
                local.get 1
                local.get 2
                call 38
                local.tee 1
                global.set 3
                local.tee 0
                i32.store
                local.get 0
                local.get 3
                i32.const 1
                i32.or
                i32.store offset=4
                local.get 4
                local.get 6
                local.get 1
                local.get 2
                call 35
                local.set 1
                local.get 4
                local.get 1
                local.get 2
                call 40
                local.set 1
                local.set 5
                br 5 (;@1;)
              end
              local.get 1
              i64.const 2977
              i64.add
              local.tee 1
              global.set 3
              i32.const 1049760
              local.get 9
              i32.store
              i32.const 1049752
              i32.const 1049752
              i32.load
              local.get 6
              i32.add
              local.tee 0
              i32.store
              local.get 9
              local.get 0
              local.get 1
              local.get 2
              call 36
              local.set 1
              local.get 8
              local.get 1
              local.get 2
              call 40
              local.set 1
              local.set 5
              br 4 (;@1;)
            end
            local.get 1
            i64.const 61
            i64.add
            local.tee 1
            global.set 3
            i32.const 1049780
            local.get 10
            i32.store
            br 1 (;@3;)
          end
          local.get 1
          i64.const 2892
          i64.add
          local.set 1
          local.get 9
          local.get 6
          local.get 0
          local.get 1
          local.get 2
          call 37
          local.set 1
          local.get 6
          i32.const 256
          i32.ge_u
          if ;; label = @4
            local.get 1
            i64.const 257
            i64.add
            local.set 1
            local.get 9
            local.get 6
            local.get 1
            local.get 2
            call 16
            local.set 1
            local.get 8
            local.get 1
            local.get 2
            call 40
            local.set 1
            local.set 5
            br 3 (;@1;)
          end
          local.get 1
          i64.const 2664
          i64.add
          local.tee 1
          global.set 3
          local.get 6
          i32.const -8
          i32.and
          i32.const 1049480
          i32.add
          local.set 4
          block (result i32) ;; label = @4
            i32.const 1049744
            i32.load
            local.tee 3
            i32.const 1
            local.get 6
            i32.const 3
            i32.shr_u
            i32.shl
            local.tee 0
            i32.and
            if ;; label = @5
              local.get 1
              i64.const 2608
              i64.add
              local.tee 1
              global.set 3
              local.get 4
              i32.load offset=8
              br 1 (;@4;)
            end
            local.get 1
            i64.const 63
            i64.add
            local.tee 1
            global.set 3
            i32.const 1049744
            local.get 0
            local.get 3
            i32.or
            i32.store
            local.get 4
          end
          local.get 1
          i64.const 298
          i64.add
          local.tee 1
          global.set 3
          local.set 0
          local.get 4
          local.get 9
          i32.store offset=8
          local.get 0
          local.get 9
          i32.store offset=12
          local.get 9
          local.get 4
          i32.store offset=12
          local.get 9
          local.get 0
          i32.store offset=8
          local.get 8
          local.get 1
          local.get 2
          call 40
          local.set 1
          local.set 5
          br 2 (;@1;)
        end
        local.get 1
        i64.const 4757
        i64.add
        local.tee 1
        global.set 3
        i32.const 1049784
        i32.const 4095
        i32.store
        i32.const 1049476
        local.get 14
        i32.store
        i32.const 1049468
        local.get 12
        i32.store
        i32.const 1049464
        local.get 10
        i32.store
        i32.const 1049492
        i32.const 1049480
        i32.store
        i32.const 1049500
        i32.const 1049488
        i32.store
        i32.const 1049488
        i32.const 1049480
        i32.store
        i32.const 1049508
        i32.const 1049496
        i32.store
        i32.const 1049496
        i32.const 1049488
        i32.store
        i32.const 1049516
        i32.const 1049504
        i32.store
        i32.const 1049504
        i32.const 1049496
        i32.store
        i32.const 1049524
        i32.const 1049512
        i32.store
        i32.const 1049512
        i32.const 1049504
        i32.store
        i32.const 1049532
        i32.const 1049520
        i32.store
        i32.const 1049520
        i32.const 1049512
        i32.store
        i32.const 1049540
        i32.const 1049528
        i32.store
        i32.const 1049528
        i32.const 1049520
        i32.store
        i32.const 1049548
        i32.const 1049536
        i32.store
        i32.const 1049536
        i32.const 1049528
        i32.store
        i32.const 1049556
        i32.const 1049544
        i32.store
        i32.const 1049544
        i32.const 1049536
        i32.store
        i32.const 1049552
        i32.const 1049544
        i32.store
        i32.const 1049564
        i32.const 1049552
        i32.store
        i32.const 1049560
        i32.const 1049552
        i32.store
        i32.const 1049572
        i32.const 1049560
        i32.store
        i32.const 1049568
        i32.const 1049560
        i32.store
        i32.const 1049580
        i32.const 1049568
        i32.store
        i32.const 1049576
        i32.const 1049568
        i32.store
        i32.const 1049588
        i32.const 1049576
        i32.store
        i32.const 1049584
        i32.const 1049576
        i32.store
        i32.const 1049596
        i32.const 1049584
        i32.store
        i32.const 1049592
        i32.const 1049584
        i32.store
        i32.const 1049604
        i32.const 1049592
        i32.store
        i32.const 1049600
        i32.const 1049592
        i32.store
        i32.const 1049612
        i32.const 1049600
        i32.store
        i32.const 1049608
        i32.const 1049600
        i32.store
        i32.const 1049620
        i32.const 1049608
        i32.store
        i32.const 1049628
        i32.const 1049616
        i32.store
        i32.const 1049616
        i32.const 1049608
        i32.store
        i32.const 1049636
        i32.const 1049624
        i32.store
        i32.const 1049624
        i32.const 1049616
        i32.store
        i32.const 1049644
        i32.const 1049632
        i32.store
        i32.const 1049632
        i32.const 1049624
        i32.store
        i32.const 1049652
        i32.const 1049640
        i32.store
        i32.const 1049640
        i32.const 1049632
        i32.store
        i32.const 1049660
        i32.const 1049648
        i32.store
        i32.const 1049648
        i32.const 1049640
        i32.store
        i32.const 1049668
        i32.const 1049656
        i32.store
        i32.const 1049656
        i32.const 1049648
        i32.store
        i32.const 1049676
        i32.const 1049664
        i32.store
        i32.const 1049664
        i32.const 1049656
        i32.store
        i32.const 1049684
        i32.const 1049672
        i32.store
        i32.const 1049672
        i32.const 1049664
        i32.store
        i32.const 1049692
        i32.const 1049680
        i32.store
        i32.const 1049680
        i32.const 1049672
        i32.store
        i32.const 1049700
        i32.const 1049688
        i32.store
        i32.const 1049688
        i32.const 1049680
        i32.store
        i32.const 1049708
        i32.const 1049696
        i32.store
        i32.const 1049696
        i32.const 1049688
        i32.store
        i32.const 1049716
        i32.const 1049704
        i32.store
        i32.const 1049704
        i32.const 1049696
        i32.store
        i32.const 1049724
        i32.const 1049712
        i32.store
        i32.const 1049712
        i32.const 1049704
        i32.store
        i32.const 1049732
        i32.const 1049720
        i32.store
        i32.const 1049720
        i32.const 1049712
        i32.store
        i32.const 1049740
        i32.const 1049728
        i32.store
        i32.const 1049728
        i32.const 1049720
        i32.store
        i32.const 1049736
        i32.const 1049728
        i32.store
        i32.const 8
        i32.const 8
        local.get 1
        local.get 2
        call 25
        local.set 1
        local.set 7
        i32.const 20
        i32.const 8
        local.get 1
        local.get 2
        call 25
        local.set 1
        local.set 4
        i32.const 16
        i32.const 8
        local.get 1
        local.get 2
        call 25
        local.set 1
        local.set 3
        i32.const 1049764
        local.get 10
        local.get 10
        local.get 1
        local.get 2
        call 40
        local.set 1
        local.tee 0
        i32.const 8
        local.get 1
        local.get 2
        call 25
        local.set 1
        local.get 0
        i32.sub
        local.tee 0
        local.get 1
        local.get 2
        call 38
        local.tee 1
        global.set 3
        local.tee 5
        i32.store
        i32.const 1049756
        local.get 12
        i32.const 8
        i32.add
        local.get 3
        local.get 4
        local.get 7
        i32.add
        i32.add
        local.get 0
        i32.add
        i32.sub
        local.tee 7
        i32.store
        local.get 5
        local.get 7
        i32.const 1
        i32.or
        i32.store offset=4
        i32.const 8
        i32.const 8
        local.get 1
        local.get 2
        call 25
        local.set 1
        local.set 4
        i32.const 20
        i32.const 8
        local.get 1
        local.get 2
        call 25
        local.set 1
        local.set 3
        i32.const 16
        i32.const 8
        local.get 1
        local.get 2
        call 25
        local.set 1
        local.set 0
        local.get 5
        local.get 7
        local.get 1
        local.get 2
        call 38
        local.tee 1
        global.set 3
        local.get 0
        local.get 3
        local.get 4
        i32.const 8
        i32.sub
        i32.add
        i32.add
        i32.store offset=4
        i32.const 1049776
        i32.const 2097152
        i32.store
      end
      local.get 1
      i64.const 2651
      i64.add
      local.tee 1
      global.set 3
      i32.const 0
      local.set 5
      i32.const 1049756
      i32.load
      local.tee 0
      local.get 6
      i32.le_u
      br_if 0 (;@1;)
      local.get 1
      i64.const 3052
      i64.add
      local.tee 1
      global.set 3
      i32.const 1049756
      local.get 0
      local.get 6
      i32.sub
      local.tee 3
      i32.store
      i32.const 1049764
      i32.const 1049764
      i32.load
      local.tee 4
      local.get 6
      local.get 1
      local.get 2
      call 38
      local.tee 1
      global.set 3
      local.tee 0
      i32.store
      local.get 0
      local.get 3
      i32.const 1
      i32.or
      i32.store offset=4
      local.get 4
      local.get 6
      local.get 1
      local.get 2
      call 35
      local.set 1
      local.get 4
      local.get 1
      local.get 2
      call 40
      local.set 1
      local.set 5
    end
    local.get 1
    i64.const 11
    i64.add
    local.set 1
    local.get 13
    i32.const 16
    i32.add
    global.set 0
    local.get 5
    local.get 1
  )
  (func (;14;) (type 16) (param i32 i32 i64 i32) (result i64)
    (local i32 i32 i32 i32)
    local.get 2
    i64.const 2855
    i64.add
    local.set 2
    local.get 3
    i32.const 30
    i32.add
    local.tee 3
    i64.extend_i32_s
    local.get 2
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 3
      global.set 4
      local.get 2
      global.set 3
      unreachable
    end
    local.get 0
    local.get 1
    local.get 2
    local.get 3
    call 38
    local.set 2
    local.set 4
    block ;; label = @1
      block ;; label = @2
        block ;; label = @3
          local.get 0
          local.get 2
          local.get 3
          call 31
          local.set 2
          br_if 0 (;@3;)
          local.get 2
          i64.const 5328
          i64.add
          local.tee 2
          global.set 3
          local.get 0
          i32.load
          local.set 5
          block ;; label = @4
            local.get 0
            local.get 2
            local.get 3
            call 32
            local.set 2
            i32.eqz
            if ;; label = @5
              local.get 2
              i64.const 2726
              i64.add
              local.set 2
              local.get 1
              local.get 5
              i32.add
              local.set 1
              local.get 0
              local.get 5
              local.get 2
              local.get 3
              call 39
              local.tee 2
              global.set 3
              local.tee 0
              i32.const 1049760
              i32.load
              i32.ne
              br_if 1 (;@4;)
              local.get 2
              i64.const 2650
              i64.add
              local.tee 2
              global.set 3
              local.get 4
              i32.load offset=4
              i32.const 3
              i32.and
              i32.const 3
              i32.ne
              br_if 2 (;@3;)
              local.get 2
              i64.const 2904
              i64.add
              local.tee 2
              global.set 3
              i32.const 1049752
              local.get 1
              i32.store
              local.get 0
              local.get 1
              local.get 4
              local.get 2
              local.get 3
              call 37
              local.set 2
              local.get 2
              return
            end
            local.get 2
            i64.const 12
            i64.add
            local.set 2
            local.get 1
            local.get 5
            i32.add
            i32.const 16
            i32.add
            local.set 0
            br 2 (;@2;)
          end
          local.get 2
          i64.const 50
          i64.add
          local.set 2
          local.get 5
          i32.const 256
          i32.ge_u
          if ;; label = @4
            local.get 2
            i64.const 5326
            i64.add
            local.set 2
            local.get 0
            local.get 2
            local.get 3
            call 15
            local.set 2
            br 1 (;@3;)
          end
          local.get 2
          i64.const 5257
          i64.add
          local.tee 2
          global.set 3
          local.get 0
          i32.const 12
          i32.add
          i32.load
          local.tee 6
          local.get 0
          i32.const 8
          i32.add
          i32.load
          local.tee 7
          i32.ne
          if ;; label = @4
            local.get 2
            i64.const 115
            i64.add
            local.tee 2
            global.set 3
            local.get 7
            local.get 6
            i32.store offset=12
            local.get 6
            local.get 7
            i32.store offset=8
            br 1 (;@3;)
          end
          local.get 2
          i64.const 2666
          i64.add
          local.tee 2
          global.set 3
          i32.const 1049744
          i32.const 1049744
          i32.load
          i32.const -2
          local.get 5
          i32.const 3
          i32.shr_u
          i32.rotl
          i32.and
          i32.store
        end
        local.get 2
        i64.const 2724
        i64.add
        local.set 2
        local.get 4
        local.get 2
        local.get 3
        call 30
        local.set 2
        if ;; label = @3
          local.get 2
          i64.const 2848
          i64.add
          local.set 2
          local.get 0
          local.get 1
          local.get 4
          local.get 2
          local.get 3
          call 37
          local.set 2
          br 2 (;@1;)
        end
        local.get 2
        i64.const 2652
        i64.add
        local.tee 2
        global.set 3
        block ;; label = @3
          i32.const 1049764
          i32.load
          local.get 4
          i32.ne
          if ;; label = @4
            local.get 2
            i64.const 2648
            i64.add
            local.tee 2
            global.set 3
            local.get 4
            i32.const 1049760
            i32.load
            i32.ne
            br_if 1 (;@3;)
            local.get 2
            i64.const 2904
            i64.add
            local.tee 2
            global.set 3
            i32.const 1049760
            local.get 0
            i32.store
            i32.const 1049752
            i32.const 1049752
            i32.load
            local.get 1
            i32.add
            local.tee 1
            i32.store
            local.get 0
            local.get 1
            local.get 2
            local.get 3
            call 36
            local.set 2
            local.get 2
            return
          end
          local.get 2
          i64.const 5415
          i64.add
          local.tee 2
          global.set 3
          i32.const 1049764
          local.get 0
          i32.store
          i32.const 1049756
          i32.const 1049756
          i32.load
          local.get 1
          i32.add
          local.tee 1
          i32.store
          local.get 0
          local.get 1
          i32.const 1
          i32.or
          i32.store offset=4
          local.get 0
          i32.const 1049760
          i32.load
          i32.ne
          br_if 1 (;@2;)
          local.get 2
          i64.const 116
          i64.add
          local.tee 2
          global.set 3
          i32.const 1049752
          i32.const 0
          i32.store
          i32.const 1049760
          i32.const 0
          i32.store
          local.get 2
          return
        end
        local.get 2
        i64.const 2730
        i64.add
        local.set 2
        local.get 4
        local.get 2
        local.get 3
        call 29
        local.set 2
        local.tee 5
        local.get 1
        i32.add
        local.set 1
        block ;; label = @3
          local.get 5
          i32.const 256
          i32.ge_u
          if ;; label = @4
            local.get 2
            i64.const 5326
            i64.add
            local.set 2
            local.get 4
            local.get 2
            local.get 3
            call 15
            local.set 2
            br 1 (;@3;)
          end
          local.get 2
          i64.const 5257
          i64.add
          local.tee 2
          global.set 3
          local.get 4
          i32.const 12
          i32.add
          i32.load
          local.tee 6
          local.get 4
          i32.const 8
          i32.add
          i32.load
          local.tee 4
          i32.ne
          if ;; label = @4
            local.get 2
            i64.const 115
            i64.add
            local.tee 2
            global.set 3
            local.get 4
            local.get 6
            i32.store offset=12
            local.get 6
            local.get 4
            i32.store offset=8
            br 1 (;@3;)
          end
          local.get 2
          i64.const 2666
          i64.add
          local.tee 2
          global.set 3
          i32.const 1049744
          i32.const 1049744
          i32.load
          i32.const -2
          local.get 5
          i32.const 3
          i32.shr_u
          i32.rotl
          i32.and
          i32.store
        end
        local.get 2
        i64.const 2833
        i64.add
        local.set 2
        local.get 0
        local.get 1
        local.get 2
        local.get 3
        call 36
        local.tee 2
        global.set 3
        local.get 0
        i32.const 1049760
        i32.load
        i32.ne
        br_if 1 (;@1;)
        local.get 2
        i64.const 60
        i64.add
        local.tee 2
        global.set 3
        i32.const 1049752
        local.get 1
        i32.store
      end
      local.get 2
      i64.const 7
      i64.add
      local.set 2
      local.get 2
      return
    end
    local.get 2
    i64.const 50
    i64.add
    local.set 2
    local.get 1
    i32.const 256
    i32.ge_u
    if ;; label = @1
      local.get 2
      i64.const 184
      i64.add
      local.set 2
      local.get 0
      local.get 1
      local.get 2
      local.get 3
      call 16
      local.set 2
      local.get 2
      return
    end
    local.get 2
    i64.const 2664
    i64.add
    local.tee 2
    global.set 3
    local.get 1
    i32.const -8
    i32.and
    i32.const 1049480
    i32.add
    local.set 4
    block (result i32) ;; label = @1
      i32.const 1049744
      i32.load
      local.tee 5
      i32.const 1
      local.get 1
      i32.const 3
      i32.shr_u
      i32.shl
      local.tee 1
      i32.and
      if ;; label = @2
        local.get 2
        i64.const 2608
        i64.add
        local.tee 2
        global.set 3
        local.get 4
        i32.load offset=8
        br 1 (;@1;)
      end
      local.get 2
      i64.const 63
      i64.add
      local.tee 2
      global.set 3
      i32.const 1049744
      local.get 1
      local.get 5
      i32.or
      i32.store
      local.get 4
    end
    local.get 2
    i64.const 224
    i64.add
    local.tee 2
    global.set 3
    local.set 1
    local.get 4
    local.get 0
    i32.store offset=8
    local.get 1
    local.get 0
    i32.store offset=12
    local.get 0
    local.get 4
    i32.store offset=12
    local.get 0
    local.get 1
    i32.store offset=8
    local.get 2
  )
  (func (;15;) (type 17) (param i32 i64 i32) (result i64)
    (local i32 i32 i32 i32 i32)
    local.get 1
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 1
    global.set 3
    local.get 0
    i32.load offset=24
    local.set 5
    block ;; label = @1
      block ;; label = @2
        local.get 0
        local.get 0
        i32.load offset=12
        i32.eq
        if ;; label = @3
          local.get 1
          i64.const 5257
          i64.add
          local.tee 1
          global.set 3
          local.get 0
          i32.const 20
          i32.const 16
          local.get 0
          i32.const 20
          i32.add
          local.tee 3
          i32.load
          local.tee 6
          select
          i32.add
          i32.load
          local.tee 4
          br_if 1 (;@2;)
          local.get 1
          i64.const 8
          i64.add
          local.set 1
          i32.const 0
          local.set 3
          br 2 (;@1;)
        end
        local.get 1
        i64.const 5317
        i64.add
        local.tee 1
        global.set 3
        local.get 0
        i32.load offset=8
        local.tee 4
        local.get 0
        i32.load offset=12
        local.tee 3
        i32.store offset=12
        local.get 3
        local.get 4
        i32.store offset=8
        br 1 (;@1;)
      end
      local.get 1
      i64.const 13
      i64.add
      local.set 1
      local.get 3
      local.get 0
      i32.const 16
      i32.add
      local.get 6
      select
      local.set 6
      loop ;; label = @2
        local.get 1
        i64.const -5318
        i64.ge_s
        if ;; label = @3
          i64.const 0
          global.set 3
          unreachable
        end
        local.get 1
        i64.const 5318
        i64.add
        local.tee 1
        global.set 3
        local.get 6
        local.set 7
        local.get 4
        local.tee 3
        i32.const 20
        i32.add
        local.tee 4
        local.get 3
        i32.const 16
        i32.add
        local.get 4
        i32.load
        local.tee 4
        select
        local.set 6
        local.get 3
        i32.const 20
        i32.const 16
        local.get 4
        select
        i32.add
        i32.load
        local.tee 4
        br_if 0 (;@2;)
        local.get 1
        i64.const 61
        i64.add
        local.tee 1
        global.set 3
      end
      local.get 7
      i32.const 0
      i32.store
    end
    local.get 1
    i64.const 47
    i64.add
    local.set 1
    block ;; label = @1
      local.get 5
      i32.eqz
      br_if 0 (;@1;)
      local.get 1
      i64.const 5257
      i64.add
      local.tee 1
      global.set 3
      block ;; label = @2
        local.get 0
        local.get 0
        i32.load offset=28
        i32.const 2
        i32.shl
        i32.const 1049336
        i32.add
        local.tee 4
        i32.load
        i32.ne
        if ;; label = @3
          local.get 1
          i64.const 2709
          i64.add
          local.tee 1
          global.set 3
          local.get 5
          i32.const 16
          i32.const 20
          local.get 5
          i32.load offset=16
          local.get 0
          i32.eq
          select
          i32.add
          local.get 3
          i32.store
          local.get 3
          i32.eqz
          br_if 2 (;@1;)
          local.get 1
          i64.const 6
          i64.add
          local.set 1
          br 1 (;@2;)
        end
        local.get 1
        i64.const 100
        i64.add
        local.tee 1
        global.set 3
        local.get 4
        local.get 3
        i32.store
        local.get 3
        br_if 0 (;@2;)
        local.get 1
        i64.const 5266
        i64.add
        local.tee 1
        global.set 3
        i32.const 1049748
        i32.const 1049748
        i32.load
        i32.const -2
        local.get 0
        i32.load offset=28
        i32.rotl
        i32.and
        i32.store
        local.get 1
        return
      end
      local.get 1
      i64.const 2704
      i64.add
      local.tee 1
      global.set 3
      local.get 3
      local.get 5
      i32.store offset=24
      local.get 0
      i32.load offset=16
      local.tee 4
      if ;; label = @2
        local.get 1
        i64.const 114
        i64.add
        local.tee 1
        global.set 3
        local.get 3
        local.get 4
        i32.store offset=16
        local.get 4
        local.get 3
        i32.store offset=24
      end
      local.get 1
      i64.const 2650
      i64.add
      local.tee 1
      global.set 3
      local.get 0
      i32.const 20
      i32.add
      i32.load
      local.tee 0
      i32.eqz
      br_if 0 (;@1;)
      local.get 1
      i64.const 116
      i64.add
      local.tee 1
      global.set 3
      local.get 3
      i32.const 20
      i32.add
      local.get 0
      i32.store
      local.get 0
      local.get 3
      i32.store offset=24
    end
    local.get 1
    i64.const 6
    i64.add
    local.set 1
    local.get 1
  )
  (func (;16;) (type 16) (param i32 i32 i64 i32) (result i64)
    (local i32 i32 i32 i32)
    local.get 2
    global.set 3
    local.get 3
    i32.const 24
    i32.add
    local.tee 3
    i64.extend_i32_s
    local.get 2
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 3
      global.set 4
      unreachable
    end
    local.get 0
    i64.const 0
    i64.store offset=16 align=4
    local.get 0
    block (result i32) ;; label = @1
      i32.const 0
      local.get 1
      i32.const 256
      i32.lt_u
      br_if 0 (;@1;)
      local.get 2
      i64.const 49
      i64.add
      local.set 2
      drop
      i32.const 31
      local.get 1
      i32.const 16777215
      i32.gt_u
      br_if 0 (;@1;)
      local.get 2
      i64.const 28
      i64.add
      local.set 2
      drop
      local.get 1
      i32.const 6
      local.get 1
      i32.const 8
      i32.shr_u
      i32.clz
      local.tee 4
      i32.sub
      i32.shr_u
      i32.const 1
      i32.and
      local.get 4
      i32.const 1
      i32.shl
      i32.sub
      i32.const 62
      i32.add
    end
    local.get 2
    i64.const 2718
    i64.add
    local.tee 2
    global.set 3
    local.tee 4
    i32.store offset=28
    local.get 4
    i32.const 2
    i32.shl
    i32.const 1049336
    i32.add
    local.set 5
    block ;; label = @1
      block ;; label = @2
        block ;; label = @3
          block ;; label = @4
            i32.const 1049748
            i32.load
            local.tee 6
            i32.const 1
            local.get 4
            i32.shl
            local.tee 7
            i32.and
            if ;; label = @5
              local.get 2
              i64.const 5406
              i64.add
              local.tee 2
              global.set 3
              local.get 5
              i32.load
              local.set 5
              local.get 4
              local.get 2
              local.get 3
              call 28
              local.set 2
              local.set 4
              local.get 5
              local.get 2
              local.get 3
              call 29
              local.set 2
              local.get 1
              i32.ne
              br_if 1 (;@4;)
              local.get 2
              i64.const 8
              i64.add
              local.set 2
              local.get 5
              local.set 4
              br 2 (;@3;)
            end
            local.get 2
            i64.const 117
            i64.add
            local.tee 2
            global.set 3
            i32.const 1049748
            local.get 6
            local.get 7
            i32.or
            i32.store
            local.get 5
            local.get 0
            i32.store
            br 3 (;@1;)
          end
          local.get 2
          i64.const 9
          i64.add
          local.set 2
          local.get 1
          local.get 4
          i32.shl
          local.set 6
          loop ;; label = @4
            local.get 2
            i64.const -2707
            i64.ge_s
            if ;; label = @5
              i64.const 0
              global.set 3
              unreachable
            end
            local.get 2
            i64.const 2707
            i64.add
            local.tee 2
            global.set 3
            local.get 5
            local.get 6
            i32.const 29
            i32.shr_u
            i32.const 4
            i32.and
            i32.add
            i32.const 16
            i32.add
            local.tee 7
            i32.load
            local.tee 4
            i32.eqz
            br_if 2 (;@2;)
            local.get 2
            i64.const 2726
            i64.add
            local.set 2
            local.get 6
            i32.const 1
            i32.shl
            local.set 6
            local.get 4
            local.tee 5
            local.get 2
            local.get 3
            call 29
            local.set 2
            local.get 1
            i32.ne
            br_if 0 (;@4;)
            local.get 2
            i64.const 6
            i64.add
            local.set 2
          end
        end
        local.get 2
        i64.const 2879
        i64.add
        local.tee 2
        global.set 3
        local.get 4
        i32.load offset=8
        local.tee 1
        local.get 0
        i32.store offset=12
        local.get 4
        local.get 0
        i32.store offset=8
        local.get 0
        local.get 4
        i32.store offset=12
        local.get 0
        local.get 1
        i32.store offset=8
        local.get 0
        i32.const 0
        i32.store offset=24
        local.get 2
        return
      end
      local.get 2
      i64.const 60
      i64.add
      local.tee 2
      global.set 3
      local.get 7
      local.get 0
      i32.store
    end
    local.get 2
    i64.const 169
    i64.add
    local.tee 2
    global.set 3
    local.get 0
    local.get 5
    i32.store offset=24
    local.get 0
    local.get 0
    i32.store offset=8
    local.get 0
    local.get 0
    i32.store offset=12
    local.get 2
  )
  (func (;17;) (type 18) (param i64 i32) (result i32 i64)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    local.get 0
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 0
    global.set 3
    i32.const 1049472
    i32.load
    local.tee 4
    if ;; label = @1
      local.get 0
      i64.const 7
      i64.add
      local.set 0
      i32.const 1049464
      local.set 8
      loop ;; label = @2
        local.get 0
        i64.const -10513
        i64.ge_s
        if ;; label = @3
          i64.const 0
          global.set 3
          unreachable
        end
        local.get 0
        i64.const 10513
        i64.add
        local.tee 0
        global.set 3
        local.get 4
        local.tee 3
        i32.load offset=8
        local.set 4
        local.get 3
        i32.load offset=4
        local.set 5
        local.get 3
        i32.load
        local.set 6
        local.get 3
        i32.const 12
        i32.add
        i32.load
        drop
        local.get 3
        local.set 8
        local.get 7
        i32.const 1
        i32.add
        local.set 7
        local.get 4
        br_if 0 (;@2;)
        local.get 0
        i64.const 6
        i64.add
        local.set 0
      end
    end
    local.get 0
    i64.const 68
    i64.add
    local.tee 0
    global.set 3
    i32.const 1049784
    local.get 7
    i32.const 4095
    local.get 7
    i32.const 4095
    i32.gt_u
    select
    i32.store
    local.get 10
    local.get 0
  )
  (func (;18;) (type 17) (param i32 i64 i32) (result i64)
    (local i32 i32 i32 i32 i32)
    local.get 1
    i64.const 5603
    i64.add
    local.set 1
    local.get 2
    i32.const 37
    i32.add
    local.tee 2
    i64.extend_i32_s
    local.get 1
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 2
      global.set 4
      local.get 1
      global.set 3
      unreachable
    end
    local.get 0
    local.get 1
    local.get 2
    call 41
    local.set 1
    local.tee 0
    local.get 0
    local.get 1
    local.get 2
    call 29
    local.set 1
    local.tee 4
    local.get 1
    local.get 2
    call 38
    local.set 1
    local.set 3
    block ;; label = @1
      block ;; label = @2
        block ;; label = @3
          local.get 0
          local.get 1
          local.get 2
          call 31
          local.set 1
          br_if 0 (;@3;)
          local.get 1
          i64.const 5328
          i64.add
          local.tee 1
          global.set 3
          local.get 0
          i32.load
          local.set 5
          block ;; label = @4
            local.get 0
            local.get 1
            local.get 2
            call 32
            local.set 1
            i32.eqz
            if ;; label = @5
              local.get 1
              i64.const 2726
              i64.add
              local.set 1
              local.get 4
              local.get 5
              i32.add
              local.set 4
              local.get 0
              local.get 5
              local.get 1
              local.get 2
              call 39
              local.tee 1
              global.set 3
              local.tee 0
              i32.const 1049760
              i32.load
              i32.ne
              br_if 1 (;@4;)
              local.get 1
              i64.const 2650
              i64.add
              local.tee 1
              global.set 3
              local.get 3
              i32.load offset=4
              i32.const 3
              i32.and
              i32.const 3
              i32.ne
              br_if 2 (;@3;)
              local.get 1
              i64.const 2904
              i64.add
              local.tee 1
              global.set 3
              i32.const 1049752
              local.get 4
              i32.store
              local.get 0
              local.get 4
              local.get 3
              local.get 1
              local.get 2
              call 37
              local.set 1
              local.get 1
              return
            end
            local.get 1
            i64.const 12
            i64.add
            local.set 1
            local.get 4
            local.get 5
            i32.add
            i32.const 16
            i32.add
            local.set 0
            br 2 (;@2;)
          end
          local.get 1
          i64.const 50
          i64.add
          local.set 1
          local.get 5
          i32.const 256
          i32.ge_u
          if ;; label = @4
            local.get 1
            i64.const 5326
            i64.add
            local.set 1
            local.get 0
            local.get 1
            local.get 2
            call 15
            local.set 1
            br 1 (;@3;)
          end
          local.get 1
          i64.const 5257
          i64.add
          local.tee 1
          global.set 3
          local.get 0
          i32.const 12
          i32.add
          i32.load
          local.tee 6
          local.get 0
          i32.const 8
          i32.add
          i32.load
          local.tee 7
          i32.ne
          if ;; label = @4
            local.get 1
            i64.const 115
            i64.add
            local.tee 1
            global.set 3
            local.get 7
            local.get 6
            i32.store offset=12
            local.get 6
            local.get 7
            i32.store offset=8
            br 1 (;@3;)
          end
          local.get 1
          i64.const 2666
          i64.add
          local.tee 1
          global.set 3
          i32.const 1049744
          i32.const 1049744
          i32.load
          i32.const -2
          local.get 5
          i32.const 3
          i32.shr_u
          i32.rotl
          i32.and
          i32.store
        end
        local.get 1
        i64.const 2725
        i64.add
        local.set 1
        block ;; label = @3
          local.get 3
          local.get 1
          local.get 2
          call 30
          local.set 1
          if ;; label = @4
            local.get 1
            i64.const 2848
            i64.add
            local.set 1
            local.get 0
            local.get 4
            local.get 3
            local.get 1
            local.get 2
            call 37
            local.set 1
            br 1 (;@3;)
          end
          local.get 1
          i64.const 2654
          i64.add
          local.tee 1
          global.set 3
          block ;; label = @4
            block ;; label = @5
              block ;; label = @6
                i32.const 1049764
                i32.load
                local.get 3
                i32.ne
                if ;; label = @7
                  local.get 1
                  i64.const 2648
                  i64.add
                  local.tee 1
                  global.set 3
                  local.get 3
                  i32.const 1049760
                  i32.load
                  i32.ne
                  br_if 1 (;@6;)
                  local.get 1
                  i64.const 2904
                  i64.add
                  local.tee 1
                  global.set 3
                  i32.const 1049760
                  local.get 0
                  i32.store
                  i32.const 1049752
                  i32.const 1049752
                  i32.load
                  local.get 4
                  i32.add
                  local.tee 3
                  i32.store
                  local.get 0
                  local.get 3
                  local.get 1
                  local.get 2
                  call 36
                  local.set 1
                  local.get 1
                  return
                end
                local.get 1
                i64.const 5415
                i64.add
                local.tee 1
                global.set 3
                i32.const 1049764
                local.get 0
                i32.store
                i32.const 1049756
                i32.const 1049756
                i32.load
                local.get 4
                i32.add
                local.tee 3
                i32.store
                local.get 0
                local.get 3
                i32.const 1
                i32.or
                i32.store offset=4
                local.get 0
                i32.const 1049760
                i32.load
                i32.eq
                br_if 1 (;@5;)
                local.get 1
                i64.const 6
                i64.add
                local.set 1
                br 2 (;@4;)
              end
              local.get 1
              i64.const 2730
              i64.add
              local.set 1
              local.get 3
              local.get 1
              local.get 2
              call 29
              local.set 1
              local.tee 5
              local.get 4
              i32.add
              local.set 4
              block ;; label = @6
                local.get 5
                i32.const 256
                i32.ge_u
                if ;; label = @7
                  local.get 1
                  i64.const 5326
                  i64.add
                  local.set 1
                  local.get 3
                  local.get 1
                  local.get 2
                  call 15
                  local.set 1
                  br 1 (;@6;)
                end
                local.get 1
                i64.const 5257
                i64.add
                local.tee 1
                global.set 3
                local.get 3
                i32.const 12
                i32.add
                i32.load
                local.tee 6
                local.get 3
                i32.const 8
                i32.add
                i32.load
                local.tee 3
                i32.ne
                if ;; label = @7
                  local.get 1
                  i64.const 115
                  i64.add
                  local.tee 1
                  global.set 3
                  local.get 3
                  local.get 6
                  i32.store offset=12
                  local.get 6
                  local.get 3
                  i32.store offset=8
                  br 1 (;@6;)
                end
                local.get 1
                i64.const 2666
                i64.add
                local.tee 1
                global.set 3
                i32.const 1049744
                i32.const 1049744
                i32.load
                i32.const -2
                local.get 5
                i32.const 3
                i32.shr_u
                i32.rotl
                i32.and
                i32.store
              end
              local.get 1
              i64.const 2833
              i64.add
              local.set 1
              local.get 0
              local.get 4
              local.get 1
              local.get 2
              call 36
              local.tee 1
              global.set 3
              local.get 0
              i32.const 1049760
              i32.load
              i32.ne
              br_if 2 (;@3;)
              local.get 1
              i64.const 61
              i64.add
              local.tee 1
              global.set 3
              i32.const 1049752
              local.get 4
              i32.store
              br 3 (;@2;)
            end
            local.get 1
            i64.const 114
            i64.add
            local.tee 1
            global.set 3
            i32.const 1049752
            i32.const 0
            i32.store
            i32.const 1049760
            i32.const 0
            i32.store
          end
          local.get 1
          i64.const 2648
          i64.add
          local.tee 1
          global.set 3
          i32.const 1049776
          i32.load
          local.get 3
          i32.ge_u
          br_if 1 (;@2;)
          local.get 1
          i64.const 390
          i64.add
          local.set 1
          i32.const 8
          i32.const 8
          local.get 1
          local.get 2
          call 25
          local.set 1
          local.set 0
          i32.const 20
          i32.const 8
          local.get 1
          local.get 2
          call 25
          local.set 1
          local.set 3
          i32.const 16
          i32.const 8
          local.get 1
          local.get 2
          call 25
          local.set 1
          local.set 5
          i32.const 0
          i32.const 16
          i32.const 8
          local.get 1
          local.get 2
          call 25
          local.set 1
          i32.const 2
          i32.shl
          i32.sub
          local.tee 4
          i32.const -65536
          local.get 5
          local.get 0
          local.get 3
          i32.add
          i32.add
          i32.sub
          i32.const -9
          i32.and
          i32.const 3
          i32.sub
          local.tee 0
          local.get 0
          local.get 4
          i32.gt_u
          select
          i32.eqz
          br_if 1 (;@2;)
          local.get 1
          i64.const 2647
          i64.add
          local.tee 1
          global.set 3
          i32.const 1049764
          i32.load
          i32.eqz
          br_if 1 (;@2;)
          local.get 1
          i64.const 2901
          i64.add
          local.set 1
          i32.const 8
          i32.const 8
          local.get 1
          local.get 2
          call 25
          local.set 1
          local.set 0
          i32.const 20
          i32.const 8
          local.get 1
          local.get 2
          call 25
          local.set 1
          local.set 3
          i32.const 16
          i32.const 8
          local.get 1
          local.get 2
          call 25
          local.tee 1
          global.set 3
          local.set 4
          i32.const 0
          block ;; label = @4
            i32.const 1049756
            i32.load
            local.tee 6
            local.get 4
            local.get 3
            local.get 0
            i32.const 8
            i32.sub
            i32.add
            i32.add
            local.tee 4
            i32.le_u
            br_if 0 (;@4;)
            local.get 1
            i64.const 2611
            i64.add
            local.tee 1
            global.set 3
            i32.const 1049764
            i32.load
            local.set 3
            i32.const 1049464
            local.set 0
            block ;; label = @5
              loop ;; label = @6
                local.get 1
                i64.const -2701
                i64.ge_s
                if ;; label = @7
                  i64.const 0
                  global.set 3
                  unreachable
                end
                local.get 1
                i64.const 2701
                i64.add
                local.tee 1
                global.set 3
                local.get 3
                local.get 0
                i32.load
                i32.ge_u
                if ;; label = @7
                  local.get 1
                  i64.const 5321
                  i64.add
                  local.set 1
                  local.get 0
                  local.get 1
                  local.get 2
                  call 45
                  local.set 1
                  local.get 3
                  i32.gt_u
                  br_if 2 (;@5;)
                  local.get 1
                  i64.const 5
                  i64.add
                  local.set 1
                end
                local.get 1
                i64.const 2647
                i64.add
                local.tee 1
                global.set 3
                local.get 0
                i32.load offset=8
                local.tee 0
                br_if 0 (;@6;)
                local.get 1
                i64.const 8
                i64.add
                local.set 1
              end
              i32.const 0
              local.set 0
            end
            local.get 1
            i64.const 2719
            i64.add
            local.set 1
            local.get 0
            local.get 1
            local.get 2
            call 43
            local.set 1
            br_if 0 (;@4;)
            local.get 1
            i64.const 2611
            i64.add
            local.tee 1
            global.set 3
            local.get 0
            i32.const 12
            i32.add
            i32.load
            drop
            br 0 (;@4;)
          end
          local.get 1
          i64.const 2761
          i64.add
          local.set 1
          i32.const 0
          local.get 1
          local.get 2
          call 17
          local.set 1
          i32.sub
          i32.ne
          br_if 1 (;@2;)
          local.get 1
          i64.const 5248
          i64.add
          local.tee 1
          global.set 3
          i32.const 1049756
          i32.load
          i32.const 1049776
          i32.load
          i32.le_u
          br_if 1 (;@2;)
          local.get 1
          i64.const 62
          i64.add
          local.tee 1
          global.set 3
          i32.const 1049776
          i32.const -1
          i32.store
          local.get 1
          return
        end
        local.get 1
        i64.const 47
        i64.add
        local.set 1
        local.get 4
        i32.const 256
        i32.lt_u
        br_if 1 (;@1;)
        local.get 1
        i64.const 2880
        i64.add
        local.set 1
        local.get 0
        local.get 4
        local.get 1
        local.get 2
        call 16
        local.tee 1
        global.set 3
        i32.const 1049784
        i32.const 1049784
        i32.load
        i32.const 1
        i32.sub
        local.tee 0
        i32.store
        local.get 0
        br_if 0 (;@2;)
        local.get 1
        i64.const 2722
        i64.add
        local.set 1
        local.get 1
        local.get 2
        call 17
        local.set 1
        drop
        local.get 1
        return
      end
      local.get 1
      i64.const 7
      i64.add
      local.set 1
      local.get 1
      return
    end
    local.get 1
    i64.const 2664
    i64.add
    local.tee 1
    global.set 3
    local.get 4
    i32.const -8
    i32.and
    i32.const 1049480
    i32.add
    local.set 3
    block (result i32) ;; label = @1
      i32.const 1049744
      i32.load
      local.tee 5
      i32.const 1
      local.get 4
      i32.const 3
      i32.shr_u
      i32.shl
      local.tee 4
      i32.and
      if ;; label = @2
        local.get 1
        i64.const 2608
        i64.add
        local.tee 1
        global.set 3
        local.get 3
        i32.load offset=8
        br 1 (;@1;)
      end
      local.get 1
      i64.const 63
      i64.add
      local.tee 1
      global.set 3
      i32.const 1049744
      local.get 4
      local.get 5
      i32.or
      i32.store
      local.get 3
    end
    local.get 1
    i64.const 224
    i64.add
    local.tee 1
    global.set 3
    local.set 5
    local.get 3
    local.get 0
    i32.store offset=8
    local.get 5
    local.get 0
    i32.store offset=12
    local.get 0
    local.get 3
    i32.store offset=12
    local.get 0
    local.get 5
    i32.store offset=8
    local.get 1
  )
  (func (;19;) (type 1) (param i32 i32)
    (local i64 i32)
    global.get 3
    i64.const 2710
    i64.add
    local.tee 2
    global.set 3
    global.get 4
    i32.const 9
    i32.add
    local.tee 3
    i64.extend_i32_s
    local.get 2
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 3
      global.set 4
      unreachable
    end
    global.get 0
    i32.const 48
    i32.sub
    local.tee 1
    global.set 0
    i32.const 1049308
    i32.load8_u
    if ;; label = @1
      local.get 2
      i64.const 3455
      i64.add
      local.tee 2
      global.set 3
      local.get 1
      i32.const 20
      i32.add
      i32.const 2
      i32.store
      local.get 1
      i32.const 28
      i32.add
      i32.const 1
      i32.store
      local.get 1
      i32.const 1048680
      i32.store offset=16
      local.get 1
      i32.const 0
      i32.store offset=8
      local.get 1
      i32.const 1
      i32.store offset=36
      local.get 1
      local.get 0
      i32.store offset=44
      local.get 1
      local.get 1
      i32.const 32
      i32.add
      i32.store offset=24
      local.get 1
      local.get 1
      i32.const 44
      i32.add
      i32.store offset=32
      local.get 1
      i32.const 8
      i32.add
      i32.const 1048720
      local.get 2
      local.get 3
      call 49
      local.tee 2
      global.set 3
      unreachable
    end
    local.get 2
    i64.const 10
    i64.add
    local.tee 2
    global.set 3
    local.get 1
    i32.const 48
    i32.add
    global.set 0
  )
  (func (;20;) (type 1) (param i32 i32)
    (local i32 i32 i32 i64 i64 i32)
    global.get 3
    i64.const 2711
    i64.add
    local.tee 6
    global.set 3
    global.get 4
    i32.const 13
    i32.add
    local.tee 7
    i64.extend_i32_s
    local.get 6
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 7
      global.set 4
      unreachable
    end
    global.get 0
    i32.const 48
    i32.sub
    local.tee 2
    global.set 0
    local.get 1
    i32.load offset=4
    i32.eqz
    if ;; label = @1
      local.get 6
      i64.const 19116
      i64.add
      local.tee 6
      global.set 3
      local.get 1
      i32.load offset=12
      local.set 3
      local.get 2
      i32.const 16
      i32.add
      local.tee 4
      i32.const 0
      i32.store
      local.get 2
      i64.const 4294967296
      i64.store offset=8
      local.get 2
      local.get 2
      i32.const 8
      i32.add
      i32.store offset=20
      local.get 2
      i32.const 40
      i32.add
      local.get 3
      i32.const 16
      i32.add
      i64.load align=4
      i64.store
      local.get 2
      i32.const 32
      i32.add
      local.get 3
      i32.const 8
      i32.add
      i64.load align=4
      i64.store
      local.get 2
      local.get 3
      i64.load align=4
      i64.store offset=24
      local.get 2
      i32.const 20
      i32.add
      local.get 2
      i32.const 24
      i32.add
      local.get 6
      local.get 7
      call 52
      local.tee 6
      global.set 3
      drop
      local.get 1
      i32.const 8
      i32.add
      local.get 4
      i32.load
      i32.store
      local.get 1
      local.get 2
      i64.load offset=8
      i64.store align=4
    end
    local.get 6
    i64.const 5493
    i64.add
    local.tee 6
    global.set 3
    local.get 1
    i64.load align=4
    local.set 5
    local.get 1
    i64.const 4294967296
    i64.store align=4
    local.get 2
    i32.const 32
    i32.add
    local.tee 3
    local.get 1
    i32.const 8
    i32.add
    local.tee 1
    i32.load
    i32.store
    local.get 1
    i32.const 0
    i32.store
    local.get 2
    local.get 5
    i64.store offset=24
    i32.const 12
    i32.const 4
    local.get 6
    local.get 7
    call 0
    local.set 6
    local.tee 1
    i32.eqz
    if ;; label = @1
      local.get 6
      i64.const 2741
      i64.add
      local.set 6
      i32.const 12
      i32.const 4
      local.get 6
      local.get 7
      call 46
      local.tee 6
      global.set 3
      unreachable
    end
    local.get 6
    i64.const 5428
    i64.add
    local.tee 6
    global.set 3
    local.get 1
    local.get 2
    i64.load offset=24
    i64.store align=4
    local.get 1
    i32.const 8
    i32.add
    local.get 3
    i32.load
    i32.store
    local.get 0
    i32.const 1048796
    i32.store offset=4
    local.get 0
    local.get 1
    i32.store
    local.get 2
    i32.const 48
    i32.add
    global.set 0
  )
  (func (;21;) (type 1) (param i32 i32)
    (local i32 i32 i32 i64 i32)
    global.get 3
    i64.const 2711
    i64.add
    local.tee 5
    global.set 3
    global.get 4
    i32.const 12
    i32.add
    local.tee 6
    i64.extend_i32_s
    local.get 5
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 6
      global.set 4
      unreachable
    end
    global.get 0
    i32.const 48
    i32.sub
    local.tee 2
    global.set 0
    local.get 1
    i32.load offset=4
    i32.eqz
    if ;; label = @1
      local.get 5
      i64.const 19116
      i64.add
      local.tee 5
      global.set 3
      local.get 1
      i32.load offset=12
      local.set 3
      local.get 2
      i32.const 16
      i32.add
      local.tee 4
      i32.const 0
      i32.store
      local.get 2
      i64.const 4294967296
      i64.store offset=8
      local.get 2
      local.get 2
      i32.const 8
      i32.add
      i32.store offset=20
      local.get 2
      i32.const 40
      i32.add
      local.get 3
      i32.const 16
      i32.add
      i64.load align=4
      i64.store
      local.get 2
      i32.const 32
      i32.add
      local.get 3
      i32.const 8
      i32.add
      i64.load align=4
      i64.store
      local.get 2
      local.get 3
      i64.load align=4
      i64.store offset=24
      local.get 2
      i32.const 20
      i32.add
      local.get 2
      i32.const 24
      i32.add
      local.get 5
      local.get 6
      call 52
      local.tee 5
      global.set 3
      drop
      local.get 1
      i32.const 8
      i32.add
      local.get 4
      i32.load
      i32.store
      local.get 1
      local.get 2
      i64.load offset=8
      i64.store align=4
    end
    local.get 5
    i64.const 118
    i64.add
    local.tee 5
    global.set 3
    local.get 0
    i32.const 1048796
    i32.store offset=4
    local.get 0
    local.get 1
    i32.store
    local.get 2
    i32.const 48
    i32.add
    global.set 0
  )
  (func (;22;) (type 1) (param i32 i32)
    (local i32 i32 i64 i32)
    global.get 3
    i64.const 5329
    i64.add
    local.tee 4
    global.set 3
    global.get 4
    i32.const 10
    i32.add
    local.tee 5
    i64.extend_i32_s
    local.get 4
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 5
      global.set 4
      unreachable
    end
    local.get 1
    i32.load offset=4
    local.set 2
    local.get 1
    i32.load
    local.set 3
    i32.const 8
    i32.const 4
    local.get 4
    local.get 5
    call 0
    local.set 4
    local.tee 1
    i32.eqz
    if ;; label = @1
      local.get 4
      i64.const 2741
      i64.add
      local.set 4
      i32.const 8
      i32.const 4
      local.get 4
      local.get 5
      call 46
      local.tee 4
      global.set 3
      unreachable
    end
    local.get 4
    i64.const 222
    i64.add
    local.tee 4
    global.set 3
    local.get 1
    local.get 2
    i32.store offset=4
    local.get 1
    local.get 3
    i32.store
    local.get 0
    i32.const 1048812
    i32.store offset=4
    local.get 0
    local.get 1
    i32.store
  )
  (func (;23;) (type 1) (param i32 i32)
    (local i64 i32)
    global.get 3
    i64.const 170
    i64.add
    local.tee 2
    global.set 3
    global.get 4
    i32.const 8
    i32.add
    local.tee 3
    i64.extend_i32_s
    local.get 2
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 3
      global.set 4
      unreachable
    end
    local.get 0
    i32.const 1048812
    i32.store offset=4
    local.get 0
    local.get 1
    i32.store
  )
  (func (;24;) (type 19) (param i32 i32 i32 i32 i32 i64 i32) (result i64)
    (local i32 i32)
    local.get 5
    global.set 3
    local.get 6
    i32.const 15
    i32.add
    local.tee 6
    i64.extend_i32_s
    local.get 5
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 6
      global.set 4
      unreachable
    end
    global.get 0
    i32.const 32
    i32.sub
    local.tee 7
    global.set 0
    i32.const 1049332
    i32.const 1049332
    i32.load
    local.tee 8
    i32.const 1
    i32.add
    i32.store
    block ;; label = @1
      block ;; label = @2
        local.get 8
        i32.const 0
        i32.lt_s
        br_if 0 (;@2;)
        local.get 5
        i64.const 2705
        i64.add
        local.tee 5
        global.set 3
        i32.const 1049788
        i32.const 1049788
        i32.load
        i32.const 1
        i32.add
        local.tee 8
        i32.store
        local.get 8
        i32.const 2
        i32.gt_u
        br_if 0 (;@2;)
        local.get 5
        i64.const 2919
        i64.add
        local.tee 5
        global.set 3
        local.get 7
        local.get 4
        i32.store8 offset=24
        local.get 7
        local.get 3
        i32.store offset=20
        local.get 7
        local.get 2
        i32.store offset=16
        local.get 7
        i32.const 1048868
        i32.store offset=12
        local.get 7
        i32.const 1048600
        i32.store offset=8
        i32.const 1049316
        i32.load
        local.tee 2
        i32.const 0
        i32.lt_s
        br_if 0 (;@2;)
        local.get 5
        i64.const 2707
        i64.add
        local.tee 5
        global.set 3
        i32.const 1049316
        local.get 2
        i32.const 1
        i32.add
        local.tee 2
        i32.store
        i32.const 1049316
        i32.const 1049324
        i32.load
        if (result i32) ;; label = @3
          local.get 5
          i64.const 15767
          i64.add
          local.tee 5
          global.set 3
          local.get 7
          local.get 0
          local.get 1
          i32.load offset=16
          local.get 6
          global.set 4
          call_indirect (type 1)
          global.get 3
          local.set 5
          local.get 7
          local.get 7
          i64.load
          i64.store offset=8
          i32.const 1049324
          i32.load
          local.get 7
          i32.const 8
          i32.add
          i32.const 1049328
          i32.load
          i32.load offset=20
          local.get 6
          global.set 4
          call_indirect (type 1)
          global.get 3
          local.set 5
          i32.const 1049316
          i32.load
        else
          local.get 5
          i64.const 6
          i64.add
          local.set 5
          local.get 2
        end
        local.get 5
        i64.const 102
        i64.add
        local.tee 5
        global.set 3
        i32.const 1
        i32.sub
        i32.store
        local.get 8
        i32.const 1
        i32.gt_u
        br_if 0 (;@2;)
        local.get 5
        i64.const 45
        i64.add
        local.set 5
        local.get 4
        br_if 1 (;@1;)
        local.get 5
        i64.const 5
        i64.add
        local.set 5
      end
      local.get 5
      i64.const 6
      i64.add
      local.tee 5
      global.set 3
      unreachable
    end
    local.get 5
    i64.const 119
    i64.add
    local.tee 5
    global.set 3
    global.get 0
    i32.const 16
    i32.sub
    local.tee 2
    global.set 0
    local.get 2
    local.get 1
    i32.store offset=12
    local.get 2
    local.get 0
    i32.store offset=8
    unreachable
    local.get 5
  )
  (func (;25;) (type 12) (param i32 i32 i64 i32) (result i32 i64)
    local.get 2
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 0
    local.get 1
    i32.add
    i32.const 1
    i32.sub
    i32.const 0
    local.get 1
    i32.sub
    i32.and
    local.get 2
  )
  (func (;26;) (type 15) (param i32 i64 i32) (result i32 i64)
    local.get 1
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 0
    i32.const 1
    i32.shl
    local.tee 0
    i32.const 0
    local.get 0
    i32.sub
    i32.or
    local.get 1
  )
  (func (;27;) (type 15) (param i32 i64 i32) (result i32 i64)
    local.get 1
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    i32.const 0
    local.get 0
    i32.sub
    local.get 0
    i32.and
    local.get 1
  )
  (func (;28;) (type 15) (param i32 i64 i32) (result i32 i64)
    local.get 1
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    i32.const 0
    i32.const 25
    local.get 0
    i32.const 1
    i32.shr_u
    i32.sub
    local.get 0
    i32.const 31
    i32.eq
    select
    local.get 1
  )
  (func (;29;) (type 15) (param i32 i64 i32) (result i32 i64)
    local.get 1
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 1
    global.set 3
    local.get 0
    i32.load offset=4
    i32.const -8
    i32.and
    local.get 1
  )
  (func (;30;) (type 15) (param i32 i64 i32) (result i32 i64)
    local.get 1
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 1
    global.set 3
    local.get 0
    i32.load8_u offset=4
    i32.const 2
    i32.and
    i32.const 1
    i32.shr_u
    local.get 1
  )
  (func (;31;) (type 15) (param i32 i64 i32) (result i32 i64)
    local.get 1
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 1
    global.set 3
    local.get 0
    i32.load offset=4
    i32.const 1
    i32.and
    local.get 1
  )
  (func (;32;) (type 15) (param i32 i64 i32) (result i32 i64)
    local.get 1
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 1
    global.set 3
    local.get 0
    i32.load8_u offset=4
    i32.const 3
    i32.and
    i32.eqz
    local.get 1
  )
  (func (;33;) (type 16) (param i32 i32 i64 i32) (result i64)
    local.get 2
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 2
    global.set 3
    local.get 0
    local.get 0
    i32.load offset=4
    i32.const 1
    i32.and
    local.get 1
    i32.or
    i32.const 2
    i32.or
    i32.store offset=4
    local.get 0
    local.get 1
    i32.add
    local.tee 0
    local.get 0
    i32.load offset=4
    i32.const 1
    i32.or
    i32.store offset=4
    local.get 2
  )
  (func (;34;) (type 16) (param i32 i32 i64 i32) (result i64)
    local.get 2
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 2
    global.set 3
    local.get 0
    local.get 1
    i32.const 3
    i32.or
    i32.store offset=4
    local.get 0
    local.get 1
    i32.add
    local.tee 0
    local.get 0
    i32.load offset=4
    i32.const 1
    i32.or
    i32.store offset=4
    local.get 2
  )
  (func (;35;) (type 16) (param i32 i32 i64 i32) (result i64)
    local.get 2
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 2
    global.set 3
    local.get 0
    local.get 1
    i32.const 3
    i32.or
    i32.store offset=4
    local.get 2
  )
  (func (;36;) (type 16) (param i32 i32 i64 i32) (result i64)
    local.get 2
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 2
    global.set 3
    local.get 0
    local.get 1
    i32.const 1
    i32.or
    i32.store offset=4
    local.get 0
    local.get 1
    i32.add
    local.get 1
    i32.store
    local.get 2
  )
  (func (;37;) (type 13) (param i32 i32 i32 i64 i32) (result i64)
    local.get 3
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 3
    global.set 3
    local.get 2
    local.get 2
    i32.load offset=4
    i32.const -2
    i32.and
    i32.store offset=4
    local.get 0
    local.get 1
    i32.const 1
    i32.or
    i32.store offset=4
    local.get 0
    local.get 1
    i32.add
    local.get 1
    i32.store
    local.get 3
  )
  (func (;38;) (type 12) (param i32 i32 i64 i32) (result i32 i64)
    local.get 2
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 0
    local.get 1
    i32.add
    local.get 2
  )
  (func (;39;) (type 12) (param i32 i32 i64 i32) (result i32 i64)
    local.get 2
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 0
    local.get 1
    i32.sub
    local.get 2
  )
  (func (;40;) (type 15) (param i32 i64 i32) (result i32 i64)
    local.get 1
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 0
    i32.const 8
    i32.add
    local.get 1
  )
  (func (;41;) (type 15) (param i32 i64 i32) (result i32 i64)
    local.get 1
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 0
    i32.const 8
    i32.sub
    local.get 1
  )
  (func (;42;) (type 15) (param i32 i64 i32) (result i32 i64)
    (local i32)
    local.get 1
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 1
    global.set 3
    local.get 0
    i32.load offset=16
    local.tee 3
    if (result i32) ;; label = @1
      local.get 1
      i64.const 6
      i64.add
      local.set 1
      local.get 3
    else
      local.get 1
      i64.const 2609
      i64.add
      local.tee 1
      global.set 3
      local.get 0
      i32.const 20
      i32.add
      i32.load
    end
    local.get 1
    i64.const 6
    i64.add
    local.set 1
    local.get 1
  )
  (func (;43;) (type 15) (param i32 i64 i32) (result i32 i64)
    local.get 1
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 1
    global.set 3
    local.get 0
    i32.load offset=12
    i32.const 1
    i32.and
    local.get 1
  )
  (func (;44;) (type 15) (param i32 i64 i32) (result i32 i64)
    local.get 1
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 1
    global.set 3
    local.get 0
    i32.load offset=12
    i32.const 1
    i32.shr_u
    local.get 1
  )
  (func (;45;) (type 15) (param i32 i64 i32) (result i32 i64)
    local.get 1
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    local.get 1
    global.set 3
    local.get 0
    i32.load
    local.get 0
    i32.load offset=4
    i32.add
    local.get 1
  )
  (func (;46;) (type 16) (param i32 i32 i64 i32) (result i64)
    local.get 2
    global.set 3
    local.get 3
    i32.const 11
    i32.add
    local.tee 3
    i64.extend_i32_s
    local.get 2
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 3
      global.set 4
      unreachable
    end
    local.get 0
    local.get 1
    i32.const 1049312
    i32.load
    local.tee 0
    i32.const 2
    local.get 0
    select
    local.get 3
    global.set 4
    call_indirect (type 1)
    global.get 3
    local.set 2
    unreachable
    local.get 2
  )
  (func (;47;) (type 20) (param i64 i32) (result i64)
    (local i32)
    local.get 0
    i64.const 3350
    i64.add
    local.tee 0
    global.set 3
    local.get 1
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
      global.set 4
      unreachable
    end
    global.get 0
    i32.const 32
    i32.sub
    local.tee 2
    global.set 0
    local.get 2
    i32.const 20
    i32.add
    i32.const 1
    i32.store
    local.get 2
    i32.const 28
    i32.add
    i32.const 0
    i32.store
    local.get 2
    i32.const 1048932
    i32.store offset=16
    local.get 2
    i32.const 1048884
    i32.store offset=24
    local.get 2
    i32.const 0
    i32.store offset=8
    local.get 2
    i32.const 8
    i32.add
    i32.const 1048940
    local.get 0
    local.get 1
    call 49
    local.tee 0
    global.set 3
    unreachable
    local.get 0
  )
  (func (;48;) (type 0) (param i32 i32) (result i32)
    (local i64 i32)
    global.get 3
    i64.const 2664
    i64.add
    local.tee 2
    global.set 3
    global.get 4
    i32.const 7
    i32.add
    local.tee 3
    i64.extend_i32_s
    local.get 2
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 3
      global.set 4
      unreachable
    end
    local.get 0
    i32.load
    drop
    loop ;; label = @1
      local.get 2
      i64.const -56
      i64.ge_s
      if ;; label = @2
        i64.const 0
        global.set 3
        unreachable
      end
      local.get 2
      i64.const 56
      i64.add
      local.set 2
      br 0 (;@1;)
    end
    unreachable
  )
  (func (;49;) (type 16) (param i32 i32 i64 i32) (result i64)
    (local i32 i32)
    local.get 2
    global.set 3
    local.get 3
    i32.const 13
    i32.add
    local.tee 3
    i64.extend_i32_s
    local.get 2
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 3
      global.set 4
      unreachable
    end
    global.get 0
    i32.const 32
    i32.sub
    local.tee 4
    global.set 0
    local.get 4
    i32.const 1
    i32.store8 offset=24
    local.get 4
    local.get 1
    i32.store offset=20
    local.get 4
    local.get 0
    i32.store offset=16
    local.get 4
    i32.const 1048956
    i32.store offset=12
    local.get 4
    i32.const 1048956
    i32.store offset=8
    global.get 0
    i32.const 16
    i32.sub
    local.tee 1
    global.set 0
    block ;; label = @1
      local.get 4
      i32.const 8
      i32.add
      local.tee 0
      i32.load offset=12
      local.tee 4
      if ;; label = @2
        local.get 2
        i64.const 2648
        i64.add
        local.tee 2
        global.set 3
        local.get 0
        i32.load offset=8
        local.tee 5
        i32.eqz
        br_if 1 (;@1;)
        local.get 2
        i64.const 13302
        i64.add
        local.tee 2
        global.set 3
        local.get 1
        local.get 4
        i32.store offset=8
        local.get 1
        local.get 0
        i32.store offset=4
        local.get 1
        local.get 5
        i32.store
        global.get 0
        i32.const 16
        i32.sub
        local.tee 0
        global.set 0
        local.get 0
        i32.const 8
        i32.add
        local.get 1
        i32.const 8
        i32.add
        i32.load
        i32.store
        local.get 0
        local.get 1
        i64.load align=4
        i64.store
        global.get 0
        i32.const 16
        i32.sub
        local.tee 1
        global.set 0
        local.get 0
        i32.load
        local.tee 4
        i32.const 20
        i32.add
        i32.load
        local.set 5
        block ;; label = @3
          block (result i32) ;; label = @4
            block ;; label = @5
              block ;; label = @6
                local.get 4
                i32.const 12
                i32.add
                i32.load
                br_table 0 (;@6;) 1 (;@5;) 3 (;@3;)
              end
              local.get 2
              i64.const 45
              i64.add
              local.set 2
              local.get 5
              br_if 2 (;@3;)
              local.get 2
              i64.const 9
              i64.add
              local.set 2
              i32.const 0
              local.set 4
              i32.const 1048600
              br 1 (;@4;)
            end
            local.get 2
            i64.const 45
            i64.add
            local.set 2
            local.get 5
            br_if 1 (;@3;)
            local.get 2
            i64.const 7810
            i64.add
            local.tee 2
            global.set 3
            local.get 4
            i32.load offset=8
            local.tee 5
            i32.load offset=4
            local.set 4
            local.get 5
            i32.load
          end
          local.get 2
          i64.const 13304
          i64.add
          local.tee 2
          global.set 3
          local.set 5
          local.get 1
          local.get 4
          i32.store offset=4
          local.get 1
          local.get 5
          i32.store
          local.get 1
          i32.const 1048848
          local.get 0
          i32.load offset=4
          local.tee 1
          i32.load offset=8
          local.get 0
          i32.load offset=8
          local.get 1
          i32.load8_u offset=16
          local.get 2
          local.get 3
          call 24
          local.tee 2
          global.set 3
          unreachable
        end
        local.get 2
        i64.const 13303
        i64.add
        local.tee 2
        global.set 3
        local.get 1
        i32.const 0
        i32.store offset=4
        local.get 1
        local.get 4
        i32.store offset=12
        local.get 1
        i32.const 1048828
        local.get 0
        i32.load offset=4
        local.tee 1
        i32.load offset=8
        local.get 0
        i32.load offset=8
        local.get 1
        i32.load8_u offset=16
        local.get 2
        local.get 3
        call 24
        local.tee 2
        global.set 3
        unreachable
      end
      local.get 2
      i64.const 24
      i64.add
      local.set 2
      i32.const 1048780
      local.get 2
      local.get 3
      call 50
      local.tee 2
      global.set 3
      unreachable
    end
    local.get 2
    i64.const 24
    i64.add
    local.set 2
    i32.const 1048764
    local.get 2
    local.get 3
    call 50
    local.tee 2
    global.set 3
    unreachable
    local.get 2
  )
  (func (;50;) (type 17) (param i32 i64 i32) (result i64)
    (local i32)
    local.get 1
    i64.const 3458
    i64.add
    local.tee 1
    global.set 3
    local.get 2
    i32.const 9
    i32.add
    local.tee 2
    i64.extend_i32_s
    local.get 1
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 2
      global.set 4
      unreachable
    end
    global.get 0
    i32.const 32
    i32.sub
    local.tee 3
    global.set 0
    local.get 3
    i32.const 12
    i32.add
    i32.const 1
    i32.store
    local.get 3
    i32.const 20
    i32.add
    i32.const 0
    i32.store
    local.get 3
    i32.const 1048956
    i32.store offset=16
    local.get 3
    i32.const 0
    i32.store
    local.get 3
    i32.const 43
    i32.store offset=28
    local.get 3
    i32.const 1048600
    i32.store offset=24
    local.get 3
    local.get 3
    i32.const 24
    i32.add
    i32.store offset=8
    local.get 3
    local.get 0
    local.get 1
    local.get 2
    call 49
    local.tee 1
    global.set 3
    unreachable
    local.get 1
  )
  (func (;51;) (type 0) (param i32 i32) (result i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64 i64 i64 i32)
    global.get 3
    i64.const 2717
    i64.add
    local.tee 15
    global.set 3
    global.get 4
    i32.const 23
    i32.add
    local.tee 16
    i64.extend_i32_s
    local.get 15
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 16
      global.set 4
      unreachable
    end
    local.get 0
    i64.load32_u
    local.set 13
    global.get 0
    i32.const 48
    i32.sub
    local.tee 4
    global.set 0
    i32.const 39
    local.set 0
    block ;; label = @1
      local.get 13
      i64.const 10000
      i64.lt_u
      if ;; label = @2
        local.get 15
        i64.const 8
        i64.add
        local.set 15
        local.get 13
        local.set 14
        br 1 (;@1;)
      end
      local.get 15
      i64.const 5
      i64.add
      local.set 15
      loop ;; label = @2
        local.get 15
        i64.const -5589
        i64.ge_s
        if ;; label = @3
          i64.const 0
          global.set 3
          unreachable
        end
        local.get 15
        i64.const 5589
        i64.add
        local.tee 15
        global.set 3
        local.get 4
        i32.const 9
        i32.add
        local.get 0
        i32.add
        local.tee 2
        i32.const 4
        i32.sub
        local.get 13
        local.get 13
        i64.const 10000
        i64.div_u
        local.tee 14
        i64.const 10000
        i64.mul
        i64.sub
        i32.wrap_i64
        local.tee 3
        i32.const 65535
        i32.and
        i32.const 100
        i32.div_u
        local.tee 5
        i32.const 1
        i32.shl
        i32.const 1048972
        i32.add
        i32.load16_u align=1
        i32.store16 align=1
        local.get 2
        i32.const 2
        i32.sub
        local.get 3
        local.get 5
        i32.const 100
        i32.mul
        i32.sub
        i32.const 65535
        i32.and
        i32.const 1
        i32.shl
        i32.const 1048972
        i32.add
        i32.load16_u align=1
        i32.store16 align=1
        local.get 0
        i32.const 4
        i32.sub
        local.set 0
        local.get 13
        i64.const 99999999
        i64.gt_u
        local.get 14
        local.set 13
        br_if 0 (;@2;)
        local.get 15
        i64.const 6
        i64.add
        local.set 15
      end
    end
    local.get 15
    i64.const 52
    i64.add
    local.set 15
    local.get 14
    i32.wrap_i64
    local.tee 2
    i32.const 99
    i32.gt_u
    if ;; label = @1
      local.get 15
      i64.const 2754
      i64.add
      local.tee 15
      global.set 3
      local.get 0
      i32.const 2
      i32.sub
      local.tee 0
      local.get 4
      i32.const 9
      i32.add
      i32.add
      local.get 14
      i32.wrap_i64
      local.tee 2
      local.get 2
      i32.const 65535
      i32.and
      i32.const 100
      i32.div_u
      local.tee 2
      i32.const 100
      i32.mul
      i32.sub
      i32.const 65535
      i32.and
      i32.const 1
      i32.shl
      i32.const 1048972
      i32.add
      i32.load16_u align=1
      i32.store16 align=1
    end
    local.get 15
    i64.const 51
    i64.add
    local.set 15
    block ;; label = @1
      local.get 2
      i32.const 10
      i32.ge_u
      if ;; label = @2
        local.get 15
        i64.const 2672
        i64.add
        local.tee 15
        global.set 3
        local.get 0
        i32.const 2
        i32.sub
        local.tee 0
        local.get 4
        i32.const 9
        i32.add
        i32.add
        local.get 2
        i32.const 1
        i32.shl
        i32.const 1048972
        i32.add
        i32.load16_u align=1
        i32.store16 align=1
        br 1 (;@1;)
      end
      local.get 15
      i64.const 69
      i64.add
      local.tee 15
      global.set 3
      local.get 0
      i32.const 1
      i32.sub
      local.tee 0
      local.get 4
      i32.const 9
      i32.add
      i32.add
      local.get 2
      i32.const 48
      i32.add
      i32.store8
    end
    local.get 15
    i64.const 5284
    i64.add
    local.tee 15
    global.set 3
    block (result i32) ;; label = @1
      local.get 4
      i32.const 9
      i32.add
      local.get 0
      i32.add
      local.set 8
      i32.const 43
      i32.const 1114112
      local.get 1
      i32.load offset=24
      local.tee 3
      i32.const 1
      i32.and
      local.tee 2
      select
      local.set 5
      local.get 2
      i32.const 39
      local.get 0
      i32.sub
      local.tee 9
      i32.add
      local.set 2
      i32.const 1048956
      i32.const 0
      local.get 3
      i32.const 4
      i32.and
      select
      local.set 7
      block ;; label = @2
        block ;; label = @3
          local.get 1
          i32.load offset=8
          i32.eqz
          if ;; label = @4
            local.get 15
            i64.const 5378
            i64.add
            local.tee 15
            global.set 3
            i32.const 1
            local.set 0
            local.get 1
            i32.load
            local.tee 3
            local.get 1
            i32.const 4
            i32.add
            i32.load
            local.tee 1
            local.get 5
            local.get 7
            local.get 15
            local.get 16
            call 53
            local.set 15
            br_if 1 (;@3;)
            local.get 15
            i64.const 6
            i64.add
            local.set 15
            br 2 (;@2;)
          end
          local.get 15
          i64.const 2658
          i64.add
          local.tee 15
          global.set 3
          block ;; label = @4
            block ;; label = @5
              block ;; label = @6
                block ;; label = @7
                  local.get 2
                  local.get 1
                  i32.const 12
                  i32.add
                  i32.load
                  local.tee 6
                  i32.lt_u
                  if ;; label = @8
                    local.get 15
                    i64.const 47
                    i64.add
                    local.set 15
                    local.get 3
                    i32.const 8
                    i32.and
                    br_if 4 (;@4;)
                    local.get 15
                    i64.const 2624
                    i64.add
                    local.tee 15
                    global.set 3
                    local.get 6
                    local.get 2
                    i32.sub
                    local.tee 2
                    local.set 3
                    i32.const 1
                    local.get 1
                    i32.load8_u offset=32
                    local.tee 0
                    local.get 0
                    i32.const 3
                    i32.eq
                    select
                    i32.const 3
                    i32.and
                    local.tee 0
                    i32.const 1
                    i32.sub
                    br_table 1 (;@7;) 2 (;@6;) 3 (;@5;)
                  end
                  local.get 15
                  i64.const 5378
                  i64.add
                  local.tee 15
                  global.set 3
                  i32.const 1
                  local.set 0
                  local.get 1
                  i32.load
                  local.tee 3
                  local.get 1
                  i32.const 4
                  i32.add
                  i32.load
                  local.tee 1
                  local.get 5
                  local.get 7
                  local.get 15
                  local.get 16
                  call 53
                  local.set 15
                  br_if 4 (;@3;)
                  local.get 15
                  i64.const 6
                  i64.add
                  local.set 15
                  br 5 (;@2;)
                end
                local.get 15
                i64.const 10
                i64.add
                local.set 15
                i32.const 0
                local.set 3
                local.get 2
                local.set 0
                br 1 (;@5;)
              end
              local.get 15
              i64.const 15
              i64.add
              local.set 15
              local.get 2
              i32.const 1
              i32.shr_u
              local.set 0
              local.get 2
              i32.const 1
              i32.add
              i32.const 1
              i32.shr_u
              local.set 3
            end
            local.get 15
            i64.const 7819
            i64.add
            local.tee 15
            global.set 3
            local.get 0
            i32.const 1
            i32.add
            local.set 0
            local.get 1
            i32.const 4
            i32.add
            i32.load
            local.set 2
            local.get 1
            i32.load offset=28
            local.set 6
            local.get 1
            i32.load
            local.set 1
            block ;; label = @5
              loop ;; label = @6
                local.get 15
                i64.const -99
                i64.ge_s
                if ;; label = @7
                  i64.const 0
                  global.set 3
                  unreachable
                end
                local.get 15
                i64.const 99
                i64.add
                local.set 15
                local.get 0
                i32.const 1
                i32.sub
                local.tee 0
                i32.eqz
                br_if 1 (;@5;)
                local.get 15
                i64.const 2698
                i64.add
                local.tee 15
                global.set 3
                local.get 1
                local.get 6
                local.get 2
                i32.load offset=16
                local.get 16
                global.set 4
                call_indirect (type 0)
                global.get 3
                local.set 15
                i32.eqz
                br_if 0 (;@6;)
                local.get 15
                i64.const 8
                i64.add
                local.set 15
              end
              i32.const 1
              br 4 (;@1;)
            end
            local.get 15
            i64.const 49
            i64.add
            local.set 15
            i32.const 1
            local.set 0
            local.get 6
            i32.const 1114112
            i32.eq
            br_if 1 (;@3;)
            local.get 15
            i64.const 171
            i64.add
            local.set 15
            local.get 1
            local.get 2
            local.get 5
            local.get 7
            local.get 15
            local.get 16
            call 53
            local.set 15
            br_if 1 (;@3;)
            local.get 15
            i64.const 2698
            i64.add
            local.tee 15
            global.set 3
            local.get 1
            local.get 8
            local.get 9
            local.get 2
            i32.load offset=12
            local.get 16
            global.set 4
            call_indirect (type 3)
            global.get 3
            local.set 15
            br_if 1 (;@3;)
            local.get 15
            i64.const 8
            i64.add
            local.set 15
            i32.const 0
            local.set 0
            block (result i32) ;; label = @5
              loop ;; label = @6
                local.get 15
                i64.const -98
                i64.ge_s
                if ;; label = @7
                  i64.const 0
                  global.set 3
                  unreachable
                end
                local.get 15
                i64.const 98
                i64.add
                local.set 15
                local.get 3
                local.get 0
                local.get 3
                i32.eq
                br_if 1 (;@5;)
                local.get 15
                i64.const 2703
                i64.add
                local.tee 15
                global.set 3
                drop
                local.get 0
                i32.const 1
                i32.add
                local.set 0
                local.get 1
                local.get 6
                local.get 2
                i32.load offset=16
                local.get 16
                global.set 4
                call_indirect (type 0)
                global.get 3
                local.set 15
                i32.eqz
                br_if 0 (;@6;)
                local.get 15
                i64.const 9
                i64.add
                local.set 15
              end
              local.get 0
              i32.const 1
              i32.sub
            end
            local.get 15
            i64.const 9
            i64.add
            local.set 15
            local.get 3
            i32.lt_u
            local.set 0
            br 1 (;@3;)
          end
          local.get 15
          i64.const 10690
          i64.add
          local.tee 15
          global.set 3
          local.get 1
          i32.load offset=28
          local.set 11
          local.get 1
          i32.const 48
          i32.store offset=28
          local.get 1
          i32.load8_u offset=32
          local.set 12
          i32.const 1
          local.set 0
          local.get 1
          i32.const 1
          i32.store8 offset=32
          local.get 1
          i32.load
          local.tee 3
          local.get 1
          i32.const 4
          i32.add
          i32.load
          local.tee 10
          local.get 5
          local.get 7
          local.get 15
          local.get 16
          call 53
          local.set 15
          br_if 0 (;@3;)
          local.get 15
          i64.const 12
          i64.add
          local.set 15
          local.get 6
          local.get 2
          i32.sub
          i32.const 1
          i32.add
          local.set 0
          block ;; label = @4
            loop ;; label = @5
              local.get 15
              i64.const -99
              i64.ge_s
              if ;; label = @6
                i64.const 0
                global.set 3
                unreachable
              end
              local.get 15
              i64.const 99
              i64.add
              local.set 15
              local.get 0
              i32.const 1
              i32.sub
              local.tee 0
              i32.eqz
              br_if 1 (;@4;)
              local.get 15
              i64.const 2698
              i64.add
              local.tee 15
              global.set 3
              local.get 3
              i32.const 48
              local.get 10
              i32.load offset=16
              local.get 16
              global.set 4
              call_indirect (type 0)
              global.get 3
              local.set 15
              i32.eqz
              br_if 0 (;@5;)
              local.get 15
              i64.const 8
              i64.add
              local.set 15
            end
            i32.const 1
            br 3 (;@1;)
          end
          local.get 15
          i64.const 2700
          i64.add
          local.tee 15
          global.set 3
          i32.const 1
          local.set 0
          local.get 3
          local.get 8
          local.get 9
          local.get 10
          i32.load offset=12
          local.get 16
          global.set 4
          call_indirect (type 3)
          global.get 3
          local.set 15
          br_if 0 (;@3;)
          local.get 15
          i64.const 116
          i64.add
          local.tee 15
          global.set 3
          local.get 1
          local.get 12
          i32.store8 offset=32
          local.get 1
          local.get 11
          i32.store offset=28
          i32.const 0
          br 2 (;@1;)
        end
        local.get 15
        i64.const 7
        i64.add
        local.set 15
        local.get 0
        br 1 (;@1;)
      end
      local.get 15
      i64.const 2659
      i64.add
      local.tee 15
      global.set 3
      local.get 3
      local.get 8
      local.get 9
      local.get 1
      i32.load offset=12
      local.get 16
      global.set 4
      call_indirect (type 3)
      global.get 3
      local.set 15
    end
    local.get 15
    i64.const 10
    i64.add
    local.tee 15
    global.set 3
    local.get 4
    i32.const 48
    i32.add
    global.set 0
  )
  (func (;52;) (type 12) (param i32 i32 i64 i32) (result i32 i64)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    local.get 2
    global.set 3
    local.get 3
    i32.const 21
    i32.add
    local.tee 3
    i64.extend_i32_s
    local.get 2
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 3
      global.set 4
      unreachable
    end
    global.get 0
    i32.const 48
    i32.sub
    local.tee 4
    global.set 0
    local.get 4
    i32.const 3
    i32.store8 offset=40
    local.get 4
    i64.const 137438953472
    i64.store offset=32
    local.get 4
    i32.const 0
    i32.store offset=24
    local.get 4
    i32.const 0
    i32.store offset=16
    local.get 4
    i32.const 1048576
    i32.store offset=12
    local.get 4
    local.get 0
    i32.store offset=8
    block (result i32) ;; label = @1
      block ;; label = @2
        block ;; label = @3
          local.get 1
          i32.load
          local.tee 12
          i32.eqz
          if ;; label = @4
            local.get 2
            i64.const 2650
            i64.add
            local.tee 2
            global.set 3
            local.get 1
            i32.const 20
            i32.add
            i32.load
            local.tee 0
            i32.eqz
            br_if 1 (;@3;)
            local.get 2
            i64.const 5222
            i64.add
            local.tee 2
            global.set 3
            local.get 1
            i32.load offset=16
            local.set 5
            local.get 0
            i32.const 3
            i32.shl
            local.set 7
            local.get 0
            i32.const 1
            i32.sub
            i32.const 536870911
            i32.and
            i32.const 1
            i32.add
            local.set 9
            local.get 1
            i32.load offset=8
            local.set 0
            loop ;; label = @5
              local.get 2
              i64.const -2702
              i64.ge_s
              if ;; label = @6
                i64.const 0
                global.set 3
                unreachable
              end
              local.get 2
              i64.const 2702
              i64.add
              local.tee 2
              global.set 3
              local.get 0
              i32.const 4
              i32.add
              i32.load
              local.tee 6
              if ;; label = @6
                local.get 2
                i64.const 10498
                i64.add
                local.tee 2
                global.set 3
                local.get 4
                i32.load offset=8
                local.get 0
                i32.load
                local.get 6
                local.get 4
                i32.load offset=12
                i32.load offset=12
                local.get 3
                global.set 4
                call_indirect (type 3)
                global.get 3
                local.set 2
                br_if 4 (;@2;)
                local.get 2
                i64.const 5
                i64.add
                local.set 2
              end
              local.get 2
              i64.const 5301
              i64.add
              local.tee 2
              global.set 3
              local.get 5
              i32.load
              local.get 4
              i32.const 8
              i32.add
              local.get 5
              i32.const 4
              i32.add
              i32.load
              local.get 3
              global.set 4
              call_indirect (type 0)
              global.get 3
              local.set 2
              br_if 3 (;@2;)
              local.get 2
              i64.const 56
              i64.add
              local.set 2
              local.get 5
              i32.const 8
              i32.add
              local.set 5
              local.get 0
              i32.const 8
              i32.add
              local.set 0
              local.get 7
              i32.const 8
              i32.sub
              local.tee 7
              br_if 0 (;@5;)
              local.get 2
              i64.const 7
              i64.add
              local.set 2
            end
            br 1 (;@3;)
          end
          local.get 2
          i64.const 2648
          i64.add
          local.tee 2
          global.set 3
          local.get 1
          i32.load offset=4
          local.tee 0
          i32.eqz
          br_if 0 (;@3;)
          local.get 2
          i64.const 2620
          i64.add
          local.tee 2
          global.set 3
          local.get 0
          i32.const 5
          i32.shl
          local.set 13
          local.get 0
          i32.const 1
          i32.sub
          i32.const 134217727
          i32.and
          i32.const 1
          i32.add
          local.set 9
          local.get 1
          i32.load offset=8
          local.set 0
          loop ;; label = @4
            local.get 2
            i64.const -2702
            i64.ge_s
            if ;; label = @5
              i64.const 0
              global.set 3
              unreachable
            end
            local.get 2
            i64.const 2702
            i64.add
            local.tee 2
            global.set 3
            local.get 0
            i32.const 4
            i32.add
            i32.load
            local.tee 5
            if ;; label = @5
              local.get 2
              i64.const 10498
              i64.add
              local.tee 2
              global.set 3
              local.get 4
              i32.load offset=8
              local.get 0
              i32.load
              local.get 5
              local.get 4
              i32.load offset=12
              i32.load offset=12
              local.get 3
              global.set 4
              call_indirect (type 3)
              global.get 3
              local.set 2
              br_if 3 (;@2;)
              local.get 2
              i64.const 5
              i64.add
              local.set 2
            end
            local.get 2
            i64.const 13139
            i64.add
            local.tee 2
            global.set 3
            local.get 4
            local.get 7
            local.get 12
            i32.add
            local.tee 6
            i32.const 28
            i32.add
            i32.load8_u
            i32.store8 offset=40
            local.get 4
            local.get 6
            i32.const 20
            i32.add
            i64.load align=4
            i64.store offset=32
            local.get 6
            i32.const 16
            i32.add
            i32.load
            local.set 8
            local.get 1
            i32.load offset=16
            local.set 10
            i32.const 0
            local.set 11
            i32.const 0
            local.set 5
            block ;; label = @5
              block ;; label = @6
                block ;; label = @7
                  local.get 6
                  i32.const 12
                  i32.add
                  i32.load
                  i32.const 1
                  i32.sub
                  br_table 0 (;@7;) 2 (;@5;) 1 (;@6;)
                end
                local.get 2
                i64.const 2655
                i64.add
                local.tee 2
                global.set 3
                local.get 8
                i32.const 3
                i32.shl
                local.get 10
                i32.add
                local.tee 14
                i32.const 4
                i32.add
                i32.load
                i32.const 16
                i32.ne
                br_if 1 (;@5;)
                local.get 2
                i64.const 5208
                i64.add
                local.tee 2
                global.set 3
                local.get 14
                i32.load
                i32.load
                local.set 8
              end
              local.get 2
              i64.const 7
              i64.add
              local.set 2
              i32.const 1
              local.set 5
            end
            local.get 2
            i64.const 5326
            i64.add
            local.tee 2
            global.set 3
            local.get 4
            local.get 8
            i32.store offset=20
            local.get 4
            local.get 5
            i32.store offset=16
            local.get 6
            i32.const 8
            i32.add
            i32.load
            local.set 5
            block ;; label = @5
              block ;; label = @6
                block ;; label = @7
                  local.get 6
                  i32.const 4
                  i32.add
                  i32.load
                  i32.const 1
                  i32.sub
                  br_table 0 (;@7;) 2 (;@5;) 1 (;@6;)
                end
                local.get 2
                i64.const 2655
                i64.add
                local.tee 2
                global.set 3
                local.get 5
                i32.const 3
                i32.shl
                local.get 10
                i32.add
                local.tee 8
                i32.const 4
                i32.add
                i32.load
                i32.const 16
                i32.ne
                br_if 1 (;@5;)
                local.get 2
                i64.const 5208
                i64.add
                local.tee 2
                global.set 3
                local.get 8
                i32.load
                i32.load
                local.set 5
              end
              local.get 2
              i64.const 7
              i64.add
              local.set 2
              i32.const 1
              local.set 11
            end
            local.get 2
            i64.const 8012
            i64.add
            local.tee 2
            global.set 3
            local.get 4
            local.get 5
            i32.store offset=28
            local.get 4
            local.get 11
            i32.store offset=24
            local.get 10
            local.get 6
            i32.load
            i32.const 3
            i32.shl
            i32.add
            local.tee 5
            i32.load
            local.get 4
            i32.const 8
            i32.add
            local.get 5
            i32.load offset=4
            local.get 3
            global.set 4
            call_indirect (type 0)
            global.get 3
            local.set 2
            br_if 2 (;@2;)
            local.get 2
            i64.const 54
            i64.add
            local.set 2
            local.get 0
            i32.const 8
            i32.add
            local.set 0
            local.get 13
            local.get 7
            i32.const 32
            i32.add
            local.tee 7
            i32.ne
            br_if 0 (;@4;)
            local.get 2
            i64.const 6
            i64.add
            local.set 2
          end
        end
        local.get 2
        i64.const 2653
        i64.add
        local.tee 2
        global.set 3
        local.get 1
        i32.const 12
        i32.add
        i32.load
        local.get 9
        i32.gt_u
        if ;; label = @3
          local.get 2
          i64.const 15703
          i64.add
          local.tee 2
          global.set 3
          local.get 4
          i32.load offset=8
          local.get 1
          i32.load offset=8
          local.get 9
          i32.const 3
          i32.shl
          i32.add
          local.tee 0
          i32.load
          local.get 0
          i32.load offset=4
          local.get 4
          i32.load offset=12
          i32.load offset=12
          local.get 3
          global.set 4
          call_indirect (type 3)
          global.get 3
          local.set 2
          br_if 1 (;@2;)
          local.get 2
          i64.const 5
          i64.add
          local.set 2
        end
        local.get 2
        i64.const 7
        i64.add
        local.set 2
        i32.const 0
        br 1 (;@1;)
      end
      local.get 2
      i64.const 6
      i64.add
      local.set 2
      i32.const 1
    end
    local.get 2
    i64.const 10
    i64.add
    local.set 2
    local.get 4
    i32.const 48
    i32.add
    global.set 0
    local.get 2
  )
  (func (;53;) (type 21) (param i32 i32 i32 i32 i64 i32) (result i32 i64)
    local.get 5
    i32.const 12
    i32.add
    local.tee 5
    i64.extend_i32_s
    local.get 4
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 5
      global.set 4
      local.get 4
      global.set 3
      unreachable
    end
    block ;; label = @1
      block (result i32) ;; label = @2
        local.get 2
        i32.const 1114112
        i32.ne
        if ;; label = @3
          local.get 4
          i64.const 2698
          i64.add
          local.tee 4
          global.set 3
          i32.const 1
          local.get 0
          local.get 2
          local.get 1
          i32.load offset=16
          local.get 5
          global.set 4
          call_indirect (type 0)
          global.get 3
          local.set 4
          br_if 1 (;@2;)
          local.get 4
          i64.const 6
          i64.add
          local.set 4
          drop
        end
        local.get 4
        i64.const 45
        i64.add
        local.set 4
        local.get 3
        br_if 1 (;@1;)
        local.get 4
        i64.const 6
        i64.add
        local.set 4
        i32.const 0
      end
      local.get 4
      i64.const 7
      i64.add
      local.set 4
      local.get 4
      return
    end
    local.get 4
    i64.const 2660
    i64.add
    local.tee 4
    global.set 3
    local.get 0
    local.get 3
    i32.const 0
    local.get 1
    i32.load offset=12
    local.get 5
    global.set 4
    call_indirect (type 3)
    global.get 3
    local.set 4
    local.get 4
  )
  (func (;54;) (type 22) (param i32 i32 i32 i64 i32) (result i32 i64)
    (local i32 i32 i32 i32 i32 i32 i32)
    local.get 3
    i64.const 0
    i64.ge_s
    if ;; label = @1
      i64.const 0
      global.set 3
      unreachable
    end
    block ;; label = @1
      local.get 2
      local.tee 6
      i32.const 15
      i32.le_u
      if ;; label = @2
        local.get 3
        i64.const 8
        i64.add
        local.set 3
        local.get 0
        local.set 2
        br 1 (;@1;)
      end
      local.get 3
      i64.const 57
      i64.add
      local.set 3
      local.get 0
      i32.const 0
      local.get 0
      i32.sub
      i32.const 3
      i32.and
      local.tee 5
      i32.add
      local.set 7
      local.get 5
      if ;; label = @2
        local.get 3
        i64.const 9
        i64.add
        local.set 3
        local.get 0
        local.set 2
        local.get 1
        local.set 8
        loop ;; label = @3
          local.get 3
          i64.const -2759
          i64.ge_s
          if ;; label = @4
            i64.const 0
            global.set 3
            unreachable
          end
          local.get 3
          i64.const 2759
          i64.add
          local.tee 3
          global.set 3
          local.get 2
          local.get 8
          i32.load8_u
          i32.store8
          local.get 8
          i32.const 1
          i32.add
          local.set 8
          local.get 2
          i32.const 1
          i32.add
          local.tee 2
          local.get 7
          i32.lt_u
          br_if 0 (;@3;)
          local.get 3
          i64.const 6
          i64.add
          local.set 3
        end
      end
      local.get 3
      i64.const 65
      i64.add
      local.set 3
      local.get 7
      local.get 6
      local.get 5
      i32.sub
      local.tee 10
      i32.const -4
      i32.and
      local.tee 9
      i32.add
      local.set 2
      block ;; label = @2
        local.get 1
        local.get 5
        i32.add
        local.tee 5
        i32.const 3
        i32.and
        local.tee 6
        if ;; label = @3
          local.get 3
          i64.const 47
          i64.add
          local.set 3
          local.get 9
          i32.const 0
          i32.le_s
          br_if 1 (;@2;)
          local.get 3
          i64.const 2624
          i64.add
          local.tee 3
          global.set 3
          local.get 5
          i32.const -4
          i32.and
          local.tee 8
          i32.const 4
          i32.add
          local.set 1
          i32.const 0
          local.get 6
          i32.const 3
          i32.shl
          local.tee 11
          i32.sub
          i32.const 24
          i32.and
          local.set 6
          local.get 8
          i32.load
          local.set 8
          loop ;; label = @4
            local.get 3
            i64.const -2766
            i64.ge_s
            if ;; label = @5
              i64.const 0
              global.set 3
              unreachable
            end
            local.get 3
            i64.const 2766
            i64.add
            local.tee 3
            global.set 3
            local.get 7
            local.get 8
            local.get 11
            i32.shr_u
            local.get 1
            i32.load
            local.tee 8
            local.get 6
            i32.shl
            i32.or
            i32.store
            local.get 1
            i32.const 4
            i32.add
            local.set 1
            local.get 7
            i32.const 4
            i32.add
            local.tee 7
            local.get 2
            i32.lt_u
            br_if 0 (;@4;)
            local.get 3
            i64.const 7
            i64.add
            local.set 3
          end
          br 1 (;@2;)
        end
        local.get 3
        i64.const 47
        i64.add
        local.set 3
        local.get 9
        i32.const 0
        i32.le_s
        br_if 0 (;@2;)
        local.get 3
        i64.const 7
        i64.add
        local.set 3
        local.get 5
        local.set 1
        loop ;; label = @3
          local.get 3
          i64.const -2759
          i64.ge_s
          if ;; label = @4
            i64.const 0
            global.set 3
            unreachable
          end
          local.get 3
          i64.const 2759
          i64.add
          local.tee 3
          global.set 3
          local.get 7
          local.get 1
          i32.load
          i32.store
          local.get 1
          i32.const 4
          i32.add
          local.set 1
          local.get 7
          i32.const 4
          i32.add
          local.tee 7
          local.get 2
          i32.lt_u
          br_if 0 (;@3;)
          local.get 3
          i64.const 6
          i64.add
          local.set 3
        end
      end
      local.get 3
      i64.const 13
      i64.add
      local.set 3
      local.get 10
      i32.const 3
      i32.and
      local.set 6
      local.get 5
      local.get 9
      i32.add
      local.set 1
    end
    local.get 3
    i64.const 48
    i64.add
    local.set 3
    local.get 6
    if ;; label = @1
      local.get 3
      i64.const 9
      i64.add
      local.set 3
      local.get 2
      local.get 6
      i32.add
      local.set 5
      loop ;; label = @2
        local.get 3
        i64.const -2759
        i64.ge_s
        if ;; label = @3
          i64.const 0
          global.set 3
          unreachable
        end
        local.get 3
        i64.const 2759
        i64.add
        local.tee 3
        global.set 3
        local.get 2
        local.get 1
        i32.load8_u
        i32.store8
        local.get 1
        i32.const 1
        i32.add
        local.set 1
        local.get 2
        i32.const 1
        i32.add
        local.tee 2
        local.get 5
        i32.lt_u
        br_if 0 (;@2;)
        local.get 3
        i64.const 6
        i64.add
        local.set 3
      end
    end
    local.get 3
    i64.const 7
    i64.add
    local.set 3
    local.get 0
    local.get 3
  )
  (func (;55;) (type 7)
    (local i64 i32)
    global.get 3
    i64.const 63
    i64.add
    local.tee 0
    global.set 3
    global.get 4
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
      global.set 4
      unreachable
    end
    nop
  )
  (func (;56;) (type 2) (param i32) (result i32)
    (local i32 i32 i64 i32)
    global.get 3
    i64.const 111
    i64.add
    local.set 3
    global.get 4
    i32.const 9
    i32.add
    local.tee 4
    i64.extend_i32_s
    local.get 3
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 4
      global.set 4
      local.get 3
      global.set 3
      unreachable
    end
    block ;; label = @1
      block ;; label = @2
        block ;; label = @3
          block ;; label = @4
            local.get 0
            i32.eqz
            if ;; label = @5
              local.get 3
              i64.const 8
              i64.add
              local.set 3
              i32.const 1
              local.set 2
              br 1 (;@4;)
            end
            local.get 3
            i64.const 49
            i64.add
            local.set 3
            local.get 0
            i32.const 0
            i32.ge_s
            local.tee 1
            i32.eqz
            br_if 1 (;@3;)
            local.get 3
            i64.const 65
            i64.add
            local.set 3
            local.get 0
            local.get 1
            local.get 3
            local.get 4
            call 0
            local.set 3
            local.tee 2
            i32.eqz
            br_if 2 (;@2;)
            local.get 3
            i64.const 5
            i64.add
            local.set 3
          end
          local.get 3
          i64.const 65
          i64.add
          local.set 3
          i32.const 12
          i32.const 4
          local.get 3
          local.get 4
          call 0
          local.set 3
          local.tee 1
          i32.eqz
          br_if 2 (;@1;)
          local.get 3
          i64.const 170
          i64.add
          local.tee 3
          global.set 3
          local.get 1
          i32.const 0
          i32.store offset=8
          local.get 1
          local.get 0
          i32.store offset=4
          local.get 1
          local.get 2
          i32.store
          local.get 1
          return
        end
        local.get 3
        i64.const 23
        i64.add
        local.set 3
        local.get 3
        local.get 4
        call 47
        local.tee 3
        global.set 3
        unreachable
      end
      local.get 3
      i64.const 2741
      i64.add
      local.set 3
      local.get 0
      local.get 1
      local.get 3
      local.get 4
      call 46
      local.tee 3
      global.set 3
      unreachable
    end
    local.get 3
    i64.const 2741
    i64.add
    local.set 3
    i32.const 12
    i32.const 4
    local.get 3
    local.get 4
    call 46
    local.tee 3
    global.set 3
    unreachable
  )
  (func (;57;) (type 4) (param i32)
    (local i32 i32 i32 i64 i32)
    global.get 3
    i64.const 112
    i64.add
    local.set 4
    global.get 4
    i32.const 10
    i32.add
    local.tee 5
    i64.extend_i32_s
    local.get 4
    i64.and
    i64.const 0
    i64.ge_s
    if ;; label = @1
      local.get 5
      global.set 4
      local.get 4
      global.set 3
      unreachable
    end
    global.get 0
    i32.const 32
    i32.sub
    local.tee 1
    global.set 0
    block ;; label = @1
      local.get 0
      if ;; label = @2
        local.get 4
        i64.const 2648
        i64.add
        local.tee 4
        global.set 3
        local.get 0
        i32.load
        local.tee 2
        i32.eqz
        br_if 1 (;@1;)
        local.get 4
        i64.const 2667
        i64.add
        local.tee 4
        global.set 3
        local.get 0
        i32.load offset=4
        local.get 0
        local.get 4
        local.get 5
        call 18
        local.set 4
        if ;; label = @3
          local.get 4
          i64.const 23
          i64.add
          local.set 4
          local.get 2
          local.get 4
          local.get 5
          call 18
          local.set 4
        end
        local.get 4
        i64.const 11
        i64.add
        local.tee 4
        global.set 3
        local.get 1
        i32.const 32
        i32.add
        global.set 0
        return
      end
      local.get 4
      i64.const 3289
      i64.add
      local.tee 4
      global.set 3
      local.get 1
      i32.const 20
      i32.add
      i32.const 1
      i32.store
      local.get 1
      i32.const 28
      i32.add
      i32.const 0
      i32.store
      local.get 1
      i32.const 1049196
      i32.store offset=16
      local.get 1
      i32.const 1049172
      i32.store offset=24
      local.get 1
      i32.const 0
      i32.store offset=8
      local.get 1
      i32.const 8
      i32.add
      i32.const 1049236
      local.get 4
      local.get 5
      call 49
      local.tee 4
      global.set 3
      unreachable
    end
    local.get 4
    i64.const 3289
    i64.add
    local.tee 4
    global.set 3
    local.get 1
    i32.const 20
    i32.add
    i32.const 1
    i32.store
    local.get 1
    i32.const 28
    i32.add
    i32.const 0
    i32.store
    local.get 1
    i32.const 1049284
    i32.store offset=16
    local.get 1
    i32.const 1049172
    i32.store offset=24
    local.get 1
    i32.const 0
    i32.store offset=8
    local.get 1
    i32.const 8
    i32.add
    i32.const 1049292
    local.get 4
    local.get 5
    call 49
    local.tee 4
    global.set 3
    unreachable
  )
  (data (;0;) (i32.const 1048576) "\03\00\00\00\04\00\00\00\04\00\00\00\04\00\00\00\05\00\00\00\06\00\00\00called `Option::unwrap()` on a `None` valuememory allocation of  bytes failed\00\00\00C\00\10\00\15\00\00\00X\00\10\00\0d\00\00\00library/std/src/alloc.rsx\00\10\00\18\00\00\00U\01\00\00\09\00\00\00library/std/src/panicking.rs\a0\00\10\00\1c\00\00\00>\02\00\00\1e\00\00\00\a0\00\10\00\1c\00\00\00=\02\00\00\1f\00\00\00\07\00\00\00\0c\00\00\00\04\00\00\00\08\00\00\00\03\00\00\00\08\00\00\00\04\00\00\00\09\00\00\00\0a\00\00\00\10\00\00\00\04\00\00\00\0b\00\00\00\0c\00\00\00\03\00\00\00\08\00\00\00\04\00\00\00\0d\00\00\00\0e\00\00\00\03\00\00\00\00\00\00\00\01\00\00\00\0f\00\00\00library/alloc/src/raw_vec.rscapacity overflow\00\00\00P\01\10\00\11\00\00\004\01\10\00\1c\00\00\00\06\02\00\00\05\00\00\00\11\00\00\00\00\00\00\00\01\00\00\00\12\00\00\0000010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899Region pointer is null\00\00T\02\10\00\16\00\00\00/code/packages/std/src/memory.rst\02\10\00 \00\00\009\00\00\00\05\00\00\00Region starts at null pointer\00\00\00\a4\02\10\00\1d\00\00\00t\02\10\00 \00\00\00?\00\00\00\05")
  (@custom "baals.instrumented" (after data) "baals-instrument 0.1.0\0apolicy 1d5d12b5f66d800cfcd7e65f6bfc5e6ee890ef92265b749dbdd2df02e1f526a5\0a")
  (@custom "baals.trap_write_backs" (after data) ")\04\08<8'%\19\1b5\13\06\02\0b'\07\02\0d/\08\14\0d>\19+78'%\19\1b5\13\0c\194P:,\12\19\09\01\0e\0a\03\0dE\12\0b\13?\12)\17\a3\02\17\ac\01\8b\0160\8e\01\18!!\1b\93\03&\1e\1b\0c\01\f7\03\0dR\b9\01hR2\22!\c9\01\179\12>\1bc2\1bM\16:\11\1a),\1a)\cb\01h\22\8e\01\94\010\11\1aa'Np*OH|\1eR\1e1F\14Q-3\e0\01b)an0\11\1a,o)\17H!\1bDCI](*4CX0\11\1a7\bf\07b&\1d*\0e\15K3\17\17^!\1bQ\19\179@Z!\1b0\16G0\11\1a\0f\0d\10\1f3H6!$.\15'\1a\19\17\10\08\03l8:?K5\12\11\03\106B\12\1f_3\17\17^!\1bS\1d\179\82\01!\1b0\16\17\1f{=*-34,\1c3C0\11\1a\13\03\0b3[\14\05\0f2f#[\15\03\0d2f\16\02\0dK\18\07\03I&B\87\01)\0c\1d\01\0e\1e\01\0e\1f\01\0e \01\0e!\01\0e\22\01\0e#\01\0e$\01\0e%\01\0e*\02\10\1d+\01\0e,\01\0e-\01\0e/\02\09b0\01\0b1\0a\03k\15\99\01\1d5\0d3\18\182\02\09m3\0d\0fd\97\01S+ S7/0b\c1\02\d2\014\0e\03k\17@\9c\01\148KY\1f!9\1f\83\016\05hg<fo8\03\bf\01\18\189\06>\14?C\0cC")
)
