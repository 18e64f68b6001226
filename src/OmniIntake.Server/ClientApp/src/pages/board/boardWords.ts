import type { Category, Department } from "@/api/types";

type Translate = (key: string, named?: Record<string, unknown>) => string;

export type RowKind = "channel" | "department" | "agent";

/** What a board row's key says: a channel by its name, a department by the name the admin gave it, an agent by username. */
export function rowName(kind: RowKind, key: string, t: Translate, departments: Department[]): string {
  if (kind === "channel") return t(`channel.${key}`);
  if (kind === "department") return key === "(not forwarded)" ? t("board.notForwarded") : (departments.find((d) => d.code === key)?.name ?? key);
  return key === "(unclaimed)" ? t("board.unclaimed") : key;
}

/** A category code by its name in the user's language. */
export function categoryName(code: string | null, locale: string, categories: Category[], t: Translate): string {
  if (!code) return t("board.cases.noCategory");
  const found = categories.find((c) => c.code === code);
  return found ? (locale === "en" ? found.nameEn : found.nameZh) : code;
}
