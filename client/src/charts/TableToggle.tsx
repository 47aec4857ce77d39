import { type ReactNode, useState } from 'react';

/**
 * The data-table alternative of a chart behind a disclosure. The table is
 * rendered only once opened: a year of sessions is hundreds of rows per chart,
 * which would otherwise cost every page view for the few who open it.
 */
export function TableToggle({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="table-toggle" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{label}</summary>
      {open && children}
    </details>
  );
}
