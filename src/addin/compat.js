// ES5, run before the pane's or the page's script: where the browser is too old to run that script (Internet Explorer
// 11, the old Edge of Excel 2016 and 2019 without WebView2, 360's 兼容模式, a Chromium before 86), the page says so
// instead of waiting for ever: at once when the script fails to parse, or when it has not started after ten seconds.
(function () {
  function tooOld() {
    if (document.documentElement.getAttribute('data-started') === 'true') return;
    var note = document.getElementById('too-old');
    var loading = document.getElementById('loading');
    if (note) note.removeAttribute('hidden');
    if (loading) loading.setAttribute('hidden', '');
  }
  if (window.addEventListener) {
    window.addEventListener('error', function (event) {
      if (/syntax/i.test(String(event && event.message))) tooOld();
    });
  }
  setTimeout(tooOld, 10000);
})();
