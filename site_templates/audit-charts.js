/* The Audit pages' charts, drawn with Chart.js from the figures each canvas carries.
   Chart.js is loaded from beside this script, and only on pages that have a chart. Colours
   come from the site's CSS variables and follow the light and dark scheme. The table beside
   each chart holds the same figures: without JavaScript, nothing is missing. */
(function () {
  "use strict";

  var canvases = document.querySelectorAll("canvas[data-chart]");
  if (!canvases.length) {
    return;
  }
  var here = document.currentScript ? document.currentScript.src : "";
  var charts = [];
  var points = ["circle", "triangle", "rect", "rectRot", "crossRot", "star", "rectRounded", "cross"];

  function colour(name) {
    var value = getComputedStyle(document.body).getPropertyValue("--pb-chart-" + name).trim();
    return value || getComputedStyle(document.body).getPropertyValue("--md-default-fg-color");
  }

  function options(data) {
    var text = colour("text");
    var grid = colour("grid");
    var percent = data.unit === "%";
    var value = {
      beginAtZero: true,
      stacked: !!data.stacked,
      max: percent ? 100 : undefined,
      ticks: {
        color: text,
        precision: 0,
        callback: function (v) { return percent ? v + "%" : v; }
      },
      grid: { color: grid }
    };
    var label = { stacked: !!data.stacked, ticks: { color: text, autoSkip: data.type === "line" },
                  grid: { color: grid } };
    var bars = data.type === "bars";
    return {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: bars ? "y" : "x",
      scales: bars ? { x: value, y: label } : { x: label, y: value },
      plugins: {
        legend: { display: data.series.length > 1, labels: { color: text, usePointStyle: true } },
        tooltip: {
          callbacks: {
            label: function (item) {
              var v = bars ? item.parsed.x : item.parsed.y;
              return item.dataset.label + ": " + v + (percent ? "%" : "");
            }
          }
        }
      }
    };
  }

  function datasets(data) {
    return data.series.map(function (series, n) {
      var fill = series.colours
        ? series.colours.map(colour)
        : colour(series.colour);
      return {
        label: series.name,
        data: series.values,
        backgroundColor: fill,
        borderColor: fill,
        borderWidth: data.type !== "line" ? 0 : series.colour === "all" ? 4 : 2,
        pointStyle: points[n % points.length],
        pointRadius: series.colour === "all" ? 5 : 4,
        /* A period without waits is a gap, not a line drawn across it. */
        spanGaps: false
      };
    });
  }

  function draw() {
    charts.forEach(function (chart) { chart.destroy(); });
    charts = Array.prototype.map.call(canvases, function (canvas) {
      var data = JSON.parse(canvas.getAttribute("data-chart"));
      return new window.Chart(canvas, {
        type: data.type === "line" ? "line" : "bar",
        data: { labels: data.labels, datasets: datasets(data) },
        options: options(data)
      });
    });
  }

  function start() {
    draw();
    /* The palette toggle changes the scheme on the body: draw again in its colours. */
    new MutationObserver(draw).observe(document.body, {
      attributes: true, attributeFilter: ["data-md-color-scheme"]
    });
  }

  var library = document.createElement("script");
  library.src = new URL("chart.umd.min.js", here || document.baseURI).href;
  library.onload = start;
  document.head.appendChild(library);
})();
