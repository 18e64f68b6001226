import { createI18n } from "vue-i18n";
import en from "./locales/en";
import zhCN from "./locales/zh-CN";

export type Locale = "zh-CN" | "en";
export const locales: Locale[] = ["zh-CN", "en"];
type Catalog = Record<string, unknown>;
type AreaCatalog = { default: { "zh-CN": Catalog; en: Catalog } };

// Each area of the workspace (search, assignment, owner, board, ...) keeps its messages in its own file,
// locales/areas/<area>.ts exporting { "zh-CN": { <area>: {...} }, en: { <area>: {...} } }: parts built side by side never
// edit one catalog. A top-level key defined twice is a bug the catalog test reports.
const areas = Object.entries(import.meta.glob<AreaCatalog>("./locales/areas/*.ts", { eager: true }));

/** The top-level keys that more than one file defines (must be none). */
export const catalogCollisions: string[] = (() => {
  const seen = new Set(Object.keys(zhCN));
  const twice: string[] = [];
  for (const [file, area] of areas)
    for (const key of Object.keys(area.default["zh-CN"])) {
      if (seen.has(key)) twice.push(`${key} (${file})`);
      seen.add(key);
    }
  return twice;
})();

export const messages = {
  "zh-CN": Object.assign({}, zhCN, ...areas.map(([, area]) => area.default["zh-CN"])) as typeof zhCN,
  en: Object.assign({}, en, ...areas.map(([, area]) => area.default.en)) as typeof en,
};

const storageKey = "omni.locale";

/** The user's choice, else the browser's language, else Chinese (the organisation's first language). */
export function initialLocale(): Locale {
  const saved = localStorage.getItem(storageKey);
  if (saved === "zh-CN" || saved === "en") return saved;
  return navigator.language.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(storageKey, locale);
  document.documentElement.lang = locale;
}

/** Short date-times in the organisation's zone (issue 14: times as the organisation means them, not the browser's). */
export function dateTimeFormats(timeZone?: string) {
  const zone = timeZone ? { timeZone } : {};
  return {
    "zh-CN": { short: { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false, ...zone } },
    en: { short: { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false, ...zone } },
  } as const;
}

export function makeI18n(locale: Locale = initialLocale()) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: "zh-CN",
    messages,
    // A missing key is a bug the catalog test catches; never show the key to a user.
    missingWarn: false,
    fallbackWarn: false,
    datetimeFormats: dateTimeFormats(),
  });
}
