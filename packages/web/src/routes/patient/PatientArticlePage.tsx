import { Anchor, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { ArticleView } from '../../features/care-plan/ArticleView.tsx';
import { useEducationArticle } from '../../features/care-plan/care-plan-queries.ts';
import { ClinicalNotice } from '../../features/common/ClinicalNotice.tsx';
import { ErrorState } from '../../features/common/ErrorState.tsx';
import { LoadingState } from '../../features/common/LoadingState.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';

export function PatientArticlePage() {
  const { articleId = '' } = useParams();
  const article = useEducationArticle(articleId);
  const back = (
    <Anchor component={Link} to="/patient/plan">
      Back to my plan
    </Anchor>
  );
  return (
    <Stack gap="lg">
      <PageTitle>{article.data?.article.title ?? 'Reading'}</PageTitle>
      <ClinicalNotice />
      <Text>{back}</Text>
      {article.isPending ? (
        <LoadingState label="Loading the article" />
      ) : article.isError ? (
        isApiError(article.error, 404) ? (
          <Text>This article is not in the library. It may have been replaced by a newer one.</Text>
        ) : (
          <ErrorState
            title="Could not load the article"
            error={article.error}
            onRetry={() => void article.refetch()}
          />
        )
      ) : (
        <>
          <ArticleView article={article.data.article} />
          <Text>{back}</Text>
        </>
      )}
    </Stack>
  );
}
