import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { dataDir, type KnowledgeData, readKnowledge } from './load.ts';
import { idSchema, sourceSchema } from './schema.ts';
import { isTrustedSource } from './source-hosts.ts';

/**
 * Patient education articles: short texts written by the program, in plain language, that a clinician's
 * well-being plan assigns and the patient reads in the portal (or in the printed plan). One JSON file
 * per article under data/education/, named after the article's id.
 */
export const educationDir = path.join(dataDir, 'education');

/**
 * Plain text only: the web app and the PDF renderer lay the article out, so a body carries no HTML
 * (a `<` followed by a letter, as in `<b>` or `<script>`) and no Markdown (`**bold**`, `[link](url)`,
 * `# heading`, backticks).
 */
export function isPlainText(text: string): boolean {
  if (/<[A-Za-z]/.test(text)) return false;
  return !/(\*\*|__|`|\]\(|^\s*#{1,6}\s)/m.test(text);
}
const plain = (schema: z.ZodString) =>
  schema.refine(isPlainText, 'plain text only: no HTML tags and no Markdown');

export const educationBlockSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('heading'), text: plain(z.string().min(2).max(120)) }),
  z.strictObject({ kind: z.literal('paragraph'), text: plain(z.string().min(10).max(1200)) }),
  z.strictObject({
    kind: z.literal('list'),
    items: z
      .array(plain(z.string().min(2).max(400)))
      .min(2)
      .max(15),
  }),
]);

export const educationArticleSchema = z.strictObject({
  id: idSchema,
  title: plain(z.string().min(5).max(120)),
  /** One or two sentences shown in lists. */
  summary: plain(z.string().min(20).max(300)),
  readingMinutes: z.number().int().min(1).max(15),
  body: z.array(educationBlockSchema).min(3),
  /** Therapy ids it relates to (data/therapies). */
  therapies: z.array(idSchema).default([]),
  /** Condition ids it relates to (data/conditions). */
  conditions: z.array(idSchema).default([]),
  /** The pages its facts rest on. */
  sources: z.array(sourceSchema).min(1, 'every article lists the sources its facts rest on'),
  /** The date the article was last reviewed against its sources. */
  reviewed: z.iso.date(),
});

export type EducationBlock = z.infer<typeof educationBlockSchema>;
export type EducationArticle = z.infer<typeof educationArticleSchema>;

/** Words in an article's title, summary and body (what the reader reads). */
export function educationWordCount(article: EducationArticle): number {
  const texts = [
    article.title,
    article.summary,
    ...article.body.flatMap((b) => (b.kind === 'list' ? b.items : [b.text])),
  ];
  return texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);
}

/**
 * Reads every article under `dir` and returns them with every problem found: schema, file name, duplicate
 * ids, therapy and condition ids unknown to the knowledge base, sources on untrusted hosts.
 */
export function readEducation(
  dir = educationDir,
  knowledge: Pick<KnowledgeData, 'therapies' | 'conditions'> = readKnowledge().data,
): { articles: EducationArticle[]; problems: string[] } {
  const problems: string[] = [];
  const articles: EducationArticle[] = [];
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  for (const file of files) {
    const where = `education/${file}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${where}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const result = educationArticleSchema.safeParse(parsed);
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push(`${where}: ${issue.path.join('.')} ${issue.message}`);
      continue;
    }
    const article = result.data;
    if (file !== `${article.id}.json`) problems.push(`${where}: the file must be named ${article.id}.json`);
    articles.push(article);
  }

  const therapies = new Set(knowledge.therapies.map((t) => t.id));
  const conditions = new Set(knowledge.conditions.map((c) => c.id));
  const seen = new Set<string>();
  for (const a of articles) {
    if (seen.has(a.id)) problems.push(`duplicate education article id: ${a.id}`);
    seen.add(a.id);
    for (const t of a.therapies)
      if (!therapies.has(t)) problems.push(`education ${a.id}: unknown therapy ${t}`);
    for (const c of a.conditions)
      if (!conditions.has(c)) problems.push(`education ${a.id}: unknown condition ${c}`);
    for (const s of a.sources)
      if (!isTrustedSource(s)) problems.push(`education ${a.id}: source on an untrusted host: ${s}`);
    if (new Set(a.sources).size !== a.sources.length)
      problems.push(`education ${a.id}: a source is listed twice`);
  }
  return { articles, problems };
}

let cache: EducationArticle[] | undefined;

/** The patient education library, validated (cached); throws an Error listing every problem. */
export function educationArticles(): EducationArticle[] {
  if (!cache) {
    const { articles, problems } = readEducation();
    if (problems.length)
      throw new Error(`The education library has ${problems.length} problem(s):\n${problems.join('\n')}`);
    cache = articles;
  }
  return cache;
}

/** One article of the library by id. */
export function educationArticle(id: string): EducationArticle | undefined {
  return educationArticles().find((a) => a.id === id);
}
