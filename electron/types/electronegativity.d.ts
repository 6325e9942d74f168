// The programmatic API of @doyensec/electronegativity (it ships no types).
declare module '@doyensec/electronegativity' {
  interface Level {
    value: number;
    name: string;
  }
  export interface ElectronegativityIssue {
    id: string;
    file: string;
    description: string;
    location: { line: number; column: number };
    sample?: string;
    severity: Level;
    confidence: Level;
    manualReview: boolean;
  }
  export interface ElectronegativityOptions {
    input: string;
    isRelative?: boolean;
    electronVersionOverride?: string;
    excludeFromScan?: string[];
    customScan?: string[];
    parserPlugins?: string[];
  }
  export default function run(options: ElectronegativityOptions): Promise<{
    globalChecks: number;
    atomicChecks: number;
    errors: Array<{ file: string; message: string; tolerable?: boolean }>;
    issues: ElectronegativityIssue[];
  }>;
}
