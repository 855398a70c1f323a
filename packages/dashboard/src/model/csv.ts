import { observationsCsv as packageCsv } from "@govreport/data";
import type { Observation, Report } from "@govreport/schema";

/**
 * The observations shown, as CSV written by the data package's own writer: a download from the
 * explorer has exactly the columns and quoting of the published observations.csv.
 */
export function observationsCsv(report: Report, observations: readonly Observation[]): string {
  return packageCsv([{ ...report, observations: [...observations] }]);
}
