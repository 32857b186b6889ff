// Properties of the indicator rule that must hold for any figures, not just the worked cases.
import fc from "fast-check";
import { PRESETS } from "../../src/engine/scheme/presets";
import { rateIndicator } from "../../src/engine/rate/rate";
import type { Level } from "../../src/engine/vocab/types";

const RANK: Partial<Record<Level, number>> = { bad: 0, near: 1, good: 2, ahead: 3 };
const figure = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const polarity = fc.constantFrom("Higher is better", "Lower is better");
const preset = fc.constantFrom(...Object.keys(PRESETS));

test("a better actual never gives a worse level (monotonic)", () => {
  fc.assert(
    fc.property(preset, polarity, figure, figure, figure, (key, pol, target, a, b) => {
      const scheme = PRESETS[key];
      const [worse, better] = pol.startsWith("Higher") ? [Math.min(a, b), Math.max(a, b)] : [Math.max(a, b), Math.min(a, b)];
      const lw = rateIndicator(scheme, { polarity: pol, target, actual: worse }).level;
      const lb = rateIndicator(scheme, { polarity: pol, target, actual: better }).level;
      expect(RANK[lb]).toBeGreaterThanOrEqual(RANK[lw] ?? -1);
    }),
    { numRuns: 2000 },
  );
});

test("meeting the target exactly is always good", () => {
  fc.assert(
    fc.property(preset, polarity, figure, (key, pol, target) => {
      expect(rateIndicator(PRESETS[key], { polarity: pol, target, actual: target }).level).toBe("good");
    }),
  );
});

test("the rating never throws and always gives a status of the scheme", () => {
  const cell = fc.oneof(fc.string(), figure, fc.constant(null), fc.boolean(), fc.constant({ error: "#N/A" }));
  fc.assert(
    fc.property(preset, cell, cell, cell, cell, (key, target, actual, pol, manual) => {
      const scheme = PRESETS[key];
      const rating = rateIndicator(scheme, { target, actual, polarity: pol, manual });
      expect(scheme.indicator.map((s) => s.key)).toContain(rating.status);
    }),
    { numRuns: 2000 },
  );
});
