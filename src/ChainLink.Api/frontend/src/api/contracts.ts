import { toProblem, ProblemError } from "./client";

// Endpoints other parts of the product add (issue 16): typed here from their agreed contracts until the OpenAPI snapshot
// carries them. Each call answers null when the endpoint is not there (404), so the pages can say so and go on.

export interface DraftSpan { start: number; length: number; text: string }
export interface DraftSkill { skillCode: string; name: string; essential: boolean; level: number; matches: DraftSpan[] }
export interface DemandDraft {
  title: string;
  description: string;
  skills: DraftSkill[];
  unknownTerms: string[];
  regionCode: string | null;
  educationLevel: string | null;
  headcount: number | null;
  neededBy: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  guesses: { field: string; text: string; reason: string }[];
}

export interface OccupationSuggestion { code: string; name: string; score: number; reasons: string[]; skills: string[] }

async function post<T>(url: string, body: unknown): Promise<T | null> {
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json", "Accept-Language": "zh-CN" },
    body: JSON.stringify(body),
  });
  // 404 (or 405, where a neighbouring route takes the path): the endpoint is not there yet.
  if (response.status === 404 || response.status === 405) return null;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ProblemError(toProblem(response.status, data));
  return data as T;
}

/** POST /api/demands/draft: the fields a pasted job ad fills in; nothing is saved. */
export const draftDemand = (text: string) => post<DemandDraft>("/api/demands/draft", { text });

/** POST /api/occupations/suggest: ranked 细类 occupations for a text and/or skills, with the reasons. */
export const suggestOccupations = (text: string, skills: string[], top = 5) =>
  post<{ items: OccupationSuggestion[] }>("/api/occupations/suggest", { text, skills, top });
