// What the editor sees under the export progress bar for each stage the PDF and DOCX engines
// report, and how far along the job is when that stage starts.
export interface StageShown {
  stageZh: string;
  progress: number;
}

const STAGES: Record<string, StageShown> = {
  fonts: { stageZh: '载入字体', progress: 0.2 },
  'layout articles': { stageZh: '排版正文', progress: 0.3 },
  'settle page numbers': { stageZh: '核定页码', progress: 0.55 },
  'assemble pages': { stageZh: '组版', progress: 0.65 },
  'draw pdf': { stageZh: '绘制 PDF 页面', progress: 0.75 },
  done: { stageZh: '写入文件', progress: 0.95 },
  'docx:content': { stageZh: '生成 Word 正文', progress: 0.3 },
  'docx:layout': { stageZh: '打包 Word 文档', progress: 0.7 },
  'docx:done': { stageZh: '写入文件', progress: 0.95 },
};

/** The shown stage for an engine stage name; unknown names (a newer engine) are not shown. */
export function stageShown(engineStage: string): StageShown | null {
  return STAGES[engineStage] ?? null;
}
