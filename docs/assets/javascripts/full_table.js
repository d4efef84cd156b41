// @ts-check
// The full table: header buttons sort it, a form filters it, and the address keeps both, so a link shows the same
// view. Without this script the page shows the complete table, unsorted by anything but name and unfiltered.

/** @typedef {{ q: string, layer: string[], interface: string[], status: string[], python: string, has: string[], sort: string, dir: string }} View */

const LISTS = /** @type {const} */ (["layer", "interface", "status", "has"]);

/** @param {HTMLFormElement} form @returns {View} */
function readForm(form, sort = "name", dir = "asc") {
  const data = new FormData(form);
  const list = (/** @type {string} */ name) => data.getAll(name).map(String);
  return { q: String(data.get("q") ?? ""), layer: list("layer"), interface: list("interface"), status: list("status"), python: String(data.get("python") ?? ""), has: list("has"), sort, dir };
}

/** @param {HTMLFormElement} form @param {URLSearchParams} params */
function writeForm(form, params) {
  /** @type {HTMLInputElement} */ (form.elements.namedItem("q")).value = params.get("q") ?? "";
  /** @type {HTMLSelectElement} */ (form.elements.namedItem("python")).value = params.get("python") ?? "";
  for (const name of LISTS) {
    const wanted = new Set((params.get(name) ?? "").split(",").filter(Boolean));
    for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll(`input[name=${name}]`))) box.checked = wanted.has(box.value);
  }
}

/** @param {View} view */
function address(view) {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  for (const name of LISTS) if (view[name].length) params.set(name, view[name].join(","));
  if (view.python) params.set("python", view.python);
  if (view.sort !== "name" || view.dir !== "asc") params.set("sort", `${view.sort}:${view.dir}`);
  const query = params.toString().replaceAll("%2C", ",").replaceAll("%3A", ":");
  return query ? `?${query}` : location.pathname;
}

/** @param {HTMLTableRowElement} row @param {View} view */
function matches(row, view) {
  const words = (/** @type {string} */ key) => (row.dataset[key] ?? "").split(" ");
  const name = row.querySelector("th")?.textContent?.toLowerCase() ?? "";
  return (
    name.includes(view.q.trim().toLowerCase()) &&
    (!view.layer.length || view.layer.includes(row.dataset.layer ?? "")) &&
    (!view.interface.length || view.interface.some((wanted) => words("interfaces").includes(wanted))) &&
    (!view.status.length || view.status.includes(row.dataset.status ?? "")) &&
    (!view.python || words("pythons").includes(view.python)) &&
    view.has.every((feature) => words("has").includes(feature))
  );
}

/** @param {HTMLElement} root */
function setUp(root) {
  const form = /** @type {HTMLFormElement} */ (root.querySelector("form"));
  const table = /** @type {HTMLTableElement} */ (root.querySelector("table"));
  const body = /** @type {HTMLTableSectionElement} */ (table.tBodies[0]);
  const rows = /** @type {HTMLTableRowElement[]} */ ([...body.rows]);
  const heads = /** @type {HTMLTableCellElement[]} */ ([...table.tHead?.rows[0].cells ?? []]);
  const count = /** @type {HTMLElement} */ (form.querySelector(".atlas-filters__count"));
  let sort = "name";
  let dir = "asc";

  // Each header becomes a button, so sorting works from the keyboard; aria-sort says which column sorts the table.
  heads.forEach((head, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = head.textContent;
    button.addEventListener("click", () => {
      dir = sort === head.dataset.column && dir === "asc" ? "desc" : "asc";
      sort = head.dataset.column ?? "name";
      apply(index);
    });
    head.replaceChildren(button);
  });

  /** @param {number} [index] */
  const apply = (index = Math.max(0, heads.findIndex((head) => head.dataset.column === sort))) => {
    const view = readForm(form, sort, dir);
    history.replaceState(null, "", address(view));
    const key = (/** @type {HTMLTableRowElement} */ row) => row.cells[index]?.dataset.sort ?? "";
    const sorted = [...rows].sort((a, b) => key(a).localeCompare(key(b), "en", { numeric: true }) * (dir === "asc" ? 1 : -1));
    body.replaceChildren(...sorted);
    let shown = 0;
    for (const row of rows) {
      row.hidden = !matches(row, view);
      shown += row.hidden ? 0 : 1;
    }
    heads.forEach((head, at) => (at === index ? head.setAttribute("aria-sort", dir === "asc" ? "ascending" : "descending") : head.removeAttribute("aria-sort")));
    count.textContent = `${shown} of ${rows.length} entries shown.`;
  };

  const params = new URLSearchParams(location.search);
  writeForm(form, params);
  const [column, order] = (params.get("sort") ?? "name:asc").split(":");
  if (heads.some((head) => head.dataset.column === column)) [sort, dir] = [column, order === "desc" ? "desc" : "asc"];
  form.addEventListener("input", () => apply());
  form.addEventListener("submit", (event) => event.preventDefault());
  apply();
}

document.addEventListener("DOMContentLoaded", () => {
  for (const root of document.querySelectorAll("[data-atlas-full-table]")) setUp(/** @type {HTMLElement} */ (root));
});
