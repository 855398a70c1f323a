import { useState } from "react";
import { type Lang, MESSAGES } from "../i18n.js";

/** Copies text to the clipboard; where the page may not, the text stays selectable on screen. */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Citation and export for a chart or a card: a permalink to copy, a "cite this" text, and for
 * charts the data as CSV and the chart as a PNG with its title, unit and source line.
 */
export function Share({
  lang,
  url,
  cite,
  onCsv,
  onPng,
  testId,
}: {
  lang: Lang;
  url: string;
  cite: string;
  onCsv?: () => void;
  onPng?: () => void;
  testId?: string;
}) {
  const m = MESSAGES[lang].share;
  const [status, setStatus] = useState("");
  const [showCite, setShowCite] = useState(false);
  return (
    <div className="share" data-testid={testId}>
      <button
        type="button"
        className="link-button"
        data-action="copy-link"
        onClick={async () => setStatus((await copy(url)) ? m.copiedLink : m.copyFailed)}
      >
        {m.copyLink}
      </button>
      <button
        type="button"
        className="link-button"
        data-action="cite"
        aria-expanded={showCite}
        onClick={async () => {
          setShowCite(true);
          setStatus((await copy(cite)) ? m.copiedCite : m.copyFailed);
        }}
      >
        {m.cite}
      </button>
      {onCsv && (
        <button type="button" className="link-button" data-action="csv" onClick={onCsv}>
          {m.csv}
        </button>
      )}
      {onPng && (
        <button type="button" className="link-button" data-action="png" onClick={onPng}>
          {m.png}
        </button>
      )}
      <span className="share-status" role="status">
        {status}
      </span>
      {showCite && (
        <p className="cite-text" data-testid="cite-text">
          {cite}
        </p>
      )}
    </div>
  );
}
