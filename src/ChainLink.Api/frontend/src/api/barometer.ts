// The barometer routes answer frozen JSON that their OpenAPI entries do not describe; these are the shapes of the
// barometer API contract (README "Barometer API"), as far as the page reads them.

export interface EditionSummary {
  quarter: string;
  revision: number;
  revisionKind: string;
  note: string | null;
  methodologyVersion: string;
  computedAt: string;
  isLatest: boolean;
  sourceCounts: { demands: number; enterprises: number; programmes: number; colleges: number };
  legend?: Record<string, string> | null;
}

export interface RankingItem { rank: number; occupationCode: string; occupationName: string; demand: number; supply: number; ratio: number; band: string | null }

export interface Ranking { quarter: string; revision: number; minimumDemand: number; items: RankingItem[] }

export interface BarometerCell {
  segmentType: string;
  code: string;
  name: string;
  regionCode: string | null;
  regionName: string | null;
  demand: number | null;
  supply: number | null;
  ratio: number | null;
  band: string | null;
  history: { quarter: string; demand: number | null; supply: number | null; ratio: number | null }[];
  forecast: { quarter: string; ratio: number; lower: number | null; upper: number | null }[];
  suppressed: boolean;
  suppressionReason: string | null;
}

export interface Segments { quarter: string; revision: number; cells: BarometerCell[] }

/** One side of GET /api/barometer/editions/{quarter}/compare. */
export interface ComparedRevision {
  revision: number;
  kind: string;
  note: string | null;
  methodologyVersion: string;
  publishedAt: string;
  jsonSha256: string;
  csvSha256: string;
}

export interface CellDifference {
  segmentType: string;
  code: string;
  regionCode: string | null;
  name: string;
  change: "added" | "removed" | "changed";
  fields: { field: string; before: unknown; after: unknown }[];
}

export interface EditionComparison {
  quarter: string;
  from: ComparedRevision;
  to: ComparedRevision;
  counts: { added: number; removed: number; changed: number; unchanged: number };
  differences: CellDifference[];
}
