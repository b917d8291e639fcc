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

// An import in progress: the bar follows the server without reloading,
// and the page reloads once the import is done. Without JavaScript the
// page refreshes itself (a <noscript> refresh) and has a link to do so.
document.addEventListener("DOMContentLoaded", () => {
  const bar = document.querySelector("progress[data-progress-url]");
  if (!bar) return;
  const text = document.getElementById("import-progress-text");
  const poll = async () => {
    try {
      const response = await fetch(bar.dataset.progressUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (response.ok) {
        const progress = await response.json();
        bar.max = Math.max(progress.total, 1);
        bar.value = progress.done;
        bar.textContent = progress.text;
        if (text && text.textContent !== progress.text) text.textContent = progress.text;
        if (progress.status !== "importing") { window.location.reload(); return; }
      }
    } catch (error) { /* the next round tries again */ }
    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 1000);
});
