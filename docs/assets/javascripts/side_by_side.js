// @ts-check
// Adds a switch above a side-by-side table that hides the rows where every entry agrees. Without this script the table
// shows every row, which is the complete comparison.

/** @param {HTMLElement} wrapper */
function addDifferencesSwitch(wrapper) {
  const rows = /** @type {HTMLTableRowElement[]} */ ([...wrapper.querySelectorAll("tbody tr[data-same]")]);
  const label = document.createElement("label");
  label.className = "atlas-side-by-side__switch";
  const box = document.createElement("input");
  box.type = "checkbox";
  label.append(box, ` Only rows that differ (hides ${rows.length} where all agree)`);
  box.addEventListener("change", () => {
    for (const row of rows) row.hidden = box.checked;
  });
  wrapper.before(label);
}

document.addEventListener("DOMContentLoaded", () => {
  for (const wrapper of document.querySelectorAll("[data-atlas-side-by-side]")) addDifferencesSwitch(/** @type {HTMLElement} */ (wrapper));
});
