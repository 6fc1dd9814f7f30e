import type { components } from "../api/schema";
import { quarterOf } from "../labels";

export interface FormSkill { skillCode: string; name: string; essential: boolean; level: number }

/** What the demand form edits; the API's create and edit bodies are made from it. */
export interface DemandFormModel {
  title: string;
  description: string;
  occupationCode: string;
  occupationName: string;
  regionCode: string;
  headcount: number;
  educationLevel: string;
  neededBy: string;
  salaryMin: number | null;
  salaryMax: number | null;
  skills: FormSkill[];
}

export function emptyForm(regionCode: string): DemandFormModel {
  return {
    title: "", description: "", occupationCode: "", occupationName: "", regionCode, headcount: 1,
    educationLevel: "HigherVocational", neededBy: nextQuarter(), salaryMin: null, salaryMax: null, skills: [],
  };
}

export function formOf(d: components["schemas"]["DemandDto"]): DemandFormModel {
  return {
    title: d.title, description: d.description, occupationCode: d.occupationCode, occupationName: d.occupationName,
    regionCode: d.regionCode, headcount: Number(d.headcount), educationLevel: d.educationLevel, neededBy: d.neededBy,
    salaryMin: d.salaryMin == null ? null : Number(d.salaryMin), salaryMax: d.salaryMax == null ? null : Number(d.salaryMax),
    skills: d.skills.map(s => ({ skillCode: s.skillCode, name: s.skillName, essential: s.essential, level: Number(s.level) })),
  };
}

/** The body fields shared by POST /api/demands and PUT /api/demands/{id}. */
export function bodyOf(f: DemandFormModel) {
  return {
    title: f.title, description: f.description || null, occupationCode: f.occupationCode, regionCode: f.regionCode,
    headcount: f.headcount, educationLevel: f.educationLevel as components["schemas"]["EducationLevel"], neededBy: f.neededBy,
    salaryMin: f.salaryMin, salaryMax: f.salaryMax,
    skills: f.skills.map(s => ({ skillCode: s.skillCode, essential: s.essential, level: s.level })),
  };
}

function nextQuarter(): string {
  const d = new Date();
  d.setMonth(d.getMonth() + 3);
  return quarterOf(d);
}

/** The quarters a demand can be needed by: this one and the next eight. */
export function quarterChoices(current: string): string[] {
  const d = new Date();
  const list = Array.from({ length: 9 }, (_, i) => {
    const at = new Date(d.getFullYear(), d.getMonth() + 3 * i, 1);
    return quarterOf(at);
  });
  return current && !list.includes(current) ? [current, ...list] : list;
}
