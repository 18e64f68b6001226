import { createRouter, createWebHistory, type RouteRecordRaw } from "vue-router";
import { loadSession } from "@/shell/session";
import { homeOf, mayOpen, type Area } from "@/shell/roles";

declare module "vue-router" {
  interface RouteMeta {
    area?: Area;
    public?: boolean;
  }
}

const routes: RouteRecordRaw[] = [
  { path: "/", name: "home", component: { render: () => null } },
  { path: "/signin", name: "signin", component: () => import("@/pages/signin/SignInPage.vue"), meta: { public: true } },
  { path: "/queue", name: "queue", component: () => import("@/pages/queue/QueuePage.vue"), meta: { area: "queue" } },
  { path: "/cases/:number", name: "case", component: () => import("@/pages/queue/QueuePage.vue"), meta: { area: "queue" }, props: true },
  { path: "/owner", name: "owner", component: () => import("@/pages/owner/OwnerPage.vue"), meta: { area: "owner" } },
  { path: "/board", name: "board", component: () => import("@/pages/board/BoardPage.vue"), meta: { area: "board" } },
  { path: "/reports", name: "reports", component: () => import("@/pages/reports/ReportsPage.vue"), meta: { area: "board" } },
  { path: "/admin", name: "admin", component: () => import("@/pages/admin/AdminPage.vue"), meta: { area: "admin" } },
  { path: "/policy", name: "policy", component: () => import("@/pages/policy/PolicyPreviewPage.vue"), meta: { area: "board" } },
  { path: "/team", name: "team", component: () => import("@/pages/assign/TeamPage.vue"), meta: { area: "team" } },
  { path: "/calls/new", name: "register-call", component: () => import("@/pages/calls/RegisterCallPage.vue"), meta: { area: "queue" } },
  { path: "/canned", name: "canned", component: () => import("@/pages/canned/CannedRepliesPage.vue"), meta: { area: "queue" } },
  { path: "/macros", name: "macros", component: () => import("@/pages/macros/MacrosPage.vue"), meta: { area: "queue" } },
  { path: "/refused", name: "refused", component: () => import("@/pages/refused/RefusedPage.vue") },
  { path: "/:rest(.*)*", redirect: "/" },
];

export function makeRouter() {
  const router = createRouter({ history: createWebHistory("/app/"), routes });
  router.beforeEach(async (to) => {
    if (to.meta.public) return true;
    const user = await loadSession();
    if (!user) return { name: "signin", query: to.fullPath !== "/" ? { next: to.fullPath } : {} };
    if (to.name === "home") return homeOf(user.roles);
    // A page the role may not open says so in words (issue 14), in place of a bounce to the sign-in page.
    if (to.meta.area && !mayOpen(user.roles, to.meta.area)) return { name: "refused", query: { area: to.meta.area } };
    return true;
  });
  return router;
}
