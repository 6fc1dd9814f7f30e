import { defineStore } from "pinia";
import { ref } from "vue";
import { api, unwrap } from "../api/client";

/** The unread count of the organisation's inbox, for the header badge; the inbox page refreshes it after marking read. */
export const useInbox = defineStore("inbox", () => {
  const unread = ref(0);

  async function refresh(): Promise<void> {
    const counts = await unwrap(api.GET("/api/inbox/unread-count"));
    unread.value = Number(counts.unread);
  }

  return { unread, refresh };
});
