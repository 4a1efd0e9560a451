/**
 * The page-side adapters and the bridge's channel, with stand-ins for the
 * editors' APIs (the real editors run in test/e2e/editors.test.ts): which
 * adapter claims a field, in which phase, and that a claimed insertion is
 * reported as taken only when the editor's own model shows it.
 */
import { describe, expect, it } from 'vitest';
import { parseCaretReply, parsePasteReply, parseReply, parseRequest } from '../../utils/page/insert/bridge-channel';
import { APART_MS, withClockAhead } from '../../utils/page/insert/page-clock';
import { caretOfPageEditor, insertThroughPageEditor, selectInPageEditor } from '../../utils/page/insert/page-editors';
import type { PageElement, PageWindow, PageWorld } from '../../utils/page/insert/page-editors/types';
import { showsInserted } from '../../utils/page/insert/shown-text';

/** A field whose ancestors, found by closest(selector), carry the given properties. */
function fieldInside(ancestors: Record<string, object>, ownerDocument: object = {}): PageElement {
  return {
    closest: (selector: string) => ancestors[selector] ?? null,
    ownerDocument,
  } as unknown as PageElement;
}

function worldOf(field: PageElement, globals: Record<string, unknown> = {}): PageWorld {
  const win = { ...globals, document: {} } as unknown as PageWindow;
  (win as unknown as { parent: unknown }).parent = win;
  return { win, field, toPage: (value) => value };
}

/** A CodeMirror 5 stand-in: a string model with a caret. */
function codeMirror(initial: string, caret: number, { ignores = false } = {}) {
  let value = initial;
  const calls: string[] = [];
  return {
    calls,
    getValue: () => value,
    replaceSelection(text: string, _select: string, origin: string) {
      calls.push(origin);
      if (!ignores) value = value.slice(0, caret) + text + value.slice(caret);
    },
    scrollIntoView: () => undefined,
  };
}

describe('insertThroughPageEditor', () => {
  it('inserts through the CodeMirror 5 instance of the wrapper that holds the field, as one paste-origin change', () => {
    const cm = codeMirror('开头文字。结尾文字。', 5);
    const field = fieldInside({ '.CodeMirror': { CodeMirror: cm } });
    expect(insertThroughPageEditor(worldOf(field), '说实话', 'first')).toEqual({ found: true, editor: 'codemirror5', took: true });
    expect(cm.getValue()).toBe('开头文字。说实话结尾文字。');
    expect(cm.calls).toEqual(['paste']);
  });

  it('reports an editor that was found but whose model did not change as not having taken the text', () => {
    const cm = codeMirror('开头', 2, { ignores: true });
    const field = fieldInside({ '.CodeMirror': { CodeMirror: cm } });
    expect(insertThroughPageEditor(worldOf(field), '说实话', 'first')).toEqual({ found: true, editor: 'codemirror5', took: false });
  });

  it('reports an editor whose API throws as not having taken the text', () => {
    const field = fieldInside({
      '.CodeMirror': {
        CodeMirror: {
          getValue: () => '',
          replaceSelection: () => {
            throw new Error('page code failed');
          },
          scrollIntoView: () => undefined,
        },
      },
    });
    expect(insertThroughPageEditor(worldOf(field), '说实话', 'first')).toEqual({ found: true, editor: 'codemirror5', took: false });
  });

  it('finds nothing for a field no editor claims, or one whose look-alike lacks the API', () => {
    expect(insertThroughPageEditor(worldOf(fieldInside({})), '说实话', 'first')).toEqual({ found: false });
    const fake = fieldInside({ '.CodeMirror': { CodeMirror: { getValue: () => '' } } });
    expect(insertThroughPageEditor(worldOf(fake), '说实话', 'first')).toEqual({ found: false });
  });

  it('tries TinyMCE only in the fallback phase, and finds the editor whose document is the field’s', () => {
    const doc = {};
    let content = '开头文字。';
    const inserted: string[] = [];
    const editor = {
      getBody: () => null,
      getDoc: () => doc,
      insertContent(html: string) {
        inserted.push(html);
        content += '<b>';
      },
      getContent: () => content,
    };
    const tinymce = { get: () => [editor] };
    const field = fieldInside({}, doc);
    expect(insertThroughPageEditor(worldOf(field, { tinymce }), 'a<b>\nc', 'first')).toEqual({ found: false });
    const reply = insertThroughPageEditor(worldOf(field, { tinymce }), 'a<b>\nc', 'fallback');
    expect(reply).toEqual({ found: true, editor: 'tinymce', took: false });
    // The user's text is escaped into paragraphs: it can only ever be text.
    expect(inserted).toEqual(['<p>a&#60;b&#62;</p><p>c</p>']);
  });

  it('reads TinyMCE 4’s list of editors when get() needs an id', () => {
    const body = {};
    let text = '';
    const editor = {
      getBody: () => body,
      getDoc: () => null,
      insertContent: (html: string) => (text += html),
      getContent: () => text,
    };
    const tinymce = { get: () => undefined, editors: [editor] };
    const field = body as unknown as PageElement;
    (field as unknown as { ownerDocument: object }).ownerDocument = {};
    (field as unknown as { closest: () => null }).closest = () => null;
    expect(insertThroughPageEditor(worldOf(field, { tinymce }), '说实话', 'fallback')).toEqual({ found: true, editor: 'tinymce', took: true });
  });

  it('asks Monaco for the editor whose DOM node holds the field and inserts between two undo stops', () => {
    const field = fieldInside({});
    let value = 'ab';
    const calls: string[] = [];
    const editor = {
      getDomNode: () => ({ contains: (node: unknown) => node === field }),
      getValue: () => value,
      getSelection: () => ({ startLineNumber: 1, startColumn: 2, endLineNumber: 1, endColumn: 2 }),
      getPosition: () => ({ lineNumber: 1, column: 2 }),
      pushUndoStop: () => calls.push('stop'),
      executeEdits(source: string, edits: { text: string }[]) {
        calls.push(source);
        value = 'a' + edits[0]!.text + 'b';
        return true;
      },
      revealPositionInCenterIfOutsideViewport: () => undefined,
    };
    const other = { ...editor, getDomNode: () => ({ contains: () => false }) };
    const monaco = { editor: { getEditors: () => [other, editor] } };
    expect(insertThroughPageEditor(worldOf(field, { monaco }), '说实话', 'first')).toEqual({ found: true, editor: 'monaco', took: true });
    expect(value).toBe('a说实话b');
    expect(calls).toEqual(['stop', 'bixia', 'stop']);
  });

  it('records one Trix undo entry before inserting, lines as Trix line breaks', () => {
    const calls: string[] = [];
    let doc = 'x\n';
    const editor = {
      getDocument: () => ({ toString: () => doc }),
      recordUndoEntry: (description: string) => calls.push(`undo:${description}`),
      insertString: (text: string) => (calls.push(text), (doc = text + doc)),
      insertLineBreak: () => calls.push('break'),
    };
    const field = fieldInside({ 'trix-editor': { editor } });
    expect(insertThroughPageEditor(worldOf(field), '甲\n乙', 'first')).toEqual({ found: true, editor: 'trix', took: true });
    expect(calls).toEqual(['undo:Typing', '甲', 'break', '乙']);
  });
});

