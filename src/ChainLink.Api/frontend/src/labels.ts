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

export const organisationKindNames: Record<string, string> = { Enterprise: "企业", College: "院校", Government: "政府部门", Platform: "平台" };

/** Revision kinds of a barometer edition as the publish request names them; the edition JSON writes them camelCase. */
export const revisionKindNames: Record<string, string> = { Initial: "首次发布", Correction: "更正", NewSourceData: "新数据", MethodChange: "方法变更" };

export function revisionKindName(kind: string): string {
  return revisionKindNames[kind.charAt(0).toUpperCase() + kind.slice(1)] ?? kind;
}

export const segmentTypeNames: Record<string, string> = {
  occupation: "职业", skill: "技能", cluster: "产业集群", region: "盟市", occupationRegion: "职业 × 盟市", clusterRegion: "产业集群 × 盟市",
};

export const cellChangeNames: Record<string, string> = { added: "新增", removed: "删除", changed: "变化" };

/** Fields of a barometer cell as the revision comparison names them. */
export const cellFieldNames: Record<string, string> = {
  name: "名称", regionName: "盟市", demand: "需求", supply: "供给", ratio: "供需比", band: "等级", changeOnQuarter: "环比",
  changeOnYear: "同比", warning: "预警", suppressed: "已隐藏", suppressionReason: "隐藏原因", forecastMethod: "预测方法",
  warningComparedWith: "预警对比", history: "历史", forecast: "预测",
};

export const inboxKindNames: Record<string, string> = {
  ProposalReceived: "收到合作提议", ProposalAnswered: "提议已答复", InvestmentToConfirm: "待确认投入", OutcomeToConfirm: "待确认成果",
  ReportReviewed: "报告已审阅", AgreementChanged: "协议变更", AgreementEnding: "协议即将到期",
};

export const cooperationModeNames: Record<string, string> = {
  OrderClass: "订单班", Apprenticeship: "现代学徒制", Internship: "实习", Mentoring: "产业导师", SharedTrainingBase: "共建实训基地",
  TechnologyResearch: "技术攻关", CourseDevelopment: "共建课程",
};

export function modeNames(modes: readonly string[]): string {
  return modes.map(m => cooperationModeNames[m] ?? m).join("、");
}

export const proposalStatusNames: Record<string, string> = { Pending: "待答复", Accepted: "已接受", Declined: "已拒绝", Withdrawn: "已撤回", Expired: "已过期" };

export const proposalStatusTags: Record<string, "info" | "success" | "warning" | "danger" | "primary"> = {
  Pending: "primary", Accepted: "success", Declined: "danger", Withdrawn: "info", Expired: "warning",
};

export const agreementStatusNames: Record<string, string> = { Active: "执行中", Suspended: "已暂停", Ended: "已终止" };

export const agreementStatusTags: Record<string, "info" | "success" | "warning" | "danger" | "primary"> = {
  Active: "success", Suspended: "warning", Ended: "info",
};

/** 实体运作: the agreement runs as an entity of this kind; none is 协议合作. */
export const entityKindNames: Record<string, string> = { LegalPerson: "独立法人", IndustryCollege: "产业学院", JointLab: "联合实验室", TrainingBase: "实训基地" };

export const reportStatusNames: Record<string, string> = { Reported: "待确认", Confirmed: "已确认", Disputed: "有异议" };

export const reportStatusTags: Record<string, "info" | "success" | "warning" | "danger" | "primary"> = {
  Reported: "warning", Confirmed: "success", Disputed: "danger",
};

/** Outcome kinds with what their quantity counts. */
export const outcomeKindNames: Record<string, string> = {
  GraduatesHired: "毕业生录用（人）", InternsHosted: "接收实习生（人）", TrainingHours: "培训（小时）", MentorHours: "导师授课（小时）",
  TechnologyTransferred: "技术转让（项）", PatentsShared: "共享专利（件）", CoursesBuilt: "共建课程（门）",
};
