// Draws every figure the build embedded as JSON next to its plot element, in the colours of the page's colour scheme,
// and recolours the charts when the reader switches between light and dark. The build sets no plotly template: the
// page's own colours are the only theme, so a chart never stays a white panel on a dark page.
const CONFIG = { displaylogo: false, responsive: true, showSendToCloud: false, showEditInChartStudio: false };

function schemeLayout() {
  const style = getComputedStyle(document.body);
  const text = style.getPropertyValue("--md-default-fg-color").trim();
  const lines = style.getPropertyValue("--md-default-fg-color--lightest").trim();
  const layout = { paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)", "font.color": text };
  for (const axis of ["xaxis", "yaxis"]) {
    Object.assign(layout, { [`${axis}.gridcolor`]: lines, [`${axis}.linecolor`]: lines, [`${axis}.zerolinecolor`]: lines });
  }
  return layout;
}

function plots() {
  return [...document.querySelectorAll("script[data-atlas-figure]")].map((data) => document.getElementById(data.dataset.atlasFigure));
}

document.addEventListener("DOMContentLoaded", () => {
  for (const data of document.querySelectorAll("script[data-atlas-figure]")) {
    const figure = JSON.parse(data.textContent);
    const target = document.getElementById(data.dataset.atlasFigure);
    Plotly.newPlot(target, figure.data, figure.layout, CONFIG).then(() => Plotly.relayout(target, schemeLayout()));
  }
  // Material switches schemes by changing an attribute of <body>.
  new MutationObserver(() => {
    const layout = schemeLayout();
    for (const target of plots()) Plotly.relayout(target, layout);
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
});
