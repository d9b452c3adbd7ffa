import type { TestProject } from "vitest/node";
import { startPrism } from "./prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    ncfMockUrl: string;
    fgsMockUrl: string;
    iamMockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const [ncf, fgs, iam] = await Promise.all([
    startPrism("ncf.yaml"),
    startPrism("fgs.yaml"),
    startPrism("iam.yaml"),
  ]);
  project.provide("ncfMockUrl", ncf.url);
  project.provide("fgsMockUrl", fgs.url);
  project.provide("iamMockUrl", iam.url);
  return async () => {
    await Promise.all([ncf.stop(), fgs.stop(), iam.stop()]);
  };
}
