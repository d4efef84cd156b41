// Every chart arrives as a static SVG drawn by the build, so a page costs no plotly time until a reader asks for more:
// hovering a chart, pressing "Explore the chart", or changing a control of the star page loads the site's own copy of
// plotly.js and the chart's figure, and swaps in the interactive chart in the colours of the page's scheme.
const PLOTLY_URL = new URL("vendor/plotly-basic.min.js", document.currentScript.src).href;
// No mode bar: its buttons would cover the plot and offer to send the data off the site; the page links the image and
// the data instead. Drag to zoom and double-click to reset still work.
const CONFIG = { displaylogo: false, displayModeBar: false, responsive: true };

let plotly;
function loadPlotly() {
  plotly ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = PLOTLY_URL;
    script.onload = () => resolve(window.Plotly);
    script.onerror = () => reject(new Error(`could not load ${PLOTLY_URL}`));
    document.head.append(script);
  });
  return plotly;
}

// The page's colours, as a layout to merge into a figure's own.
function schemeLayout() {
  const style = getComputedStyle(document.body);
  const text = style.getPropertyValue("--md-default-fg-color").trim();
  const lines = style.getPropertyValue("--md-default-fg-color--lightest").trim();
  const axis = { gridcolor: lines, linecolor: lines, zerolinecolor: lines };
  return { paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)", font: { color: text }, xaxis: axis, yaxis: axis };
}

// `layout` with `extra` merged in, one level deep, so an axis keeps its own settings beside the page's colours.
function merged(layout, ...extras) {
  const result = structuredClone(layout);
  for (const extra of extras) {
    for (const [key, value] of Object.entries(extra)) {
      result[key] = typeof value === "object" && !Array.isArray(value) && value !== null ? { ...result[key], ...value } : value;
    }
  }
  return result;
}

// Draws `figure`'s traces with `changes` in the page's colours; plotly.react redraws only what differs.
function draw(plot, changes = {}) {
  const { figure } = plot.atlas;
  const traces = figure.data.map((trace, index) => ({ ...trace, ...(changes.traces?.[index] ?? {}) }));
  return window.Plotly.react(plot, traces, merged(figure.layout, schemeLayout(), changes.layout ?? {}), CONFIG);
}

// The interactive plot of a chart's <figure>, drawn once; later calls get the same promise.
function explore(figure) {
  figure.atlasPlot ??= (async () => {
    const [, data] = await Promise.all([loadPlotly(), fetch(figure.dataset.atlasFigure).then((answer) => answer.json())]);
    const plot = figure.querySelector(".atlas-chart__plot");
    plot.replaceChildren();
    plot.atlas = { figure: data, changes: {} };
    await draw(plot);
    figure.classList.add("atlas-chart--interactive");
    figure.querySelector("[data-atlas-explore]").hidden = true;
    return plot;
  })();
  return figure.atlasPlot;
}

// The star page's controls, kept in the page's address so that a link shows the same chart.
// The entry boxes sit under the chart, outside the form that owns them.
function entryBoxes(form) {
  return [...form.closest("figure").querySelectorAll("input[name=show]")];
}

function readControls(form) {
  // Read from the elements rather than FormData, which leaves out the date boxes while they are disabled.
  const { scale, align, from, to } = form.elements;
  const boxes = entryBoxes(form);
  const shown = boxes.filter((box) => box.checked).map((box) => box.value);
  return {
    scale: scale.value,
    align: align.value,
    from: from.value,
    to: to.value,
    show: shown.length === boxes.length ? null : shown,
  };
}

function writeAddress(form, state) {
  const params = new URLSearchParams();
  const years = [...form.elements.from.options].map((option) => option.value);
  const defaultScale = [...form.elements.scale].find((radio) => radio.defaultChecked).value;
  if (state.show) params.set("show", state.show.join(","));
  if (state.scale !== defaultScale) params.set("scale", state.scale);
  if (state.align !== "date") params.set("align", state.align);
  if (state.from !== years[0]) params.set("from", state.from);
  if (state.to !== years.at(-1)) params.set("to", state.to);
  const query = params.toString().replaceAll("%2C", ",");
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

// Sets the controls from the address; true when it asked for anything but the default chart.
function readAddress(form) {
  const params = new URLSearchParams(location.search);
  const pick = (name, element) => {
    const wanted = params.get(name);
    if (wanted === null) return false;
    const match = [...(element.length !== undefined ? element : [element])].some((item) => item.value === wanted);
    if (match) element.value = wanted;
    return match;
  };
  let asked = [pick("scale", form.elements.scale), pick("align", form.elements.align), pick("from", form.elements.from), pick("to", form.elements.to)].some(Boolean);
  if (params.has("show")) {
    const shown = new Set(params.get("show").split(","));
    for (const box of entryBoxes(form)) box.checked = shown.has(box.value);
    asked = true;
  }
  return asked;
}

async function applyControls(figure, form) {
  const state = readControls(form);
  writeAddress(form, state);
  const byAge = state.align === "age";
  form.elements.from.disabled = form.elements.to.disabled = byAge;
  const plot = await explore(figure);
  const shown = state.show ? new Set(state.show) : null;
  const log = state.scale === "log";
  plot.atlas.changes = {
    traces: plot.atlas.figure.data.map((trace) => {
      const ages = trace.meta?.years_since_first_release;
      return { x: byAge && ages ? ages : trace.x, visible: (!shown || shown.has(trace.legendgroup)) && (!byAge || Boolean(ages)) };
    }),
    layout: {
      xaxis: byAge
        ? { type: "linear", title: { text: "Years since the first release on PyPI" }, autorange: true }
        : { type: "date", range: [`${state.from}-01-01`, `${state.to}-12-31`] },
      // Labels 1, 2 and 5 of each decade on a log axis; a linear axis starts at zero.
      yaxis: log ? { type: "log", dtick: "D2", rangemode: "normal" } : { type: "linear", dtick: undefined, rangemode: "tozero" },
    },
  };
  await draw(plot, plot.atlas.changes);
}

function setUpControls(figure, form) {
  figure.addEventListener("change", () => applyControls(figure, form));
  for (const button of figure.querySelectorAll("[data-atlas-show]")) {
    button.addEventListener("click", () => {
      for (const box of entryBoxes(form)) box.checked = button.dataset.atlasShow === "all";
      applyControls(figure, form);
    });
  }
  if (readAddress(form)) applyControls(figure, form);
}

document.addEventListener("DOMContentLoaded", () => {
  for (const figure of document.querySelectorAll("figure[data-atlas-figure]")) {
    const start = () => explore(figure);
    figure.querySelector("[data-atlas-explore]").addEventListener("click", start);
    figure.querySelector(".atlas-chart__plot").addEventListener("pointerenter", start, { once: true });
    const form = figure.querySelector("[data-atlas-controls]");
    if (form) setUpControls(figure, form);
  }
  // Material switches schemes by changing an attribute of <body>.
  new MutationObserver(() => {
    for (const plot of document.querySelectorAll(".atlas-chart--interactive .atlas-chart__plot")) draw(plot, plot.atlas.changes);
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
});
