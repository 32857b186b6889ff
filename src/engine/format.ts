// Figures written back for people: reasons, summaries. UK style: 1,234.5 and 76.2%.

export function formatNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toFixed(maxDecimals));
  const [whole, fraction] = Math.abs(rounded).toString().split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${rounded < 0 ? "-" : ""}${grouped}${fraction ? "." + fraction : ""}`;
}

/** A figure as a person reads it: fractions of a percentage measure shown as percentages. */
export function formatFigure(value: number, percent: boolean): string {
  return percent ? `${formatNumber(value * 100, 2)}%` : formatNumber(value, 2);
}

/** dd/mm/yyyy from an ISO date. */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** "Jun-2021" style, as performance systems print due dates. */
export function formatMonthYear(iso: string): string {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const [y, m] = iso.split("-");
  return `${months[Number(m) - 1]}-${y}`;
}
