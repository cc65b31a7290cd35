/**
 * The Google Picker dialog (build/Picker.html). It asks the server for the user's OAuth token and
 * the deployment's Picker settings, opens Google Picker on the user's Drive (shared drives
 * included) and hands the picked id back to the server, which from then on may reach it under
 * drive.file. https://developers.google.com/workspace/drive/picker/guides/web-picker
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
  setTitle(t: string): PickerBuilder;
  enableFeature(f: unknown): PickerBuilder;
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
  Feature: { SUPPORT_DRIVES: unknown };
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

function view(config: PickerConfig): PickerView {
  const p = google.picker;
  if (config.kind === 'folder') {
    return new p.DocsView(p.ViewId.FOLDERS)
      .setIncludeFolders(true)
      .setSelectFolderEnabled(true)
      .setMimeTypes('application/vnd.google-apps.folder')
      .setEnableDrives(true);
  }
  return new p.DocsView(p.ViewId.DOCUMENTS).setIncludeFolders(true).setEnableDrives(true);
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
    new p.PickerBuilder()
      .addView(view(config))
      .enableFeature(p.Feature.SUPPORT_DRIVES)
      .setOAuthToken(config.token)
      .setDeveloperKey(config.apiKey)
      .setAppId(config.appId)
      .setOrigin(google.script.host.origin)
      .setLocale('th')
      .setCallback((data) => picked(config, data))
      .build()
      .setVisible(true);
    setStatus('');
  } catch (err) {
    setStatus(`เปิดหน้าต่างเลือกไฟล์ไม่ได้: ${(err as Error).message}`, 'error');
  }
}

void start();
