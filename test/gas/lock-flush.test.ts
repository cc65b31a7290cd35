// Every memo command releases the document lock only after SpreadsheetApp.flush(): Apps Script
// batches spreadsheet writes, and the Lock reference asks to commit them before releasing
// (https://developers.google.com/apps-script/reference/lock/lock#releaseLock()), or the next
// person's step may read ประวัติ without this one's rows. The emulated lock counts releases made
// while writes were pending (CallLog.unflushedReleases).
import type { GenerateResult, StepResult } from '../../src/shared/sidebar-api';
import { cleanupTempDirs } from '../local/helpers';
import { NAYOK, office } from './review-helpers';

afterAll(cleanupTempDirs);

describe('the document lock', () => {
  it('is released after the spreadsheet writes are flushed, in every step', async () => {
    const rt = await office({ defaultAnswers: true });
    // The emulation sees a write as pending until a flush.
    rt.run('sidebarCheck');
    expect(rt.calls.unflushedReleases).toBe(0);
    expect(rt.fromPage<GenerateResult>('sidebarGenerate', true).status).toBe('done');
    expect(rt.run<StepResult>('sidebarSend').status).toBe('done');
    rt.run('sidebarReview');
    rt.run('refreshComments');
    expect(rt.as(NAYOK).run<StepResult>('sidebarApprove', true).status).toBe('done');
    expect(rt.run<StepResult>('sidebarPublish').status).toBe('done');
    expect(rt.fromPage<GenerateResult>('sidebarRegenerate', true).status).toBe('done');
    expect(rt.calls.unflushedReleases).toBe(0);
    expect(rt.calls.count('SpreadsheetApp', 'SpreadsheetApp.flush')).toBeGreaterThanOrEqual(7);
  });
});
