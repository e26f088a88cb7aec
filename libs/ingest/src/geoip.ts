import { readFile } from 'node:fs/promises';
import { Reader, type CountryResponse } from 'maxmind';

/** What enrichment needs of a GeoIP database; tests and other sources can stand in for it. */
export interface TCountryLookup {
  countryOf(ip: string): string | null;
}

export const NO_COUNTRY_LOOKUP: TCountryLookup = { countryOf: () => null };

/** Opens a MaxMind-format (mmdb) country or city database. */
export async function openCountryLookup(path: string): Promise<TCountryLookup> {
  const reader = new Reader<CountryResponse>(await readFile(path));
  return {
    countryOf(ip) {
      try {
        const record = reader.get(ip);
        return record?.country?.iso_code ?? record?.registered_country?.iso_code ?? null;
      } catch {
        return null;
      }
    },
  };
}
