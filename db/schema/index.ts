export * from "./registry";
export * from "./parameters";