/** A one-line CodeMirror 5 stand-in with a selection, for typed shortcuts. */
function codeMirrorLine(line: string, caret: number) {
  let value = line;
  let anchor = caret;
  let head = caret;
  return {
    get selection() {
      return [anchor, head];
    },
    getValue: () => value,
    getLine: () => value,
    getCursor: () => ({ line: 0, ch: head }),
    somethingSelected: () => anchor !== head,
    setSelection(from: { ch: number }, to: { ch: number }) {
      anchor = from.ch;
      head = to.ch;
    },
    replaceSelection(text: string) {
      const [start, end] = [Math.min(anchor, head), Math.max(anchor, head)];
      value = value.slice(0, start) + text + value.slice(end);
      anchor = head = start + text.length;
    },
    scrollIntoView: () => undefined,
  };
}

describe('typed shortcuts in an editor that types through a hidden field', () => {
  it('reads the text before the caret on its line, at most max characters, and none while text is selected', () => {
    const cm = codeMirrorLine('开头文字。;bl结尾', 8);
    const world = worldOf(fieldInside({ '.CodeMirror': { CodeMirror: cm } }));
    expect(caretOfPageEditor(world, 48)).toEqual({ found: true, before: '开头文字。;bl' });
    expect(caretOfPageEditor(world, 3)).toEqual({ found: true, before: ';bl' });
    cm.setSelection({ ch: 5 }, { ch: 8 });
    expect(caretOfPageEditor(world, 48)).toEqual({ found: true, before: null });
    expect(caretOfPageEditor(worldOf(fieldInside({})), 48)).toEqual({ found: false });
  });

  it('selects the trigger only while it still ends at the caret, so the insertion replaces it; empty puts the caret back', () => {
    const cm = codeMirrorLine('开头文字。;bl结尾', 8);
    const world = worldOf(fieldInside({ '.CodeMirror': { CodeMirror: cm } }));
    expect(selectInPageEditor(world, ';bx')).toEqual({ found: true, editor: 'codemirror5', took: false });
    expect(cm.selection).toEqual([8, 8]);
    expect(selectInPageEditor(world, ';bl')).toEqual({ found: true, editor: 'codemirror5', took: true });
    expect(cm.selection).toEqual([5, 8]);
    expect(insertThroughPageEditor(world, '说实话', 'first')).toMatchObject({ took: true });
    expect(cm.getValue()).toBe('开头文字。说实话结尾');
    cm.setSelection({ ch: 5 }, { ch: 8 });
    expect(selectInPageEditor(world, '')).toMatchObject({ took: true });
    expect(cm.selection).toEqual([8, 8]);
  });
});

