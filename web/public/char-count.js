// Live "34/120" counters for Field.astro's [data-limit] controls: they count and warn, never cut.
for (const el of document.querySelectorAll('[data-limit]')) {
  const out = document.getElementById(`${el.id}-count`);
  if (!out) continue;
  const n = out.querySelector('[data-n]');
  const note = out.querySelector('[data-over]');
  const show = () => {
    const over = el.value.length > Number(el.dataset.limit);
    n.textContent = el.value.length;
    note.hidden = !over;
    out.classList.toggle('over', over);
  };
  el.addEventListener('input', show);
  show();
}
