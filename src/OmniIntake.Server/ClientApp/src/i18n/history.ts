type Translate = (key: string, named?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

/**
 * What a history code (an audit action or an event kind, history-codes.json) says in the user's language (areas/history.ts);
 * a code this build does not know yet is named as another action, never left as the bare code (issue 14 item 2).
 */
export function historyMessage(code: string, t: Translate, te: Exists): string {
  const key = `history.code.${code}`;
  return te(key) ? t(key) : t("history.unknown", { code });
}
