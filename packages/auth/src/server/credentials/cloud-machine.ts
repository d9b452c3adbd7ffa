import { builtin } from "../builtin.js";

// Whether this machine says it is a cloud's server, from its DMI data alone (Linux `/sys/class/dmi/id/*`;
// reading a local file sends nothing). The prior art is Google's auth libraries, which check the DMI product
// name before they ping their metadata server. Which strings Huawei's and NAVER's servers report is not
// documented by either vendor: `HUAWEICLOUD` as the chassis asset tag is what cloud-init's ds-identify
// matches for Huawei's OpenStack; NAVER's are unconfirmed (we match `naver`/`ncloud` anywhere).
// docs/decisions/0015 records this; when in doubt the user asks for the metadata explicitly.

const FIELDS = ["sys_vendor", "product_name", "chassis_asset_tag", "chassis_vendor", "board_vendor"] as const;

/** Reads one DMI field; injectable for tests. */
export type DmiReader = (field: string) => string | undefined;

/** Linux `/sys/class/dmi/id/<field>`, or undefined. */
export const linuxDmi: DmiReader = (name) => {
  try {
    return builtin<typeof import("node:fs")>("node:fs")
      .readFileSync(`/sys/class/dmi/id/${name}`, "utf8")
      .trim();
  } catch {
    return undefined; // not Linux, no DMI, or not readable: not known to be a cloud server
  }
};

function says(dmi: DmiReader, pattern: RegExp): boolean {
  return FIELDS.some((field) => pattern.test(dmi(field) ?? ""));
}

/** Whether the machine's DMI data says Huawei Cloud (reads local files only; sends nothing). */
export const isHuaweiCloudServer = (dmi: DmiReader = linuxDmi) => says(dmi, /huawei/i);
/** Whether the machine's DMI data says NAVER Cloud (reads local files only; sends nothing). UNCONFIRMED strings. */
export const isNaverCloudServer = (dmi: DmiReader = linuxDmi) => says(dmi, /naver|ncloud/i);

/** A yes/no variable: `true`/`1`/`yes`/`on`, `false`/`0`/`no`/`off`, or unset/anything else. */
/** A yes/no variable. */
export function flag(value: string | undefined): boolean | undefined {
  const v = value?.trim().toLowerCase();
  if (v === "true" || v === "1" || v === "yes" || v === "on") return true;
  if (v === "false" || v === "0" || v === "no" || v === "off") return false;
  return undefined;
}
