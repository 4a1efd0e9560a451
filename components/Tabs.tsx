interface Tab<T extends string> {
  name: T;
  label: string;
}

interface Props<T extends string> {
  label: string;
  tabs: readonly Tab<T>[];
  selected: T;
  /** Element id of a tab: `${idPrefix}-${name}`; the panel is labelled by the selected one. */
  idPrefix: string;
  /** The tab panel, which must be in the page while the tabs are. */
  panelId: string;
  onSelect: (name: T) => void;
}

/**
 * A tab bar (the WAI-ARIA tabs pattern): one tab stop, the selected tab; ←/→
 * move to the previous and next tab (round the ends), Home/End to the first
 * and last, and select it as the focus arrives (automatic activation: every
 * panel here shows at once).
 */
export function Tabs<T extends string>({ label, tabs, selected, idPrefix, panelId, onSelect }: Props<T>) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const at = tabs.findIndex((tab) => tab.name === selected);
    const to =
      event.key === 'ArrowRight' ? (at + 1) % tabs.length
      : event.key === 'ArrowLeft' ? (at - 1 + tabs.length) % tabs.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? tabs.length - 1
      : -1;
    const next = tabs[to];
    if (!next) return;
    event.preventDefault();
    onSelect(next.name);
    document.getElementById(`${idPrefix}-${next.name}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.name}
          type="button"
          role="tab"
          id={`${idPrefix}-${tab.name}`}
          class="tab"
          tabIndex={tab.name === selected ? 0 : -1}
          aria-selected={tab.name === selected}
          aria-controls={panelId}
          onClick={() => onSelect(tab.name)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
