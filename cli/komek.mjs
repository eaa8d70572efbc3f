#!/usr/bin/env node
// Entry point of `npx komek`: registers tsx so the TypeScript CLI runs without a build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
const code = await main(process.argv.slice(2));
if (typeof code === "number") process.exitCode = code;
