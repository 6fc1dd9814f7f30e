"use strict";

// Signs in with the cookie variant of /api/auth/login, then returns to the page that asked (only a local path).
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
    error.textContent = response.status === 401 ? "邮箱或密码错误，或账号已被暂时锁定。" : `登录失败（${response.status}）。`;
    error.hidden = false;
    return;
  }
  const back = new URLSearchParams(location.search).get("returnUrl");
  location.href = back && back.startsWith("/") && !back.startsWith("//") ? back : "/map.html";
});

// The demo profile lists its accounts (the API answers 404 when it is off, and the list stays hidden).
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
