;; Size-dependent table instructions are charged per element before they run. The table
;; declares no maximum: it gets the policy's table-elements.
(module
  (table $t 4 funcref)
  (elem $callbacks func $a $b)
  (func $a)
  (func $b)
  (func (export "run")
    (drop (table.grow $t (ref.null func) (i32.const 2)))
    (table.fill $t (i32.const 0) (ref.func $a) (i32.const 3))
    (table.copy (i32.const 3) (i32.const 0) (i32.const 2))
    (table.init $callbacks (i32.const 4) (i32.const 0) (i32.const 2))
    (elem.drop $callbacks)))
