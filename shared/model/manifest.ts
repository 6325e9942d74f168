// The issue manifest file (../shared/fixtures/README.md). Reference fields (title, source,
// referenceSummary, printedPage) are for evaluation only: a build must not read them.
import { z } from 'zod';

export const manifestArticleSchema = z.looseObject({
  id: z.string().min(1).optional(),
  clip: z.string().min(1),
  summary: z.string().optional(),
});

export const manifestSchema = z.looseObject({
  series: z.string().optional(),
  title: z.string().optional(),
  subtitle: z.string().optional(),
  issueNumber: z.string().nullable().optional(),
  dateRange: z.string().nullable().optional(),
  isoWeek: z.string().regex(/^\d{4}-W\d{2}$/, 'isoWeek must look like 2024-W47'),
  tags: z.array(z.string()).optional(),
  readingNote: z.string().optional(),
  backCover: z.string().optional(),
  sections: z
    .array(
      z.looseObject({
        name: z.string().min(1),
        articles: z.array(manifestArticleSchema),
      }),
    )
    .min(1, 'a manifest needs at least one section'),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestArticle = z.infer<typeof manifestArticleSchema>;
