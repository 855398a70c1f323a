/**
 * Zod probes `new Function("")` while it builds object schemas, to compile faster parsers. The
 * page's Content-Security-Policy forbids eval, and Chromium reports the probe as a policy
 * violation even though zod catches the error. `jitless` skips the probe; it must run before
 * @govreport/schema's schemas are built, so main.tsx imports this module first.
 */
import { config } from "zod";

config({ jitless: true });
