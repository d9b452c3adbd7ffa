#!/usr/bin/env bash
# Delete a NAVER Cloud Functions package or a Huawei FunctionGraph function with curl and openssl, signing
# from specs/auth.md.
#
#   examples/curl/fnapi-delete.sh ncf-delete-package <packageName> [vpc|classic]
#   examples/curl/fnapi-delete.sh fgs-delete-function <functionUrn>
#
# Environment: FNAPI_ENDPOINT (e.g. the emulator's http://127.0.0.1:4010; default: the real NCP Korea and
# Huawei cn-north-4 hosts), NCLOUD_ACCESS_KEY_ID, NCLOUD_SECRET_KEY, HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK,
# HUAWEICLOUD_SDK_PROJECT_ID (and HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials), FNAPI_NCF_API
# (v2.1 deletes through the legacy v2.1 API; the default is API v3).
# Exit code 0 on a 2xx answer, 1 for an API or network error, 2 for bad usage (a missing argument or
# variable). Secrets are never printed.
set -euo pipefail
export LC_ALL=C

# The comment block at the top of this file, without its "# ", and nothing after it.
usage() { sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$0" >&2; exit 2; }

need() { [ -n "${!1:-}" ] || { echo "fnapi-delete: set $1" >&2; exit 2; }; }

# RFC 3986: keep A-Z a-z 0-9 - _ . ~, write every other byte as %XX (upper-case hex).
rfc3986() {
  local text="$1" out="" i c
  for ((i = 0; i < ${#text}; i++)); do
    c="${text:i:1}"
    case "$c" in
      [A-Za-z0-9._~-]) out+="$c" ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}

# Sends the request; prints "METHOD path -> status" and the body of an error on stderr.
send() {
  local method="$1" url="$2"; shift 2
  local out status
  out=$(mktemp)
  status=$(curl -sS -g -o "$out" -w '%{http_code}' -X "$method" "$@" "$url") || { rm -f "$out"; exit 1; }
  if [[ "$status" == 2* ]]; then
    echo "$method /${url#*//*/} -> $status"
    rm -f "$out"
  else
    echo "$method /${url#*//*/} -> $status $(cat "$out")" >&2
    rm -f "$out"
    exit 1
  fi
}

ncf_delete_package() {
  need NCLOUD_ACCESS_KEY_ID; need NCLOUD_SECRET_KEY
  local name="$1" platform="${2:-vpc}" base target
  # Signed byte for byte as sent: one request target for both.
  if [ "${FNAPI_NCF_API:-v3}" = v2.1 ]; then # the legacy v2.1 API: its own host and prefix, lower case
    base="${FNAPI_ENDPOINT:-https://cloudfunctions.apigw.ntruss.com}"
    target="/ncf/api/v2/packages/$(rfc3986 "$name")?platform=$platform"
  else # API v3 (specs/ncf-v3.yaml): platform is VPC or CLASSIC, upper case
    base="${FNAPI_ENDPOINT:-https://kr-cloudfunctions.apigw.ntruss.com}"
    target="/api/v3/packages/$(rfc3986 "$name")?platform=$(printf '%s' "$platform" | tr '[:lower:]' '[:upper:]')"
  fi
  base="${base%/}"
  local timestamp signature
  timestamp=$(date +%s%3N) # milliseconds, read once
  signature=$(printf '%s %s\n%s\n%s' DELETE "$target" "$timestamp" "$NCLOUD_ACCESS_KEY_ID" |
    openssl dgst -sha256 -hmac "$NCLOUD_SECRET_KEY" -binary | openssl base64 -A)
  send DELETE "$base$target" \
    -H "x-ncp-apigw-timestamp: $timestamp" \
    -H "x-ncp-iam-access-key: $NCLOUD_ACCESS_KEY_ID" \
    -H "x-ncp-apigw-signature-v2: $signature"
}

fgs_delete_function() {
  need HUAWEICLOUD_SDK_AK; need HUAWEICLOUD_SDK_SK; need HUAWEICLOUD_SDK_PROJECT_ID
  local urn="$1" project="$HUAWEICLOUD_SDK_PROJECT_ID"
  local base="${FNAPI_ENDPOINT:-https://functiongraph.cn-north-4.myhuaweicloud.com}"
  base="${base%/}"
  local host="${base#*://}"
  host="${host%%/*}" # host[:port], what curl sends
  # On the wire the URN keeps its colons and `!` raw; in the canonical URI every segment is RFC 3986-encoded.
  local path="/v2/$project/fgs/functions/$urn"
  local canonical_uri="/v2/$(rfc3986 "$project")/fgs/functions/$(rfc3986 "$urn")/"
  local date
  date=$(date -u +%Y%m%dT%H%M%SZ)
  local names="content-type;host;x-project-id;x-sdk-date"
  local headers="content-type:application/json"$'\n'"host:$host"$'\n'"x-project-id:$project"$'\n'"x-sdk-date:$date"$'\n'
  local extra=()
  if [ -n "${HUAWEICLOUD_SDK_SECURITY_TOKEN:-}" ]; then
    names+=";x-security-token"
    headers+="x-security-token:$HUAWEICLOUD_SDK_SECURITY_TOKEN"$'\n'
    extra=(-H "X-Security-Token: $HUAWEICLOUD_SDK_SECURITY_TOKEN")
  fi
  local empty_body_sha256="e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
  local canonical_request="DELETE"$'\n'"$canonical_uri"$'\n'$'\n'"$headers"$'\n'"$names"$'\n'"$empty_body_sha256"
  local hash signature
  hash=$(printf '%s' "$canonical_request" | openssl dgst -sha256 -r | cut -d' ' -f1)
  signature=$(printf 'SDK-HMAC-SHA256\n%s\n%s' "$date" "$hash" | openssl dgst -sha256 -hmac "$HUAWEICLOUD_SDK_SK" -r | cut -d' ' -f1)
  send DELETE "$base$path" \
    -H "Content-Type: application/json" \
    -H "X-Project-Id: $project" \
    -H "X-Sdk-Date: $date" \
    "${extra[@]}" \
    -H "Authorization: SDK-HMAC-SHA256 Access=$HUAWEICLOUD_SDK_AK, SignedHeaders=$names, Signature=$signature"
}

case "${1:-}" in
  ncf-delete-package) [ $# -ge 2 ] && [ $# -le 3 ] || usage; ncf_delete_package "${@:2}" ;;
  fgs-delete-function) [ $# -eq 2 ] || usage; fgs_delete_function "$2" ;;
  *) usage ;;
esac
