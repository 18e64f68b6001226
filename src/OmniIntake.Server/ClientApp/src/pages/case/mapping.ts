import type { CategoryDepartment } from "@/api/types";

/** The department a case of this category is forwarded to by default (the admin's mapping), or null: no guess. */
export function mappedDepartment(mappings: readonly CategoryDepartment[], category: string | null): number | null {
  if (!category) return null;
  return mappings.find((m) => m.category === category)?.departmentId ?? null;
}
