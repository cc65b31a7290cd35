/**
 * The bundle's Thai messages send staff to the add-on's menu items and sidebar, which a command
 * line run does not have. Where a message does, the command that does the same is added after
 * it as "(บรรทัดคำสั่ง: …)": the one place the CLI says so, for findings and step answers alike.
 */
import { MENU, type MenuFunction } from '../shared/menu';

/** Menu items that have a command here (the others, such as ตั้งค่าแผ่นงาน, have none). */
const BY_MENU: Partial<Record<MenuFunction, string>> = {
  checkData: 'validate <workbook.xlsx>',
  generate: 'generate <workbook.xlsx> --out <dir> --in-place',
  regenerateInPlace: 'generate <workbook.xlsx> --out <dir> --in-place --same-doc',
  sendForReview: 'send <workbook.xlsx> --out <dir>',
  approve: 'approve <workbook.xlsx> --out <dir> --as <อีเมลผู้สั่งการ>',
  publishApproved: 'publish <workbook.xlsx> --out <dir>',
  startNewFiscalYear: 'new-year <workbook.xlsx>',
  undoNewFiscalYear: 'restore-year <workbook.xlsx>',
};

/** Findings whose advice is the sidebar's, by rule. */
const BY_RULE: Readonly<Record<string, string>> = {
  // The sidebar's upload is the CLI's --garuda option.
  'garuda-missing': 'เพิ่ม --garuda ไฟล์ตราครุฑ.png',
};

/** "(บรรทัดคำสั่ง: …)" for what `message` (of a finding of `rule`) tells staff to use; or null. */
export function commandLineHint(message: string, rule?: string): string | null {
  const commands = new Set<string>();
  if (rule !== undefined && Object.prototype.hasOwnProperty.call(BY_RULE, rule))
    commands.add(BY_RULE[rule]);
  for (const [, label] of message.matchAll(/เมนู “([^”]+)”/g)) {
    const item = MENU.find(([l]) => l === label);
    const command = item ? BY_MENU[item[1]] : undefined;
    if (command) commands.add(command);
  }
  return commands.size ? `(บรรทัดคำสั่ง: ${[...commands].join(' หรือ ')})` : null;
}

/** `message` with the command line's equivalent of the menu items it names, line by line. */
export function withCommandLine(message: string): string {
  return message
    .split('\n')
    .map((line) => {
      const hint = commandLineHint(line);
      return hint ? `${line} ${hint}` : line;
    })
    .join('\n');
}
