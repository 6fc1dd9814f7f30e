"use strict";

(async () => {
  const layers = {
    colleges: { name: "院校", color: "#1d5fa8", symbol: "pin", size: 22 },
    programmes: { name: "重点专业", color: "#8e44ad", symbol: "circle", size: 8 },
    trainingBases: { name: "实训基地", color: "#1a9850", symbol: "rect", size: 12 },
    mentors: { name: "产业导师", color: "#16a085", symbol: "triangle", size: 10 },
    platforms: { name: "研发平台", color: "#c0392b", symbol: "diamond", size: 14 },
  };
  const countNames = {
    programmes: "专业数", trainingBases: "实训基地", mentors: "产业导师", graduatesExpected: "预计毕业生（人）",
    enrolmentPlanned: "计划招生（人）", capacityHoursPerYear: "年容量（工位·小时）", hoursUsed: "近四个季度使用（小时）",
    sharedWith: "共享单位数", hoursTaught: "累计授课（学时）",
  };
  const platformKinds = { EngineeringCentre: "工程技术研究中心", KeyLaboratory: "重点实验室", InnovationCentre: "技术创新中心", IndustryCollege: "产业学院研发平台" };
  const { escape, percent } = ChainLink;

  const me = await ChainLink.requireUser();
  ChainLink.renderUser(me);
  const note = document.getElementById("role-note");
  if (me.roles.includes("College") || me.roles.includes("Enterprise")) {
    note.textContent = `本单位（${me.organisationName}）的资源以红色描边高亮显示。`;
    note.hidden = false;
  } else if (me.roles.includes("Government")) {
    note.textContent = "政府视图：显示全区所有院校、企业的资源。";
    note.hidden = false;
  }

  const mapElement = document.getElementById("map");
  const chart = echarts.init(mapElement);
  window.addEventListener("resize", () => chart.resize());

  const [boundary, clusters, regions, programmes] = await Promise.all([
    ChainLink.json("/lib/neimenggu.json"),
    ChainLink.json("/api/taxonomy/clusters?pageSize=100"),
    ChainLink.json("/api/taxonomy/regions?parent=150000&pageSize=100"),
    ChainLink.json("/api/map/features?layer=programmes"),
  ]);
  echarts.registerMap("内蒙古", boundary);

  fillSelect("cluster", clusters.items.map(c => [c.code, c.nameZh]));
  fillSelect("region", regions.items.map(r => [r.code, r.name]));
  const majors = new Map(programmes.features.map(f => [f.properties.details.majorCode, f.properties.details.majorName]));
  fillSelect("major", [...majors].sort((a, b) => a[0].localeCompare(b[0])).map(([code, name]) => [code, `${name}（${code}）`]));

  function fillSelect(id, options) {
    const select = document.getElementById(id);
    for (const [value, label] of options) select.add(new Option(label, value));
    select.addEventListener("change", draw);
  }
  document.querySelectorAll("#layers input").forEach(box => box.addEventListener("change", draw));

  function filters() {
    const params = new URLSearchParams();
    for (const id of ["cluster", "major", "region"]) {
      const value = document.getElementById(id).value;
      if (value) params.set(id, value);
    }
    return params;
  }

  function tooltip(p) {
    const f = p.data && p.data.feature;
    if (!f) return escape(p.name);
    const props = f.properties;
    const rows = [
      `<b>${escape(props.name)}</b>${props.mine ? "（本单位）" : ""}`,
      `${layers[props.layer].name} · ${escape(props.regionName)}`,
      `所属单位：${escape(props.organisationName)}`,
    ];
    if (props.clusterNames.length) rows.push(`产业集群：${props.clusterNames.map(escape).join("、")}`);
    if (props.utilisation != null) rows.push(`利用率：<b>${percent(props.utilisation)}</b>`);
    for (const [key, value] of Object.entries(props.counts)) rows.push(`${countNames[key] || key}：${value.toLocaleString("zh-CN")}`);
    if (props.details.majorName) rows.push(`专业：${escape(props.details.majorName)}（${escape(props.details.majorCode)}）`);
    if (props.details.kind) rows.push(`类型：${platformKinds[props.details.kind] || escape(props.details.kind)}`);
    if (props.details.skills) rows.push(`擅长技能：${escape(props.details.skills)}`);
    return rows.join("<br>");
  }

  let drawing = 0;
  async function draw() {
    const run = ++drawing;
    mapElement.dataset.ready = "false";
    const chosen = [...document.querySelectorAll("#layers input:checked")].map(box => box.value);
    const params = filters();
    const collections = await Promise.all(chosen.map(layer => {
      const query = new URLSearchParams(params);
      query.set("layer", layer);
      return ChainLink.json("/api/map/features?" + query);
    }));
    const summaryQuery = params.get("region") ? "?region=" + params.get("region") : "";
    const summary = await ChainLink.json("/api/map/summary" + summaryQuery);
    if (run !== drawing) return;

    document.querySelectorAll("[data-count]").forEach(span => { span.textContent = ""; });
    let total = 0;
    const series = chosen.map((layer, i) => {
      const style = layers[layer];
      const features = collections[i].features;
      total += features.length;
      document.querySelector(`[data-count="${layer}"]`).textContent = `(${features.length})`;
      return {
        name: style.name,
        type: "scatter",
        coordinateSystem: "geo",
        symbol: style.symbol,
        symbolSize: style.size,
        itemStyle: { color: style.color, opacity: 0.9 },
        data: features.map(f => ({
          name: f.properties.name,
          // RFC 7946 order: [longitude, latitude]; the third value drives the utilisation colour.
          value: [f.geometry.coordinates[0], f.geometry.coordinates[1], f.properties.utilisation ?? 0],
          feature: f,
          symbolSize: f.properties.mine ? style.size * 1.6 : style.size,
          itemStyle: f.properties.mine ? { borderColor: "#d4380d", borderWidth: 3 } : undefined,
        })),
      };
    });
    const baseIndex = chosen.indexOf("trainingBases");
    const chosenRegion = regions.items.find(r => r.code === params.get("region"));
    // data-ready turns true once ECharts has finished drawing (markers fade in), or after 3 s at most.
    const drawn = new Promise(resolve => {
      const done = () => { chart.off("finished", done); resolve(); };
      chart.on("finished", done);
      setTimeout(done, 3000);
    });
    chart.setOption({
      tooltip: { trigger: "item", formatter: tooltip, confine: true },
      legend: { data: series.map(s => s.name), top: 8, left: 8 },
      geo: {
        map: "内蒙古",
        roam: true,
        layoutCenter: ["50%", "55%"],
        layoutSize: "115%",
        label: { show: true, fontSize: 10, color: "#52606d" },
        itemStyle: { areaColor: "#eef3f8", borderColor: "#8aa1b8" },
        emphasis: { itemStyle: { areaColor: "#dce8f5" }, label: { show: true } },
        regions: chosenRegion ? [{ name: chosenRegion.name, itemStyle: { areaColor: "#fff1b8" } }] : [],
        // A chosen 盟市 is brought to the centre and enlarged, so its points spread apart.
        ...(chosenRegion ? { center: [chosenRegion.longitude, chosenRegion.latitude], zoom: 3 } : {}),
      },
      visualMap: baseIndex < 0 ? [] : [{
        type: "continuous", min: 0, max: 1, dimension: 2, seriesIndex: baseIndex, calculable: false,
        inRange: { color: ["#f46d43", "#fee08b", "#1a9850"] },
        text: ["利用率 100%", "0%"], left: 8, bottom: 16, itemHeight: 100,
      }],
      series,
    }, { replaceMerge: ["geo", "series", "visualMap"] });

    mapElement.dataset.featureCount = String(total);
    document.getElementById("feature-total").textContent = `当前显示 ${total} 个点位`;
    renderSummary(summary);
    await drawn;
    if (run === drawing) mapElement.dataset.ready = "true";
  }

  function renderSummary(summary) {
    const body = document.querySelector("#summary tbody");
    body.innerHTML = summary.regions.map(r =>
      `<tr><td>${escape(r.regionName)}</td><td>${r.colleges}</td><td>${r.trainingBases}</td><td>${r.capacityHoursPerYear ? percent(r.utilisation) : "—"}</td></tr>`).join("");
  }

  await draw();
})().catch(error => {
  console.error(error);
  const map = document.getElementById("map");
  map.textContent = "地图加载失败：" + error.message;
  map.dataset.ready = "error";
});
