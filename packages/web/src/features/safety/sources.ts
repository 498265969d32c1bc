export interface SourceLink {
  href: string;
  /** The host name shown as the link text, e.g. "pubmed.ncbi.nlm.nih.gov". */
  host: string;
}

/**
 * A source as a safe link, or null for anything that is not an http(s) URL
 * (a `javascript:` or malformed value is shown as text, never made clickable).
 */
export function sourceLink(source: string): SourceLink | null {
  let url: URL;
  try {
    url = new URL(source.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname === '') return null;
  return { href: url.href, host: url.hostname.replace(/^www\./, '') };
}

export interface LabelledSource {
  source: string;
  link: SourceLink | null;
  /** The link text: the host, numbered when the same host is cited more than once. */
  label: string;
}

/** "pmc.ncbi.nlm.nih.gov (1)", "pmc.ncbi.nlm.nih.gov (2)": repeated hosts stay distinguishable. */
export function labelSources(sources: readonly string[]): LabelledSource[] {
  const links = sources.map(sourceLink);
  const totals = new Map<string, number>();
  for (const link of links) if (link) totals.set(link.host, (totals.get(link.host) ?? 0) + 1);
  const seen = new Map<string, number>();
  return sources.map((source, i) => {
    const link = links[i] ?? null;
    if (!link) return { source, link, label: source };
    const n = (seen.get(link.host) ?? 0) + 1;
    seen.set(link.host, n);
    return { source, link, label: (totals.get(link.host) ?? 1) > 1 ? `${link.host} (${n})` : link.host };
  });
}
