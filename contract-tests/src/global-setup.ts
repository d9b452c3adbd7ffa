import type { TestProject } from "vitest/node";
import { startPrism } from "./prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    ncfMockUrl: string;
    fgsMockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const [ncf, fgs] = await Promise.all([startPrism("ncf.yaml"), startPrism("fgs.yaml")]);
  project.provide("ncfMockUrl", ncf.url);
  project.provide("fgsMockUrl", fgs.url);
  return async () => {
    await Promise.all([ncf.stop(), fgs.stop()]);
  };
}
