// Helpers of the review-loop tests: the corrected example with reviewers, ข้อมูลทั่วไป by label.
import { runtimeOn, values } from './harness';

export type Rt = Awaited<ReturnType<typeof runtimeOn>>;

export const HEAD = 'head@muangkao.go.th';
export const PALAD = 'palad@muangkao.go.th';
export const NAYOK = 'nayok@muangkao.go.th';

/** Sets a ข้อมูลทั่วไป value by its label. */
export function setGeneral(rt: Rt, label: string, value: unknown): void {
  const row = values(rt, 'ข้อมูลทั่วไป').findIndex((r) => r[0] === label) + 1;
  if (row < 1) throw new Error(`no label ${label}`);
  rt.spreadsheet.getSheetByName('ข้อมูลทั่วไป')!.getRange(row, 2).setValue(value);
}

export function general(rt: Rt, label: string): unknown {
  return values(rt, 'ข้อมูลทั่วไป').find((r) => r[0] === label)?.[1];
}

/** The corrected example with the reviewers' and the approver's e-mails. */
export async function office(options: Parameters<typeof runtimeOn>[1] = {}): Promise<Rt> {
  const rt = await runtimeOn('ita-2568-corrected', { answers: [], ...options });
  rt.spreadsheet
    .getSheetByName('ผู้ลงนาม')!
    .getRange('G3:G5')
    .setValues([[HEAD], [PALAD], [NAYOK]]);
  return rt;
}
