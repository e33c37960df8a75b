;; Size-dependent memory instructions are charged per page or byte before they run. The memory
;; declares no maximum: it gets the policy's.
(module
  (memory (export "memory") 1)
  (data $greeting "hello, world")
  (func (export "run")
    (drop (memory.grow (i32.const 1)))
    (memory.fill (i32.const 0) (i32.const 42) (i32.const 64))
    (memory.copy (i32.const 64) (i32.const 0) (i32.const 32))
    (memory.init $greeting (i32.const 128) (i32.const 0) (i32.const 12))
    (data.drop $greeting)))
