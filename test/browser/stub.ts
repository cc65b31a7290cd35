import { transferProblem } from '../../src/local/services/html';
import type { UserSession } from '../../src/local/runtime';

/** The server functions the sidebar calls. */
export const SIDEBAR_SERVER = [
  'sidebarState',
  'sidebarCheck',
  'sidebarSelect',
  'sidebarGenerate',
  'sidebarSaveGaruda',
  'sidebarReview',
];

/** The server functions the Picker dialog calls. */
export const PICKER_SERVER = ['pickerConfig', 'pickerChosen'];

/**
 * google.script.run as Apps Script provides it (builders with handlers, one method per server
 * function), calling `window.__callServer(name, jsonArgs)`, which the page's host provides
 * (serverBridge). An argument Google would refuse fails the call in the page, by the same rule
 * the runtime applies (transferProblem's own source runs in the page). `host` adds
 * google.script.host (origin, and close() recorded in window.__closed).
 */
export function googleScriptRunStub(names: string[], host?: { origin: string }): string {
  return `<script>
    (function (names, host, transferProblem) {
      function runner(ok, fail) {
        var r = {
          withSuccessHandler: function (fn) { return runner(fn, fail); },
          withFailureHandler: function (fn) { return runner(ok, fn); },
        };
        names.forEach(function (n) {
          r[n] = function () {
            var args = Array.prototype.slice.call(arguments);
            args.forEach(function (arg, i) {
              var problem = transferProblem(arg);
              if (problem)
                throw new Error('Failed due to illegal value in property: ' + i + ' (' + problem + ')');
            });
            window.__callServer(n, JSON.stringify(args)).then(
              function (res) { if (ok) ok(JSON.parse(res)); },
              function (err) { if (fail) fail(err); });
          };
        });
        return r;
      }
      window.google = { script: { run: runner() } };
      if (host) {
        window.google.script.host = {
          origin: host.origin,
          close: function () { window.__closed = true; },
        };
      }
    })(${JSON.stringify(names)}, ${JSON.stringify(host ?? null)}, ${transferProblem.toString()});
  </script>`;
}

/** The host side of `__callServer`: the call runs as the page's google.script.run call would. */
export function serverBridge(session: UserSession) {
  return (name: string, args: string): string =>
    JSON.stringify(session.fromPage(name, ...(JSON.parse(args) as unknown[])) ?? null);
}
