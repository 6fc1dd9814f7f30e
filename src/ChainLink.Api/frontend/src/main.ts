import { createApp } from "vue";
import { createPinia } from "pinia";
import "element-plus/theme-chalk/base.css";
import App from "./App.vue";
import { router } from "./router";
import { useSession } from "./stores/session";
import "./styles.css";

// The router's first navigation already knows who is signed in (home differs by role).
const pinia = createPinia();
const app = createApp(App).use(pinia);
await useSession(pinia).ensure();
app.use(router).mount("#app");
