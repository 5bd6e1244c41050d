// Applies the saved (or preferred) colour theme and language before React starts, so the first
// paint is already right. An external file so a strict CSP (script-src 'self') allows it.
(function () {
  try {
    let theme = localStorage.getItem('goprep.theme');
    if (theme !== 'light' && theme !== 'dark') {
      theme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    }
    document.documentElement.dataset.theme = theme;
    const lang = localStorage.getItem('goprep.lang');
    if (lang === 'en' || lang === 'zh-CN') document.documentElement.lang = lang;
  } catch {
    // Storage may be unavailable (private mode); the app falls back to defaults.
  }
})();
