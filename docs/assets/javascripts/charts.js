// @ts-check
// Every chart arrives as a static SVG drawn by the build, so a page costs no plotly time until a reader asks for more:
// hovering a chart, pressing "Explore the chart", or changing a control of the star page loads the site's own copy of
// plotly.js and the chart's figure, and swaps in the interactive chart in the colours of the page's scheme.

/**
 * @typedef {Record<string, any>} Layout
 * @typedef {Record<string, any> & { x?: unknown[], legendgroup?: string, meta?: { years_since_first_release?: number[] } }} Trace
 * @typedef {{ data: Trace[], layout: Layout }} Figure
 * @typedef {{ traces?: Record<string, unknown>[], layout?: Layout }} Changes
 * @typedef {{ react: (plot: HTMLElement, traces: Trace[], layout: Layout, config: object) => Promise<HTMLElement> }} Plotly
 * @typedef {{ figure: Figure, changes: Changes }} PlotState
 * @typedef {{ scale: string, align: string, from: string, to: string, show: string[] | null }} Controls
 */

const PLOTLY_URL = new URL("vendor/plotly-basic.min.js", /** @type {HTMLScriptElement} */ (document.currentScript).src).href;
// No mode bar: its buttons would cover the plot and offer to send the data off the site; the page links the image and
// the data instead. Drag to zoom and double-click to reset still work.
const CONFIG = { displaylogo: false, displayModeBar: false, responsive: true };

/** @type {Promise<Plotly> | undefined} */
let plotly;
/** The site's plotly, loaded on first use. @returns {Promise<Plotly>} */
function loadPlotly() {
  plotly ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = PLOTLY_URL;
    script.onload = () => resolve(/** @type {{ Plotly: Plotly }} */ (/** @type {unknown} */ (window)).Plotly);
    script.onerror = () => reject(new Error(`could not load ${PLOTLY_URL}`));
    document.head.append(script);
  });
  return plotly;
}

/** @type {WeakMap<HTMLElement, PlotState>} */
const plotStates = new WeakMap();
/** Each chart's <figure> to its interactive plot, once asked for. @type {WeakMap<Element, Promise<HTMLElement>>} */
const explored = new WeakMap();

/** The page's colours, as a layout to merge into a figure's own. @returns {Layout} */
function schemeLayout() {
  const style = getComputedStyle(document.body);
  const text = style.getPropertyValue("--md-default-fg-color").trim();
  const lines = style.getPropertyValue("--md-default-fg-color--lightest").trim();
  const axis = { gridcolor: lines, linecolor: lines, zerolinecolor: lines };
  return { paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)", font: { color: text }, xaxis: axis, yaxis: axis };
}

/** `layout` with `extras` merged in, one level deep, so an axis keeps its own settings beside the page's colours.
 * @param {Layout} layout @param {Layout[]} extras @returns {Layout} */
function merged(layout, ...extras) {
  const result = structuredClone(layout);
  for (const extra of extras) {
    for (const [key, value] of Object.entries(extra)) {
      result[key] = typeof value === "object" && !Array.isArray(value) && value !== null ? { ...result[key], ...value } : value;
    }
  }
  return result;
}

/** Draws the plot's figure with its changes in the page's colours; plotly.react redraws only what differs.
 * @param {HTMLElement} plot */
async function draw(plot) {
  const { figure, changes } = /** @type {PlotState} */ (plotStates.get(plot));
  const traces = figure.data.map((trace, index) => ({ ...trace, ...(changes.traces?.[index] ?? {}) }));
  return (await loadPlotly()).react(plot, traces, merged(figure.layout, schemeLayout(), changes.layout ?? {}), CONFIG);
}

/** The interactive plot of a chart's <figure>, drawn once; later calls get the same promise.
 * @param {HTMLElement} figure @returns {Promise<HTMLElement>} */
function explore(figure) {
  let plotted = explored.get(figure);
  if (plotted === undefined) {
    plotted = (async () => {
      // The script and the figure's data load side by side.
      const [, answer] = await Promise.all([loadPlotly(), fetch(/** @type {string} */ (figure.dataset.atlasFigure))]);
      const plot = /** @type {HTMLElement} */ (figure.querySelector(".atlas-chart__plot"));
      plotStates.set(plot, { figure: await answer.json(), changes: {} });
      plot.replaceChildren();
      await draw(plot);
      figure.classList.add("atlas-chart--interactive");
      /** @type {HTMLElement} */ (figure.querySelector("[data-atlas-explore]")).hidden = true;
      return plot;
    })();
    explored.set(figure, plotted);
  }
  return plotted;
}

// The star page's controls, kept in the page's address so that a link shows the same chart.

/** The entry boxes, which sit under the chart, outside the form that owns them.
 * @param {HTMLFormElement} form @returns {HTMLInputElement[]} */
function entryBoxes(form) {
  return [.../** @type {HTMLElement} */ (form.closest("figure")).querySelectorAll("input[name=show]")].map((box) => /** @type {HTMLInputElement} */ (box));
}

