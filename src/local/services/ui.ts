import { tracked, type CallLog } from './calls';
import { realmError, type Realm } from '../load-bundle';
import { isHtmlOutput } from './html';

/** Ui.Button and Ui.ButtonSet; the values are their names, as `String(Ui.Button.YES)` is in Apps Script. */
export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;
export type ButtonName = keyof typeof Button;
export type ButtonSetName = keyof typeof ButtonSet;

/** The buttons a dialog shows (CLOSE is the title bar's ×), the default first. */
const BUTTONS: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: MenuRecord };

export interface MenuRecord {
  /** '' for the add-on menu, which Google titles with the add-on's name. */
  caption: string;
  addon: boolean;
  entries: MenuEntry[];
}

export interface DialogRecord {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  buttons: ButtonSetName;
  /** The button the scripted user pressed. */
  answer: ButtonName;
  /** What the scripted user typed (prompts only). */
  responseText?: string;
}

export interface HtmlUiRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number;
  height: number;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/**
 * What the add-on showed the user, and the answers the scripted user gives.
 *
 * Answers are consumed in order by ui.alert and ui.prompt: a button name ('YES', 'NO', 'OK',
 * 'CANCEL', 'CLOSE'), or for a prompt the typed text, optionally prefixed by the button
 * ('CANCEL:', 'OK:นายสมชาย'); plain text means the default button. With an empty queue the
 * dialog fails loudly unless `useDefaults` is set, in which case the default button (OK or YES)
 * is pressed with an empty response.
 */
export class UiRecorder {
  readonly menus: MenuRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly html: HtmlUiRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  /** Dialogs that found no answer, kept even if the bundle caught the error. */
  readonly unanswered: string[] = [];

  constructor(
    readonly answers: string[] = [],
    public useDefaults = false,
    /** What Google titles an add-on menu with: the add-on's listed name. */
    readonly addonName = '',
  ) {}

  /** The last sidebar shown, if any. */
  get sidebar(): HtmlUiRecord | undefined {
    return [...this.html].reverse().find((h) => h.kind === 'sidebar');
  }

  /** Every menu item, flattened, with its path of captions. */
  menuItems(): { path: string[]; functionName: string }[] {
    const out: { path: string[]; functionName: string }[] = [];
    const walk = (m: MenuRecord, path: string[]): void => {
      for (const e of m.entries) {
        if (e.kind === 'item')
          out.push({ path: [...path, e.caption], functionName: e.functionName });
        if (e.kind === 'submenu') walk(e.menu, [...path, e.menu.caption]);
      }
    };
    for (const m of this.menus) walk(m, [m.caption]);
    return out;
  }

  addMenu(menu: MenuRecord): void {
    const i = this.menus.findIndex((m) => m.addon === menu.addon && m.caption === menu.caption);
    if (i >= 0) this.menus[i] = menu;
    else this.menus.push(menu);
  }

  /** Pops the next answer for a dialog showing `buttons`; undefined text means "no text typed". */
  answer(
    what: string,
    buttons: ButtonSetName,
    prompt: boolean,
  ): { button: ButtonName; text: string } {
    const allowed = BUTTONS[buttons];
    const raw = this.answers.shift();
    if (raw === undefined) {
      if (this.useDefaults) return { button: allowed[0], text: '' };
      this.unanswered.push(what);
      throw new Error(
        `${what} needs an answer but the runtime's answer queue is empty: pass answers (e.g. ['${allowed[0]}']) ` +
          'to createRuntime, or set defaultAnswers to press the default button.',
      );
    }
    const m = /^(OK|CANCEL|YES|NO|CLOSE)(?::([\s\S]*))?$/.exec(raw);
    const button = (m ? m[1] : allowed[0]) as ButtonName;
    const text = m ? (m[2] ?? '') : raw;
    if (!m && !prompt)
      throw new Error(`Answer "${raw}" to ${what} is not a button (${allowed.join(', ')}).`);
    if (!allowed.includes(button)) {
      throw new Error(`Answer "${raw}" to ${what}: the dialog shows only ${allowed.join(', ')}.`);
    }
    return { button, text };
  }

  reset(): void {
    this.menus.length = 0;
    this.dialogs.length = 0;
    this.html.length = 0;
    this.toasts.length = 0;
    this.unanswered.length = 0;
  }
}

export class Menu implements Pick<
  GoogleAppsScript.Base.Menu,
  'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'
