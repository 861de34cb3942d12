// The ego network on a profile page. Names reach the page only through textContent, never
// innerHTML, so no name can inject markup or script.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("ego-data").textContent);

  function tooltip(lines) {
    const box = document.createElement("div");
    lines.forEach(function (text, i) {
      const line = document.createElement("div");
      if (i === 0) line.className = "tip-name";
      line.textContent = text;
      box.appendChild(line);
    });
    return box;
  }

  const nodes = new vis.DataSet(data.nodes.map(function (n) {
    return { id: n.id, label: n.label, x: n.x, y: n.y, color: n.color, size: n.size, title: tooltip(n.info),
             font: { size: n.id === 0 ? 15 : 12, face: "system-ui, sans-serif" } };
  }));
  const edges = new vis.DataSet(data.edges.map(function (e, i) {
    return { id: i, from: e.from, to: e.to, dashes: e.dashes, color: { color: e.color, opacity: 0.6 } };
  }));
  const network = new vis.Network(document.getElementById("ego"), { nodes: nodes, edges: edges }, {
    physics: false,
    layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 80, zoomView: false, dragView: true },
    nodes: { shape: "dot", borderWidth: 1 },
    edges: { smooth: false, width: 1.2 },
  });
  network.once("afterDrawing", function () { document.body.dataset.ready = "1"; });
  network.fit();
  window.orgnetEgo = { network: network, nodes: nodes, edges: edges };
})();
