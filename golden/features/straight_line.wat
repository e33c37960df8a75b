;; One metering block: the entry charges everything, the stack frame is reserved and released.
(module
  (global $sum (mut i32) (i32.const 0))
  (func (export "run")
    (global.set $sum (i32.add (i32.mul (i32.const 6) (i32.const 7)) (global.get $sum)))))
