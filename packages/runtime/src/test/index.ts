// The test utilities the packages' tests share (`@fnapi/runtime/testing`): a path of tsconfig.base.json and
// vitest.shared.ts only, never in package.json's `exports`, so never published.
export type { paths as TestPaths } from "./paths.js";
export * from "./scripted-fetch.js";
