import { onBeforeUnmount, onMounted, ref, watch } from "vue";
import { me } from "./session";

// Issue 14.6: one-letter shortcuts help some people and trap others (speech input, screen readers' own letter keys):
// each user turns them off or on, kept in this browser per user; "?" or the top bar's button lists them.
const storageKey = () => `omni.shortcuts.${me.value?.username ?? "anonymous"}`;

export const shortcutsEnabled = ref(true);
export const shortcutHelpOpen = ref(false);

watch(
  () => me.value?.username,
  () => (shortcutsEnabled.value = localStorage.getItem(storageKey()) !== "off"),
  { immediate: true },
);

export function setShortcutsEnabled(on: boolean): void {
  shortcutsEnabled.value = on;
  localStorage.setItem(storageKey(), on ? "on" : "off");
}

/** The shortcuts the workspace offers, in the order the list shows them (a11y.shortcuts.keys.<name>). */
export const shortcutList = [
  { keys: "j", name: "next", letter: true },
  { keys: "k", name: "previous", letter: true },
  { keys: "/", name: "search", letter: true },
  { keys: "r", name: "reply", letter: true },
  { keys: "?", name: "help", letter: true },
  { keys: "Esc", name: "escape", letter: false },
  { keys: "Ctrl+Enter", name: "send", letter: false },
] as const;

/** Whether a key press goes to something the user types into (then it is text, never a shortcut). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== "function") return false;
  return el.isContentEditable || !!el.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], dialog[open]");
}

/** Runs handlers[key] for a one-letter shortcut while shortcuts are on, nothing is typed into and no modifier is held. */
export function onShortcut(event: KeyboardEvent, handlers: Record<string, () => void>): boolean {
  if (!shortcutsEnabled.value || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return false;
  const handler = handlers[event.key];
  if (!handler) return false;
  event.preventDefault();
  handler();
  return true;
}

/** Listens on the document while the calling component is mounted. */
export function useShortcuts(handlers: Record<string, () => void>): void {
  const listener = (event: KeyboardEvent) => void onShortcut(event, handlers);
  onMounted(() => document.addEventListener("keydown", listener));
  onBeforeUnmount(() => document.removeEventListener("keydown", listener));
}
