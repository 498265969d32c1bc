import type { SendChannel } from './consultation-types.ts';

interface ProviderContact {
  fax?: string | null;
  email?: string | null;
}

export const channelLabels: Record<SendChannel, string> = {
  fax: 'Fax',
  'secure-email': 'Secure email',
  mail: 'Mail',
  portal: 'Portal',
  hand: 'By hand (given to the patient)',
};

const channels: SendChannel[] = ['fax', 'secure-email', 'mail', 'portal', 'hand'];

/** Fax when the provider has a fax number, else secure email when there is an address, else mail. */
export function defaultChannel(pcp: ProviderContact | null): SendChannel | '' {
  if (!pcp) return '';
  if (pcp.fax) return 'fax';
  if (pcp.email) return 'secure-email';
  return 'mail';
}

/** The select's options; "Do not send now" is always there, and the only one without a provider. */
export function channelOptions(pcp: ProviderContact | null): { value: string; label: string }[] {
  const none = { value: '', label: 'Do not send now' };
  if (!pcp) return [none];
  return [...channels.map((c) => ({ value: c, label: channelLabels[c] })), none];
}
