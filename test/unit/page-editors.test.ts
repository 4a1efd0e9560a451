/**
 * The page-side adapters and the bridge's channel, with stand-ins for the
 * editors' APIs (the real editors run in test/e2e/editors.test.ts): which
 * adapter claims a field, in which phase, and that a claimed insertion is
 * reported as taken only when the editor's own model shows it.
 */
import { describe, expect, it } from 'vitest';
import { parseReply, parseRequest } from '../../utils/page/insert/bridge-channel';
import { insertThroughPageEditor } from '../../utils/page/insert/page-editors';
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

describe('the bridge channel', () => {
  it('passes a request of text and phase, and nothing else', () => {
    expect(parseRequest(JSON.stringify({ text: '说实话', phase: 'first', extra: 1 }))).toEqual({ text: '说实话', phase: 'first' });
    expect(parseRequest(JSON.stringify({ text: '说实话', phase: 'anything' }))).toBeNull();
    expect(parseRequest({ text: '说实话', phase: 'first' })).toBeNull();
    expect(parseRequest('not json')).toBeNull();
  });

  it('believes only replies the bridge could have given', () => {
    expect(parseReply(JSON.stringify({ found: false }))).toEqual({ found: false });
    expect(parseReply(JSON.stringify({ found: true, editor: 'monaco', took: true }))).toEqual({ found: true, editor: 'monaco', took: true });
    expect(parseReply(JSON.stringify({ found: true, took: 'yes' }))).toBeNull();
    expect(parseReply(JSON.stringify({ found: 'true' }))).toBeNull();
    expect(parseReply(null)).toBeNull();
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
