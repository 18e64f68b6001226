import { liveConnection } from "@/live/liveConnection";
import type { OwnerSignal } from "@/live/messages";

export type { OwnerSignal } from "@/live/messages";

/**
 * The owners' hub (/hubs/owners): each signal names one case to re-read; after a reconnect the list is re-read
 * whole (SignalR promises no delivery across a reconnect). No polling (issue 14).
 */
export function connectOwnerLive(onSignal: (signal: OwnerSignal) => void, onReconnected: () => void) {
  const { status, start, stop } = liveConnection("/hubs/owners", { on: { changed: onSignal }, reconnected: onReconnected });
  return { status, start, stop };
}
