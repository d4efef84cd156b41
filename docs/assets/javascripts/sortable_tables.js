// @ts-check
// Tables marked data-sortable: each column header becomes a button that sorts by that column's data-sort values,
// numbers as numbers; pressing it again reverses the order, and aria-sort tells screen readers the state. Without this
// script the table keeps the order the build chose.

/** @param {string} value */
const asNumber = (value) => (value.trim() !== "" && !Number.isNaN(Number(value)) ? Number(value) : null);

/** @param {HTMLTableElement} table */
function makeSortable(table) {
  const headers = /** @type {HTMLTableCellElement[]} */ ([...table.querySelectorAll("thead th")]);
  const body = /** @type {HTMLTableSectionElement} */ (table.tBodies[0]);
  headers.forEach((header, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.append(...header.childNodes);
    header.append(button);
    button.addEventListener("click", () => {
      const descending = header.getAttribute("aria-sort") === "ascending";
      for (const other of headers) other.removeAttribute("aria-sort");
      header.setAttribute("aria-sort", descending ? "descending" : "ascending");
      const keyed = [...body.rows].map((row) => {
        const value = row.cells[column]?.dataset.sort ?? "";
        return { row, value, number: asNumber(value) };
      });
      keyed.sort((a, b) => {
        const order =
          a.number !== null && b.number !== null ? a.number - b.number : a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
        return descending ? -order : order;
      });
      body.append(...keyed.map((item) => item.row));
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  for (const table of document.querySelectorAll("table[data-sortable]")) makeSortable(/** @type {HTMLTableElement} */ (table));
});
