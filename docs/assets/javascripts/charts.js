// Draws every figure the build embedded as JSON next to its plot element.
document.addEventListener("DOMContentLoaded", () => {
  for (const data of document.querySelectorAll("script[data-atlas-figure]")) {
    const figure = JSON.parse(data.textContent);
    const target = document.getElementById(data.dataset.atlasFigure);
    Plotly.newPlot(target, figure.data, figure.layout, { displaylogo: false, responsive: true });
  }
});
