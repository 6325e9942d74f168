// A button that opens the system file chooser for one file (the <input type=file> stays hidden
// but labelled, so tests and screen readers can reach it).
import { useRef, type ReactNode } from 'react';

export function FilePickButton({
  accept,
  inputLabel,
  disabled,
  className,
  onFile,
  children,
}: {
  accept: string;
  /** accessible name of the hidden file input */
  inputLabel: string;
  disabled?: boolean;
  className?: string;
  onFile: (file: File) => void;
  children: ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={inputLabel}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // cleared so choosing the same file again still fires
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
