// Command fnapi-delete deletes a NAVER Cloud Functions package or a Huawei FunctionGraph function, signing
// from specs/auth.md. Standard library only (Go 1.19 or later):
//
//	cd examples/go && go build -o /tmp/fnapi-delete .
//	/tmp/fnapi-delete ncf-delete-package <packageName> [vpc|classic]
//	/tmp/fnapi-delete fgs-delete-function <functionUrn>
//
// (`go run .` works too, but go run turns every non-zero exit code into 1.)
//
// Environment:
//
//	FNAPI_ENDPOINT        base URL for both APIs, e.g. the emulator's http://127.0.0.1:4010
//	                      (default: the real NCP Korea and Huawei cn-north-4 hosts)
//	NCLOUD_ACCESS_KEY_ID, NCLOUD_SECRET_KEY                            NCP credentials
//	HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID  Huawei credentials
//	(and HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials)
//	FNAPI_TEST_VECTORS    the specs/test-vectors folder (default: found from the working directory up)
//	FNAPI_NCF_API         v2.1 deletes through the legacy v2.1 API (default: API v3)
//
// Before sending anything it signs every vector of specs/test-vectors and compares the result.
// Exit code 0 when the answer is 2xx, 1 for an API or network error (its status and body on stderr) or a
// signing vector that does not match, 2 for bad usage (a missing argument or variable). Secrets are never
// printed.
package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

const usage = `usage: fnapi-delete ncf-delete-package <packageName> [vpc|classic]
       fnapi-delete fgs-delete-function <functionUrn>
environment: FNAPI_ENDPOINT, NCLOUD_ACCESS_KEY_ID, NCLOUD_SECRET_KEY, HUAWEICLOUD_SDK_AK,
  HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID (HUAWEICLOUD_SDK_SECURITY_TOKEN)
exit code: 0 done, 1 API or network error, 2 bad usage`

// usageError is bad usage: exit code 2.
type usageError struct{ message string }

func (e usageError) Error() string { return e.message }

func main() {
	code, err := run(os.Args[1:])
	var bad usageError
	if errors.As(err, &bad) {
		fmt.Fprintln(os.Stderr, "fnapi-delete: "+bad.message)
		code = 2
	}
	os.Exit(code)
}

func run(args []string) (int, error) {
	ncf := len(args) >= 2 && len(args) <= 3 && args[0] == "ncf-delete-package"
	fgs := len(args) == 2 && args[0] == "fgs-delete-function"
	if !ncf && !fgs {
		fmt.Fprintln(os.Stderr, usage)
		return 2, nil
	}
	platform := "vpc"
	if ncf && len(args) == 3 {
		platform = args[2]
		if platform != "vpc" && platform != "classic" {
			return 2, usageError{fmt.Sprintf("the platform is %q; it must be vpc or classic", platform)}
		}
	}
	failed, err := checkVectors()
	if err != nil {
		return 2, err
	}
	if failed > 0 {
		return 1, nil
	}
	if ncf {
		return ncfDeletePackage(args[1], platform)
	}
	return fgsDeleteFunction(args[1])
}

func env(name string) (string, error) {
	value := os.Getenv(name)
	if value == "" {
		return "", usageError{"set " + name}
	}
	return value, nil
}

func endpoint(fallback string) string {
	base := os.Getenv("FNAPI_ENDPOINT")
	if base == "" {
		base = fallback
	}
	return strings.TrimSuffix(base, "/")
}

