/** Every queue row is this tall (styles.css .queue-list li), so a row's place is its index times this, without measuring. */
export const ROW_HEIGHT = 88;

/** Rows rendered beyond each edge of the view, so a quick scroll or an arrow key never shows a blank row. */
export const OVERSCAN = 6;

/**
 * The indexes of the rows to render for a list of <count> rows scrolled to <scrollTop> in a view <viewport> pixels tall:
 * those in view, OVERSCAN either side, and the row holding the tab stop (<keep>) wherever it is, so focus is never lost.
 */
export function rowWindow(count: number, scrollTop: number, viewport: number, keep = -1): number[] {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const out: number[] = [];
  if (keep >= 0 && keep < first && keep < count) out.push(keep);
  for (let i = first; i < last; i++) out.push(i);
  if (keep >= last && keep < count) out.push(keep);
  return out;
}
