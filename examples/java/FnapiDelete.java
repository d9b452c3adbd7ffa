// Delete a NAVER Cloud Functions package or a Huawei FunctionGraph function, signing from specs/auth.md.
//
// JDK only (java.net.http, javax.crypto), one file, run from source (JDK 11 or later):
//
//     java examples/java/FnapiDelete.java ncf-delete-package <packageName> [vpc|classic]
//     java examples/java/FnapiDelete.java fgs-delete-function <functionUrn>
//
// Environment:
//     FNAPI_ENDPOINT        base URL for both APIs, e.g. the emulator's http://127.0.0.1:4010
//                           (default: the real NCP Korea and Huawei cn-north-4 hosts)
//     NCLOUD_ACCESS_KEY_ID, NCLOUD_SECRET_KEY                            NCP credentials
//     HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID  Huawei credentials
//     (and HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials)
//     FNAPI_TEST_VECTORS    the specs/test-vectors folder (default: found from the working directory up)
//     FNAPI_NCF_API         v2.1 deletes through the legacy v2.1 API (default: API v3)
//
// Before sending anything it signs every vector of specs/test-vectors and compares the result.
// Exit code 0 when the answer is 2xx, 1 for an API or network error (its status and body on stderr) or a
// signing vector that does not match, 2 for bad usage (a missing argument or variable). Secrets are never
// printed.

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class FnapiDelete {
  static final String USAGE =
      "usage: java FnapiDelete.java ncf-delete-package <packageName> [vpc|classic]\n"
          + "       java FnapiDelete.java fgs-delete-function <functionUrn>\n"
          + "environment: FNAPI_ENDPOINT, NCLOUD_ACCESS_KEY_ID, NCLOUD_SECRET_KEY, HUAWEICLOUD_SDK_AK,\n"
          + "  HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID (HUAWEICLOUD_SDK_SECURITY_TOKEN)\n"
          + "exit code: 0 done, 1 API or network error, 2 bad usage";

  /** Bad usage: exit code 2. */
  static final class UsageError extends Exception {
    UsageError(String message) {
      super(message);
    }
  }

  public static void main(String[] args) {
    int code;
    try {
      code = run(args);
    } catch (UsageError error) {
      System.err.println("fnapi-delete: " + error.getMessage());
      code = 2;
    }
    System.exit(code);
  }

  static int run(String[] args) throws UsageError {
    boolean ncf = args.length >= 2 && args.length <= 3 && args[0].equals("ncf-delete-package");
    boolean fgs = args.length == 2 && args[0].equals("fgs-delete-function");
    if (!ncf && !fgs) {
      System.err.println(USAGE);
      return 2;
    }
    if (ncf && args.length == 3 && !args[2].equals("vpc") && !args[2].equals("classic"))
      throw new UsageError("the platform is \"" + args[2] + "\"; it must be vpc or classic");
    int failed = checkVectors();
    if (failed > 0) return 1;
    return ncf ? ncfDeletePackage(args[1], args.length == 3 ? args[2] : "vpc") : fgsDeleteFunction(args[1]);
  }

  static String env(String name) throws UsageError {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) throw new UsageError("set " + name);
    return value;
  }

  static String endpoint(String fallback) {
    String value = System.getenv("FNAPI_ENDPOINT");
    String base = value == null || value.isEmpty() ? fallback : value;
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  static int send(String method, String url, Map<String, String> headers) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody());
    // Host is set by java.net.http from the URL (host[:port]): the value that was signed.
    headers.forEach((name, value) -> {
      if (!name.equalsIgnoreCase("host")) request.header(name, value);
    });
    String path = URI.create(url).getRawPath();
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 == 2) {
        System.out.println(method + " " + path + " -> " + response.statusCode());
        return 0;
      }
      System.err.println(method + " " + path + " -> " + response.statusCode() + " " + response.body());
      return 1;
    } catch (IOException error) {
      System.err.println(method + " " + url + " failed: " + error);
      return 1;
    } catch (InterruptedException error) {
      Thread.currentThread().interrupt();
      System.err.println(method + " " + url + " interrupted");
      return 1;
    }
  }

  // --- primitives ---

  static byte[] hmacSha256(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (Exception error) {
      throw new IllegalStateException("HmacSHA256 is not available", error);
    }
  }

  static String sha256Hex(byte[] data) {
    try {
      return hex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (Exception error) {
      throw new IllegalStateException("SHA-256 is not available", error);
    }
  }

  static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) out.append(String.format("%02x", b & 0xff));
    return out.toString();
  }

  /** RFC 3986: keep A-Z a-z 0-9 - _ . ~, write every other UTF-8 byte as %XX (upper-case hex). */
  static String rfc3986(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0)
        out.append(c);
      else out.append(String.format("%%%02X", b & 0xff));
    }
    return out.toString();
  }

  /** Percent-decoding (never `+` as a space); a `%` not followed by two hex digits stays as it is. */
  static String percentDecode(String text) {
    byte[] in = text.getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '%' && i + 2 < in.length && isHex(in[i + 1]) && isHex(in[i + 2])) {
        out.write(Integer.parseInt(new String(in, i + 1, 2, StandardCharsets.US_ASCII), 16));
        i += 2;
      } else out.write(in[i]);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
  }

  // --- NCP API Gateway signature v2 (specs/auth.md) ---

  /** The three headers for `method requestTarget` (the path and query exactly as sent). */
  static Map<String, String> ncpHeaders(
      String method, String requestTarget, String timestamp, String accessKey, String secretKey) {
    String stringToSign = method + " " + requestTarget + "\n" + timestamp + "\n" + accessKey;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-ncp-apigw-timestamp", timestamp);
    headers.put("x-ncp-iam-access-key", accessKey);
    headers.put("x-ncp-apigw-signature-v2", Base64.getEncoder().encodeToString(hmacSha256(secretKey, stringToSign)));
    return headers;
  }

  static int ncfDeletePackage(String name, String platform) throws UsageError {
    String accessKey = env("NCLOUD_ACCESS_KEY_ID");
    String secretKey = env("NCLOUD_SECRET_KEY");
    // Signed byte for byte as sent: one request target for both.
    // API v3 (specs/ncf-v3.yaml): platform is VPC or CLASSIC, upper case.
    String base = endpoint("https://kr-cloudfunctions.apigw.ntruss.com");
    String target = "/api/v3/packages/" + rfc3986(name) + "?platform=" + platform.toUpperCase(java.util.Locale.ROOT);
    if ("v2.1".equals(System.getenv("FNAPI_NCF_API"))) { // the legacy v2.1 API: its own host and prefix, lower case
      base = endpoint("https://cloudfunctions.apigw.ntruss.com");
      target = "/ncf/api/v2/packages/" + rfc3986(name) + "?platform=" + platform;
    }
    String timestamp = Long.toString(System.currentTimeMillis()); // read once: the header is the signed value
    return send("DELETE", base + target, ncpHeaders("DELETE", target, timestamp, accessKey, secretKey));
  }

  // --- Huawei SDK-HMAC-SHA256 (specs/auth.md) ---

  static String canonicalUri(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/", -1)) segments.add(rfc3986(percentDecode(segment)));
    String uri = String.join("/", segments);
    return uri.endsWith("/") ? uri : uri + "/";
  }

  static String canonicalQuery(String rawQuery) {
    List<String[]> pairs = new ArrayList<>();
    if (rawQuery != null) {
      for (String part : rawQuery.split("&")) {
        if (part.isEmpty()) continue;
        int eq = part.indexOf('=');
        String key = eq < 0 ? part : part.substring(0, eq);
        String value = eq < 0 ? "" : part.substring(eq + 1);
        pairs.add(new String[] {rfc3986(percentDecode(key)), rfc3986(percentDecode(value))});
      }
    }
    // Byte order: the encoded strings are ASCII, so String order is byte order.
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    List<String> joined = new ArrayList<>();
    for (String[] pair : pairs) joined.add(pair[0] + "=" + pair[1]);
    return String.join("&", joined);
  }

  /** The Authorization header for a request whose headers to sign (X-Sdk-Date included) are given. */
  static String huaweiAuthorization(
      String method, String url, Map<String, String> headers, byte[] body, String accessKey, String secretKey) {
    URI uri = URI.create(url);
    TreeMap<String, String> signed = new TreeMap<>();
    headers.forEach((name, value) -> signed.put(name.toLowerCase(java.util.Locale.ROOT), value.trim()));
    StringBuilder canonicalHeaders = new StringBuilder();
    signed.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value).append('\n'));
    String signedHeaders = String.join(";", signed.keySet());
    String canonicalRequest =
        String.join(
            "\n",
            method,
            canonicalUri(uri.getRawPath()),
            canonicalQuery(uri.getRawQuery()),
            canonicalHeaders.toString(),
            signedHeaders,
            sha256Hex(body));
    String stringToSign =
        "SDK-HMAC-SHA256\n"
            + signed.get("x-sdk-date")
            + "\n"
            + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    String signature = hex(hmacSha256(secretKey, stringToSign));
    return "SDK-HMAC-SHA256 Access=" + accessKey + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
  }

  static int fgsDeleteFunction(String urn) throws UsageError {
    String projectId = env("HUAWEICLOUD_SDK_PROJECT_ID");
    String accessKey = env("HUAWEICLOUD_SDK_AK");
    String secretKey = env("HUAWEICLOUD_SDK_SK");
    String base = endpoint("https://functiongraph.cn-north-4.myhuaweicloud.com");
    // The URN goes on the wire with its colons (and an alias's `!`) raw, as Huawei's own clients send it;
    // anything else is encoded.
    StringBuilder wireUrn = new StringBuilder();
    for (String piece : urn.split(":", -1)) {
      if (wireUrn.length() > 0) wireUrn.append(':');
      wireUrn.append(rfc3986(piece).replace("%21", "!"));
    }
    String url = base + "/v2/" + rfc3986(projectId) + "/fgs/functions/" + wireUrn;
    URI parsed = URI.create(url);
    String host = parsed.getPort() < 0 ? parsed.getHost() : parsed.getHost() + ":" + parsed.getPort();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Host", host);
    headers.put("X-Project-Id", projectId);
    headers.put(
        "X-Sdk-Date",
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")));
    String securityToken = System.getenv("HUAWEICLOUD_SDK_SECURITY_TOKEN");
    if (securityToken != null && !securityToken.isEmpty()) headers.put("X-Security-Token", securityToken);
    headers.put("Authorization", huaweiAuthorization("DELETE", url, headers, new byte[0], accessKey, secretKey));
    return send("DELETE", url, headers);
  }

  // --- the test vectors (specs/test-vectors), checked before anything is sent ---

  static Path vectorsFolder() throws UsageError {
    String given = System.getenv("FNAPI_TEST_VECTORS");
    if (given != null && !given.isEmpty()) {
      Path folder = Path.of(given);
      if (Files.isDirectory(folder)) return folder;
      throw new UsageError("FNAPI_TEST_VECTORS is " + given + ", which is not a folder; set it to specs/test-vectors");
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path folder = dir.resolve("specs").resolve("test-vectors");
      if (Files.isRegularFile(folder.resolve("ncp-signature-v2.json"))) return folder;
    }
    throw new UsageError(
        "specs/test-vectors not found from the working directory up; run from the repository or set FNAPI_TEST_VECTORS");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> vectors(Path file) throws UsageError {
    try {
      Map<String, Object> document = (Map<String, Object>) new Json(Files.readString(file)).value();
      return (List<Map<String, Object>>) document.get("vectors");
    } catch (IOException | RuntimeException error) {
      throw new UsageError("cannot read " + file + ": " + error.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  static int checkVectors() throws UsageError {
    Path folder = vectorsFolder();
    int failed = 0;
    int checked = 0;
    for (Map<String, Object> vector : vectors(folder.resolve("ncp-signature-v2.json"))) {
      Map<String, Object> input = (Map<String, Object>) vector.get("input");
      Map<String, Object> credentials = (Map<String, Object>) input.get("credentials");
      URI uri = URI.create((String) input.get("url"));
      String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      Map<String, String> got =
          ncpHeaders(
              (String) input.get("method"),
              target,
              (String) input.get("timestamp"),
              (String) credentials.get("accessKey"),
              (String) credentials.get("secretKey"));
      Map<String, Object> want = (Map<String, Object>) ((Map<String, Object>) vector.get("expected")).get("headers");
      failed += compare((String) vector.get("id"), want, got);
      checked++;
    }
    for (Map<String, Object> vector : vectors(folder.resolve("huawei-sdk-hmac-sha256.json"))) {
      Map<String, Object> input = (Map<String, Object>) vector.get("input");
      Map<String, Object> credentials = (Map<String, Object>) input.get("credentials");
      Map<String, String> headers = new LinkedHashMap<>();
      ((Map<String, Object>) input.get("headers")).forEach((name, value) -> headers.put(name, (String) value));
      headers.put("X-Sdk-Date", (String) input.get("time"));
      Map<String, String> got = new LinkedHashMap<>();
      got.put("X-Sdk-Date", (String) input.get("time"));
      Object token = credentials.get("securityToken");
      if (token != null) {
        headers.put("X-Security-Token", (String) token);
        got.put("X-Security-Token", (String) token);
      }
      got.put(
          "Authorization",
          huaweiAuthorization(
              (String) input.get("method"),
              (String) input.get("url"),
              headers,
              ((String) input.get("body")).getBytes(StandardCharsets.UTF_8),
              (String) credentials.get("accessKey"),
              (String) credentials.get("secretKey")));
      Map<String, Object> want = (Map<String, Object>) ((Map<String, Object>) vector.get("expected")).get("headers");
      failed += compare((String) vector.get("id"), want, got);
      checked++;
    }
    if (failed == 0) System.err.println("fnapi-delete: " + checked + " signing vectors of specs/test-vectors match");
    return failed;
  }

  static int compare(String id, Map<String, Object> want, Map<String, String> got) {
    for (Map.Entry<String, Object> header : want.entrySet()) {
      String value = got.get(header.getKey());
      if (!header.getValue().equals(value)) {
        // The vectors' secrets are published examples; the header names are enough to debug.
        System.err.println("fnapi-delete: signing vector " + id + ": " + header.getKey() + " differs");
        return 1;
      }
    }
    return 0;
  }

  /** Just enough JSON for the vector files: objects, arrays, strings, numbers, true, false, null. */
  static final class Json {
    private final String text;
    private int at;

    Json(String text) {
      this.text = text;
    }

    Object value() {
      skipSpace();
      char c = text.charAt(at);
      if (c == '{') return object();
      if (c == '[') return array();
      if (c == '"') return string();
      if (text.startsWith("true", at)) return literal("true", Boolean.TRUE);
      if (text.startsWith("false", at)) return literal("false", Boolean.FALSE);
      if (text.startsWith("null", at)) return literal("null", null);
      int start = at;
      while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) at++;
      if (start == at) throw new IllegalArgumentException("unexpected " + c + " at " + at);
      return Double.parseDouble(text.substring(start, at));
    }

    private Object literal(String word, Object result) {
      at += word.length();
      return result;
    }

    private Map<String, Object> object() {
      Map<String, Object> out = new LinkedHashMap<>();
      at++;
      skipSpace();
      if (text.charAt(at) == '}') {
        at++;
        return out;
      }
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        out.put(key, value());
        skipSpace();
        if (text.charAt(at) == ',') at++;
        else {
          expect('}');
          return out;
        }
      }
    }

    private List<Object> array() {
      List<Object> out = new ArrayList<>();
      at++;
      skipSpace();
      if (text.charAt(at) == ']') {
        at++;
        return out;
      }
      while (true) {
        out.add(value());
        skipSpace();
        if (text.charAt(at) == ',') at++;
        else {
          expect(']');
          return out;
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = text.charAt(at++);
        if (c == '"') return out.toString();
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = text.charAt(at++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> out.append(e); // \" \\ \/
        }
      }
    }

    private void expect(char c) {
      if (text.charAt(at) != c) throw new IllegalArgumentException("expected " + c + " at " + at);
      at++;
    }

    private void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
    }
  }
}
