// Toolbar icons as inline SVG (no icon font, nothing fetched; CSP-safe). 16×16, stroke = currentColor.
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {children}
    </svg>
  );
}

export const UndoIcon = () => (
  <Icon>
    <path d="M4 6h6a3 3 0 0 1 0 6H7" />
    <path d="M6 3.5 3.5 6 6 8.5" />
  </Icon>
);
export const RedoIcon = () => (
  <Icon>
    <path d="M12 6H6a3 3 0 0 0 0 6h3" />
    <path d="M10 3.5 12.5 6 10 8.5" />
  </Icon>
);
export const BulletListIcon = () => (
  <Icon>
    <circle cx="3" cy="4" r="0.8" fill="currentColor" />
    <circle cx="3" cy="8" r="0.8" fill="currentColor" />
    <circle cx="3" cy="12" r="0.8" fill="currentColor" />
    <path d="M6 4h8M6 8h8M6 12h8" />
  </Icon>
);
export const NumberListIcon = () => (
  <Icon>
    <path d="M2.5 3h1v3M2.3 9.2c.3-.5 1.7-.6 1.7.3 0 .7-1.8 1.3-1.8 2.5h1.9" strokeWidth="1.1" />
    <path d="M7 4h7M7 8h7M7 12h7" />
  </Icon>
);
export const QuoteIcon = () => (
  <Icon>
    <path d="M3 4v8M6 5h7M6 8h7M6 11h5" />
  </Icon>
);
export const LinkIcon = () => (
  <Icon>
    <path d="M7 9a2.5 2.5 0 0 0 3.5 0l2-2A2.5 2.5 0 0 0 9 3.5l-.7.7" />
    <path d="M9 7a2.5 2.5 0 0 0-3.5 0l-2 2A2.5 2.5 0 0 0 7 12.5l.7-.7" />
  </Icon>
);
export const TableIcon = () => (
  <Icon>
    <rect x="2" y="3" width="12" height="10" rx="1" />
    <path d="M2 6.5h12M2 9.8h12M6 3v10M10 3v10" />
  </Icon>
);
export const ImageIcon = () => (
  <Icon>
    <rect x="2" y="3" width="12" height="10" rx="1" />
    <circle cx="5.5" cy="6.5" r="1.1" />
    <path d="m2.5 12 3.5-3.5 2.5 2.5 2-2 3 3" />
  </Icon>
);
