import { Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';

interface PageTitleProps {
  children: string;
}

/** The page's single h1; also names the browser tab so tabs and history are distinguishable. */
export function PageTitle({ children }: PageTitleProps) {
  useDocumentTitle(`${children} · Meridian`);
  return <Title order={1}>{children}</Title>;
}
