#!/usr/bin/env node
// Runs the TypeScript sources directly: no build step between a clone and a start.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
main(process.argv.slice(2)).then(
  (code) => { if (typeof code === "number") process.exitCode = code; },
  (err) => {
    console.error(err instanceof Error && err.name === "AppError" ? err.message : err);
    process.exitCode = 1;
  },
);
