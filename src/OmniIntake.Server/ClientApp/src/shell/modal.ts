import { onMounted, useTemplateRef } from "vue";

/** Opens a <dialog> as a modal (focus trapped, Escape cancels); a browser without showModal still shows it. */
export function openModal(element: HTMLDialogElement | null | undefined): void {
  if (!element) return;
  if (typeof element.showModal === "function") element.showModal();
  else element.setAttribute("open", "");
}

/** Opens the component's <dialog ref="<name>"> as a modal once mounted (dialog components exist only while open). */
export function useModalOnMount(name = "dialog"): void {
  const dialog = useTemplateRef<HTMLDialogElement>(name);
  onMounted(() => openModal(dialog.value));
}
