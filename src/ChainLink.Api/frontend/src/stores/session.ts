import { defineStore } from "pinia";
import { ref } from "vue";
import { api, unwrap } from "../api/client";
import type { components } from "../api/schema";

export type Me = components["schemas"]["Me"];
export type Role = "Enterprise" | "College" | "Government" | "Admin";

/** The signed-in user as GET /api/auth/me tells it; null for a visitor. Loaded once, again after sign-in and sign-out. */
export const useSession = defineStore("session", () => {
  const me = ref<Me | null>(null);
  const loaded = ref(false);

  async function load(): Promise<Me | null> {
    const { data, response } = await api.GET("/api/auth/me");
    me.value = response.ok && data ? data : null;
    loaded.value = true;
    return me.value;
  }

  async function ensure(): Promise<Me | null> {
    return loaded.value ? me.value : load();
  }

  async function signOut(): Promise<void> {
    await unwrap(api.POST("/api/auth/logout"));
    me.value = null;
  }

  function hasRole(role: Role): boolean {
    return me.value?.roles.includes(role) ?? false;
  }

  return { me, loaded, load, ensure, signOut, hasRole };
});
