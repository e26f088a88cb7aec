import type { TPropertyDefinitionInputRaw } from './property-definition';
import type { TPropertyScope } from './property-scope';

/** A pack entry: a ready definition without scope; the user picks the scope when adding it. */
export type TPackDefinition = Omit<TPropertyDefinitionInputRaw, 'scope'> & { key: string; suggestedScope: TPropertyScope };

export interface TPropertyPack {
  id: string;
  name: string;
  description: string;
  definitions: readonly TPackDefinition[];
}

// GA cookies look like `GA1.1.1234567890.1700000000`; the client id is the last two numbers.
const GA_CLIENT_ID = String.raw`^GA\d+\.\d+\.(\d+\.\d+)$`;

const utm = (parameter: string, displayName: string): TPackDefinition => ({
  key: parameter,
  displayName,
  dataType: 'string',
  source: 'query_string',
  expression: parameter,
  suggestedScope: 'session',
  // The landing page carries the campaign; later pages usually do not.
  sessionAggregation: 'first',
  maxLength: 200,
});

/** Built-in packs (SPEC §4.3). Add a pack by adding an entry here; the pack test validates it. */
export const PROPERTY_PACKS = [
  {
    id: 'marketing_campaign',
    name: 'Marketing campaign',
    description: 'UTM parameters from the landing URL, to compare experience by campaign.',
    definitions: [
      utm('utm_source', 'Campaign source'),
      utm('utm_medium', 'Campaign medium'),
      utm('utm_campaign', 'Campaign name'),
      utm('utm_term', 'Campaign term'),
      utm('utm_content', 'Campaign content'),
    ],
  },
  {
    id: 'google_analytics',
    name: 'Google Analytics',
    description: 'Google Analytics client ids from its first-party cookies, to join sessions with GA reports.',
    definitions: [
      { key: 'ga.client_id', displayName: 'GA client id', dataType: 'string', source: 'cookie', expression: '_ga', cleanupRule: GA_CLIENT_ID, suggestedScope: 'session' },
      { key: 'ga.gid', displayName: 'GA daily id', dataType: 'string', source: 'cookie', expression: '_gid', cleanupRule: GA_CLIENT_ID, suggestedScope: 'session' },
    ],
  },
  {
    id: 'adobe_analytics',
    name: 'Adobe Analytics',
    description: 'Adobe visitor ids and the AppMeasurement page name.',
    definitions: [
      { key: 'adobe.ecid', displayName: 'Adobe Experience Cloud id', dataType: 'string', source: 'js_variable', expression: 's.marketingCloudVisitorID', suggestedScope: 'session' },
      // s_vi looks like `[CS]v1|2F3A...-60000C...|[CE]`; keep the id between the pipes.
      { key: 'adobe.visitor_id', displayName: 'Adobe legacy visitor id', dataType: 'string', source: 'cookie', expression: 's_vi', cleanupRule: String.raw`\|([0-9A-Fa-f]+-[0-9A-Fa-f]+)\|`, suggestedScope: 'session' },
      { key: 'adobe.page_name', displayName: 'Adobe page name', dataType: 'string', source: 'js_variable', expression: 's.pageName', suggestedScope: 'event' },
      { key: 'adobe.channel', displayName: 'Adobe site section', dataType: 'string', source: 'js_variable', expression: 's.channel', suggestedScope: 'event' },
    ],
  },
  {
    id: 'intercom',
    name: 'Intercom',
    description: 'The Intercom identity your page passes in window.intercomSettings.',
    definitions: [
      { key: 'intercom.user_id', displayName: 'Intercom user id', dataType: 'string', source: 'js_variable', expression: 'intercomSettings.user_id', suggestedScope: 'session' },
      { key: 'intercom.company_id', displayName: 'Intercom company id', dataType: 'string', source: 'js_variable', expression: 'intercomSettings.company.id', suggestedScope: 'session' },
      { key: 'intercom.app_id', displayName: 'Intercom app id', dataType: 'string', source: 'js_variable', expression: 'intercomSettings.app_id', suggestedScope: 'session', honourDnt: false },
    ],
  },
  {
    id: 'web_app_basics',
    name: 'Web app basics',
    description: 'Release and language of the page, to spot regressions by version and locale.',
    definitions: [
      { key: 'app.version', displayName: 'App version', dataType: 'string', source: 'meta_tag', expression: 'app-version', suggestedScope: 'both', sessionAggregation: 'last', maxLength: 100, honourDnt: false },
      { key: 'page.language', displayName: 'Page language', dataType: 'string', source: 'js_variable', expression: 'document.documentElement.lang', suggestedScope: 'event', maxLength: 35, honourDnt: false },
      { key: 'browser.language', displayName: 'Browser language', dataType: 'string', source: 'js_variable', expression: 'navigator.language', suggestedScope: 'session', maxLength: 35 },
    ],
  },
] as const satisfies readonly TPropertyPack[];

export type TPropertyPackId = (typeof PROPERTY_PACKS)[number]['id'];
