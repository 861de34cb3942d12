// orgnet's interactive graph. Every string from the data is put into the page with
// textContent, never innerHTML, so names cannot inject markup or script.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const T = data.texts;
  const count = data.nodes.length;

  function line(text, className) {
    const div = document.createElement("div");
    if (className) div.className = className;
    div.textContent = text;
    return div;
  }

  function tooltip(info) {
    const box = document.createElement("div");
    box.className = "tip";
    box.appendChild(line(info.name, "tip-name"));
    box.appendChild(line("id: " + info.id, "tip-id"));
    info.rows.forEach(function (row) { box.appendChild(line(row[0] + ": " + row[1])); });
    if (info.flags.length) {
      box.appendChild(line(T.flags, "tip-head"));
      info.flags.forEach(function (flag) { box.appendChild(line("⚑ " + flag[0] + ": " + flag[1], "tip-flag")); });
    }
    return box;
  }

  const nodes = new vis.DataSet(data.nodes.map(function (n) {
    return { id: n.id, label: n.label, x: n.x, y: n.y, color: n.color, size: n.size, title: tooltip(n.info), attrs: n.attrs };
  }));
  const edges = new vis.DataSet(data.edges.map(function (e, i) {
    return { id: i, from: e.from, to: e.to, dashes: e.dashes, color: { color: e.color, opacity: 0.55 },
             kind: e.kind, scope: e.scope, relation: e.relation };
  }));

  const state = { layer: "all", attribute: "", value: "" };
  function edgeShown(e) {
    if (state.layer === "all") return true;
    if (state.layer === "formal" || state.layer === "informal") return e.kind === state.layer;
    if (state.layer === "internal" || state.layer === "external") return e.scope === state.layer;
    return e.relation === state.layer;
  }
  function nodeShown(n) { return !state.attribute || n.attrs[state.attribute] === state.value; }
  const nodeView = new vis.DataView(nodes, { filter: nodeShown });
  const edgeView = new vis.DataView(edges, { filter: edgeShown });

  const large = count > 2000;
  const options = {
    physics: data.physics ? { enabled: true, stabilization: { iterations: 150 },
                              barnesHut: { gravitationalConstant: -2500, springLength: 110, damping: 0.4 } } : false,
    layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 80, hideEdgesOnDrag: large, hideEdgesOnZoom: large },
    nodes: { shape: "dot", borderWidth: 1, font: { size: 12, face: "system-ui, sans-serif" } },
    edges: { smooth: false, width: 1, arrows: { to: { enabled: !large, scaleFactor: 0.35 } } },
  };
  const container = document.getElementById("network");
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  if (!data.physics) network.fit();

  const status = document.getElementById("status");
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    status.textContent = nodeView.length + " " + T.shown;
  }

  function option(select, value, label) {
    const element = document.createElement("option");
    element.value = value;
    element.textContent = label;
    select.appendChild(element);
  }

  const layerSelect = document.getElementById("layer");
  data.layers.forEach(function (layer) { option(layerSelect, layer, T[layer] || layer); });
  layerSelect.addEventListener("change", function () { state.layer = layerSelect.value; refresh(); });

  const attributeSelect = document.getElementById("attribute");
  const valueSelect = document.getElementById("value");
  option(attributeSelect, "", T.everyone);
  Object.keys(data.filters).forEach(function (name) { option(attributeSelect, name, T[name] || name); });
  attributeSelect.addEventListener("change", function () {
    valueSelect.textContent = "";
    state.attribute = attributeSelect.value;
    if (state.attribute) data.filters[state.attribute].forEach(function (v) { option(valueSelect, v, T[v] || v); });
    valueSelect.disabled = !state.attribute;
    state.value = valueSelect.value;
    refresh();
  });
  valueSelect.addEventListener("change", function () { state.value = valueSelect.value; refresh(); });

  const search = document.getElementById("search");
  const found = document.getElementById("found");
  search.addEventListener("input", function () {
    const query = search.value.trim().toLowerCase();
    found.textContent = "";
    if (!query) { network.unselectAll(); return; }
    const hits = nodeView.get({ filter: function (n) { return n.label.toLowerCase().indexOf(query) >= 0 || String(n.id).toLowerCase() === query; } });
    if (!hits.length) { found.textContent = T.no_match; return; }
    network.selectNodes(hits.map(function (n) { return n.id; }));
    network.focus(hits[0].id, { scale: 1.2, animation: false });
    found.textContent = hits.length > 1 ? hits.length + " " + T.shown : hits[0].label;
  });

  const legend = document.getElementById("legend");
  legend.appendChild(line(T[data.legendTitle] || data.legendTitle, "legend-head"));
  Object.keys(data.legend).forEach(function (label) {
    const row = line(T[label] || label, "legend-row");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = data.legend[label];
    row.prepend(swatch);
    legend.appendChild(row);
  });
  [["solid_formal", "solid"], ["dashed_informal", "dashed"]].forEach(function (pair) {
    const row = line(T[pair[0]], "legend-row");
    const stroke = document.createElement("span");
    stroke.className = "stroke " + pair[1];
    row.prepend(stroke);
    legend.appendChild(row);
  });
  [["internal_colour", data.scopeColours.internal], ["external_colour", data.scopeColours.external]].forEach(function (pair) {
    const row = line(T[pair[0]], "legend-row");
    const stroke = document.createElement("span");
    stroke.className = "stroke solid";
    stroke.style.borderColor = pair[1];
    row.prepend(stroke);
    legend.appendChild(row);
  });
  legend.appendChild(line(data.sizeNote, "legend-note"));

  refresh();
  network.once("afterDrawing", function () {
    document.body.setAttribute("data-ready", "1");
    document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  });
  window.orgnetGraph = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView };
})();
