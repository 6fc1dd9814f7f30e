// Chinese names of the API's enum values, as the pages show them.

export const roleNames: Record<string, string> = { Government: "政府部门", College: "院校", Enterprise: "企业", Admin: "平台管理员" };

export const organisationStatusNames: Record<string, string> = { Pending: "待审核", Approved: "已审核", Rejected: "未通过审核" };

export const demandStatusNames: Record<string, string> = { Draft: "草稿", Open: "招聘中", Closed: "已关闭", Filled: "已招满", Expired: "已过期" };

export const demandStatusTags: Record<string, "info" | "success" | "warning" | "danger" | "primary"> = {
  Draft: "info", Open: "success", Closed: "warning", Filled: "primary", Expired: "danger",
};

export const educationLevelNames: Record<string, string> = { SecondaryVocational: "中职", HigherVocational: "高职专科", VocationalBachelor: "职业本科" };

/** The quarter a date falls in, written as the API writes quarters ("2026Q4"). */
export function quarterOf(date: Date): string {
  return `${date.getFullYear()}Q${Math.floor(date.getMonth() / 3) + 1}`;
}

/** "2027Q3" → "2027 年第 3 季度". */
export function quarterName(quarter: string): string {
  const match = /^(\d{4})Q([1-4])$/.exec(quarter);
  return match ? `${match[1]} 年第 ${match[2]} 季度` : quarter;
}

export function percent(x: number | string | null | undefined): string {
  return x == null ? "—" : `${(Number(x) * 100).toFixed(1)}%`;
}
