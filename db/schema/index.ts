export * from "./auth";
export * from "./stores";
export * from "./catalog";
export * from "./customers";
export * from "./orders";
export * from "./events";
export * from "./rate-limits";
