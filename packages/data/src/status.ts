import { type Observation, parsePeriod, periodBounds, type Report } from "@govreport/schema";

/** What kind of figure an observation is, in the spirit of SDMX's OBS_STATUS. */
export const OBS_STATUSES = ["actual", "target", "estimate", "lower_bound", "upper_bound", "about"] as const;
/** One of {@link OBS_STATUSES}: the `obs_status` column of `observations.csv`. */
export type ObsStatus = (typeof OBS_STATUSES)[number];

/**
 * The status of a figure, derived from its role, its qualifier and the dates: a target or plan is a
 * target; an actual for a period that had not ended when the report was delivered can only be an
 * estimate (预计); otherwise the qualifier says whether the printed figure is a bound (余, 以上; 以内),
 * approximate (近, 约) or exact. A baseline is a figure of the past and is read like an actual.
 */
export function observationStatus(report: Report, o: Observation): ObsStatus {
  if (o.role === "target" || o.role === "plan") return "target";
  if (report.delivered !== undefined && periodBounds(parsePeriod(o.period)).end > report.delivered) return "estimate";
  switch (o.quantity.qualifier) {
    case "more_than":
    case "at_least":
      return "lower_bound";
    case "at_most":
      return "upper_bound";
    case "nearly":
    case "approximately":
      return "about";
    case "exact":
      return "actual";
  }
}
