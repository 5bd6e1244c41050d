// Applies the saved (or preferred) colour theme before React starts, so there is no flash.
(function () {
  try {
    var t = localStorage.getItem('goprep.theme');
    if (t !== 'light' && t !== 'dark') {
      t = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    }
    document.documentElement.dataset.theme = t;
    var l = localStorage.getItem('goprep.lang');
    if (l === 'en' || l === 'zh-CN') document.documentElement.lang = l;
  } catch (e) {
    /* storage may be unavailable (private mode); the app falls back to defaults */
  }
})();
