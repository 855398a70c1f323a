import { expect, it } from "vitest";
import { Progress } from "./progress.js";

const sink = () => {
  const out = { text: "", isTTY: true, write: (s: string) => (out.text += s) };
  return out;
};

it("draws count, rate and time left on one line, and erases itself", () => {
  const s = sink();
  const p = new Progress(s, 10, true);
  p.update(0, true);
  p.update(5, true);
  expect(s.text.endsWith("\u001b[K")).toBe(true);
  expect(s.text).toMatch(/\r\[#{12}-{12}\] 5\/10 files · [\d.]+ files\/s · (\d+:\d\d|–) left/);
  p.clear();
  expect(s.text.endsWith("\r\u001b[K")).toBe(true);
});

it("prints nothing when off (not a terminal)", () => {
  const s = sink();
  const p = new Progress(s, 3, false);
  p.update(1, true);
  p.clear();
  expect(s.text).toBe("");
});
