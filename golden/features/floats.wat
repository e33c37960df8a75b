;; Refused by the production policy. Under canonicalize-nan, every arithmetic float result is
;; replaced by the canonical NaN when it is a NaN; moves (abs, neg, copysign, loads) are not.
(module
  (global $x (mut f64) (f64.const 2))
  (func (export "run")
    (global.set $x (f64.neg (f64.sqrt (f64.div (global.get $x) (f64.const 0)))))))
