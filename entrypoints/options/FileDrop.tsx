import { useSignal } from '@preact/signals';

interface Props {
  /** The file input's name: report-file, backup-file. */
  name: string;
  accept: string;
  label: string;
  hint: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}

/**
 * A visible drop zone around a real file input: the input is how keyboard and
 * screen-reader users choose a file, the zone (and the whole view, see
 * useDropTarget) is where a mouse drops one.
 */
export function FileDrop({ name, accept, label, hint, disabled, onFile }: Props) {
  return (
    <label class="drop-zone" data-drop-zone={name}>
      <span class="drop-zone-label">{label}</span>
      <span class="drop-zone-hint">{hint}</span>
      <input
        type="file"
        name={name}
        accept={accept}
        disabled={disabled}
        class="drop-zone-input"
        onChange={(event) => {
          const input = event.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          // Cleared so that choosing the same file again (after fixing it) reads it again.
          input.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}

/** Handlers that make a whole view take a dropped file, and whether one is being dragged over it. */
export function useDropTarget(onFile: (file: File) => void) {
  const dragging = useSignal(false);
  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  return {
    dragging,
    handlers: {
      onDragOver: (event: DragEvent) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
        dragging.value = true;
      },
      onDragLeave: (event: DragEvent) => {
        // Leaving for a child element is not leaving the view.
        if (!(event.currentTarget as Node).contains(event.relatedTarget as Node | null)) dragging.value = false;
      },
      onDrop: (event: DragEvent) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        dragging.value = false;
        const file = event.dataTransfer?.files[0];
        if (file) onFile(file);
      },
    },
  };
}
