declare const __GOVREPORT_VERSION__: string;
/** The package version, put in by the build (tsup.config.ts); tests define their own. */
export const VERSION: string = typeof __GOVREPORT_VERSION__ === "string" ? __GOVREPORT_VERSION__ : "0.0.0-dev";
