/**
 * The Google Picker dialog (build/Picker.html). It asks the server for the user's OAuth token and
 * the deployment's Picker settings, opens Google Picker on the user's Drive with a second view
 * for shared drives, and hands the picked id back to the server, which from then on may reach it
 * under drive.file. https://developers.google.com/workspace/drive/picker/guides/web-picker
 *
 * Every builder call, as the Picker reference (…/drive/picker/reference/…) describes it:
 * - `new DocsView(ViewId.FOLDERS | ViewId.DOCUMENTS)`: "Google Drive Folders" / "Google Drive
 *   Documents" (picker.viewid); `setIncludeFolders(true)`: "Show folders in the view items";
 *   `setSelectFolderEnabled(true)`: "Allows the user to select a folder"; `setMimeTypes`: "the
 *   MIME types included in the view" (picker.view.setmimetypes).
 * - `setEnableDrives(true)`: "Shows shared drives and the files they contain … If true, only
 *   shared drives are included in the view" (picker.docsview.setenabledrives): so My Drive and
 *   "shared with me" need a view of their own, and shared drives this second one.
 *   `Feature.SUPPORT_DRIVES` is deprecated (picker.feature) and not used.
 * - `setSize(w, h)`: "the preferred dialog size … minimum size of (566,350) and a maximum size of
 *   (1051,650)" (picker.pickerbuilder.setsize): the dialog's size less its 1-pixel borders, as
 *   Apps Script's file-open dialog sample does, so the Picker fits the dialog.
 * - `setOrigin(google.script.host.origin)`: "the window.location.protocol + '//' +
 *   window.location.host of the top-most page, if your application is running in an iframe";
 *   `setLocale('th')` (picker.locales lists 'th'); `setAppId` (the Cloud project number, required
 *   for drive.file), `setOAuthToken`, `setDeveloperKey`, `setCallback` (called "when the user
 *   selects items or cancels").
 */
import type { PickerConfig } from '../gas/picker';

interface Runner {
  withSuccessHandler(fn: (value: never) => void): Runner;
  withFailureHandler(fn: (error: Error) => void): Runner;
  [server: string]: unknown;
}

// The Picker API as loaded from apis.google.com: only what this page uses is declared.
interface PickerView {
  setIncludeFolders(v: boolean): PickerView;
  setSelectFolderEnabled(v: boolean): PickerView;
  setMimeTypes(v: string): PickerView;
  setEnableDrives(v: boolean): PickerView;
}
interface PickerBuilder {
  addView(v: PickerView): PickerBuilder;
  setOAuthToken(t: string): PickerBuilder;
  setDeveloperKey(k: string): PickerBuilder;
  setAppId(id: string): PickerBuilder;
  setOrigin(o: string): PickerBuilder;
  setLocale(l: string): PickerBuilder;
  setSize(width: number, height: number): PickerBuilder;
  setCallback(fn: (data: PickerResponse) => void): PickerBuilder;
  build(): { setVisible(v: boolean): void };
}
interface PickerResponse {
  action: string;
  docs?: { id: string; name: string }[];
}
interface PickerNamespace {
  DocsView: new (viewId?: unknown) => PickerView;
  PickerBuilder: new () => PickerBuilder;
  ViewId: { FOLDERS: unknown; DOCUMENTS: unknown };
  Action: { PICKED: string; CANCEL: string };
}

declare const google: {
  script: { run: Runner; host: { origin: string; close(): void } };
  picker: PickerNamespace;
};
declare const gapi: { load(name: string, callback: () => void): void };

function byId(id: string): HTMLElement {
  return document.getElementById(id) as HTMLElement;
}

function setStatus(text: string, kind: 'ok' | 'error' | '' = ''): void {
  const s = byId('status');
  s.textContent = text;
  s.className = `status ${kind}`;
}

function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler(resolve as (v: never) => void)
      .withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`โหลด ${src} ไม่ได้`));
    document.head.appendChild(s);
  });
}

const FOLDER = 'application/vnd.google-apps.folder';

/** My Drive and what is shared with the user, then the shared drives: the same view twice. */
function views(config: PickerConfig): PickerView[] {
  const p = google.picker;
  const view = () =>
    config.kind === 'folder'
      ? new p.DocsView(p.ViewId.FOLDERS)
          .setIncludeFolders(true)
          .setSelectFolderEnabled(true)
          .setMimeTypes(FOLDER)
      : new p.DocsView(p.ViewId.DOCUMENTS).setIncludeFolders(true);
  return [view(), view().setEnableDrives(true)];
}

function picked(config: PickerConfig, data: PickerResponse): void {
  const p = google.picker;
  if (data.action === p.Action.CANCEL) {
    google.script.host.close();
    return;
  }
  if (data.action !== p.Action.PICKED || !data.docs?.length) return;
  setStatus('กำลังบันทึกสิ่งที่เลือก…');
  call<string>('pickerChosen', config.kind, data.docs[0].id).then(
    (message) => {
      setStatus(message, 'ok');
      setTimeout(() => google.script.host.close(), 2500);
    },
    (err: Error) => setStatus(err.message, 'error'),
  );
}

async function start(): Promise<void> {
  byId('close').addEventListener('click', () => google.script.host.close());
  const kind = document.body.dataset.pickerKind ?? '';
  try {
    const config = await call<PickerConfig>('pickerConfig', kind);
    await loadScript('https://apis.google.com/js/api.js');
    await new Promise<void>((resolve) => gapi.load('picker', resolve));
    const p = google.picker;
    const [mine, shared] = views(config);
    new p.PickerBuilder()
      .addView(mine)
      .addView(shared)
      .setOAuthToken(config.token)
      .setDeveloperKey(config.apiKey)
      .setAppId(config.appId)
      .setOrigin(google.script.host.origin)
      .setLocale('th')
      .setSize(config.width - 2, config.height - 2)
      .setCallback((data) => picked(config, data))
      .build()
      .setVisible(true);
    setStatus('');
  } catch (err) {
    setStatus(`เปิดหน้าต่างเลือกไฟล์ไม่ได้: ${(err as Error).message}`, 'error');
  }
}

void start();
