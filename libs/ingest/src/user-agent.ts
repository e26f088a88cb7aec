import { UAParser } from 'ua-parser-js';

export interface TUserAgentInfo {
  browserName: string | null;
  browserVersion: string | null;
  browserMajorVersion: string | null;
  osName: string | null;
  osVersion: string | null;
  /** ua-parser leaves the type out for desktops; we name it. */
  deviceType: string;
  deviceManufacturer: string | null;
  deviceModel: string | null;
}

const MAX_UA_LENGTH = 1024;

export function parseUserAgent(ua: string | undefined): TUserAgentInfo {
  const result = UAParser((ua ?? '').slice(0, MAX_UA_LENGTH));
  return {
    browserName: result.browser.name ?? null,
    browserVersion: result.browser.version ?? null,
    browserMajorVersion: result.browser.major ?? null,
    osName: result.os.name ?? null,
    osVersion: result.os.version ?? null,
    deviceType: result.device.type ?? 'desktop',
    deviceManufacturer: result.device.vendor ?? null,
    deviceModel: result.device.model ?? null,
  };
}

export function truncateUserAgent(ua: string | undefined): string | null {
  return ua ? ua.slice(0, MAX_UA_LENGTH) : null;
}
