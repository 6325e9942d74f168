// `.weekly` files dropped anywhere on the window open as issues. Only a drop made of
// `.weekly` files is taken; any other drop (clippings on the import zone) is left to the page.
export interface DropTarget {
  addEventListener(type: 'dragover' | 'drop', listener: (event: DragEventLike) => void, capture: boolean): void;
}

export interface DragEventLike {
  dataTransfer: { types: readonly string[]; files: ArrayLike<{ name: string }> } | null;
  preventDefault(): void;
  stopPropagation(): void;
}

export function isWeeklyName(name: string): boolean {
  return name.length > '.weekly'.length && name.toLowerCase().endsWith('.weekly');
}

export function watchWeeklyDrops<F extends { name: string }>(target: DropTarget, pathOf: (file: F) => string, open: (path: string) => void): void {
  // Without this the window refuses every file drop; it allows dropping, it does not take it.
  target.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  }, true);
  target.addEventListener('drop', (event) => {
    const files = Array.from((event.dataTransfer?.files ?? []) as ArrayLike<F>);
    if (files.length === 0 || !files.every((f) => isWeeklyName(f.name))) return;
    event.preventDefault();
    event.stopPropagation();
    for (const file of files) {
      const path = pathOf(file);
      if (path) open(path);
    }
  }, true);
}
