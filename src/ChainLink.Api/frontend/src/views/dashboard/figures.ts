import type { EChartsOption } from "echarts";
import type { DashboardFigure as Figure, FigureCompleteness as Completeness, FigureRow } from "../../api/dashboard";

/** The dashboard's filters as the API takes them (docs/integration-dashboard.md §3); empty means "all". */
export interface Filters {
  year: number;
  /** 1–4, or 0 for the whole year. */
  quarter: number;
  region: string;
  cluster: string;
  college: string;
  enterprise: string;
}

/** The filters as query parameters: only those set, so a college's or enterprise's own id is filled in by the API. */
function filterQuery(f: Filters): Record<string, string | number> {
  const q: Record<string, string | number> = { year: f.year };
  if (f.quarter) q.quarter = f.quarter;
  for (const key of ["region", "cluster", "college", "enterprise"] as const) if (f[key]) q[key] = f[key];
  return q;
}

/**
 * The same as the typed client's query: the OpenAPI document names the filter parameters after the C# record that
 * binds them (Year, Quarter, …); ASP.NET Core reads query names without regard to case, so both spellings work.
 */
export function apiQuery(f: Filters) {
  return {
    Year: f.year,
    ...(f.quarter ? { Quarter: f.quarter } : {}),
    ...(f.region ? { Region: f.region } : {}),
    ...(f.cluster ? { Cluster: f.cluster } : {}),
    ...(f.college ? { College: f.college } : {}),
    ...(f.enterprise ? { Enterprise: f.enterprise } : {}),
  };
}

/** A download link of the API (the browser sends the sign-in cookie with it). */
export function download(path: string, f: Filters, format: "csv" | "xlsx"): string {
  const q = new URLSearchParams(Object.entries(filterQuery(f)).map(([k, v]) => [k, String(v)]));
  q.set("format", format);
  return `${path}?${q}`;
}

const num = (x: number | string | null | undefined) => (x == null ? null : Number(x));

/** A row's value as people read it: shares in per cent, ROI with two decimals, counts and money with separators. */
export function formatValue(row: FigureRow): string {
  const v = num(row.value);
  if (v == null) return "—";
  if (row.unit === "比例") return `${(v * 100).toFixed(1)}%`;
  if (row.unit === "倍") return v.toFixed(2);
  return `${v.toLocaleString("zh-CN", { maximumFractionDigits: 2 })} ${row.unit}`;
}

export function formatRange(row: FigureRow): string {
  const low = num(row.low), high = num(row.high);
  if (low == null || high == null) return "";
  return row.unit === "倍" ? `${low.toFixed(2)} – ${high.toFixed(2)}` : `${formatValue({ ...row, value: low })} – ${formatValue({ ...row, value: high })}`;
}

// Below these a figure rests on too little confirmed data to be read as a result: fewer than ten confirmed reports, or
// fewer than half of the reports (or of the agreements' outcome reports) confirmed. The policy warns against numbers
// that only look good; the page says so beside the figure rather than hiding it.
const minimumConfirmedReports = 10;
const minimumShare = 0.5;

/** Why a figure rests on little confirmed data, or null when it does not. */
export function thinDataWarning(c: Completeness): string | null {
  const reports = Number(c.reports);
  const confirmedShare = num(c.confirmedShare) ?? 0;
  const confirmed = Math.round(reports * confirmedShare);
  if (reports === 0) return "本图没有任何已填报的投入或成果，数字不能说明合作成效。";
  if (confirmed < minimumConfirmedReports) return `本图只依据 ${confirmed} 条已确认的填报，数据很少，请谨慎解读。`;
  if (confirmedShare < minimumShare) return `已确认的填报只占 ${(confirmedShare * 100).toFixed(0)}%，本图结果可能随确认而明显变化。`;
  const reported = num(c.outcomeReportedShare);
  if (reported != null && reported < minimumShare) return `只有 ${(reported * 100).toFixed(0)}% 的合作协议填报了成果，本图可能低估了合作成效。`;
  return null;
}

const rowsOf = (figure: Figure, prefix: string, suffix = "") =>
  figure.rows.filter(r => r.key.startsWith(prefix) && r.key.endsWith(suffix) && (suffix || !r.key.endsWith(":share")));
const palette = ["#1d5fa8", "#c0341d", "#256b29", "#8a5100", "#6b3fa0", "#0f7c7c", "#545a66"];
const base: EChartsOption = { color: palette, tooltip: { trigger: "item" }, grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true } };

