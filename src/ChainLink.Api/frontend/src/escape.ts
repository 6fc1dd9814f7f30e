/** Text for the HTML that ECharts' tooltips are written in: the data come from organisations, so nothing in them is markup. */
export function escapeHtml(text: unknown): string {
  return String(text ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
