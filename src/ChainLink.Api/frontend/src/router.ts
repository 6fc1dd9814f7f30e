import { createRouter, createWebHistory, type RouteRecordRaw } from "vue-router";
import { useSession, type Role } from "./stores/session";

declare module "vue-router" {
  interface RouteMeta {
    /** Shown in the side menu and the page title. */
    title?: string;
    /** Who may open the page; empty: anyone signed in. */
    roles?: Role[];
    /** Published statistics: visitors may read the page without signing in. */
    public?: boolean;
    /** In the side menu (a detail page is reached from its list). */
    menu?: boolean;
  }
}

// Every page is its own chunk, so the first screen loads only the shell and the page it opens.
export const pages: RouteRecordRaw[] = [
  { path: "map", name: "map", component: () => import("./views/MapView.vue"), meta: { title: "资源地图", menu: true } },
  { path: "barometer", name: "barometer", component: () => import("./views/BarometerView.vue"), meta: { title: "晴雨表", public: true, menu: true } },
  { path: "demands", name: "demands", component: () => import("./views/enterprise/DemandListView.vue"), meta: { title: "我的需求", roles: ["Enterprise"], menu: true } },
  { path: "demands/new", name: "demand-new", component: () => import("./views/enterprise/DemandNewView.vue"), meta: { title: "发布需求", roles: ["Enterprise"], menu: true } },
  { path: "demands/:id", name: "demand", component: () => import("./views/enterprise/DemandDetailView.vue"), meta: { title: "需求详情", roles: ["Enterprise"] } },
  { path: "programmes", name: "programmes", component: () => import("./views/college/ProgrammeListView.vue"), meta: { title: "我的专业", roles: ["College"], menu: true } },
  { path: "programmes/new", name: "programme-new", component: () => import("./views/college/ProgrammeEditView.vue"), meta: { title: "新增专业点", roles: ["College"] } },
  { path: "programmes/:id", name: "programme", component: () => import("./views/college/ProgrammeEditView.vue"), meta: { title: "专业点", roles: ["College"] } },
  { path: "dashboard", name: "dashboard", component: () => import("./views/DashboardView.vue"), meta: { title: "产教融合看板", roles: ["Government", "Admin", "College", "Enterprise"], menu: true } },
  { path: "graduate-outcomes", name: "graduate-outcomes", component: () => import("./views/GraduateOutcomesView.vue"), meta: { title: "毕业生就业去向", roles: ["College", "Government", "Admin"], menu: true } },
  { path: "white-papers", name: "white-papers", component: () => import("./views/WhitePaperView.vue"), meta: { title: "白皮书", roles: ["Government", "Admin", "College"], menu: true } },
  { path: "editions", name: "editions", component: () => import("./views/government/EditionsView.vue"), meta: { title: "晴雨表发布", roles: ["Government", "Admin"], menu: true } },
  { path: "reviews", name: "reviews", component: () => import("./views/government/ReviewView.vue"), meta: { title: "单位审核", roles: ["Government", "Admin"], menu: true } },
  { path: "admin/organisations", name: "admin-organisations", component: () => import("./views/admin/OrganisationsView.vue"), meta: { title: "组织管理", roles: ["Admin"], menu: true } },
  { path: "admin/users", name: "admin-users", component: () => import("./views/admin/UsersView.vue"), meta: { title: "用户管理", roles: ["Admin"], menu: true } },
  { path: "proposals", name: "proposals", component: () => import("./views/ProposalsView.vue"), meta: { title: "合作提议", roles: ["Enterprise", "College"], menu: true } },
  { path: "agreements", name: "agreements", component: () => import("./views/AgreementListView.vue"), meta: { title: "合作协议", roles: ["Enterprise", "College", "Government"], menu: true } },
  { path: "agreements/:id", name: "agreement", component: () => import("./views/AgreementDetailView.vue"), meta: { title: "合作协议", roles: ["Enterprise", "College", "Government"] } },
  { path: "inbox", name: "inbox", component: () => import("./views/InboxView.vue"), meta: { title: "收件箱" } },
  { path: "admin/skills", name: "admin-skills", component: () => import("./views/admin/SkillsView.vue"), meta: { title: "技能词表", roles: ["Admin"], menu: true } },
];

// An enterprise starts at its demands, a college at its programmes, everyone else at the resource map; a visitor signs in first.
function home() {
  const session = useSession();
  if (!session.me) return { name: "login" };
  if (session.hasRole("Enterprise")) return { name: "demands" };
  return session.hasRole("College") ? { name: "programmes" } : { name: "map" };
}

const routes: RouteRecordRaw[] = [
  { path: "/login", name: "login", component: () => import("./views/LoginView.vue"), meta: { title: "登录", public: true } },
  { path: "/", component: () => import("./layouts/AppLayout.vue"), children: [{ path: "", name: "home", redirect: home }, ...pages] },
  // The replaced pages' URLs: the server redirects a bookmark, these catch a return address inside the application.
  { path: "/login.html", redirect: to => ({ path: "/login", query: to.query }) },
  { path: "/map.html", redirect: to => ({ path: "/map", query: to.query }) },
  { path: "/barometer.html", redirect: to => ({ path: "/barometer", query: to.query }) },
  { path: "/:unknown(.*)*", name: "not-found", component: () => import("./views/NotFoundView.vue"), meta: { title: "页面不存在", public: true } },
];

export const router = createRouter({ history: createWebHistory(), routes });

// Pages other than public ones need a signed-in user: a visitor goes to sign in and comes back; a role without the
// page goes home (the API refuses the data anyway, this only spares a page of errors).
router.beforeEach(async to => {
  const session = useSession();
  const me = await session.ensure();
  if (!me && !to.meta.public) return { name: "login", query: { returnUrl: to.fullPath } };
  if (me && to.meta.roles?.length && !to.meta.roles.some(r => session.hasRole(r))) return { name: "map" };
  return true;
});

router.afterEach(to => {
  document.title = to.meta.title ? `${to.meta.title} · ChainLink 产教融合平台` : "ChainLink 产教融合平台";
});
