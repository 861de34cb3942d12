// orgnet's interactive graph. Every string from the data is put into the page with
// textContent, never innerHTML, so names cannot inject markup or script. The legend and the
// menus are in the page already (written by the template); this script draws the network,
// filters it, fits the view to what is shown and writes the tooltips and counts.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const T = data.texts;
  const count = data.nodes.length;
  const plural = new Intl.PluralRules(data.lang);
  const numbers = new Intl.NumberFormat(data.lang === "da" ? "da-DK" : "en-GB");
  const FIT_MARGIN = 30;  // px kept free around what is shown
  const MAX_SCALE = 1.5;  // a few people are not blown up to fill the screen

  // A catalogue entry with plural forms, for n, the way orgnet.texts chooses it (CLDR rules).
  function counted(entry, n) {
    return (entry[plural.select(n)] || entry.other).split("{n}").join(numbers.format(n));
  }

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
    box.appendChild(line(info.id, "tip-id"));
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

  // The "Ties" menu: all, a kind, a scope, kind+scope, or "relation:<name>".
  const state = { layer: "all", attribute: "", value: "" };
  function edgeShown(e) {
    if (state.layer === "all") return true;
    if (state.layer.indexOf("relation:") === 0) return e.relation === state.layer.slice(9);
    return state.layer.split("+").every(function (term) { return e.kind === term || e.scope === term; });
  }
  function nodeShown(n) { return !state.attribute || n.attrs[state.attribute] === state.value; }
  const nodeView = new vis.DataView(nodes, { filter: nodeShown });
  const edgeView = new vis.DataView(edges, { filter: edgeShown });

  const large = count > 2000;
  const options = {
    physics: data.physics ? { enabled: true, stabilization: { iterations: 150, fit: false },
                              barnesHut: { gravitationalConstant: -2500, springLength: 110, damping: 0.4 } } : false,
    layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 80, hideEdgesOnDrag: large, hideEdgesOnZoom: large },
    nodes: { shape: "dot", borderWidth: 1, font: { size: 12, face: "system-ui, sans-serif" } },
    edges: { smooth: false, width: 1, arrows: { to: { enabled: !large, scaleFactor: 0.35 } } },
  };
  const container = document.getElementById("network");
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);

  // The view that shows every shown person whole (dot and name) inside the canvas, with a
  // margin: the box around them, centred, at the largest scale that fits (at most MAX_SCALE).
  let fits = 0;
  function fitShown() {
    const ids = nodeView.getIds();
    if (ids.length) {
      const positions = network.getPositions(ids);
      let left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
      ids.forEach(function (id) {
        const p = positions[id], size = network.body.nodes[id] ? network.body.nodes[id].options.size : 10;
        const box = network.getBoundingBox(id) || {};
        left = Math.min(left, p.x - size, box.left === undefined ? Infinity : box.left);
        right = Math.max(right, p.x + size, box.right === undefined ? -Infinity : box.right);
        top = Math.min(top, p.y - size, box.top === undefined ? Infinity : box.top);
        bottom = Math.max(bottom, p.y + size, box.bottom === undefined ? -Infinity : box.bottom);
      });
      const width = Math.max(container.clientWidth - 2 * FIT_MARGIN, 1), height = Math.max(container.clientHeight - 2 * FIT_MARGIN, 1);
      const scale = Math.min(MAX_SCALE, width / Math.max(right - left, 1), height / Math.max(bottom - top, 1));
      network.moveTo({ position: { x: (left + right) / 2, y: (top + bottom) / 2 }, scale: scale, animation: false });
    }
    fits += 1;
    document.body.setAttribute("data-fitted", String(fits));
  }
  // Fit once the shown nodes are drawn (their boxes, labels included, are known then).
  function fitAfterDrawing() {
    network.once("afterDrawing", fitShown);
    network.redraw();
  }

  // Physics (small graphs) settles the layout once, then stops, and the view is fitted to the
  // settled positions; they are kept, so that a person filtered out and shown again comes back
  // where she was.
  let settled = !data.physics;
  function settle() {
    if (settled) return;
    settled = true;
    network.setOptions({ physics: false });
    const positions = network.getPositions();
    nodes.update(Object.keys(positions).map(function (id) { return { id: id, x: positions[id].x, y: positions[id].y }; }));
    fitAfterDrawing();
  }
  if (data.physics) {
    network.once("stabilizationIterationsDone", settle);
    network.once("stabilized", settle);
  }

  const status = document.getElementById("status");
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    status.textContent = counted(T.shown, nodeView.length);
  }

  function option(select, value, label) {
    const element = document.createElement("option");
    element.value = value;
    element.textContent = label;
    select.appendChild(element);
  }

  const layerSelect = document.getElementById("layer");
  layerSelect.addEventListener("change", function () { state.layer = layerSelect.value; refresh(); });

  const attributeSelect = document.getElementById("attribute");
  const valueSelect = document.getElementById("value");
  attributeSelect.addEventListener("change", function () {
    valueSelect.textContent = "";
    state.attribute = attributeSelect.value;
    if (state.attribute) data.filters[state.attribute].values.forEach(function (pair) { option(valueSelect, pair[0], pair[1]); });
    valueSelect.disabled = !state.attribute;
    state.value = valueSelect.value;
    refresh();
    fitAfterDrawing();
  });
  valueSelect.addEventListener("change", function () { state.value = valueSelect.value; refresh(); fitAfterDrawing(); });

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
    found.textContent = hits.length > 1 ? counted(T.found, hits.length) : hits[0].label;
  });

  refresh();
  network.once("afterDrawing", function () {
    document.body.setAttribute("data-ready", "1");
    document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
    if (!data.physics) fitShown();
  });
  window.orgnetGraph = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, fit: fitShown };
})();
