/**
 * @govreport/data/panel: panels and targets-against-results over many reports, for the CLI
 * (`govreport panel`, `govreport promises`) and the dashboard. Browser-safe, and independent of the
 * shipped reports, so importing it loads none of them.
 */
export * from "./panel.js";
export * from "./promises.js";
