import { useCallback, useEffect, useState } from "react";
import { type AppState, formatHash, parseHash } from "./url.js";

/**
 * The app's state lives in the URL hash, so any view, filter or observation can be linked.
 * `navigate` pushes a history entry; `replace` (for typing in a search box) does not.
 */
export function useAppState(defaultReport: string) {
  const [state, setState] = useState<AppState>(() => parseHash(window.location.hash, defaultReport));

  useEffect(() => {
    const onHash = () => setState(parseHash(window.location.hash, defaultReport));
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [defaultReport]);

  const navigate = useCallback(
    (next: AppState, options: { replace?: boolean } = {}) => {
      const hash = formatHash(next, defaultReport);
      if (options.replace) {
        window.history.replaceState(null, "", hash);
        setState(parseHash(hash, defaultReport));
      } else if (hash !== window.location.hash) {
        window.location.hash = hash;
      } else {
        setState(parseHash(hash, defaultReport));
      }
    },
    [defaultReport],
  );

  const href = useCallback((next: AppState) => formatHash(next, defaultReport), [defaultReport]);
  return { state, navigate, href };
}
