// @ts-check
// Side-by-side tables. Every table gets a switch that hides the rows where all entries agree. On the side-by-side page,
// the reader's choice of 2 to 4 entries is kept in the address (?entries=a,b) and the table is assembled from the
// columns file the build writes, whose cells come from the same templates as the tables in the page's HTML.
// Without this script, every table shows all its rows and the side-by-side page shows its default choice.

const MOST = 4;

/**
 * @typedef {{ html: string, key: string | null }} Cell
 * @typedef {{ rows: { header: string }[], entries: Record<string, { name: string, layer: string, cells: Cell[] }> }} Columns
 */

/** @param {HTMLElement} wrapper */
function addDifferencesSwitch(wrapper) {
  const label = document.createElement("label");
  label.className = "atlas-side-by-side__switch";
  const box = document.createElement("input");
  box.type = "checkbox";
  const text = document.createTextNode("");
  label.append(box, text);
  const apply = () => {
    const same = /** @type {HTMLTableRowElement[]} */ ([...wrapper.querySelectorAll("tbody tr[data-same]")]);
    text.data = ` Only rows that differ (hides ${same.length} where all agree)`;
    for (const row of same) row.hidden = box.checked;
  };
  box.addEventListener("change", apply);
  // The picker replaces the table; the switch then applies itself to the new rows.
  wrapper.addEventListener("atlas:table", apply);
  apply();
  wrapper.before(label);
}

/**
 * @param {Columns} columns
 * @param {string[]} chosen
 * @param {string} root
 */
function tableFor(columns, chosen, root) {
  const entries = chosen.map((slug) => columns.entries[slug]);
  const names = entries.map((entry) => entry.name);
  const caption = `${names.slice(0, -1).join(", ")} and ${names.at(-1)} compared: key facts, then features`;
  const heads = chosen.map((slug, index) => `<th scope="col"><a href="${root}catalogue/${slug}/"></a></th>`).join("");
  const rows = columns.rows
    .map((row, index) => {
      const cells = entries.map((entry) => entry.cells[index]);
      // A feature that applies to none of the chosen entries' layers is no row at all.
      if (cells.every((cell) => cell.key === null)) return "";
      const same = cells.every((cell) => cell.key !== null && cell.key === cells[0].key);
      return `<tr${same ? " data-same" : ""}>${row.header}${cells.map((cell) => cell.html).join("")}</tr>`;
    })
    .join("");
  const table = document.createElement("table");
  table.innerHTML = `<caption></caption><thead><tr><th scope="col">Fact or feature</th>${heads}</tr></thead><tbody>${rows}</tbody>`;
  // Names go in as text: only the build's own HTML is parsed.
  /** @type {HTMLElement} */ (table.querySelector("caption")).textContent = caption;
  table.querySelectorAll("thead a").forEach((link, index) => (link.textContent = names[index]));
  return table;
}

/** @param {HTMLFormElement} form */
function setUpPicker(form) {
  const wrapper = /** @type {HTMLElement} */ (form.closest("[data-atlas-picked]")?.querySelector("[data-atlas-side-by-side]"));
  const hint = /** @type {HTMLElement} */ (form.querySelector(".atlas-picker__hint"));
  const boxes = /** @type {HTMLInputElement[]} */ ([...form.querySelectorAll("input[name=entries]")]);
  const known = new Set(boxes.map((box) => box.value));
  /** @type {Promise<Columns> | undefined} */
  let columns;
  let chosen = boxes.filter((box) => box.checked).map((box) => box.value);

  const show = async () => {
    for (const box of boxes) box.checked = chosen.includes(box.value);
    if (chosen.length < 2) {
      hint.textContent = "Choose at least 2 entries.";
      return;
    }
    hint.textContent = `${chosen.length} of at most ${MOST} chosen.`;
    columns ??= fetch(/** @type {string} */ (form.dataset.columns)).then((answer) => answer.json());
    const table = tableFor(await columns, chosen, /** @type {string} */ (form.dataset.root));
    wrapper.querySelector("table")?.replaceWith(table);
    wrapper.dispatchEvent(new Event("atlas:table"));
  };

  const asked = new URLSearchParams(location.search).get("entries");
  if (asked !== null) {
    chosen = [...new Set(asked.split(",").filter((slug) => known.has(slug)))].slice(0, MOST);
    show();
  }
  form.addEventListener("change", (event) => {
    const box = /** @type {HTMLInputElement} */ (event.target);
    if (box.checked && chosen.length >= MOST) {
      box.checked = false;
      hint.textContent = `At most ${MOST} entries: clear one first.`;
      return;
    }
    chosen = box.checked ? [...chosen, box.value] : chosen.filter((slug) => slug !== box.value);
    history.replaceState(null, "", `?entries=${chosen.join(",")}`);
    show();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  for (const wrapper of document.querySelectorAll("[data-atlas-side-by-side]")) addDifferencesSwitch(/** @type {HTMLElement} */ (wrapper));
  for (const form of document.querySelectorAll("form[data-atlas-picker]")) setUpPicker(/** @type {HTMLFormElement} */ (form));
});
