// The dashboard routes answer JSON or a file by `format`, so their OpenAPI entries describe no body; these are the
// shapes of README "Dashboard and white paper" (docs/integration-dashboard.md), as far as the page reads them.

export interface DashboardFilter { year: number | null; quarter: number | null; region: string | null; cluster: string | null; college: string | null; enterprise: string | null }

export interface FigureRow { key: string; label: string; value: number | null; unit: string; low?: number | null; high?: number | null }

export interface FigureCompleteness {
  agreements: number;
  agreementsWithOutcomes: number;
  outcomeReportedShare: number | null;
  reports: number;
  confirmedShare: number | null;
  disputedShare: number | null;
  awaitingShare: number | null;
}

export interface DashboardFigure {
  key: string;
  title: string;
  rows: FigureRow[];
  completeness: FigureCompleteness;
  records: { type: string; id: string }[];
  notes: string[];
}

export interface DashboardDto { methodologyVersion: string; filter: DashboardFilter; figures: DashboardFigure[] }

export interface FigureRecord {
  type: string;
  id: string;
  name: string;
  organisations: string;
  agreementId: string | null;
  year: number | null;
  kind: string | null;
  quantity: number | null;
  amount: number | null;
  status: string | null;
  disputeCount: number | null;
  date: string | null;
}

export interface FigureRecordsDto { figure: string; title: string; filter: DashboardFilter; records: FigureRecord[] }
