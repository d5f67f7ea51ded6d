#!/usr/bin/env bash
# Drives every path an order can take through a running Seams and prints what happened.
#
#   ./mvnw spring-boot:run -Dspring-boot.run.arguments=--seams.orders.confirmation-timeout=PT20S
#   bash docs/demo.sh            # in a second terminal; SEAMS_URL=http://host:port to point elsewhere
#
# Needs bash and curl only. The short confirmation timeout lets the timeout path finish in the demo.
# Ada (a demo customer) places and cancels her orders; Sam (staff) ships them and reads any order.
set -euo pipefail
BASE=${SEAMS_URL:-http://localhost:8080}
ACCOUNTS=${SEAMS_ACCOUNTS:-.seams/demo-accounts}

token() { curl -fsS -u "$1:$(cat "$ACCOUNTS/$1")" -d grant_type=client_credentials "$BASE/oauth2/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }

field() { local value; value=$(sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p" | head -1); printf '%s\n' "$value"; }
ada() { curl -fsS -H "Authorization: Bearer $ADA" "$@"; }
staff() { curl -fsS -H "Authorization: Bearer $SAM" "$@"; }
order() { staff "$BASE/api/orders/$1"; }
status() { order "$1" | field status; }
place() { ada -X POST "$BASE/api/orders" -H 'Content-Type: application/json' "${@:2}" -d "$1" | field id; }
steps() { staff "$BASE/api/orders/$1/timeline" | grep -o '"step":"[A-Z_]*"' | cut -d'"' -f4 | paste -sd' ' -; }
shipment() { staff "$BASE/api/shipments?orderId=$1" | field id; }
await() { # order status [seconds]
  local deadline=$(( $(date +%s) + ${3:-15} ))
  until [ "$(status "$1")" = "$2" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "  !! order $1 is $(status "$1"), expected $2" >&2; exit 1; }
    sleep 0.2
  done
}
await_shipment() {
  local deadline=$(( $(date +%s) + 15 ))
  until [ -n "$(shipment "$1")" ]; do [ "$(date +%s)" -lt "$deadline" ] || exit 1; sleep 0.2; done
}
show() { echo "  order $1: $(status "$1")"; echo "  timeline: $(steps "$1")"; }
section() { echo; echo "== $1"; }

curl -fsS -o /dev/null "$BASE/actuator/health" || { echo "Seams is not answering at $BASE; start it with ./mvnw spring-boot:run"; exit 1; }
ADA=$(token ada); SAM=$(token sam)

section "Happy path: placed, reserved, paid, confirmed, dispatched, delivered"
id=$(place '{"lines":[{"sku":"MUG-CLASSIC","quantity":2},{"sku":"TEE-LOGO-M","quantity":1}]}')
await "$id" CONFIRMED; await_shipment "$id"
ship=$(shipment "$id")
staff -o /dev/null -X POST "$BASE/api/shipments/$ship/dispatch" -H 'Content-Type: application/json' \
  -d '{"carrier":"DHL","trackingNumber":"JD014600006281230704"}'
await "$id" SHIPPED
staff -o /dev/null -X POST "$BASE/api/shipments/$ship/deliver"
await "$id" DELIVERED; show "$id"

section "Out of stock: rejected, nothing reserved or charged"
id=$(place '{"lines":[{"sku":"HOODIE-L","quantity":3}]}')
await "$id" REJECTED; show "$id"

section "Payment declined (token tok_decline): cancelled, stock released"
id=$(place '{"paymentToken":"tok_decline","lines":[{"sku":"BOTTLE-STEEL","quantity":1}]}')
await "$id" CANCELLED; show "$id"

section "Flaky gateway (token tok_flaky): fails twice, retried, paid once"
id=$(place '{"paymentToken":"tok_flaky","lines":[{"sku":"NOTEBOOK-A5","quantity":1}]}')
await "$id" CONFIRMED; show "$id"

section "Customer cancels before dispatch: refunded, released, shipment cancelled"
id=$(place '{"lines":[{"sku":"STICKER-PACK","quantity":5}]}')
await "$id" CONFIRMED; await_shipment "$id"
ada -o /dev/null -X POST "$BASE/api/orders/$id/cancel"
await "$id" CANCELLED; sleep 1; show "$id"

section "Customer cancels after dispatch: refused with 409"
id=$(place '{"lines":[{"sku":"MUG-CLASSIC","quantity":1}]}')
await "$id" CONFIRMED; await_shipment "$id"
staff -o /dev/null -X POST "$BASE/api/shipments/$(shipment "$id")/dispatch" -H 'Content-Type: application/json' \
  -d '{"carrier":"UPS","trackingNumber":"1Z999"}'
await "$id" SHIPPED
echo "  cancel answered: $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ADA" -X POST "$BASE/api/orders/$id/cancel")"; show "$id"

section "Idempotent retry: the same Idempotency-Key ten times, one order"
key="demo-$(date +%s%N)"
ids=$(for _ in $(seq 1 10); do place '{"lines":[{"sku":"NOTEBOOK-A5","quantity":2}]}' -H "Idempotency-Key: $key"; done | sort -u)
echo "  distinct orders: $(echo "$ids" | wc -l)"; await "$ids" CONFIRMED; show "$ids"

section "Timeout (token tok_unavailable): not confirmed in time, cancelled and compensated"
id=$(place '{"paymentToken":"tok_unavailable","lines":[{"sku":"TEE-LOGO-M","quantity":1}]}')
await "$id" RESERVED
echo "  waiting for seams.orders.confirmation-timeout (start the app with PT20S for this demo) ..."
await "$id" CANCELLED 60; sleep 1; show "$id"

section "Erasure: register, order, erase; the order stays, the person is gone"
customer=$(staff -X POST "$BASE/api/customers" -H 'Content-Type: application/json' \
  -d '{"name":"Grace Hopper","email":"grace@navy.example","address":{"street":"1 Compiler Lane","postalCode":"20301","city":"Arlington","country":"US"}}' | field id)
id=$(staff -X POST "$BASE/api/orders" -H 'Content-Type: application/json' \
  -d "{\"customerId\":\"$customer\",\"lines\":[{\"sku\":\"MUG-CLASSIC\",\"quantity\":1}]}" | field id)
await "$id" CONFIRMED
staff -o /dev/null -X POST "$BASE/api/customers/$customer/erasure"; sleep 1
echo "  customer: $(staff "$BASE/api/customers/$customer")"
echo "  order ships to: $(order "$id" | sed -n 's/.*"shipTo":\({[^}]*}\).*/\1/p')"

echo; echo "Mail went to the embedded SMTP server; every step above is also in the log."
