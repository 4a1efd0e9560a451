/**
 * The few React declarations react-app.tsx uses. The project has no
 * @types/react (its UI is Preact), and this test page is the only React code;
 * with @types/react installed this file can go.
 */
declare module 'react' {
  export function useState<T>(initial: T): [T, (next: T) => void];
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
}

declare module 'react-dom/client' {
  export interface Root {
    render(children: unknown): void;
  }
  export function createRoot(container: Element): Root;
}

declare module 'react/jsx-runtime' {
  export namespace JSX {
    type Element = unknown;
    interface ElementChildrenAttribute {
      children: unknown;
    }
    interface IntrinsicElements {
      label: { children?: unknown };
      textarea: {
        id?: string;
        value?: string;
        onChange?: (event: { currentTarget: HTMLTextAreaElement }) => void;
      };
      output: { id?: string; 'data-value'?: string };
    }
  }
  export const jsx: unknown;
  export const jsxs: unknown;
  export const Fragment: unknown;
}
