// Shared by the pages: the signed-in user, JSON requests, the header.
"use strict";

const ChainLink = (() => {
  const roleNames = { Government: "政府部门", College: "院校", Enterprise: "企业", Admin: "管理员" };

  async function json(url, options) {
    const response = await fetch(url, Object.assign({ credentials: "same-origin", headers: { Accept: "application/json" } }, options));
    if (!response.ok) {
      const error = new Error(`${url} → ${response.status}`);
      error.status = response.status;
      throw error;
    }
    return response.status === 204 ? null : response.json();
  }

  /** The signed-in user, or a redirect to the sign-in page that comes back here. */
  async function requireUser() {
    try {
      return await json("/api/auth/me");
    } catch (e) {
      if (e.status === 401) {
        location.href = "/login.html?returnUrl=" + encodeURIComponent(location.pathname + location.search);
        return new Promise(() => {});
      }
      throw e;
    }
  }

  /** The signed-in user, or null for a visitor (pages of public statistics need no sign-in). */
  async function currentUser() {
    try {
      return await json("/api/auth/me");
    } catch (e) {
      if (e.status === 401) return null;
      throw e;
    }
  }

  function renderUser(me) {
    const box = document.querySelector("header.top .user");
    if (!box) return;
    if (!me) {
      const signIn = document.createElement("a");
      signIn.href = "/login.html?returnUrl=" + encodeURIComponent(location.pathname + location.search);
      signIn.textContent = "登录";
      box.appendChild(signIn);
      return;
    }
    const role = me.roles.map(r => roleNames[r] || r).join("、");
    box.textContent = `${me.organisationName}（${role}）`;
    const out = document.createElement("button");
    out.className = "plain";
    out.textContent = "退出";
    out.addEventListener("click", async () => {
      await json("/api/auth/logout", { method: "POST" });
      location.href = "/login.html";
    });
    box.appendChild(out);
  }

  function escape(text) {
    return String(text ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }

  function percent(x) { return x == null ? "—" : (x * 100).toFixed(1) + "%"; }

  return { json, requireUser, currentUser, renderUser, escape, percent, roleNames };
})();
