#!/usr/bin/env python3
"""Delete a NAVER Cloud Functions package or a Huawei FunctionGraph function, signing from specs/auth.md.

Standard library only (hmac, hashlib, urllib). Usage:

    python3 fnapi_delete.py ncf-delete-package <packageName> [vpc|classic]
    python3 fnapi_delete.py fgs-delete-function <functionUrn>

Environment:
    FNAPI_ENDPOINT               base URL for both APIs, e.g. the emulator's http://127.0.0.1:4010
                                 (default: the real NCP Korea and Huawei cn-north-4 hosts)
    FNAPI_NCF_API                v2.1 to delete through the legacy v2.1 API (default: API v3)
    NCLOUD_ACCESS_KEY_ID, NCLOUD_SECRET_KEY                         NCP credentials
    HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID  Huawei credentials

Exit code 0 when the answer is 2xx, 1 for an API or network error (its status and body on stderr), 2 for bad usage (a missing argument
or variable). Secrets are never printed.
"""
import base64
import datetime
import hashlib
import hmac
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

EMPTY_BODY_SHA256 = hashlib.sha256(b"").hexdigest()


def env(name):
    value = os.environ.get(name)
    if not value:
        print(f"fnapi_delete: set {name}", file=sys.stderr)
        sys.exit(2)  # bad usage, as for a missing argument
    return value


def send(method, url, headers):
    request = urllib.request.Request(url, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            print(f"{method} {urllib.parse.urlsplit(url).path} -> {response.status}")
            return 0
    except urllib.error.HTTPError as error:
        body = error.read().decode("utf-8", "replace")
        print(f"{method} {urllib.parse.urlsplit(url).path} -> {error.code} {body}", file=sys.stderr)
        return 1
    except urllib.error.URLError as error:
        print(f"{method} {url} failed: {error.reason}", file=sys.stderr)
        return 1


# --- NCP API Gateway signature v2 (specs/auth.md) ---

def ncp_headers(method, request_target, access_key, secret_key):
    timestamp = str(int(time.time() * 1000))  # read the clock once: the header is the signed value
    string_to_sign = f"{method} {request_target}\n{timestamp}\n{access_key}"
    digest = hmac.new(secret_key.encode("utf-8"), string_to_sign.encode("utf-8"), hashlib.sha256).digest()
    return {
        "x-ncp-apigw-timestamp": timestamp,
        "x-ncp-iam-access-key": access_key,
        "x-ncp-apigw-signature-v2": base64.b64encode(digest).decode("ascii"),
    }


def ncf_delete_package(name, platform="vpc"):
    quoted = urllib.parse.quote(name, safe="")
    # The request target is signed byte for byte as sent: build it once and use it for both.
    if os.environ.get("FNAPI_NCF_API") == "v2.1":  # the legacy v2.1 API: its own host, prefix, lower case
        base = os.environ.get("FNAPI_ENDPOINT", "https://cloudfunctions.apigw.ntruss.com").rstrip("/")
        target = f"/ncf/api/v2/packages/{quoted}?platform={platform}"
    else:  # API v3 (specs/ncf-v3.yaml): platform is VPC or CLASSIC, upper case
        base = os.environ.get("FNAPI_ENDPOINT", "https://kr-cloudfunctions.apigw.ntruss.com").rstrip("/")
        target = f"/api/v3/packages/{quoted}?platform={platform.upper()}"
    headers = ncp_headers("DELETE", target, env("NCLOUD_ACCESS_KEY_ID"), env("NCLOUD_SECRET_KEY"))
    return send("DELETE", base + target, headers)


# --- Huawei SDK-HMAC-SHA256 (specs/auth.md) ---

def rfc3986(text):
    return urllib.parse.quote(text, safe="-_.~")


def canonical_uri(path):
    uri = "/".join(rfc3986(urllib.parse.unquote(segment)) for segment in path.split("/"))
    return uri if uri.endswith("/") else uri + "/"


def canonical_query(query):
    pairs = []
    for part in filter(None, query.split("&")):
        key, _, value = part.partition("=")
        pairs.append((rfc3986(urllib.parse.unquote(key)), rfc3986(urllib.parse.unquote(value))))
    return "&".join(f"{k}={v}" for k, v in sorted(pairs))


def huawei_sign(method, url, headers, access_key, secret_key, body=b""):
    parts = urllib.parse.urlsplit(url)
    signed = {name.lower(): value.strip() for name, value in headers.items()}
    names = sorted(signed)
    canonical_request = "\n".join([
        method,
        canonical_uri(parts.path),
        canonical_query(parts.query),
        "".join(f"{name}:{signed[name]}\n" for name in names),
        ";".join(names),
        hashlib.sha256(body).hexdigest(),
    ])
    string_to_sign = "\n".join([
        "SDK-HMAC-SHA256",
        signed["x-sdk-date"],
        hashlib.sha256(canonical_request.encode("utf-8")).hexdigest(),
    ])
    signature = hmac.new(secret_key.encode("utf-8"), string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"SDK-HMAC-SHA256 Access={access_key}, SignedHeaders={';'.join(names)}, Signature={signature}"


def fgs_delete_function(urn):
    project_id = env("HUAWEICLOUD_SDK_PROJECT_ID")
    base = os.environ.get("FNAPI_ENDPOINT", "https://functiongraph.cn-north-4.myhuaweicloud.com").rstrip("/")
    # The URN goes on the wire with its colons (and an alias's `!`) raw, as Huawei's own clients send it.
    url = f"{base}/v2/{project_id}/fgs/functions/{urllib.parse.quote(urn, safe=':!')}"
    headers = {
        "Content-Type": "application/json",
        "Host": urllib.parse.urlsplit(url).netloc,  # host[:port], what urllib sends
        "X-Project-Id": project_id,
        "X-Sdk-Date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ"),
    }
    security_token = os.environ.get("HUAWEICLOUD_SDK_SECURITY_TOKEN")
    if security_token:
        headers["X-Security-Token"] = security_token
    headers["Authorization"] = huawei_sign("DELETE", url, headers, env("HUAWEICLOUD_SDK_AK"), env("HUAWEICLOUD_SDK_SK"))
    return send("DELETE", url, headers)


def main(argv):
    if len(argv) >= 2 and argv[0] == "ncf-delete-package" and len(argv) <= 3:
        return ncf_delete_package(*argv[1:])
    if len(argv) == 2 and argv[0] == "fgs-delete-function":
        return fgs_delete_function(argv[1])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
