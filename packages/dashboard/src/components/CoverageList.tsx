import { type CheckedRelation, type Coverage, coverageLine } from "@govreport/schema";
import { useMemo } from "react";
import { type Lang, MESSAGES } from "../i18n.js";
import { kindName, orderRelations, roleName } from "../model/coverage.js";

/** The coverage line, in the same words as `govreport check` prints it. */
export function CoverageLine({ coverage, lang }: { coverage: Coverage; lang: Lang }) {
  return (
    <p className="coverage-line" data-testid="coverage-line">
      {coverageLine(coverage, lang)}
    </p>
  );
}

/**
 * What the checks verified: the coverage line (the same words as `govreport check`), then every
 * relation checked, each with its figures and quotes, its formula and arithmetic, and its verdict.
 * An inconsistent relation is open; the others open on Enter or a click (native details/summary).
 */
export function CoverageList({
  coverage,
  lang,
  showInText,
}: {
  coverage: Coverage;
  lang: Lang;
  showInText: (obsId: string) => void;
}) {
  const c = MESSAGES[lang].checksView;
  const relations = useMemo(() => orderRelations(coverage.relations), [coverage]);
  return (
    <section className="coverage" aria-labelledby="coverage-title">
      <h2 id="coverage-title">{c.coverage}</h2>
      <p className="coverage-line">{coverageLine(coverage, lang)}</p>
      <p className="hint">{c.coverageIntro}</p>
      {relations.length === 0 ? (
        <p>{c.noRelations}</p>
      ) : (
        <ol className="relations" data-testid="relations">
          {relations.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a relation id may be checked twice (change and growth rate)
            <RelationItem key={i} relation={r} lang={lang} showInText={showInText} />
          ))}
        </ol>
      )}
    </section>
  );
}

function RelationItem({
  relation: r,
  lang,
  showInText,
}: {
  relation: CheckedRelation;
  lang: Lang;
  showInText: (obsId: string) => void;
}) {
  const m = MESSAGES[lang];
  const c = m.checksView;
  return (
    <li className={`relation verdict-${r.verdict}`} data-testid="relation" data-kind={r.kind} data-verdict={r.verdict}>
      <details open={r.verdict === "inconsistent"}>
        <summary>
          <span className={`badge verdict ${r.verdict}`}>{c.verdicts[r.verdict]}</span>
          <span className="kind">{kindName(r.kind, lang)}</span>
          <span className="arithmetic" data-testid="relation-arithmetic">
            {r.arithmetic}
          </span>
          <span className="stated">
            {c.printed} <b>{r.stated}</b>
          </span>
        </summary>
        <dl className="relation-facts">
          <div>
            <dt>{c.formula}</dt>
            {/* The checker writes its formulas in English. */}
            <dd lang="en">{r.formula}</dd>
          </div>
          <div>
            <dt>{c.arithmetic}</dt>
            <dd>{r.arithmetic}</dd>
          </div>
          {r.allowed && (
            <div>
              <dt>{c.allowed}</dt>
              <dd>{r.allowed}</dd>
            </div>
          )}
          <div>
            <dt>{c.stated}</dt>
            <dd>{r.stated}</dd>
          </div>
          {r.expected && (
            <div>
              <dt>{c.expected}</dt>
              <dd>{r.expected}</dd>
            </div>
          )}
          {r.reason && (
            <div>
              <dt>{c.reason}</dt>
              <dd>{r.reason[lang]}</dd>
            </div>
          )}
        </dl>
        <ul className="relation-figures" aria-label={c.figuresUsed}>
          {r.figures.map((f, k) => {
            const role = roleName(f.role, lang);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: figures are positional
              <li key={k} data-testid="relation-figure">
                <span className="role" lang={role.known ? undefined : "en"}>
                  {role.text}
                </span>{" "}
                <b>{f.printed}</b> <q lang="zh-CN">{f.quote}</q>{" "}
                {/* Words of a numbered or counted list are no observation to show. */}
                {f.observation !== undefined && (
                  <button type="button" className="link-button" onClick={() => showInText(f.observation as string)}>
                    {m.seeInText}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </details>
    </li>
  );
}