// send sends a request without a body; the URL's path and query are sent exactly as given.
func send(method, rawURL string, headers [][2]string) int {
	u, err := url.Parse(rawURL)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s %s: %v\n", method, rawURL, err)
		return 1
	}
	path := u.EscapedPath()
	request, err := http.NewRequest(method, rawURL, nil)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s %s: %v\n", method, rawURL, err)
		return 1
	}
	// Sent exactly as signed: no re-encoding of the path (the URN's `:` and `!` stay raw).
	request.URL.Opaque, request.URL.RawQuery, _ = strings.Cut(rawPath(rawURL), "?")
	for _, h := range headers {
		if strings.EqualFold(h[0], "host") {
			continue // net/http sends the URL's host[:port]: the value that was signed
		}
		request.Header.Set(h[0], h[1])
	}
	client := &http.Client{
		Timeout:       30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	response, err := client.Do(request)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s %s failed: %v\n", method, rawURL, err)
		return 1
	}
	defer response.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(response.Body, 64*1024))
	if response.StatusCode/100 == 2 {
		fmt.Printf("%s %s -> %d\n", method, path, response.StatusCode)
		return 0
	}
	fmt.Fprintf(os.Stderr, "%s %s -> %d %s\n", method, path, response.StatusCode, body)
	return 1
}

// rawPath is the path and query of a URL exactly as written (no re-encoding).
func rawPath(rawURL string) string {
	rest := rawURL[strings.Index(rawURL, "://")+3:]
	if i := strings.Index(rest, "/"); i >= 0 {
		return rest[i:]
	}
	return "/"
}

// --- primitives ---

