import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways inside itself: a named region that takes keyboard focus, so
 * keyboard users can scroll it with the arrow keys and read every column (WCAG 2.1.1).
 */
export function TableScroll(props: { label: string; testId?: string; children: ReactNode }) {
  return (
    <section
      className="result-table-scroll"
      aria-label={props.label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll box must be reachable by keyboard
      tabIndex={0}
      data-testid={props.testId}
    >
      {props.children}
    </section>
  );
}
