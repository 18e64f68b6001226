import { ApiError } from "@/api/client";
import type { Problem, Role } from "@/api/types";

// The admin's users and calendar endpoints (AccountsApi, CalendarApi). Local types until the API document is regenerated.
// TODO(openapi): replace by components["schemas"]["UserResponse"] / ["CalendarView"] after regeneration.

export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: number | null;
  /** Switched off by an admin: cannot sign in, is given no cases. */
  disabled: boolean;
}

export interface NewUser {
  username: string;
  displayName: string | null;
  password: string;
  roles: Role[];
  departmentId: number | null;
}

export interface UserChange {
  displayName: string | null;
  roles: Role[];
  departmentId: number | null;
  unlock: boolean;
}

export interface CalendarDay {
  day: string;
  working: boolean;
  name: string;
  updatedBy: string;
  updatedAt: string;
}

export interface CalendarView {
  timeZone: string;
  adminDays: CalendarDay[];
  changes: CalendarDay[];
  shippedYears: number[];
  officialDays: { day: string; working: boolean }[];
  /** 0 = Sunday … 6 = Saturday. */
  workingWeekdays: number[];
}

async function send<T>(path: string, method = "GET", body?: unknown): Promise<T> {
  const init: RequestInit = body === undefined
    ? { method, credentials: "same-origin" }
    : { method, credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  const response = await fetch(path, init);
  if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => ({}))) as Problem);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const adminApi = {
  users: () => send<StaffUser[]>("/api/users"),
  createUser: (user: NewUser) => send<StaffUser>("/api/users", "POST", user),
  updateUser: (id: number, change: UserChange) => send<undefined>(`/api/users/${id}`, "PUT", change),
  setPassword: (id: number, password: string) => send<undefined>(`/api/users/${id}/password`, "PUT", { password }),
  setDisabled: (id: number, disabled: boolean) => send<undefined>(`/api/users/${id}/disabled`, "PUT", { disabled }),
  calendar: () => send<CalendarView>("/api/calendar"),
  setDay: (day: string, working: boolean, name: string) => send<{ recomputeJobId: string }>(`/api/calendar/days/${day}`, "PUT", { working, name }),
  removeDay: (day: string) => send<{ recomputeJobId: string }>(`/api/calendar/days/${day}`, "DELETE"),
};
