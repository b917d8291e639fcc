// Progressive enhancement only: every page works without it.
// A refused form moves focus to its error summary, so keyboard and
// screen-reader users start where the problems are listed (WCAG 3.3.1).
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".error-summary");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
});
