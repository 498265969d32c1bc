import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type EducationArticle,
  educationArticle,
  educationArticleSchema,
  educationArticles,
  educationWordCount,
  isPlainText,
  readEducation,
} from './education.ts';
import { readKnowledge } from './load.ts';
import { isTrustedSource } from './source-hosts.ts';

const required = [
  'what-to-expect-acupuncture',
  'sleep-hygiene',
  'anti-inflammatory-foods',
  'questions-for-your-provider',
  'pain-plan-checklist',
  'herbs-supplements-safety',
];

const valid = (): Record<string, unknown> => ({
  id: 'a-test-article',
  title: 'A test article',
  summary: 'A short summary of the test article for lists.',
  readingMinutes: 1,
  body: [
    { kind: 'heading', text: 'Heading' },
    { kind: 'paragraph', text: 'A paragraph of plain text, with a comparison: 3 < 5.' },
    { kind: 'list', items: ['One item', 'Another item'] },
  ],
  therapies: ['acupuncture'],
  conditions: ['chronic-pain'],
  sources: ['https://www.nccih.nih.gov/health/be-an-informed-consumer'],
  reviewed: '2026-11-23',
});

describe('the shipped education library', () => {
  const knowledge = readKnowledge().data;
  const { articles, problems } = readEducation(undefined, knowledge);

  it('parses, with unique ids, known therapies and conditions, and trusted sources', () => {
    expect(problems).toEqual([]);
    expect(articles.length).toBeGreaterThanOrEqual(required.length);
  });

  it('has the six required articles', () => {
    const ids = educationArticles().map((a) => a.id);
    for (const id of required) expect(ids).toContain(id);
    expect(educationArticle('sleep-hygiene')?.title).toMatch(/sleep/i);
    expect(educationArticle('no-such-article')).toBeUndefined();
  });

  it('links only therapy and condition ids that exist in the knowledge base', () => {
    const therapies = new Set(knowledge.therapies.map((t) => t.id));
    const conditions = new Set(knowledge.conditions.map((c) => c.id));
    for (const a of articles) {
      for (const t of a.therapies) expect(therapies.has(t), `${a.id}: ${t}`).toBe(true);
      for (const c of a.conditions) expect(conditions.has(c), `${a.id}: ${c}`).toBe(true);
    }
  });

  it('cites sources on trusted hosts only', () => {
    for (const a of articles)
      for (const s of a.sources) expect(isTrustedSource(s), `${a.id}: ${s}`).toBe(true);
  });

  it('states a reading time that matches the length (about 200 words a minute)', () => {
    for (const a of articles) {
      const minutes = educationWordCount(a) / 200;
      expect(Math.abs(a.readingMinutes - minutes), a.id).toBeLessThanOrEqual(2);
    }
  });

  it('steers decisions to the care team in every article', () => {
    const text = (a: EducationArticle) =>
      a.body.flatMap((b) => (b.kind === 'list' ? b.items : [b.text])).join(' ');
    for (const a of articles) expect(text(a), a.id).toMatch(/care team/);
  });
});

describe('the education article schema', () => {
  it('accepts a valid article and defaults the links', () => {
    const { therapies, conditions, ...rest } = valid();
    const parsed = educationArticleSchema.parse(rest);
    expect(parsed.therapies).toEqual([]);
    expect(parsed.conditions).toEqual([]);
    expect(educationArticleSchema.safeParse(valid()).success).toBe(true);
  });

  it('refuses an article without sources', () => {
    expect(educationArticleSchema.safeParse({ ...valid(), sources: [] }).success).toBe(false);
    const { sources, ...noSources } = valid();
    expect(educationArticleSchema.safeParse(noSources).success).toBe(false);
  });

  it('refuses a source that is not an https URL', () => {
    expect(educationArticleSchema.safeParse({ ...valid(), sources: ['http://nih.gov/x'] }).success).toBe(
      false,
    );
  });

  it('refuses HTML tags in the body', () => {
    const html = (text: string) => ({
      ...valid(),
      body: [...(valid().body as unknown[]), { kind: 'paragraph', text }],
    });
    expect(educationArticleSchema.safeParse(html('Some <b>bold</b> advice here.')).success).toBe(false);
    expect(educationArticleSchema.safeParse(html('A <script>alert(1)</script> block.')).success).toBe(false);
    const list = {
      ...valid(),
      body: [...(valid().body as unknown[]), { kind: 'list', items: ['ok', '<i>x</i>'] }],
    };
    expect(educationArticleSchema.safeParse(list).success).toBe(false);
  });

  it('refuses Markdown and unknown block kinds', () => {
    expect(isPlainText('Use **bold** here')).toBe(false);
    expect(isPlainText('See [this](https://nih.gov)')).toBe(false);
    expect(isPlainText('# A heading')).toBe(false);
    expect(isPlainText('Blood pressure under 120/80 is < 5 points away.')).toBe(true);
    const odd = { ...valid(), body: [{ kind: 'image', src: 'x.png' }, ...(valid().body as unknown[])] };
    expect(educationArticleSchema.safeParse(odd).success).toBe(false);
  });

  it('refuses a bad id, a bad date and unknown fields', () => {
    expect(educationArticleSchema.safeParse({ ...valid(), id: 'Not An Id' }).success).toBe(false);
    expect(educationArticleSchema.safeParse({ ...valid(), reviewed: '23/11/2026' }).success).toBe(false);
    expect(educationArticleSchema.safeParse({ ...valid(), author: 'me' }).success).toBe(false);
  });
});

describe('the education loader', () => {
  it('reports unknown links, untrusted hosts, duplicate ids and misnamed files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edu-'));
    const write = (file: string, article: Record<string, unknown>) =>
      fs.writeFileSync(path.join(dir, file), JSON.stringify(article));
    write('a-test-article.json', {
      ...valid(),
      therapies: ['no-such-therapy'],
      conditions: ['no-such-condition'],
      sources: ['https://www.some-blog.com/post'],
    });
    write('copy.json', valid());
    fs.writeFileSync(path.join(dir, 'broken.json'), '{ not json');
    const knowledge = { therapies: [{ id: 'acupuncture', name: 'acupuncture' }], conditions: [] };
    const { articles, problems } = readEducation(dir, knowledge);
    expect(articles).toHaveLength(2);
    const all = problems.join('\n');
    expect(all).toContain('unknown therapy no-such-therapy');
    expect(all).toContain('unknown condition no-such-condition');
    expect(all).toContain('untrusted host');
    expect(all).toContain('duplicate education article id: a-test-article');
    expect(all).toContain('copy.json: the file must be named a-test-article.json');
    expect(all).toContain('broken.json: not valid JSON');
  });
});
