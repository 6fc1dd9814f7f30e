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