> {
  private readonly record: MenuRecord;

  constructor(
    log: CallLog,
    private readonly recorder: UiRecorder,
    caption: string,
    addon: boolean,
  ) {
    this.record = { caption, addon, entries: [] };
    return tracked(this, log, 'Ui', 'Menu');
  }

  /** The menu as recorded (internal: not an Apps Script member). */
  _record(): MenuRecord {
    return this.record;
  }

  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    this.record.entries.push({
      kind: 'item',
      caption: String(caption),
      functionName: String(functionName),
    });
    return this as never;
  }

  addSeparator(): GoogleAppsScript.Base.Menu {
    this.record.entries.push({ kind: 'separator' });
    return this as never;
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    this.record.entries.push({ kind: 'submenu', menu: (menu as unknown as Menu)._record() });
    return this as never;
  }

  addToUi(): void {
    this.recorder.addMenu(structuredClone(this.record));
  }
}

export class PromptResponse implements Pick<
  GoogleAppsScript.Base.PromptResponse,
  'getResponseText' | 'getSelectedButton'
> {
  constructor(
    log: CallLog,
    private readonly text: string,
    private readonly button: ButtonName,
  ) {
    return tracked(this, log, 'Ui', 'PromptResponse');
  }

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): GoogleAppsScript.Base.Button {
    return this.button as unknown as GoogleAppsScript.Base.Button;
  }
}

/** Sidebars are 300 px wide whatever the HtmlOutput says. */
const SIDEBAR_WIDTH = 300;

/** SpreadsheetApp.getUi(). Dialog answers come from the recorder's scripted queue. */
export class Ui implements Pick<
  GoogleAppsScript.Base.Ui,
  | 'alert'
  | 'prompt'
  | 'createMenu'
  | 'createAddonMenu'
  | 'showSidebar'
  | 'showModalDialog'
  | 'showModelessDialog'
> {
  readonly Button = Button as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  constructor(
    private readonly log: CallLog,
    private readonly recorder: UiRecorder,
    private readonly realm: Realm,
  ) {
    return tracked(this, log, 'Ui', 'Ui');
  }

  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return new Menu(this.log, this.recorder, String(caption), false) as never;
  }

  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return new Menu(this.log, this.recorder, this.recorder.addonName, true) as never;
  }

  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    const { title, message, buttons } = this.dialogArgs('alert', args);
    const { button } = this.ask(`ui.alert(${JSON.stringify(message)})`, buttons, false);
    this.recorder.dialogs.push({ kind: 'alert', title, message, buttons, answer: button });
    return button as unknown as GoogleAppsScript.Base.Button;
  }

  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    const { title, message, buttons } = this.dialogArgs('prompt', args);
    const { button, text } = this.ask(`ui.prompt(${JSON.stringify(message)})`, buttons, true);
    this.recorder.dialogs.push({
      kind: 'prompt',
      title,
      message,
      buttons,
      answer: button,
      responseText: text,
    });
    return new PromptResponse(this.log, text, button) as never;
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    const out = this.html(userInterface, 'showSidebar');
    this.recorder.html.push({
      kind: 'sidebar',
      title: out.title,
      html: out.content,
      width: SIDEBAR_WIDTH,
      height: 0,
    });
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    const out = this.html(userInterface, 'showModalDialog');
    this.recorder.html.push({
      kind: 'modal',
      title: String(title),
      html: out.content,
      width: out.width,
      height: out.height,
    });
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    const out = this.html(userInterface, 'showModelessDialog');
    this.recorder.html.push({
      kind: 'modeless',
      title: String(title),
      html: out.content,
      width: out.width,
      height: out.height,
    });
  }

  private html(userInterface: unknown, member: string) {
    if (!isHtmlOutput(userInterface))
      throw realmError(this.realm, `Invalid argument: userInterface (Ui.${member})`);
    return userInterface._snapshot();
  }

  private dialogArgs(
    member: string,
    args: unknown[],
  ): { title: string; message: string; buttons: ButtonSetName } {
    const [a, b, c] = args;
    const triple = args.length >= 3;
    const buttons = String((triple ? c : args.length === 2 ? b : 'OK') ?? 'OK') as ButtonSetName;
    if (!(buttons in BUTTONS))
      throw realmError(this.realm, `Invalid argument: buttons (Ui.${member})`);
    return { title: triple ? String(a) : '', message: String(triple ? b : a), buttons };
  }

  private ask(
    what: string,
    buttons: ButtonSetName,
    prompt: boolean,
  ): { button: ButtonName; text: string } {
    try {
      return this.recorder.answer(what, buttons, prompt);
    } catch (err) {
      throw realmError(this.realm, (err as Error).message);
    }
  }
}
