import type { components } from "../../api/schema";

type Programme = components["schemas"]["ProgrammeDto"];
type EducationLevel = components["schemas"]["EducationLevel"];

export interface ModuleSkillModel { skillCode: string; name: string; level: number }
export interface ModuleModel { name: string; hours: number; learningOutcomes: string; skills: ModuleSkillModel[] }

/** What the programme editor edits; the API's create and edit bodies are made from it. */
export interface ProgrammeFormModel {
  majorCode: string;
  majorName: string;
  name: string;
  level: EducationLevel;
  campusRegionCode: string;
  campusRegionName: string;
  description: string;
  modules: ModuleModel[];
  enrolmentPlans: { year: number; planned: number }[];
  cohorts: { year: number; expected: number; actual: number | null }[];
}

export function emptyProgramme(): ProgrammeFormModel {
  return {
    majorCode: "", majorName: "", name: "", level: "HigherVocational", campusRegionCode: "", campusRegionName: "", description: "",
    modules: [], enrolmentPlans: [], cohorts: [],
  };
}

export function programmeFormOf(p: Programme): ProgrammeFormModel {
  return {
    majorCode: p.majorCode, majorName: p.majorName, name: p.name, level: p.level, campusRegionCode: p.campusRegionCode,
    campusRegionName: p.campusRegionName, description: p.description,
    modules: p.modules.map(m => ({
      name: m.name, hours: Number(m.hours), learningOutcomes: m.learningOutcomes,
      skills: m.skills.map(s => ({ skillCode: s.skillCode, name: s.skillName, level: Number(s.level) })),
    })),
    enrolmentPlans: p.enrolmentPlans.map(e => ({ year: Number(e.year), planned: Number(e.planned) })),
    cohorts: p.cohorts.map(c => ({ year: Number(c.year), expected: Number(c.expected), actual: c.actual == null ? null : Number(c.actual) })),
  };
}

/** The body fields shared by POST /api/programmes and PUT /api/programmes/{id}. */
export function programmeBodyOf(f: ProgrammeFormModel) {
  return {
    majorCode: f.majorCode, name: f.name || null, level: f.level, campusRegionCode: f.campusRegionCode, description: f.description || null,
    modules: f.modules.map(m => ({
      name: m.name, hours: m.hours, learningOutcomes: m.learningOutcomes || null,
      skills: m.skills.map(s => ({ skillCode: s.skillCode, level: s.level })),
    })),
    enrolmentPlans: f.enrolmentPlans.map(e => ({ year: e.year, planned: e.planned })),
    cohorts: f.cohorts.map(c => ({ year: c.year, expected: c.expected, actual: c.actual })),
  };
}

// Keys of the API's validation errors that the editor shows beside their field; any other key is listed above the form.
const placed = /^(majorCode|name|level|campusRegionCode|description|modules|enrolmentPlans|cohorts)$|^modules\[\d+\]\.(name|hours|learningOutcomes|skills)$|^modules\[\d+\]\.skills\[\d+\]\.\w+$|^(enrolmentPlans|cohorts)\[\d+\]\.(year|planned|expected|actual)$/;

export function unplacedErrors(errors: Record<string, string[]>): string[] {
  return Object.entries(errors).filter(([key]) => !placed.test(key)).flatMap(([, messages]) => messages);
}