function bars(labels: string[], values: (number | null)[], unit: string, horizontal = true): EChartsOption {
  const category = { type: "category" as const, data: labels, axisLabel: { width: 140, overflow: "truncate" as const } };
  // Money and hours run to millions: axis labels in 万 keep them from running into each other.
  const value = { type: "value" as const, name: unit, axisLabel: { formatter: (v: number) => (Math.abs(v) >= 10000 ? `${v / 10000}万` : String(v)) } };
  return {
    ...base,
    tooltip: { trigger: "axis" },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [{ type: "bar", data: values, barMaxWidth: 28 }],
  };
}

/** The chart of a figure, or null where its table says it better (coverage, ROI: one number with its range). */
export function chartOf(figure: Figure): EChartsOption | null {
  const value = (r: FigureRow) => num(r.value);
  switch (figure.key) {
    case "structure": {
      const modes = rowsOf(figure, "mode:");
      const entity = figure.rows.find(r => r.key === "entity"), paper = figure.rows.find(r => r.key === "paper");
      return {
        ...base,
        tooltip: { trigger: "item" },
        legend: { bottom: 0, data: ["实体运作", "协议合作（仅签协议）"] },
        xAxis: { type: "value", name: "项" },
        yAxis: { type: "category", data: modes.map(r => r.label), inverse: true },
        grid: { left: 8, right: "42%", top: 24, bottom: 40, containLabel: true },
        series: [
          { type: "bar", name: "合作方式", data: modes.map(value), barMaxWidth: 22 },
          { type: "pie", name: "运作方式", center: ["80%", "45%"], radius: ["30%", "55%"], label: { formatter: "{d}%" },
            data: [{ name: "实体运作", value: value(entity!) ?? 0 }, { name: "协议合作（仅签协议）", value: value(paper!) ?? 0 }] },
        ],
      };
    }
    case "investment": {
      const money = figure.rows.filter(r => r.unit === "元");
      return bars(money.map(r => r.label), money.map(value), "元");
    }
    case "returns": {
      const counts = figure.rows.filter(r => r.unit !== "元");
      return bars(counts.map(r => `${r.label}（${r.unit}）`), counts.map(value), "");
    }
    case "funnel": {
      const stages = ["demands", "matched", "proposed", "agreed", "hired"].map(k => figure.rows.find(r => r.key === k)!).filter(Boolean);
      return {
        ...base,
        tooltip: { trigger: "item", formatter: "{b}：{c}" },
        series: [{ type: "funnel", left: "5%", width: "90%", top: 8, bottom: 8, minSize: "8%", sort: "none", gap: 2,
          label: { position: "inside", formatter: "{b} {c}", color: "#fff" },
          data: stages.map(r => ({ name: r.label, value: value(r) ?? 0 })) }],
      };
    }
    case "alignment": {
      const groups = ["short", "balanced", "surplus", "uncovered"];
      const names: Record<string, string> = { short: "紧缺（含偏紧）", balanced: "供需平衡", surplus: "供过于求", uncovered: "晴雨表未覆盖" };
      return {
        ...base,
        tooltip: { trigger: "axis", valueFormatter: v => `${(Number(v) * 100).toFixed(1)}%` },
        legend: { bottom: 0 },
        grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
        xAxis: { type: "value", max: 1, axisLabel: { formatter: (v: number) => `${v * 100}%` } },
        yAxis: { type: "category", data: ["招生计划", "毕业生"] },
        series: groups.map(g => ({ type: "bar", stack: "share", name: names[g],
          data: ["plans", "graduates"].map(k => num(figure.rows.find(r => r.key === `${k}:${g}:share`)?.value) ?? 0) })),
      };
    }
    case "training-bases": {
      const rates = rowsOf(figure, "utilisation:");
      return {
        ...base,
        tooltip: { trigger: "axis", valueFormatter: v => `${(Number(v) * 100).toFixed(1)}%` },
        xAxis: { type: "category", data: rates.map(r => r.key.slice("utilisation:".length)) },
        yAxis: { type: "value", name: "利用率", axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
        series: [{ type: "line", name: "利用率", data: rates.map(value), symbolSize: 8 }],
      };
    }
    case "mentor-hours": {
      const years = rowsOf(figure, "year:");
      return bars(years.map(r => r.key.slice("year:".length)), years.map(value), "课时", false);
    }
    default:
      return null;
  }
}