/** A group of radio buttons of the form. @param {HTMLFormElement} form @param {string} name */
const radios = (form, name) => /** @type {RadioNodeList} */ (form.elements.namedItem(name));
/** A select of the form. @param {HTMLFormElement} form @param {string} name */
const select = (form, name) => /** @type {HTMLSelectElement} */ (form.elements.namedItem(name));

/** @param {HTMLFormElement} form @returns {Controls} */
function readControls(form) {
  // Read from the elements rather than FormData, which leaves out the date boxes while they are disabled.
  const [scale, align, from, to] = [radios(form, "scale"), radios(form, "align"), select(form, "from"), select(form, "to")];
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

/** @param {HTMLFormElement} form @param {Controls} state */
function writeAddress(form, state) {
  const params = new URLSearchParams();
  const years = [...select(form, "from").options].map((option) => option.value);
  const scales = [...radios(form, "scale")].map((radio) => /** @type {HTMLInputElement} */ (radio));
  const defaultScale = scales.find((radio) => radio.defaultChecked)?.value;
  if (state.show) params.set("show", state.show.join(","));
  if (state.scale !== defaultScale) params.set("scale", state.scale);
  if (state.align !== "date") params.set("align", state.align);
  if (state.from !== years[0]) params.set("from", state.from);
  if (state.to !== years.at(-1)) params.set("to", state.to);
  const query = params.toString().replaceAll("%2C", ",");
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

/** Sets the controls from the address; true when it asked for anything but the default chart.
 * @param {HTMLFormElement} form @returns {boolean} */
function readAddress(form) {
  const params = new URLSearchParams(location.search);
  /** Sets a control to the address's value for it when the control offers that value.
   * @param {string} name @param {RadioNodeList | HTMLSelectElement} control */
  const pick = (name, control) => {
    const wanted = params.get(name);
    // A select lists its options and a radio group its buttons; either way each item has a value.
    const match = wanted !== null && [...control].some((item) => /** @type {HTMLInputElement | HTMLOptionElement} */ (item).value === wanted);
    if (match) control.value = wanted;
    return match;
  };
  let asked = [
    pick("scale", radios(form, "scale")),
    pick("align", radios(form, "align")),
    pick("from", select(form, "from")),
    pick("to", select(form, "to")),
  ].some(Boolean);
  const show = params.get("show");
  if (show !== null) {
    const shown = new Set(show.split(","));
    for (const box of entryBoxes(form)) box.checked = shown.has(box.value);
    asked = true;
  }
  return asked;
}

/** @param {HTMLElement} figure @param {HTMLFormElement} form */
async function applyControls(figure, form) {
  const state = readControls(form);
  writeAddress(form, state);
  const byAge = state.align === "age";
  select(form, "from").disabled = select(form, "to").disabled = byAge;
  const plot = await explore(figure);
  const plotState = /** @type {PlotState} */ (plotStates.get(plot));
  const shown = state.show ? new Set(state.show) : null;
  const log = state.scale === "log";
  plotState.changes = {
    traces: plotState.figure.data.map((trace) => {
      const ages = trace.meta?.years_since_first_release;
      return { x: byAge && ages ? ages : trace.x, visible: (!shown || shown.has(trace.legendgroup ?? "")) && (!byAge || Boolean(ages)) };
    }),
    layout: {
      xaxis: byAge
        ? { type: "linear", title: { text: "Years since the first release on PyPI" }, autorange: true }
        : { type: "date", range: [`${state.from}-01-01`, `${state.to}-12-31`] },
      // Labels 1, 2 and 5 of each decade on a log axis; a linear axis starts at zero.
      yaxis: log ? { type: "log", dtick: "D2", rangemode: "normal" } : { type: "linear", dtick: undefined, rangemode: "tozero" },
    },
  };
  await draw(plot);
}

/** @param {HTMLElement} figure @param {HTMLFormElement} form */
function setUpControls(figure, form) {
  figure.addEventListener("change", () => applyControls(figure, form));
  for (const button of figure.querySelectorAll("button[data-atlas-show]")) {
    button.addEventListener("click", () => {
      for (const box of entryBoxes(form)) box.checked = /** @type {HTMLButtonElement} */ (button).dataset.atlasShow === "all";
      applyControls(figure, form);
    });
  }
  if (readAddress(form)) applyControls(figure, form);
}

document.addEventListener("DOMContentLoaded", () => {
  for (const element of document.querySelectorAll("figure[data-atlas-figure]")) {
    const figure = /** @type {HTMLElement} */ (element);
    const start = () => explore(figure);
    figure.querySelector("[data-atlas-explore]")?.addEventListener("click", start);
    figure.querySelector(".atlas-chart__plot")?.addEventListener("pointerenter", start, { once: true });
    const form = figure.querySelector("form[data-atlas-controls]");
    if (form) setUpControls(figure, /** @type {HTMLFormElement} */ (form));
  }
  // Material switches schemes by changing an attribute of <body>.
  new MutationObserver(() => {
    for (const plot of document.querySelectorAll(".atlas-chart--interactive .atlas-chart__plot")) draw(/** @type {HTMLElement} */ (plot));
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
});
