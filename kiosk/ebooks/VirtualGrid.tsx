/**
 * A grid that renders only the rows in view (plus a few), over a fixed row height, so 10,000
 * covers scroll as smoothly as 10. Columns follow the width. `items` are the titles loaded so far:
 * `onNearEnd` asks for more when the rows in view come within a screenful of their end.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

const OVERSCAN_ROWS = 2;

interface VirtualGridProps<T> {
  items: T[];
  /** A new list (another query or shelf) starts at its top; more of the same list keeps the place. */
  listKey: string;
  keyOf: (item: T) => string | number;
  render: (item: T) => ComponentChildren;
  rowHeight: number;
  minColumnWidth: number;
  label: string;
  onNearEnd: () => void;
}

export function VirtualGrid<T>({ items, listKey, keyOf, render, rowHeight, minColumnWidth, label, onNearEnd }: VirtualGridProps<T>) {
  const box = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 1000, width: 1600 });

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setViewport({ top: element.scrollTop, height: element.clientHeight, width: element.clientWidth });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
  }, [listKey]);

  const columns = Math.max(1, Math.floor(viewport.width / minColumnWidth));
  const rows = Math.ceil(items.length / columns);
  const firstRow = Math.max(0, Math.floor(viewport.top / rowHeight) - OVERSCAN_ROWS);
  const endRow = Math.min(rows, Math.ceil((viewport.top + viewport.height) / rowHeight) + OVERSCAN_ROWS);
  const visible = items.slice(firstRow * columns, endRow * columns);
  const nearEnd = endRow + (endRow - firstRow) >= rows;
  useEffect(() => {
    if (nearEnd) onNearEnd();
  }, [nearEnd, items.length]);

  return (
    <div
      ref={box}
      class="virtual-grid"
      role="list"
      aria-label={label}
      onScroll={(event) => {
        const top = event.currentTarget.scrollTop;
        setViewport((current) => ({ ...current, top }));
      }}
    >
      <div class="virtual-grid-space" style={{ height: `${rows * rowHeight}px` }}>
        {visible.map((item, i) => {
          const index = firstRow * columns + i;
          return (
            <div
              key={keyOf(item)}
              role="listitem"
              class="virtual-grid-cell"
              style={{
                top: `${Math.floor(index / columns) * rowHeight}px`,
                left: `${((index % columns) * 100) / columns}%`,
                width: `${100 / columns}%`,
                height: `${rowHeight}px`,
              }}
            >
              {render(item)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
