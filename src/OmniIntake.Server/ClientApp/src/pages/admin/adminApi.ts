import { answer, hub } from "@/api/hub";
import type { components } from "@/api/schema";
import type { Me, Role } from "@/api/types";

// The admin's users and calendar endpoints (AccountsApi, CalendarApi), on the typed client (issue 14 item 1).

type Schemas = components["schemas"];

/** A staff account as the admin sees it: the same shape as the signed-in user (UserResponse, roles narrowed). */
export type StaffUser = Me;

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

export type CalendarDay = Schemas["CalendarDayView"];
export type CalendarView = Schemas["CalendarView"];

export const adminApi = {
  users: () => answer(hub.GET("/api/users")) as Promise<StaffUser[]>,
  createUser: (user: NewUser) => answer(hub.POST("/api/users", { body: user })) as Promise<StaffUser>,
  updateUser: (id: number, change: UserChange) =>
    answer(hub.PUT("/api/users/{id}", { params: { path: { id } }, body: change })).then(() => undefined),
  setPassword: (id: number, password: string) =>
    answer(hub.PUT("/api/users/{id}/password", { params: { path: { id } }, body: { password } })).then(() => undefined),
  setDisabled: (id: number, disabled: boolean) =>
    answer(hub.PUT("/api/users/{id}/disabled", { params: { path: { id } }, body: { disabled } })).then(() => undefined),
  calendar: () => answer(hub.GET("/api/calendar")),
  setDay: (day: string, working: boolean, name: string) =>
    answer(hub.PUT("/api/calendar/days/{day}", { params: { path: { day } }, body: { working, name } })) as Promise<{ recomputeJobId: string }>,
  removeDay: (day: string) =>
    answer(hub.DELETE("/api/calendar/days/{day}", { params: { path: { day } } })) as Promise<{ recomputeJobId: string }>,
};
