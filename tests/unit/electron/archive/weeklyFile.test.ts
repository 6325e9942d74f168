import { readFileSync, writeFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../../../electron/engine/archive/index';
import type { Issue } from '../../../../shared/model/issue';
import { FIXED_NOW, sampleIssues, tempDir, type TempDir } from './helpers';

let tmp: TempDir;
let here: Archive;
let there: Archive;
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);

function withFigure(issue: Issue, src: string): Issue {
  const copy = structuredClone(issue);
  copy.columns[0].articles[0].content.root.children.push({ type: 'figure', version: 1, src, altText: '', caption: '图 1 支付方式改革进度' });
  return copy;
}

beforeEach(() => {
  tmp = tempDir();
  here = openArchive(tmp.path('here/weekly-desk.db'), { now: FIXED_NOW });
  there = openArchive(tmp.path('there/weekly-desk.db'), { now: FIXED_NOW });
});

afterEach(() => {
  here.close();
  there.close();
  tmp.remove();
});

async function exported(): Promise<{ issue: Issue; file: string }> {
  const ref = here.putMedia(PNG, 'image/png');
  const issue = withFigure(sampleIssues()[0], ref);
  here.saveIssue(issue);
  const file = tmp.path('2021-W08.weekly');
  await here.exportWeekly('2021-W08', file);
  return { issue, file };
}

describe('.weekly files', () => {
  it('carry an issue with its media to another archive', async () => {
    const { issue, file } = await exported();
    const imported = await there.importWeekly(file);
    expect(imported).toEqual(issue);
    expect(there.getIssue('2021-W08')).toEqual(issue);
    const ref = issue.columns[0].articles[0].content.root.children.at(-1)!.src as string;
    expect(Uint8Array.from(there.getMedia(ref).bytes)).toEqual(PNG);
    expect(there.search('DRG')).toHaveLength(1);
  });

  it('are zips of weekly.json, the Lexical content and the media', async () => {
    const { file } = await exported();
    const names = Object.keys(unzipSync(readFileSync(file))).sort();
    expect(names).toEqual(['articles/001.json', 'articles/002.json', expect.stringMatching(/^media\/[0-9a-f]{64}$/), 'weekly.json']);
  });

  it('refuse to overwrite an issue already there unless asked, or import a copy', async () => {
    const { file } = await exported();
    await expect(here.importWeekly(file)).rejects.toMatchObject({ code: 'weekly-file-exists', messageZh: expect.stringContaining('已有这一期') });
    const copy = await here.importWeekly(file, { onConflict: 'copy' });
    expect(copy.id).toBe('2021-W08-2');
    const replaced = await here.importWeekly(file, { onConflict: 'replace' });
    expect(replaced.id).toBe('2021-W08');
    expect(here.listIssues().map((i) => i.id).sort()).toEqual(['2021-W08', '2021-W08-2']);
  });

  it('report a truncated file as damaged', async () => {
    const { file } = await exported();
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(there.importWeekly(file)).rejects.toMatchObject({ code: 'weekly-file-damaged', messageZh: expect.stringContaining('已损坏或不完整') });
    expect(there.listIssues()).toEqual([]);
  });

  it('report changed content as damaged, before storing anything', async () => {
    const { file } = await exported();
    const entries = unzipSync(readFileSync(file));
    const body = new TextDecoder().decode(entries['articles/001.json']).replace('DRG', 'DIP');
    entries['articles/001.json'] = strToU8(body);
    writeFileSync(file, zipSync(entries));
    await expect(there.importWeekly(file)).rejects.toMatchObject({ code: 'weekly-file-damaged' });
    expect(there.listIssues()).toEqual([]);
  });

  it('report a missing image as damaged', async () => {
    const { file } = await exported();
    const entries = unzipSync(readFileSync(file));
    for (const name of Object.keys(entries)) if (name.startsWith('media/')) delete entries[name];
    writeFileSync(file, zipSync(entries));
    await expect(there.importWeekly(file)).rejects.toMatchObject({ code: 'weekly-file-damaged' });
  });

  it('report an image referenced by an article but missing from the list as damaged', async () => {
    const { file } = await exported();
    const entries = unzipSync(readFileSync(file));
    const manifest = JSON.parse(new TextDecoder().decode(entries['weekly.json']));
    manifest.media = [];
    entries['weekly.json'] = strToU8(JSON.stringify(manifest));
    writeFileSync(file, zipSync(entries));
    await expect(there.importWeekly(file)).rejects.toMatchObject({ code: 'weekly-file-damaged', message: expect.stringContaining('referenced but not included') });
  });

  it('report a foreign file: not a zip, or a zip of something else', async () => {
    writeFileSync(tmp.path('notes.weekly'), '本周选题：医保、集采、DRG');
    await expect(there.importWeekly(tmp.path('notes.weekly'))).rejects.toMatchObject({ code: 'weekly-file-foreign', messageZh: expect.stringContaining('不是周刊编辑台导出的') });
    writeFileSync(tmp.path('doc.weekly'), zipSync({ 'word/document.xml': strToU8('<w:document/>') }));
    await expect(there.importWeekly(tmp.path('doc.weekly'))).rejects.toMatchObject({ code: 'weekly-file-foreign' });
    writeFileSync(tmp.path('other.weekly'), zipSync({ 'weekly.json': strToU8('{"format":"something-else"}') }));
    await expect(there.importWeekly(tmp.path('other.weekly'))).rejects.toMatchObject({ code: 'weekly-file-foreign' });
  });

  it('ask for an upgrade when written by a newer format version', async () => {
    const { file } = await exported();
    const entries = unzipSync(readFileSync(file));
    const manifest = JSON.parse(new TextDecoder().decode(entries['weekly.json']));
    manifest.formatVersion = 99;
    entries['weekly.json'] = strToU8(JSON.stringify(manifest));
    writeFileSync(file, zipSync(entries));
    await expect(there.importWeekly(file)).rejects.toMatchObject({ code: 'weekly-file-too-new', messageZh: expect.stringContaining('升级') });
  });

  it('explain an unreadable path', async () => {
    await expect(there.importWeekly(tmp.path('nowhere.weekly'))).rejects.toMatchObject({ code: 'weekly-file-unreadable' });
  });
});
