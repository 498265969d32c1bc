import { educationArticle, educationArticles } from '@meridian/knowledge';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../http/errors.ts';

/** The education library: short articles written by the program that plans assign. No patient data. */
export function educationRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/education',
    { schema: { tags: ['education'], summary: 'The articles, without their text' } },
    async () => ({
      articles: educationArticles().map(({ body: _body, ...rest }) => rest),
    }),
  );
  r.get(
    '/api/education/:articleId',
    {
      schema: {
        tags: ['education'],
        summary: 'One article in full',
        params: z.strictObject({ articleId: z.string().min(1).max(100) }),
      },
    },
    async (request) => {
      const article = educationArticle(request.params.articleId);
      if (!article) fail('NOT_FOUND', 'There is no article with that id in the library.');
      return { article };
    },
  );
}
