;; A contract exposing every host function of ABI v1, for the runtime's tests. The input is
;; copied to 1024; results are built at 40000.
(module
  (import "env" "baals_storage_read" (func $storage_read (param i32 i32 i32 i32) (result i32)))
  (import "env" "baals_storage_write" (func $storage_write (param i32 i32 i32 i32)))
  (import "env" "baals_storage_remove" (func $storage_remove (param i32 i32)))
  (import "env" "baals_get_sender" (func $get_sender (param i32)))
  (import "env" "baals_get_contract_id" (func $get_contract_id (param i32)))
  (import "env" "baals_get_block_timestamp" (func $timestamp (result i64)))
  (import "env" "baals_get_block_index" (func $height (result i64)))
  (import "env" "baals_get_input_data" (func $input (param i32 i32) (result i32)))
  (import "env" "baals_set_return_data" (func $return (param i32 i32)))
  (import "env" "baals_get_value" (func $value (result i64)))
  (import "env" "baals_get_balance" (func $balance (result i64)))
  (import "env" "baals_transfer" (func $transfer (param i32 i64) (result i32)))
  (import "env" "baals_hash_sha256" (func $sha256 (param i32 i32 i32)))
  (import "env" "baals_verify_signature" (func $verify (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "env" "baals_call_contract" (func $call (param i32 i32 i32 i32 i32 i32 i64) (result i32)))
  (import "env" "baals_read_call_result" (func $call_result (param i32 i32) (result i32)))
  (import "env" "baals_emit_event" (func $emit (param i32 i32 i32 i32)))
  (import "env" "baals_revert" (func $revert (param i32 i32)))
  (memory (export "memory") 1 1)
  (data (i32.const 0) "before" "after" "k" "v")

  (func $read_input (result i32) (call $input (i32.const 1024) (i32.const 16384)))

  ;; Nothing: the cost of a call itself.
  (func (export "noop"))
  ;; One host call whose price is its base alone.
  (func (export "height") (drop (call $height)))

  ;; set: [key length, 1 byte][key][value]
  (func $set (export "set") (local $n i32) (local $k i32)
    (local.set $n (call $read_input))
    (local.set $k (i32.load8_u (i32.const 1024)))
    (call $storage_write (i32.const 1025) (local.get $k)
      (i32.add (i32.const 1025) (local.get $k))
      (i32.sub (i32.sub (local.get $n) (i32.const 1)) (local.get $k))))

  ;; get: [key] -> [1][value] or [0]
  (func (export "get") (local $len i32)
    (local.set $len (call $storage_read (i32.const 1024) (call $read_input) (i32.const 40001) (i32.const 16384)))
    (if (i32.eq (local.get $len) (i32.const -1))
      (then (i32.store8 (i32.const 40000) (i32.const 0)) (call $return (i32.const 40000) (i32.const 1)))
      (else (i32.store8 (i32.const 40000) (i32.const 1))
            (call $return (i32.const 40000) (i32.add (i32.const 1) (local.get $len))))))

  ;; get_capped: [key] -> [full length, 4 bytes LE][at most 2 bytes of the value]
  (func (export "get_capped") (local $len i32)
    (local.set $len (call $storage_read (i32.const 1024) (call $read_input) (i32.const 40004) (i32.const 2)))
    (i32.store (i32.const 40000) (local.get $len))
    (call $return (i32.const 40000) (i32.const 6)))

  ;; remove: [key]
  (func (export "remove") (call $storage_remove (i32.const 1024) (call $read_input)))

  ;; info -> sender, contract id, timestamp, height, value, balance
  (func (export "info")
    (call $get_sender (i32.const 40000))
    (call $get_contract_id (i32.const 40032))
    (i64.store (i32.const 40064) (call $timestamp))
    (i64.store (i32.const 40072) (call $height))
    (i64.store (i32.const 40080) (call $value))
    (i64.store (i32.const 40088) (call $balance))
    (call $return (i32.const 40000) (i32.const 96)))

  ;; input_capped -> [full input length, 4 bytes LE][at most 3 bytes of input]
  (func (export "input_capped")
    (i32.store (i32.const 40000) (call $input (i32.const 40004) (i32.const 3)))
    (call $return (i32.const 40000) (i32.const 7)))

  ;; sha: [data] -> sha256(data)
  (func (export "sha")
    (call $sha256 (i32.const 1024) (call $read_input) (i32.const 40000))
    (call $return (i32.const 40000) (i32.const 32)))

  ;; verify: [public key, 32][signature, 64][message] -> [1 or 0]
  (func (export "verify") (local $n i32)
    (local.set $n (call $read_input))
    (i32.store8 (i32.const 40000)
      (call $verify (i32.const 1024) (i32.const 32)
                    (i32.const 1120) (i32.sub (local.get $n) (i32.const 96))
                    (i32.const 1056) (i32.const 64)))
    (call $return (i32.const 40000) (i32.const 1)))

  ;; pay: [account, 32][amount, 8 bytes LE] -> [0 ok, 1 insufficient]
  (func (export "pay")
    (drop (call $read_input))
    (i32.store8 (i32.const 40000) (call $transfer (i32.const 1024) (i64.load (i32.const 1056))))
    (call $return (i32.const 40000) (i32.const 1)))

  ;; emit: [topic length, 1 byte][topic][data]
  (func (export "emit") (local $n i32) (local $t i32)
    (local.set $n (call $read_input))
    (local.set $t (i32.load8_u (i32.const 1024)))
    (call $emit (i32.const 1025) (local.get $t)
      (i32.add (i32.const 1025) (local.get $t))
      (i32.sub (i32.sub (local.get $n) (i32.const 1)) (local.get $t))))

  ;; fail: revert with the input as message
  (func (export "fail") (call $revert (i32.const 1024) (call $read_input)))
  (func (export "trap") unreachable)
  (func (export "spin") (loop $forever (br $forever)))

  ;; Writes k = v, emits an event, then fails in one of the ways a call can fail.
  (func $write_and_emit
    (call $storage_write (i32.const 11) (i32.const 1) (i32.const 12) (i32.const 1))
    (call $emit (i32.const 11) (i32.const 1) (i32.const 12) (i32.const 1)))
  (func (export "write_then_trap") (call $write_and_emit) unreachable)
  (func (export "write_then_spin") (call $write_and_emit) (loop $forever (br $forever)))
  (func (export "write_then_revert") (call $write_and_emit) (call $revert (i32.const 0) (i32.const 6)))
  (func (export "write_then_bad_pointer") (call $write_and_emit) (call $get_sender (i32.const 65535)))
  (func (export "write_then_pay_negative")
    (call $write_and_emit) (drop (call $transfer (i32.const 0) (i64.const -1))))

  ;; call: [callee id, 32][method length, 1 byte][method][payload]
  ;;   -> [status, 4 bytes LE: result length or -1][the call result]
  (func $forward (param $value i64) (local $n i32) (local $m i32) (local $len i32)
    (local.set $n (call $read_input))
    (local.set $m (i32.load8_u (i32.const 1056)))
    (i32.store (i32.const 40000)
      (call $call (i32.const 1024) (i32.const 32) (i32.const 1057) (local.get $m)
        (i32.add (i32.const 1057) (local.get $m))
        (i32.sub (i32.sub (local.get $n) (i32.const 33)) (local.get $m))
        (local.get $value)))
    (local.set $len (call $call_result (i32.const 40004) (i32.const 16384)))
    (call $return (i32.const 40000) (i32.add (i32.const 4) (local.get $len))))
  (func (export "call") (call $forward (i64.const 0)))
  ;; Emits "before", calls as `call` does, emits "after".
  (func (export "emit_around_call")
    (call $emit (i32.const 0) (i32.const 6) (i32.const 11) (i32.const 1))
    (call $forward (i64.const 0))
    (call $emit (i32.const 6) (i32.const 5) (i32.const 11) (i32.const 1)))
  (func (export "call_paying") (call $forward (i64.const 5)))
  ;; Writes "before", calls, writes "after": the callee's failure keeps both.
  (func (export "write_around_call")
    (call $storage_write (i32.const 0) (i32.const 6) (i32.const 0) (i32.const 1))
    (call $forward (i64.const 0))
    (call $storage_write (i32.const 6) (i32.const 5) (i32.const 0) (i32.const 1)))

  ;; Bad ranges: one method per host function that takes a pointer.
  (func (export "bad_storage_read") (drop (call $storage_read (i32.const 65530) (i32.const 10) (i32.const 0) (i32.const 0))))
  (func (export "bad_storage_read_out")
    (call $storage_write (i32.const 11) (i32.const 1) (i32.const 12) (i32.const 1))
    (drop (call $storage_read (i32.const 11) (i32.const 1) (i32.const 65536) (i32.const 8))))
  (func (export "bad_storage_write") (call $storage_write (i32.const 0) (i32.const 1) (i32.const -1) (i32.const 2)))
  (func (export "bad_storage_remove") (call $storage_remove (i32.const 65536) (i32.const 1)))
  (func (export "bad_get_sender") (call $get_sender (i32.const 65520)))
  (func (export "bad_get_contract_id") (call $get_contract_id (i32.const -32)))
  (func (export "bad_get_input_data") (drop (call $input (i32.const 65530) (i32.const 100))))
  (func (export "bad_set_return_data") (call $return (i32.const 65530) (i32.const 7)))
  (func (export "bad_transfer") (drop (call $transfer (i32.const 65530) (i64.const 0))))
  (func (export "bad_hash_sha256_in") (call $sha256 (i32.const 65000) (i32.const 1000) (i32.const 0)))
  (func (export "bad_hash_sha256_out") (call $sha256 (i32.const 0) (i32.const 10) (i32.const 65510)))
  (func (export "bad_verify_signature")
    (drop (call $verify (i32.const 0) (i32.const 32) (i32.const 0) (i32.const 0) (i32.const 65500) (i32.const 64))))
  (func (export "bad_call_contract")
    (drop (call $call (i32.const 65530) (i32.const 32) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i64.const 0))))
  (func (export "bad_read_call_result")
    (drop (call $call (i32.const 0) (i32.const 3) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i64.const 0)))
    (drop (call $call_result (i32.const 65530) (i32.const 100))))
  (func (export "bad_emit_event") (call $emit (i32.const 0) (i32.const 1) (i32.const -1) (i32.const 2)))
  (func (export "bad_revert") (call $revert (i32.const 65530) (i32.const 10)))

  ;; deep: recurses n levels (n: 4 bytes LE of input), with a small frame.
  (func $down (param i32) (result i32)
    (if (result i32) (local.get 0)
      (then (i32.add (i32.const 1) (call $down (i32.sub (local.get 0) (i32.const 1)))))
      (else (i32.const 0))))
  (func (export "deep") (drop (call $read_input)) (drop (call $down (i32.load (i32.const 1024)))))
)
