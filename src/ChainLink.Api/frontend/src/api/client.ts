import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";

/** An RFC 9457 answer of the API: title and detail are read by people, errors name fields by their camelCase JSON path. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors: Record<string, string[]>;
}

/** Thrown by {@link unwrap} for a 4xx/5xx answer; the pages show its message (Chinese, from the API) and its field errors. */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}：${problem.detail}` : problem.title);
    this.problem = problem;
  }
}

// The API answers in Chinese when asked; the cookie set at sign-in authenticates every request (same origin only).
const chinese: Middleware = {
  onRequest({ request }) {
    request.headers.set("Accept-Language", "zh-CN");
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });
api.use(chinese);

const statusTitles: Record<number, string> = {
  400: "请求有误",
  401: "请先登录",
  403: "没有权限",
  404: "未找到",
  409: "数据已被修改或状态不允许",
  429: "操作过于频繁，请稍后再试",
};

/** Reads an error body as a ProblemDetails, with a Chinese title when the answer has none (a proxy's page, for instance). */
export function toProblem(status: number, body: unknown): Problem {
  const value = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const title = typeof value.title === "string" && value.title ? value.title : (statusTitles[status] ?? `服务器错误（${status}）`);
  const errors = typeof value.errors === "object" && value.errors !== null ? (value.errors as Record<string, string[]>) : {};
  return { status, title, detail: typeof value.detail === "string" ? value.detail : undefined, errors };
}

/** The data of a successful openapi-fetch answer, or a {@link ProblemError}. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ProblemError(toProblem(response.status, error));
  return data as T;
}

/** As {@link unwrap}, for the routes whose OpenAPI entry declares no body (the barometer's): the caller names the type. */
export async function unwrapAs<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  return (await unwrap(call)) as T;
}
