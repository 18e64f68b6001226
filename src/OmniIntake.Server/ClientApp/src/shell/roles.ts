import type { Role } from "@/api/types";

/** The workspace's areas and who may open them: the hub's policies (Accounts/AccountsExtensions: Policies.RolesOf). */
export type Area = "queue" | "owner" | "board" | "admin" | "team";

export const areaRoles: Record<Area, Role[]> = {
  queue: ["agent", "supervisor", "admin"],
  owner: ["owner", "supervisor", "admin"],
  board: ["supervisor", "admin"],
  admin: ["admin"],
  team: ["supervisor", "admin"],
};

export const areaPaths: Record<Area, string> = { queue: "/queue", owner: "/owner", board: "/board", admin: "/admin", team: "/team" };

export function mayOpen(roles: readonly Role[], area: Area): boolean {
  return areaRoles[area].some((r) => roles.includes(r));
}

/** Where each role works (issue 14): admin → admin, supervisor → board, agent → queue, owner → my department's cases. */
export function homeOf(roles: readonly Role[]): string {
  if (roles.includes("admin")) return areaPaths.admin;
  if (roles.includes("supervisor")) return areaPaths.board;
  if (roles.includes("agent")) return areaPaths.queue;
  if (roles.includes("owner")) return areaPaths.owner;
  return "/refused";
}

/** The areas the navigation shows, in order: only what the role may open. */
export function navigableAreas(roles: readonly Role[]): Area[] {
  return (Object.keys(areaRoles) as Area[]).filter((a) => mayOpen(roles, a));
}
