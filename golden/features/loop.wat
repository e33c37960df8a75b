;; A loop header is a metering point with a check: gas grows linearly with iterations.
(module
  (global $n (mut i32) (i32.const 100))
  (func (export "run") (local $i i32)
    (local.set $i (global.get $n))
    (loop $continue
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (br_if $continue (local.get $i)))))
