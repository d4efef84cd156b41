// @ts-check
// A table wider than the screen scrolls sideways inside the wrapper Material puts around it. A keyboard can scroll
// only what it can focus, so a wrapper that overflows becomes focusable, named after its table's first header cell
// so a screen reader says which table it is in.

function markScrollRegions() {
  for (const wrapper of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".md-typeset__scrollwrap"))) {
    const overflows = wrapper.scrollWidth > wrapper.clientWidth;
    if (overflows && !wrapper.hasAttribute("tabindex")) {
      wrapper.tabIndex = 0;
      wrapper.setAttribute("role", "region");
      const header = wrapper.querySelector("th")?.textContent?.trim();
      wrapper.setAttribute("aria-label", header ? `Table: ${header}, scrolls sideways` : "Table, scrolls sideways");
    } else if (!overflows && wrapper.getAttribute("role") === "region") {
      wrapper.removeAttribute("tabindex");
      wrapper.removeAttribute("role");
      wrapper.removeAttribute("aria-label");
    }
  }
}

// Material wraps the tables while it starts up, after the document has loaded.
window.addEventListener("load", markScrollRegions);
window.addEventListener("resize", markScrollRegions);
