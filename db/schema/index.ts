export * from "./registry";
export * from "./parameters";
export * from "./accounts";
export * from "./applications";
export * from "./sms";
export * from "./deciding";
export * from "./callcenter";
export * from "./payments";
