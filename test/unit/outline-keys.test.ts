import { describe, expect, it } from 'vitest';
import type { Entry } from '../../core/library';
import { buildOutline } from '../../core/outline';
import { defaultOpen, treeKeyAction, visibleRows } from '../../components/outline-keys';

const entry = (id: string, kind: Entry['kind'], title: string, path: string[]): Entry =>
  ({ id, kind, title, path, body: title, tags: [] }) as unknown as Entry;

// 全文 › 一、差距 (phrase p1) › 1. 学习 (phrase p2)
const nodes = buildOutline([
  entry('whole', 'template', '全文', []),
  entry('s1', 'template', '一、差距', ['一、差距']),
  entry('i1', 'template', '1. 学习', ['一、差距', '1. 学习']),
  entry('p1', 'snippet', '短语一', ['一、差距']),
  entry('p2', 'snippet', '短语二', ['一、差距', '1. 学习']),
]);

describe('the outline keyboard', () => {
  it('shows a node, its phrases, then its children, and keeps level-two items closed at first', () => {
    const rows = visibleRows(nodes, defaultOpen);
    expect(rows.map((r) => r.key)).toEqual(['whole', 's1', 'phrase:p1', 'i1']);
    expect(rows.map((r) => r.parent)).toEqual([-1, 0, 1, 1]);
    expect(rows[3]).toMatchObject({ expandable: true, open: false });
  });

  it('moves with ↑/↓ and Home/End, and stops at the ends', () => {
    const rows = visibleRows(nodes, defaultOpen);
    expect(treeKeyAction(rows, 0, 'ArrowDown')).toEqual({ type: 'move', to: 1 });
    expect(treeKeyAction(rows, 0, 'ArrowUp')).toBeNull();
    expect(treeKeyAction(rows, 3, 'ArrowDown')).toBeNull();
    expect(treeKeyAction(rows, 2, 'Home')).toEqual({ type: 'move', to: 0 });
    expect(treeKeyAction(rows, 0, 'End')).toEqual({ type: 'move', to: 3 });
  });

  it('opens a closed node with →, goes into an open one, and goes back out with ←', () => {
    const rows = visibleRows(nodes, defaultOpen);
    expect(treeKeyAction(rows, 3, 'ArrowRight')).toEqual({ type: 'toggle' });
    expect(treeKeyAction(rows, 1, 'ArrowRight')).toEqual({ type: 'move', to: 2 });
    expect(treeKeyAction(rows, 2, 'ArrowRight')).toBeNull();
    expect(treeKeyAction(rows, 2, 'ArrowLeft')).toEqual({ type: 'move', to: 1 });
    expect(treeKeyAction(rows, 1, 'ArrowLeft')).toEqual({ type: 'toggle' });
    expect(treeKeyAction(rows, 3, 'ArrowLeft')).toEqual({ type: 'move', to: 1 });
    expect(treeKeyAction(rows, 0, 'Enter')).toEqual({ type: 'activate' });
  });

  it('lists an opened node’s phrases and children after it', () => {
    const rows = visibleRows(nodes, (node, level) => node.key === 'i1' || defaultOpen(node, level));
    expect(rows.map((r) => r.key)).toEqual(['whole', 's1', 'phrase:p1', 'i1', 'phrase:p2']);
  });

  it('opens a group of phrases only when asked', () => {
    const groups = buildOutline([entry('a', 'snippet', '甲', ['问题查摆', '理论学习'])]);
    expect(visibleRows(groups, defaultOpen).map((r) => r.key)).toHaveLength(1);
  });
});
