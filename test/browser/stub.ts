/** The server functions the sidebar calls. */
export const SIDEBAR_SERVER = [
  'sidebarState',
  'sidebarCheck',
  'sidebarSelect',
  'sidebarGenerate',
  'sidebarReview',
];

/**
 * google.script.run as Apps Script provides it (builders with handlers, one method per server
 * function), calling `window.__callServer(name, jsonArgs)`, which the page's host provides.
 */
export function googleScriptRunStub(names: string[]): string {
  return `<script>
    (function (names) {
      function runner(ok, fail) {
        var r = {
          withSuccessHandler: function (fn) { return runner(fn, fail); },
          withFailureHandler: function (fn) { return runner(ok, fn); },
        };
        names.forEach(function (n) {
          r[n] = function () {
            var args = Array.prototype.slice.call(arguments);
            window.__callServer(n, JSON.stringify(args)).then(
              function (res) { if (ok) ok(JSON.parse(res)); },
              function (err) { if (fail) fail(err); });
          };
        });
        return r;
      }
      window.google = { script: { run: runner() } };
    })(${JSON.stringify(names)});
  </script>`;
}
