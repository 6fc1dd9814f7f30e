"use strict";

// Where to go after signing in: the page that asked, if it is on this site. The URL API decides, as the browser will
// when it navigates, so "/\evil.example", "/%09/evil.example" (a tab, which the browser drops) or "//evil.example" fall back to "/".
function sameOriginReturnPath(returnUrl) {
  if (!returnUrl) return "/map.html";
  try {
    const target = new URL(returnUrl, location.origin);
    return target.origin === location.origin ? target.pathname + target.search + target.hash : "/";
  } catch {
    return "/";
  }
}

// Signs in with the cookie variant of /api/auth/login, then returns to the page that asked.
document.getElementById("login-form").addEventListener("submit", async event => {
  event.preventDefault();
  const error = document.getElementById("login-error");
  error.hidden = true;
  const response = await fetch("/api/auth/login?useCookies=true", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: document.getElementById("email").value, password: document.getElementById("password").value }),
  });
  if (!response.ok) {
    error.textContent = response.status === 401 ? "邮箱或密码错误。"
      : response.status === 429 ? "尝试次数过多，请稍后再试。"
      : response.status === 403 ? "该账号已被停用，请联系平台管理员。"
      : `登录失败（${response.status}）。`;
    error.hidden = false;
    return;
  }
  location.href = sameOriginReturnPath(new URLSearchParams(location.search).get("returnUrl"));
});

// The demo profile lists its enterprise and college accounts (the API answers 404 when it is off, and the list stays
// hidden); the government and administrator demo accounts are not listed (see the README).
const roleNames = { Government: "政府部门", College: "院校", Enterprise: "企业", Admin: "平台管理员" };
fetch("/api/auth/demo-accounts").then(response => response.ok ? response.json() : null).then(demo => {
  if (!demo) return;
  document.getElementById("demo-password").textContent = demo.password;
  const list = document.getElementById("demo-list");
  for (const account of demo.accounts) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = "#";
    link.textContent = `${roleNames[account.role] ?? account.role}：${account.email}`;
    link.addEventListener("click", event => {
      event.preventDefault();
      document.getElementById("email").value = account.email;
      document.getElementById("password").value = demo.password;
    });
    item.append(link);
    list.append(item);
  }
  document.getElementById("demo-accounts").hidden = false;
});
