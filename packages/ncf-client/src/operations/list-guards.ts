// The response guard of `listPackages`, in its own module: a bundle of the delete operations alone does not
// carry it. Returns what is wrong, or `undefined`; the client kit turns a problem into a ResponseBodyError
// naming the operation.

/** `PackageListResponse`: `{ content: PackageSummary[] }`, each an object with a string `name`. */
export function checkPackageList(body: unknown): string | undefined {
  const content = (body as { content?: unknown } | null)?.content;
  if (typeof body !== "object" || body === null || !Array.isArray(content)) return "has no content array";
  const index = content.findIndex(
    (p) => typeof p !== "object" || p === null || typeof (p as { name?: unknown }).name !== "string",
  );
  return index < 0 ? undefined : `has content[${index}] that is not an object with a string name`;
}
