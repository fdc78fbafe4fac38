// Suggestions while typing in a search box (input[data-suggest] with a <datalist>): the best
// titles /api/search finds for the words so far. Without it the box still searches on Enter.
(() => {
  for (const input of document.querySelectorAll('input[data-suggest]')) {
    const list = document.getElementById(input.getAttribute('list') || '');
    if (!list) continue;
    let timer;
    let asked = '';
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 2 || q === asked) return;
      timer = setTimeout(async () => {
        asked = q;
        try {
          const res = await fetch(`/api/search?q=${encodeURIComponent(q)}`, {
            headers: { accept: 'application/json' },
          });
          if (!res.ok || input.value.trim() !== q) return;
          const r = await res.json();
          const titles = [
            ...r.vacancies.map((v) => v.title),
            ...r.products.map((p) => p.title),
            ...r.shops.map((s) => s.name),
          ];
          list.replaceChildren(
            ...[...new Set(titles)]
              .slice(0, 8)
              .map((value) => Object.assign(document.createElement('option'), { value })),
          );
        } catch {
          // Offline or slow: no suggestions, the box still works.
        }
      }, 250);
    });
  }
})();