describe('the bridge channel', () => {
  it('passes an insert of text and phase, or a paste of text and HTML, and nothing else', () => {
    expect(parseRequest(JSON.stringify({ kind: 'insert', text: '说实话', phase: 'first', extra: 1 }))).toEqual({ kind: 'insert', text: '说实话', phase: 'first' });
    expect(parseRequest(JSON.stringify({ kind: 'insert', text: '说实话', phase: 'anything' }))).toBeNull();
    expect(parseRequest(JSON.stringify({ text: '说实话', phase: 'first' })), 'no kind').toBeNull();
    expect(parseRequest(JSON.stringify({ kind: 'paste', text: '说实话', html: '说实话', phase: 'x' }))).toEqual({ kind: 'paste', text: '说实话', html: '说实话' });
    expect(parseRequest(JSON.stringify({ kind: 'paste', text: '说实话' })), 'no HTML').toBeNull();
    expect(parseRequest(JSON.stringify({ kind: 'run', text: '说实话' }))).toBeNull();
    expect(parseRequest({ kind: 'insert', text: '说实话', phase: 'first' })).toBeNull();
    expect(parseRequest('not json')).toBeNull();
    expect(parseRequest('null')).toBeNull();
    expect(parseRequest(JSON.stringify({ kind: 'caret', max: 48 }))).toEqual({ kind: 'caret', max: 48 });
    expect(parseRequest(JSON.stringify({ kind: 'caret', max: '48' }))).toBeNull();
    expect(parseRequest(JSON.stringify({ kind: 'select', typed: ';bl' }))).toEqual({ kind: 'select', typed: ';bl' });
    expect(parseRequest(JSON.stringify({ kind: 'select' }))).toBeNull();
    expect(parseCaretReply(JSON.stringify({ found: true, before: ';bl' }))).toEqual({ found: true, before: ';bl' });
    expect(parseCaretReply(JSON.stringify({ found: true, before: null }))).toEqual({ found: true, before: null });
    expect(parseCaretReply(JSON.stringify({ found: true, before: 3 }))).toBeNull();
    expect(parseCaretReply(undefined)).toBeNull();
  });

  it('believes only replies the bridge could have given', () => {
    expect(parseReply(JSON.stringify({ found: false }))).toEqual({ found: false });
    expect(parseReply(JSON.stringify({ found: true, editor: 'monaco', took: true }))).toEqual({ found: true, editor: 'monaco', took: true });
    expect(parseReply(JSON.stringify({ found: true, took: 'yes' }))).toBeNull();
    expect(parseReply(JSON.stringify({ found: 'true' }))).toBeNull();
    expect(parseReply(null)).toBeNull();
    expect(parsePasteReply(JSON.stringify({ taken: true }))).toEqual({ taken: true });
    expect(parsePasteReply(JSON.stringify({ taken: 1 }))).toBeNull();
    expect(parsePasteReply('"taken"')).toBeNull();
  });
});

describe('the page clock moved on for an expansion', () => {
  const windowWith = (now: () => number) => ({ Date: { now } }) as unknown as PageWindow;

  it('reads APART_MS later in every window while the paste runs, and is put back after', () => {
    const wins = [windowWith(() => 1000), windowWith(() => 5000)];
    const seen = withClockAhead(wins, (fn) => fn, () => wins.map((win) => (win.Date as unknown as { now(): number }).now()));
    expect(seen).toEqual([1000 + APART_MS, 5000 + APART_MS]);
    expect(wins.map((win) => (win.Date as unknown as { now(): number }).now())).toEqual([1000, 5000]);
  });

  it('is put back when the page throws, and a frozen clock is left as it is', () => {
    const win = windowWith(() => 1000);
    expect(() =>
      withClockAhead([win], (fn) => fn, () => {
        throw new Error('the page');
      }),
    ).toThrow('the page');
    expect((win.Date as unknown as { now(): number }).now()).toBe(1000);
    const frozen = { Date: Object.freeze({ now: () => 7 }) } as unknown as PageWindow;
    expect(withClockAhead([frozen], (fn) => fn, () => (frozen.Date as unknown as { now(): number }).now())).toBe(7);
  });

  it('hands the page a function it may call (exportFunction in Firefox)', () => {
    const win = windowWith(() => 0);
    const made: PageWindow[] = [];
    withClockAhead([win], (fn, target) => (made.push(target), fn), () => undefined);
    expect(made).toEqual([win]);
  });
});

describe('showsInserted', () => {
  it('sees the inserted text where it was not before, white space aside', () => {
    expect(showsInserted('开头文字。结尾文字。', '开头文字。说实话 结尾文字。', '说实话')).toBe(true);
    expect(showsInserted('开头', '开头', '说实话')).toBe(false);
  });

  it('needs the text more often than before: a second copy of the same phrase', () => {
    expect(showsInserted('说实话', '说实话 ', '说实话')).toBe(false);
    expect(showsInserted('说实话', '说实话说实话', '说实话')).toBe(true);
  });

  it('takes the last line for a long text whose start an editor no longer draws', () => {
    expect(showsInserted('开头', '…第三行第四行', '第一行\n第二行\n第三行\n第四行')).toBe(true);
  });
});
