// Colour pairs for statuses, and the WCAG contrast check that every pair must pass (RULES §8).

/** Fill and font colour pairs. Light fills with dark text keep symbols legible on screen and in print. */
export const PALETTE = {
  green: { fill: "#C6EFCE", font: "#006100" },
  amber: { fill: "#FFEB9C", font: "#7A4B00" },
  orange: { fill: "#FFD8B0", font: "#8A3B00" },
  red: { fill: "#FFC7CE", font: "#9C0006" },
  blue: { fill: "#BDD7EE", font: "#1F3864" },
  grey: { fill: "#D9D9D9", font: "#262626" },
  pale: { fill: "#F2F2F2", font: "#404040" },
  info: { fill: "#DDEBF7", font: "#1F3864" },
  strongGreen: { fill: "#00703C", font: "#FFFFFF" },
} as const;

export type PaletteName = keyof typeof PALETTE;

function channel(hex: string, index: number): number {
  const v = parseInt(hex.slice(1 + index * 2, 3 + index * 2), 16) / 255;
  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
}

/** WCAG 2 relative luminance of a #RRGGBB colour. */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
}

/** WCAG 2 contrast ratio between two #RRGGBB colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
