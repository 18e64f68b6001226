import { createApp } from "vue";
import App from "./App.vue";
import { makeI18n, rememberLocale, initialLocale } from "./i18n";
import { makeRouter } from "./router";
import "./styles.css";

const locale = initialLocale();
rememberLocale(locale);
createApp(App).use(makeI18n(locale)).use(makeRouter()).mount("#app");
