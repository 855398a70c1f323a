import type { Relation } from "@govreport/schema";
import { commensurable, isCount, type RelationFigure, sentenceStart } from "./common.js";

type Product = Extract<Relation, { kind: "product" }>;

/** 每人带 / 每个站点配备 / 每户补助: the per-item figure follows 每 and a few words. */
const EACH = /每(?:个|名|位|人|户|家|所|座|条|项|村|年)?[\u4e00-\u9fff]{0,8}$/;
/** 共36名 / 合计 / 总计: the stated product. */
const TOTAL = /^[\u4e00-\u9fff]{0,8}[,，、]?\s*(?:共|合计|总计|共计|总共|累计)[\u4e00-\u9fff]{0,6}$/;

/**
 * 8名专家每人带4名学员,共32名 / 建设5个站点,每个站点配备3名人员,共15名: a count of items, a figure
 * for each item (after 每) and the total after 共, in one sentence, with no other figure between them.
 * The product is in the unit of the per-item figure.
 */
export function proposeProducts(s: string, figures: readonly RelationFigure[]): Product[] {
  const out: Product[] = [];
  figures.forEach((each, k) => {
    const items = figures[k - 1];
    const total = figures[k + 1];
    if (!each.id || !items?.id || !total?.id) return;
    const ss = sentenceStart(s, each.start);
    if (items.start < ss || total.start < ss || /[。;；\n]/.test(s.slice(each.end, total.start))) return;
    const between = s.slice(items.end, each.start).replace(/[\s\u3000]/g, "");
    if (!EACH.test(between) || /[;；。]/.test(between) || [...between].length > 16) return;
    if (!TOTAL.test(s.slice(each.end, total.start))) return;
    if (!isCount(items.quantity) || items.quantity.unit === "%" || !commensurable(each.quantity, total.quantity))
      return;
    out.push({ kind: "product", id: `product-${total.id}`, factors: [items.id, each.id], product: total.id });
  });
  return out;
}
