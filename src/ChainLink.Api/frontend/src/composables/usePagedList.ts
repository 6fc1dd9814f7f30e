import { onMounted, reactive, ref, type Ref } from "vue";
import { ProblemError } from "../api/client";

/** One page of a list endpoint (`{ items, total }`; the OpenAPI document types the 64-bit total as number or string). */
export interface ListPage<T> {
  items: T[];
  total: number | string;
}

/**
 * The state every list page shares: its filters with page and page size, the rows of the current page, the total, a
 * loading flag and the problem to show. `search` goes back to the first page, as a changed filter must; the first page
 * loads when the view mounts.
 */
export function usePagedList<T, F extends object>(filters: F, fetchPage: (query: F & { page: number; pageSize: number }) => Promise<ListPage<T>>) {
  const query = reactive({ ...filters, page: 1, pageSize: 20 }) as F & { page: number; pageSize: number };
  const rows = ref([]) as Ref<T[]>;
  const total = ref(0);
  const loading = ref(false);
  const problem = ref("");

  async function load() {
    loading.value = true;
    problem.value = "";
    try {
      const page = await fetchPage(query);
      rows.value = page.items;
      total.value = Number(page.total);
    } catch (error) {
      problem.value = error instanceof ProblemError ? error.message : String(error);
    } finally {
      loading.value = false;
    }
  }

  function search() {
    query.page = 1;
    void load();
  }

  onMounted(load);
  return { query, rows, total, loading, problem, load, search };
}
