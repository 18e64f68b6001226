import { ApiError } from "@/api/client";

type Translate = (key: string, named?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

/**
 * What a refused or failed request says to the user, in their language: the message of the problem's stable `code`
 * (areas/problems.ts), else the unknown-problem message naming the code (or the HTTP status), never the server's English
 * (issue 14.2). A request that never reached the hub is a network error.
 */
export function problemMessage(error: unknown, t: Translate, te: Exists): string {
  if (!(error instanceof ApiError)) return t("error.network");
  const code = error.problem.code;
  if (code && te(`problem.${code}`)) return t(`problem.${code}`, error.problem.args ?? {});
  return t("problem.unknown", { code: code ?? `HTTP ${error.status}` });
}
