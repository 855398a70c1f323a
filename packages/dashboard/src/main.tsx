// Must come first: configures zod before any schema module is evaluated.
import "./zod-jitless.js";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { parseHash } from "./state/url.js";
import "./styles.css";

// The chart code (ECharts, the largest chunk) is lazy so that it does not delay the first paint.
// Asked for only when the first view rendered, its download and evaluation came after the first
// render and layout; asked for now, they overlap them.
const first = parseHash(window.location.hash, "").view;
if (first === "overview") void import("./views/OverviewChart.js");
else if (first === "categories") void import("./views/Categories.js");

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
