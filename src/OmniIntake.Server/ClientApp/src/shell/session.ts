import { ref } from "vue";
import { ApiError, api } from "@/api/client";
import type { Me } from "@/api/types";

/** The signed-in user (GET /api/auth/me), or null when signed out. */
export const me = ref<Me | null>(null);
let loaded = false;

export async function loadSession(): Promise<Me | null> {
  if (loaded) return me.value;
  try {
    me.value = await api.me();
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 401 && e.status !== 403)) throw e;
    me.value = null;
  }
  loaded = true;
  return me.value;
}

export function setSession(user: Me | null): void {
  me.value = user;
  loaded = true;
}
