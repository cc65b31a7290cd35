// Suggestions on the emulated Docs API, as https://developers.google.com/docs/api/how-tos/suggestions
// describes them: inline by default for whoever may comment, the two previews when asked, a 403 for
// a reader who asks to see them, and Drive's PDF export showing them (assumption, suggestions.ts).
import type { Document } from '../../src/core/docs/types';
import { emptyDocModel } from '../../src/local/docmodel';
import { CallLog } from '../../src/local/services/calls';
import { createDocsService } from '../../src/local/services/docs-api';
import { DriveStore } from '../../src/local/services/drive/store';
import { removeTempStores, tempStore } from '../../src/local/services/drive/testing';
import { markedUpDocument } from '../../src/local/suggestions';
import { p } from '../core/docs/helpers';

afterAll(removeTempStores);

const REVIEWER = 'head@example.go.th';
const READER = 'reader@example.go.th';

function setup() {
  const { store, dir } = tempStore();
  const docs = createDocsService(store, new CallLog());
  const id = store.addUserDoc(
    { ...emptyDocModel('', 'doc'), body: [p('ส่งกองคลังตรวจ')] },
    'doc',
    undefined,
    true,
  );
  store.addPermission(id, { type: 'user', role: 'commenter', emailAddress: REVIEWER });
  store.addPermission(id, { type: 'user', role: 'reader', emailAddress: READER });
  const get = (mode?: string) =>
    docs.Documents.get(id, (mode ? { suggestionsViewMode: mode } : {}) as never) as Document;
  const runs = (doc: Document) =>
    (doc.body?.content ?? []).flatMap((e) =>
      (e.paragraph?.elements ?? []).map((el) => el.textRun ?? {}),
    );
  return { store, dir, id, get, runs };
}

describe('suggestions on the emulated Docs API', () => {
  it('are inline by default, with their ids on the text runs; the previews accept or reject them', () => {
    const { store, id, get, runs } = setup();
    const sid = store.addSuggestion(id, REVIEWER, { at: 'กองคลัง', remove: true, insert: 'กองช่าง' });
    expect(sid).toMatch(/^suggest\.[a-z0-9]{12}$/);
    const inline = get();
    expect(inline.suggestionsViewMode).toBe('SUGGESTIONS_INLINE');
    expect(
      runs(inline).map((r) => [r.content, r.suggestedDeletionIds, r.suggestedInsertionIds]),
    ).toEqual([
      ['ส่ง', undefined, undefined],
      ['กองคลัง', [sid], undefined],
      ['กองช่าง', undefined, [sid]],
      ['ตรวจ\n', undefined, undefined],
    ]);
    const text = (doc: Document) =>
      runs(doc)
        .map((r) => r.content)
        .join('');
    expect(text(get('PREVIEW_SUGGESTIONS_ACCEPTED'))).toBe('ส่งกองช่างตรวจ\n');
    expect(text(get('PREVIEW_WITHOUT_SUGGESTIONS'))).toBe('ส่งกองคลังตรวจ\n');
    expect(runs(get('PREVIEW_WITHOUT_SUGGESTIONS')).some((r) => r.suggestedDeletionIds)).toBe(
      false,
    );
    expect(() => get('SHOW_ALL')).toThrow(/Invalid value at 'suggestions_view_mode'/);
  });

  it('a reader sees the Doc without them, and may not ask for them', () => {
    const { store, dir, id, runs } = setup();
    store.addSuggestion(id, REVIEWER, { at: 'กองคลัง', insert: 'และกองช่าง' });
    // The same Drive, as the reader.
    const docs = createDocsService(
      new DriveStore(dir, { user: READER, now: () => new Date() }),
      new CallLog(),
    );
    const doc = docs.Documents.get(id) as Document;
    expect(doc.suggestionsViewMode).toBe('PREVIEW_WITHOUT_SUGGESTIONS');
    expect(
      runs(doc)
        .map((r) => r.content)
        .join(''),
    ).toBe('ส่งกองคลังตรวจ\n');
    for (const mode of ['SUGGESTIONS_INLINE', 'PREVIEW_SUGGESTIONS_ACCEPTED'])
      expect(() => docs.Documents.get(id, { suggestionsViewMode: mode } as never)).toThrow(
        'The caller does not have permission',
      );
  });

  it('only someone who may comment can suggest; settling them leaves plain text', () => {
    const { store, id, get, runs } = setup();
    expect(() => store.addSuggestion(id, READER, { at: 'กองคลัง', remove: true })).toThrow(
      /commenter/,
    );
    store.addSuggestion(id, REVIEWER, { at: 'กองคลัง', remove: true });
    // The export shows the text to delete struck through.
    const marked = markedUpDocument(store.readModel(id));
    const struck = marked.body[0].type === 'paragraph' && marked.body[0].children[0];
    expect(
      struck &&
        struck.type === 'text' &&
        struck.runs.find((r) => r.text === 'กองคลัง')?.style.strikethrough,
    ).toBe(true);
    store.settleSuggestions(id, true);
    expect(runs(get()).map((r) => r.content)).toEqual(['ส่งตรวจ\n']);
    expect(store.readModel(id).suggestions).toBeUndefined();
  });
});
