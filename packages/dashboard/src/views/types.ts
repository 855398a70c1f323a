import type { Lang } from "../i18n.js";
import type { LoadedReport } from "../model/loaded.js";
import type { AppState } from "../state/url.js";

export interface ViewProps {
  loaded: LoadedReport;
  lang: Lang;
  state: AppState;
  navigate: (next: AppState, options?: { replace?: boolean }) => void;
  href: (next: AppState) => string;
  /** Opens an observation at its place in the source text. */
  showInText: (obsId: string) => void;
}
