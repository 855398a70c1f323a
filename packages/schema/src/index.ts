export * from "./catalogue.js";
export * from "./indicator.js";
export * from "./interval.js";
export * from "./parse-quantity.js";
export * from "./period.js";
export * from "./quantity.js";
export * from "./report.js";
export * from "./units.js";
