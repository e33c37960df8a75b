;; A br_table's targets are joins; the code after it is dead and not instrumented.
(module
  (global $selector (mut i32) (i32.const 1))
  (global $out (mut i32) (i32.const 0))
  (func (export "run")
    (block $b2
      (block $b1
        (block $b0
          (br_table $b0 $b1 $b2 (global.get $selector)))
        (global.set $out (i32.const 100))
        (return))
      (global.set $out (i32.const 101))
      (return))
    (global.set $out (i32.const 102))))
