// Marks the machine pre-review's findings inside the page editor: the
// offending words get a highlight in the rich-text editors (CSS Custom
// Highlight API, which leaves the editor's DOM untouched) and the fields
// holding them are flagged. The findings come from the editor's
// "机器预审" panel as JSON: [{"text": "…"}, …].
(() => {
  const data = document.getElementById("gongkai-precheck-marks");
  if (!data) return;
  const texts = JSON.parse(data.textContent)
    .map((mark) => mark.text)
    .filter((text) => text && text.length > 0);
  if (texts.length === 0) return;
  const form = data.closest("form") || document.body;
  const highlight = "highlights" in CSS ? new Highlight() : null;
  if (highlight) CSS.highlights.set("gongkai-precheck", highlight);

  const markEditors = () => {
    if (!highlight) return;
    highlight.clear();
    form.querySelectorAll("[contenteditable='true']").forEach((root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const text of texts) {
          for (let at = node.data.indexOf(text); at >= 0; at = node.data.indexOf(text, at + text.length)) {
            const range = new Range();
            range.setStart(node, at);
            range.setEnd(node, at + text.length);
            highlight.add(range);
          }
        }
      }
    });
  };

  const markFields = () => {
    form.querySelectorAll("input[type='text'], textarea").forEach((field) => {
      const flagged = texts.some((text) => field.value.includes(text));
      field.classList.toggle("gongkai-precheck-field", flagged);
    });
  };

  let pending = null;
  const markAll = () => {
    pending = null;
    markEditors();
    markFields();
  };
  const schedule = () => {
    if (pending === null) pending = window.requestAnimationFrame(markAll);
  };
  new MutationObserver(schedule).observe(form, {
    subtree: true,
    childList: true,
    characterData: true,
  });
  form.addEventListener("input", schedule);
  markAll();
})();