func hmacSHA256(key, data string) []byte {
	mac := hmac.New(sha256.New, []byte(key))
	mac.Write([]byte(data))
	return mac.Sum(nil)
}

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// rfc3986 keeps A-Z a-z 0-9 - _ . ~ and writes every other UTF-8 byte as %XX (upper-case hex).
func rfc3986(text string) string {
	var out strings.Builder
	for _, b := range []byte(text) {
		if (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || strings.IndexByte("-_.~", b) >= 0 {
			out.WriteByte(b)
		} else {
			fmt.Fprintf(&out, "%%%02X", b)
		}
	}
	return out.String()
}

// percentDecode never reads `+` as a space; a malformed escape leaves the text as it is.
func percentDecode(text string) string {
	decoded, err := url.PathUnescape(text)
	if err != nil {
		return text
	}
	return decoded
}

// --- NCP API Gateway signature v2 (specs/auth.md) ---

// ncpHeaders signs `method requestTarget` (the path and query exactly as sent).
func ncpHeaders(method, requestTarget, timestamp, accessKey, secretKey string) [][2]string {
	stringToSign := method + " " + requestTarget + "\n" + timestamp + "\n" + accessKey
	return [][2]string{
		{"x-ncp-apigw-timestamp", timestamp},
		{"x-ncp-iam-access-key", accessKey},
		{"x-ncp-apigw-signature-v2", base64.StdEncoding.EncodeToString(hmacSHA256(secretKey, stringToSign))},
	}
}

func ncfDeletePackage(name, platform string) (int, error) {
	accessKey, err := env("NCLOUD_ACCESS_KEY_ID")
	if err != nil {
		return 2, err
	}
	secretKey, err := env("NCLOUD_SECRET_KEY")
	if err != nil {
		return 2, err
	}
	// Signed byte for byte as sent: one request target for both.
	// API v3 (specs/ncf-v3.yaml): platform is VPC or CLASSIC, upper case.
	base := endpoint("https://kr-cloudfunctions.apigw.ntruss.com")
	target := "/api/v3/packages/" + rfc3986(name) + "?platform=" + strings.ToUpper(platform)
	if os.Getenv("FNAPI_NCF_API") == "v2.1" { // the legacy v2.1 API: its own host and prefix, lower case
		base = endpoint("https://cloudfunctions.apigw.ntruss.com")
		target = "/ncf/api/v2/packages/" + rfc3986(name) + "?platform=" + platform
	}
	timestamp := strconv.FormatInt(time.Now().UnixMilli(), 10) // read once: the header is the signed value
	return send("DELETE", base+target, ncpHeaders("DELETE", target, timestamp, accessKey, secretKey)), nil
}

// --- Huawei SDK-HMAC-SHA256 (specs/auth.md) ---

func canonicalURI(path string) string {
	segments := strings.Split(path, "/")
	for i, segment := range segments {
		segments[i] = rfc3986(percentDecode(segment))
	}
	uri := strings.Join(segments, "/")
	if !strings.HasSuffix(uri, "/") {
		uri += "/"
	}
	return uri
}

func canonicalQuery(query string) string {
	var pairs [][2]string
	for _, part := range strings.Split(query, "&") {
		if part == "" {
			continue
		}
		key, value, _ := strings.Cut(part, "=")
		pairs = append(pairs, [2]string{rfc3986(percentDecode(key)), rfc3986(percentDecode(value))})
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	joined := make([]string, len(pairs))
	for i, p := range pairs {
		joined[i] = p[0] + "=" + p[1]
	}
	return strings.Join(joined, "&")
}

// huaweiAuthorization signs the given headers (X-Sdk-Date included) of a request.
func huaweiAuthorization(method, rawURL string, headers [][2]string, body []byte, accessKey, secretKey string) string {
	target := rawPath(rawURL)
	path, query, _ := strings.Cut(target, "?")
	signed := map[string]string{}
	var names []string
	for _, h := range headers {
		name := strings.ToLower(h[0])
		if _, seen := signed[name]; !seen {
			names = append(names, name)
		}
		signed[name] = strings.TrimSpace(h[1])
	}
	sort.Strings(names)
	var canonicalHeaders strings.Builder
	for _, name := range names {
		canonicalHeaders.WriteString(name + ":" + signed[name] + "\n")
	}
	signedHeaders := strings.Join(names, ";")
	canonicalRequest := strings.Join([]string{
		method, canonicalURI(path), canonicalQuery(query), canonicalHeaders.String(), signedHeaders, sha256Hex(body),
	}, "\n")
	stringToSign := "SDK-HMAC-SHA256\n" + signed["x-sdk-date"] + "\n" + sha256Hex([]byte(canonicalRequest))
	signature := hex.EncodeToString(hmacSHA256(secretKey, stringToSign))
	return "SDK-HMAC-SHA256 Access=" + accessKey + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature
}

func fgsDeleteFunction(urn string) (int, error) {
	projectID, err := env("HUAWEICLOUD_SDK_PROJECT_ID")
	if err != nil {
		return 2, err
	}
	accessKey, err := env("HUAWEICLOUD_SDK_AK")
	if err != nil {
		return 2, err
	}
	secretKey, err := env("HUAWEICLOUD_SDK_SK")
	if err != nil {
		return 2, err
	}
	base := endpoint("https://functiongraph.cn-north-4.myhuaweicloud.com")
	// The URN goes on the wire with its colons (and an alias's `!`) raw, as Huawei's own clients send it;
	// anything else is encoded.
	pieces := strings.Split(urn, ":")
	for i, piece := range pieces {
		pieces[i] = strings.ReplaceAll(rfc3986(piece), "%21", "!")
	}
	rawURL := base + "/v2/" + rfc3986(projectID) + "/fgs/functions/" + strings.Join(pieces, ":")
	u, err := url.Parse(rawURL)
	if err != nil {
		return 2, usageError{"FNAPI_ENDPOINT is not a URL: " + err.Error()}
	}
	headers := [][2]string{
		{"Content-Type", "application/json"},
		{"Host", u.Host}, // host[:port] as written in the URL, what net/http sends
		{"X-Project-Id", projectID},
		{"X-Sdk-Date", time.Now().UTC().Format("20060102T150405Z")},
	}
	if token := os.Getenv("HUAWEICLOUD_SDK_SECURITY_TOKEN"); token != "" {
		headers = append(headers, [2]string{"X-Security-Token", token})
	}
	headers = append(headers, [2]string{"Authorization", huaweiAuthorization("DELETE", rawURL, headers, nil, accessKey, secretKey)})
	return send("DELETE", rawURL, headers), nil
}

// --- the test vectors (specs/test-vectors), checked before anything is sent ---

type vectorFile struct {
	Vectors []struct {
		ID    string `json:"id"`
		Input struct {
			Method      string            `json:"method"`
			URL         string            `json:"url"`
			Headers     map[string]string `json:"headers"`
			Body        string            `json:"body"`
			Timestamp   string            `json:"timestamp"`
			Time        string            `json:"time"`
			Credentials struct {
				AccessKey     string `json:"accessKey"`
				SecretKey     string `json:"secretKey"`
				SecurityToken string `json:"securityToken"`
			} `json:"credentials"`
		} `json:"input"`
		Expected struct {
			Headers map[string]string `json:"headers"`
		} `json:"expected"`
	} `json:"vectors"`
}

func vectorsFolder() (string, error) {
	if given := os.Getenv("FNAPI_TEST_VECTORS"); given != "" {
		if info, err := os.Stat(given); err == nil && info.IsDir() {
			return given, nil
		}
		return "", usageError{"FNAPI_TEST_VECTORS is " + given + ", which is not a folder; set it to specs/test-vectors"}
	}
	dir, err := os.Getwd()
	for err == nil {
		folder := filepath.Join(dir, "specs", "test-vectors")
		if _, statErr := os.Stat(filepath.Join(folder, "ncp-signature-v2.json")); statErr == nil {
			return folder, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return "", usageError{"specs/test-vectors not found from the working directory up; run from the repository or set FNAPI_TEST_VECTORS"}
}

func readVectors(file string) (vectorFile, error) {
	var vectors vectorFile
	data, err := os.ReadFile(file)
	if err == nil {
		err = json.Unmarshal(data, &vectors)
	}
	if err != nil {
		return vectors, usageError{"cannot read " + file + ": " + err.Error()}
	}
	return vectors, nil
}

func checkVectors() (int, error) {
	folder, err := vectorsFolder()
	if err != nil {
		return 0, err
	}
	failed, checked := 0, 0
	ncp, err := readVectors(filepath.Join(folder, "ncp-signature-v2.json"))
	if err != nil {
		return 0, err
	}
	for _, v := range ncp.Vectors {
		target := rawPath(v.Input.URL)
		got := map[string]string{}
		for _, h := range ncpHeaders(v.Input.Method, target, v.Input.Timestamp, v.Input.Credentials.AccessKey, v.Input.Credentials.SecretKey) {
			got[h[0]] = h[1]
		}
		failed += compare(v.ID, v.Expected.Headers, got)
		checked++
	}
	huawei, err := readVectors(filepath.Join(folder, "huawei-sdk-hmac-sha256.json"))
	if err != nil {
		return 0, err
	}
	for _, v := range huawei.Vectors {
		var headers [][2]string
		for name, value := range v.Input.Headers {
			headers = append(headers, [2]string{name, value})
		}
		headers = append(headers, [2]string{"X-Sdk-Date", v.Input.Time})
		got := map[string]string{"X-Sdk-Date": v.Input.Time}
		if token := v.Input.Credentials.SecurityToken; token != "" {
			headers = append(headers, [2]string{"X-Security-Token", token})
			got["X-Security-Token"] = token
		}
		got["Authorization"] = huaweiAuthorization(v.Input.Method, v.Input.URL, headers, []byte(v.Input.Body),
			v.Input.Credentials.AccessKey, v.Input.Credentials.SecretKey)
		failed += compare(v.ID, v.Expected.Headers, got)
		checked++
	}
	if failed == 0 {
		fmt.Fprintf(os.Stderr, "fnapi-delete: %d signing vectors of specs/test-vectors match\n", checked)
	}
	return failed, nil
}

func compare(id string, want, got map[string]string) int {
	for name, value := range want {
		if got[name] != value {
			// The vectors' secrets are published examples; the header names are enough to debug.
			fmt.Fprintf(os.Stderr, "fnapi-delete: signing vector %s: %s differs\n", id, name)
			return 1
		}
	}
	return 0
}
