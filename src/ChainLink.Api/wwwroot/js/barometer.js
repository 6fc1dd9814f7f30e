"use strict";

// Draws the latest barometer edition (see the barometer API contract): ranking, cluster × region heat table, trend and forecast.
(async () => {
  const bands = { shortage: "紧缺", tight: "偏紧", balanced: "均衡", surplus: "富余" };
  const revisionKinds = { initial: "初版", correction: "更正", newSourceData: "补充数据", methodChange: "方法调整" };
  const { escape } = ChainLink;
  const ratio = x => (x == null ? "—" : x.toFixed(2));
  const band = b => `<span class="band band-${b || "none"}">${b ? bands[b] : "不发布"}</span>`;

  // Published editions are public statistics: visitors see the page without signing in.
  ChainLink.renderUser(await ChainLink.currentUser());

  const editions = await ChainLink.json("/api/barometer/editions");
  const latest = editions.find(e => e.isLatest) || editions[0];
  if (!latest) {
    document.getElementById("edition-meta").textContent = "尚未发布任何一期晴雨表。";
    return;
  }
  const base = `/api/barometer/editions/${encodeURIComponent(latest.quarter)}`;
  document.getElementById("edition-title").textContent = `${latest.quarter} · 第 ${latest.revision} 版`;
  const counts = latest.sourceCounts;
  document.getElementById("edition-meta").textContent =
    `${revisionKinds[latest.revisionKind] || latest.revisionKind}${latest.note ? "：" + latest.note : ""}；方法版本 ${latest.methodologyVersion}；` +
    `计算于 ${new Date(latest.computedAt).toLocaleString("zh-CN")}；数据来源：需求 ${counts.demands} 条、企业 ${counts.enterprises} 家、专业点 ${counts.programmes} 个、院校 ${counts.colleges} 所。`;
  document.getElementById("download-json").href = base;
  document.getElementById("download-csv").href = `${base}.csv`;
  document.getElementById("download-machine-csv").href = `${base}.csv?format=machine`;
  renderLegend(latest.legend);

  const [ranking, clusterRegion, occupations] = await Promise.all([
    ChainLink.json(`${base}/ranking?top=20`),
    ChainLink.json(`${base}/segments?type=clusterRegion`),
    ChainLink.json(`${base}/segments?type=occupation`),
  ]);
  // Region-wide occupation cells that were published: the trend chart can show any of them.
  const occupationCells = new Map(occupations.cells.filter(c => !c.regionCode && !c.suppressed).map(c => [c.code, c]));

  const table = document.getElementById("ranking");
  table.querySelector("tbody").innerHTML = ranking.items.map(i =>
    `<tr data-code="${escape(i.occupationCode)}"><td>${i.rank}</td><td>${escape(i.occupationName)}<br><span class="muted">${escape(i.occupationCode)}</span></td>` +
    `<td>${i.demand}</td><td>${i.supply}</td><td>${ratio(i.ratio)}</td><td>${band(i.band)}</td></tr>`).join("");
  table.dataset.count = String(ranking.items.length);

  renderHeat(clusterRegion.cells);

  // The ranked occupations first, then every other published one by demand.
  const ranked = new Set(ranking.items.map(i => i.occupationCode));
  const choices = [...ranking.items.map(i => occupationCells.get(i.occupationCode)).filter(Boolean),
    ...[...occupationCells.values()].filter(c => !ranked.has(c.code)).sort((a, b) => (b.demand ?? 0) - (a.demand ?? 0))];
  const select = document.getElementById("occupation");
  for (const c of choices) select.add(new Option(`${c.name}（${c.code}）`, c.code));
  const trend = echarts.init(document.getElementById("trend"));
  window.addEventListener("resize", () => trend.resize());
  select.addEventListener("change", () => drawTrend(select.value));
  table.addEventListener("click", e => {
    const row = e.target.closest("tr[data-code]");
    if (row) { select.value = row.dataset.code; drawTrend(row.dataset.code); }
  });
  // Open on the highest-ranked occupation that has a forecast to show, else on the first choice.
  const first = choices.find(c => c.forecast && c.forecast.length) || choices[0];
  if (first) { select.value = first.code; drawTrend(first.code); }

  function renderHeat(cells) {
    const heat = document.getElementById("heat");
    if (!cells.length) {
      heat.innerHTML = "<tr><td>本期没有产业集群 × 盟市的分段数据。</td></tr>";
      return;
    }
    const regions = [...new Map(cells.map(c => [c.regionCode, c.regionName])).entries()].sort((a, b) => a[0].localeCompare(b[0]));
    const clusters = [...new Map(cells.map(c => [c.code, c.name])).entries()];
    const byKey = new Map(cells.map(c => [c.code + "|" + c.regionCode, c]));
    heat.innerHTML = `<thead><tr><th>产业集群</th>${regions.map(([, n]) => `<th>${escape(n)}</th>`).join("")}</tr></thead><tbody>` +
      clusters.map(([code, name]) => `<tr><th>${escape(name)}</th>` + regions.map(([region]) => {
        const c = byKey.get(code + "|" + region);
        if (!c) return `<td class="none"></td>`;
        const title = c.suppressed ? (c.suppressionReason || "样本不足，不发布") : `${bands[c.band] || ""} 需求 ${c.demand} / 供给 ${c.supply}`;
        // As the legend says: "—" is suppressed, "无供给" has demand but no supply, blank has neither.
        const text = c.suppressed ? "—" : c.ratio != null ? ratio(c.ratio) : c.demand > 0 ? "无供给" : "";
        return `<td class="${c.suppressed ? "none" : c.band || "none"}" title="${escape(title)}">${text}</td>`;
      }).join("") + "</tr>").join("") + "</tbody>";
  }

  // The edition's own legend (methodology 2.0 and later); a 1.0 edition has none and the page shows none.
  function renderLegend(legend) {
    const list = document.getElementById("legend");
    if (!legend) return;
    const terms = { suppressed: "—", fewContributors: "单位太少", dominance: "大户占比过高", secondary: "合计与分项", empty: "空白", noRatio: "无供给" };
    list.innerHTML = Object.entries(legend).map(([key, text]) => `<dt>${escape(terms[key] || key)}</dt><dd>${escape(text)}</dd>`).join("");
    list.hidden = false;
  }

  function drawTrend(code) {
    const cell = occupationCells.get(code);
    if (!cell) { trend.clear(); return; }
    const history = cell.history || [];
    const forecast = cell.forecast || [];
    const quarters = [...history.map(h => h.quarter), ...forecast.map(f => f.quarter)];
    const pad = n => Array(n).fill(null);
    // The forecast line starts at the last actual quarter so the two lines join.
    const last = history.length ? history[history.length - 1].ratio : null;
    trend.setOption({
      tooltip: { trigger: "axis" },
      // Gaps are quarters whose cell was suppressed or had no supply; no forecast without enough published quarters.
      title: forecast.length ? { show: false } : { show: true, subtext: "连续发布的季度不足，本期未作预测", left: "center", top: 0 },
      legend: { data: ["实际供需比", "预测供需比", "预测区间"], bottom: 0 },
      grid: { left: 48, right: 16, top: 24, bottom: 56 },
      xAxis: { type: "category", data: quarters },
      yAxis: { type: "value", name: "供需比" },
      series: [
        { name: "实际供需比", type: "line", showAllSymbol: true, symbolSize: 7, data: [...history.map(h => h.ratio), ...pad(forecast.length)], itemStyle: { color: "#1d5fa8" } },
        { name: "预测供需比", type: "line", lineStyle: { type: "dashed" }, itemStyle: { color: "#d4380d" },
          data: [...pad(Math.max(history.length - 1, 0)), ...(history.length ? [last] : []), ...forecast.map(f => f.ratio)] },
        { name: "预测下限", type: "line", stack: "band", symbol: "none", lineStyle: { opacity: 0 }, tooltip: { show: false },
          data: [...pad(history.length), ...forecast.map(f => f.lower)] },
        { name: "预测区间", type: "line", stack: "band", symbol: "none", lineStyle: { opacity: 0 }, areaStyle: { color: "rgba(212,56,13,0.15)" },
          itemStyle: { color: "rgba(212,56,13,0.35)" },
          data: [...pad(history.length), ...forecast.map(f => (f.upper == null || f.lower == null ? null : f.upper - f.lower))] },
      ],
    }, true);
  }
})().catch(error => {
  console.error(error);
  document.getElementById("edition-meta").textContent = "晴雨表加载失败：" + error.message;
});
