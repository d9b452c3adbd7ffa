// The one operation every contestant performs, and the credentials they all use. Shared so that each sends
// the same method to the same path with the same amount of header data.

export const PROJECT_ID = "7aad83af3e8d42e99ac194e8419e2c9b";
export const REGION = "cn-north-4";
export const FUNCTION_NAME = "hello";
export const FUNCTION_URN = `urn:fss:${REGION}:${PROJECT_ID}:function:default:${FUNCTION_NAME}`;
export const TOKEN = `MIIt${"x".repeat(60)}`;
export const ACCESS_KEY = "HPUABCDEFGHIJKLMNOPQ";
export const SECRET_KEY = "s3cr3tK3yThatIsFortyCharactersLong000000";

export const NCF_PREFIX = "/ncf/api/v2";
export const NCF_PACKAGE = "package001";

/** The FunctionGraph delete path as Huawei's own clients send it: the URN's colons raw. */
export function fgsPath() {
  return `/v2/${PROJECT_ID}/fgs/functions/${FUNCTION_URN}`;
}

export function ncfPathAndQuery() {
  return `${NCF_PREFIX}/packages/${NCF_PACKAGE}?platform=vpc`;
}
