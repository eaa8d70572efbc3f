export * from "./registry";
export * from "./parameters";
export * from "./accounts";
export * from "./applications";
