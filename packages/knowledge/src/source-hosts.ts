/**
 * Hosts a reviewer can trust as a source: bibliographic databases (PubMed, PMC), government and
 * regulatory agencies (NIH/NCCIH/ODS/LiverTox, FDA, EMA, MHRA, Medsafe, Swissmedic, NHS SPS, NICE),
 * guideline bodies, peer-reviewed publishers, and established professional drug references.
 * A row whose sources are all elsewhere (copies, shops, blogs, mirrors) is not accepted.
 */
export const trustedSourceHosts: RegExp[] = [
  // Bibliographic databases, government and regulators
  /(^|\.)nih\.gov$/,
  /(^|\.)fda\.gov$/,
  /^fda\.report$/,
  /(^|\.)medlineplus\.gov$/,
  /(^|\.)cdc\.gov$/,
  /(^|\.)cancer\.gov$/,
  /(^|\.)ema\.europa\.eu$/,
  /(^|\.)gov\.uk$/,
  /(^|\.)nhs\.uk$/,
  /(^|\.)nice\.org\.uk$/,
  /(^|\.)medsafe\.govt\.nz$/,
  /(^|\.)swissmedic\.ch$/,
  /(^|\.)legemiddelsok\.no$/,
  /(^|\.)medicines\.org\.uk$/,
  /(^|\.)who\.int$/,
  /(^|\.)canada\.ca$/,
  /(^|\.)tga\.gov\.au$/,
  // Guidelines, evidence and professional references
  /(^|\.)cochranelibrary\.com$/,
  /(^|\.)statpearls\.com$/,
  /(^|\.)msdmanuals\.com$/,
  /(^|\.)merckmanuals\.com$/,
  /(^|\.)mskcc\.org$/,
  /(^|\.)integrativeonc\.org$/,
  /(^|\.)cam-cancer\.org$/,
  /(^|\.)naturalmedicines\.therapeuticresearch\.com$/,
  /(^|\.)drugs\.com$/,
  /(^|\.)drugbank\.com$/,
  /(^|\.)pdr\.net$/,
  /(^|\.)pharmgkb\.org$/,
  /(^|\.)medscape\.com$/,
  /(^|\.)mayoclinic\.org$/,
  /(^|\.)aafp\.org$/,
  /(^|\.)acog\.org$/,
  /(^|\.)heart\.org$/,
  /(^|\.)rheumatology\.org$/,
  /(^|\.)ons\.org$/,
  // Peer-reviewed publishers and DOIs
  /^doi\.org$/,
  /(^|\.)springer\.com$/,
  /(^|\.)wiley\.com$/,
  /(^|\.)sciencedirect\.com$/,
  /(^|\.)elsevier\.health$/,
  /(^|\.)elsevier\.com$/,
  /(^|\.)bmj\.com$/,
  /(^|\.)jamanetwork\.com$/,
  /(^|\.)jama\.com$/,
  /(^|\.)nejm\.org$/,
  /(^|\.)thelancet\.com$/,
  /(^|\.)ahajournals\.org$/,
  /(^|\.)acpjournals\.org$/,
  /(^|\.)annals\.org$/,
  /(^|\.)ccjm\.org$/,
  /(^|\.)hindawi\.com$/,
  /(^|\.)frontiersin\.org$/,
  /(^|\.)mdpi\.com$/,
  /(^|\.)biomedcentral\.com$/,
  /(^|\.)cmaj\.ca$/,
  /(^|\.)mayoclinicproceedings\.org$/,
  /(^|\.)cambridge\.org$/,
  /(^|\.)cambridgecore\.org$/,
  /(^|\.)oup\.com$/,
  /(^|\.)tandfonline\.com$/,
  /(^|\.)informahealthcare\.com$/,
  /(^|\.)ascopubs\.org$/,
  /(^|\.)nature\.com$/,
  /(^|\.)plos\.org$/,
  /(^|\.)diabetesjournals\.org$/,
  /(^|\.)aspetjournals\.org$/,
  /(^|\.)lww\.com$/,
  /(^|\.)karger\.com$/,
  /(^|\.)thieme-connect\.com$/,
  /(^|\.)thieme-connect\.de$/,
  /(^|\.)sagepub\.com$/,
  /(^|\.)explorationpub\.com$/,
  /(^|\.)minervamedica\.it$/,
  /(^|\.)cdnsciencepub\.com$/,
  /(^|\.)jabfm\.org$/,
  /(^|\.)ama-assn\.org$/,
  /(^|\.)zenodo\.org$/,
  /(^|\.)europepmc\.org$/,
  /(^|\.)scielo\.br$/,
  /(^|\.)jstage\.jst\.go\.jp$/,
];

/** True when a source URL is on a trusted host. */
export function isTrustedSource(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return false;
  }
  return trustedSourceHosts.some((p) => p.test(host));
}
