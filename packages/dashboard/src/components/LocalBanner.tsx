import { type Lang, MESSAGES } from "../i18n.js";
import type { LoadedReport } from "../model/loaded.js";
import { SHIPPED_IDS, shippedReport } from "../model/shipped.js";

/**
 * What a report loaded in the page is: a draft the extractor made from a raw text, or a local
 * file nobody has verified. Shown on every view, so a loaded file never passes for a shipped
 * report, even one that reuses a shipped report's id, title and SHA-256.
 */
export function LocalBanner({ loaded, lang }: { loaded: LoadedReport; lang: Lang }) {
  const m = MESSAGES[lang].banner;
  const r = loaded.report;
  const mimics = SHIPPED_IDS.some((id) => {
    const s = shippedReport(id)?.report;
    return s && (s.id === r.id || s.source.sha256 === r.source.sha256 || s.title.zh === r.title.zh);
  });
  return (
    <div className={`local-banner ${loaded.origin}`} role="note" data-testid="local-banner" data-origin={loaded.origin}>
      <p>
        <b>{loaded.origin === "text" ? m.draft : m.localFile}</b>{" "}
        {loaded.origin === "text" ? m.draftDetail : m.localFileDetail}
        {loaded.fileName && (
          <>
            {" "}
            <span className="file">({loaded.fileName})</span>
          </>
        )}
      </p>
      {mimics && <p data-testid="mimic-warning">{m.mimics}</p>}
    </div>
  );
}
